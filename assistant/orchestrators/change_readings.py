"""What an unspecific complaint about a work asks to change, read by meaning: a check on the tuned model's answer,
never a call of its own.

The adapter reads "it's over way too quickly" as a tempo change and "the colours are too washed out" as less
saturation: it follows a word ("quickly", "washed") where a person follows the complaint. Here the request is
compared by the shipped sentence-embedding model with sentences of each reading (`assistant/data/
change_readings.yaml`): for a melody that exists, its length, its tempo or its mood; for a painting, which way its
colours should go. When one reading is near and nearer than the others by the table's margin:
- the colours may only move the nearer way (a decoding rule, `ok`);
- a melody call that changes what the reading excludes (a length complaint is no tempo and no mood change, a tempo
  complaint no length change) has those arguments replaced by the reading's own changes ("add_bars": 4 or half
  the bars; "tempo_scale": 1.25 or 0.8): the way the complaint means when its sentences of one way are nearer by
  the table's margin ("I can't keep up": slower), else each way, the model's likelihood of each whole answer
  picking it (`alternatives`; closing the arguments while decoding made the model type junk such as "bars": 8.5);
  a call that goes against the way meant is replaced so too.
A request that writes a comparative, a number or a negation ("longer", "2 bars", "not so bright", "plus lent") is
left to the model, which reads those well.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable

import numpy as np
import yaml

from assistant.orchestrators.answer_position import position
from assistant.orchestrators.asked_works import dumps, loads
from assistant.orchestrators.request_facts import FASTER, LENGTH_COMPARATIVE, SLOWER, facts_of, foreign_length_sign

TABLE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "change_readings.yaml")
WRITTEN = re.compile(
    r"\b(brighter|darker|lighter|dimmer|saturat\w*|desaturat\w*|vivid\w*|vibrant\w*|mut\w*|less|not|no|never|"
    r"heller|dunkler|clair|sombre|claro|oscuro)\b|n't",
    re.IGNORECASE,
)
LENGTH = frozenset({"bars", "add_bars"})
TEMPO = frozenset({"tempo", "tempo_scale", "tempo_change", "arousal_change"})
EXCLUDES = {  # what each reading of a melody complaint is not: a length is no tempo and no mood; a mood, anything
    "length": TEMPO | {"mood", "valence_change"},
    "tempo": LENGTH,
    "mood": frozenset(),
}


@functools.cache
def table() -> dict:
    with open(TABLE, encoding="utf-8") as f:
        return yaml.safe_load(f)


def writes_the_change(request: str) -> bool:
    """The request writes a comparative, a number or a negation the model reads itself ("cut it down", "give it
    more room" write none: their direction is the reading's way, below)."""
    facts = facts_of(request)
    patterns = (SLOWER, FASTER, LENGTH_COMPARATIVE, WRITTEN)
    return bool(facts.numbers) or any(p.search(request) for p in patterns)


def nearer(request: str, readings: dict[str, list[str]], margin: float, floor: float) -> str | None:
    """The reading whose sentences come nearest the request, when they are at least `floor` near and nearer than
    any other reading's by `margin`."""
    from tools.embedding_search import embed

    names = list(readings)
    vectors = embed([request, *(s for name in names for s in readings[name])])
    mine, start, best = vectors[0], 1, {}
    for name in names:
        best[name] = float(np.max(vectors[start : start + len(readings[name])] @ mine))
        start += len(readings[name])
    first, second = sorted(names, key=best.get, reverse=True)[:2]
    return first if best[first] >= floor and best[first] - best[second] >= margin else None


class ChangeReading:
    """The readings of one request about the works that exist (`existing`: their kinds; `bars`: the melody's)."""

    def __init__(self, request: str, existing: frozenset[str], bars: int = 8):
        self.melody: str | None = None  # length, tempo, mood, or None (no clear reading)
        self.colours_way: int | None = None  # +1 more saturated, -1 less, None either
        self.bars = bars
        self.tempo_sign: int | None = None  # a tempo reading's way by meaning: 1 faster, -1 slower
        self.length_signs = facts_of(request).change_signs  # "too long", "cut it down": -1; "more of it": 1
        if "melody" in existing and (sign := foreign_length_sign(request)):  # "kürzer", "plus longue": written
            self.melody, self.length_signs = "length", frozenset({sign})
            return
        if not request.strip() or writes_the_change(request):
            return
        data = table()
        if "melody" in existing:
            self.melody = nearer(request, data["melody"], data["margin"]["melody"], data["floor"])
            self.read_the_way(request, data)
        if "painting" in existing:
            way = nearer(request, data["saturation"], data["margin"]["saturation"], data["floor"])
            self.colours_way = {"more": 1, "less": -1}.get(way)

    def read_the_way(self, request: str, data: dict) -> None:
        """A length or tempo reading whose request writes no way of its own goes the way its meaning is nearer."""
        ways = data["ways"].get(self.melody or "")
        if ways is None or (self.melody == "length" and len(self.length_signs) == 1):
            return
        way = nearer(request, ways, data["ways"]["margin"], data["floor"])
        sign = {"longer": 1, "shorter": -1, "faster": 1, "slower": -1}.get(way or "")
        if sign and self.melody == "length":
            self.length_signs = frozenset({sign})
        elif sign:
            self.tempo_sign = sign

    def ok(self, answer: str, piece: str) -> bool:
        """The decoding rule: no colour change the other way than the request reads."""
        if self.colours_way is None:
            return True
        after = position(answer).then(piece)
        if any(d.what == "value" and not self.value_ok(d.argument, d.text, True) for d in after.finished):
            return False
        opened = after.open_value()
        return opened is None or self.value_ok(*opened, finished=False)

    def value_ok(self, argument: str, text: str, finished: bool) -> bool:
        """A colour change typed so far goes the way the request reads ("washed out": more saturated)."""
        if argument != "saturation_change" or self.colours_way is None or not text:
            return True
        if not finished:
            return text.startswith("-") == (self.colours_way < 0)
        try:
            return float(text) * self.colours_way > 0
        except ValueError:
            return False

    def own_changes(self) -> list[dict]:
        """The melody reading's own changes, each way, as the adapter learnt them."""
        if self.melody == "length":
            ways = {1: {"add_bars": 4}, -1: {"bars": max(1, self.bars // 2)}}
            return [change for sign, change in ways.items() if sign in self.length_signs]
        if self.melody == "tempo":
            ways = {1: {"tempo_scale": 1.25}, -1: {"tempo_scale": 0.8}}
            return [change for sign, change in ways.items() if self.tempo_sign in (None, sign)]
        return []

    def alternatives(self, calls: list) -> list[list]:
        """The answers to weigh instead of `calls` (a list of [tool, arguments]) when its melody call changes what
        the reading excludes, or a length the other way than the request words it ("too long": shorter): that call
        with each of the reading's own changes instead; else none."""
        excluded = EXCLUDES.get(self.melody or "", frozenset())
        for i, (name, args) in enumerate(calls):
            if name == "compose_melody" and isinstance(args, dict) and (set(args) & excluded or self.wrong_way(args)):
                kept = {k: v for k, v in args.items() if k not in excluded | LENGTH | TEMPO}
                return [[*calls[:i], [name, {**kept, **change}], *calls[i + 1 :]] for change in self.own_changes()]
        return []

    def wrong_way(self, args: dict) -> bool:
        """A length reading's call changes the length against the one way the request words or means it; a tempo
        reading's, the tempo against the way it means."""
        if self.melody == "tempo" and self.tempo_sign is not None:
            scale = args.get("tempo_scale") if isinstance(args.get("tempo_scale"), int | float) else 1
            change = args.get("tempo_change") if isinstance(args.get("tempo_change"), int | float) else 0
            return (scale - 1) * self.tempo_sign < 0 or change * self.tempo_sign < 0
        if self.melody != "length" or len(self.length_signs) != 1:
            return False
        number = lambda name, default: args[name] if isinstance(args.get(name), int | float) else default  # noqa: E731
        longer = number("add_bars", 0) > 0 or number("bars", self.bars) > self.bars
        shorter = number("add_bars", 0) < 0 or number("bars", self.bars) < self.bars
        return (longer and -1 in self.length_signs) or (shorter and 1 in self.length_signs)

    def weighed(self, answer: str, score: Callable[[list], float]) -> str:
        """The answer as decoded, or the likeliest of its alternatives by `score` (the model's log-probability of a
        whole answer)."""
        calls = loads(answer)
        options = self.alternatives(calls) if calls is not None else []
        return dumps(max(options, key=score)) if options else answer
