"""What a figure plays or works at, drawn with them (`figure._prop`), for the people asked again and again: an
accordion squeezed at the chest, a cello held between a seated player's knees, a chessboard on a small table, a
sandcastle a child kneels by, a beekeeper's honeycomb frame held up, a potter's wheel with a pot on it, a drum
kit, a baker's peel of loaves, a cook's steaming pot on the stove, a grand piano with its lid raised.

Each is drawn in the figure's head units (x towards where the figure faces, y down from the crown) on its
`figure.UnitCanvas`, in its own colours; `ARMS` moves the hands onto it and `REACH` widens the drawing to hold it.
"""

from __future__ import annotations

import numpy as np

WOOD = np.array((0.42, 0.28, 0.16), np.float32)
VARNISH = np.array((0.5, 0.22, 0.08), np.float32)
SAND = np.array((0.7, 0.52, 0.3), np.float32)  # wet, packed sand: darker than the beach it stands on
CLAY = np.array((0.66, 0.4, 0.28), np.float32)
HONEY = np.array((0.9, 0.66, 0.18), np.float32)
IVORY = (0.93, 0.91, 0.85)
INK = (0.1, 0.09, 0.09)

PROPS = ("accordion", "cello", "drums", "chess", "sandcastle", "frame", "wheel", "loaves", "pot", "piano")
FACE_TO_FACE = ("chess",)  # two people with this are drawn facing each other across it (`herds`)
# the hands on the thing (joints in head heights, as `figure.POSE_JOINTS`)
ARMS = {
    "accordion": {"en": (0.45, 2.45), "hn": (1.15, 2.5), "ef": (-0.2, 2.5), "hf": (-0.15, 2.55)},
    "cello": {"en": (0.75, 2.75), "hn": (1.85, 3.4), "ef": (0.6, 2.2), "hf": (1.2, 1.75)},
    "drums": {"en": (0.65, 2.6), "hn": (1.25, 2.05), "ef": (0.45, 2.7), "hf": (1.1, 2.85)},
    "chess": {"en": (0.7, 2.75), "hn": (1.7, 3.05), "ef": (0.45, 2.3), "hf": (0.55, 1.35)},
    "sandcastle": {"en": (0.8, 2.8), "hn": (1.5, 3.65), "ef": (0.55, 2.75), "hf": (1.2, 3.7)},
    "frame": {"en": (0.7, 1.95), "hn": (1.0, 1.2), "ef": (0.45, 2.0), "hf": (2.05, 1.25)},
    "wheel": {"en": (0.75, 2.75), "hn": (1.75, 2.95), "ef": (0.55, 2.75), "hf": (1.55, 3.0)},
    "loaves": {"en": (0.6, 2.55), "hn": (1.25, 2.75), "ef": (0.35, 2.55), "hf": (0.95, 2.8)},
    "pot": {"en": (0.65, 2.45), "hn": (1.3, 2.3), "ef": (0.35, 2.6), "hf": (0.8, 3.0)},
    "piano": {"en": (0.75, 2.6), "hn": (1.95, 2.95), "ef": (0.55, 2.55), "hf": (1.8, 2.98)},
}
# (left, right, up, down) head units the drawing grows by to hold the thing
REACH = {
    "accordion": (0.2, 0.4, 0, 0),
    "cello": (0, 1.2, 0, 0),
    "drums": (0, 2.2, 0, 0),
    "chess": (0, 1.8, 0, 0),
    "sandcastle": (0, 3.0, 0, 0),
    "frame": (0, 0.8, 0, 0),
    "wheel": (0, 1.2, 0, 0),
    "loaves": (0, 2.6, 0, 0),
    "pot": (0, 2.0, 0, 0),
    "piano": (0, 5.6, 0, 0),
}


def _rect(canvas, corner, opposite, colour) -> None:
    """An upright rectangle between two opposite corners (head units)."""
    (x0, y0), (x1, y1) = corner, opposite
    canvas.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], colour)


def draw(canvas, prop: str, j: dict, floor: float) -> None:
    """Draw `prop` (one of PROPS) for the figure of joints `j` whose feet are at `floor`."""
    DRAWERS[prop](canvas, j, floor)


