"""What a portrait's sitter wears on the head or holds, when the words give it: glasses, a hat, a pipe, a cup.

Each is painted on the sitter's drawing (`sitter.painted_sitter`) in the head's own measures (its height h, the
face's half width rx, its middle cx), lit from the same side as the face: glasses as thin dark rims round the
eyes with a glint on the lit lens, a hat's brim and crown over the hair, a pipe's stem from the mouth's corner to
a bowl below the jaw with a breath of smoke, a cup held in front of the chest in a hand, steam rising from it.
"""

from __future__ import annotations

import numpy as np

from models.painter.masks import ellipse, lay, soft

THINGS = ("glasses", "pipe", "cup")  # besides a hat, which `figure.Person` gives its colour
RIM = np.array([0.12, 0.1, 0.09], np.float32)
BRIAR = np.array([0.3, 0.17, 0.09], np.float32)
SMOKE = np.array([0.85, 0.85, 0.83], np.float32)
CUP = np.array([0.9, 0.88, 0.83], np.float32)


def paint_things(out: np.ndarray, yy, xx, cx: float, h: int, rx: float, skin, person, side: int) -> None:
    """In place: the person's glasses, pipe, cup and hat on the sitter (`side` 1: the light from the left)."""
    things = person.things
    if "glasses" in things:
        _glasses(out, yy, xx, cx, h, rx, side)
    if "pipe" in things:
        _pipe(out, yy, xx, cx, h, rx, side)
    if "cup" in things:
        _cup(out, yy, xx, cx, h, skin, side)
    if person.hat is not None:
        colour = np.array(person.hat, np.float32)
        kind = person.headwear
        if kind == "toque":
            _toque(out, yy, xx, cx, h, rx, colour, side)
        elif kind in ("helmet", "cap"):
            _dome(out, yy, xx, cx, h, rx, colour, side, visor=kind == "cap")
        else:
            _hat(out, yy, xx, cx, h, rx, colour, side)
        if kind == "veil":
            _veil(out, yy, xx, cx, h, rx)


def _glasses(out, yy, xx, cx, h, rx, side) -> None:
    eye_y, eye_dx = 0.48 * h, 0.38 * rx
    for dx in (-eye_dx, eye_dx):
        outer = ellipse(yy, xx, eye_y, cx + dx, 0.055 * h, 0.27 * rx)
        inner = ellipse(yy, xx, eye_y, cx + dx, 0.045 * h, 0.23 * rx)
        lay(out, 0.9 * soft(outer & ~inner, 0.003 * h), RIM)
        glint = ellipse(yy, xx, eye_y - 0.02 * h, cx + dx - side * 0.1 * rx, 0.01 * h, 0.05 * rx)
        lay(out, 0.5 * soft(glint, 0.004 * h), np.array([0.95, 0.95, 0.95], np.float32))
    bridge = (np.abs(xx - cx) < eye_dx - 0.25 * rx) & (np.abs(yy - (eye_y - 0.01 * h)) < 0.005 * h)
    lay(out, 0.9 * soft(bridge, 0.003 * h), RIM)


def _pipe(out, yy, xx, cx, h, rx, side) -> None:
    """A pipe held in the mouth's corner on the lit side, the stem down and out to the bowl, smoke rising."""
    start = np.array([cx - side * 0.2 * rx, 0.75 * h])
    bowl = np.array([cx - side * 0.75 * rx, 0.9 * h])
    t = np.clip(
        ((xx - start[0]) * (bowl[0] - start[0]) + (yy - start[1]) * (bowl[1] - start[1])) / np.sum((bowl - start) ** 2),
        0,
        1,
    )
    px, py = start[0] + t * (bowl[0] - start[0]), start[1] + t * (bowl[1] - start[1])
    stem = (xx - px) ** 2 + (yy - py) ** 2 < (0.012 * h) ** 2
    lay(out, soft(stem, 0.003 * h), BRIAR * 0.7)
    cup = (np.abs(xx - bowl[0]) < 0.09 * rx) & (yy > bowl[1] - 0.09 * h) & (yy < bowl[1] + 0.02 * h)
    lay(out, soft(cup, 0.003 * h), BRIAR)
    lit = cup & ((xx - bowl[0]) * side < -0.02 * rx)
    lay(out, 0.5 * soft(lit, 0.004 * h), np.clip(BRIAR * 1.8, 0, 1))
    smoke = np.abs(xx - bowl[0] - 0.04 * h * np.sin((yy - bowl[1]) / h * 18)) < 0.02 * h
    smoke &= (yy < bowl[1] - 0.09 * h) & (yy > bowl[1] - 0.4 * h)
    lay(out, 0.3 * soft(smoke, 0.012 * h) * np.clip((yy - (bowl[1] - 0.4 * h)) / (0.3 * h), 0, 1), SMOKE)


