"""A brief's subject -> the painter's scene: family, time of day and weather, by meaning.

The subject is read whole. Words of it that say when ("at dusk", "midnight") or under what sky ("foggy")
are found word by word with sentence embeddings against a few example words per time and weather;
the rest is cut into phrases at its joins ("a lighthouse | a cliff", "two cats | a windowsill"), and each
phrase is a scene (nearest example phrases per family, or an indoor stage: a room, a portrait) or a
thing to draw (`object_matching`, nearest object name), whichever it is nearer to. With neither, the
painting is the mood's abstract kind, and the result says so.
Times and weathers the subject does not give come from the mood (a sad scene under clouds).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

import numpy as np

from models.painter.built_by_hand import painted_name
from models.painter.object_library import ObjectEntry, stand_in
from models.painter.perches import CONTAINERS, SHADE
from models.painter.sitter import sits_for_a_portrait
from tools.embedding_search import embed, similarities
from tools.figure_words import FAMILY_SIZES, GARMENTS, held_by, read_person, sitter_place
from tools.indoor_places import indoor_place, wares
from tools.mood_lexicon import read_mood
from tools.object_matching import MAX_COUNT, head_words, singular
from tools.perch_words import CONTAINER_NOUNS, perch_of
from tools.person_nouns import compound_person, names_person
from tools.plain_words import plain_phrase
from tools.plurals import plural
from tools.scene_words import SCENES_PATH, scene_examples, scene_words  # noqa: F401 (painting_mapping reads SCENES_PATH)
from tools.subject_phrases import ING_NOUNS, SETTINGS, STOP_WORDS, opens_inside, says_interior, subject_phrases
from tools.thing_phrases import (
    FORMS,
    TOWN_HOUSES,
    container_halves,
    framing_stage,
    is_furniture,
    is_land_matter,
    is_part,
    is_person,
    is_phenomenon,
    is_quality,
    kind_of,
    landform_of,
    named_colour,
    names_colours_only,
    place_of,
    room_feature,
    room_of,
    shown_thing,
    town_land,
    town_phrase,
    usual_colour,
)
from tools.word_net import THINGS, is_kind, senses

# The brief's older painting styles, used when the subject names no scene.
STYLE_FAMILIES = {"color_field": "colour_field", "geometric": "geometric", "strokes": "gestural", "horizon": "meadow"}


@dataclass(frozen=True)
class SceneReading:
    family: str
    time: str
    weather: str
    matched: bool  # False: no subject, or none close enough (the mood's abstract kind)
    similarity: float
    time_from_words: bool
    weather_from_words: bool
    stage: str = "landscape"  # or "interior", "portrait": a scene that is no landscape
    objects: tuple = ()  # object_matching.ObjectMatch, the things to draw, in the subject's order
    landform: str | None = None  # a landform asked as the subject ("a waterfall"), carved as the picture's centre
    landform_colour: tuple[float, ...] | None = None  # (hue, saturation, value) its words name ("lavender fields")
    left_out: tuple = ()  # (phrase, nearest drawing's words) of asked things too far from anything we can draw
    setting: str | None = None  # a portrait's place behind the sitter (`figure_words.sitter_place`), else a wall
    room: str | None = None  # the room an interior is ("kitchen", "room" for a plain one), None for a table's
    place: str | None = None  # the outdoor place a landscape is, in words ("a tram stop"), None for none
    season: str = "any"  # "autumn" when the words say so: the land's colours turn (`_season`)
    trees: str = "any"  # "pines" when the words name them: the wood is of pines (`_trees`)

    def things_in_words(self) -> list[str]:
        """The things drawn, as a reply names them: "3 palm tree", "basket", a person by the words ("an old
        farmer"); several drawings of one phrase (a town's houses) by that phrase's words ("houses of a small town")."""
        said, words = set(), []
        for m in self.objects:
            shared = sum(o.phrase == m.phrase for o in self.objects) > 1
            if shared and m.phrase not in said:
                said.add(m.phrase)
                words.append(f"houses of {m.phrase}" if m.role == "building" else m.phrase)
            elif not shared:
                name = _person_words(m.phrase) if m.person is not None else painted_name(m.entry)  # a violinist
                name = f"{m.count} {name}" if m.count > 1 else name
                name = plural(name) if m.role == "still_life" and m.perch in CONTAINERS else name  # lemons in a bowl
                where = "in" if m.perch in CONTAINERS else "under" if m.perch in SHADE else "on"  # "cat in a box"
                words.append(f"{name} {where} a {m.perch}" if m.perch is not None else name)
        return words


def mood_abstract_kind(valence: float, arousal: float) -> str:
    if arousal > 0.35:
        return "gestural"
    if valence > 0.2 and arousal > -0.2:
        return "geometric"
    return "colour_field"


def mood_time(valence: float, arousal: float) -> str:
    """Dawn for quiet contentment, else day: a sad mood shows in grey light (the weather), not in a warm dusk."""
    if arousal < -0.3 and valence > 0:
        return "dawn"
    return "day"


def mood_weather(valence: float, arousal: float, family: str | None = None) -> str:
    """The sky a mood brings, unless the scene's subject is the clear sky itself (a starry night)."""
    if family == "night_sky":
        return "clear"
    if valence < -0.3 and arousal > 0.3:
        return "stormy"
    if valence < -0.3:
        return "misty" if arousal < -0.3 else "cloudy"
    return "clear"


@functools.lru_cache(maxsize=4)
def _examples(kind: str) -> tuple[list[str], object]:
    """(labels, embeddings) of the example words of 'times' or 'weathers', one row per example."""
    table = scene_words()[kind]
    return [label for label, ex in table.items() for _ in ex], embed([e for ex in table.values() for e in ex])


def _scores(vectors, kind: str):
    """[words, labels] best similarity of each word to each label's examples."""
    labels, examples = _examples(kind)
    names = list(dict.fromkeys(labels))
    per_example = vectors @ examples.T
    return names, np.stack([per_example[:, [j for j, lab in enumerate(labels) if lab == n]].max(1) for n in names], 1)


TIME_MODIFIERS = {"late", "early", "very"}  # "late at night", "early in the morning", "very early morning"
TIME_LINKS = {"at", "in", "the", "this"}


def _condition_words(words: list[str]) -> tuple[str | None, str | None, set[int]]:
    """Time and weather named by single words of the subject (a word names one or the other), and which words."""
    content = [i for i, w in enumerate(words) if w not in STOP_WORDS | SETTINGS and not _worn(words, i)]
    content = [i for i in content if not _names_place(words, i)]  # "hot springs": no spring's clear sky
    if not content:
        return None, None, set()
    vectors = embed([words[i] for i in content])  # (read_scene has embedded them, with the whole subject, at once)
    threshold = scene_words()["thresholds"]["word"]
    found, used = {}, set()
    candidates = [(kind, *_scores(vectors, kind)) for kind in ("times", "weathers")]
    # "a snowman" is a thing, not snow: a word that is a drawing's very name, and no time's or sky's ("moon" is both);
    # so is a word whose usual sense is a creature or a made thing ("starlings" are birds, not stars at night)
    named = (_named_things(vectors) >= SAME_WORD) | np.array([_usually_a_thing(words[i]) for i in content])
    named = named[:, None]
    candidates = [(kind, names, np.where(named & (sc < SAME_WORD), -1.0, sc)) for kind, names, sc in candidates]
    everything, every_word = list(candidates), list(content)
    while candidates:
        best = max(candidates, key=lambda c: c[2].max() if c[2].size else -1)
        kind, names, scores = best
        candidates.remove(best)
        if not scores.size or scores.max() < threshold:
            continue
        w, label = divmod(int(scores.argmax()), scores.shape[1])
        found[kind], used = names[label], used | {content[w]}
        keep = [k for k in range(len(content)) if content[k] not in used]
        candidates = [(k, n, sc[keep]) for k, n, sc in candidates]
        content = [content[k] for k in keep]
    for _, _, scores in everything:  # a second word of the sky ("a storm with lightning") is no thing either
        used |= {i for i, row in zip(every_word, scores) if row.max() >= threshold}
    return found.get("times"), found.get("weathers"), used | _time_modifiers(words, used)


def _names_place(words: list[str], i: int) -> bool:
    """True when word i ends a place's name with the word before it ("hot springs": no spring sky, no hot dog)."""
    before = words[i - 1] if i > 0 else ""
    if not before.isalpha() or before in STOP_WORDS | SETTINGS:
        return False
    place = place_of(f"{before} {words[i]}")
    return place is not None and place.similarity >= PLACE_NAMED


def _worn(words: list[str], i: int) -> bool:
    """True when word i names what a garment is for, not the weather ("rain boots", "a sun hat", "snow boots")."""
    after = words[i + 1] if i + 1 < len(words) else ""
    return after in WORN or after.rstrip("s") in WORN


def _time_modifiers(words: list[str], used: set[int]) -> set[int]:
    """Which words say how late or early a time word is ("an office late at night": no "office late" to draw)."""
    said = set()
    for i in used:
        k = i - 1
        while k >= 0 and words[k] in TIME_LINKS:
            k -= 1
        if k >= 0 and words[k] in TIME_MODIFIERS:
            said.add(k)
    return said


def _usually_a_thing(word: str) -> bool:
    """True when the word's most usual sense (WordNet) is an animal, a made thing, a food or a plant."""
    found = senses(singular(word))
    return bool(found) and found[0].lexicon in THINGS and found[0].lexicon != "person"


def _named_things(vectors: np.ndarray) -> np.ndarray:
    """[words] each word's similarity to its nearest drawing's name (0 without drawings)."""
    if not object_matching_available():
        return np.zeros(len(vectors), np.float32)
    from tools import object_matching

    return object_matching.nearest_names(vectors)


def family_of(phrase: str) -> tuple[str | None, float]:
    """(family, similarity) of the scene family nearest the phrase by meaning (`scenes.yaml` families)."""
    owners, examples = scene_examples()
    scores = similarities(phrase, examples)
    best = int(scores.argmax())
    return owners[best], float(scores[best])


def _head_similarity(phrase: str, name: str) -> float:
    """How near the phrase's last word is to the drawing's last word, the kinds of thing they name ("a cup" and
    "coffee cup" 1.0, "palms" and "palm" high, "ropes" and "rope bridge" low)."""
    phrase_words, name_words = re.findall(r"[a-z]+", phrase.lower()), re.findall(r"[a-z]+", name.lower())
    if len(name_words) > 1 and name_words[-1] in CLASS_NOUNS + FORMS:  # a palm tree is a palm, a cheese wedge cheese
        if phrase_words and singular(phrase_words[-1]) == name_words[-1]:  # "palm trees" and "palm tree": one kind
            return 1.0
        name_words = name_words[:-1]
    heads = [phrase_words[-1], name_words[-1]]
    a, b = embed(heads)
    return 1.0 if heads[0] == heads[1] else float(a @ b)


def _same_kind(phrase: str, name: str) -> bool:
    return _head_similarity(phrase, name) >= scene_words()["thresholds"]["same_head"]


def _scenes_and_objects(
    phrases: list[tuple[str, str]], seed: int, context: str = "", inside: bool = False, subject_place=None
) -> tuple[list, list, list]:
    """Each phrase judged a scene ((family or stage, similarity)) or a thing to draw (an ObjectMatch). The
    subject phrase is a thing when its nearest drawing is near enough and nearer than any scene; a companion
    ("with a lamp") must be nearer still; a setting ("on a cliff", "crossing the dunes") says where and is drawn
    only when it names a thing no scene holds (a bridge); at most MAX_KINDS kinds of thing are drawn; a part of the
    building or room it goes with (a cathedral's window) is that one's own. A subject that is no scene and too far
    from every drawing is still drawn by its nearest (a typewriter: a keyboard), never nothing, when that is
    NEAREST_FLOOR near. `inside`: the subject is the inside of a place, a room; `subject_place`: the outdoor place
    the subject names (`_place`), if any. Returns (scenes, things, left out:
    (phrase, nearest drawing's words) of things too far from any drawing)."""
    from tools import object_matching

    scenes, things, subject_scene, subject_match, left_out, holds, emblem = [], [], None, None, [], [], False
    in_room, nearest, colours_before = False, None, False
    drawable = object_matching.available()
    thresholds = scene_words()["thresholds"]
    embed([p for p, _ in phrases] + [re.findall(r"[a-z]+", p)[-1] for p, _ in phrases if re.search(r"[a-z]", p)])
    for phrase, kind in phrases:
        colours_before = names_colours_only(phrase, colours_before)
        if is_phenomenon(phrase) or colours_before:  # smoke, mist: the air's; "lots of orange", "and oranges": paint
            continue
        landform = landform_of(phrase) if kind == "subject" else None
        if landform is not None:  # "a huge waterfall": the scene's centre, never a small drawing of one
            scenes.append((landform[1], landform[2]))
            if landform[0] in DRAWN_IN and subject_place is not None and drawable:  # a coral reef: its coral
                holds = list(subject_place.holds)
            continue
        if kind == "subject" and _names_forest(phrase):  # "a birch forest": the scene is its trees, no drawing
            subject_scene = family_of(phrase)
            scenes.append(subject_scene)
            continue
        if kind == "setting" and room_of(phrase) is not None:  # "in the kitchen": indoors, but a subject's own
            scenes.append(("interior", thresholds["stage"]))  # stage comes first ("a portrait of a welder")
            continue
        room = room_of(phrase, inside) if kind == "subject" else None
        place = subject_place if kind == "subject" else None
        if room is not None and place is not None and place.similarity > room[1]:  # a tram stop is no tram
            room = None
        if room is not None:  # "a messy kitchen": the room itself, furnished after the things the words list
            scenes.append(("interior", room[1]))
            empty = not drawable or EMPTY & set(phrase.split())
            holds, in_room = ([] if empty else _room_holds(phrase, room[2])), True
            continue
        if place is not None:  # "an old petrol station": its land, holding what such a place holds (its pumps)
            scenes.append((place.family, place.similarity))
            holds, emblem = (list(place.holds) if drawable else []), bool(place.holds and drawable)
            continue
        owner = in_room or bool(things and things[0].role in ("building", "floats"))  # a house, a sailboat
        if kind == "companion" and owner and is_part(phrase):  # a cathedral's rose window, a windmill's sails
            continue
        role = things[0].role if things else None
        if kind == "companion" and role in BODIED and is_part(phrase, of="body_parts"):  # an owl's big yellow eyes
            continue
        if kind == "companion" and role in ANIMAL_ROLES and _young_one(phrase):  # her baby
            things[0] = replace(things[0], count=min(MAX_COUNT, things[0].count + 1))
            continue
        if kind == "action" and phrase.split()[0] in INTENSIFIERS:  # "standing very still" says how, not where
            continue
        family = heard = family_of(phrase)
        if kind == "action":  # "flying a kite" holds a thing, "crossing the dunes" a place ("an ice cream" no snow)
            place_like = (family[1] >= thresholds["stage"] or place_of(phrase) is not None) and not _acted_on(
                phrase, family
            )
            kind = "setting" if place_like or landform_of(phrase) is not None else "companion"  # crossing a road
        if kind == "setting" and not _stage_by_its_noun(phrase, family):  # "a wooden fence" is no room
            family = (None, 0.0)
        setting_place = place_of(phrase) if kind == "setting" else None
        indoors = heard[0] == "interior" and heard[1] >= thresholds["stage"]  # "in a pan" is no salt pan
        moved = setting_place is not None and setting_place.similarity >= family[1] + PLACE_MARGIN and not indoors
        if moved:  # "on a moor": the moor's land; "on a desert highway" stays in the desert
            family = (setting_place.family, setting_place.similarity)
        elif kind == "setting" and things and family[0] in scene_words()["families"]:
            family = (_home_if_it_fits(phrase, things[0], family[0]), family[1])
        same_kind = None if kind == "subject" else _same_kind
        match = (
            object_matching.match_objects([phrase], seed, context=context, accept=same_kind, spelled=kind != "setting")[
                0
            ]
            if drawable
            else None
        )
        placeless = kind == "setting" and drawable and family[1] < thresholds["family"]
        sofa = _seat_named(phrase, seed, context) if placeless else None
        if sofa is not None:  # "on sofa cushions", no place by its words: on the sofa, in a room
            phrase, match, family = sofa.phrase, sofa, ("interior", max(family[1], thresholds["stage"]))
        halves = _container(phrase, match, seed, context) if kind in ("subject", "companion") else None
        if halves:  # a basket of apples: the basket, and the apples
            things.extend(halves[: MAX_KINDS - len(things)])
            continue
        head = _head_similarity(phrase, match.entry.words) if match is not None and kind != "subject" else 1.0
        needed = thresholds["object_more"] if kind == "companion" or things else thresholds["object"]
        if kind == "companion" and head >= 1.0:  # "with the Eiffel tower": a tower, the nearest we have
            needed = thresholds["object"]
        seat = kind == "setting" and _indoor_seat(match, family)
        if kind == "setting":  # where a thing is: drawn only when it is a thing to be in (a rowing boat), not a place
            boat = match is not None and match.role == "floats"
            needed = (
                max(thresholds["object_setting"], family[1] + thresholds["setting_margin"]) if boat else float("inf")
            )
            needed = thresholds["object_setting"] if seat else needed
        if head < thresholds["same_head"]:  # "ropes" is no rope bridge: the drawing must be the same kind of thing
            needed = float("inf")
        scene_margin = family[1] + thresholds["object_margin"]  # a thing, not a scene, by meaning alone
        headed = kind == "subject" and _head_names(phrase, match, family[0])  # a canal house: a house, by a canal
        if not headed:
            needed = max(needed, scene_margin) if match is None or match.by_meaning >= scene_margin else float("inf")
        indoors = not any(m.role in OUTDOOR_ROLES for m in things)  # a house on fire has no fireplace
        feature = room_feature(phrase) if drawable and kind != "subject" and indoors else None
        if feature is not None and len(things) < MAX_KINDS:  # "by the fire": the room has its fireplace
            things.append(_feature_match(phrase, feature))
            scenes.append(family)
            continue
        # (a building's parts, its red door, went above: a second building, a barn by a silo, is drawn)
        person = set(match.entry.name.split("-")) & PEOPLE if match else set()
        part = bool(match and kind == "companion" and things and things[0].role == match.role == "figure")
        part &= not person  # a man and a woman: two people; a man with a beard: one
        if part:  # an old man's beard: neither a second thing nor a scene
            continue
        who = kind == "subject" and drawable and match is not None and _person_not_drawn(phrase, match)
        if match is not None and match.similarity >= needed and not who:
            if len(things) < MAX_KINDS:
                things.append(match)
            if headed and family[1] >= thresholds["stage"]:  # its modifier's scene is where it stands
                scenes.append(family)
            if kind == "setting":  # a rowing boat is on a lake, a sofa in a room
                scenes.append(("interior", max(family[1], thresholds["stage"])) if seat else family)
            holder = phrase.split(" of ", 1)[0] if " of " in phrase else None
            place = family_of(holder) if holder else (None, 0.0)
            if place[0] in scene_words()["families"] and place[1] >= thresholds["stage"]:
                scenes.append(place)  # a field of sunflowers: a field, a meadow of wildflowers: a meadow
            continue
        person = None
        doer = _doer(phrase)  # "two old women playing chess": two women, whatever the chess's drawing
        someone = who or is_person(doer) or doer != phrase and names_person(doer)
        if kind == "subject" and drawable and someone:  # (a bust, in a landscape made whole below)
            person = object_matching.match_objects([phrase], seed, role="figure", context=context)[0]
        if person is not None:  # "a gardener" is nearer a garden than any drawing, but a person is asked for
            things.append(person)
            scenes.append(family)
            continue
        if kind == "subject" and _scene_itself(family):  # the subject is a scene itself: it leads
            subject_scene, subject_match = family, match
        elif kind != "setting" and match is not None and family[1] < thresholds["stage"]:
            if is_quality(phrase):  # "warm light in the windows": how it looks, no thing to draw or to miss
                scenes.append(family)
                continue
            of_kind = _of_its_kind(phrase, seed, context)  # a gondola: the nearest boat, and the reply says so
            if of_kind is not None and len(things) < MAX_KINDS:
                things.append(of_kind)
                continue
            if kind != "subject" and is_land_matter(phrase):  # "turquoise water": the scene's own, nothing left out
                continue
            left_out.append((phrase, match.entry.words))  # a thing we cannot draw: the reply names the nearest
            nearest = match if kind == "subject" else nearest
            if kind == "companion" and family[1] < thresholds["scene_beside_things"]:  # "with a silo": no sea
                continue
        scenes.append(family)
        if kind == "subject" and family[0] == "portrait" and family[1] >= thresholds["stage"] and drawable:
            sitter = phrase.split(" of ", 1)[-1]  # "a portrait of an old sailor": the stage, and who sits for it
            things.append(object_matching.match_objects([sitter], seed, role="figure")[0])
    things = [_counted_by_doer(m, seed) for m in things]
    asked = bool(things)
    if emblem:  # a railway station's station is drawn before a third thing its words list (a clock)
        things = things[: MAX_KINDS - 1]
    things += _furnishings(holds, things, seed)
    if any(m.role != "figure" and set(m.entry.name.split("-")) & PEOPLE for m in things):
        things = [m for m in things if m.role != "figure"]  # a man in a rowing boat: the boat's drawing has him
    best = max((c[1] for c in scenes), default=0.0)
    stage_words = scene_words()["stages"]
    leads = subject_scene is not None and (
        subject_scene[0] not in stage_words or subject_scene[1] >= best - SUBJECT_LEADS
    )
    if leads:  # a mountain peak under a sky is mountains, a glacier by the sea a snowscape; a cottage by the sea: sea
        scenes = [(subject_scene[0], best)]
    elif subject_scene is not None and subject_match is not None:  # "a cottage by the sea": a thing after all
        left_out.insert(0, (phrases[0][0], subject_match.entry.words))
        nearest = subject_match
    if not asked and _drawn_nearest(nearest):  # an old typewriter: the nearest we can draw, and the reply says so
        things.insert(0, nearest)
    drawn = {m.entry.words for m in things}  # "pots" in a kitchen: its cooking pot is drawn, nothing left out
    return scenes, things, [p for p in left_out if p[1] not in drawn]


def _young_one(phrase: str) -> bool:
    """True when a phrase beside an animal names its young ("her baby", "a calf", "two cubs"): more of the same
    animal, not a person (a mother elephant's baby was drawn as a man standing by her)."""
    words = phrase.lower().split()
    return bool(words) and words[-1] in YOUNG and all(w in YOUNG or w in KIN_OPENERS for w in words)


def _home_if_it_fits(setting: str, subject, family: str) -> str:
    """A building's own water when the setting's words fit it too ("a lighthouse on a rocky ledge": a ledge of a
    sea cliff, not of a mountain), else the setting's nearest family ("a goat on a rocky ledge": mountains; any
    other home overrode too much: an elephant on the savanna went to a forest, a chapel in the mountains to a
    meadow)."""
    if subject.role != "building":
        return family
    home = _scene_for_objects([subject], None)[0]
    if home == family or home not in WATERS:
        return family
    owners, examples = scene_examples()
    scores = similarities(setting, examples)
    fits = max(float(v) for o, v in zip(owners, scores) if o == home)
    return home if fits >= HOME_FITS else family


def _head_names(phrase: str, match, family: str | None) -> bool:
    """True when the phrase's last word is the drawing's whole name and is not itself the phrase's scene family:
    "a tall narrow canal house" is a house, though "canal" makes the phrase nearer a lake than the house by
    meaning; "a sunset beach" stays the sea."""
    from tools import object_matching

    words = object_matching.head_words(phrase)
    if match is None or not words or match.similarity < object_matching.NAMED:
        return False
    head = object_matching.singular(words[-1])
    drawn = {object_matching.singular(w) for w in match.entry.words.lower().split()}
    named = object_matching.drawing_named(head) and head in drawn
    return named and family_of(head)[0] != family


def _person_not_drawn(phrase: str, match) -> bool:
    """True when the subject names a person (WordNet) but its nearest drawing is a thing of their work, not named
    outright and no drawing is of its head noun: "a violinist" is a person playing, not a violin ("a whale" is the
    whale, though also a giant; "a garden gnome" the gnome drawn); the head is the doer's ("a baker pulling bread",
    "three children playing football": children, though a child's drawing exists, not the football)."""
    from tools import object_matching

    person = match.role == "figure" or bool(set(match.entry.name.split("-")) & PEOPLE)
    doer = _doer(phrase)  # "two friends sharing chips": the friends
    words = head_words(doer)
    head = singular(words[-1]) if words else ""
    drawn = object_matching.known_word(head) and head in match.entry.words.split()  # the gnome's drawing, no football
    return not person and not drawn and match.similarity < object_matching.NAMED and names_person(doer)


def _counted_by_doer(match, seed: int):
    """A person's match counted by who does it, not by what they do: "a fisherman mending his nets" is one."""
    from tools.object_matching import count_of

    doer = _doer(match.phrase)
    return replace(match, count=count_of(doer, seed)) if match.role == "figure" and doer != match.phrase else match


def _doer(phrase: str) -> str:
    """The words before the phrase's doing word ("two friends sharing chips": "two friends"), or the phrase."""
    words = phrase.split()
    doing = next((i for i, w in enumerate(words) if i and re.fullmatch(r"[a-z]{3,}ing", w) and w not in ING_NOUNS), 0)
    return " ".join(words[:doing]) if doing else phrase


def _acted_on(phrase: str, family: tuple[str | None, float]) -> bool:
    """True when an action's phrase is the thing acted on and is nearer a drawing than its scene ("sharing an ice
    cream", "eating a strawberry"); where the action goes ("out of the chimney") is no such thing."""
    from tools import object_matching

    if not object_matching.available() or phrase.split(" ", 1)[0] in ACTION_PLACES or _built_place(phrase):
        return False
    return object_matching.nearest_object(phrase)[3] >= family[1] + scene_words()["thresholds"]["object_margin"]


def _built_place(phrase: str) -> bool:
    """True when the phrase's head noun is, in WordNet's sense the phrase means, a made place one goes through or
    along (a road, a bridge, a square), not a thing one holds: "crossing a dusty desert road" crosses a place."""
    from tools import word_net

    words = head_words(phrase)
    if not words or not word_net.installed():
        return False
    sense = word_net.meant_sense(singular(words[-1]), phrase, 2)
    return sense is not None and word_net.is_built(sense)


def _indoor_seat(match, family: tuple[str | None, float]) -> bool:
    """True when a setting is a piece of furniture that stands indoors ("asleep on a sofa", "in an armchair"): the
    thing is drawn on it, in a room. A park bench reads as a garden's, so stays outdoors."""
    return match is not None and family[0] == "interior" and is_furniture(match.entry.words)


def _scene_itself(family: tuple[str | None, float]) -> bool:
    """True when a subject this near a scene family is that scene: a landscape near enough, a room or a portrait
    near enough to be staged, an abstract picture asked in its words ("swirls of colour"), not a thing that is
    only a little near one ("a stack of vinyl records" 0.39 to a room, "a jazz drummer" 0.37 to a colour field)."""
    thresholds = scene_words()["thresholds"]
    if family[0] in scene_words()["stages"]:
        return family[1] >= thresholds["stage"]
    return family[1] >= (ABSTRACT_SUBJECT if family[0] in ABSTRACT else thresholds["family"])


def _seat_named(phrase: str, seed: int, context: str):
    """The match of the furniture a setting names by one of its words ("sofa cushions": the sofa, "the bed
    sheets": the bed, "an old couch": the couch); None when no word is furniture."""
    from tools import object_matching

    words = [w for w in head_words(phrase) if w not in STOP_WORDS]
    for word in words:
        match = object_matching.match_objects([word], seed, context=context)[0]
        if is_furniture(match.entry.words) and match.similarity >= SAME_WORD:
            return match
    return None


def _place(phrase: str, phrases: list[tuple[str, str]]):
    """The place the subject phrase names (`place_of`), when it is nearer that place than any scene family's
    example ("a lake" is a lake, no salt lake) and than any drawing ("a train" is a train, no station). A setting
    that names other land moves it there: "a gas station in the desert" is a desert's, with no road of its own."""
    from tools import object_matching

    place = place_of(phrase)
    if place is None or family_of(phrase)[1] >= place.similarity:
        return None
    if object_matching.available() and object_matching.nearest_object(phrase)[3] >= place.similarity:
        return None
    settings = [p for p, kind in phrases if kind == "setting"]
    lands = [family_of(p) for p in settings] + [c for p in settings for c in _land_words(p)]
    lands = [c for c in lands if c[1] >= LANDSCAPE_WORDS and c[0] not in (place.family, *SKIES)]  # a sky is no land
    lands = [c for c in lands if not {c[0], place.family} <= set(WATERS)]  # a swamp's roots "in the water": its own
    land = max(lands, key=lambda c: c[1], default=None)
    return place if land is None else replace(place, family=land[0], similarity=land[1], landform=None)


def _land_words(phrase: str) -> list[tuple[str, float]]:
    """(family, similarity) of each word of a setting before its last that is itself a land's name ("an empty
    desert highway": the desert), LAND_WORD near a family's example."""
    words = [w for w in re.findall(r"[a-z]+", phrase.lower())[:-1] if w not in STOP_WORDS]
    found = [family_of(w) for w in words]
    return [c for c in found if c[0] in scene_words()["families"] and c[1] >= LAND_WORD]


def _drawn_nearest(match) -> bool:
    """True when a subject no drawing is near enough to is still drawn by its nearest: NEAREST_FLOOR near by
    meaning, and no mood ("hope" is painted by the mood, never as crossed fingers)."""
    if match is None or match.by_meaning < NEAREST_FLOOR:
        return False
    return not read_mood(re.findall(r"[a-z']+", match.phrase.lower())[-1]).known


def _named_room(phrases: list[tuple[str, str]], inside: bool) -> tuple[str, float, list[str]] | None:
    """The room the words name (`room_of`): the subject itself ("a messy kitchen"), else where it is ("a woman
    standing in a kitchen", "an armchair in the living room"; "a kitchen table" names a table, not a room)."""
    subject = room_of(phrases[0][0], inside) if phrases and phrases[0][1] == "subject" else None
    if subject is not None and subject[0] != "room":  # (a plain "room": the inside of a place no room is near)
        return subject
    setting = next((r for p, kind in phrases if kind == "setting" for r in [room_of(p)] if r is not None), None)
    return setting or subject


def _room_holds(phrase: str, holds: list[str]) -> list[str]:
    """What a named room holds: several of what its words say it sells or keeps ("a toy shop": toys, not the jars
    and baskets of any shop), unless a thing the room holds anyway says it ("a wine cellar": its wine bottle, not
    wine glasses); else the room's own things."""
    if any(w.split()[-1] in h.split() for w in wares(phrase) for h in holds):
        return holds
    return [plural(w.split(" ", 1)[1]) for w in wares(phrase)] or holds


def _furnishings(holds: list[str], things: list, seed: int) -> list:
    """What a named room holds ("a bed", "a bookshelf"), drawn by meaning after the things asked, none of a kind
    already asked, up to MAX_KINDS kinds in all."""
    from tools import object_matching

    found = []
    for hold in holds:
        if len(things) + len(found) >= MAX_KINDS:
            break
        match = object_matching.match_objects([hold], seed)[0]
        if not any(match.entry == m.entry or _same_kind(m.phrase, match.entry.words) for m in things + found):
            found.append(match)
    return found


def _room_feature(match) -> bool:
    return f"{match.entry.source}:{match.entry.name}" in scene_words()["room_features"]


def _room_role(match, still_life: bool = False) -> str:
    """Where a thing goes in a room: furniture, the room's own fireplace and anything as big as a building (a
    washing machine, a fridge) on the floor, large; an animal or a figure as it is; anything else ("a ladder" by
    its name floats, "a greenhouse fern" a plant) on the table. In a picture asked as a still life (`still_life`)
    every thing but furniture, a person or an animal is on the table ("a fountain pen" is no building)."""
    if is_furniture(match.entry.words) or _room_feature(match):
        return "building"
    person = match.role == "figure" and (match.person is not None or set(match.entry.name.split("-")) & PEOPLE)
    if still_life:
        return match.role if person or match.role == "stands" and _animal(match) else "still_life"
    if match.role == "building":
        return "building"
    return match.role if match.role == "stands" or person else "still_life"


def _animal(match) -> bool:
    """Whether the drawing's last name word is an animal by its usual sense (WordNet)."""
    found = senses(singular(match.entry.words.split()[-1]))
    return bool(found) and found[0].lexicon == "animal"


def _whole_figures(things: list, seed: int, context: str) -> list:
    """The things with each person drawn as head and shoulders (emoji draw a girl so) swapped for the nearest whole
    figure of the same phrase standing ("a little girl": a person standing), for a landscape."""
    from models.painter.object_library import ObjectEntry
    from tools import object_matching

    def whole(phrase: str, words: str) -> bool:
        return not object_matching.is_bust(ObjectEntry("", words.replace(" ", "-")))

    found = []
    for m in things:
        if m.role == "figure" and object_matching.is_bust(m.entry):
            standing = object_matching.match_objects([f"{m.phrase} standing"], seed, "figure", context, whole)[0]
            kept = {"similarity": m.similarity, "meaning": m.meaning} if m.person is not None else {}  # painted whole
            m = (
                replace(standing, phrase=m.phrase, count=m.count, person=m.person, **kept)
                if whole("", standing.entry.words)
                else m
            )
        found.append(m)
    return found


def _person_words(phrase: str) -> str:
    """The person of a subject phrase, before what they do ("a couple" of "a couple walking hand", "a skater" of
    "a skater mid jump")."""
    words = re.sub(r"^(a |the )?(portrait|painting|picture) of ", "", phrase).split()  # "a portrait of a beekeeper"
    doing = [i for i, w in enumerate(words) if i > 0 and (w.endswith("ing") and len(w) > 4 or w.startswith("mid"))]
    cut = doing[0] if doing else len(words)
    return " ".join(words[:cut])


def _people(phrases: list[tuple[str, str]], things: list, subject: str, seed: int) -> list:
    """The things with the person the subject asks for ("a violinist playing", "an old farmer") drawn as a person
    doing what the words say (`figure_words`), in place of the nearest drawing of their words (a violin, a dog)
    and of what they hold; unchanged when no person is asked, or a drawing holds them (a man in a rowing boat)."""
    from models.painter.object_library import ObjectEntry
    from tools.object_matching import NAMED, ObjectMatch, count_of

    if not phrases or phrases[0][1] != "subject" or not object_matching_available():
        return things
    if any(m.role != "figure" and set(m.entry.name.split("-")) & PEOPLE for m in things):
        return things
    sitter = next((m for m in things if m.role == "figure" and set(m.entry.name.split("-")) & PEOPLE), None)
    phrase = sitter.phrase if sitter is not None else phrases[0][0]  # "a portrait | of an old man"
    first = next((m for m in things if m.phrase == phrase), None)
    drawn = first is not None and first.role == "figure"  # a drawing of a person (a dancer, a woman)
    who = _person_words(phrase)
    unnamed = first is None or first.similarity < NAMED  # an astronaut's own drawing stays his ...
    two_words = compound_person(who)  # "a mail carrier": a person, not the carrier drawing that names his last word
    unnamed |= first is not None and two_words and who.split()[-2] not in first.entry.words
    if not drawn and not (is_person(who) or unnamed and (names_person(who) or two_words)):  # "a woman potter"
        return things
    person = read_person(who, subject, seed)
    entry = first.entry if drawn else ObjectEntry("fluent-emoji-flat", "person-standing")
    count = first.count if drawn else count_of(who, seed)
    count = FAMILY_SIZES[seed % len(FAMILY_SIZES)] if person.family else count
    figure = ObjectMatch(phrase, entry, "figure", 1.0, count, person=person)
    held = person.prop is not None
    kept = [m for m in things if m is not first and m.role not in ("figure",) + (("still_life",) if held else ())]
    kept = [m for m in kept if not (held_by(person, m.entry.words) or held_by(person, m.phrase))]  # her easel: held
    kept = [m for m in kept if m.phrase.split()[-1] not in BODY_PARTS]  # her hands: the figure's own
    return [figure, *kept][:MAX_KINDS]


def _perch(match, subject: str) -> str | None:
    """What the words put a bird or an animal on or in (`tools/perch_words`); a person only under a tree."""
    perch = perch_of(match.phrase, subject) if match.role in ("flies", "stands", "figure") else None
    return perch if match.role != "figure" or perch in SHADE else None


def _at_work_indoors(things: list, subject: str) -> bool:
    """True for one person at work in a kitchen or a shop's back room (a baker pulling bread from the oven, a chef
    cooking): painted whole in that room, not before a portrait's backdrop (blind: "a stiff baker against a
    confusing flat background", keep 2; in the bakery's room the same figure reads as a baker at work)."""
    people = [m for m in things if m.role == "figure"]
    if len(people) != 1 or people[0].count != 1 or sits_for_a_portrait(people[0].person, people[0].entry.name):
        return False
    return sitter_place(subject) == "kitchen"


def _workroom(subject: str) -> str:
    """The room a person at work indoors is in: the nearest room by meaning (a baker's bakery), else a kitchen."""
    room = room_of(subject, inside=True)
    return room[0] if room is not None and room[0] != "room" else "kitchen"


def _seated_elsewhere(phrases: list[tuple[str, str]], things: list) -> bool:
    """True when the subject's person sits doing something (reading, knitting) and no portrait is asked: they are
    painted where they sit, not as a bust."""
    person = things[0].person if things else None
    if person is None or person.pose != "sit" or not phrases:
        return False
    family, near = family_of(phrases[0][0])
    return not (family == "portrait" and near >= scene_words()["thresholds"]["stage"])


def _idle(person) -> bool:
    """True for a person doing nothing that needs a room or a stage: no prop, or a book ("a drummer in a dark club",
    "a potter at her wheel" keep their rooms; the words of their settings lean to far-off land)."""
    return person is not None and person.prop in (None, "book")


WEATHER_OUT = {"rain": "city", "stormy": "city", "misty": "city", "snow": "snow"}  # where one walks in that weather


def _out_in_weather(person, weather: str | None) -> str | None:
    """The family a lone person walking, or standing with nothing in hand, is painted in when the words give rain,
    a storm, fog or snow (`WEATHER_OUT`: "a man walking in the rain" was a bust before a studio wall, no rain);
    None for one at work or sitting ("wet clay" reads as rain: the potter stays at her wheel)."""
    if person is None or weather not in WEATHER_OUT or person.prop is not None or person.pose not in ("walk", "stand"):
        return None
    return WEATHER_OUT[weather]


def _work_family(person) -> str | None:
    """The family a lone person is painted in by what they hold (`scenes.yaml` activities' family: a beekeeper's
    honeycomb frame, the meadow; an accordion, the city), or None."""
    if person is None or person.prop is None:
        return None
    found = (a.get("family") for a in scene_words()["activities"].values() if a.get("prop") == person.prop)
    return next((f for f in found if f), None)


def _where_seated(person, subject: str) -> str:
    """The family a person sitting at their work is painted in: their trade's place (a fisherman mending nets: the
    harbour's sea), else a room for a chair and a garden for a bench or the ground."""
    place = sitter_place(subject)
    if place is not None:
        return SITTER_FAMILIES[place]
    return "interior" if person.seated_on == "chair" else "garden"


def _usual(match) -> tuple[float, float] | None:
    """A silhouette's usual colour when the words name none (colour drawings keep their own)."""
    return usual_colour(match.entry.words) if match.entry.silhouette else None


def _container(phrase: str, match, seed: int, context: str) -> list | None:
    """[holder, held] matches of "a jar of sweets" when no drawing is the whole thing and both halves have one; a
    container the painter draws (`perches.CONTAINERS`: a bowl, a basket) holds a heap of the held thing: [held]."""
    from tools import object_matching

    halves = container_halves(phrase)
    if halves is None or match is None:
        return None
    held = object_matching.head_words(halves[1])
    holder = object_matching.head_words(halves[0])
    kind = CONTAINER_NOUNS.get(holder[-1]) if holder else None
    drawn = match.entry.words.split()
    if match.exact and held and object_matching.singular(held[-1]) in drawn and (kind is None or kind in drawn):
        return None  # a fruit bowl, a wine glass, a coffee cup: one drawing holds both
    found = object_matching.match_objects(list(halves), seed, context=context)
    if kind is not None and found[1].exact and found[1].role == "still_life":  # lemons heaped in a bowl
        return [replace(found[1], perch=kind, count=1)]
    return found if all(m.exact for m in found) else None


def _of_its_kind(phrase: str, seed: int, context: str):
    """The nearest drawing of the phrase's kind ("a gondola": a boat), or None when the phrase is no known kind."""
    from tools import object_matching

    role, plainest = kind_of(phrase)
    if role is None:
        return None
    found = object_matching.match_objects([plainest], seed, role=role, context=context)[0]
    similarity = min(found.similarity, float(similarities(phrase, [found.entry.words])[0]))  # never "exact"
    return replace(found, phrase=phrase, similarity=similarity, count=object_matching.count_of(phrase, seed))


def _feature_match(phrase: str, feature: tuple[str, str, str]):
    from models.painter.object_library import ObjectEntry
    from tools.object_matching import ObjectMatch

    source, name, role = feature
    return ObjectMatch(phrase, ObjectEntry(source, name), role, 1.0, 1)


def _town_houses(phrases: list[tuple[str, str]], scenes: list, things: list) -> tuple[list, list]:
    """A town or village: its small houses (beside a church or an inn asked in it) on the land it stands in."""
    from models.painter.object_library import ObjectEntry
    from tools.object_matching import ObjectMatch

    town = town_phrase(phrases, [family_of(p)[1] for p, _ in phrases])
    if town is None:
        return scenes, things
    # "a mountain village": houses, not a village icon; "lit windows" are its houses' own
    things = [m for m in things if m.phrase != town and not is_part(m.phrase)]
    houses = [ObjectMatch(town, ObjectEntry(src, name), "building", 1.0, n) for src, name, n in TOWN_HOUSES]
    land = (town_land(town), max((c[1] for c in scenes), default=1.0))
    own = family_of(town)[0]  # what the town's words alone would have been: a city, a snowy village
    scenes = [land if c[0] in ("city", own) else c for c in scenes] or [land]
    return scenes, things + houses[: MAX_KINDS - len(things)]


def _scene_for_objects(things: list, weather: str | None, scenes=()) -> tuple[str | None, float]:
    """A scene where the subject (the first thing asked) belongs, when the words name none, or name one only
    weakly (`scenes`: a building keeps the landscape its words lean to, "a church on a Greek island": the sea)."""
    subject, roles = things[0], {m.role for m in things if not _room_feature(m)}  # a door is the room's own
    families = scene_words()["families"]
    lands = [c for c in scenes if c[0] in families and c[0] not in ABSTRACT]
    land = max(lands, key=lambda c: c[1], default=(None, 0.0))
    holding = subject.role in ("figure", "stands") and "still_life" in roles  # kids with an ice cream
    if holding and land[1] >= OUT_THERE:  # ... on a park bench: out there, not at a table
        return land
    woods = max((c for c in lands if c[0] == "forest"), key=lambda c: c[1], default=(None, 0.0))
    if subject.role in ANIMAL_ROLES and woods[1] >= OUT_THERE:  # "a beetle on a mossy log", "in autumn leaves"
        return woods  # (only the woods: weak words for other land are noise, heather is no desert)
    if "still_life" in roles and not roles & {"floats", "swims", "building", "flies"}:  # a dog by the fire: indoors
        return "interior", 1.0
    indoor_weather = weather in (None, "clear")  # (laundry under heavy clouds is out on the line)
    if is_furniture(subject.entry.words) and indoor_weather and not roles & {"floats", "swims", "flies"}:
        return "interior", 1.0  # a washing machine, a loom: indoors
    if subject.role == "figure" and roles <= {"figure", "still_life"}:  # a woman flying a kite is outdoors
        out = _work_family(subject.person) or _out_in_weather(subject.person, weather)  # a beekeeper's meadow
        if out is None and land[1] >= SEAT_OUTDOORS and _idle(subject.person):  # "a woman on a park bench": there
            return land
        return out or "portrait", 1.0
    if weather == "snow":
        return "snow", 1.0
    if subject.role == "building" and lands and max(c[1] for c in lands) >= scene_words()["thresholds"]["family"]:
        return max(lands, key=lambda c: c[1])
    if subject.role == "stands" and _road_vehicle(subject.entry.words):  # a taxi, a tram: a street, not a meadow
        return "city", 1.0
    examples = [e for ex in families.values() for e in ex]
    owners = [f for f, ex in families.items() for _ in ex]
    scores = similarities(subject.entry.words, examples)
    family = owners[int(scores.argmax())]
    grounded = subject.role not in ("flies", "floats", "swims") and family in ("sky", "night_sky")
    weak = scene_words()["thresholds"]["scene_beside_things" if subject.role == "building" else "family"]
    if scores.max() < weak or grounded:  # no scene of its own (a church: the country, not the nearest coast)
        return ROLE_SCENES.get(subject.role, "meadow"), float(scores.max())
    return family, float(scores.max())


def _placeless(phrases: list[tuple[str, str]], things: list, landform, place, inside: bool) -> bool:
    """True when the first thing drawn is the subject and the words name no place for it: no landform, outdoor
    place or room, no other phrase near a scene ("crossing a wide river", "by the fire" are places; "on a fence" is
    none), and nothing on a table beside it ("a puppy chewing a shoe" stays indoors)."""
    if not things or things[0].phrase != phrases[0][0] or landform is not None or place is not None or inside:
        return False
    if any(m.role == "still_life" for m in things):
        return False
    near = scene_words()["thresholds"]["scene_beside_things"]
    for phrase, _ in phrases[1:]:
        family = family_of(phrase)
        woods = family[0] == "forest" and family[1] >= OUT_THERE  # "on a mossy log", "in autumn leaves": the woods'
        if woods or family[1] >= near or landform_of(phrase) or room_of(phrase) or place_of(phrase):
            return False
    return True


def _habitat(match) -> tuple[str, float] | None:
    """(family, similarity) where the animal asked lives: the habitat (`scenes.yaml` habitats) of the example animal
    nearest the words' animal ("a hen", drawn as a bird), else its drawing's name, when HABITAT near; else None."""
    if match.role not in (*ANIMAL_ROLES, "floats", "plant"):  # (a pelican eating is filed with the plants)
        return None
    owners = [f for f, examples in scene_words()["habitats"].items() for _ in examples]
    examples = [e for ex in scene_words()["habitats"].values() for e in ex]
    words = head_words(match.phrase)
    for name in [" ".join(words[-2:]), *words[-1:], match.entry.words.split()[-1]]:  # "a polar bear" before "a bear"
        if any(s.lexicon == "animal" for s in senses(singular(name))):  # any sense: WordNet's first heron is Heron
            scores = similarities(f"a {singular(name)}", examples)  # of Alexandria, its first sloth is laziness
            if scores.max() >= HABITAT:
                return owners[int(scores.argmax())], float(scores.max())
    return None


ON_THE_STREET = {"motor vehicle", "public transport", "tramway", "bicycle", "motor scooter"}  # WordNet kinds


def _road_vehicle(name: str) -> bool:
    """True for a drawing of a thing that drives the streets in its usual sense (a car, a bus, a tram, a bicycle),
    not a tractor or a locomotive."""
    return any(is_kind(usual, ON_THE_STREET, 4, itself=True) for usual in senses(name)[:1])


WATERLESS_FOR_BOATS = {
    "mountains": "lake",
    "forest": "lake",
    "meadow": "lake",
    "garden": "lake",
    "desert": "sea",
    "snow": "lake",
    "sky": "sea",
    "night_sky": "sea",
}  # a city keeps its blocks: the placement lays a canal in front of them (placement_rules.lay_canal)
MAX_KINDS = 3
SAME_WORD = 0.97  # a word this near a name or an example is that very word
ABSTRACT = ("colour_field", "geometric", "gestural")  # families that are no land for a building
ABSTRACT_SUBJECT = 0.5  # a subject is an abstract picture only when this near one's examples
ROLE_SCENES = {"floats": "sea", "swims": "sea", "flies": "meadow"}  # else a meadow: ground to stand on, sky above
PEOPLE = {"man", "woman", "person", "people", "boy", "girl", "child", "family"}  # a drawing with one in its name
# the family of each of `scenes.yaml` sitter_places, where a person sitting at their work is painted whole
SITTER_FAMILIES = {"harbour": "sea", "corridor": "interior", "kitchen": "interior", "street": "city", "park": "garden"}
# what is worn: a weather word before one is the garment's kind, not the sky ("a girl in rain boots")
WORN = set(GARMENTS) | {"boot", "shoe", "gear", "goggles", "cap"}
# a person's own parts: beside a drawn person never a second thing ("hands covered in clay" are the potter's)
BODY_PARTS = {"hand", "hands", "face", "eyes", "arms", "fingers", "feet", "head", "shoulders", "cheeks", "knees"}
CLASS_NOUNS = ("tree", "flower", "plant", "bush")  # last words that say the class, not the kind ("palm tree")
NEAREST_FLOOR = 0.45  # a subject we cannot draw is drawn by its nearest drawing when this near by meaning
HOME_FITS = 0.6  # a setting this near the subject's own land is that land ("a rocky ledge": a sea cliff's, 0.68)
SUBJECT_LEADS = 0.15  # a subject that is a scene itself leads unless a setting names a scene this much nearer
LANDSCAPE_WORDS = 0.65  # beside a landform, a thing phrase this near a scene family is part of the land ("peaks")
HYPHENED = r"[a-z']+-[a-z]+(?:ing|ed)\b"  # one word, never a thing and its doing: "a fire-breathing dragon"
# one word, never a count: "a five-story pagoda" is one pagoda, "a three-legged dog" one dog
NUMBERED = r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)-[a-z]+"
PLACE_NAMED = 0.95  # two words this near a place's example name it, whatever sky or time the last word names
PLACE_MARGIN = 0.15  # a setting is a place's land only when this much nearer it than any family ("a moor")
SKIES = ("sky", "night_sky", *ABSTRACT)  # families that say what is above, or nothing of the land
OUTDOOR_NOUN = 0.4  # a setting's head noun alone this near a landscape family is outdoors ("a wooden fence")
INTENSIFIERS = {"very", "so", "too", "really", "quite", "perfectly", "completely", "totally", "utterly"}
FRUIT_TREE = ("game-icons", "fruit-tree")
WORN_BY_ANIMALS = set(GARMENTS) | {"tie", "collar", "bandana", "costume", "cap", "bonnet", "beanie", "crown", "bow"}
HABITAT = 0.6  # an animal's drawing this near a habitat's example animal lives there ("a rooster": a hen's meadow)
ANIMAL_ROLES = ("stands", "flies", "swims")  # roles of animals (and of things that stand like them)
BODIED = (*ANIMAL_ROLES, "figure")  # roles of things with a body: an animal's or a person's
FALL_BEFORE = {"the", "early", "late", "this", "in"}  # "in the fall" is autumn; "a fall", "waterfall" are not
SEAT_OUTDOORS = 0.35  # a lone person's setting this near a land is where they are, not a portrait's wall
OUT_THERE = 0.4  # a person or animal with a small thing is out in land the words name this near, not at a table
ACTION_PLACES = {"of", "out", "from", "into", "in", "on", "at", "through", "over", "under", "across", "along"}
YOUNG = {"baby", "babies", "calf", "calves", "cub", "cubs", "foal", "foals", "chick", "chicks", "young", "joey"}
KIN_OPENERS = {"a", "an", "the", "her", "his", "its", "their", "two", "three", "little", "tiny", "small", "newborn"}
OUTDOOR_ROLES = {"floats", "swims", "building"}  # things that are never inside a room
WATERY_LANDFORMS = ("river", "waterfall")  # their water holds a boat: the scene stays the land they run through
WATERS = ("sea", "lake")  # families of open water
LAND_WORD = 0.9  # a word of a setting this near a family's example names that land ("desert" of "a desert highway")
SNOW_THINGS = ("snowman", "sled", "skier", "skis", "snowboarder")  # drawings of things made or done only in snow
CITY_HOLDS = {"road": "street"}  # open land's landforms a city keeps as its own: its road is a street
DRAWN_IN = ("underwater",)  # landforms carved bare, whose own things are drawings: a reef's coral
ANY_LAND = ("river", "waterfall", "road", "mountain_road", "hill", "hills")  # landforms any land's scene can hold


