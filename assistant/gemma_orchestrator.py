"""The embedded orchestrator: Gemma 3 270M turns a message into compact JSON tool calls.

The prompt is a fixed few-shot prefix (its key/value cache is computed once) plus the new message;
the answer is one line, `[["tool", {arguments}], ...]`, or `[]` when no tool is due. Base Gemma with
this prompt is the starting point that the LoRA adapter of the orchestrator issue improves on.
"""

from __future__ import annotations

from assistant.orchestrator import Orchestrator, PlanRequest

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


def request_line(request: PlanRequest) -> str:
    message = request.messages[-1]["content"] if request.messages else ""
    note = f" (previous answer was invalid: {request.repair_note})" if request.repair_note else ""
    return f"Request: {' '.join(message.split())}{note}\nCalls:"


class GemmaOrchestrator(Orchestrator):
    """Base (or LoRA-tuned) Gemma 3 270M behind the orchestrator interface, greedy decoding."""

    name = "gemma3-270m few-shot"

    def __init__(self, max_new_tokens: int = 64):
        self.max_new_tokens = max_new_tokens

    def plan(self, request: PlanRequest) -> str:
        import torch

        from models.gemma import gemma_model_and_tokenizer
        from models.text_generation import PREFIX_CACHE, cut_at_stop

        model, tokenizer = gemma_model_and_tokenizer()
        prefix_ids, cache = PREFIX_CACHE.get(model, tokenizer, FEW_SHOT)
        new_ids = tokenizer(request_line(request), return_tensors="pt", add_special_tokens=False).input_ids
        ids = torch.cat([prefix_ids, new_ids.to(prefix_ids.device)], dim=1)
        with torch.no_grad():
            out = model.generate(
                input_ids=ids,
                attention_mask=torch.ones_like(ids),
                past_key_values=cache,
                max_new_tokens=self.max_new_tokens,
                do_sample=False,
                stop_strings=["\n"],
                tokenizer=tokenizer,
                pad_token_id=tokenizer.eos_token_id,
            )
        return cut_at_stop(tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True), ("\n",))
