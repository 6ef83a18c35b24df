"""The short state line the orchestrator reads before a request, so "it", "both", "that one" and "twice as
long" resolve: which works exist (the melody's length in bars) and which kinds the previous turn touched.

    Works: melody (8 bars), painting. Last: painting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("melody", "painting", "text")
VERSION_ID = re.compile(r"\b(melody|painting|text)_\d+\b")


@dataclass(frozen=True)
class Context:
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


def context_of(messages: list[dict], brief: dict, artifacts: dict[str, str]) -> Context:
    """The state line's facts from what the orchestrator is given (messages, brief, current versions)."""
    works = tuple(k for k in KINDS if k in artifacts)
    return Context(works, tuple(k for k in last_kinds(messages) if k in works), int(brief.get("bars") or 8))
