"""Asks for what the studio does not make (a joke, a name for a band, an essay), read by meaning: a check on the
tuned model's answer, never a call of its own.

The adapter answers such asks with the nearest work it knows ("what should I call my band? we play angry punk": an
angry melody). A story names its text by its own noun, so its text call stays (`prose_asks` writes it as a short
prose description); other works it never names go. The request is compared by the shipped
sentence-embedding model with sentences of asks we do not serve and of asks we do (`assistant/data/
unmade_asks.yaml`); when an unserved ask is near and nearer than any of ours by the table's margin, the answer
keeps only the work calls the request names as works by their own nouns ("a cheerful melody, and tell me a
joke" keeps its melody). The turn then answers in words (`assistant.help_answers`).
"""

from __future__ import annotations

import functools
import os
import re

import numpy as np
import yaml

from assistant.orchestrators.asked_works import WORK_TOOLS, dumps, loads
from assistant.orchestrators.work_words import asked_tools

TABLE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "unmade_asks.yaml")


@functools.cache
def table() -> dict:
    with open(TABLE, encoding="utf-8") as f:
        return yaml.safe_load(f)


CLAUSE_BREAK = re.compile(r"\s*(?:[,;:+]|\band then\b|\bthen\b|\band\b|\bplus\b|\(?\b\d\)|\balso\b)\s*", re.I)


ASK_OPENING = re.compile(
    r"^(?:(?:please|pls|plz|now|ok|okay|so|hey|also|and|just)\s+)*(?:(?:can|could|would|will) (?:you|u)\s+)?"
    r"(?:write|tell|make up|give|come up with|compose|draft|create|generate|invent|i need|i want|i'd like)\b",
    re.IGNORECASE,
)


def clauses(request: str) -> list[str]:
    """The request and, where it joins several asks, each part that is an ask ("write a story about a robot, and a
    sad melody to go with it": the story alone reads as the story it is; "I'm writing a short story" asks nothing)."""
    parts = [p for p in CLAUSE_BREAK.split(request) if len(p.split()) >= 2]
    asks = [p for p in parts if ASK_OPENING.match(p)]
    return [request, *asks] if len(parts) > 1 else [request]


def asks_for_the_unmade(request: str) -> bool:
    """The request, or one of its asks, is nearest in meaning to an ask the studio does not serve (by the table's
    floor and margin)."""
    from tools.embedding_search import embed

    data = table()
    unmade, ours = data["unmade"], data["ours"]
    asks = clauses(request)
    vectors = embed([*asks, *unmade, *ours])
    mine = vectors[: len(asks)]
    near_unmade = np.max(vectors[len(asks) : len(asks) + len(unmade)] @ mine.T, axis=0)
    near_ours = np.max(vectors[len(asks) + len(unmade) :] @ mine.T, axis=0)
    return bool(np.any((near_unmade >= data["floor"]) & (near_unmade - near_ours >= data["margin"])))


def without_unmade(answer: str, request: str) -> str:
    """The answer less the work calls the request does not name, when it asks for what we do not make."""
    calls = loads(answer)
    if not calls or not any(name in WORK_TOOLS for name, _ in calls) or not asks_for_the_unmade(request):
        return answer
    named = asked_tools(request)
    return dumps([[name, args] for name, args in calls if name not in WORK_TOOLS or name in named])
