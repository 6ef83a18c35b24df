"""Whether a subject's head noun is a person, by WordNet: "a ballerina", "a violinist", "a beekeeper".

The sentence embedder hears the thing a person works with ("a violinist" is 0.87 near the violin drawing, "a
beekeeper" near the bee), so such a subject was drawn as that thing. WordNet (`tools/word_net`) files each noun's
senses by kind, the most usual first; a head noun whose usual sense is a person is painted as a person (not "a
grumpy old dog", though a dog is also a frump).
"""

from __future__ import annotations

from tools import word_net
from tools.object_matching import head_words, singular

USUAL_SENSES = 3  # only these are weighed: a man is a chess piece in his ninth sense, a chameleon a lizard in its 2nd


def names_person(phrase: str) -> bool:
    """True when the phrase's head noun, in its most usual sense, is a person and it names no animal, plant, food or
    made thing in another usual sense (WordNet's first chameleon is an inconstant person, but it is a lizard too)."""
    words = head_words(phrase)
    return bool(words) and _a_person(word_net.senses(singular(words[-1])))


def compound_person(phrase: str) -> bool:
    """True when the phrase's last two words are one WordNet noun for a person and the last alone is first a person
    too: "a mail carrier" (a carrier is also an aircraft carrier), but "a lone wolf" is a wolf."""
    words = head_words(phrase)
    alone = word_net.senses(singular(words[-1]))[:1] if words else ()
    return bool(alone) and alone[0].lexicon == "person" and _a_person(_compound_senses(words))


def _compound_senses(words: list[str]) -> tuple:
    return word_net.senses(f"{words[-2]} {singular(words[-1])}") if len(words) > 1 else ()


def _a_person(found: tuple) -> bool:
    things = [s.lexicon for s in found[:USUAL_SENSES] if s.lexicon in word_net.THINGS]
    return bool(found) and found[0].lexicon == "person" and set(things) == {"person"}
