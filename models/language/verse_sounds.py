"""How English words sound, from the CMU Pronouncing Dictionary (`pronouncing`): syllables and rhymes.

A word the dictionary lacks gets its syllables from its vowel groups and no rhyme (it cannot be checked).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pronouncing

WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def words_of(line: str) -> list[str]:
    return WORD.findall(line.lower().replace("\u2019", "'"))


@lru_cache(maxsize=65536)
def phones(word: str) -> str | None:
    """The word's first CMU pronunciation ('K AE1 T'), or None."""
    found = pronouncing.phones_for_word(word.lower())
    return found[0] if found else None


def guessed_syllables(word: str) -> int:
    """Vowel groups, less a silent final e: for words the dictionary lacks."""
    groups = re.findall(r"[aeiouy]+", word.lower())
    n = len(groups) - (word.lower().endswith("e") and not word.lower().endswith(("le", "ee")) and len(groups) > 1)
    return max(1, n)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    p = phones(word)
    return pronouncing.syllable_count(p) if p else guessed_syllables(word)


def line_syllables(line: str) -> int:
    return sum(syllables(w) for w in words_of(line))


@lru_cache(maxsize=65536)
def rhyming_part(word: str) -> str | None:
    """The sounds from the word's last stressed vowel on ('AY1 T' for 'night'), or None when unknown."""
    p = phones(word)
    return pronouncing.rhyming_part(p) if p else None


def rhyme(a: str, b: str) -> bool:
    """Two different words whose sounds agree from the last stressed vowel on (night / light; not night / night)."""
    a, b = a.lower(), b.lower()
    if a == b or a.endswith(b) or b.endswith(a):
        return False
    ra, rb = rhyming_part(a), rhyming_part(b)
    return ra is not None and ra == rb


def last_word(line: str) -> str:
    found = words_of(line)
    return found[-1] if found else ""


@lru_cache(maxsize=4096)
def rhymes_of(word: str) -> frozenset[str]:
    """The dictionary's words that rhyme with `word` (empty when it is unknown)."""
    return frozenset(w for w in pronouncing.rhymes(word.lower()) if rhyme(word, w))
