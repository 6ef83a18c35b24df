"""The singular of an English noun, by its ending or a short table of irregular plurals.

One home for the rule: drawing names, room words and building words are all matched in the singular."""

from __future__ import annotations

IRREGULAR = {
    "geese": "goose",
    "mice": "mouse",
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "teeth": "tooth",
    "oxen": "ox",
    "leaves": "leaf",
    "knives": "knife",
    "wolves": "wolf",
    "loaves": "loaf",
    "shelves": "shelf",
    "calves": "calf",
    "halves": "half",
    "scarves": "scarf",
}


def singular(word: str) -> str:
    """The singular of an English noun by its ending ("palms" -> "palm", "cherries" -> "cherry", "boxes" -> "box");
    words that are not plural are kept ("glass", "bus", "oasis")."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ous")) or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes", "oes")):
        return word[:-2]
    return word[:-1]


SAME_PLURAL = {"sheep", "deer", "fish", "moose", "bison", "cattle", "salmon", "trout", "buffalo"}
IRREGULAR_PLURALS = {one: many for many, one in IRREGULAR.items()}


def plural(word: str) -> str:
    """The plural of an English noun ("elephant" -> "elephants", "wolf" -> "wolves", "pony" -> "ponies")."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word in SAME_PLURAL or singular(word) != word:
        return word
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("ch", "sh", "x", "s", "z")):
        return word + "es"
    return word + "s"
