"""Readings of a subject's phrases that the nearest drawing alone gets wrong.

- A container and what it holds ("a basket of apples", "a vase of tulips"): when no drawing is the whole thing
  but both halves have one, both are drawn (the basket, and apples beside it).
- A thing known only by its kind ("a gondola" is a boat, as the role examples of `tools/data/scenes.yaml` say by
  meaning): when no drawing is near enough, the nearest drawing of that kind is drawn, and the reply says so.
- A town or a village (the `towns` examples, by meaning, nearer than the city's): small houses with roofs on
  the land of the phrase's nearest landscape, never a skyline of high blocks.
- A room (`room_of`: a named room, or the inside of any place), a picture's kind before its thing ("a still life of
  a cello": `framing_stage`), a building's or room's own part ("a rose window": `is_part`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from tools.embedding_search import embed, similarities
from tools.plurals import plural, singular
from tools.scene_words import scene_words

QUALITY = 0.75  # a phrase this near a quality's example is how the picture looks
PHENOMENON = 0.8  # a phrase this near a phenomenon's example is in the air, not a thing ("a cigarette" 0.73 to smoke)
FURNITURE = 0.76  # a drawing's name this near a furniture example is furniture
ROOM = 0.86  # a subject this near a room's example is that room, furnished (scenes.yaml rooms)
INSIDE_ROOM = 0.6  # the inside of a place this near a room's example is that room (else a plain room)
TIE = 1e-4  # rooms this near alike are a tie, and the first listed wins ("a potter's studio": pottery, not studio)
GENRE = 0.8  # "X of Y" whose X is this near an indoor stage's example ("a still life") is that stage showing Y
PART = 0.75  # a companion this near a building part's example is part of the building it goes with
FEATURE = 0.75  # a setting this near a room feature's example ("by the fire") puts that feature in the room
FORMS = ("wedge", "slice", "piece", "loaf", "bunch", "block")  # a name's last word that says a form: cheese wedge
KIND = 0.8  # a phrase this near a role's example is that kind of thing ("a gondola" ~ "a gondola": floats)
TOWN_WORD = 0.7  # ... and one of its words this near "town" or "village" (more than "city")
TOWN = 0.6  # a phrase this near a town's example (and nearer than to the city's) is a town of houses
# noto's house: a cottage with a doorstep (the fluent house with a garden stood on a green slab like a cut-out)
TOWN_HOUSES = (("noto", "house", 3), ("fluent-emoji-flat", "house", 2))
# collective nouns for animals: "an elephant family" is a family of elephants, not a drawing of a family
ANIMAL_GROUPS = {"family", "herd", "flock", "pack", "swarm", "shoal", "pod", "colony", "troop", "pride", "litter"}
# nouns of a group or a measure: "a flock of birds", "a stack of books" are the birds, the books
COLLECTIVES = ANIMAL_GROUPS | set(
    "stack pile heap handful cluster string set caravan group pair couple row field fleet bunch crowd lot lots school "
    "team line range sea dozen dozens hundreds scores gaggle".split()
)


def group_written_first(phrase: str, noun) -> str:
    """ "a family of elephants" for "an elephant family" (the group's last word after a noun, `noun(word)`);
    any other phrase as it is ("a happy family", "a family of ducks")."""
    found = re.fullmatch(r"(?:(?:a|an|the|some)\s+)?(.*?)([a-z]+)\s+([a-z]+)", phrase.strip().lower())
    if not found or found[3] not in ANIMAL_GROUPS or not noun(found[2]) or found[2] in ANIMAL_GROUPS:
        return phrase
    return f"a {found[3]} of {found[1]}{plural(found[2])}"


def named_colour(phrase: str) -> tuple[float, float, float] | None:
    """(hue, saturation, value) of a colour word before the phrase's head noun ("a red barn", "old brick houses",
    "a black labrador": black is no hue but a value), or None ("a rose" is no colour: its last word is the thing)."""
    from tools.palette import read_colour

    words = re.findall(r"[a-z]+", phrase.split(" of ", 1)[0].lower())[:-1]
    found = [c for c in map(read_colour, words) if c is not None]
    return (found[-1].hue, max(found[-1].saturation, 0.0), found[-1].value) if found else None


# Words that say how much of a colour, not a thing ("lots of orange", "all golds and oranges", "shades of blue").
COLOUR_AMOUNTS = set("lots lot loads plenty all some shades shade tones tone splashes splash hints hint".split())


def names_colours_only(phrase: str, after_colours: bool = False) -> bool:
    """True when a phrase is colours, not a thing to draw: "lots of orange", "all golds", two colours joined
    ("orange and purple", was an orange) and, `after_colours` (the phrase before it was colours), "and oranges";
    "oranges" or "an orange" alone is the fruit, and so are "oranges and lemons"."""
    from tools.palette import read_colour

    words = re.findall(r"[a-z]+", phrase.lower())
    amount = bool(COLOUR_AMOUNTS & set(words)) or after_colours and not {"a", "an"} & set(words)
    named = [w for w in words if w not in COLOUR_AMOUNTS | {"of", "and", "a", "the", "with"}]
    joined = "and" in words and len(named) >= 2 and not {"a", "an"} & set(words)
    joined &= not any(w.endswith("s") for w in named)  # "oranges and lemons": fruit
    return (amount or joined) and bool(named) and all(read_colour(w) is not None for w in named)


def usual_colour(words: str) -> tuple[float, float, float] | None:
    """(hue, saturation, value) a thing of this name usually has (`scenes.yaml` usual_colours, by meaning: lily pads are
    green, a stone tower grey), or None when its name is near none of them."""
    from tools.palette import read_colour

    table = scene_words()["usual_colours"]
    best, near = None, scene_words()["thresholds"]["usual_colour"]
    for colour, examples in table.items():
        score = float(similarities(words, examples).max())
        if score >= near:
            best, near = colour, score
    found = read_colour(best) if best else None
    return (found.hue, found.saturation, found.value) if found else None


def container_halves(phrase: str) -> tuple[str, str] | None:
    """("a basket", "apples") for "a basket of apples"; None when the phrase is no "X of Y", or X is a number
    of the Ys ("a flock of birds", "a caravan of camels": the Ys themselves)."""
    if " of " not in phrase:
        return None
    holder, held = phrase.split(" of ", 1)
    words = re.findall(r"[a-z]+", holder.lower())
    if not words or words[-1] in COLLECTIVES or not held.strip():
        return None
    return holder.strip(), held.strip()


@functools.lru_cache(maxsize=1)
def _role_examples() -> tuple[list[str], np.ndarray]:
    table = scene_words()["roles"]
    return [role for role, examples in table.items() for _ in examples], embed(
        [e for examples in table.values() for e in examples]
    )


def kind_of(phrase: str) -> tuple[str | None, str | None]:
    """(role, the role's plainest example: "a boat") of the role example nearest the phrase, or (None, None)
    when none is KIND near."""
    roles, vectors = _role_examples()
    near = vectors @ embed([phrase])[0]
    best = int(near.argmax())
    if near[best] < KIND:
        return None, None
    return roles[best], scene_words()["roles"][roles[best]][0]


def room_feature(phrase: str) -> tuple[str, str, str] | None:
    """(source, name, role) of the room's own thing a phrase asks for ("by the fire": the fireplace), or None
    (also when the phrase is nearer its outdoor kin: "by a campfire" is out in the land)."""
    features = scene_words()["room_features"]
    for drawing, feature in features.items():
        near = float(similarities(phrase, feature["examples"]).max())
        outdoors = float(similarities(phrase, feature.get("outdoors", [])).max()) if feature.get("outdoors") else 0.0
        if near >= FEATURE and near > outdoors:
            source, name = drawing.split(":")
            return source, name, feature["role"]
    return None


def is_person(phrase: str) -> bool:
    """True when a phrase names a person by what they do or who they are (`tools/data/scenes.yaml` people), nearer
    them than any thing's example ("a violin" is 0.9 near "a violinist", but 1.0 near the violin); a family
    (`scenes.yaml` households) is people too."""
    person = float(similarities(phrase, scene_words()["people"] + scene_words()["households"]).max())
    things = [e for role, examples in scene_words()["roles"].items() if role != "figure" for e in examples]
    return person >= KIND and person > float(similarities(phrase, things).max())


def room_of(phrase: str, inside: bool = False) -> tuple[str, float, list[str]] | None:
    """(room, similarity, what such a room holds) of the room a phrase names ("a messy kitchen": the kitchen,
    with pots and a pan), by meaning: the whole phrase near a room's examples, or its last word near one of the
    room's words ("a cozy old library"; `tools/data/scenes.yaml` rooms), or None. A place the words go `inside`
    ("the inside of an old train carriage") is a room whatever it is: the nearest room when one is INSIDE_ROOM
    near, else a plain room holding nothing but what the words list."""
    phrase = re.sub(r"^(his|her|their|my|our|your|its|the)\b", "a", phrase.lower().strip())  # "his den": a den
    words = re.findall(r"[a-z']+", phrase)
    best, nearest, best_rank = None, ("room", 1.0, []), (False, 0.0)
    plain = scene_words()["rooms"]["room"]["words"]  # room, hall: a compound's head ("a waiting room")
    for room, table in scene_words()["rooms"].items():
        whole = float(similarities(phrase, table["examples"]).max())
        if len(words) > 2 and words[-1] in plain:  # "an elegant living room": its last two words, "a living room"
            whole = max(whole, float(similarities("a " + " ".join(words[-2:]), table["examples"]).max()))
        near = max(whole, float(similarities(words[-1], table["words"]).max())) if words and table["words"] else whole
        rank = (whole >= ROOM, whole if whole >= ROOM else near)  # the whole phrase first: "his living room" is
        if near >= ROOM and (best is None or rank > (best_rank[0], best_rank[1] + TIE)):  # no plain "room"
            best, best_rank = (room, near, list(table["holds"])), rank
        if near >= INSIDE_ROOM and (nearest[0] == "room" or near > nearest[1] + TIE):
            nearest = (room, near, list(table["holds"]))
    return best if best is not None or not inside else nearest


@dataclass(frozen=True)
class Place:
    """An outdoor place or kind of land a subject names (`tools/data/scenes.yaml` places)."""

    name: str
    example: str  # the place in words, as its nearest example says it ("a tram stop")
    family: str
    similarity: float
    landform: str | None
    holds: tuple[str, ...]


def place_of(phrase: str) -> Place | None:
    """The place a subject phrase names ("an old petrol station", "endless salt flats"), by meaning: the whole
    phrase, or its last two words ("rolling tea plantations"), near one of a place's examples whose last word
    names the same kind of thing ("an empty park bench" is a bench, no park); None else, or for a town."""
    owners, examples, heads = _place_examples()
    words = [w for w in re.findall(r"[a-z']+", phrase.lower()) if w not in ("a", "an", "the")]
    if not words:
        return None
    texts = [phrase] + ([" ".join(words[-2:])] if len(words) > 2 else [])
    near = np.max([similarities(text, examples) for text in texts], axis=0)
    same_head = np.array([1.0 if h == words[-1] else s for h, s in zip(heads, similarities(words[-1], heads))])
    near = np.where(same_head >= scene_words()["thresholds"]["same_head"], near, -1.0)
    best = int(near.argmax())
    town = float(similarities(phrase, scene_words()["towns"]).max())
    if near[best] < scene_words()["thresholds"]["place"] or town >= near[best]:  # a harbour town: its houses
        return None
    table = scene_words()["places"][owners[best]]
    similarity, landform, holds = float(near[best]), table.get("landform"), tuple(table["holds"])
    return Place(owners[best], examples[best], table["family"], similarity, landform, holds)


@functools.lru_cache(maxsize=1)
def _place_examples() -> tuple[list[str], list[str], list[str]]:
    """(owner, example, example's last word) of every place example (`scenes.yaml` places), as three lists."""
    pairs = [(name, e) for name, table in scene_words()["places"].items() for e in table["examples"]]
    return [n for n, _ in pairs], [e for _, e in pairs], [re.findall(r"[a-z']+", e.lower())[-1] for _, e in pairs]


def framing_stage(phrase: str) -> tuple[str, float, str] | None:
    """(stage, similarity, the thing's phrase) of a subject that names its picture's kind before what it shows ("a
    still life of a cello": an interior, and the cello), when the words before "of" are GENRE near an indoor
    stage's example; None otherwise (a portrait's sitter is found where the portrait is read)."""
    halves = container_halves(phrase)
    if halves is None:
        return None
    stages = {k: v for k, v in scene_words()["stages"].items() if k != "portrait"}
    for stage, examples in stages.items():
        near = float(similarities(halves[0], examples).max())
        if near >= GENRE:
            return stage, near, halves[1]
    return None


# Words before "of" that say how the picture shows its thing, not a thing ("a close-up of a bumblebee", "a view of
# the harbour"): the thing after "of" is the subject (an English closed class, like the joins).
VIEWS = set(
    "close closeup view picture image painting drawing sketch study shot photo detail macro depiction illustration "
    "snapshot glimpse".split()
)


def shown_thing(phrase: str) -> str | None:
    """The thing a phrase shows when it opens with how the picture shows it ("a close up of a bumblebee": "a
    bumblebee", "a view of the old harbour": "the old harbour"), else None."""
    halves = container_halves(phrase)
    if halves is None:
        return None
    words = [w for w in re.findall(r"[a-z]+", halves[0].lower()) if w not in ("a", "an", "the", "up", "quick")]
    return halves[1] if words and set(words) <= VIEWS else None


def is_part(phrase: str, of: str = "parts") -> bool:
    """True when a phrase names a part of a building ("a huge round stained glass window", "a thatched roof",
    `scenes.yaml` parts), or with `of="body_parts"` of an animal's or a person's body ("big yellow eyes"): beside
    its owner it is the owner's own, never a second thing standing apart. Its colours are left aside ("blue and
    white tiles" are tiles)."""
    from tools.palette import colours_joined, is_colour_word

    words = phrase.split()
    plain = " ".join(w for i, w in enumerate(words) if not is_colour_word(w) and not colours_joined(words, i))
    return max(float(similarities(text, scene_words()[of]).max()) for text in {phrase, plain or phrase}) >= PART


def landform_of(phrase: str) -> tuple[str, str, float] | None:
    """(landform, its family, similarity) of the landform a phrase asks for ("a huge waterfall", "the Grand
    Canyon"), by meaning (`tools/data/scenes.yaml` landforms), or None."""
    near, best = scene_words()["thresholds"]["landform"], None
    for landform, table in scene_words()["landforms"].items():
        score = float(similarities(phrase, table["examples"]).max())
        if score >= near:
            near, best = score, (landform, table["family"], score)
    return best


def is_furniture(words: str) -> bool:
    """True when a drawing's name is a piece of furniture by meaning (`tools/data/scenes.yaml` furniture): in a
    room it stands on the floor, large, not on the table like a cup."""
    return float(similarities(words, scene_words()["furniture"]).max()) >= FURNITURE


def is_quality(phrase: str) -> bool:
    """True when a phrase tells how the picture looks (its light, colours, air), not a thing (`scenes.yaml`
    qualities): "warm light in the windows" is painted by the light, never "left out"."""
    return float(similarities(phrase, scene_words()["qualities"]).max()) >= QUALITY


def is_land_matter(phrase: str) -> bool:
    """True when a phrase names what land is made of (`scenes.yaml` land_matter, by meaning): beside a carved
    landform, rocks and ice are its own rock and ice, never drawings of stones or ice cubes set on it."""
    return float(similarities(phrase, scene_words()["land_matter"]).max()) >= PHENOMENON


def is_phenomenon(phrase: str) -> bool:
    """True when a phrase names something in the air, not a thing (`scenes.yaml` phenomena, by meaning): smoke,
    mist, steam, rain, light are painted by the weather and the light, never drawn as a cigarette or a bulb."""
    return float(similarities(phrase, scene_words()["phenomena"]).max()) >= PHENOMENON


def town_phrase(phrases: list[tuple[str, str]], scene_similarities: list[float]) -> str | None:
    """The first phrase that names a town or a village ("a small town", "a fishing village") nearer than it names
    any scene (a city, a harbour: `scene_similarities`, the phrases' nearest scene example)."""
    for (phrase, _), scene in zip(phrases, scene_similarities):
        town = float(similarities(phrase, scene_words()["towns"]).max())
        if town >= TOWN and town > scene and _says_town(phrase) and not _one_building(phrase):
            return phrase
    return None


def _one_building(phrase: str) -> bool:
    """True when the phrase's last word is a building other than a house ("a village church", "a mountain
    village chalet"): that building, not a village's houses."""
    words = re.findall(r"[a-z]+", phrase.lower())
    buildings = {w for key, names in scene_words()["dwellings"].items() if key != "noto:house" for w in names}
    return bool(words) and singular(words[-1]) in buildings


def _says_town(phrase: str) -> bool:
    """True when a word of the phrase means a town or a village more than a city ("village", "town"; not
    "harbour", "city")."""
    words = re.findall(r"[a-z]+", phrase.lower())
    if not words:
        return False
    near = embed(words) @ embed(["town", "village", "city"]).T
    return bool(((near[:, :2].max(1) >= TOWN_WORD) & (near[:, :2].max(1) > near[:, 2])).any())


def town_land(phrase: str) -> str:
    """The landscape a town stands in: the nearest family to the phrase other than the city ("a harbour town"
    by the sea, "a village in the hills" in a meadow)."""
    families = {f: ex for f, ex in scene_words()["families"].items() if f in LANDS}
    examples = [e for ex in families.values() for e in ex]
    owners = [f for f, ex in families.items() for _ in ex]
    near = similarities(phrase, examples)
    return owners[int(near.argmax())] if near.max() >= LAND else "meadow"


LAND = 0.6  # a town's land is its phrase's nearest landscape when this near ("a harbour town"), else a meadow
LANDS = ("sea", "mountains", "forest", "meadow", "lake", "desert")  # (a snowy village: snow by its weather word)
