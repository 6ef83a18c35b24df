"""A subject's words cut into phrases at its joins: the thing asked, companion things, settings, actions."""

from __future__ import annotations

import re

from tools.embedding_search import embed, similarities
from tools.palette import colours_joined
from tools.scene_words import scene_examples
from tools.thing_phrases import is_part, is_person, place_of

STOP_WORDS = {
    "a",
    "an",
    "the",
    "at",
    "in",
    "on",
    "of",
    "with",
    "and",
    "by",
    "under",
    "during",
    "over",
    "some",
    ",",
    ";",
    ".",
}


# Where a subject's phrases join, and what the joined phrase is to the first: a companion thing ("a cat and a dog",
# "a desk with a lamp", "boats, gulls") or a setting ("a lighthouse on a cliff", "camels crossing the dunes"),
# which says where, never what to draw.
COMPANIONS = {",", ";", ".", "and", "with", "plus", "where"}
SETTINGS = set(
    "on in at by under over near beside from along across against through into onto above below behind beneath "
    "among amid between inside outside upon within to towards toward past around after during".split()
)
TWO_WORD_SETTINGS = {"next", "close"}  # "next to", "close to": beside the first, a thing or where (`_beside`)
# Of those, the ones that after a thing name what it is gathered at, drawn with it ("friends around a campfire", "a
# man by a campfire"), or where it is ("around the lake"): read like "next to" (`_beside`)
GATHERED = {"around", "by", "beside"}
PARTICLES = {"up", "down", "out", "off", "away", "about"}
POSSESSIVES = {"her", "his", "their", "my", "our", "your", "its"}  # a doing word before one acts on a thing
CLAUSE_SUBJECTS = {"she", "he", "they", "we", "i", "you"}  # a pronoun after a thing opens a clause about it
RELATIVES = {"that", "which", "who", "whose"}  # ... and so does a relative ("a field that goes on forever"); but
# "a beach where kids play": the kids are drawn, "where" joins a companion (`COMPANIONS`)
DEGREES = {"half", "partly", "partially", "mostly", "nearly", "almost", "fully", "barely"}  # how far a state goes
STATES = {"asleep", "awake", "afloat", "open", "shut", "closed", "empty", "full", "submerged"}  # (not participles)
# Words that deny what follows ("not a cloud in sight", "a beach with no people", "a garden without a fence"):
# the phrase they open is left out, never drawn (an English closed class, like the joins above).
NEGATIONS = {"not", "no", "without", "nor", "never", "nothing", "none"}
# Words that say how or where a thing is, after it ("a cat asleep", "pans hanging everywhere", "a tree alone"):
# never part of its name, so left out of the phrase (an English closed class, like the joins above).
AFTERWORDS = set(
    "asleep awake alone afloat adrift aglow ablaze aloft ashore everywhere together nearby overhead here there "
    "somewhere anywhere outdoors indoors upstairs downstairs forever endlessly".split()
)
# What things are made of: two joined before a thing are that thing's materials ("a glass and steel footbridge",
# "a stone and timber cottage"), one thing, not a glass and a footbridge (an English closed class, like the joins).
MATERIALS = set(
    "glass steel iron wood wooden timber stone brick marble concrete copper brass bronze silver gold tin metal "
    "chrome aluminium aluminum plastic paper leather wicker bamboo clay straw granite oak pine cedar".split()
)
# Nouns that end like a participle ("a tall building"), so they are never cut off as one.
ING_NOUNS = set(
    "building painting ring king wing swing thing string spring wedding pudding ceiling clearing landing railing "
    "awning sapling seedling duckling gosling viking herring icing evening morning lightning dwelling sling "
    "earring offering stocking sting".split()
)
# Nouns that end like a past participle ("the seabed"), so they are never cut off as one.
ED_NOUNS = set(
    "seabed riverbed flowerbed streambed lakebed hotbed seaweed tumbleweed duckweed homestead farmstead bobsled "
    "watershed woodshed cowshed bikeshed toolshed".split()
)
# Words naming a person: after one, such a noun is what they do ("a woman painting at an easel", "a man building a
# wall"), not a thing to paint (an English closed class, like the joins above).
PERSON_NOUNS = set(
    "man men woman women girl girls boy boys child children kid kids lady guy person people artist painter "
    "grandma grandpa grandmother grandfather mother father mum mom dad daughter son friend couple he she".split()
)


