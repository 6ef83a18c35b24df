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
SELLERS = {"mercantile establishment", "shop"}  # WordNet kinds of a place that sells things
SELLING_ROOMS = {"parlour", "parlor", "stall", "kiosk"}  # rooms where things sell that WordNet files as rooms
USUAL_WARE = 2  # senses weighed: a book is first a written work, then the thing on a shelf
WARES = ("animal", "artifact", "food", "plant")  # what a place's first word can say it holds (not "a barber shop")
OUTSIDE = {"outside", "outdoor", "outdoors", "open-air", "exterior", "facade", "shopfront", "storefront", "streetside"}


def _is_indoors(sense: word_net.Sense) -> bool:
    """True for a made place one is inside: a shop, a restaurant, a laboratory, a room (not laundry on a line)."""
    if sense.lexicon != "artifact" or not word_net.is_built(sense):
        return False
    return word_net.is_kind(sense, INDOORS, STEPS_UP, itself=True)


def _furniture(sense: word_net.Sense | None) -> bool:
    """True for a table, a counter, a seat: what stands inside the place a word before it names."""
    return sense is not None and word_net.is_kind(sense, FURNITURE, STEPS_UP)


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


def _sells(noun: str) -> bool:
    """True for a shop by WordNet ("a shop", "a boutique", "a bookshop"), or a parlour or stall where things sell."""
    usual = word_net.senses(noun)[:1]
    return noun in SELLING_ROOMS or any(word_net.is_kind(u, SELLERS, STEPS_UP, itself=True) for u in usual)


def wares(phrase: str) -> list[str]:
    """What the word (or two) before a shop's name says it sells, in a usual sense of a thing ("a toy shop": a
    toy, "an ice cream parlour": an ice cream, "a book shop": a book); none for a person's shop ("a barber shop"),
    a kind of shop ("a grocery shop"), a room that sells nothing ("a train carriage", "a cosy attic") or words we
    cannot read as things."""
    words = head_words(phrase)
    if len(words) < 2 or not _sells(singular(words[-1])):
        return []
    for noun in ([" ".join(words[-3:-1])] if len(words) > 2 else []) + [singular(words[-2])]:  # "ice cream" first
        usual = word_net.senses(noun)[:USUAL_WARE]
        first_a_place_or_person = bool(usual) and (usual[0].lexicon == "person" or word_net.is_built(usual[0]))
        if not first_a_place_or_person and any(u.lexicon in WARES and not word_net.is_built(u) for u in usual):
            return [f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"]
    return []