def _accordion(canvas, j: dict, floor: float) -> None:
    """A box at the chest between the hands: a red end with buttons, pleated bellows, a keyboard end."""
    left, right = j["hf"][0] - 0.05, j["hn"][0] + 0.05
    top, bottom = 1.95, 2.95
    red = (0.68, 0.12, 0.12)
    third = (right - left) / 3
    _rect(canvas, (left, top), (left + third, bottom), red)
    for k in range(6):  # the pleats, dark and light in turn
        x0 = left + third + k * third / 6
        shade = (0.16, 0.14, 0.14) if k % 2 else (0.85, 0.83, 0.78)
        _rect(canvas, (x0, top + 0.05), (x0 + third / 6, bottom - 0.05), shade)
    _rect(canvas, (right - third, top), (right, bottom), red)
    _rect(canvas, (right - 0.22, top + 0.1), (right - 0.05, bottom - 0.1), IVORY)
    for k in range(5):
        y = top + 0.2 + k * 0.15
        canvas.line([(right - 0.22, y), (right - 0.12, y)], 0.05, INK)
        canvas.ellipse((left + third / 2, y), 0.05, 0.05, IVORY)


def _cello(canvas, j: dict, floor: float) -> None:
    """A cello standing on its spike between the knees, its neck to the head, the bow drawn across the strings."""
    x = j["kn"][0] + 0.05
    canvas.line([(x, floor), (x, floor - 0.7)], 0.05, (0.3, 0.3, 0.3))
    canvas.ellipse((x, floor - 1.3), 0.62, 0.62, VARNISH)
    canvas.ellipse((x, floor - 2.15), 0.5, 0.5, VARNISH)
    canvas.ellipse((x, floor - 1.3), 0.1, 0.25, (0.12, 0.06, 0.03))
    canvas.line([(x, floor - 2.6), (x - 0.2, 1.05)], 0.14, INK)  # the neck and its scroll
    canvas.ellipse((x - 0.22, 0.95), 0.12, 0.12, VARNISH * 0.8)
    canvas.line([(x, floor - 1.0), (x - 0.15, 1.2)], 0.02, IVORY)  # the strings
    hand = j["hn"]
    canvas.line([(hand[0] - 1.3, hand[1] - 0.05), (hand[0] + 0.9, hand[1] + 0.05)], 0.04, (0.25, 0.15, 0.08))


def _drums(canvas, j: dict, floor: float) -> None:
    """A drum kit before the seated drummer: the bass drum's round head, a snare and a tom on stands, a cymbal
    high on its stand; a stick in each hand, one raised."""
    x = j["kn"][0] + 1.35
    metal = (0.55, 0.55, 0.58)
    canvas.ellipse((x, floor - 0.95), 0.95, 0.95, (0.7, 0.12, 0.14))
    canvas.ellipse((x, floor - 0.95), 0.8, 0.8, (0.92, 0.9, 0.85))
    canvas.line([(x - 0.25, floor - 0.95), (x + 0.25, floor - 0.95)], 0.08, (0.7, 0.12, 0.14))
    snare = (j["kn"][0] + 0.35, 3.1)
    canvas.line([snare, (snare[0], floor)], 0.05, metal)
    _rect(canvas, (snare[0] - 0.45, snare[1] - 0.3), (snare[0] + 0.45, snare[1]), metal)
    canvas.ellipse((snare[0], snare[1] - 0.3), 0.45, 0.08, (0.95, 0.94, 0.9))
    cymbal = (x + 0.9, 1.5)
    canvas.line([cymbal, (cymbal[0] + 0.1, floor)], 0.05, metal)
    canvas.ellipse(cymbal, 0.65, 0.08, (0.85, 0.68, 0.25))
    for hand, tip in ((j["hn"], (j["hn"][0] + 0.5, j["hn"][1] - 0.7)), (j["hf"], (snare[0] + 0.3, snare[1] - 0.35))):
        canvas.line([hand, tip], 0.05, (0.85, 0.75, 0.55))


def _chess(canvas, j: dict, floor: float) -> None:
    """A small table in front of the sitter, a chessboard on it seen a little from above, pieces standing."""
    x0, x1 = j["kn"][0] + 0.55, j["kn"][0] + 2.0
    top = 3.15
    for x in (x0 + 0.15, x1 - 0.15):
        canvas.limb((x, top), (x, floor), 0.12, WOOD * 0.8)
    _rect(canvas, (x0 - 0.1, top), (x1 + 0.1, top + 0.14), WOOD)
    rows, cols, depth = 3, 8, 0.36
    for r in range(rows):
        for c in range(cols):
            y0, y1 = top - depth * (r + 1) / rows, top - depth * r / rows
            a0, a1 = x0 + (x1 - x0) * c / cols, x0 + (x1 - x0) * (c + 1) / cols
            lean = 0.25 * (top - y0)
            canvas.polygon([(a0 + lean, y0), (a1 + lean, y0), (a1, y1), (a0, y1)], IVORY if (r + c) % 2 else INK)
    for k, (t, light) in enumerate(((0.15, True), (0.4, True), (0.62, False), (0.85, False))):
        px, base = x0 + t * (x1 - x0), top - 0.08 - 0.1 * (k % 2)
        colour = (0.95, 0.93, 0.88) if light else (0.12, 0.1, 0.1)
        canvas.polygon(
            [(px - 0.08, base), (px + 0.08, base), (px + 0.04, base - 0.22), (px - 0.04, base - 0.22)], colour
        )
        canvas.ellipse((px, base - 0.27), 0.07, 0.07, colour)