# Past participles that do not end in -ed ("a trawler caught in a storm", "a boat stuck in the ice"): an English
# closed class, like the joins above
IRREGULAR_PARTICIPLES = set(
    "caught stuck lost left built bound swept torn worn sunk broken hidden fallen forgotten bent blown buried "
    "driven hung laid lit overgrown shaken struck thrown wound frozen".split()
)


THING_NAME = 0.97  # a word this near a drawing's name is that thing's name ("donkey"; "wooden" 0.91 is not)
PLACE = 0.85  # a word this near a scene's or a room's example is a place ("a hospital waiting room" is a room)


def participle(words: list[str | None], i: int) -> bool:
    """True when words[i] is a verb form after the thing it tells of ("a dog running", "a boat pulled up"), not
    the thing's name: an -ing or -ed word after a content word, followed by the end, a join or a particle; or an -ing
    word right after a thing's name (no person's), followed by what it acts on ("a donkey carrying firewood": the
    donkey leads; "an old rotting boat" is a boat)."""
    w = words[i]
    ing_noun = w in ING_NOUNS and not (i > 0 and words[i - 1] in PERSON_NOUNS)  # "a woman painting": her doing
    after = words[i + 1] if i + 1 < len(words) else None
    short = w is not None and len(w) == 5 and after in SETTINGS | PARTICLES  # "going up a hill", "lying on a rug"
    doing = w is not None and w.endswith("ing") and (len(w) > 5 or short) and not ing_noun
    done = w is not None and w.endswith("ed") and len(w) > 4 and w not in ED_NOUNS
    if w is None or not (doing or done or w in IRREGULAR_PARTICIPLES):
        return False
    before = [v for v in words[:i] if v not in STOP_WORDS and v not in COMPANIONS]  # None: a time or weather word
    if not before:
        return False
    if after is None or after in STOP_WORDS | SETTINGS | COMPANIONS | PARTICLES | POSSESSIVES:
        return True  # (after a person too: "a woman walking her dog" walks a dog that is drawn)
    acts_on = w.endswith("ing") and not after.endswith("ly")  # "a candle burning brightly" says how, not on what
    # a person's doing is read with them (`figure_words`): "a couple walking hand in hand" holds no hands
    thing = words[i - 1] is not None and words[i - 1] not in PERSON_NOUNS and _names_thing(words[i - 1])
    thing = thing or words[i - 1] not in PERSON_NOUNS and _animal_before(words, i)  # "two guinea pigs eating ..."
    thing = thing and not is_person(words[i - 1]) or _land_before(words, i)  # "salt flats stretching ..."
    # ... not a thing named with a doing word ("a wooden rocking chair", "a hospital waiting room")
    return acts_on and thing and not _names_thing(f"{w} {after}") and not _is_place(after)


def _land_before(words: list[str | None], i: int) -> bool:
    """True when the words before words[i], back to a join, name a kind of land ("salt flats", "a peat bog":
    `thing_phrases.place_of`) that a doing word after them tells of."""
    start = max((j + 1 for j in range(i) if words[j] is None or words[j] in COMPANIONS | SETTINGS), default=0)
    before = [w for w in words[start:i] if w not in STOP_WORDS]
    return bool(before) and place_of(" ".join(before)) is not None


