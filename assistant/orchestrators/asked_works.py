"""A work only when the request names or implies it: the readings with and without each work call are scored by
the tuned model's own likelihood.

Greedy decoding decides "one more call?" on one token: "a cheerful tune and a matching picture of a market square"
came out as a melody, a painting and a description nobody asked for, because "," beat "]" by a little. Here the
whole answer is weighed: for each work call of an answer with more than one, the answer without it is scored
(sum of the answer's token log-probabilities and its stop, over the tokens decoding may use), and the call is kept
only when the answer with it is the likelier reading (a painting whose scene the request writes, "paint a
ballroom with chandeliers", always stays: `subject_span.painting_subject`). A subject the call carried goes, in the
reading without it, to a painting that has none (the words are the request's and must reach a work; "a melody and
a painting of a fox" came out as paint {} and a text about the fox), and that painting then stays. Before that, a
subject typed into one call goes to the call of the work the request's words give it ("a painting of a fox": the
painting's; `assistant.orchestrators.subject_owner`), so the text call left empty is weighed as such.
"""

from __future__ import annotations

import json

import torch

from assistant.orchestrators.subject_owner import placed_subjects
from assistant.orchestrators.subject_span import painting_subject
from models.language.sub_vocabulary_decoding import decoder_of, sub_vocabulary_head

WORK_TOOLS = ("compose_melody", "paint", "write_text")


def dumps(calls: list) -> str:
    """An answer as the adapter writes it."""
    return json.dumps(calls, ensure_ascii=False)


class PromptState:
    """The model's cache after the prompt less its last token, computed once and shared by every reading scored."""

    def __init__(self, model, prompt_ids: torch.Tensor):
        self.model, self.prompt_ids, self.cache = model, prompt_ids, None

    @torch.no_grad()
    def hidden(self, answer_ids: torch.Tensor) -> torch.Tensor:
        """Hidden states from the prompt's last token through the answer's (the cache is left as it was)."""
        if self.cache is None:
            self.cache = decoder_of(self.model)(input_ids=self.prompt_ids[:, :-1], use_cache=True).past_key_values
        fed = torch.cat([self.prompt_ids[:, -1:], answer_ids], dim=1)
        out = decoder_of(self.model)(input_ids=fed, past_key_values=self.cache, use_cache=True)
        self.cache.crop(-fed.shape[1])
        return out.last_hidden_state[0]


@torch.no_grad()
def answer_logprob(
    model, prompt_ids: torch.Tensor, answer: str, tokenizer, allowed: torch.Tensor, stops, state=None
) -> float:
    """log p(answer, then a stop | prompt) under the decoding's own distribution (the allowed tokens); `state`: the
    prompt's `PromptState`, when several answers are scored."""
    answer_ids = tokenizer(" " + answer, add_special_tokens=False, return_tensors="pt").input_ids.to(prompt_ids.device)
    state = state or PromptState(model, prompt_ids)
    hidden = state.hidden(answer_ids)
    logprobs = torch.log_softmax(sub_vocabulary_head(model, allowed)(hidden).float(), dim=-1)
    index = {int(t): i for i, t in enumerate(allowed.tolist())}
    total = 0.0
    for step, token in enumerate(answer_ids[0].tolist()):
        if token not in index:
            return float("-inf")
        total += float(logprobs[step, index[token]])
    stop_rows = [index[s] for s in stops if s in index]
    return total + float(torch.logsumexp(logprobs[-1, stop_rows], dim=0)) if stop_rows else total


def without_call(calls: list, i: int) -> tuple[list, int | None]:
    """The answer without call i, its subject moved to a painting that has none; and that painting's index."""
    rest = [[name, dict(args)] for j, (name, args) in enumerate(calls) if j != i]
    subject = calls[i][1].get("subject") if isinstance(calls[i][1], dict) else None
    for j, (name, args) in enumerate(rest):
        if subject and name == "paint" and not args.get("subject"):
            args["subject"] = subject
            return rest, j
    return rest, None


def works_in(calls: list) -> int:
    return sum(1 for name, _ in calls if name in WORK_TOOLS)


def asked_reading(
    model, prompt_ids: torch.Tensor, answer: str, tokenizer, allowed: torch.Tensor, stops, request: str = ""
) -> str:
    """The answer with each subject on the work that governs it (`subject_owner`), less the work calls that its
    reading without them explains better (see the module doc)."""
    try:
        calls = json.loads(answer)
    except ValueError:
        return answer
    if not isinstance(calls, list) or not all(isinstance(c, list) and len(c) == 2 for c in calls):
        return answer
    if works_in(calls) < 2:
        return answer
    placed = placed_subjects(calls, request)
    if placed != calls:
        calls, answer = placed, dumps(placed)
    state = PromptState(model, prompt_ids)
    score = lambda c: answer_logprob(model, prompt_ids, dumps(c), tokenizer, allowed, stops, state)  # noqa: E731
    best, keep, dropped = score(calls), set(), False  # keep: a painting that took a subject stays
    scene = painting_subject(request) if request else None  # a painting whose scene the request writes is asked
    for i in reversed(range(len(calls))):
        if calls[i][0] not in WORK_TOOLS or i in keep or works_in(calls) < 2 or (scene and calls[i][0] == "paint"):
            continue
        shorter, took = without_call(calls, i)
        if (value := score(shorter)) > best:
            keep = {k - (k > i) for k in keep} | ({took} if took is not None else set())
            calls, best, dropped = shorter, value, True
    return dumps(calls) if dropped else answer
