"""Mood words -> (valence, arousal) from our table, with a VADER fallback for valence."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

from tools.translations import english

LEXICON_PATH = os.path.join(os.path.dirname(__file__), "data", "mood_lexicon.tsv")
SUFFIXES = ("ness", "ally", "ly", "ful", "ing", "ed", "y", "s")
NEAR_MOOD = 0.65  # an unknown word this near a table word by meaning reads as it ("energy": energetic)


@dataclass(frozen=True)
class MoodReading:
    """Where a mood phrase sits on the circumplex and which words were understood."""

    valence: float
    arousal: float
    known: tuple[str, ...]
    unknown: tuple[str, ...]


@functools.cache
def load_lexicon(path: str = LEXICON_PATH) -> dict[str, tuple[float, float]]:
    table: dict[str, tuple[float, float]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word, valence, arousal = line.rstrip("\n").split("\t")
            table[word.lower()] = (float(valence), float(arousal))
    return table


def _stem_lookup(word: str, table: dict) -> tuple[float, float] | None:
    if word in table:
        return table[word]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            for candidate in (stem, stem + "e", stem + "y", stem + "ic"):
                if candidate in table:
                    return table[candidate]
    return None


@functools.cache
def vader_analyzer():
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    return SentimentIntensityAnalyzer()


def vader_valence(word: str) -> float | None:
    """VADER's lexicon valence scaled to [-1, 1], or None when VADER lacks the word."""
    analyzer = vader_analyzer()
    if analyzer is None or word not in analyzer.lexicon:
        return None
    return max(-1.0, min(1.0, analyzer.lexicon[word] / 3.0))


NEGATIONS = {"not", "no", "never", "less", "without"}
INTENSIFIERS = {
    "very": 1.25,
    "really": 1.2,
    "extremely": 1.4,
    "deeply": 1.3,
    "slightly": 0.6,
    "somewhat": 0.7,
    "a": 1.0,
    "pure": 1.2,  # "pure chaos", "pure joy": more of it, not a mood of its own
    "sheer": 1.2,
    "utter": 1.2,
    "total": 1.2,
}


def _as_english(word: str, table: dict) -> str:
    """The word itself when our lexicon knows it, else its English translation when it has one."""
    if _stem_lookup(word, table) is not None:
        return word
    return english(word, "mood") or word


def _nearest_by_meaning(word: str, table: dict) -> tuple[float, float] | None:
    """(valence, arousal) of the table word nearest this one by meaning, when it is NEAR_MOOD near: "chaos" was
    read by VADER alone as (-0.9, 0), a calm despair, and painted a church in the rain; it is chaotic (-0.4, 0.9)."""
    from tools.embedding_search import similarities

    words = list(table)
    near = similarities(word, words)
    best = int(near.argmax())
    return table[words[best]] if float(near[best]) >= NEAR_MOOD else None


def read_mood(phrase: str, by_meaning: bool = False) -> MoodReading:
    """Average the known words of a phrase ("dark but hopeful", "very sad").

    A negation before a word flips its valence; intensifiers scale the next word.
    Words outside the table take, `by_meaning` (a mood to paint and play), the nearest table word's place
    ("chaos": chaotic), else fall back to VADER valence with neutral arousal. (Without it, only the table's words
    and their stems count: what the assistant asks when it decides whether a word is a mood at all.)
    """
    table = load_lexicon()
    words = [_as_english(w, table) for w in re.findall(r"[^\W\d_][\w\-']*", phrase.lower())]
    points, known, unknown = [], [], []
    negate, scale = False, 1.0
    for word in words:
        if word in NEGATIONS:
            negate = True
            continue
        if word in INTENSIFIERS:
            scale = INTENSIFIERS[word]
            continue
        hit = _stem_lookup(word, table) or (_nearest_by_meaning(word, table) if by_meaning else None)
        if hit is None and (v := vader_valence(word)) is not None:
            hit = (v, 0.0)
        if hit is None:
            if word not in {"and", "but", "with", "yet", "mood", "feeling", "feel", "kind", "of", "the", "bit"}:
                unknown.append(word)
            continue
        valence, arousal = hit
        points.append(((-valence if negate else valence) * scale, arousal * scale))
        known.append(word)
        negate, scale = False, 1.0
    if not points:
        return MoodReading(0.0, 0.0, (), tuple(unknown))
    clamp = lambda x: max(-1.0, min(1.0, x))  # noqa: E731
    valence = clamp(sum(p[0] for p in points) / len(points))
    arousal = clamp(sum(p[1] for p in points) / len(points))
    return MoodReading(round(valence, 3), round(arousal, 3), tuple(known), tuple(unknown))
