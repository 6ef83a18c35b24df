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

import dataclasses
from dataclasses import dataclass

import numpy as np

from models.melody.phrases import PLANS, plan_distance

UNIT_BARS = 2
# form name -> per unit: "new", or (kind, source unit): kind in varied / opening / sequence. A return never
# restates a whole phrase: the consequent keeps the antecedent's opening and then goes its own way to its own close
FORMS: dict[str, tuple] = {
    "AABA": ("new", ("varied", 0), "new", ("varied", 0)),
    "ABAC": ("new", "new", ("varied", 0), "new"),
    "period": ("new", "new", ("opening", 0), "new"),
    "sentence": ("new", ("sequence", 0), "new", "new"),
    "barform": ("new", ("varied", 0), "new", "new"),
}
MAJOR_CHORDS = {"I": (0, 4, 7), "ii": (2, 5, 9), "IV": (5, 9, 0), "V": (7, 11, 2), "vi": (9, 0, 4)}
MINOR_CHORDS = {"I": (0, 3, 7), "ii": (2, 5, 8), "IV": (5, 8, 0), "V": (7, 11, 2), "vi": (8, 0, 3)}
# chords per half bar of a four-bar phrase: opening phrases end on V (half cadence), closing ones on I
OPENING_HARMONY = (("I", "I", "IV", "V", "I", "vi", "ii", "V"), ("I", "V", "I", "IV", "I", "IV", "V", "V"))
CLOSING_HARMONY = (("I", "I", "IV", "V", "I", "IV", "V", "I"), ("I", "V", "I", "IV", "ii", "V", "I", "I"))
EXACT_RETURN = 0.75  # chance that a returning unit's first bar, and then its second, come back note for note
PICKUP_CHORDS = ("I", "V")  # a pickup bar leans on the dominant into the first downbeat
# the last notes into the final tonic, in scale degrees of major (minor lowers the third): each a pitch-class
# choice and a length in 16ths; with the final note's place and length they make each tune's close its own
CLOSING_FIGURES = (
    (((2,), 4),),  # 2-1
    (((11,), 4),),  # 7-1
    (((2,), 8),),
    (((7,), 4),),  # 5-1, the folk close
    (((4,), 4), ((2,), 4)),  # 3-2-1
    (((4,), 2), ((2,), 2)),
    (((4,), 6), ((2,), 2)),  # dotted 3-2-1
    (((2,), 4), ((11,), 4)),  # 2-7-1
    (((2,), 6), ((11,), 2)),
    (((7,), 4), ((11,), 4)),  # 5-7-1
    (((0,), 4), ((11,), 2), ((2,), 2)),  # 1-7-2-1, a turn
)
LEAPING_FIGURES = (3, 9)  # the figures with a leap: likelier where the mood leaps
DOTTED_FIGURES = (6, 8)


@dataclass(frozen=True)
class BarRole:
    """What one bar is: `source` (an earlier bar) with `kind` exact / varied / sequence, or new (source None), or
    the pickup bar before the first downbeat; `copy_until` the position in the bar up to which the source is
    followed (16: all of it); `cadence` '' / 'half' / 'open' / 'tonic' with `cadence_at` the position of the
    cadence note and `cadence_len` its length; after a half or open cadence notes start again at `breath_until`."""

    source: int | None = None
    kind: str = "new"
    copy_until: int = 16
    pitches_from: int = 16  # position from which a varied bar's pitches are free (its rhythm stays the source's)
    step: int = 0  # scale steps a sequence moves by
    cadence: str = ""
    cadence_at: int = 8
    cadence_len: int = 8
    breath_until: int = 14


