"""Whether a subject names a place people are inside: a shop, a restaurant, a laboratory, a room.

"A cramped launderette", "a school chemistry lab" and "a busy diner counter" are rooms to paint, not things in a
meadow, though no room's words say so. WordNet (`tools/word_net`) says what each is a kind of: a launderette is a
laundry, a workplace; a diner a restaurant; a chemistry lab a laboratory. The request picks the sense ("a diner"
is also a person eating).
"""

from __future__ import annotations

import re

from tools import word_net
from tools.object_matching import head_words, singular
from tools.scene_words import scene_words

INDOORS = {"room", "shop", "store", "restaurant", "eating house", "laboratory", "lab", "studio", "salon", "bar"}
INDOORS |= {"laundry"}  # a launderette is a laundry, a workplace (as a farm is)
STEPS_UP = 4  # a chemistry lab is a laboratory at one step, a bakery a shop at one
SENSES = 3
WORDS_BACK = 2  # the word or two before a furniture head ("a diner counter": the diner)
FURNITURE = {"furniture", "article of furniture", "piece of furniture", "table", "seat"}
ROOM = {"room", "chamber"}
OUTSIDE = {"outside", "outdoor", "outdoors", "open-air", "exterior", "facade", "shopfront", "storefront", "streetside"}


def _is_indoors(sense: word_net.Sense) -> bool:
    """True for a made place one is inside: a shop, a restaurant, a laboratory, a room (not laundry on a line)."""
    if sense.lexicon != "artifact" or not word_net.is_built(sense):
        return False
    return bool(INDOORS & set(sense.words)) or any(INDOORS & set(k.words) for _, k in word_net.kinds(sense, STEPS_UP))


def _furniture(sense: word_net.Sense | None) -> bool:
    """True for a table, a counter, a seat: what stands inside the place a word before it names."""
    return sense is not None and any(FURNITURE & set(k.words) for _, k in word_net.kinds(sense, STEPS_UP))


def indoor_place(phrase: str, context: str) -> bool:
    """True when the phrase's head (or a compound ending in it) is, in the sense the request means, a kind of
    shop, restaurant, laboratory, studio or room; or is furniture and a word before it is one ("a diner counter",
    "a kitchen table", but "a bedroom window looking out on the sea" is the sea). Never when the words say outside
    ("a cafe with tables outside", "a bakery shopfront")."""
    words = head_words(phrase)
    if not words or OUTSIDE & set(re.findall(r"[a-z]+", context.lower())):
        return False
    words = words[:-1] + [singular(words[-1])]
    heads = [" ".join(words[-size:]) for size in (3, 2, 1) if len(words) >= size]
    head = next((s for s in (word_net.meant_sense(n, context, SENSES) for n in heads) if s is not None), None)
    if head is not None and ROOM & set(head.words):  # "the attic room": a room the room reading knows already
        return False
    if words[-1] in {w for ws in scene_words()["dwellings"].values() for w in ws}:  # a cabin is drawn from outside,
        return False  # though WordNet's first cabin is a ship's room
    if head is not None and _is_indoors(head):
        return True
    before = [s for n in words[-1 - WORDS_BACK : -1] for s in word_net.senses(n)[:SENSES]]  # any of its senses
    return _furniture(head) and any(_is_indoors(s) for s in before)
