"""Every rule the tuned orchestrator decodes under, gathered for one request: the tokens an answer can use, the
tokens that end it, and `accept(tokens so far, candidate)` for `models.language.sub_vocabulary_decoding`.

- the JSON's shape, tool and argument names (`schema_constraint`), each tool's own arguments less those the
  request gives no ground for (`argument_gates`, `written_values.closed_arguments`);
- free-text values copied from the request (`copy_constraint`);
- values the request writes carried as written, a subject to the end of its phrase (`written_values`);
- an unspecific complaint's colours the way its meaning reads (`change_readings`: "washed out" is more saturated);
- no end before every work the request asks for by name has its call, and every work when it speaks of all of
  them ("both", `asked_works.NamedWorks`);
- the answer ends exactly when its JSON is complete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from assistant.orchestrators.base import PlanRequest


@dataclass
class AnswerRules:
    allowed: torch.Tensor
    stops: set[int]
    accept: Callable[[list[int], int], bool]
    reading: object = None  # the request's `change_readings.ChangeReading`, which weighs the answer once decoded

    @staticmethod
    def finished(answer: str) -> bool:
        from assistant.orchestrators.schema_constraint import closed

        return closed(answer)


def argument_names(line: str, written, repair=None) -> dict[str, frozenset[str]]:
    """Each tool's argument names for this request (less those a repair closes)."""
    from assistant.orchestrators.argument_gates import closed_arguments, without
    from assistant.orchestrators.routed_arguments import routed_argument_names

    names = without(routed_argument_names(), closed_arguments(line))
    closed, opened = written.closed_arguments(), written.opened_arguments()
    none, repaired = frozenset(), repair.closed if repair else frozenset()
    return {tool: ((args - closed.get(tool, none)) | opened.get(tool, none)) - repaired for tool, args in names.items()}


def written_texts(written) -> list[str]:
    """Texts whose tokens an answer may need beyond the learnt ones: the arguments the model never learnt and the
    written values (a form's name, a key as the studio spells it)."""
    facts = written.facts
    texts = [f', "{name}": "{facts.form}"' for name in ("form",) if facts.form]
    texts += [f'"key": "{key}"' for key in facts.keys] + [f'"mode": "{mode}"' for mode in facts.modes]
    return texts


def last_tools(request: PlanRequest) -> frozenset[str]:
    """The tools of the works the previous turn touched (the state line's "Last:")."""
    from assistant.orchestrators.asked_works import TOOL_OF_KIND
    from assistant.orchestrators.prompt_format import state_of

    return frozenset(TOOL_OF_KIND[k] for k in state_of(request.messages, request.brief, request.artifacts).last)


def message_of(request: PlanRequest) -> str:
    return request.messages[-1]["content"] if request.messages else ""


def answer_rules(request: PlanRequest, line: str, tokenizer, adapter: str, repair=None) -> AnswerRules:
    from assistant.orchestrators.answer_vocabulary import allowed_token_ids, stop_token_ids, token_texts
    from assistant.orchestrators.asked_works import TOOL_OF_KIND, NamedWorks
    from assistant.orchestrators.change_readings import ChangeReading
    from assistant.orchestrators.copy_constraint import copy_ok
    from assistant.orchestrators.left_alone import left_alone_tools
    from assistant.orchestrators.request_facts import facts_of
    from assistant.orchestrators.routed_arguments import once_per_turn
    from assistant.orchestrators.schema_constraint import closed, names_ok
    from assistant.orchestrators.work_words import every_work
    from assistant.orchestrators.written_values import WrittenValues

    message = " ".join(message_of(request).split())
    existing = frozenset(TOOL_OF_KIND[k] for k in request.artifacts if k in TOOL_OF_KIND)
    written = WrittenValues(message, facts_of(message, int(request.brief.get("bars") or 8)), existing)
    named = NamedWorks(message, every_work(message, existing, last_tools(request)), existing, left_alone_tools(message))
    allowed = allowed_token_ids(tokenizer, line, adapter)
    extra = {i for ids in tokenizer(written_texts(written) or [""], add_special_tokens=False).input_ids for i in ids}
    allowed = torch.tensor(sorted(set(allowed.tolist()) | extra))
    texts = token_texts(tokenizer)
    reading = ChangeReading(message, frozenset(request.artifacts), int(request.brief.get("bars") or 8))
    names, once = argument_names(line, written, repair), once_per_turn()
    stops = stop_token_ids(tokenizer, allowed)
    decoded: dict[tuple[int, ...], str] = {}

    def accept(tokens: list[int], token: int) -> bool:
        if repair is not None and not repair.in_time():
            return False  # decoding stops; the repair asks a question
        key = tuple(tokens)
        if key not in decoded:  # the same answer for every candidate of a step
            decoded.clear()
            decoded[key] = tokenizer.decode(tokens)
        answer = decoded[key]
        complete, stop = closed(answer), token in stops
        if stop or complete:  # it ends exactly when the JSON is complete
            return stop and complete
        piece = texts[token]
        return (
            copy_ok(answer, piece, line)
            and names_ok(answer + piece, names, once)
            and written.ok(answer, piece)
            and named.ok(answer, piece)
            and reading.ok(answer, piece)
        )

    return AnswerRules(allowed, stops, accept, reading)