@dataclass(frozen=True)
class FormPlan:
    name: str
    bars: tuple[BarRole, ...]
    chords: tuple[tuple[int, ...], ...]  # chord pitch classes per half bar
    mode: str
    lead: int = 0  # bars before the first downbeat: 1 where the tune opens with a pickup
    pickup: int = 0  # the pickup's length in 16ths (0: the phrases open on the downbeat)
    approach: tuple[tuple[int, int, tuple[int, ...]], ...] = ()  # the closing figure: (step, length, pitch classes)

    def chord_at(self, step: int, steps_per_bar: int) -> tuple[int, ...]:
        half = min(len(self.chords) - 1, step // (steps_per_bar // 2))
        return self.chords[half]

    def approach_at(self, step: int) -> tuple[int, int, tuple[int, ...]] | None:
        """The closing figure's note sounding at `step` (its start, length and pitch classes), if any."""
        for start, length, pcs in self.approach:
            if start <= step < start + length:
                return start, length, pcs
        return None

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


def _unit_roles(spec, rng: np.random.Generator) -> list[BarRole]:
    """The two bars of one unit from its form entry."""
    if spec == "new":
        return [BarRole(), BarRole()]
    kind, source = spec
    first, second = source * UNIT_BARS, source * UNIT_BARS + 1
    if kind == "sequence":
        step = int(rng.choice((-1, 1)))
        return [BarRole(first, "sequence", step=step), BarRole(second, "sequence", step=step)]
    # the motif comes back on the bar line with its rhythm, its pitches kept for a bar or half a bar and then
    # changed; often the whole two-bar idea returns (as in 28% of real 8-bar openings), never what follows it:
    # an "opening" return then goes its own way, a varied one follows its source's rhythm for half a bar
    exact = rng.random() < EXACT_RETURN
    opening = BarRole(first, "exact") if exact else BarRole(first, "varied", pitches_from=8)
    if exact and rng.random() < EXACT_RETURN:
        return [opening, BarRole(second, "exact")]
    if kind == "opening":
        return [opening, BarRole()]
    return [opening, BarRole(second, "varied", copy_until=8, pitches_from=int(rng.choice((0, 4))))]


def choose_pickup(rng: np.random.Generator, density: float, dotted: float = 0.5) -> int:
    """The anacrusis in 16ths: none, an eighth, or a beat (one note, or two eighths in busy moods); busy and
    lilting moods take one more often, as the sung and danced tunes they sound like do."""
    if rng.random() > PICKUP_SHARE + 0.6 * (density - 0.26) + 0.1 * (dotted - 0.5):
        return 0
    return int(rng.choice((2, 4), p=(0.2, 0.8)))


PICKUP_SHARE = 0.7  # of 4/4 tunes in the corpus open with a pickup (train 0.73, held-out 0.73), most a beat long


def plan_form(
    bars: int,
    mode: str,
    rng: np.random.Generator,
    before: int = 0,
    name: str | None = None,
    lead: int = 0,
    pickup: int = 0,
    character: tuple[float, ...] = (0.5,) * 5,
) -> FormPlan:
    """A plan for `before` existing bars (left as they are: new, no cadence) and `bars` bars to write after them;
    `lead` bars (0 or 1) of them hold the `pickup` before the first downbeat.

    A new tune longer than eight bars repeats the eight-bar form, the second time round returning to the first's
    units; a phrase of fewer than four bars (an odd length) still ends on its cadence."""
    name = name or str(rng.choice(sorted(FORMS)))
    total = before + bars - min(before, lead)  # music bars: a new pickup bar comes on top of `bars`
    units = -(-total // UNIT_BARS)
    added_from = -(-(before - min(before, lead)) // UNIT_BARS) if before else None
    roles: list[BarRole] = []
    for u in range(units):
        roles += _unit_roles(_unit_spec(FORMS[name], u, units, added_from), rng)
    return _finish(name, roles[:total], mode, rng, before, lead, pickup, character)


def _unit_spec(form: tuple, u: int, units: int, added_from: int | None):
    """Unit `u`'s form entry. Past the form a new tune comes round again, varied; a tune being continued
    (`added_from`: its first added unit) goes on with new material instead, as a middle section: a new idea,
    then that idea a step higher or lower, the last of three or more added units returning to the opening.
    (Going round again on a continued tune put its opening figure four times in twelve bars.)"""
    if u < len(form):
        return form[u]
    if added_from is None:
        return ("varied", u - len(form))
    k = u - max(len(form), added_from)
    if k < 0:
        return "new"  # an existing bar: left as it is
    if k >= 2 and u == units - 1:
        return ("varied", 0)
    return ("sequence", u - 1) if k % 2 else "new"


def _finish(name, roles, mode, rng, before, lead, pickup, character) -> FormPlan:
    """Cadences, the closing figure and the harmony on music bars, then the pickup bar put in front."""
    roles = _cadences(roles, rng, max(0, before - lead), pickup)
    roles, approach = _closing_figure(roles, rng, mode, max(0, before - lead), character)
    roles = [BarRole(r.source + lead if r.source is not None else None, *_rest(r)) for r in roles]
    roles = [BarRole(kind="pickup")] * lead + roles
    roles = [BarRole(kind=r.kind if r.kind == "pickup" else "new") if b < before else r for b, r in enumerate(roles)]
    approach = tuple((start + 16 * lead, length, pcs) for start, length, pcs in approach)
    return FormPlan(name, tuple(roles), _harmony(roles, mode, rng, lead), mode, lead, pickup, approach)


def _rest(role: BarRole) -> tuple:
    return (role.kind, role.copy_until, role.pitches_from, role.step, role.cadence, role.cadence_at,
            role.cadence_len, role.breath_until)  # fmt: skip


def _cadences(roles: list[BarRole], rng: np.random.Generator, before: int, pickup: int) -> list[BarRole]:
    """Half (or open) cadences at the end of each phrase but the last, the tonic at the end of the last: on a
    strong beat, of a length drawn by seed; after a half cadence the line breathes, then the next phrase's
    pickup (as long as the tune's own, or an optional eighth)."""
    total = len(roles)
    ends = list(range(3, total - 1, 4)) + [total - 1]
    out = list(roles)
    for end in ends:
        if end < before:
            continue
        if end == total - 1:
            room = 16 - pickup  # with a pickup the last bar is short by as much, as a tune is written
            at = int(rng.choice((0, 8), p=(0.35, 0.65))) if room - 8 >= 4 else 0
            lengths = [n for n in (8, 12, 16) if n <= room] if at == 0 else [room - 8]
            weights = np.array([{12: 0.5, 16: 0.15}.get(n, 1.0) for n in lengths])  # a held whole bar is rare
            length = int(rng.choice(lengths, p=weights / weights.sum()))
            cadence, breath = "tonic", 16
        else:
            breath = 16 - pickup if pickup else 14
            at = int(rng.choice((0, 8), p=(0.3, 0.7)))
            lengths = [n for n in ((8, 12) if at == 0 else (4, 6, 8)) if at + n <= breath] or [breath - at]
            length = int(rng.choice(lengths))
            cadence = str(rng.choice(("half", "half", "open")))
        if at == 0 and end > 0:  # the bar before a downbeat cadence leaves its last beat free to lead there
            out[end - 1] = dataclasses.replace(out[end - 1], copy_until=min(out[end - 1].copy_until, 12))
        role = out[end]
        out[end] = dataclasses.replace(
            role, copy_until=min(role.copy_until, at), cadence=cadence, cadence_at=at, cadence_len=length,
            breath_until=breath,
        )  # fmt: skip
    return out


def _closing_figure(roles, rng, mode, before, character):
    """The last notes into the final tonic (CLOSING_FIGURES, drawn by seed, leaps and dotted rhythms likelier
    where the mood has them), as (step, length, pitch classes) in music-bar steps; the bars they fall in stop
    following their sources where the figure begins."""
    end = len(roles) - 1
    if end < before or not roles[end].cadence:
        return roles, ()
    leaps, dotted = character[0], character[2]
    weights = np.ones(len(CLOSING_FIGURES))
    weights[list(LEAPING_FIGURES)] *= 0.5 + 2 * leaps
    weights[list(DOTTED_FIGURES)] *= 0.5 + 2 * dotted
    figure = CLOSING_FIGURES[int(rng.choice(len(CLOSING_FIGURES), p=weights / weights.sum()))]
    third = 3 if mode == "minor" else 4
    step = 16 * end + roles[end].cadence_at
    out = []
    for pcs, length in reversed(figure):
        step -= length
        out.append((step, length, tuple(third if pc == 4 else pc for pc in pcs)))
    start = step
    roles = list(roles)
    for b in range(start // 16, end + 1):
        cut = max(0, start - 16 * b)
        roles[b] = dataclasses.replace(roles[b], copy_until=min(roles[b].copy_until, cut))
    return roles, tuple(reversed(out))


def _harmony(roles: list[BarRole], mode: str, rng: np.random.Generator, lead: int) -> tuple[tuple[int, ...], ...]:
    """Chords per half bar: each phrase an opening or closing progression, returning bars keep their source's."""
    table = MAJOR_CHORDS if mode == "major" else MINOR_CHORDS
    names: list[str] = list(PICKUP_CHORDS) * lead
    total = len(roles) - lead
    for start in range(0, total, 4):
        last = start + 4 >= total
        options = CLOSING_HARMONY if last else OPENING_HARMONY
        names += list(options[int(rng.integers(len(options)))])
    names = names[: 2 * len(roles)]
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


def form_from_plan(
    plan: list[int], mode: str, rng: np.random.Generator, before: int = 0, lead: int = 0, pickup: int = 0
) -> FormPlan:
    """A form plan from an asked per-bar LSTM plan (phrases.PLANS) for the bars after `before` existing ones:
    an exact return copies its bar, a varied one its rhythm and first half, with the usual cadences."""
    roles = [BarRole() for _ in range(before - min(before, lead))]
    for b, p in enumerate(plan, start=len(roles)):
        distance = plan_distance(p)
        if distance and b - distance >= 0:
            kind = "exact" if PLANS[p].startswith("exact") else "varied"
            roles.append(BarRole(b - distance, kind, pitches_from=16 if kind == "exact" else 8))
        else:
            roles.append(BarRole())
    return _finish("asked", roles, mode, rng, before, lead, pickup, (0.5,) * 5)
