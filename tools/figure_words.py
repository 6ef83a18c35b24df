"""A person asked for in words -> the painter's `Person`: who they are, what they are doing, their hair and clothes.

What they are doing is read by meaning: the subject's words before its setting ("a woman reading a book | in an
armchair") against the example phrases of each activity (`tools/data/scenes.yaml` activities), which give the
pose and what the person holds. Who they are (a woman or a man; a child, an adult or an old person) is the
person's phrase against the nearest `who` examples, a "her" or "his" deciding a tie. Hair and clothes are read
from their own words: a colour word before "hair" (or "blonde", "redhead"), "long" hair, pigtails or braids, a
beard; a colour word before a garment ("a green dress"), a dress or skirt; a hat; glasses, a pipe, a cup.
"""

from __future__ import annotations

import colorsys
import functools
import re
from pathlib import Path

import yaml

from models.painter.figure import Person
from tools.embedding_search import similarities
from tools.scene_words import scene_words

COSTUMES_PATH = Path(__file__).parent / "data" / "costumes.yaml"
COSTUME = 0.72  # a person phrase this near a trade's example wears its clothes and hat
ACTIVITY = 0.56  # the doing words this near an activity's example are that activity (else the person stands)
VERB_ACTIVITY = 0.7  # ... and the verb heard alone this near ("playing on the beach" is no game of chess)
SEX_MARGIN = 0.04  # a woman or a man when the phrase is this much nearer one; else the pronouns, else the seed
# hair as a painter mixes it (RGB), by the words people use for it
HAIR_COLOURS = {
    "blonde": (0.86, 0.76, 0.52),
    "blond": (0.86, 0.76, 0.52),
    "fair": (0.8, 0.68, 0.45),
    "golden": (0.8, 0.62, 0.3),
    "red": (0.66, 0.28, 0.12),
    "ginger": (0.72, 0.35, 0.14),
    "auburn": (0.5, 0.22, 0.12),
    "copper": (0.68, 0.33, 0.15),
    "redhead": (0.66, 0.28, 0.12),
    "brown": (0.36, 0.23, 0.13),
    "brunette": (0.3, 0.19, 0.11),
    "chestnut": (0.42, 0.24, 0.12),
    "dark": (0.14, 0.1, 0.08),
    "black": (0.09, 0.08, 0.08),
    "grey": (0.62, 0.61, 0.6),
    "gray": (0.62, 0.61, 0.6),
    "silver": (0.76, 0.76, 0.76),
    "white": (0.88, 0.87, 0.84),
}
# what a sitter wears or holds besides a hat, by the words people use for it (`sitter_things.THINGS`)
THING_WORDS = {
    "glasses": "glasses",
    "spectacles": "glasses",
    "specs": "glasses",
    "pipe": "pipe",
    "coffee": "cup",
    "tea": "cup",
    "mug": "cup",
    "cup": "cup",
}
STRAW, FELT = (0.85, 0.74, 0.45), (0.25, 0.2, 0.17)  # a straw hat, a hat of no named colour
HAIR_NOUNS = ("hair", "haired", "pigtails", "braids", "curls", "ponytail", "beard", "bearded")
LONG_HAIR = ("long", "pigtails", "braids", "ponytail", "flowing")
GARMENTS = (
    "dress",
    "gown",
    "skirt",
    "shirt",
    "coat",
    "jacket",
    "sweater",
    "jumper",
    "suit",
    "cloak",
    "scarf",
    "hat",
    "blouse",
    "kimono",
    "robe",
    "overalls",
    "uniform",
    "cardigan",
    "hoodie",
    "tunic",
    "raincoat",
    "overcoat",
    "parka",
    "anorak",
    "poncho",
    "shawl",
    "apron",
    "scrubs",
    "waistcoat",
    "vest",
    "jersey",
    "fleece",
    "tshirt",
)
SKIRTS = ("dress", "gown", "skirt", "kimono")
# what each held thing is called, for a drawing of it asked beside the person (the figure draws it in their hands)
PROP_NAMES = {
    "book": ("book", "newspaper", "magazine", "letter"),  # what is read is held open as a book is
    "rod": "fishing rod",
    "violin": "violin",
    "guitar": "guitar",
    "horn": "saxophone",
    "hoe": "hoe",
    "staff": "shepherd staff",
    "knitting": "knitting",
    "easel": "easel",
    "backpack": "backpack",
    "net": ("fishing net", "nets"),
    "skateboard": "skateboard",
    "bubbles": "soap bubbles",
    "accordion": "accordion",
    "cello": "cello",
    "drums": "drum",
    "loaves": "bread",
    "pot": "cooking pot",
    "chess": "chess pieces",
    "sandcastle": "sandcastle",
    "frame": "honeycomb",
    "wheel": "potter's wheel",
    "piano": "piano",
}
FRAMING = r"^(a |an |the )?(portrait|painting|picture|drawing|sketch|study)s? of "  # what is made, not done
BENCHES = {"bench", "benches"}  # where a person is on one of these, they sit on it
DOCK = 0.72  # the words after the person's this near a dock's example: a seated one sits on a dock's edge
COUPLE = 0.72  # a person's phrase this near a couple's example is a man and a woman
HELD = 0.7  # a drawing's name this near the held thing's name is that thing


