"""The prompt the shipped orchestrator adapters were trained on, frozen here so the training code can move on.

    Works: melody (8 bars), painting. Last: painting.
    Request: slower
    Calls:

The state line says which works exist (the melody's length in bars) and which kinds the previous turn touched,
so "it", "both", "that one" and "twice as long" resolve. Byte-identical to what `assistant.routing.corpus` wrote
for the corpora the adapters learnt from (tests/test_prompt_format.py); the tokens of their answers ship beside
each adapter (`answer_vocabulary.txt`, read by `assistant.orchestrators.answer_vocabulary`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("melody", "painting", "text")
VERSION_ID = re.compile(r"\b(melody|painting|text)_\d+\b")
TEMPLATE = "{state}\nRequest: {request}\nCalls:"


@dataclass(frozen=True)
class State:
    works: tuple[str, ...] = ()
    last: tuple[str, ...] = ()
    bars: int = 8

    def line(self) -> str:
        parts = [f"melody ({self.bars} bars)" if k == "melody" else k for k in KINDS if k in self.works]
        last = f" Last: {', '.join(k for k in KINDS if k in self.last)}." if self.last else ""
        return f"Works: {', '.join(parts) or 'none'}.{last}"


def last_kinds(messages: list[dict]) -> tuple[str, ...]:
    """The kinds the previous assistant reply made or restored (its version ids), in order."""
    for message in reversed(messages[:-1]):
        if message.get("role") == "assistant":
            return tuple(dict.fromkeys(VERSION_ID.findall(message.get("content") or "")))
    return ()


def state_of(messages: list[dict], brief: dict, artifacts: dict[str, str]) -> State:
    """The state line's facts from what the orchestrator is given (messages, brief, current versions)."""
    works = tuple(k for k in KINDS if k in artifacts)
    return State(works, tuple(k for k in last_kinds(messages) if k in works), int(brief.get("bars") or 8))


def prompt(request: str, state: str = "Works: none.") -> str:
    """The state line and one request, no examples; the adapter answers after 'Calls:'."""
    return TEMPLATE.format(state=state, request=" ".join(request.split()))
