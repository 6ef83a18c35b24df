"""Which settings each call of a turn changes: its own work's, a new work's shared ones, or none carried over.

A work's settings are its current version's (`Session.settings`). Within one turn, three readings of the plan
the language model gave decide what a call starts from:
- a new take of every melody and painting and nothing else, or any call of a request that starts over in words
  ("start over with something completely different: a slow folk song"), makes new works from the request alone,
  with new seeds: a slow folk song after a fast techno beat is slow, not 0.8 times the techno's tempo;
- the first request of a session (or one that starts over) sets the shared mood, whichever call names it;
- a call that changes nothing of its work while another call of the turn set a mood ("a sad melody and a
  matching painting" when both exist: `paint {}`) makes that work match the new mood, keeping the rest.
"""

from __future__ import annotations

from pydantic import BaseModel

from assistant.calls import ToolCall
from assistant.orchestrators.work_words import mentioned_tools, says_start_over
from assistant.session import Session
from assistant.versions import Version
from tools.brief import MOOD_FIELDS, BriefChanges, CreativeBrief, apply_changes
from tools.registry import TOOLS

REPLACED_BY_STARTING_OVER = ("melody", "painting")  # as the routing corpus teaches 'start over'


def kind_of(call: ToolCall) -> str | None:
    return TOOLS[call.name].kind if call.name in TOOLS else None


def starts_over(calls: list[tuple[ToolCall, BaseModel]], session: Session, message: str = "") -> bool:
    """The request says it starts over and the plan makes works, or the plan asks for a new take of every melody
    and painting there is (at least two), and for nothing else."""
    kinds = [kind_of(c) for c, _ in calls]
    if says_start_over(message) and any(kinds):
        return True
    existing = {k for k in REPLACED_BY_STARTING_OVER if k in session.heads}
    takes = all(getattr(args, "new_variation", False) for _, args in calls)
    return len(existing) >= 2 and takes and sorted(kinds) == sorted(existing)


def after_clean_slate(calls: list[tuple[ToolCall, BaseModel]], message: str) -> list[tuple[ToolCall, BaseModel]]:
    """The calls of a request that cleared the studio ("let's start again: a title for a playlist"), less a bare new
    take of a work it does not mention: that work is no longer on screen to take again (the model, taught that
    starting over retakes every work, also answered `compose_melody {new_variation}`)."""
    named = mentioned_tools(message)
    return [(c, a) for c, a in calls if c.name in named or not only_a_new_take(a)]


def only_a_new_take(args: BaseModel) -> bool:
    """The call asks for another take of its work and sets nothing else."""
    return getattr(args, "new_variation", False) and _sets_nothing(args)


def changes_nothing(args: BaseModel) -> bool:
    """The call asks for its work as it is (no setting changed, no new take): `paint {}`."""
    return not getattr(args, "new_variation", False) and _sets_nothing(args)


def _sets_nothing(args: BaseModel) -> bool:
    return all(getattr(args, f, None) is None for f in BriefChanges.model_fields)


class TurnSettings:
    """The settings each call of one turn starts from (see the module docstring)."""

    def __init__(self, session: Session, calls: list[tuple[ToolCall, BaseModel]], message: str = ""):
        self.session, self.before = session, session.brief
        self.fresh = starts_over(calls, session, message)
        self.new_works = {k for c, _ in calls if (k := kind_of(c))} if self.fresh else set()
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
