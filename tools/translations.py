"""German, French and Spanish words for moods, colours and instruments (instruments in Italian and Portuguese too),
read as the English word our tables know.

The table is data (`tools/data/translations.yaml`); an English word always wins, so a word both languages
share ("orange", "piano") keeps its English meaning.
"""

from __future__ import annotations

import functools
import os

import yaml

TRANSLATIONS_PATH = os.path.join(os.path.dirname(__file__), "data", "translations.yaml")


@functools.cache
def translations() -> dict[str, dict[str, dict[str, str]]]:
    """kind (mood, colour, instrument) -> language (de, fr, es; it, pt) -> word -> English word."""
    with open(TRANSLATIONS_PATH, encoding="utf-8") as f:
        return yaml.safe_load(f)


def english(word: str, kind: str) -> str | None:
    """The English mood, colour or instrument word for a German, French or Spanish one, else None."""
    return _flat(kind).get(word.strip().lower())


@functools.cache
def _flat(kind: str) -> dict[str, str]:
    return {w: e for table in translations()[kind].values() for w, e in table.items()}
