"""Colours as people write them -> hue, saturation and value, for palettes in the brief.

Reads plurals ("purples and greys"), modifiers ("soft greens", "deep crimson", "muted browns"),
'-ish' forms ("bluish grey"), compounds ("sea green", "blue-green") and #RRGGBB. The table and the
modifiers are data (`data/colours.yaml`). An unknown colour gets the nearest names we know.
"""

from __future__ import annotations

import colorsys
import difflib
import functools
import math
import os
import re
from dataclasses import dataclass

import yaml

from tools.translations import english
from tools.typos import typo_of

COLOURS_PATH = os.path.join(os.path.dirname(__file__), "data", "colours.yaml")
HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")
LIST_SEPARATORS = re.compile(r"\s*(?:,|&|\+|/|;|\band\b|\bwith\b|\bplus\b)\s*")


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    with open(COLOURS_PATH) as f:
        return yaml.safe_load(f)


COLOURS: dict[str, tuple[float, float, float]] = {k: tuple(v) for k, v in _table()["colours"].items()}
MODIFIERS: dict[str, dict] = _table()["modifiers"]
FILLERS = set(_table()["fillers"])


@dataclass(frozen=True)
class Colour:
    name: str  # canonical: modifiers then colour words, singular ("soft green")
    hue: float
    saturation: float
    value: float


def colour_word(token: str) -> str | None:
    """The table's name for a word: itself, its singular, its '-ish' root ("greys" -> grey, "bluish" -> blue), its
    English, or the colour it is a typo of."""
    candidates = [token]
    if token.endswith("es"):
        candidates.append(token[:-2])
    if token.endswith("s"):
        candidates.append(token[:-1])
    for suffix in ("ish", "y"):
        if token.endswith(suffix) and len(token) > len(suffix) + 2:
            root = token[: -len(suffix)]
            candidates += [root, root + "e", root[:-1]]  # bluish -> blu(e), reddish -> red
    if (word := english(token, "colour")) is not None:
        candidates.append(word)
    known = next((c for c in candidates if c in COLOURS), None)
    if known is not None or len(token) < 5:
        return known
    typo = typo_of(token, COLOURS.keys())  # "yelow", "purpel": one edit from a colour, no English word (German
    return typo if typo in COLOURS else None  # "eine" is no "pine"); only when no spelling above is a colour


def _modifier_word(token: str) -> str | None:
    return token if token in MODIFIERS else None


def _mean_hue(hues: list[float], weights: list[float]) -> float:
    x = sum(w * math.cos(math.radians(h)) for h, w in zip(hues, weights))
    y = sum(w * math.sin(math.radians(h)) for h, w in zip(hues, weights))
    return math.degrees(math.atan2(y, x)) % 360


def _apply_modifier(hue: float, sat: float, val: float, modifier: dict) -> tuple[float, float, float]:
    if "hue_towards" in modifier:
        delta = (modifier["hue_towards"] - hue + 180) % 360 - 180
        hue = (hue + modifier["amount"] * delta) % 360
    sat = min(1.0, sat * modifier.get("saturation", 1.0))
    val = min(1.0, val * modifier.get("value", 1.0))
    return hue, sat, val


def is_colour_word(word: str | None) -> bool:
    """True when the word as written is a colour's name ("green", "gold"; not "sunflowers", a plural thing)."""
    return bool(word) and colour_word(word) == word


def colours_joined(words: list[str | None], i: int) -> bool:
    """True when words[i] is an "and" between two colour words ("green and red parrots"): one thing's colours."""
    inside = 0 < i < len(words) - 1 and words[i] == "and"
    return inside and is_colour_word(words[i - 1]) and is_colour_word(words[i + 1])


def read_colour(text: str) -> Colour | None:
    """One colour phrase -> Colour, or None when it names no colour we know."""
    text = text.strip().lower()
    if match := HEX.match(text):
        r, g, b = (int(match.group(1)[i : i + 2], 16) / 255 for i in (0, 2, 4))
        h, s, v = colorsys.rgb_to_hsv(r, g, b)
        return Colour(f"#{match.group(1).lower()}", h * 360, s, v)
    tokens = [t for t in re.split(r"[\s\-]+", re.sub(r"[^\w\s\-]|[\d_]", " ", text)) if t]
    if "washed" in tokens and "out" in tokens:
        tokens = [t for t in tokens if t not in ("washed", "out")] + ["washed-out"]
    names = [n for n in map(colour_word, tokens) if n]
    if not names:
        return None
    modifiers = [m for m in map(_modifier_word, tokens) if m]
    head = COLOURS[names[-1]]  # the last colour word is the head: "sky blue" is a blue
    weights = [0.5] * (len(names) - 1) + [1.0]
    hue = _mean_hue([COLOURS[n][0] for n in names], weights) if len(names) > 1 else head[0]
    sat, val = head[1], head[2]
    if head[1] < 0.12:  # a grey or white head keeps its own greyness: "bluish grey" is a tinted grey
        sat = min(0.25, sum(COLOURS[n][1] for n in names[:-1]) * 0.3 + head[1])
    for m in modifiers:
        hue, sat, val = _apply_modifier(hue, sat, val, MODIFIERS[m])
    name = " ".join([*dict.fromkeys(modifiers), *dict.fromkeys(names)])
    return Colour(name, hue, sat, val)


def colour_phrases(entries: list[str] | str) -> list[str]:
    """Split palette entries into single colour phrases: ["purples and greys"] -> ["purples", "greys"]."""
    entries = [entries] if isinstance(entries, str) else entries
    phrases = [p for e in entries for p in LIST_SEPARATORS.split(e.strip()) if p and p.strip()]
    return [" ".join(w for w in p.split() if w.lower() not in FILLERS) or p for p in phrases]


def read_palette(entries: list[str] | str) -> tuple[list[Colour], list[str]]:
    """(colours we know, in order and without repeats; phrases we don't)."""
    known, unknown = {}, []
    for phrase in colour_phrases(entries):
        colour = read_colour(phrase)
        if colour is None:
            unknown.append(phrase)
        else:
            known.setdefault(colour.name, colour)
    return list(known.values()), unknown


def nearest_colour_names(word: str, n: int = 3) -> list[str]:
    """The colour names nearest to an unknown word: by spelling first, else by meaning (sentence embeddings)."""
    word = word.strip().lower()
    close = difflib.get_close_matches(word, list(COLOURS), n=n, cutoff=0.75)
    if close:
        return close
    from tools.embedding_search import nearest

    return [name for name, _ in nearest(word, list(COLOURS), n)]


def unknown_colour_message(phrases: list[str]) -> str:
    parts = [f"{p!r} (nearest I know: {', '.join(nearest_colour_names(p))})" for p in phrases]
    return "I don't know the colour " + "; ".join(parts)


def hue_distance(a: float, b: float) -> float:
    """Shortest angle between two hues, in degrees (0..180)."""
    d = abs(a - b) % 360
    return min(d, 360 - d)