def _cup(out, yy, xx, cx, h, skin, side) -> None:
    """A cup held before the chest in the near hand, its rim an ellipse, steam rising from it."""
    mx, top = cx - side * 0.4 * h, 1.22 * h
    body = (np.abs(xx - mx) < 0.13 * h) & (yy > top) & (yy < top + 0.28 * h)
    body |= ellipse(yy, xx, top + 0.28 * h, mx, 0.035 * h, 0.13 * h)
    lay(out, soft(body, 0.004 * h), CUP)
    shade = body & ((xx - mx) * side > 0.03 * h)
    lay(out, 0.5 * soft(shade, 0.02 * h), CUP * 0.6)
    lay(out, soft(ellipse(yy, xx, top, mx, 0.035 * h, 0.13 * h), 0.003 * h), CUP * 0.8)
    lay(out, soft(ellipse(yy, xx, top + 0.005 * h, mx, 0.022 * h, 0.11 * h), 0.003 * h), np.array([0.3, 0.18, 0.1]))
    hand = ellipse(yy, xx, top + 0.17 * h, mx + side * 0.1 * h, 0.1 * h, 0.08 * h)
    lay(out, soft(hand, 0.004 * h), skin * 0.9)
    for k in (-1, 1):  # the fingers' creases
        crease = (np.abs(yy - (top + 0.17 * h + k * 0.035 * h)) < 0.004 * h) & (
            np.abs(xx - mx - side * 0.1 * h) < 0.07 * h
        )
        lay(out, 0.5 * soft(crease, 0.003 * h), skin * 0.55)
    steam = (
        (np.abs(xx - mx - 0.03 * h * np.sin(yy / h * 20)) < 0.025 * h) & (yy < top - 0.02 * h) & (yy > top - 0.3 * h)
    )
    lay(out, 0.25 * soft(steam, 0.015 * h), SMOKE)


def _hat(out, yy, xx, cx, h, rx, colour, side) -> None:
    """A brim wider than the head over the brow, a crown above it, the lit side lighter."""
    brim = ellipse(yy, xx, 0.2 * h, cx, 0.045 * h, 1.55 * rx)
    crown = (np.abs(xx - cx) < 0.95 * rx) & (yy < 0.2 * h)
    crown &= ellipse(yy, xx, 0.2 * h, cx, 0.32 * h, 1.0 * rx)
    lay(out, soft(brim | crown, 0.004 * h), colour)
    lit = (brim | crown) & ((xx - cx) * side < -0.3 * rx)
    lay(out, 0.4 * soft(lit, 0.03 * h), np.clip(colour * 1.4 + 0.05, 0, 1))
    band = crown & (yy > 0.13 * h) & (yy < 0.17 * h)
    lay(out, 0.7 * soft(band, 0.003 * h), colour * 0.5)


def _toque(out, yy, xx, cx, h, rx, colour, side) -> None:
    """A chef's toque: a tall pleated white column over the brow, puffed at its top."""
    column = (np.abs(xx - cx) < 0.9 * rx) & (yy < 0.2 * h) & (yy > -0.42 * h)
    puff = ellipse(yy, xx, -0.42 * h, cx, 0.14 * h, 1.15 * rx)
    lay(out, soft(column | puff, 0.004 * h), colour)
    pleats = column & (np.abs(((xx - cx) / (0.3 * rx)) % 1 - 0.5) < 0.08)
    lay(out, 0.4 * soft(pleats, 0.004 * h), colour * 0.78)
    shade = (column | puff) & ((xx - cx) * side > 0.3 * rx)
    lay(out, 0.35 * soft(shade, 0.03 * h), colour * 0.75)


def _dome(out, yy, xx, cx, h, rx, colour, side, visor: bool) -> None:
    """A helmet's dome over the crown (a brim all round), or a cap with its visor over the brow."""
    dome = ellipse(yy, xx, 0.16 * h, cx, 0.26 * h, 1.12 * rx) & (yy < 0.18 * h)
    rim = ellipse(yy, xx, 0.19 * h, cx, 0.035 * h, (1.05 if visor else 1.4) * rx)
    if visor:
        rim = rim | (ellipse(yy, xx, 0.2 * h, cx, 0.05 * h, 0.9 * rx) & (yy > 0.18 * h))
    lay(out, soft(dome | rim, 0.004 * h), colour)
    lit = dome & ((xx - cx) * side < -0.2 * rx) & (yy < 0.05 * h)
    lay(out, 0.5 * soft(lit, 0.04 * h), np.clip(colour * 1.5 + 0.08, 0, 1))


def _veil(out, yy, xx, cx, h, rx) -> None:
    """A beekeeper's veil: a dark net hanging from the brim to the shoulders, the face dim behind it."""
    net = (np.abs(xx - cx) < 1.45 * rx) & (yy > 0.2 * h) & (yy < 1.1 * h)
    lay(out, 0.55 * soft(net, 0.01 * h), np.array([0.16, 0.16, 0.17], np.float32))
    mesh = net & ((((xx - cx) / (0.06 * h)) % 1 < 0.18) | ((yy / (0.06 * h)) % 1 < 0.18))
    lay(out, 0.25 * soft(mesh, 0.002 * h), np.array([0.05, 0.05, 0.05], np.float32))
