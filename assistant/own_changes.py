"""A change goes only to the works that have what it changes: "both slower" slows the melody and leaves the
painting as it is.

Made to give each work a call by "both" or "everything", the adapter mapped a change one work cannot take onto
it: "both slower" darkened the painting, "make them both faster" brightened it, "make everything more blue" made
the melody sadder (dev v10). A tempo is the melody's alone, a length the melody's or a text's, a colour the
painting's. When a request writes such changes and nothing else (past pointing at the works and saying how much:
"make them both a bit faster"), a call that only changes a work none of them belongs to goes, and the reply says
that work has no such setting. "Make both slower and darker" keeps both calls: darker is a change the painting
takes.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.calls import ToolCall
from assistant.orchestrators.request_facts import BAR_COUNT, BPM, FASTER, LENGTH_COMPARATIVE, SLOWER, TEMPO_WORDS
from assistant.orchestrators.work_words import work_of
from tools.palette import read_colour
from tools.registry import TOOLS

CHANGES = frozenset(
    "add_bars tempo_scale tempo_change transpose brightness_change saturation_change valence_change arousal_change "
    "emphasize_colour add_lines".split()
)
TEMPO = re.compile(
    "|".join([SLOWER.pattern, FASTER.pattern, BPM.pattern, *(rf"\b(?:{w})\b" for w in TEMPO_WORDS.values())]), re.I
)
LENGTH = re.compile("|".join([LENGTH_COMPARATIVE.pattern, BAR_COUNT.pattern]), re.I)
OWNED = (("tempo", TEMPO, frozenset({"melody"})), ("length", LENGTH, frozenset({"melody", "text"})))
# Words that point at the works, say how much, or ask politely: no change of their own.
NO_CHANGE = frozenset(
    "both all everything them it they these those each whole thing things make made do can could you please pls "
    "now and also too just a an the bit little lot lots much more even still way slightly very really somewhat "
    "tad touch of one ones".split()
)
WORD = re.compile(r"[^\W\d_][\w'-]*")


def owned_changes(request: str) -> tuple[list[tuple[str, frozenset[str]]], str]:
    """The settings the request changes that only some works have (with those works' kinds), and the request with
    their words taken out."""
    found, rest = [], request
    for name, words, kinds in OWNED:
        if words.search(rest):
            found.append((name, kinds))
            rest = words.sub(" ", rest)
    colours = [w for w in WORD.findall(rest) if read_colour(w.lower()) is not None]
    if colours:
        found.append(("colour", frozenset({"painting"})))
        rest = re.sub(r"\b(?:" + "|".join(map(re.escape, colours)) + r")\b", " ", rest)
    return found, rest


def says_nothing_else(rest: str) -> bool:
    """Only pointers at the works, amounts and politeness are left."""
    return all(w.lower() in NO_CHANGE or work_of(w.lower()) for w in WORD.findall(rest))


def change_only(args: BaseModel) -> bool:
    return set(args.model_dump(exclude_defaults=True)) <= CHANGES


def with_own_changes(
    calls: list[tuple[ToolCall, BaseModel]], request: str
) -> tuple[list[tuple[ToolCall, BaseModel]], list[str]]:
    """The plan less each call that only changes a work the request's changes do not belong to, and a note for it
    (see the module doc)."""
    found, rest = owned_changes(request)
    if not found or not says_nothing_else(rest):
        return calls, []
    takers = frozenset().union(*(kinds for _, kinds in found))
    kept, notes = [], []
    for call, args in calls:
        kind = TOOLS[call.name].kind if call.name in TOOLS else None
        if kind is None or kind in takers or not change_only(args):
            kept.append((call, args))
        else:
            settings = " or ".join(name for name, _ in found)
            notes.append(f"a {kind} has no {settings}, so it is left as it is")
    return kept, notes