def _fruit_tree(match):
    """A fruit tree ("an apple tree", "a cherry tree in blossom") as the library's fruit tree, a plant: its kind's
    name had matched the fruit (an apple on a table, cherries) or another tree (a Christmas tree in an orchard)."""
    words = match.phrase.lower().split()
    if len(words) < 2 or singular(words[-1]) != "tree" or match.entry.name == FRUIT_TREE[1]:
        return match
    kind = singular(words[-2])
    if not {"food", "plant"} <= {sense.lexicon for sense in senses(kind)[:4]}:  # (a gum tree: no fruit)
        return match
    return replace(match, entry=ObjectEntry(*FRUIT_TREE), role="plant")


def _worn_by_the_first(things: list) -> list:
    """The things that are what the first, an animal or a snowman (no person: a figure wears its own clothes), wears
    ("a donkey with a straw hat", "a snowman with a scarf"): we cannot dress a drawing, and drawn apart they stood on
    a table and took the animal indoors."""
    if not things or things[0].person is not None or things[0].role not in ANIMAL_ROLES:
        return []
    return [m for m in things[1:] if m.phrase.split() and singular(m.phrase.split()[-1]) in WORN_BY_ANIMALS]


def _theirs(phrase: str, people: list) -> bool:
    """True when a phrase left undrawn is a person's own: what they hold ("mending his nets"), their body or hair
    ("brushing her hair"); the reply does not say it was missed."""
    words = phrase.split()
    own = bool(words) and words[-1] in BODY_PARTS | {"hair", "beard"}
    return own or any(held_by(person, phrase) for person in people)


