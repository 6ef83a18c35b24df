"""A thing said in the plainer words a drawing is named by, when no drawing knows the words said.

"A grumpy old bulldog" is drawn as a dog and "two little kids" as two children: when no drawing's name ends in
the phrase's head noun and no drawing is near the phrase by meaning, WordNet (`tools/word_net`) gives the other
words of the noun's usual sense (a kid is a child, a skillet a frying pan) and what it is a kind of, up to two
steps (a bulldog is a working dog, a dog). Of these, the one nearest the noun in meaning that is a drawing's whole
name takes the head's place. Only things are said plainer (animals, made things, food, people, plants): land,
water, places and buildings are read by their own words.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from models.painter.built_by_hand import named_by_hand
from tools import word_net
from tools.articles import agreed
from tools.embedding_search import embed
from tools.object_matching import drawing_named, head_words, known_word, named_roles, nearness
from tools.plurals import IRREGULAR, singular
from tools.scene_words import scene_words

STEPS_UP = 2  # a bulldog is a dog two steps up; further up, kinds are too wide ("a kitten" is no brute)
TAXA_STEPS_UP = 5  # ... but an animal or plant no nearer kind names is its class: a magpie is a bird, four steps up
TAXA = ("animal", "plant")
SENSES = 2  # the usual senses only: a kid is a child before it is a young goat
KNOWN = 0.72  # a phrase this near a drawing by meaning is known to the embedder ("paint" is no coat)
STEP_COST = 0.03  # a nearer kind is the likelier picture of the thing: a dog before a domestic animal
ROLES = {  # the drawing roles (`tools/data/scenes.yaml` roles) that show each kind of thing
    "animal": {"stands", "swims", "flies", "floats"},
    "plant": {"plant"},
    "artifact": {"still_life", "stands", "floats", "flies"},  # a typewriter is no printer the size of a house
    "food": {"still_life"},
}
THINGS_NOT_PEOPLE = frozenset(word_net.THINGS) - {"person"}  # a word with such a sense of its own is no pet name
DIMINUTIVE_ENDINGS = ("ie", "ey", "y")  # a pet name's endings: birdie, horsey, ducky
PLURALS = {one: many for many, one in IRREGULAR.items()}
# heads that only say a thing is a likeness of another: "a robot toy" is a (toy) robot, "an owl figurine" an owl
LIKENESS_HEADS = {"toy", "toys", "figurine", "figurines", "ornament", "ornaments", "plushie", "plushies"}


def _thing_sense(noun: str, context: str) -> word_net.Sense | None:
    """The noun's sense the request means, when that sense is a thing; else None. A noun that means a place
    (Labrador, Chihuahua) is asked for as the animal or plant it also names, its first such sense, or as the one
    it shortens, the first noun of two words or more that opens with it and means one ("a black labrador": a
    labrador retriever, not a lab coat)."""
    sense = word_net.meant_sense(noun, context, SENSES)
    if sense is not None and sense.lexicon == "location":
        later = [s for s in word_net.senses(noun) if s.lexicon in TAXA]
        shortened = (word_net.meant_sense(c, context, SENSES) for c in word_net.compounds(noun))
        sense = next(iter(later), None) or next((s for s in shortened if s is not None and s.lexicon in TAXA), None)
    return sense if sense is not None and _is_thing(sense) else None


def _is_thing(sense: word_net.Sense) -> bool:
    return sense.lexicon in word_net.THINGS and not word_net.is_built(sense)


def _drawn_as(words: str, lexicon: str) -> bool:
    """True when the drawing these words name shows that kind of thing: an animal that stands, swims or flies, a
    plant that grows ("heather" is also called broom, but the broom drawn sweeps); a person (a shepherd is a hired
    hand, but no hand). Only colour drawings: a grey silhouette of the plainer kind (a hound for a beagle) reads as
    less than the embedder's own nearest colour drawing."""
    if lexicon == "person":  # a person is said plainer only as a person we draw whole: a kid is a child
        return words.replace(" ", "-") in scene_words()["busts"]
    return bool(named_roles(words, colour=True) & ROLES[lexicon])


def _candidates(noun: str, context: str) -> list[tuple[int, str]]:
    """(steps up, words) that name a drawing: the sense's other words, then what it is a kind of, STEPS_UP steps
    up; an animal or plant none of these names, up to TAXA_STEPS_UP (its class: a bird, a fish)."""
    sense = _thing_sense(noun, context)
    if sense is None:
        return []
    said = set(noun.split())
    found = [(0, w) for w in sense.words]
    for depth in (STEPS_UP, TAXA_STEPS_UP) if sense.lexicon in TAXA else (STEPS_UP,):
        found += [(step, w) for step, kind in word_net.kinds(sense, depth) for w in kind.words]
        named = [c for c in dict.fromkeys(found) if not said & set(c[1].split()) and drawing_named(c[1])]
        named = [c for c in named if _drawn_as(c[1], sense.lexicon)]
        if named:
            return named
    return []


