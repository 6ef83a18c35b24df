"""Going back a written number of steps: "go back two steps", "undo the last two changes", "take it back two
versions".

The adapter learnt one undo and restores by a version's number, so "go back two steps" came out as one undo, "go
back 2 steps" as nothing, and "take it back two versions" as the version numbered 2 (dev v11). Here a request
that goes back ("back", "undo", "revert", "ago") and writes a count of steps, changes, versions or edits ("twice":
two) restores the version that many steps up the chain of the one on screen (each version's parent), of the work
the plan restores, else of the one work the last turn touched. Past the first version it stops at the first.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.actions import GoToVersionArgs
from assistant.calls import ToolCall
from assistant.named_versions import RESTORES, of_kind
from assistant.orchestrators.prompt_format import last_kinds
from assistant.orchestrators.request_facts import NUMBER_WORDS, number_value
from assistant.session import Session
from assistant.versions import Version

COUNT = r"(\d+|" + "|".join(w for w in NUMBER_WORDS if w not in ("zero", "one")) + r"|a couple of|a few)"
STEPS = re.compile(COUNT + r"\s+(?:more\s+|last\s+)?(?:steps?|changes?|versions?|edits?|times|turns?)\b", re.I)
TWICE = re.compile(r"\b(twice|two times)\b", re.IGNORECASE)
GOES_BACK = re.compile(r"\b(?:back|undo|undid|revert|rewind|ago|go\s+back|previous)\b", re.IGNORECASE)


def steps_asked(request: str) -> int | None:
    """How many steps back the request asks for (2 or more), or None."""
    if not GOES_BACK.search(request):
        return None
    match = STEPS.search(request)
    if match is None:
        return 2 if TWICE.search(request) else None
    written = match.group(1).lower()
    count = 2 if written in ("a couple of", "a few") else number_value(written)
    return count if count >= 2 else None


def kind_meant(calls: list[tuple[ToolCall, BaseModel]], session: Session) -> str | None:
    """The work the plan restores (one), else the one work the last turn touched, else None."""
    restored = {args.kind for call, args in calls if call.name in RESTORES}
    if len(restored) == 1:
        return restored.pop()
    touched = [k for k in last_kinds([m.model_dump() for m in session.messages]) if k in session.heads]
    return touched[0] if len(touched) == 1 and not restored else None


def steps_up(session: Session, kind: str, steps: int) -> Version | None:
    """The version `steps` parents above the one on screen (the first, past it), or None when it is on screen."""
    version = session.current(kind)
    start = version
    for _ in range(steps):
        if version is None or version.parent is None:
            break
        version = session.versions.get(version.parent)
    return version if version is not None and version is not start else None


def with_steps_back(
    calls: list[tuple[ToolCall, BaseModel]], session: Session, request: str
) -> list[tuple[ToolCall, BaseModel]]:
    """The plan with the calls of the work the request goes back a number of steps on replaced by one restore of
    the version that many steps back (see the module doc)."""
    steps = steps_asked(request)
    kind = kind_meant(calls, session) if steps else None
    target = steps_up(session, kind, steps) if kind else None
    if target is None:
        return calls
    kept = [(c, a) for c, a in calls if not of_kind(c, a, kind)]
    args = GoToVersionArgs(kind=kind, number=target.number)
    return [*kept, (ToolCall(name="go_to_version", arguments=args.model_dump()), args)]
