"""A new take or a restore of "it" goes to the work the last turn touched, as the routing corpus teaches
(`assistant.routing.natural.target`).

The state line says which work the last turn touched ("Works: melody (8 bars), painting. Last: painting."), yet the
adapter answered "one more version of that" after a painting change with a new take of the melody. When a request
names no work and its answer is one bare take (a new variation, nothing else changed) or one restore (undo, go to
a version) of the melody or the painting, while the last turn touched the other of the two alone, the call goes to
that one. When the last turn made or changed several works ("a calm melody and a painting of a harbour"), such a
bare take ("another one") is one of each of them: the adapter answered with the melody alone (or, after a haiku
and a painting, with a melody nobody had made). Any other answer is
the model's as it is.
"""

from __future__ import annotations

import json

from assistant.orchestrators.work_words import mentioned_tools

KIND_OF_TOOL = {"compose_melody": "melody", "paint": "painting"}
TOOL_OF_KIND = {kind: tool for tool, kind in KIND_OF_TOOL.items()}
WORK_OF_TOOL = {**KIND_OF_TOOL, "write_text": "text"}
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


def bare_take(call: list) -> bool:
    name, args = call
    return name in WORK_OF_TOOL and bool(args.get("new_variation")) and set(args) <= TAKE


def takes_of_each(call: list, last: tuple[str, ...], works: tuple[str, ...]) -> list | None:
    """One bare take of each work the last turn touched, when `call` is a bare take of one of them or of a work
    that does not exist; else None."""
    tools = [tool for tool, kind in WORK_OF_TOOL.items() if kind in last]
    if len(tools) < 2 or not bare_take(call) or (call[0] not in tools and WORK_OF_TOOL[call[0]] in works):
        return None
    return [[tool, dict(call[1])] for tool in tools]


def of_last_work(answer: str, request: str, last: tuple[str, ...], works: tuple[str, ...]) -> str:
    """The answer with its one take or restore aimed at the work(s) the last turn touched (see the module doc)."""
    if not last or mentioned_tools(request):
        return answer
    try:
        calls = json.loads(answer)
    except ValueError:
        return answer
    if not (isinstance(calls, list) and len(calls) == 1 and isinstance(calls[0], list) and len(calls[0]) == 2):
        return answer
    if not isinstance(calls[0][1], dict) or not set(last) <= set(works):
        return answer
    if len(last) > 1:
        each = takes_of_each(calls[0], last, works)
        return json.dumps(each, ensure_ascii=False) if each else answer
    moved = retargeted(calls[0], last[0]) if last[0] in TOOL_OF_KIND else None
    return json.dumps([moved], ensure_ascii=False) if moved else answer