def _landform(phrases: list[tuple[str, str]], place=None, subject_drawn: bool = True) -> tuple[str, str, float] | None:
    """The landform the subject names ("a waterfall") or its place has (rice paddies: terraces), else the first
    one another phrase names: where the thing stands ("castle ruins on a hill", "a lighthouse on a cliff") or what
    the scene holds ("a desert with dunes"), else the first the subject names together with another phrase ("a
    lake | mountains": a lake below peaks). A subject that is a scene and no thing drawn (`subject_drawn`) keeps
    its own land: another phrase's landform of other land is none ("an alpine meadow below a glacier")."""
    if not phrases or phrases[0][1] != "subject":
        return None
    own = landform_of(phrases[0][0]) is not None
    if place is not None and place.landform is not None and not own:  # rice paddies: terraces; a market: its street
        return place.landform, place.family, place.similarity
    alone = next(filter(None, (landform_of(p) for p, _ in phrases)), None)
    scene = family_of(phrases[0][0])
    other_land = alone is not None and alone[1] != scene[0] and alone[0] not in ANY_LAND
    if other_land and not own and not subject_drawn and _scene_itself(scene):
        alone = None  # "an alpine meadow below a glacier" is a meadow, not a glacier in the sea
    # a landscape asked in two phrases is no landform in either alone, and the subject's scene would drop the other
    pairs = (landform_of(f"{phrases[0][0]} and {p}") for p, _ in phrases[1:])
    return alone or next(filter(None, pairs), None)


