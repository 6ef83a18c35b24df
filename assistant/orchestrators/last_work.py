"""A new take or a restore of "it" goes to the work the last turn touched, as the routing corpus teaches
(`assistant.routing.natural.target`).

The state line says which work the last turn touched ("Works: melody (8 bars), painting. Last: painting."), yet the
adapter answered "one more version of that" after a painting change with a new take of the melody. When a request
names no work and its answer is one bare take (a new variation, nothing else changed) or one restore (undo, go to
a version) of the melody or the painting, while the last turn touched the other of the two alone, the call goes to
that one. Any other answer is the model's as it is.
"""

from __future__ import annotations

import json

from assistant.orchestrators.work_words import mentioned_tools

KIND_OF_TOOL = {"compose_melody": "melody", "paint": "painting"}
TOOL_OF_KIND = {kind: tool for tool, kind in KIND_OF_TOOL.items()}
TAKE = frozenset({"new_variation", "variations"})
RESTORES = ("undo", "go_to_version")


def retargeted(call: list, last: str) -> list | None:
    """The call aimed at the `last` kind, when it is a bare take or a restore of the other work; else None."""
    name, args = call
    if name in KIND_OF_TOOL and KIND_OF_TOOL[name] != last and args.get("new_variation") and set(args) <= TAKE:
        return [TOOL_OF_KIND[last], args]
    if name in RESTORES and args.get("kind") in TOOL_OF_KIND and args["kind"] != last:
        return [name, {**args, "kind": last}]
    return None


def of_last_work(answer: str, request: str, last: tuple[str, ...], works: tuple[str, ...]) -> str:
    """The answer with its one take or restore aimed at the work the last turn touched (see the module doc)."""
    if len(last) != 1 or last[0] not in TOOL_OF_KIND or mentioned_tools(request):
        return answer
    try:
        calls = json.loads(answer)
    except ValueError:
        return answer
    if not (isinstance(calls, list) and len(calls) == 1 and isinstance(calls[0], list) and len(calls[0]) == 2):
        return answer
    if not isinstance(calls[0][1], dict) or last[0] not in works:
        return answer
    moved = retargeted(calls[0], last[0])
    return json.dumps([moved], ensure_ascii=False) if moved else answer
