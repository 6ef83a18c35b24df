"""What a bird or an animal sits on or in, from the subject's words: "a barn owl perched on a fence post" -> "post",
"a cat sitting in a cardboard box" -> "box".

A bird asked for alone was painted flying in the empty sky, whatever it sat on ("a pale creature floating over a
meadow"). A person who names its perch expects to see it sitting there: on a post, a fence, a stump, a rock, a
branch or a flower, in a box, a basket or a bucket, or under a tree. The perch is read from the words right after
the thing's own phrase ("on a", "in an old", ...); the painter draws it (`models/painter/perches.py`).
"""

from __future__ import annotations

import re

from models.painter.perches import FLOWERS, PERCHES

# the words people use for a perch -> the painter's perch kinds
PERCH_NOUNS = {
    "post": "post",
    "posts": "post",
    "pole": "post",
    "fencepost": "post",
    "fence": "fence",
    "fences": "fence",
    "gate": "fence",
    "railing": "fence",
    "rail": "fence",
    "stump": "stump",
    "log": "stump",
    "rock": "rock",
    "rocks": "rock",
    "boulder": "rock",
    "stone": "rock",
    "branch": "branch",
    "branches": "branch",
    "bough": "branch",
    "twig": "branch",
    "limb": "branch",
    "sunflower": "sunflower",
    "sunflowers": "sunflower",
    "rose": "rose",
    "roses": "rose",
    "tulip": "tulip",
    "tulips": "tulip",
    "hibiscus": "hibiscus",
    "flower": "flower",
    "flowers": "flower",
    "daisy": "flower",
    "blossom": "flower",
}
# what an animal sits in -> the painter's containers
CONTAINER_NOUNS = {
    "box": "box",
    "boxes": "box",
    "carton": "box",
    "crate": "box",
    "basket": "basket",
    "hamper": "basket",
    "bucket": "bucket",
    "pail": "bucket",
    "bowl": "bowl",
}
FLOWER_NOUNS = {word: kind for word, kind in PERCH_NOUNS.items() if kind in FLOWERS}
# what a person or an animal is under -> the painter's shade
SHADE_NOUNS = {"tree": "tree", "oak": "tree", "willow": "tree", "maple": "tree", "chestnut": "tree", "elm": "tree"}
assert set(PERCH_NOUNS.values()) | set(CONTAINER_NOUNS.values()) | set(SHADE_NOUNS.values()) <= set(PERCHES)
# the nouns each preposition can name (any other: a perch): in a box; under a tree; drinking from a flower (a horse
# at the gate stands by it)
NOUNS_AFTER = {"in": CONTAINER_NOUNS, "inside": CONTAINER_NOUNS, "from": FLOWER_NOUNS, "at": FLOWER_NOUNS}
NOUNS_AFTER |= {"under": SHADE_NOUNS, "beneath": SHADE_NOUNS, "underneath": SHADE_NOUNS}
SITTING = (
    r"(?:perched|perching|sitting|sat|sits|resting|roosting|standing|stands|waiting|singing|asleep|sleeping"
    r"|drinking|feeding|sipping|hovering|buzzing|landing|landed)"
)
PREPOSITIONS = "on|upon|atop|in|inside|under|beneath|underneath|from|at"  # (a hummingbird drinking from a flower)
# after the thing's phrase: its posture (if any, and a word such as "high"), a preposition, then the perch's words
PERCH_AFTER = re.compile(rf"^(?:\s+{SITTING}(?:\s+[a-z]+)?)?\s+({PREPOSITIONS})\s+((?:[a-z']+\s*){{1,5}})")
ENDS = {"at", "in", "under", "with", "by", "near", "beside", "and", "while", "during", "against", "over"}


def perch_of(phrase: str, subject: str) -> str | None:
    """The perch kind (`models.painter.perches.PERCHES`: "post", "branch", "sunflower", "box" ...) the subject
    puts this phrase's thing on or in, or None: read from the words straight after the phrase ("an owl | perched
    on an old fence post | at dusk"), or after the first "on" when the words name it otherwise ("a robin sitting
    on a fence", matched as a bird)."""
    text, said = subject.lower(), phrase.lower()
    at = text.find(said)
    if at >= 0:
        found = PERCH_AFTER.match(text[at + len(said) :])
    else:
        found = re.search(rf"(?:\b{SITTING}(?:\s+[a-z]+)?)?\s+(on|upon|atop)\s+((?:[a-z']+\s*){{1,5}})", text)
    if found is None:
        return shade_of(text)
    nouns = NOUNS_AFTER.get(found.group(1), PERCH_NOUNS)
    kind = None
    for word in found.group(2).split():
        if word in ENDS:
            break
        kind = nouns.get(word, kind)  # "a fence post": the last perch word, the post
    return kind


def shade_of(text: str) -> str | None:
    """"tree" when the words put their subject under a tree anywhere ("a girl reading a book under a tree")."""
    names = "|".join(SHADE_NOUNS)
    under = re.search(rf"\b(?:under|beneath|underneath)\s+(?:[a-z']+\s+){{0,3}}?({names})s?\b", text)
    return SHADE_NOUNS[under.group(1)] if under else None
