"""A person's small animal stands beside them, at its size against theirs, not in front of them.

A person and an animal are placed as separate groups, each where its own sample puts it, and mostly one stood in
front of the other: "a woman walking her dog" read as a dog with a woman's body growing from its back (7 of 8
seeds at stop 42). When one person stands, walks or sits in a landscape with an animal no bigger than a person
that covers them, the animal is set beside the person on the person's ground line, as big against them as it is in
metres, on the side towards the middle of the picture.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

PERSON_METRES = 1.7  # a grown person's height, against which an animal's size (its longer side) is drawn
FIGURE_WIDTH = 0.35  # a figure's width over its height (standing or walking)
GAP = 0.015  # between the person and the animal, as a share of the picture's width
FORWARD = 0.01  # the animal's foot this much nearer than the person's (it walks at their side, a step ahead)
MARGIN = 0.025  # kept free between the animal and the frame
POSES = ("stand", "walk", "sit")  # a dancer or a gardener bent over a hoe is not walking a dog


def beside_their_person(placed: list, aspect) -> list:
    """The placed things (`objects.PlacedObject`) with each small animal that covers the one person moved beside
    them; `aspect(entry)` is a drawing's width over height. Anything else, or more than one person, unchanged."""
    people = [o for o in placed if o.role == "figure" and o.person is not None]
    if len(people) != 1 or people[0].person.pose not in POSES:
        return placed
    person = people[0]
    half = person.height * FIGURE_WIDTH / 2
    return [_beside(o, person, half, aspect(o.entry)) if _small_animal(o) else o for o in placed]


def _small_animal(obj) -> bool:
    return obj.role == "stands" and obj.person is None and bool(obj.size) and obj.size <= PERSON_METRES


def _beside(animal, person, half: float, ratio: float):
    """The animal at the person's side, or as it was where it already stands clear of them."""
    longer = person.height * animal.size / PERSON_METRES
    width = longer * min(1.0, ratio)
    if abs(animal.cx - person.cx) >= half + width / 2:
        return animal
    side = 1.0 if person.cx <= 0.5 else -1.0
    cx = float(np.clip(person.cx + side * (half + width / 2 + GAP), MARGIN + width / 2, 1 - MARGIN - width / 2))
    return replace(animal, cx=cx, base_y=min(person.base_y + FORWARD, 1 - MARGIN / 2), height=longer)
