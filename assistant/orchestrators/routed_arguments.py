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


@functools.cache
def routed_argument_names() -> dict[str, frozenset[str]]:
    """Each callable's argument names as routing uses them: its own and the shared ones (actions keep all theirs)."""
    with open(TABLE) as f:
        table = yaml.safe_load(f)
    shared = set(table["shared"])
    return {
        name: frozenset(accepted & (set(table["tools"][name]) | shared) if name in table["tools"] else accepted)
        for name, accepted in argument_names().items()
    }
