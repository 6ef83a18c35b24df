"""The embedded orchestrator: a shipped base model (Qwen2.5-Coder 0.5B Instruct by default, or Gemma 3 270M) turns
a message into compact JSON tool calls.

Two modes behind one class. Without an adapter, the base model gets a fixed few-shot prefix (its
key/value cache is computed once) plus the new request. With our LoRA adapter, it gets the request
alone, as in training. The answer is one line, `[["tool", {arguments}], ...]`, or `[]` when no tool
is due; `assistant.calls` validates it.
"""

from __future__ import annotations

import os
from contextlib import nullcontext

from assistant.orchestrators.base import Orchestrator, PlanRequest
from assistant.orchestrators.prompt_format import prompt, state_of
from models.registry import CHECKPOINTS

DEFAULT_ADAPTER = os.path.join(CHECKPOINTS, "orchestrator_lora")
ADAPTERS = {"gemma": DEFAULT_ADAPTER, "qwen": os.path.join(CHECKPOINTS, "orchestrator_lora_qwen")}
CHAT_BASE = "qwen"  # the base that reads the chat by default: the best within the latency bar (the adapters' cards)

FEW_SHOT = """Turn each request into tool calls for an art studio. Tools: compose_melody, paint, write_text, undo, go_to_version.
Arguments: mood, palette, emphasize_colour, subject, style, tempo, tempo_scale, key, mode, bars, add_bars, instrument, valence_change, arousal_change, brightness_change, saturation_change, new_variation, kind, lines, number.
Answer [] when no tool is needed.

Request: make a melancholic melody and matching painting
Calls: [["compose_melody", {"mood": "melancholic"}], ["paint", {}]]
Request: slower
Calls: [["compose_melody", {"tempo_scale": 0.8}]]
Request: more blue
Calls: [["paint", {"emphasize_colour": "blue"}]]
Request: make it longer
Calls: [["compose_melody", {"add_bars": 4}]]
Request: hi there!
Calls: []
Request: a joyful tune at 120 bpm in D major on flute
Calls: [["compose_melody", {"mood": "joyful", "tempo": 120, "key": "D", "mode": "major", "instrument": "flute"}]]
Request: paint a calm sea in teal and white
Calls: [["paint", {"mood": "calm", "subject": "the sea", "palette": ["teal", "white"]}]]
Request: and a short poem for it
Calls: [["write_text", {"kind": "poem"}]]
Request: go back to the first painting
Calls: [["go_to_version", {"kind": "painting", "number": 1}]]
Request: undo that melody change
Calls: [["undo", {"kind": "melody"}]]
Request: thanks, that's lovely
Calls: []
Request: give it a title
Calls: [["write_text", {"kind": "title"}]]
Request: a bit darker and another variation
Calls: [["paint", {"brightness_change": -0.3, "new_variation": true}]]
Request: sixteen bars, faster, on the cello
Calls: [["compose_melody", {"bars": 16, "tempo_scale": 1.25, "instrument": "cello"}]]
Request: what can you do?
Calls: []
"""


def request_line(request: PlanRequest, with_note: bool = True) -> str:
    """The state line (works, the melody's length, what the last turn touched) and the newest message."""
    message = request.messages[-1]["content"] if request.messages else ""
    note = f" (previous answer was invalid: {request.repair_note})" if request.repair_note and with_note else ""
    return prompt(message + note, state_of(request.messages, request.brief, request.artifacts).line())


