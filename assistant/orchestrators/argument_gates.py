"""Arguments a request must speak of before the tuned orchestrator may open them.

An instrument only when the request names one we play; bass and chords (`accompaniment`) only when it speaks
of accompaniment, chords, a bass, harmony or a bare tune (`assistant/data/argument_gates.yaml`). Everything
else stays the model's to choose: this closes arguments, it never writes one.
"""

from __future__ import annotations

import functools
import os
import re

import yaml

from assistant.orchestrators.copy_constraint import instruments_in

GATES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "argument_gates.yaml")


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    with open(GATES, encoding="utf-8") as f:
        table = yaml.safe_load(f)
    return {name: re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", re.IGNORECASE) for name, words in table.items()}


def closed_arguments(request: str) -> frozenset[str]:
    """The gated arguments this request gives no ground for."""
    closed = {name for name, pattern in _patterns().items() if not pattern.search(request)}
    if not instruments_in(request):
        closed.add("instrument")
    return frozenset(closed)


def without(names: dict[str, frozenset[str]], closed: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each tool's argument names less the closed ones."""
    return {tool: args - closed for tool, args in names.items()}
