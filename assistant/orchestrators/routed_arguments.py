"""The arguments a routed call may carry, from each tool's argument model (`Tool.routed_arguments`): a work's own
settings go to its tool, the mood to any.

A melody call cannot carry a palette (its model has none), so "a tune on the cello and paint it in sepia"
keeps the painting's colours for a paint call; while the tuned model decodes, each call's argument names are
limited to these. Actions keep all theirs.
"""

from __future__ import annotations

import functools

from assistant.calls import argument_names
from tools.registry import TOOLS


@functools.cache
def once_per_turn() -> frozenset[str]:
    """The tools an answer may call only once (a work's one call)."""
    return frozenset(name for name, tool in TOOLS.items() if tool.one_per_turn)


@functools.cache
def routed_argument_names() -> dict[str, frozenset[str]]:
    """Each callable's argument names as routing uses them."""
    return {
        name: TOOLS[name].routed_arguments() if name in TOOLS else frozenset(accepted)
        for name, accepted in argument_names().items()
    }
