"""Which settings each call of a turn changes: its own work's, a new work's shared ones, or none carried over.

A work's settings are its current version's (`Session.settings`). Within one turn, three readings of the plan
the language model gave decide what a call starts from:
- a new take of every melody and painting and nothing else ("start over", "something completely different")
  makes new works from the request alone, with new seeds;
- the first request of a session (or one that starts over) sets the shared mood, whichever call names it;
- a call that changes nothing of its work while another call of the turn set a mood ("a sad melody and a
  matching painting" when both exist: `paint {}`) makes that work match the new mood, keeping the rest.
"""

from __future__ import annotations

from pydantic import BaseModel

from assistant.calls import ToolCall
from assistant.session import Session
from assistant.versions import Version
from tools.brief import MOOD_FIELDS, BriefChanges, CreativeBrief, apply_changes
from tools.registry import TOOLS

REPLACED_BY_STARTING_OVER = ("melody", "painting")  # as the routing corpus teaches 'start over'


def kind_of(call: ToolCall) -> str | None:
    return TOOLS[call.name].kind if call.name in TOOLS else None


def starts_over(calls: list[tuple[ToolCall, BaseModel]], session: Session) -> bool:
    """The plan asks for a new take of every melody and painting there is (at least two), and for nothing else."""
    existing = {k for k in REPLACED_BY_STARTING_OVER if k in session.heads}
    kinds = [kind_of(c) for c, _ in calls]
    takes = all(getattr(args, "new_variation", False) for _, args in calls)
    return len(existing) >= 2 and takes and sorted(kinds) == sorted(existing)


def changes_nothing(args: BaseModel) -> bool:
    """The call asks for its work as it is (no setting changed, no new take): `paint {}`."""
    return not getattr(args, "new_variation", False) and all(
        getattr(args, f, None) is None for f in BriefChanges.model_fields
    )


class TurnSettings:
    """The settings each call of one turn starts from (see the module docstring)."""

    def __init__(self, session: Session, calls: list[tuple[ToolCall, BaseModel]]):
        self.session, self.before = session, session.brief
        self.fresh = starts_over(calls, session)
        self.new_works = {kind_of(c) for c, _ in calls} if self.fresh else set()
        self.mood: dict | None = None  # mood fields a call of this turn set
        if self.fresh:
            session.brief = CreativeBrief()
        if self.fresh or not session.heads:
            first = next((m for _, args in calls if (m := getattr(args, "mood", None))), None)
            if first is not None:
                session.brief = apply_changes(session.brief, BriefChanges(mood=first))[0]

    def for_call(self, call: ToolCall, args: BaseModel) -> tuple[CreativeBrief | None, bool]:
        """(settings to use instead of the work's own, or None; whether the work is made fresh)."""
        kind = kind_of(call)
        if kind in self.new_works:
            return None, True
        if self.mood and kind in self.session.heads and changes_nothing(args):
            return self.session.settings(kind).model_copy(update=self.mood), False
        return None, False

    def made(self, call: ToolCall, args: BaseModel, version: Version) -> None:
        self.new_works.discard(version.kind)
        if any(getattr(args, f, None) is not None for f in ("mood", "valence_change", "arousal_change")):
            self.mood = {f: getattr(version.brief, f) for f in MOOD_FIELDS}

    def finish(self, made: list[Version]) -> None:
        """A turn that made nothing keeps the shared settings it found."""
        if not made:
            self.session.brief = self.before
