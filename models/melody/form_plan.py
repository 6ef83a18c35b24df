"""A melody's form planned before its notes: which bars return (and how), the chords, and the cadences.

The plan works in two-bar units grouped into four-bar phrases. A unit is new, an exact return of an earlier
unit, a varied return (the same rhythm; the first bar's notes, then new pitches in the second), or a
sequence (the same rhythm and contour a scale step lower or higher). Returns always start on a bar line.
The first phrase ends on a half cadence (the dominant, or an open third or fifth), the last on the tonic
on a strong beat. Each half bar has a chord (scale degrees in the key-normalised space, tonic C), so leaps
can land on chord tones and strong beats lean on them. The sampler (`sampler.py`) fills the plan with the
LSTM's notes; this file only decides the shape, seeded, from a handful of forms real tunes use.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.melody.phrases import PLANS, plan_distance

UNIT_BARS = 2
# form name -> per unit: "new", or (kind, source unit): kind in exact / varied / sequence
FORMS: dict[str, tuple] = {
    "AABA": ("new", ("varied", 0), "new", ("varied", 0)),
    "ABAC": ("new", "new", ("varied", 0), "new"),
    "period": ("new", "new", ("varied", 0), ("varied", 1)),
    "sentence": ("new", ("sequence", 0), ("varied", 0), "new"),
}
MAJOR_CHORDS = {"I": (0, 4, 7), "ii": (2, 5, 9), "IV": (5, 9, 0), "V": (7, 11, 2), "vi": (9, 0, 4)}
MINOR_CHORDS = {"I": (0, 3, 7), "ii": (2, 5, 8), "IV": (5, 8, 0), "V": (7, 11, 2), "vi": (8, 0, 3)}
# chords per half bar of a four-bar phrase: opening phrases end on V (half cadence), closing ones on I
OPENING_HARMONY = (("I", "I", "IV", "V", "I", "vi", "ii", "V"), ("I", "V", "I", "IV", "I", "IV", "V", "V"))
CLOSING_HARMONY = (("I", "I", "IV", "V", "I", "IV", "V", "I"), ("I", "V", "I", "IV", "ii", "V", "I", "I"))


@dataclass(frozen=True)
class BarRole:
    """What one bar is: `source` (an earlier bar) with `kind` exact / varied / sequence, or new (source None);
    `copy_until` the position in the bar up to which the source is followed (16: all of it); `cadence`
    '' / 'half' / 'open' / 'tonic' with `cadence_at` the position of the cadence note."""

    source: int | None = None
    kind: str = "new"
    copy_until: int = 16
    pitches_from: int = 16  # position from which a varied bar's pitches are free (its rhythm stays the source's)
    step: int = 0  # scale steps a sequence moves by
    cadence: str = ""
    cadence_at: int = 8


@dataclass(frozen=True)
class FormPlan:
    name: str
    bars: tuple[BarRole, ...]
    chords: tuple[tuple[int, ...], ...]  # chord pitch classes per half bar
    mode: str

    def chord_at(self, step: int, steps_per_bar: int) -> tuple[int, ...]:
        half = min(len(self.chords) - 1, step // (steps_per_bar // 2))
        return self.chords[half]

    def lstm_plan(self) -> list[int]:
        """The plan as the LSTM's per-bar condition (phrases.PLANS): new, or an exact/varied return 1, 2 or 4
        bars back (sequences and farther sources read as varied returns at the nearest distance it knows)."""
        out = []
        for b, role in enumerate(self.bars):
            if role.source is None:
                out.append(PLANS.index("new"))
                continue
            distance = b - role.source
            known = min((1, 2, 4), key=lambda d: (abs(d - distance), d))
            kind = "exact" if role.kind == "exact" and role.copy_until == 16 and distance == known else "varied"
            out.append(PLANS.index(f"{kind}{known}"))
        return out


def _unit_roles(spec, unit: int, rng: np.random.Generator) -> list[BarRole]:
    """The two bars of one unit from its form entry (exact returns are kept for asked plans and longer forms)."""
    if spec == "new":
        return [BarRole(), BarRole()]
    kind, source = spec
    first, second = source * UNIT_BARS, source * UNIT_BARS + 1
    if kind == "exact":
        return [BarRole(first, "exact"), BarRole(second, "exact")]
    if kind == "sequence":
        step = int(rng.choice((-1, 1)))
        return [BarRole(first, "sequence", step=step), BarRole(second, "sequence", step=step)]
    # a varied return: the motif comes back on the bar line with its rhythm, its pitches kept for a bar or half a
    # bar and then changed; the second bar follows its source's rhythm for half a bar, then goes its own way
    opening = BarRole(first, "exact") if rng.random() < 0.5 else BarRole(first, "varied", pitches_from=8)
    return [opening, BarRole(second, "varied", copy_until=8, pitches_from=int(rng.choice((0, 4))))]


def _with_cadence(role: BarRole, cadence: str, at: int) -> BarRole:
    """A phrase's last bar: the source is followed only up to the cadence note."""
    return BarRole(role.source, role.kind, min(role.copy_until, at), role.pitches_from, role.step, cadence, at)


