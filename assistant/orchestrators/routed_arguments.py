"""The arguments a routed call may carry: a medium's own settings go to its tool, the mood to any.

Every tool accepts the whole brief (the panel or a program may set any field), so "compose_melody" with a
"palette" is valid, and a small tuned model sometimes writes it for "a tune on the cello and paint it in
sepia", losing the painting. The routing corpus never does; while the tuned model decodes, each tool's
arguments are limited to these (`assistant/data/routed_arguments.yaml`), so the painting's colours have to
go into a paint call.
"""

from __future__ import annotations

import functools
import os

import yaml

from assistant.calls import argument_names

TABLE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "routed_arguments.yaml")


def _table() -> dict:
    with open(TABLE) as f:
        return yaml.safe_load(f)


@functools.cache
def once_per_turn() -> frozenset[str]:
    """The tools an answer may call only once (a medium's own tools)."""
    return frozenset(_table()["once_per_turn"])


@functools.cache
def routed_argument_names() -> dict[str, frozenset[str]]:
    """Each callable's argument names as routing uses them: its own and the shared ones (actions keep all theirs)."""
    table = _table()
    shared = set(table["shared"])
    return {
        name: frozenset(accepted & (set(table["tools"][name]) | shared) if name in table["tools"] else accepted)
        for name, accepted in argument_names().items()
    }
