"""What a bird or an animal sits on or in, from the subject's words: "a barn owl perched on a fence post" -> "post",
"a cat sitting in a cardboard box" -> "box".

A bird asked for alone was painted flying in the empty sky, whatever it sat on ("a pale creature floating over a
meadow"). A person who names its perch expects to see it sitting there: on a post, a fence, a stump, a rock, a
branch or a flower, or in a box, a basket or a bucket. The perch is read from the words right after the thing's own
phrase ("on a", "in an old", ...); the painter draws it (`models/painter/perches.py`).
"""

from __future__ import annotations

import re

from models.painter.perches import PERCHES

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
}
assert set(PERCH_NOUNS.values()) | set(CONTAINER_NOUNS.values()) <= set(PERCHES)
SITTING = r"(?:perched|perching|sitting|sat|sits|resting|roosting|standing|stands|waiting|singing|asleep|sleeping)"
# after the bird's phrase: its posture (if any, and a word such as "high"), then "on" or "upon", then the perch's words
PERCH_AFTER = re.compile(rf"^(?:\s+{SITTING}(?:\s+[a-z]+)?)?\s+(on|upon|atop|in|inside)\s+((?:[a-z']+\s*){{1,5}})")
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
        return None
    nouns = CONTAINER_NOUNS if found.group(1) in ("in", "inside") else PERCH_NOUNS  # in a box; on a post
    kind = None
    for word in found.group(2).split():
        if word in ENDS:
            break
        kind = nouns.get(word, kind)  # "a fence post": the last perch word, the post
    return kind