class LocalLMOrchestrator(Orchestrator):
    """A shipped base model behind the orchestrator interface, greedy decoding; LoRA-tuned when an adapter is given."""

    def __init__(
        self,
        adapter: str | None = None,
        max_new_tokens: int = 96,
        restrict_vocabulary: bool = True,
        base: str = "gemma",
    ):
        self.adapter, self.max_new_tokens, self.restrict_vocabulary = adapter, max_new_tokens, restrict_vocabulary
        from models.language.base_models import base_model

        self.base = base
        self.name = f"{base_model(base).short_name} {'+ LoRA' if adapter else 'few-shot'}"

    def _inputs(self, request: PlanRequest, base, tokenizer):
        """(model, context manager, input ids, key/value cache) for either mode."""
        import torch

        from models.language.shared_lm import base_only, with_adapter
        from models.language.text_generation import PREFIX_CACHE

        if self.adapter:
            ids = tokenizer(request_line(request), return_tensors="pt").input_ids.to(base.device)
            return with_adapter(self.adapter, key=self.base), nullcontext(), ids, None
        prefix_ids, cache = PREFIX_CACHE.get(base, tokenizer, FEW_SHOT)
        new_ids = tokenizer(request_line(request), return_tensors="pt", add_special_tokens=False).input_ids
        return base, base_only(self.base), torch.cat([prefix_ids, new_ids.to(prefix_ids.device)], dim=1), cache

    def plan(self, request: PlanRequest) -> str:
        import torch

        from models.language.shared_lm import LM_LOCK, model_and_tokenizer
        from models.language.text_generation import cut_at_stop, stopping

        base, tokenizer = model_and_tokenizer(self.base)
        if self.adapter and self.restrict_vocabulary:  # the tuned model's own path, without `generate`
            return self._plan_over_answer_tokens(request, tokenizer)
        with LM_LOCK:
            model, context, ids, cache = self._inputs(request, base, tokenizer)
            with context, torch.no_grad():
                out = model.generate(
                    input_ids=ids,
                    attention_mask=torch.ones_like(ids),
                    past_key_values=cache,
                    max_new_tokens=self.max_new_tokens,
                    do_sample=False,
                    stopping_criteria=stopping(tokenizer, ("\n",), ids.shape[1]),
                    pad_token_id=tokenizer.eos_token_id,
                )
        return cut_at_stop(tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True), ("\n",))

    def _plan_over_answer_tokens(self, request: PlanRequest, tokenizer) -> str:
        """The tuned model, greedy over the tokens an answer can use (see `assistant.orchestrators.answer_vocabulary`),
        under the decoding rules of `assistant.orchestrators.decoding_rules`."""
        from assistant.orchestrators.absent_work import changes_to_touched_work
        from assistant.orchestrators.answer_drafts import AnswerDrafts
        from assistant.orchestrators.asked_works import (
            TOOL_OF_KIND,
            PromptState,
            answer_logprob,
            answer_without_unasked,
            asked_reading,
            dumps,
        )
        from assistant.orchestrators.decoding_rules import answer_rules, last_tools
        from assistant.orchestrators.last_work import of_last_work
        from assistant.orchestrators.left_alone import without_left_alone
        from assistant.orchestrators.mood_words import with_moods_read
        from assistant.orchestrators.prose_asks import as_description
        from assistant.orchestrators.repair import repair_plan
        from assistant.orchestrators.subject_owner import without_scene_mood
        from assistant.orchestrators.text_length import with_text_length
        from assistant.orchestrators.unmade_asks import without_unmade
        from assistant.orchestrators.work_subject import without_work_subjects
        from models.language.shared_lm import LM_LOCK, with_adapter
        from models.language.sub_vocabulary_decoding import greedy_sub_vocabulary

        line = request_line(request, with_note=False)  # the adapter never learnt a note: a repair closes arguments
        repair = repair_plan(request.repair_note, request.started) if request.repair_note else None
        if repair is not None and (repair.question or not repair.in_time()):
            return repair.out_of_time()
        rules = answer_rules(request, line, tokenizer, self.adapter, repair)
        model = with_adapter(self.adapter, key=self.base)
        message = " ".join((request.messages[-1]["content"] if request.messages else "").split())
        drafts = AnswerDrafts(tokenizer, self.adapter, message, rules.stops)
        with LM_LOCK:
            ids = tokenizer(line, return_tensors="pt").input_ids.to(model.device)
            tokens = greedy_sub_vocabulary(
                model, ids, rules.allowed, self.max_new_tokens, rules.stops, rules.accept, draft=drafts
            )
            answer = tokenizer.decode(tokens, skip_special_tokens=True).strip()
            if repair is not None and not rules.finished(answer):
                return repair.out_of_time()
            existing = frozenset(TOOL_OF_KIND[k] for k in request.artifacts if k in TOOL_OF_KIND)
            last = last_tools(request)
            answer = asked_reading(model, ids, answer, tokenizer, rules.allowed, rules.stops, message, existing, last)
            answer = without_left_alone(without_unmade(answer, message), message)
            prompt = PromptState(model, ids)  # its cache is made only if an answer is weighed
            answer = rules.reading.weighed(
                answer,
                lambda calls: answer_logprob(model, ids, dumps(calls), tokenizer, rules.allowed, rules.stops, prompt),
            )
        state = state_of(request.messages, request.brief, request.artifacts)
        answer = without_work_subjects(as_description(answer, message), (request.brief or {}).get("subject") or "")
        answer = of_last_work(answer, message, state.last, state.works)
        answer = with_text_length(changes_to_touched_work(answer, message, existing, last), message, existing, last)
        return answer_without_unasked(without_scene_mood(with_moods_read(answer), message), message, existing)


def default_orchestrator(base: str = CHAT_BASE) -> Orchestrator:
    """The tuned orchestrator of `base` when its adapter ships; else Gemma few-shot, or an instruct base (Qwen)
    through its own tool-calling chat template."""
    adapter = ADAPTERS.get(base, "")
    if os.path.exists(os.path.join(adapter, "adapter_config.json")):
        return LocalLMOrchestrator(adapter, base=base)
    if base == "gemma":
        return LocalLMOrchestrator(base=base)
    return own_chat_template_orchestrator(base)


def own_chat_template_orchestrator(base: str) -> Orchestrator:
    """An instruct base (Qwen) untuned, through its own tool-calling chat template."""
    from assistant.orchestrators.chat_template import ChatTemplateOrchestrator
    from assistant.orchestrators.chat_template_lm import ChatTemplateLM
    from models.language.base_models import base_model, build_cache

    lm = ChatTemplateLM.from_path(build_cache(base))
    return ChatTemplateOrchestrator(lm, name=f"{base_model(base).short_name}, its own chat template")