STILL_LIFE_OUTDOORS = 0.6  # things that lie on a table go outdoors only for a scene this near ("on the grass")
DEEP_DWELLER = 0.75  # a lone swimmer this near a deep dweller's example is seen under the water


def _deep_dweller_alone(phrases: list[tuple[str, str]], things: list, subject_drawn: bool):
    """The underwater landform for a swimmer asked alone that lives under the water ("jellyfish", "an octopus"),
    else None: seen from above it was a small blob on a dark sea."""
    if not subject_drawn or len(phrases) != 1 or not things or things[0].role != "swims":
        return None
    if float(similarities(phrases[0][0], scene_words()["deep_dwellers"]).max()) < DEEP_DWELLER:
        return None
    return "underwater", "sea", 1.0


def _beside_landform(match) -> bool:
    """True when a thing asked with a landform is drawn: a building on it ("a lighthouse" on a cliff), or a thing
    that is no part of the land ("snowy peaks" and "rocks" are carved, not drawn; so is a landform itself: "a dirt
    road" was a motorway sign on the road carved for it)."""
    landform = landform_of(match.phrase)
    if is_land_matter(match.phrase) or landform is not None and landform[0] not in DRAWN_IN:
        return False
    return match.role == "building" or family_of(match.phrase)[1] < LANDSCAPE_WORDS


