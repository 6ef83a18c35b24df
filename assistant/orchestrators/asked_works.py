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

The request's own words (`assistant.orchestrators.work_words`) bound this both ways. While decoding
(`NamedWorks`), an answer that calls a work may not end before every work the request asks for by name has its
call ("a sad tune in C minor, a painting of rain, and a haiku about loneliness" had lost the haiku), nor may a
request that opens by making a work ("paint anything you like") be answered with no call; the model then writes
the missing call. A work asked for by name is never weighed away. And before weighing, a call goes that can
only be unasked: one that changes nothing of a work that exists ("speed up the music but leave the picture
alone": paint {}) while no call changes the mood it could take, or one that makes a work the request never
mentions, with no argument at all, beside a work it does ("I need some background music": paint {} as well;
"a calm melodyy and a matchng painting" keeps the melody's mood).
"""

from __future__ import annotations

import json

import torch

from assistant.orchestrators.answer_position import position
from assistant.orchestrators.bare_subject import bare_subject, written_scene
from assistant.orchestrators.implied_works import implied_tools
from assistant.orchestrators.named_work import named_work_tools
from assistant.orchestrators.schema_constraint import closed
from assistant.orchestrators.subject_owner import placed_subjects
from assistant.orchestrators.work_words import asked_tools, commanded_tools, every_work, mentioned_tools
from models.language.sub_vocabulary_decoding import decoder_of, sub_vocabulary_head

WORK_TOOLS = ("compose_melody", "paint", "write_text")
TOOL_OF_KIND = {"melody": "compose_melody", "painting": "paint", "text": "write_text"}
MOOD_ARGUMENTS = ("mood", "valence_change", "arousal_change")


class NamedWorks:
    """The decoding rule: `ok(answer, piece)` refuses the piece that would end an answer while a work the request
    asks for by name has no call; after that, the next tool typed is a missing one. `every`: the works a request
    speaking of all of them asks for ("make both sadder": `work_words.every_work`). A scene written bare names the
    painting alone, and a request about one existing work that work alone (`named_work`; `existing`: tools, `left`:
    those of the works it leaves alone)."""

    def __init__(
        self,
        request: str,
        every: frozenset[str] = frozenset(),
        existing: frozenset[str] = frozenset(),
        left: frozenset[str] = frozenset(),
    ):
        implied = implied_tools(request)  # "something romantic on guitar in F major": the melody
        self.asked, self.commanded = asked_tools(request) | every | implied, commanded_tools(request) | implied
        self.wanted_to_end = False
        self.only = frozenset({"paint"}) if bare_subject(request) else None  # "an old barn at dusk": a painting
        named = named_work_tools(request, existing, every, left)  # "make the melody darker": the melody
        if self.only is None and named and self.asked <= named:
            self.only = named

    def due(self, called: set[str]) -> frozenset[str]:
        """Works still due: those asked by name once the answer calls a work, those commanded before."""
        return (self.asked if called & set(WORK_TOOLS) else self.commanded) - called

    def ok(self, answer: str, piece: str) -> bool:
        if not (self.asked or self.only):
            return True
        after = position(answer).then(piece)
        if self.only and after.in_string and after.role == "tool":
            return any(tool.startswith(after.text) for tool in self.only)
        if not self.asked:
            return True
        called = {tool for tool, _ in after.calls}
        if "]" in piece and closed(answer + piece) and self.due(called):
            self.wanted_to_end = True
            return False
        if self.wanted_to_end and after.in_string and after.role == "tool" and (missing := self.asked - called):
            return any(tool.startswith(after.text) for tool in missing)
        return True


def dumps(calls: list) -> str:
    """An answer as the adapter writes it."""
    return json.dumps(calls, ensure_ascii=False)


def loads(answer: str) -> list | None:
    """The [tool, arguments] pairs of an answer as the adapter writes it, or None when it is not one."""
    try:
        calls = json.loads(answer)
    except ValueError:
        return None
    if not isinstance(calls, list) or not all(isinstance(c, list) and len(c) == 2 for c in calls):
        return None
    return calls


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


def unasked_calls(calls: list, request: str, existing: frozenset[str]) -> list[int]:
    """Indices of work calls that can only be unasked (see the module doc), last first."""
    moods = any(isinstance(a, dict) and any(a.get(m) is not None for m in MOOD_ARGUMENTS) for _, a in calls)
    mentioned, asked = mentioned_tools(request), asked_tools(request)
    named = [name for name, _ in calls if name in mentioned]
    bare = bare_subject(request) is not None  # "an old barn at dusk": the painting alone
    out = []
    for i, (name, args) in enumerate(calls):
        if name not in WORK_TOOLS or name in asked:
            continue
        if bare and name != "paint":
            out.append(i)
            continue
        idle = name in existing and args == {} and not moods
        unmentioned = name not in existing and name not in mentioned and any(n != name for n in named)
        unmentioned = unmentioned and args == {}  # "a calm melodyy and a matchng painting": its mood is the melody's
        if idle or unmentioned:
            out.append(i)
    return out[::-1]


def without_unasked(calls: list, request: str, existing: frozenset[str]) -> list:
    """The calls less those that can only be unasked, while another work call remains; a subject they carried moves
    to a painting that has none."""
    for i in unasked_calls(calls, request, existing):
        if works_in(calls) >= 2:
            calls, _ = without_call(calls, i)
    return calls


def answer_without_unasked(answer: str, request: str, existing: frozenset[str]) -> str:
    """The final answer less the calls that can only be unasked: a junk mood read away at the end can leave a bare
    call for a work the request never names ("any chance of a peom about autumn leaves?": a melody of mood
    "autumn leaves" beside the poem, then a bare melody)."""
    calls = loads(answer)
    if not calls or works_in(calls) < 2:
        return answer
    kept = without_unasked(calls, request, existing)
    return dumps(kept) if kept != calls else answer


def asked_reading(
    model,
    prompt_ids: torch.Tensor,
    answer: str,
    tokenizer,
    allowed: torch.Tensor,
    stops,
    request: str = "",
    existing: frozenset[str] = frozenset(),
    last: frozenset[str] = frozenset(),
) -> str:
    """The answer with each subject on the work that governs it (`subject_owner`), less the calls that can only be
    unasked and the work calls that its reading without them explains better (see the module doc); `existing`:
    the tools whose works exist, `last`: those the previous turn touched."""
    calls = loads(answer)
    if calls is None or works_in(calls) < 2:
        return answer
    placed = without_unasked(placed_subjects(calls, request), request, existing)
    if placed != calls:
        calls, answer = placed, dumps(placed)
    if works_in(calls) < 2:
        return answer
    state = PromptState(model, prompt_ids)
    score = lambda c: answer_logprob(model, prompt_ids, dumps(c), tokenizer, allowed, stops, state)  # noqa: E731
    best, keep, dropped = score(calls), set(), False  # keep: a painting that took a subject stays
    scene = written_scene(request) if request else None  # a painting whose scene the request writes is asked
    named = asked_tools(request) | every_work(request, existing, last) | implied_tools(request)
    named |= {"paint"} if scene else set()
    for i in reversed(range(len(calls))):
        if calls[i][0] not in WORK_TOOLS or i in keep or works_in(calls) < 2 or calls[i][0] in named:
            continue
        shorter, took = without_call(calls, i)
        if (value := score(shorter)) > best:
            keep = {k - (k > i) for k in keep} | ({took} if took is not None else set())
            calls, best, dropped = shorter, value, True
    return dumps(calls) if dropped else answer