def plan_form(bars: int, mode: str, rng: np.random.Generator, before: int = 0, name: str | None = None) -> FormPlan:
    """A plan for `before` existing bars (left as they are: new, no cadence) and `bars` bars to write after them.

    Forms longer than eight bars repeat the eight-bar form, the second time round returning to the first's
    units; a phrase of fewer than four bars (an odd length) still ends on its cadence."""
    name = name or str(rng.choice(sorted(FORMS)))
    total = before + bars
    roles: list[BarRole] = []
    form = FORMS[name]
    units = -(-total // UNIT_BARS)
    for u in range(units):
        spec = form[u] if u < len(form) else ("varied", u - len(form))  # the form comes round again, varied
        roles += _unit_roles(spec, u, rng)
    roles = roles[:total]
    roles = _cadences(roles, rng, before)
    roles = [BarRole() if b < before else r for b, r in enumerate(roles)]
    chords = _harmony(roles, mode, rng)
    return FormPlan(name, tuple(roles), chords, mode)


def _cadences(roles: list[BarRole], rng: np.random.Generator, before: int) -> list[BarRole]:
    """Half (or open) cadences at the end of each phrase but the last, the tonic at the end of the last."""
    total = len(roles)
    ends = list(range(3, total - 1, 4)) + [total - 1]
    out = list(roles)
    for end in ends:
        if end < before:
            continue
        final = end == total - 1
        cadence = "tonic" if final else str(rng.choice(("half", "half", "open")))
        at = int(rng.choice((0, 8), p=(0.3, 0.7))) if final else 8  # mostly a half-note close after a moving half bar
        out[end] = _with_cadence(out[end], cadence, at)
        if at == 0 and end > 0:  # the bar before a downbeat cadence leaves its last beat free to lead home
            before_end = out[end - 1]
            out[end - 1] = BarRole(
                before_end.source,
                before_end.kind,
                min(before_end.copy_until, 12),
                before_end.pitches_from,
                before_end.step,
                before_end.cadence,
                before_end.cadence_at,
            )
    return out


def _harmony(roles: list[BarRole], mode: str, rng: np.random.Generator) -> tuple[tuple[int, ...], ...]:
    """Chords per half bar: each phrase an opening or closing progression, returning bars keep their source's."""
    table = MAJOR_CHORDS if mode == "major" else MINOR_CHORDS
    names: list[str] = []
    total = len(roles)
    for start in range(0, total, 4):
        last = start + 4 >= total
        options = CLOSING_HARMONY if last else OPENING_HARMONY
        names += list(options[int(rng.integers(len(options)))])
    names = names[: 2 * total]
    for b, role in enumerate(roles):
        if role.source is not None and role.kind != "sequence" and not role.cadence:
            names[2 * b : 2 * b + 2] = names[2 * role.source : 2 * role.source + 2]
    for b, role in enumerate(roles):  # the cadence note's chord: V for a half cadence, I for an open or tonic one
        if role.cadence:
            chord = "V" if role.cadence == "half" else "I"
            names[2 * b + 1] = chord
            if role.cadence_at == 0:
                names[2 * b] = chord
    return tuple(table[n] for n in names)


def form_from_plan(plan: list[int], mode: str, rng: np.random.Generator, before: int = 0) -> FormPlan:
    """A form plan from an asked per-bar LSTM plan (phrases.PLANS) for the bars after `before` existing ones:
    an exact return copies its bar, a varied one its rhythm and first half, with the usual cadences."""
    roles = [BarRole() for _ in range(before)]
    for b, p in enumerate(plan, start=before):
        distance = plan_distance(p)
        if distance and b - distance >= 0:
            kind = "exact" if PLANS[p].startswith("exact") else "varied"
            roles.append(BarRole(b - distance, kind, pitches_from=16 if kind == "exact" else 8))
        else:
            roles.append(BarRole())
    roles = _cadences(roles, rng, before)
    roles = [BarRole() if b < before else r for b, r in enumerate(roles)]
    return FormPlan("asked", tuple(roles), _harmony(roles, mode, rng), mode)
