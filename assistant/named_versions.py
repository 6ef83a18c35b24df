"""A version spoken of by one of its facts: "go back to the 16 bar one", "the slow one", "I liked the blue one better".

The adapter learnt to go back to versions by their order ("the first painting": 1), so it read the number of a
fact as a version number ("the 16 bar one": melody_16, which does not exist), went back one step whatever was
named ("the slow one" after slower then faster: melody_1), or made the fact anew ("I liked the blue one better":
a fourth painting, more blue; dev v10). Here a request that goes back (the plan goes to a version, or the request
prefers or returns to "the ... one") and names no version by its order is matched against each version's facts:
its bars and bpm as written, the words of its settings and of the call that made it (an instrument, a colour, a
subject, a mood, a key), and words of degree that only one version has the most or least of ("the slow one": the
slowest; "the dark one": the darkest). One version matching more of them than any other is the one meant, and
the work's calls become one `go_to_version` to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel

from assistant.actions import GoToVersionArgs
from assistant.calls import ToolCall
from assistant.orchestrators.last_work import RESTORES
from assistant.orchestrators.request_facts import facts_of
from assistant.session import Session
from assistant.versions import Version
from tools.mood_mapping import effective_tempo
from tools.registry import TOOLS

BY_ORDER = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|last|previous|original|earlier|initial|before|latest|(?:version|"
    r"number|no\.?|v|#)\s*\d+)\b",
    re.IGNORECASE,
)
PREFERS_ONE = re.compile(
    r"\b(?:back to|return to|again|prefer\w*|liked?|loved?|better|restore|revert|bring back)\b.*\bthe [\w\s-]+?"
    r" (?:one|version|take)\b|\bthe [\w\s-]+? (?:one|version|take) (?:was|is) better\b|\bback to the \w",
    re.IGNORECASE,
)
NOT_A_FACT = frozenset("the and with for that this one version take back was were better more much".split())
Degree = tuple[str, Callable[[Version], float], int]  # (kind, measure, -1 least / 1 most)


def _tempo(v: Version) -> float:
    return effective_tempo(v.brief)


def _brightness(v: Version) -> float:
    return v.brief.brightness_offset


def _bars(v: Version) -> float:
    return v.brief.bars


def _lines(v: Version) -> float:
    return float(v.data.get("lines") or 0)


DEGREES: dict[str, Degree] = {
    **dict.fromkeys(("slow", "slower", "slowest"), ("melody", _tempo, -1)),
    **dict.fromkeys(("fast", "faster", "fastest", "quick", "quicker"), ("melody", _tempo, 1)),
    **dict.fromkeys(("dark", "darker", "darkest"), ("painting", _brightness, -1)),
    **dict.fromkeys(("bright", "brighter", "light", "lighter"), ("painting", _brightness, 1)),
    **dict.fromkeys(("short", "shorter", "shortest"), ("melody", _bars, -1)),
    **dict.fromkeys(("long", "longer", "longest"), ("melody", _bars, 1)),
}
TEXT_DEGREES = {"short": -1, "shorter": -1, "shortest": -1, "long": 1, "longer": 1, "longest": 1}


def fact_words(v: Version) -> set[str]:
    """The words of a version's settings and of the call that made it."""
    b = v.brief
    texts = [b.mood, b.subject, b.instrument, b.key or "", b.mode or "", *b.palette[:1]]
    texts += [str(x) for x in v.arguments.values() if isinstance(x, str)]
    texts += [str(v.data.get(k) or "") for k in ("kind", "form")] if v.kind == "text" else []
    return {w for t in texts for w in re.findall(r"[a-z]+", t.lower()) if len(w) > 2 and w not in NOT_A_FACT}


def written_numbers_match(v: Version, request: str) -> int:
    """How many of the request's written bars and bpm this melody has."""
    if v.kind != "melody":
        return 0
    facts = facts_of(request)
    return sum(v.brief.bars == n for n in facts.lengths) + sum(effective_tempo(v.brief) == n for n in facts.bpm)


def extreme(word: str, v: Version, versions: list[Version]) -> bool:
    """Whether `v` alone has the most or least of what a word of degree measures ("slow": the slowest)."""
    if v.kind == "text" and word in TEXT_DEGREES:
        kind, measure, way = "text", _lines, TEXT_DEGREES[word]
    elif word in DEGREES:
        kind, measure, way = DEGREES[word]
    else:
        return False
    if v.kind != kind:
        return False
    values = [way * measure(other) for other in versions]
    return way * measure(v) == max(values) and values.count(max(values)) == 1


def matches(v: Version, versions: list[Version], request: str) -> int:
    """How many facts the request names that this version has and not every version of its work has."""
    words = {w for w in re.findall(r"[a-z]+", request.lower()) if w not in NOT_A_FACT}
    shared = set.intersection(*(fact_words(o) for o in versions))
    named = len((words & fact_words(v)) - shared)
    return named + written_numbers_match(v, request) + sum(extreme(w, v, versions) for w in words)


def named_version(session: Session, kinds: list[str], request: str) -> Version | None:
    """The one version of `kinds` the request names by its facts, else None."""
    scored = []
    for kind in kinds:
        versions = session.of_kind(kind)
        if len(versions) > 1:
            scored += [(matches(v, versions, request), v) for v in versions]
    best = max((score for score, _ in scored), default=0)
    chosen = [v for score, v in scored if score == best]
    return chosen[0] if best > 0 and len(chosen) == 1 else None


def goes_back(calls: list[tuple[ToolCall, BaseModel]], request: str) -> list[str] | None:
    """The kinds a request going back may mean (those of its restores, else every work for "I liked the blue one
    better"), or None when it does not go back or names a version by its order. An undo is the model's unless the
    request speaks of "the ... one" or goes "back to the ..." ("undo, I didn't want the fox" stays an undo)."""
    if BY_ORDER.search(request):
        return None
    prefers = PREFERS_ONE.search(request) is not None
    restored = [args.kind for call, args in calls if call.name == "go_to_version" or (call.name == "undo" and prefers)]
    if restored:
        return restored
    return ["melody", "painting", "text"] if prefers else None


def with_named_versions(
    calls: list[tuple[ToolCall, BaseModel]], session: Session, request: str
) -> list[tuple[ToolCall, BaseModel]]:
    """The plan with the calls of the work the request names a version of by its facts replaced by one restore of
    that version (see the module doc)."""
    kinds = goes_back(calls, request)
    chosen = named_version(session, kinds, request) if kinds else None
    if chosen is None:
        return calls
    kept = [(c, a) for c, a in calls if not of_kind(c, a, chosen.kind)]
    args = GoToVersionArgs(kind=chosen.kind, number=chosen.number)
    return [*kept, (ToolCall(name="go_to_version", arguments=args.model_dump()), args)]


def of_kind(call: ToolCall, args: BaseModel, kind: str) -> bool:
    """Whether the call makes, changes or restores a work of `kind`."""
    if call.name in RESTORES:
        return args.kind == kind
    return call.name in TOOLS and TOOLS[call.name].kind == kind
