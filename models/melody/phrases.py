"""Phrase plans: for each bar, which earlier bar it repeats (exactly or varied), read from real tunes.

A tune's form (AABA, a motif answered a bar later, a phrase repeated four bars on) shows as bars that
return. For every bar we find the nearest earlier bar at a distance of 1, 2 or 4 bars that it repeats
exactly (same events) or varies (same rhythm, or half its notes the same), else it is new. The network is
trained with this plan as a condition and with the referenced bar's event at the same position as an
input (a pointer it can copy or vary); at composition time a plan is drawn from the plans real tunes
have, so the form is learned from the corpus, not written by us.
"""

from __future__ import annotations

import numpy as np

from models.melody.events import Note
from models.melody.lstm import START

DISTANCES = (1, 2, 4)
PLANS = ("new",) + tuple(f"{kind}{d}" for kind in ("exact", "varied") for d in DISTANCES)
NEW = 0
RHYTHM_MATCH = 0.75  # onset-position Jaccard at or above which a bar counts as the same rhythm
NOTE_MATCH = 0.5  # (position, pitch) Jaccard at or above which a bar counts as a variation


def _onsets(bar_events: np.ndarray) -> set[tuple[int, int]]:
    return {(int(i), int(e)) for i, e in enumerate(bar_events) if e >= 2}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def bar_relation(bar: np.ndarray, earlier: np.ndarray) -> str | None:
    """'exact', 'varied' or None for a bar against an earlier one (bars without notes relate to nothing)."""
    notes, before = _onsets(bar), _onsets(earlier)
    if not notes or not before:
        return None
    if np.array_equal(bar, earlier):
        return "exact"
    rhythm = jaccard({p for p, _ in notes}, {p for p, _ in before})
    if rhythm >= RHYTHM_MATCH or jaccard(notes, before) >= NOTE_MATCH:
        return "varied"
    return None


def bar_plan(events: np.ndarray, steps_per_bar: int) -> list[int]:
    """Plan index per bar (an index into PLANS): exact repeats win over variations, nearer over farther."""
    bars = [events[i : i + steps_per_bar] for i in range(0, len(events), steps_per_bar)]
    plan = []
    for b, bar in enumerate(bars):
        found = {}
        for d in DISTANCES:
            if b - d >= 0 and len(bars[b - d]) == len(bar):
                rel = bar_relation(bar, bars[b - d])
                if rel and rel not in found:
                    found[rel] = d
        kind = "exact" if "exact" in found else "varied" if "varied" in found else None
        plan.append(PLANS.index(f"{kind}{found[kind]}") if kind else NEW)
    return plan


def plan_kept(events: np.ndarray, plan: list[int], steps_per_bar: int) -> float:
    """Share of the plan's returns the notes make: an exact return counts when the bar is that earlier bar,
    a varied one when it is that bar or a variation of it (1.0 when the plan has no returns)."""
    bars = [events[i : i + steps_per_bar] for i in range(0, len(events), steps_per_bar)]
    kept = []
    for b, p in enumerate(plan[: len(bars)]):
        d = plan_distance(p)
        if d == 0 or b - d < 0 or len(bars[b - d]) != len(bars[b]):
            continue
        relation = bar_relation(bars[b], bars[b - d])
        kept.append(relation == "exact" if PLANS[p].startswith("exact") else relation is not None)
    return float(np.mean(kept)) if kept else 1.0


def plan_distance(plan_index: int) -> int:
    """How many bars back the planned bar looks (0 for a new bar)."""
    return 0 if plan_index == NEW else int(PLANS[plan_index][-1])


def reference_events(events: np.ndarray, plan: list[int], steps_per_bar: int) -> np.ndarray:
    """For each step, the event at the same position in the bar its plan refers to (START when none)."""
    out = np.full(len(events), START, dtype=np.int64)
    for t in range(len(events)):
        d = plan_distance(plan[t // steps_per_bar]) if t // steps_per_bar < len(plan) else 0
        if d and t - d * steps_per_bar >= 0:
            out[t] = events[t - d * steps_per_bar]
    return out


def plan_string(plan: list[int]) -> str:
    return " ".join(PLANS[p] for p in plan)


def parse_plan(text: str) -> list[int]:
    return [PLANS.index(word) for word in text.split()]


def draw_plan(plans: list[str], bars: int, rng: np.random.Generator, before: list[int] | None = None) -> list[int]:
    """A real tune's plan for `bars` more bars (after `before`, the plan of a melody being continued).

    Only plans of tunes long enough are drawn; past the longest, the form continues by restating its
    last four bars' relations, which refer back by at most four bars and so stay valid."""
    before = before or []
    need = len(before) + bars
    long_enough = [p for p in plans if p.count(" ") + 1 >= need]
    pool = long_enough or plans
    chosen = parse_plan(pool[int(rng.integers(len(pool)))])
    while len(chosen) < need:
        chosen.append(chosen[len(chosen) - 4] if len(chosen) >= 4 else NEW)
    return chosen[len(before) : need]


def form_letters(plan: list[int]) -> str:
    """The plan as a form: a new bar takes the next letter, a repeat its source's, a variation adds a prime."""
    letters: list[str] = []
    fresh = 0
    for b, p in enumerate(plan):
        d = plan_distance(p)
        if d and b - d >= 0:
            base = letters[b - d].rstrip("'")
            letters.append(base if PLANS[p].startswith("exact") else base + "'")
        else:
            letters.append(chr(ord("A") + fresh % 26))
            fresh += 1
    return " ".join(letters)


def pickup_length(events, steps_per_bar: int = 16) -> int:
    """16ths of anacrusis when the first bar is a pickup bar (silence, then notes in its second half only), else 0:
    a tune that opens with a pickup is stored with the pickup at the end of a bar of its own, as the corpus has it."""
    first = next((i for i, e in enumerate(events[:steps_per_bar]) if e >= 2), None)
    if first is None or first < steps_per_bar // 2 or len(events) <= steps_per_bar:
        return 0
    return steps_per_bar - first


def lead_bars(events, steps_per_bar: int = 16) -> int:
    """1 when the events open with a pickup bar, else 0."""
    return int(pickup_length(events, steps_per_bar) > 0)


def from_first_downbeat(notes: list[Note], lead_steps: int) -> list[Note]:
    """Notes timed from the first full bar's downbeat (a pickup's notes get negative starts), so bar 4 is the
    fourth bar of music with or without a pickup bar in front."""
    return [Note(n.start - lead_steps, n.duration, n.pitch) for n in notes]
