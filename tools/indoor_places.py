"""Whether a subject names a place people are inside: a shop, a restaurant, a laboratory, a room.

"A cramped launderette", "a school chemistry lab" and "a busy diner counter" are rooms to paint, not things in a
meadow, though no room's words say so. WordNet (`tools/word_net`) says what each is a kind of: a launderette is a
laundry, a workplace; a diner a restaurant; a chemistry lab a laboratory. The request picks the sense ("a diner"
is also a person eating).
"""

from __future__ import annotations

import re

import numpy as np

from tools import word_net
from tools.embedding_search import embed
from tools.object_matching import head_words, singular

INDOORS = {"room", "shop", "store", "restaurant", "eating house", "laboratory", "lab", "studio", "salon", "bar"}
INDOORS |= {"laundry"}  # a launderette is a laundry, a workplace (as a farm is)
STEPS_UP = 4  # a chemistry lab is a laboratory at one step, a bakery a shop at one
SENSES = 3
WORDS_BACK = 2  # the head, and the word or two before it ("a diner counter": the diner)


def _definition(sense: word_net.Sense) -> str:
    return re.sub(r'"[^"]*"', "", sense.gloss).strip(" ;")


def _is_indoors(sense: word_net.Sense) -> bool:
    if sense.lexicon != "artifact":
        return False
    return bool(INDOORS & set(sense.words)) or any(INDOORS & set(k.words) for _, k in word_net.kinds(sense, STEPS_UP))


def _meant(noun: str, context: str) -> word_net.Sense | None:
    """The noun's usual sense the request means: its words and gloss nearest the request."""
    found = word_net.senses(noun)[:SENSES]
    if len(found) < 2:
        return found[0] if found else None
    vectors = embed([context] + [f"{', '.join(s.words)}: {_definition(s)}" for s in found])
    return found[int(np.argmax(vectors[1:] @ vectors[0]))]


def indoor_place(phrase: str, context: str) -> bool:
    """True when the phrase's head (or a compound ending in it), or a word before it ("a diner counter", "a
    kitchen table"), is in the sense the request means a kind of shop, restaurant, laboratory, studio or room."""
    words = head_words(phrase)
    if not words:
        return False
    words = words[:-1] + [singular(words[-1])]
    heads = [" ".join(words[-size:]) for size in (3, 2, 1) if len(words) >= size]
    head = next((s for s in (_meant(n, context) for n in heads) if s is not None), None)
    before = [s for s in (_meant(n, context) for n in words[-1 - WORDS_BACK : -1]) if s is not None]
    return any(_is_indoors(s) for s in ([head] if head else []) + before)