@functools.lru_cache(maxsize=1024)
def plainer(noun: str, context: str) -> str | None:
    """The plainest words for the noun that name a drawing ("bulldog" -> "dog", "skillet" -> "frying pan"), or
    None: of what WordNet says it is, the nearest in meaning, a step up costing STEP_COST."""
    found = _candidates(noun, context)
    if not found:
        return None
    vectors = embed([noun] + [w for _, w in found])
    score = vectors[1:] @ vectors[0] - STEP_COST * np.array([step for step, _ in found])
    return found[int(np.argmax(score))][1]


def _breed_said_plain(phrase: str, words: list[str], context: str) -> str:
    """ "a labrador puppy" (a labrador dog) -> "a dog": a modifier WordNet calls a kind of the head's animal or
    plant goes, when no drawing knows it; the embedder heard "a labrador dog" as a lab coat."""
    if len(words) < 2 or known_word(singular(words[-2])):
        return phrase
    sense = _thing_sense(_lemma(words[-2]), context)
    if sense is None or sense.lexicon not in TAXA:
        return phrase
    kinds = {w for _, kind in word_net.kinds(sense, TAXA_STEPS_UP) for w in kind.words}
    if singular(words[-1]) not in kinds:
        return phrase
    plain = re.sub(r"\b" + re.escape(words[-2]) + r"\s+", "", phrase.lower(), count=1)
    return agreed(plain)


def _named_for_a_place(head: str, context: str) -> bool:
    """True when the head's usual sense is a place but it is asked for as an animal or plant (`_thing_sense`):
    the embedder only hears the sound of such a word ("a black labrador" was a lab coat)."""
    usual = word_net.meant_sense(head, context, SENSES)
    return usual is not None and usual.lexicon == "location" and _thing_sense(head, context) is not None


def _plural(words: str) -> str:
    last = words.split()[-1]
    many = PLURALS.get(last) or (last if last.endswith("s") else last + "s")
    return " ".join(words.split()[:-1] + [many])


def _lemma(word: str) -> str:
    """The noun's singular as WordNet spells it ("loaves": loaf, "kids": kid, "magpies": magpie)."""
    one = singular(word)
    if word_net.senses(one):
        return one
    spellings = {"ves": (word[:-3] + "f", word[:-3] + "fe"), "ies": (word[:-1],)}.get(word[-3:], ())
    return next((w for w in spellings if word_net.senses(w)), one)


def likeness_first(phrase: str) -> str:
    """ "a wind-up robot toy" -> "a wind-up toy robot": the thing a likeness shows is the phrase's head, when
    drawings of it exist."""
    said = re.search(r"\b([a-z]+) (" + "|".join(sorted(LIKENESS_HEADS)) + r")\b", phrase.lower())
    if said is None or said.end() != len(phrase.rstrip()) or not known_word(singular(said.group(1))):
        return phrase
    likeness, thing = said.group(2), said.group(1)
    if likeness.endswith("s"):  # "robot toys": toy robots
        likeness, thing = likeness[:-1], _plural(thing)
    swapped = phrase[: said.start()] + f"{likeness} {thing}"
    return agreed(swapped)


def _diminutive(word: str) -> str | None:
    """The animal a pet name is made from ("ducky", "birdie", "horsey", "piggy"), when the word itself names no
    drawing or thing of its own and the stem names a drawing of an animal; else None (WordNet's only ducky is a
    darling)."""
    if known_word(word) or any(s.lexicon in THINGS_NOT_PEOPLE for s in word_net.senses(word)):
        return None  # (a buggy is a carriage)
    for ending in DIMINUTIVE_ENDINGS:
        stem = word[: -len(ending)] if word.endswith(ending) else ""
        stem = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem  # piggy, doggy
        senses = word_net.senses(stem) if len(stem) >= 3 and known_word(stem) else ()
        if any(s.lexicon == "animal" for s in senses[:SENSES]):
            return stem
    return None


def plain_phrase(phrase: str, context: str) -> str:
    """The phrase with its head noun (or a compound ending in it) said plainer, when no drawing's name ends in it
    and no drawing is near it by meaning (a tree is no crown, a loaf of bread is bread); the request (context)
    picks the noun's sense."""
    phrase = likeness_first(phrase)
    words = head_words(phrase)
    if not words:
        return phrase
    small = _diminutive(words[-1])
    if small is not None:  # "a yellow rubber ducky" is a duck, not a darling
        phrase = re.sub(r"\b" + re.escape(words[-1]) + r"\b", small, phrase.lower(), count=1)
        words = head_words(phrase)
    if known_word(singular(words[-1])) or named_by_hand(singular(words[-1])) is not None:  # a typewriter is drawn
        return _breed_said_plain(phrase, words, context)
    head = _lemma(words[-1])
    if nearness(phrase) >= KNOWN and not _named_for_a_place(head, context):
        return phrase
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        found = plainer(" ".join(words[-size:-1] + [head]), context)
        if found:
            plural = head != words[-1]
            said_text = r"\b" + r"\s+".join(map(re.escape, words[-size:])) + r"\b"
            plain = re.sub(said_text, _plural(found) if plural else found, phrase.lower(), count=1)
            plain = agreed(plain)
            return _breed_said_plain(plain, head_words(plain), context)  # "a labrador puppy": a labrador dog
    return phrase