def _sandcastle(canvas, j: dict, floor: float) -> None:
    """A castle of sand before the kneeling child, as tall as their waist: a keep between two towers, battlements,
    a flag; a red pail beside it."""
    x = j["kn"][0] + 1.7
    shade = SAND * 0.78
    canvas.polygon([(x - 1.2, floor), (x + 1.2, floor), (x + 1.0, floor - 0.3), (x - 1.0, floor - 0.3)], shade)
    for dx, height, half in ((-0.75, 1.5, 0.3), (0.75, 1.5, 0.3), (0.0, 2.0, 0.42)):
        bottom, top = floor - 0.25, floor - 0.25 - height
        _rect(canvas, (x + dx - half, bottom), (x + dx + half, top), SAND)
        _rect(canvas, (x + dx, bottom), (x + dx + half, top), shade)
        for k in (-1, 1):
            cx = x + dx + k * half * 0.6
            _rect(canvas, (cx - 0.1, top), (cx + 0.1, top - 0.18), SAND)
    _rect(canvas, (x - 0.15, floor - 0.25), (x + 0.15, floor - 0.75), shade * 0.6)
    flag = floor - 2.25 - 0.18
    canvas.line([(x, flag), (x, flag - 0.55)], 0.04, INK)
    canvas.polygon([(x, flag - 0.55), (x + 0.4, flag - 0.45), (x, flag - 0.35)], (0.85, 0.15, 0.12))
    pail = (x + 1.65, floor)
    canvas.polygon(
        [
            (pail[0] - 0.28, pail[1]),
            (pail[0] + 0.28, pail[1]),
            (pail[0] + 0.36, pail[1] - 0.55),
            (pail[0] - 0.36, pail[1] - 0.55),
        ],
        (0.85, 0.2, 0.15),
    )


def _frame(canvas, j: dict, floor: float) -> None:
    """A wooden frame held up between the hands, filled with golden honeycomb, a few bees on it."""
    x0, x1 = j["hn"][0] - 0.1, j["hf"][0] + 0.1
    y0, y1 = 0.55, 1.75
    _rect(canvas, (x0, y0), (x1, y1), WOOD * 1.2)
    _rect(canvas, (x0 + 0.1, y0 + 0.12), (x1 - 0.1, y1 - 0.1), HONEY)
    for r in range(4):
        for c in range(5):
            cx = x0 + 0.22 + c * (x1 - x0 - 0.4) / 4 + (0.08 if r % 2 else 0)
            cy = y0 + 0.3 + r * (y1 - y0 - 0.5) / 3
            canvas.ellipse((cx, cy), 0.07, 0.06, HONEY * 0.72)
    for bx, by in ((x0 + 0.4, y0 + 0.5), (x1 - 0.3, y0 + 0.9), (x1 + 0.35, y0 - 0.15), (x0 + 0.2, y0 - 0.3)):
        canvas.ellipse((bx, by), 0.1, 0.07, INK)
        canvas.ellipse((bx + 0.02, by - 0.08), 0.07, 0.05, (0.92, 0.94, 0.98))


def _wheel(canvas, j: dict, floor: float) -> None:
    """A potter's wheel before the sitter: its head a disc on a column, a clay pot rising on it under the hands."""
    x = j["kn"][0] + 0.85
    disc = 3.2
    canvas.polygon(
        [(x - 0.9, floor), (x + 0.9, floor), (x + 0.7, disc + 0.5), (x - 0.7, disc + 0.5)], (0.55, 0.55, 0.55)
    )
    canvas.limb((x, disc + 0.5), (x, disc), 0.18, (0.35, 0.35, 0.35))
    canvas.ellipse((x, disc), 0.75, 0.12, (0.45, 0.45, 0.47))
    canvas.polygon(
        [
            (x - 0.3, disc - 0.05),
            (x + 0.3, disc - 0.05),
            (x + 0.38, disc - 0.45),
            (x + 0.2, disc - 0.8),
            (x + 0.25, disc - 1.0),
            (x - 0.25, disc - 1.0),
            (x - 0.2, disc - 0.8),
            (x - 0.38, disc - 0.45),
        ],
        CLAY,
    )
    canvas.ellipse((x, disc - 1.0), 0.25, 0.06, CLAY * 0.6)