def doing_words(subject: str) -> str:
    """The subject up to its first place word after the person ("a woman reading a book" of "... in an armchair")."""
    words = subject.lower().split()
    for i, w in enumerate(words[2:], start=2):
        if w in ("in", "on", "at", "by", "under", "near", "beside", "from", "across", "along", "through", "inside"):
            return " ".join(words[:i])
    return " ".join(words)


def _verb_phrase(words: str) -> list[str]:
    """The doing words from their first verb in -ing on ("an old man sitting": "sitting"), or none."""
    found = re.search(r"\b[a-z]{3,}ing\b.*", words.lower())
    return [found.group(0)] if found and found.start() > 0 else []


def activity(subject: str) -> dict:
    """The scenes.yaml activity of the subject's doing words (its pose, prop, seat), standing when none is near.
    Where standing wins, the verb alone is heard once more ("an old man sitting" was nearer "a person standing")."""
    sitter = re.sub(FRAMING, "", subject.strip(), flags=re.IGNORECASE)
    doing = doing_words(sitter)
    if sitter != subject.strip() and not _verb_phrase(doing):  # "a portrait of a woman" (no easel), "... of a chef"
        return scene_words()["activities"]["standing"]  # sits for it: no doing of their own
    best = _nearest_activity([doing, sitter], ACTIVITY)
    verb = _verb_phrase(doing)
    if best == "standing" and verb:
        best = _nearest_activity(verb, VERB_ACTIVITY)
    return scene_words()["activities"][best]


def _nearest_activity(texts: list[str], threshold: float) -> str:
    best, near = "standing", threshold
    for name, entry in scene_words()["activities"].items():
        score = max(float(similarities(text, entry["examples"]).max()) for text in texts)
        if score >= near:
            best, near = name, score
    return best


def _who(phrase: str, subject: str, seed: int) -> tuple[bool, str]:
    """(a woman, the age: "child", "adult" or "old")."""
    table = scene_words()["who"]
    near = {kind: float(similarities(phrase, examples).max()) for kind, examples in table.items()}
    words = set(re.findall(r"[a-z']+", subject.lower()))
    if near["woman"] - near["man"] >= SEX_MARGIN:
        woman = True
    elif near["man"] - near["woman"] >= SEX_MARGIN:
        woman = False
    elif words & {"her", "she", "herself"} or words & {"his", "he", "himself"}:
        woman = bool(words & {"her", "she", "herself"})
    else:
        woman = seed % 2 == 0
    age = max(("child", "adult", "old"), key=lambda kind: near[kind])
    return woman, age


def _hair(words: list[str]) -> tuple[tuple[float, float, float] | None, bool, bool]:
    """(hair colour, long, beard) from the words about the hair."""
    colour, long, beard = None, False, False
    for i, w in enumerate(words):
        if w in ("blonde", "blond", "redhead", "brunette"):
            colour = HAIR_COLOURS[w]
        if w in HAIR_NOUNS:
            near = words[max(0, i - 3) : i]
            colour = next((HAIR_COLOURS[n] for n in reversed(near) if n in HAIR_COLOURS), colour)
            long |= w not in ("beard", "bearded") and (any(n in LONG_HAIR for n in near) or w in LONG_HAIR)
            beard |= w in ("beard", "bearded")
    return colour, long, beard


def _clothes(words: list[str]) -> tuple[tuple[float, float, float] | None, bool]:
    """((hue, saturation, value) of the garment's colour word, whether it is a dress or a skirt)."""
    from tools.palette import read_colour

    colour, skirt = None, False
    for i, w in enumerate(words):
        garment = w if w in GARMENTS else w[:-1] if w.endswith("s") and w[:-1] in GARMENTS else None
        garment = garment or ("coat" if w.endswith("coat") else None)  # a housecoat, a greatcoat
        if garment is not None:
            skirt |= garment in SKIRTS
            for n in reversed(words[max(0, i - 2) : i]):
                found = read_colour(n)
                if found is not None:
                    colour = (found.hue, found.saturation, found.value)
                    break
    if colour is None:  # "a chef in white", "dressed in black": a colour after "in" is the clothes'
        after_in = [read_colour(w) for i, w in enumerate(words[1:], 1) if words[i - 1] in ("in", "wearing")]
        found = next((c for c in after_in if c is not None), None)
        colour = (found.hue, found.saturation, found.value) if found is not None else None
    return colour, skirt


