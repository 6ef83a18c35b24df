"""A thing said in the plainer words a drawing is named by, when no drawing knows the words said.

"A grumpy old bulldog" is drawn as a dog and "two little kids" as two children: when no drawing's name or keyword
holds the phrase's head noun, WordNet (`tools/word_net`) gives the other words of its usual sense (a kid is a
child, a skillet a frying pan) and then what it is a kind of, nearest first (a bulldog is a working dog, a dog).
The first of these that is a drawing's whole name takes the head's place. Only things are said plainer (animals,
made things, food, people, plants): land, water, places and buildings are read by their own words.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from tools import word_net
from tools.embedding_search import embed
from tools.object_matching import IRREGULAR, drawing_named, head_words, known_word, singular

THINGS = ("animal", "artifact", "food", "person", "plant")
STEPS_UP = 2  # a bulldog is a dog two steps up; further up, kinds are too wide ("a kitten" is no brute)
SENSES = 2  # the usual senses only: a kid is a child before it is a young goat
STEP_COST = 0.03  # a nearer kind is the likelier picture of the thing: a dog before a domestic animal
NEAR_ENOUGH = 0.45  # a gloss word must mean this much the same as the noun ("a bulldog" is not "strong")
BUILT = {"structure", "construction", "building", "edifice", "workplace", "establishment", "room", "way"}
PLURALS = {one: many for many, one in IRREGULAR.items()}


def _built(sense: word_net.Sense) -> bool:
    """True for a building, a room, a shop or a road (read as places, not drawn as a thing)."""
    return any(BUILT & set(kind.words) for _, kind in word_net.kinds(sense, 8))


def _definition(sense: word_net.Sense) -> str:
    """The gloss without its quoted examples."""
    return re.sub(r'"[^"]*"', "", sense.gloss).strip(" ;")


def _thing_sense(noun: str, context: str) -> word_net.Sense | None:
    """Of the noun's usual senses while they are things (a marsh is land, so never the painter Marsh), the one
    the request means: its words and gloss nearest the request ("a gondola on a canal" is a boat)."""
    found = []
    for sense in word_net.senses(noun)[:SENSES]:
        if sense.lexicon not in THINGS or _built(sense):
            break
        found.append(sense)
    if len(found) < 2:
        return found[0] if found else None
    vectors = embed([context] + [f"{', '.join(s.words)}: {_definition(s)}" for s in found])
    return found[int(np.argmax(vectors[1:] @ vectors[0]))]


def _candidates(noun: str, context: str) -> list[tuple[int, bool, str]]:
    """(steps up, from the gloss, words) that name a drawing: the sense's other words, what it is a kind of, and
    the drawings its gloss names ("a kitten: young domestic cat")."""
    sense = _thing_sense(noun, context)
    if sense is None:
        return []
    found = [(0, False, w) for w in sense.words]
    found += [(step, False, w) for step, kind in word_net.kinds(sense, STEPS_UP) for w in kind.words]
    found += [(1, True, singular(w)) for w in re.findall(r"[a-z]+", _definition(sense).lower())]
    said = set(noun.split())
    return [c for c in dict.fromkeys(found) if not said & set(c[2].split()) and drawing_named(c[2])]


@functools.lru_cache(maxsize=1024)
def plainer(noun: str, context: str) -> str | None:
    """The plainest words for the noun that name a drawing ("bulldog" -> "dog", "kitten" -> "cat"), or None.
    What WordNet says it is comes first, nearest first; a word of its gloss must also mean nearly the same."""
    found = _candidates(noun, context)
    if not found:
        return None
    vectors = embed([noun] + [w for _, _, w in found])
    near = vectors[1:] @ vectors[0]
    score = [
        n - STEP_COST * step if not glossed or n >= NEAR_ENOUGH else -np.inf
        for (step, glossed, _), n in zip(found, near)
    ]
    best = int(np.argmax(score))
    return found[best][2] if np.isfinite(score[best]) else None


def _plural(words: str) -> str:
    last = words.split()[-1]
    many = PLURALS.get(last) or (last if last.endswith("s") else last + "s")
    return " ".join(words.split()[:-1] + [many])


def plain_phrase(phrase: str, context: str) -> str:
    """The phrase with its head noun (or a compound ending in it) said plainer, when no drawing knows it; the
    request (context) picks the noun's sense."""
    words = head_words(phrase)
    if not words or known_word(singular(words[-1])):
        return phrase
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        said = words[-size:-1] + [singular(words[-1])]
        found = plainer(" ".join(said), context)
        if found:
            plural = singular(words[-1]) != words[-1]
            said_text = r"\b" + r"\s+".join(map(re.escape, words[-size:])) + r"\b"
            return re.sub(said_text, _plural(found) if plural else found, phrase.lower(), count=1)
    return phrase
