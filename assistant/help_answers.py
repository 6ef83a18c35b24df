"""Answers in words for turns that call no tool: questions about the studio, small talk, out-of-scope and
hostile requests.

The answers are ours (`assistant/data/help.yaml`); the shipped sentence-embedding model picks the topic whose
example questions are nearest in meaning to the message. When none is near enough, the general answer says
what the studio does. Nothing here decides whether a tool runs: the language model does.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass

import yaml

from tools.embedding_search import similarities

log = logging.getLogger(__name__)
HELP_PATH = os.path.join(os.path.dirname(__file__), "data", "help.yaml")


@dataclass(frozen=True)
class HelpAnswer:
    topic: str
    text: str
    score: float


@functools.cache
def help_data() -> dict:
    with open(HELP_PATH, encoding="utf-8") as f:
        return yaml.safe_load(f)


@functools.cache
def _examples() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(example questions, the topic of each), flattened once."""
    pairs = [(q, topic) for topic, t in help_data()["topics"].items() for q in t["examples"]]
    return tuple(q for q, _ in pairs), tuple(topic for _, topic in pairs)


def help_answer(message: str) -> HelpAnswer:
    """The answer of the topic nearest to the message, or the general answer."""
    data = help_data()
    questions, topics = _examples()
    try:
        scores = similarities(message, list(questions))
    except Exception:  # no embedder here (a stripped install): the general answer still helps
        log.exception("help retrieval failed")
        return HelpAnswer("general", data["general"], 0.0)
    best = int(scores.argmax())
    if float(scores[best]) < data["threshold"]:
        return HelpAnswer("general", data["general"], float(scores[best]))
    topic = topics[best]
    return HelpAnswer(topic, data["topics"][topic]["answer"], float(scores[best]))