def _loaves(canvas, j: dict, floor: float) -> None:
    """A baker's long wooden peel held out level, three golden loaves on its blade."""
    hand = j["hn"]
    end = hand[0] + 2.6
    canvas.line([(j["hf"][0] - 0.1, hand[1] + 0.02), (hand[0] + 1.0, hand[1])], 0.09, WOOD * 1.3)
    canvas.polygon(
        [
            (hand[0] + 0.9, hand[1] - 0.06),
            (end, hand[1] - 0.08),
            (end, hand[1] + 0.06),
            (hand[0] + 0.9, hand[1] + 0.06),
        ],
        WOOD * 1.4,
    )
    for k in range(3):
        x = hand[0] + 1.3 + 0.5 * k
        canvas.ellipse((x, hand[1] - 0.22), 0.27, 0.17, (0.72, 0.44, 0.16))
        canvas.line([(x - 0.1, hand[1] - 0.32), (x + 0.05, hand[1] - 0.2)], 0.03, (0.95, 0.8, 0.55))


def _pot(canvas, j: dict, floor: float) -> None:
    """A steaming pot on a stove before the cook, a ladle from the hand into it."""
    x0, x1, top = j["hn"][0] + 0.3, j["hn"][0] + 2.0, 3.55
    _rect(canvas, (x0, top), (x1, floor), (0.78, 0.78, 0.76))
    _rect(canvas, (x0, top), (x1, top + 0.12), (0.2, 0.2, 0.22))
    canvas.ellipse(((x0 + x1) / 2, top + 0.9), 0.35, 0.35, (0.2, 0.2, 0.22))  # the oven door's window
    mid = (x0 + x1) / 2
    canvas.polygon(
        [(mid - 0.55, top), (mid + 0.55, top), (mid + 0.5, top - 0.75), (mid - 0.5, top - 0.75)], (0.6, 0.62, 0.66)
    )
    canvas.ellipse((mid, top - 0.75), 0.5, 0.1, (0.35, 0.37, 0.4))
    for k in (-1, 0, 1):
        canvas.line([(mid + 0.2 * k, top - 0.9), (mid + 0.2 * k + 0.1, top - 1.5)], 0.08, (0.92, 0.92, 0.92))
    canvas.line([j["hn"], (mid - 0.1, top - 0.7)], 0.06, (0.7, 0.7, 0.72))


def _piano(canvas, j: dict, floor: float) -> None:
    """A grand piano seen from its side before the seated player: the black case on its legs, the keys under the
    hands, a music stand with its sheet, and the long lid raised on its prop, the piano's own outline."""
    x0 = j["hn"][0] - 0.1  # the keys' front edge
    case, top, bottom, tail = x0 + 0.25, 2.95, 4.15, x0 + 5.8
    black, rim = (0.07, 0.065, 0.07), (0.2, 0.18, 0.2)
    for x in (case + 0.35, tail - 0.45):  # the legs, tapered, on brass casters
        foot = floor - 0.1
        canvas.polygon([(x - 0.13, bottom), (x + 0.13, bottom), (x + 0.08, foot), (x - 0.08, foot)], black)
        canvas.ellipse((x, floor - 0.06), 0.1, 0.06, (0.62, 0.5, 0.22))
    _rect(canvas, (case, top), (tail, bottom), black)
    canvas.line([(case, top + 0.04), (tail, top + 0.04)], 0.05, rim)  # the case's lit rim
    _rect(canvas, (x0 - 0.15, 3.05), (case + 0.05, 3.3), black)  # the key bed: white keys, then the key slip
    canvas.line([(x0 - 0.15, 3.08), (case + 0.05, 3.08)], 0.06, IVORY)
    canvas.polygon([(x0 + 0.55, top), (x0 + 0.85, top), (x0 + 1.05, 2.25), (x0 + 0.75, 2.25)], black)  # the stand
    canvas.polygon([(x0 + 0.6, 2.9), (x0 + 0.78, 2.9), (x0 + 0.95, 2.35), (x0 + 0.8, 2.35)], IVORY)  # its sheet
    hinge, lift = x0 + 1.4, 2.1  # the lid raised from the stand up to the tail: its underside, then its edge
    canvas.polygon([(hinge, top), (tail, top - lift), (tail, top)], (0.17, 0.15, 0.16))
    canvas.line([(tail - 1.5, top), (tail - 1.5, top - lift * 0.74)], 0.06, rim)  # the lid's prop
    canvas.line([(hinge, top), (tail + 0.05, top - lift)], 0.1, black)


DRAWERS = {
    "accordion": _accordion,
    "cello": _cello,
    "drums": _drums,
    "chess": _chess,
    "sandcastle": _sandcastle,
    "frame": _frame,
    "wheel": _wheel,
    "loaves": _loaves,
    "pot": _pot,
    "piano": _piano,
}