def _animal_before(words: list[str | None], i: int) -> bool:
    """True when the words before words[i] end in an animal's name, one word or two (WordNet: "two guinea pigs",
    "a border collie"), which no drawing's name spells: its doing word acts on a thing of its own."""
    from tools import word_net
    from tools.plurals import singular

    before = [w for w in words[max(0, i - 2) : i] if w is not None]
    if not before or not word_net.installed():
        return False
    last = singular(before[-1])
    names = [" ".join([*before[:-1], last]), last] if len(before) > 1 else [last]
    return any(s.lexicon == "animal" for name in names for s in word_net.senses(name)[:2])


def _names_thing(words: str) -> bool:
    """True when the words are a drawable thing's name, by meaning (`object_matching.nearest_names`)."""
    from tools import object_matching  # (late: the phrase cutting itself needs no drawings)

    if not object_matching.available():
        return False
    return bool(object_matching.nearest_names(embed([words]))[0] >= THING_NAME)


def _beside(text: str) -> str:
    """What a thing "next to" (or "by", "around") the first is: a place it stands by ("a railway line", "a small
    town") or a part of a building ("the front door") says where, a thing ("a red barn", "a brass oil lamp") is a
    companion, drawn beside it."""
    words = [w for w in text.split() if w not in STOP_WORDS]
    place = place_of(text) is not None or bool(words) and _is_place(words[-1])
    return "setting" if place or is_part(text) else "companion"  # "by the front door": where, by a house's door


def _is_place(word: str) -> bool:
    """True when the word is a place, a scene's or an indoor stage's, by meaning ("room", "fields")."""
    return bool(similarities(word, scene_examples()[1]).max() >= PLACE)


# How far a thing reaches or how far off it is, said after it (an English closed class, like the joins above):
# "camels far off" are camels
EXTENTS = (
    ("far", "off"),
    ("far", "away"),
    ("all", "the", "way"),
    ("as", "far", "as"),
    ("for", "miles"),
    ("mile", "after", "mile"),
    ("to", "the", "horizon"),
    ("towards", "the", "horizon"),
    ("toward", "the", "horizon"),
)


def _extent(words: list[str | None], i: int) -> bool:
    """True when words[i] opens a phrase that says how far a thing reaches ("all the way to the horizon") or how far
    off it is ("far off")."""
    return any(tuple(words[i : i + len(e)]) == e for e in EXTENTS)


def _materials_joined(words: list[str | None], i: int) -> bool:
    """True when words[i] is an "and" between two materials that go on to name a thing ("a glass and steel
    footbridge"), not one ending a thing's phrase ("a house of stone and glass" ends there: nothing follows)."""
    if not 0 < i < len(words) - 2 or words[i] != "and":
        return False
    after = words[i + 2]
    made = words[i - 1] in MATERIALS and words[i + 1] in MATERIALS
    return made and after is not None and after not in STOP_WORDS | COMPANIONS | SETTINGS


def _still_after_doing(words: list[str], i: int) -> bool:
    """True for "still" right after a doing word ("a heron standing still"): how it stands, not a still life."""
    return words[i] == "still" and i > 0 and words[i - 1].endswith("ing")