@functools.lru_cache(maxsize=1)
def _costumes() -> dict:
    with open(COSTUMES_PATH) as f:
        return yaml.safe_load(f)


def costume(phrase: str) -> dict | None:
    """What the person of the phrase wears by their trade (`tools/data/costumes.yaml`: a chef's whites and
    toque, a fisherman's yellow oilskins), or None when the phrase names no trade we dress."""
    table = _costumes()
    best, near = None, COSTUME
    for entry in table.values():
        score = float(similarities(phrase, entry["examples"]).max())
        if score >= near:
            best, near = entry, score
    return best


def _hat(words: list[str]) -> tuple[float, float, float] | None:
    """A hat's colour when the words give the person one ("a straw hat", "a red hat"): straw, a named colour or
    a dark felt."""
    from tools.palette import read_colour

    at = next((i for i, w in enumerate(words) if w == "hat"), None)
    if at is None:
        return None
    near = words[max(0, at - 2) : at]
    if "straw" in near:
        return STRAW
    found = next((c for c in map(read_colour, reversed(near)) if c is not None), None)
    if found is None:
        return FELT
    return tuple(float(v) for v in colorsys.hsv_to_rgb(found.hue / 360, found.saturation, min(found.value, 0.8)))


def is_family(phrase: str) -> bool:
    """True when the person's phrase is a family (`scenes.yaml` households): parents and children."""
    return float(similarities(phrase, scene_words()["households"]).max()) >= COUPLE


FAMILY_SIZES = (4, 3)  # a family painted as two parents and two children, or one child, by the seed


def read_person(phrase: str, subject: str, seed: int) -> Person:
    """The person of `phrase` (the subject's person: "an old farmer"), doing what the whole subject says."""
    words = re.findall(r"[a-z]+", subject.lower())
    woman, age = _who(phrase, subject, seed)
    family = is_family(phrase)
    age = "adult" if family else age  # the parents first: "a young family" is no child
    act = activity(subject)
    hair, long, beard = _hair(words)
    clothes, skirt = _clothes(words)
    trade = costume(phrase) or {}
    clothes = clothes or (tuple(trade["clothes"]) if trade.get("clothes") else None)
    said_hat = _hat(words)  # a hat the words give wins over the trade's
    hat = said_hat or (tuple(trade["colour"]) if trade.get("headwear") else None)
    headwear = trade["headwear"] if hat is not None and said_hat is None else "hat"
    long = long or (woman and age != "old" and seed % 3 != 0)
    seat = act.get("seat", "chair")
    where = subject[len(doing_words(subject)) :].strip()
    if seat == "ground" and where and float(similarities(where, scene_words()["docks"]).max()) >= DOCK:
        seat = "dock"  # a fisherman on the pier sits on its edge
    pose = act["pose"]
    if BENCHES & set(re.findall(r"[a-z]+", where.lower())) and pose in ("sit", "stand"):
        seat, pose = "bench", "sit"  # "an old man on a park bench": sitting on it, drawn under him
    return Person(
        pose=pose,
        prop=act.get("prop"),
        age=age,
        dress=skirt or (woman and pose != "jump" and not trade.get("suit")),  # a skater, a beekeeper: trousers
        long_hair=long,
        beard=beard or (not woman and (trade.get("beard", False) or age == "old" and seed % 2 == 0)),
        hair=hair,
        clothes=clothes[:2] if clothes else None,
        clothes_value=clothes[2] if clothes else None,
        seated_on=seat,
        hat=hat,
        headwear=headwear,
        things=tuple(sorted({THING_WORDS[w] for w in words if w in THING_WORDS})),
        couple=family or float(similarities(phrase, scene_words()["couples"]).max()) >= COUPLE,
        family=family,
    )


def sitter_place(subject: str) -> str | None:
    """The place a portrait's sitter belongs in (`scenes.yaml` sitter_places: a fisherman's harbour, a nurse's
    corridor), by the whole subject's meaning; None when it is near none (a studio wall)."""
    places = scene_words()["sitter_places"]
    near = {place: float(similarities(subject, examples).max()) for place, examples in places.items()}
    best = max(near, key=near.get)
    return best if near[best] >= scene_words()["thresholds"]["sitter_place"] else None


def held_by(person: Person, words: str) -> bool:
    """True when a drawing (by its name's words) is the thing the person holds (a kite flies on its own)."""
    names = PROP_NAMES.get(person.prop or "")
    names = (names,) if isinstance(names, str) else names
    return names is not None and float(similarities(words, list(names)).max()) >= HELD
