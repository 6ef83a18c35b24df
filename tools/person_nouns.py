"""Whether a subject's head noun is a person, by WordNet: "a ballerina", "a violinist", "a beekeeper".

The sentence embedder hears the thing a person works with ("a violinist" is 0.87 near the violin drawing, "a
beekeeper" near the bee), so such a subject was drawn as that thing. WordNet (`tools/word_net`) files each noun's
senses by kind; a head noun whose sense the request means is a person is painted as a person.
"""

from __future__ import annotations

from tools import word_net
from tools.object_matching import head_words, singular

SENSES = 2


def names_person(phrase: str, context: str) -> bool:
    """True when the phrase's head noun, in the sense the request means, is a person."""
    words = head_words(phrase)
    if not words:
        return False
    sense = word_net.meant_sense(singular(words[-1]), context, SENSES)
    return sense is not None and sense.lexicon == "person"