def subject_phrases(words: list[str], used: set[int]) -> list[tuple[str, str]]:
    """The subject without its time and weather words, cut at its joins into (phrase, kind): the 'subject'
    (the first), 'companion' things joined to it, and 'setting' phrases that say where. A participle
    ("crossing", "pulled up") ends its thing's phrase and opens a setting; a simile ("like a mirror"), a denied
    thing ("not a cloud", "with no people") and a clause after a thing ("a frog | she caught") are dropped."""
    kept = [None if i in used or w in AFTERWORDS or _still_after_doing(words, i) else w for i, w in enumerate(words)]
    found, current, kind = [], [], "subject"

    def close(next_kind: str) -> None:
        nonlocal current, kind
        text = " ".join(current).strip()
        made_of = kind == "companion" and bool(current) and set(current) <= MATERIALS  # "a house of stone and glass"
        if text and set(current) - STOP_WORDS and kind not in ("simile", "negated", "extent", "clause") and not made_of:
            found.append((text, kind))
        current, kind = [], next_kind

    i = 0
    while i < len(kept):
        w = kept[i]
        if w is None:
            pass
        elif w in ("full", "filled") and i + 1 < len(kept) and kept[i + 1] in ("of", "with"):
            close("companion")  # "a greenhouse full of ferns": the ferns are in it, the phrase is the greenhouse
            i += 1
        elif w == "like" and current and i + 1 < len(kept) and kept[i + 1] in ("a", "an", "the"):
            close("simile")  # "a salt flat reflecting the sky like a mirror": no mirror to draw
        elif _extent(kept, i):
            close("extent")  # "all the way to the horizon", "as far as the eye can see": how far, no thing
        elif (w in CLAUSE_SUBJECTS or w in RELATIVES) and current:
            close("clause")  # "a frog she caught", "a field that goes": what it does, no thing, until the next join
        elif w in NEGATIONS:
            close("negated")  # "not a cloud", "with no people": nothing to draw until the next join
        elif current and (colours_joined(kept, i) or _materials_joined(kept, i)):
            current.append(w)  # "green and red parrots", "a glass and steel bridge": one thing of two colours
        elif w in COMPANIONS:
            close("negated" if kind == "negated" and not current else "companion")  # "with no": still denied
        elif w in GATHERED:  # "around a campfire": the fire drawn with them; "around a lake": where (`_beside`);
            close("beside" if current else "setting")  # after a doing word ("buzzing around a bush"): where
        elif w in SETTINGS or w in ("up", "down") and i + 1 < len(kept) and kept[i + 1] in ("a", "an", "the"):
            close("setting")  # "up a hill path", "down the river": where
        elif w in TWO_WORD_SETTINGS and i + 1 < len(kept) and kept[i + 1] == "to":
            close("beside")  # "a silo next to a barn": both drawn; "next to a highway": where (`_beside`)
            i += 1
        elif w in PARTICLES and current and (i + 1 == len(kept) or kept[i + 1] in {None} | COMPANIONS | SETTINGS):
            pass  # "the curtain down", "chairs up on the desks", "the lights off": how the thing is, not its name
        elif w in DEGREES and current and i + 1 < len(kept) and (words[i + 1] in STATES or participle(kept, i + 1)):
            i += words[i + 1] in STATES  # "an anchor half buried", "a cat half asleep": how far, not the thing's name
        elif participle(kept, i):
            close("action")  # what the participle acts on: a place ("crossing the dunes") or a thing ("a kite")
            while i + 1 < len(kept) and kept[i + 1] in PARTICLES:
                i += 1
        else:
            current.append(w)
        i += 1
    close(kind)
    found = [(text, _beside(text) if kind == "beside" else kind) for text, kind in found]
    opening = next((w for w in kept if w is None or w in SETTINGS or w not in STOP_WORDS), None)
    if found and opening in SETTINGS and found[0][1] == "setting":  # "inside a greenhouse": the place is the subject
        found[0] = (re.sub(r"^of ", "", found[0][0]), "subject")
    return found


INSIDE = {"inside", "within"}  # a subject opening so is the inside of a place: a room, whatever the place
INTERIOR = {"interior", "interiors"}  # ... and one that says so ("a busy cafe interior")


def opens_inside(words: list[str]) -> bool:
    """True when the subject opens by going inside a place ("the inside of an old train carriage", "inside a
    busy kitchen"): the place is a room to paint, not a thing seen from outside."""
    opening = next((w for w in words if w not in STOP_WORDS), None)
    return opening in INSIDE


def says_interior(phrase: str) -> bool:
    """True when a subject phrase calls itself an interior ("a busy cafe interior", "a church interior"): the
    place is a room to paint, whatever people or tables the request adds."""
    return bool(INTERIOR & set(phrase.lower().split()))