def _is_forest(phrase: str) -> bool:
    family, near = family_of(phrase)
    return family == "forest" and near >= LANDSCAPE_WORDS


def _names_forest(phrase: str) -> bool:
    """True for a forest named as such ("a birch forest", "the woods"), not its trees ("birch trees")."""
    words = head_words(phrase)
    return bool(words) and singular(words[-1]) not in CLASS_NOUNS and _is_forest(phrase)


def _stage_by_its_noun(phrase: str, family: tuple[str | None, float]) -> bool:
    """False when a setting reads as a stage (a room) by its other words while its head noun alone is land: "a
    wooden fence" is near a room by "wooden", but a fence is out in the country (a hedge, a path, a rock too)."""
    words = head_words(phrase)
    if family[0] not in scene_words()["stages"] or not words:
        return True
    head = family_of(singular(words[-1]))
    return head[0] in scene_words()["stages"] or head[1] < OUTDOOR_NOUN


def _named_land(phrases: list[tuple[str, str]], family: str | None) -> bool:
    """True when a setting phrase names the landscape family painted ("on the lawn": a meadow), and it is dry."""
    if family is None or family in WATERLESS_FOR_BOATS.values() or family in SKIES:
        return False
    threshold = scene_words()["thresholds"]["family"]
    named = (family_of(p) for p, kind in phrases if kind in ("setting", "action"))  # on the lawn, crossing a road
    return any(near[0] == family and near[1] >= threshold for near in named)


