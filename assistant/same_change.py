"""The same change for another work: "make the melody darker", then "do the same for the painting".

The adapter never learnt to read one turn through the one before, so "do the same for the painting" made a new
take of the painting, or nothing (dev v11). Here a request that asks for the same ("the same", "same for",
"likewise", "do that to ...") and names one work that exists, which it asks for neither by name nor by a making
verb, gets that work's call from the change the last turn made to another work: every argument of that call the
named work's tool takes ("sadder": `valence_change`). A change the work cannot take ("faster" for a painting)
leaves it as it is, and the reply says so.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.calls import ToolCall
from assistant.orchestrators.prompt_format import VERSION_ID
from assistant.orchestrators.work_words import asked_tools, commanded_tools, mentioned_tools
from assistant.session import Session
from assistant.versions import Version
from tools.registry import TOOLS

SAME = re.compile(
    r"\b(?:the\s+same|same\s+(?:for|to|with|on|thing|here)|likewise|(?:do|apply)\s+(?:that|this|it)\s+"
    r"(?:to|for|on|with))\b",
    re.IGNORECASE,
)
NOT_CARRIED = frozenset({"variations"})  # how many versions is the request's own to say


def target_tool(request: str, session: Session) -> str | None:
    """The one tool whose existing work the request asks the same change for, or None."""
    named = mentioned_tools(request)
    if not SAME.search(request) or len(named) != 1 or named & (asked_tools(request) | commanded_tools(request)):
        return None
    (tool,) = named
    return tool if TOOLS[tool].kind in session.heads else None


def last_change(session: Session, kind: str) -> Version | None:
    """The one version the last turn made of a work other than `kind` (its reply names it, and the versions it came
    from), or None."""
    for message in reversed(session.messages[:-1]):
        if message.role == "assistant":
            said = [
                session.versions[vid]
                for vid in dict.fromkeys(m.group(0) for m in VERSION_ID.finditer(message.content))
                if vid in session.versions
            ]
            parents = {v.parent for v in said}  # "melody_2 (from melody_1)": melody_1 was not made
            others = [v for v in said if v.id not in parents and v.kind != kind and v.tool in TOOLS]
            return others[0] if len(others) == 1 else None
    return None


def with_same_change(
    calls: list[tuple[ToolCall, BaseModel]], session: Session, request: str
) -> tuple[list[tuple[ToolCall, BaseModel]], list[str]]:
    """The plan with the named work's calls replaced by the last turn's change, as far as that work takes it, and
    a note for what it cannot take (see the module doc)."""
    tool = target_tool(request, session)
    source = last_change(session, TOOLS[tool].kind) if tool else None
    if source is None or not source.arguments:
        return calls, []
    fields = TOOLS[tool].args_model.model_fields
    carried = {k: v for k, v in source.arguments.items() if k in fields and k not in NOT_CARRIED}
    kept = [(c, a) for c, a in calls if c.name != tool]
    if not carried:
        return kept, [f"the {source.kind}'s change is none a {TOOLS[tool].kind} can take, so it is left as it is"]
    args = TOOLS[tool].args_model.model_validate(carried)
    return [*kept, (ToolCall(name=tool, arguments=args.model_dump(exclude_defaults=True)), args)], []
