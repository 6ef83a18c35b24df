"""'a' or 'an' as the next word sounds: "an old dog", "a university", "an hour" (the CMU dictionary of
`pronouncing`; a word it lacks by its first letter). A model wrote "A old dog sleeps by the fire"."""

from __future__ import annotations

import functools
import re

import pronouncing

ARTICLE = re.compile(r"\b(a|an|A|An|AN)\b(?= ([A-Za-z]+))")


@functools.lru_cache(maxsize=4096)
def opens_on_a_vowel(word: str) -> bool:
    """True when the word's first sound is a vowel."""
    phones = pronouncing.phones_for_word(word.lower())
    return phones[0][0] in "AEIOU" if phones else word[0].lower() in "aeiou"


def _agreeing(match: re.Match) -> str:
    said, vowel = match.group(1), opens_on_a_vowel(match.group(2))
    before = match.string[: match.start()].rstrip(" ")
    letter = said == "A" and before and before[-1] not in ".!?:;\n\"'"  # "vitamin A is", "plan A": a letter
    if letter or said.lower() == ("an" if vowel else "a"):
        return said
    agreeing = "an" if vowel else "a"
    return agreeing.capitalize() if said[0].isupper() else agreeing


def agreed(text: str) -> str:
    """The text with each 'a' or 'an' as the word after it sounds."""
    return ARTICLE.sub(_agreeing, text)