def _manner_words(words: list[str]) -> set[int]:
    """Places of -ly words that say how a doing goes ("a tortoise slowly crossing a road"): no noun (a lily, a
    family, a butterfly are things), right before an -ing word; they are read as neither thing nor place."""
    from tools import word_net

    return {
        i
        for i, w in enumerate(words[:-1])
        if w.endswith("ly") and words[i + 1].endswith("ing") and not (word_net.installed() and word_net.senses(w))
    }


def _season(words: list[str]) -> str:
    """The season the words name: "autumn" for "autumn leaves", "an autumnal wood", "in the fall"; else "any"."""
    fall = any(w == "fall" and i and words[i - 1] in FALL_BEFORE for i, w in enumerate(words))
    return "autumn" if fall or {"autumn", "autumnal"} & set(words) else "any"


EMPTY = {"empty", "bare", "deserted", "unfurnished"}  # a room said so holds only what the words list
PINES = set("pine pines fir firs spruce spruces conifer conifers coniferous evergreen evergreens taiga".split())


def _trees(words: list[str]) -> str:
    """The trees the words name: "pines" for "a pine forest", "fir trees", "evergreens"; else "any"."""
    return "pines" if PINES & set(words) else "any"


def object_matching_available() -> bool:
    from tools import object_matching

    return object_matching.available()


def read_scene(subject: str, valence: float, arousal: float, style: str | None = None, seed: int = 0) -> SceneReading:
    """The scene a subject asks for and the things in it; the mood fills in what the subject leaves open."""
    tokens = HYPHENED + "|" + NUMBERED + r"|[a-z']+|\d+|[,;]|\.(?!\w)"  # a full stop joins as a comma
    words = re.findall(tokens, subject.lower())
    embed([subject] + [w for w in words if w not in STOP_WORDS | SETTINGS])  # one batch: the words and the whole
    time, weather, used = _condition_words(words)
    used |= _manner_words(words)
    phrases = [(plain_phrase(p, subject) if kind == "subject" else p, kind) for p, kind in subject_phrases(words, used)]
    shown = shown_thing(phrases[0][0]) if phrases and phrases[0][1] == "subject" else None
    if shown is not None:  # "a close-up of a bumblebee": the bumblebee
        phrases = [(plain_phrase(shown, subject), "subject"), *phrases[1:]]
    framing = framing_stage(phrases[0][0]) if phrases and phrases[0][1] == "subject" else None
    if framing is not None:  # "a still life of a cello": the cello, on a still life's table
        phrases = [(framing[2], "subject"), *phrases[1:]]
    subject_first = bool(phrases) and phrases[0][1] == "subject"
    first = phrases[0][0] if subject_first else ""
    inside = opens_inside(words) or subject_first and (says_interior(first) or indoor_place(first, subject))
    place = _place(phrases[0][0], phrases) if subject_first and not inside else None
    scenes, things, left_out = _scenes_and_objects(phrases, seed, subject, inside, place)
    things = [replace(m, entry=stand_in(m.entry)) for m in things]  # read as the silhouette, painted in colour
    scenes += [framing[:2]] if framing is not None else []
    things = [replace(m, colour=named_colour(m.phrase) or _usual(m)) for m in things]
    things = _people(phrases, things, subject, seed)
    painted = {m.phrase for m in things if m.person is not None}  # a skateboarder drawn as a person is not left out
    people = [m.person for m in things if m.person is not None]
    left_out = [gone for gone in left_out if gone[0] not in painted and not _theirs(gone[0], people)]
    things = [_fruit_tree(m) for m in things]  # "an apple tree": a tree, not an apple on a table
    worn = _worn_by_the_first(things)  # "a donkey with a straw hat": no hat on a table beside it (nor the table)
    things = [m for m in things if m not in worn]
    left_out += [(m.phrase, m.entry.words) for m in worn]
    if object_matching_available():
        scenes, things = _town_houses(phrases, scenes, things)
    if not scenes and not things:  # only time or weather words: the whole subject is the scene
        scenes = [family_of(subject)] if subject.strip() else []
    subject_drawn = subject_first and any(m.phrase == phrases[0][0] for m in things)
    landform = _landform(phrases, place, subject_drawn) or _deep_dweller_alone(phrases, things, subject_drawn)
    if landform is not None and landform[0] == "underwater" and subject_drawn and things[0].role != "swims":
        landform = None  # "a boat on deep water" is seen from above: a swimmer or a reef itself from under water
    # "a city intersection ... on the wet road": a street (a place's own road stays: a petrol station's)
    if landform is not None and landform[0] in CITY_HOLDS and subject_first and place is None:
        if family_of(phrases[0][0])[0] == "city":
            landform = CITY_HOLDS[landform[0]], "city", landform[2]
    if landform is not None:  # its own family: a waterfall's forest, whatever a setting says ("a rainforest")
        family, similarity = landform[1], landform[2]
        if landform[0] == "river" and any(_names_forest(p) for p, _ in phrases):  # a stream in a forest, or through
            family = "forest"  # autumn woods (the river's own meadow lost the woods)
        things = [m for m in things if _beside_landform(m)]
    else:
        family, similarity = max(scenes, key=lambda c: c[1], default=(None, 0.0))
    if place is not None and family in SKIES:  # "salt flats reflecting the sky": the flats, under that sky
        family, similarity = place.family, place.similarity
    threshold = scene_words()["thresholds"]["family"]
    beside = scene_words()["thresholds"]["scene_beside_things"]
    if things and all(m.role == "still_life" for m in things):  # keys "on a ring" (a meadow at 0.51): a table's
        beside = max(beside, STILL_LIFE_OUTDOORS)
    if things and (family is None or similarity < beside):
        family, similarity = _scene_for_objects(things, weather, scenes)
        if family == "city" and landform is None and _road_vehicle(things[0].entry.words):
            landform = "street", "city", similarity  # a taxi on its street, seen down its length
    placeless = _placeless(phrases, things, landform, place, inside) and weather != "snow"  # a camel in snow: snow
    home = _habitat(things[0]) if placeless else None
    if home is not None:  # a rooster on a farm's meadow, a camel in the desert, a flamingo by a lake
        family, similarity = home
    if family == "portrait" and _seated_elsewhere(phrases, things):  # grandma knitting in her chair: her room
        family, similarity = _where_seated(things[0].person, subject), 1.0
    stage, room = "landscape", None
    if family in scene_words()["stages"]:
        stage = family if similarity >= scene_words()["thresholds"]["stage"] else "landscape"
        family = None
        indoor = scene_words()["room_features"]
        outdoor = {m.role for m in things if f"{m.entry.source}:{m.entry.name}" not in indoor}
        outdoor -= {"building"} if things and is_furniture(things[0].entry.words) else set()  # a washing machine
        room = _named_room(phrases, inside)
        named_room = room is not None or framing is not None  # "a still life of ... a fountain pen": on its table
        if stage == "interior" and outdoor & OUTDOOR_ROLES and not named_room:  # a cabin's windows: outdoors
            stage, (family, similarity) = "landscape", _scene_for_objects(things, weather)
        if stage == "interior":  # a bed, a sofa, a piano: large, on the room's floor; the rest on the table
            things = [replace(m, role=_room_role(m, framing is not None)) for m in things]
    elif things:  # a girl under a tree: a whole small person, not a head standing in the grass
        things = _whole_figures(things, seed, subject)
        if things[0].role == "figure":  # what a person outdoors reads or holds is theirs, not a big thing beside
            things = [m for m in things if m.role != "still_life"]
    no_scene = landform is None and max((s for _, s in scenes), default=0.0) < threshold  # no place in the words
    if (stage == "portrait" or stage == "landscape" and no_scene) and _at_work_indoors(things, subject):
        stage, room = "interior", (_workroom(subject), 1.0, [])  # a baker at the oven: in the bakery, whole
    if stage == "landscape" and _named_land(phrases, family):  # "a tortoise on the lawn": it walks the lawn
        things = [replace(m, role="stands") if m.role == "swims" else m for m in things]
    boats = {m.role for m in things} & {"floats", "swims"}
    if family == "forest":  # "a birch forest": the forest is its trees, not a tree drawing pasted in front
        things = [m for m in things if m.role != "plant" or not _is_forest(m.phrase)]
    if stage == "landscape" and family is not None and boats and (landform or ("",))[0] not in WATERY_LANDFORMS:
        family = WATERLESS_FOR_BOATS.get(family, family)  # boats need water
    snow_things = any(m.entry.name in SNOW_THINGS for m in things)  # a snowman stands in snow
    if (weather == "snow" or snow_things) and family in ("meadow", "garden"):  # a snowy village, a snowman
        family = "snow"
    if snow_things and family == "mountains":  # skiers on a slope's snow, not its meadow (a snowy peak stays a peak)
        family = "snow"
    season = _season(words)
    if family == "snow" and weather != "snow" and season == "autumn":  # "autumn" alone was a snowfield
        family = "forest"
    things = [replace(m, perch=_perch(m, subject) or m.perch) for m in things]  # (a heap's bowl is already read)
    if family == "forest" and any(m.perch in SHADE for m in things) and not any(_names_forest(p) for p, _ in phrases):
        family = "meadow"  # "under a tree": one tree over them in the open, not a wood around them
    umbrella = any(m.person is not None and m.person.prop == "umbrella" for m in things)
    if umbrella and weather is None and family == "city":  # a woman with her umbrella up: in the rain
        weather = "rain"
    matched = (family is not None and similarity >= threshold) or stage != "landscape" or bool(things)
    if family is None or not matched:
        family = STYLE_FAMILIES.get(style or "", mood_abstract_kind(valence, arousal))
    return SceneReading(
        room=room[0] if stage == "interior" and room is not None else None,
        landform=landform[0] if landform is not None and stage == "landscape" else None,
        landform_colour=named_colour(phrases[0][0]) if landform is not None and stage == "landscape" else None,
        stage=stage,
        objects=tuple(things),
        left_out=tuple(left_out),
        family=family,
        time=time or mood_time(valence, arousal),
        weather=weather or mood_weather(valence, arousal, family),
        matched=matched,
        similarity=similarity,
        time_from_words=time is not None,
        weather_from_words=weather is not None,
        setting=sitter_place(subject) if stage == "portrait" else None,
        place=place.example if place is not None and stage == "landscape" else None,
        season=season,
        trees=_trees(words),
    )
