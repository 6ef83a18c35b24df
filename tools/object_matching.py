"""The things a subject names -> objects the painter can draw, by meaning, with how many and what role.

Each object of the library (`models.painter.object_library`) is known by its name ("boat-fishing" ->
"boat fishing"); the names' sentence embeddings are computed once at setup (`python -m
tools.object_matching`, which `make run` and `make test` call) into a cache beside the icons, with
each object's role (what it stands on or in: water, sky, ground, a table; a figure or a building),
the role also by meaning, as the nearest of a few example phrases (`tools/data/scenes.yaml`).
A phrase gets the nearest name; colour drawings are preferred to silhouettes at equal meaning.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
from dataclasses import dataclass

import numpy as np

from models.painter.built_by_hand import built_size, hand_drawn, named_by_hand
from models.painter.figure import Person
from models.painter.object_keywords import keywords
from models.painter.object_library import ObjectEntry, entries, icons_dir, installed, is_people_emoji
from models.painter.placement import ROLES
from tools import word_net
from tools.embedding_search import embed
from tools.plurals import SAME_PLURAL, singular
from tools.scene_words import scene_examples, scene_words
from tools.thing_phrases import FORMS, container_halves, group_written_first

SILHOUETTE_HANDICAP = 0.11  # a colour drawing wins unless the silhouette's name is clearly nearer
PEOPLE = {"man", "woman", "person", "boy", "girl", "child", "older", "old"}
BUST_HANDICAP = 0.3  # a person's head and shoulders ("woman") is for a portrait; in a scene a whole figure stands
CANDIDATES = 8  # the nearest drawings a caller's test of kind (`accept`) may choose among
CONTEXT_WEIGHT = 0.1  # the whole request's pull on which drawing a phrase gets (not on whether it is drawn)
# a head alone ("fox-face", the fox emoji) gives way to a whole body in colour; not to a silhouette (judged on dev:
# the fox emoji's head was named "a fox", the game-icons fox at painting size "an unclear brown animal")
FACE_HANDICAP = 0.06
# a silhouette of a head alone ("basset-hound-head") is no animal standing in a scene: a whole drawing of its kind
# ("hound") wins, even a silhouette (a basset hound was a teal head lying on a table)
HEAD_SILHOUETTE_HANDICAP = 0.2
SCENE_NAMED = 0.9  # a drawing whose name is this near a scene's example ("forest", "hills") is a scene, not a thing
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "pair": 2, "couple": 2}
MEASURES = set("story storey speed legged wheeled door room bedroom year month day hour string star piece".split())
ONE_OF = {"a", "an", "one", "the", "this", "that", "my", "our", "his", "her", "their", "its", "your", "lone", "single"}
FEW = {"some", "several", "few", "many", "lots", "group", "flock", "herd", "fleet", "row"}
# more than a few: many, small
MANY = {
    "flock",
    "herd",
    "swarm",
    "shoal",
    "many",
    "lots",
    "crowd",
    "fleet",
    "field",
    "fields",
    "rows",
    "dozens",
    "hundreds",
}
MAX_COUNT = 6
MOST_SAID = 24  # a number above this is a year or a model, not how many ("a 1960 Cadillac")
COUNT_TOKENS = r"(?:[a-z]+|\d+)(?:-[a-z]+)+|\d+[a-z]*|[a-z]+"  # hyphened words and "1960s" are one token, not a count
# nouns plural in form that name one thing: "castle ruins" is one ruin, "glasses" one pair
PLURAL_ONLY = {
    *("ruins", "glasses", "spectacles", "scissors", "trousers", "jeans", "binoculars", "stairs", "remains"),
    *("sunglasses", "pliers", "tongs", "shorts", "pants", "headphones", "goggles", "shears", "tweezers"),
}  # one thing each: "a pair of scissors" is one drawing of scissors
NAMED = 0.92  # a drawing whose name the phrase spells out ("palm tree" for "palms", "lily pads") is the thing itself
# each further word of a name the phrase spells out: a compound's own drawing ("air balloon" for "a hot air
# balloon", "rocking chair") beats its head's ("balloon", "chair"), even as a silhouette (SILHOUETTE_HANDICAP)
COMPOUND = 0.12
# a name spelled by the words gives way when another drawing is this much nearer the whole phrase by meaning: "a
# steam train" is the steam locomotive (0.88), not the train its head spells (0.72)
WHOLE_MARGIN = 0.12
NOTO_FIRST = 0.004  # between two drawings of the same name, noto's (fluent's bird is crimson, noto's blue)
# a colour drawing whose CLDR keywords spell more of the phrase's words than any colour drawing's name does: "a sea
# lion" is the seal (keywords: sea, lion), "a gas station" the fuel pump, "a tea cup" the teacup, "a sheep" the ewe
# (the only drawing named sheep is a silhouette); among several, the nearer by meaning (KEYWORD_MEANING)
KEYWORD_NAMED = 0.88
KEYWORD_MEANING = 0.05
OFF_THE_GROUND = ("flies", "floats", "swims")
WEAK_ROLE = 0.45  # a drawing this far from every example of its role is placed standing (the commonest, least wrong)
NAMED_BY_REQUEST = 0.85  # ... or whose name the whole request spells out ("desk lamp" in "a desk with a lamp")
DWELLING = 0.8  # a phrase's head this near a dwelling's example word is drawn as that dwelling (scenes.yaml)
CLASS_NOUNS = {"tree", "flower", "plant", "bush"}  # a name's last word that says its class ("palm tree" is a palm)
# a drawing whose name holds the phrase's head noun only as a modifier is another kind of thing ("crow nest" for "two
# crows"): it loses to a drawing of the asked kind, and stays the phrase's thing only when clearly near by meaning
OTHER_KIND = 0.1
MODIFIER_ONLY = 0.2  # a drawing of a mere modifier ("grain" in "grain silos"), more than the request's pull for it
ALIAS_MEANING = 0.5  # a drawing also called the phrase's head that no name ends in must be this near the phrase
NAME_JOINS = {"of", "with", "without", "in", "on", "for", "at", "from"}  # "bowl of rice" is a bowl


@dataclass(frozen=True)
class ObjectMatch:
    phrase: str  # the words of the subject it was matched from
    entry: ObjectEntry
    role: str
    similarity: float
    count: int
    meaning: float | None = None  # the similarity by meaning alone, before a name spelled out by the words counts
    colour: tuple[float, ...] | None = None  # (hue, saturation, value) the words give it ("a red barn"), if any
    person: Person | None = None  # a person: who, doing what, hair and clothes (`tools/figure_words`)
    perch: str | None = None  # what a bird sits on (`tools/perch_words`): painted under it

    @property
    def by_meaning(self) -> float:
        return self.similarity if self.meaning is None else self.meaning

    @property
    def exact(self) -> bool:
        """True when the name is (nearly) the phrase's own thing; else it is the nearest we can draw."""
        return self.similarity >= scene_words()["thresholds"]["object_exact"]


def head_words(phrase: str) -> list[str]:
    """The phrase's words up to its head noun: all of them, but "a basket of apples" ends at "basket" (a flock of
    birds, a caravan of camels: the birds, the camels)."""
    halves = container_halves(phrase)
    return re.findall(r"[a-z]+", (halves[0] if halves else phrase).lower())


def _name_words(name_words: str) -> tuple[str, ...]:
    """A drawing's name as singular words, without a last word that only says its class ("palm tree": palm)."""
    words = [singular(w) for w in re.findall(r"[a-z]+", name_words.lower())]
    if len(words) > 1 and words[-1] in CLASS_NOUNS:
        words = words[:-1]
    return tuple(words)


def _keyword_text(entry: ObjectEntry, root: str) -> str:
    """The drawing's name with what it is also called ("seal: animal, lion, ocean, sea, seal"), or "" without."""
    also = keywords(entry, root)
    return f"{entry.words}: {', '.join(also)}" if also else ""


def _cache_path(root: str) -> str:
    names = "\n".join(f"{e.source}:{e.name}:{_keyword_text(e, root)}" for e in entries(root))
    digest = hashlib.sha1(names.encode()).hexdigest()[:12]
    return os.path.join(root, f"name_embeddings_{digest}.npz")


def build_index(root: str | None = None) -> str:
    """Embed every object's name, and its name with its keywords where it has some; save to the cache (once, at
    setup: one to two minutes on 2 cores)."""
    root = root or icons_dir()
    path = _cache_path(root)
    if os.path.exists(path):
        return path
    library = entries(root)
    vectors = np.concatenate([embed([e.words for e in library[i : i + 256]]) for i in range(0, len(library), 256)])
    texts = list(dict.fromkeys(t for t in (_keyword_text(e, root) for e in library) if t))
    found = {t: v for i in range(0, len(texts), 256) for t, v in zip(texts[i : i + 256], embed(texts[i : i + 256]))}
    described = np.array([found.get(_keyword_text(e, root), vectors[i]) for i, e in enumerate(library)])
    np.savez_compressed(path, vectors=vectors.astype(np.float16), described=described.astype(np.float16))
    return path


def _role_examples() -> tuple[list[str], np.ndarray]:
    table = scene_words()["roles"]
    assert set(table) <= set(ROLES), f"roles must be the placement network's: {ROLES}"
    names = [r for r, examples in table.items() for _ in examples]
    return names, embed([e for examples in table.values() for e in examples])


def _roles(library: list[ObjectEntry], names: np.ndarray, described: np.ndarray) -> np.ndarray:
    """Each drawing's role: the one whose examples are nearest its name and its name with keywords together (the
    fire engine stood in the sky by its name alone, and the rooster flew by its keywords alone: "bird"); a thing
    only weakly near flying, floating or swimming stands, and so does a colour drawing of no person."""
    role_names, role_vectors = _role_examples()
    kinds = list(dict.fromkeys(role_names))
    columns = [[j for j, r in enumerate(role_names) if r == kind] for kind in kinds]
    near = sum(np.stack([(v @ role_vectors.T)[:, c].max(1) for c in columns], 1) for v in (names, described)) / 2
    roles = np.array(kinds)[near.argmax(1)]
    # off the ground only when the meaning says so: a scarecrow (floats 0.40) stood in a lake, a fuel pump flew
    weak = np.isin(roles, OFF_THE_GROUND) & (near.max(1) < WEAK_ROLE)
    # a figure is painted as a person: a colour drawing not filed under people (the snowman) stands as itself
    no_one = np.array([not e.silhouette and not is_people_emoji(e) for e in library]) & (roles == "figure")
    return np.where(weak | no_one, "stands", roles)


@functools.lru_cache(maxsize=1)
def _index() -> tuple[list[ObjectEntry], np.ndarray, np.ndarray]:
    root = icons_dir()
    cache = np.load(build_index(root))
    vectors = cache["vectors"].astype(np.float32)
    library = entries(root)
    roles = _roles(library, vectors, cache["described"].astype(np.float32))
    scene_named = (vectors @ embed(scene_examples()[1]).T).max(1) >= SCENE_NAMED
    roles[scene_named] = "scene"  # never drawn as a thing: the painter paints these as the scene itself
    roles[[hand_drawn(e) is not None for e in library]] = "building"  # a petrol station, though named by its pump
    return library, vectors, roles


@functools.lru_cache(maxsize=1)
def _faces_only() -> np.ndarray:
    """1.0 for each drawing that is a head without a body: named so ("tiger-face", "wolf-head"), or an emoji that
    shows only the face though its name does not say so (`tools/data/scenes.yaml` faces_only)."""
    faces = set(scene_words()["faces_only"])
    library = _index()[0]
    return np.array(
        [
            e.name.endswith(("-face", "-head"))
            or (not e.silhouette and (e.name in faces or f"{e.source}:{e.name}" in faces))
            for e in library
        ],
        np.float32,
    )


@functools.lru_cache(maxsize=1)
def _heads_with_bodies() -> np.ndarray:
    """1.0 for each silhouette of a head alone ("basset-hound-head") whose kind some whole drawing's name ends in
    ("hound"); a head with no whole drawing of its kind (a walrus's) stays the nearest of its thing."""
    library = _index()[0]
    faces = _faces_only()
    whole_kinds = {e.name.split("-")[-1] for e, face in zip(library, faces) if not face}
    return np.array(
        [
            float(e.silhouette and face and "-" in e.name and e.name.split("-")[-2] in whole_kinds)
            for e, face in zip(library, faces)
        ],
        np.float32,
    )


@functools.lru_cache(maxsize=1)
def _busts() -> np.ndarray:
    """1.0 for each colour drawing of a person as head and shoulders only (`tools/data/scenes.yaml` busts)."""
    busts = set(scene_words()["busts"])
    return np.array(
        [not e.silhouette and (e.name in busts or _person_at_rest(e.name)) for e in _index()[0]], np.float32
    )


VIOLENT = re.compile(
    r"blood|gore|gun|pistol|rifle|revolver|sword|dagger|knife|axe|bomb|grenade|skull|corpse|dead|death|decapitat|"
    r"noose|hanged|bullet|crossbow|bleed|wound|stab|slash|severed|guillotine|execution|torture|murder|kill|missile|"
    r"mace|spear|halberd|scythe|whip|shuriken|katana|sabre|saber|cutlass|rapier|tomahawk|poison|biohazard|radioactive"
)
# Names that hold a violent stem but name no harm: a horse's stable, a skullcap, a muted bell, a sabre-toothed cat
HARMLESS = re.compile(r"\b(?:un)?stable\b|\bskills?\b|skullcap|\bspearfishing\b|-with-slash\b|sab(?:er|re)-toothed")


@functools.lru_cache(maxsize=1)
def _violent() -> dict[int, frozenset[str]]:
    """The drawings of a weapon, a wound, a skull or a death ("bloody-sword", "death-skull"): index -> name words."""
    return {
        i: frozenset(singular(w) for w in re.findall(r"[a-z]+", e.words))
        for i, e in enumerate(_index()[0])
        if VIOLENT.search(HARMLESS.sub("", e.name))
    }


def _unnamed_violence(words: list[str]) -> np.ndarray:
    """True for each violent drawing none of whose name words the phrase says: a weapon or a wound is painted only
    when it is asked for ("a knight with a sword"), never as the nearest drawing of something else."""
    said = {singular(w) for w in words}
    mask = np.zeros(len(_index()[0]), dtype=bool)
    mask[[i for i, named in _violent().items() if not said & named]] = True
    return mask


def is_bust(entry: ObjectEntry) -> bool:
    """True when a drawing is a person as head and shoulders only (a portrait's sitter, never a figure in a
    landscape)."""
    return not entry.silhouette and (entry.name in set(scene_words()["busts"]) or _person_at_rest(entry.name))


def _person_at_rest(name: str) -> bool:
    """A person drawn by trade, not by action ("man-scientist", "woman-cook"): emoji draw those as busts; a person
    doing something ("woman-standing", "person-rowing-boat") is drawn whole."""
    words = name.split("-")
    return words[0] in PEOPLE and not any(w.endswith("ing") for w in words)


def nearest_names(vectors: np.ndarray) -> np.ndarray:
    """[texts] each embedded text's similarity to the nearest drawing's name (of those drawn as things)."""
    _, names, roles = _index()
    return np.where(roles[None, :] != "scene", vectors @ names.T, -1.0).max(1)


@functools.lru_cache(maxsize=1)
def _sizes() -> tuple[dict[tuple[str, str], int], np.ndarray]:
    """(library index by (source, name), each drawing's size in metres: its nearest size example's, by its name and
    keywords (`tools/data/scenes.yaml` sizes))."""
    table = scene_words()["sizes"]
    metres = np.array([float(size) for size, examples in table.items() for _ in examples], np.float32)
    examples = embed([e for examples in table.values() for e in examples])
    library = _index()[0]
    described = np.load(build_index(icons_dir()))["described"].astype(np.float32)
    return {(e.source, e.name): i for i, e in enumerate(library)}, metres[(described @ examples.T).argmax(1)]


def real_size(entry: ObjectEntry) -> float | None:
    """How big the drawing's thing is, its longer side in metres, by meaning; None for a drawing not in the
    library."""
    where, metres = _sizes()
    i = where.get((entry.source, entry.name))
    return None if i is None else built_size(entry) or float(metres[i])


def available() -> bool:
    return installed()


def nearest_object(
    phrase: str, role: str | None = None, context: str | None = None, accept=None, spelled: bool = True
) -> tuple[ObjectEntry, str, float, float]:
    """(entry, role, similarity, meaning) of the drawable object nearest in meaning to the phrase (of that role, if
    given; among the CANDIDATES nearest, the first that `accept(phrase, name words)` takes, if given). `spelled`: a
    name the words spell out, or a dwelling's drawing, wins (`_spelled_out`, `_dwelling`); `meaning` is the
    similarity without the spelling, which decides whether the phrase is a thing or a scene.

    The phrase is heard whole and by its head noun, its last word in English ("a sleepy dog" is a dog, not
    "sleepy"): an object's similarity is the mean of the two, or the whole phrase's alone if higher. The whole
    request (context) only breaks near ties between senses: palms in a desert oasis are palm trees, not hands."""
    library, vectors, roles = _index()
    words = head_words(phrase)
    head = singular(words[-1]) if words else ""
    by_hand = named_by_hand(head)  # a typewriter: no set draws one, we paint it by hand
    if by_hand is not None and role in (None, by_hand[1]):
        return ObjectEntry(*by_hand[0]), by_hand[1], 1.0, 1.0
    texts = [phrase] + ([head] if len(re.findall(r"[a-z]+", phrase.lower())) > 1 else [])
    per_text = vectors @ embed(texts).T
    whole_phrase = per_text[:, 0]
    scores = np.maximum(whole_phrase, per_text.mean(1))
    # the head does not lift a drawing the whole phrase clearly means less: "a steam train" is no plain train (a
    # drawing of a mere modifier sets no margin: "grain" must not hold a round silo down in "grain silos")
    modifier = _modifier_only(words, roles)
    nearest_whole = float(np.where(modifier > 0, -np.inf, whole_phrase).max())
    scores = np.where(nearest_whole - whole_phrase >= WHOLE_MARGIN, whole_phrase, scores)
    meaning = _dwelling(scores, words) if spelled else scores
    whole = tuple(re.findall(r"[a-z]+", phrase.lower()))
    scores = _spelled_out(meaning, words, context, whole, whole_phrase) if spelled else scores
    if spelled:
        scores, meaning = _keyword_spelled(scores, meaning, words, whole_phrase)
    other = OTHER_KIND * _other_kind(words) + MODIFIER_ONLY * modifier
    scores, meaning = scores - other, meaning - other
    ranked = scores - SILHOUETTE_HANDICAP * np.array([e.silhouette for e in library])
    if context and context != phrase:
        ranked = ranked + CONTEXT_WEIGHT * (vectors @ embed([context])[0])
    if role != "figure" and not {"face", "head", "heads", "faces"} & set(words):  # a portrait's sitter is a face
        ranked = ranked - FACE_HANDICAP * _faces_only() - BUST_HANDICAP * _busts()
        ranked = ranked - HEAD_SILHOUETTE_HANDICAP * _heads_with_bodies()
    ranked = np.where(roles == role if role is not None else roles != "scene", ranked, -np.inf)
    ranked = np.where(_unnamed_violence(list(whole)), -np.inf, ranked)
    # equal names in two colour sets tie exactly: noto's, then the set order, never the sort's whim
    ranked = ranked + NOTO_FIRST * np.array([e.source == "noto" for e in library])
    order = np.argsort(-ranked, kind="stable")[:CANDIDATES]
    if accept is not None:  # the candidates' last words in one batch, for the caller's test of kind
        embed([re.findall(r"[a-z]+", library[i].words)[-1] for i in order if re.search(r"[a-z]", library[i].words)])
    best = next((int(i) for i in order if accept is None or accept(phrase, library[i].words)), int(order[0]))
    return library[best], str(roles[best]), float(scores[best]), float(meaning[best])


@functools.lru_cache(maxsize=1)
def _names_by_head() -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """The drawings by the last word of their name (singular, class noun dropped): "palm" -> palm-tree, palm."""
    found: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for i, entry in enumerate(_index()[0]):
        words = _name_words(entry.words)
        if words:
            found.setdefault(words[-1], []).append((i, words))
    return found


def head_nouns(words: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The words that may be the head noun of a name's or phrase's singular words: the last, or the last before a
    join ("bowl of rice": bowl), and the one before a last word that says only a class or a form ("palm tree": tree
    or palm, "cheese wedge": wedge or cheese)."""
    words = list(words)
    join = next((i for i, w in enumerate(words) if w in NAME_JOINS), len(words))
    words = words[:join] or words
    if not words:
        return frozenset()
    classed = len(words) > 1 and (words[-1] in CLASS_NOUNS or words[-1] in FORMS)
    return frozenset({words[-1]} | ({words[-2]} if classed else set()))


def named_roles(words: str, colour: bool = False) -> set[str]:
    """The roles of the drawings these words name (only colour drawings if `colour`): whose whole name they are,
    singular ("dog", "palm tree"), or, for two words or more, whose colour drawing's name and keywords hold them
    ("frying pan": the cooking emoji)."""
    said = _name_words(words)
    if not said:
        return set()
    found = [i for i, name in _names_by_head().get(said[-1], []) if name == said]
    if len(said) > 1:
        found += [i for i, kept in enumerate(_keyword_sets()) if set(said) <= kept]
    library, _, roles = _index()
    return {str(roles[i]) for i in found if not (colour and library[i].silhouette)}


def drawing_named(words: str) -> bool:
    """True when these words name a drawing (`named_roles`)."""
    return bool(named_roles(words))


def nearness(phrase: str) -> float:
    """How near the phrase's nearest drawing is by meaning: the whole phrase, or its mean with its head noun."""
    library, vectors, _ = _index()
    words = head_words(phrase)
    texts = [phrase] + ([singular(words[-1])] if len(words) > 1 else [])
    per_text = vectors @ embed(texts).T
    return float(np.maximum(per_text[:, 0], per_text.mean(1)).max())


def known_word(word: str) -> bool:
    """True when this (singular) word is the last of some drawing's name, or the class such a last word says (a
    palm tree is a tree): there are drawings of that thing."""
    return word in _names_by_head() or word in CLASS_NOUNS


@functools.lru_cache(maxsize=1)
def _names_by_word() -> dict[str, list[tuple[int, frozenset[str], frozenset[str]]]]:
    """The drawings by each word of their name (singular), with their head nouns and all their words: "salt" ->
    (salt, {salt}), (salt shaker, {shaker})."""
    found: dict[str, list[tuple[int, frozenset[str], frozenset[str]]]] = {}
    for i, entry in enumerate(_index()[0]):
        words = [singular(w) for w in re.findall(r"[a-z]+", entry.words.lower())]
        for word in set(words) - NAME_JOINS:
            found.setdefault(word, []).append((i, head_nouns(words), frozenset(words) - NAME_JOINS))
    return found


def _other_kind(words: list[str]) -> np.ndarray:
    """1.0 for each drawing whose name holds the phrase's head noun only as a modifier of its own head ("crow nest"
    for "two crows"): another kind of thing. A name the phrase spells whole is its thing in any word order ("boat
    fishing" for "a fishing boat"), and a person's is that person ("man student"). A drawing that is only the
    phrase's modifier is left to meaning ("bamboo" for "a bamboo forest": a forest of bamboo)."""
    library = _index()[0]
    found = np.zeros(len(library), np.float32)
    plain = [singular(w) for w in words if w not in NUMBERS and w not in FEW | MANY | NAME_JOINS | {"the"}]
    heads = head_nouns(plain)
    for word in heads:
        for i, name_heads, name in _names_by_word().get(word, []):
            person = library[i].name.split("-")[0] in PEOPLE  # "man student", "woman standing": a man, a woman
            found[i] = float(not heads & name_heads and not name <= set(plain) and not person)
    return found


def _modifier_only(words: list[str], roles: np.ndarray) -> np.ndarray:
    """1.0 for each drawing whose whole name is only a modifier in the phrase ("grain" for "grain silos", "fire"
    for "a fire truck") where a drawing of the phrase's own head noun exists to be drawn instead (a round silo);
    with none ("a bamboo forest": no forest is a thing), the modifier is left to meaning."""
    found = np.zeros(len(roles), np.float32)
    plain = [singular(w) for w in words if w not in NUMBERS and w not in FEW | MANY | NAME_JOINS | {"the"}]
    heads = head_nouns(plain)
    if not any(roles[i] != "scene" for head in heads for i, _ in _names_by_head().get(head, [])):
        return found
    modifiers = set(plain) - heads
    for word in modifiers:
        for i, _, name in _names_by_word().get(word, []):
            found[i] = float(name <= modifiers)
    return found


@functools.lru_cache(maxsize=1)
def _dwellings() -> tuple[list[int], list[str], np.ndarray]:
    """(library index, example word) of the curated dwellings (`tools/data/scenes.yaml` dwellings) and the
    examples' embeddings: a cottage, a farmhouse, a cabin, a barn are among the commonest asks and must be drawn."""
    where = {(e.source, e.name): i for i, e in enumerate(_index()[0])}
    pairs = [
        (where[tuple(drawing.split(":"))], example)
        for drawing, examples in scene_words()["dwellings"].items()
        if tuple(drawing.split(":")) in where
        for example in examples
    ]
    return [i for i, _ in pairs], [e for _, e in pairs], embed([e for _, e in pairs])


def _spelled_out(
    scores: np.ndarray, words: list[str], context: str | None, extra: tuple = (), whole: np.ndarray | None = None
) -> np.ndarray:
    """Scores raised where the words say the drawing's name outright: every word of the name in the phrase
    ("palms" -> palm tree, "the Eiffel tower" -> any tower of that name; the more of its words, the higher: "a hot
    air balloon" -> air balloon, not balloon), or in the whole request with the phrase's head last ("a lamp" in "a
    desk with a lamp" -> desk lamp). A name is not raised when another drawing is WHOLE_MARGIN nearer the whole
    phrase by meaning (`whole`: each drawing's similarity to it): "a steam train" is a locomotive."""
    if not words:
        return scores
    scores = scores.copy()
    own = {singular(w) for w in re.findall(r"[a-z]+", " ".join(words + list(extra)))}
    asked = own | {singular(w) for w in re.findall(r"[a-z]+", (context or "").lower())}
    head = singular(words[-1])
    library = _index()[0]
    for form in FORMS:  # "cheese" is drawn as a cheese wedge, "bread" as a loaf of bread
        for i, name in _names_by_head().get(form, []):
            if name[:-1] == (head,):
                scores[i] = max(scores[i], NAMED_BY_REQUEST)
    nearest_whole = float(whole.max()) if whole is not None else 0.0
    for i, name in _names_by_head().get(head, []):
        if whole is not None and nearest_whole - whole[i] >= WHOLE_MARGIN:
            continue
        if set(name) <= own:
            tie = NOTO_FIRST if library[i].source == "noto" else 0.0  # noto's animals are whole, in plain colours
            scores[i] = max(scores[i], NAMED + 0.01 + COMPOUND * (len(name) - 1) + tie)
        elif set(name) <= asked:
            scores[i] = max(scores[i], NAMED_BY_REQUEST)
    return scores


def phrase_tokens(words: list[str]) -> list[frozenset[str]]:
    """The phrase's words that can name a thing, singular, each as the spellings it may have: itself, and with its
    neighbour written together ("a tea cup": {tea, teacup}, {cup, teacup}); number words left out."""
    plain = [singular(w) for w in words if w not in NUMBERS and w not in FEW | MANY]
    joined = [singular(a + b) for a, b in zip(plain, plain[1:])]
    return [frozenset({w} | set(joined[max(0, i - 1) : i + 1])) for i, w in enumerate(plain)]


# words of size and age: a noun in WordNet ("a little", "the old"), never a thing's name in a phrase
SIZE_WORDS = {"little", "small", "tiny", "fat", "large", "great", "old", "young", "giant"}


def _noun(word: str) -> bool:
    """Whether the word can name a thing: a noun in WordNet, not a word of size or age ("big" is none)."""
    return word not in SIZE_WORDS and bool(word_net.senses(word))


@functools.lru_cache(maxsize=1)
def _keyword_sets() -> list[frozenset[str]]:
    """Each drawing's name words and CLDR keywords, singular (empty for a silhouette)."""
    root = icons_dir()
    return [
        frozenset(singular(w) for w in keywords(e, root)) | frozenset(_name_words(e.words))
        if not e.silhouette
        else frozenset()
        for e in _index()[0]
    ]


def _keyword_spelled(
    scores: np.ndarray, meaning: np.ndarray, words: list[str], whole: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(scores, meaning) raised for the colour drawings whose name and keywords spell the phrase's head and more of
    its words than any colour drawing's name spells (KEYWORD_NAMED). Such a drawing is as much the phrase's thing by
    meaning as the phrase's nearest drawing (the seal is "a sea lion" though the embedder hears a lion)."""
    tokens = phrase_tokens(words)
    if not tokens:
        return scores, meaning
    tokens = [t for t in tokens[:-1] if any(_noun(w) for w in t)] + tokens[-1:]  # "a big cat" is no leopard
    library, sets = _index()[0], _keyword_sets()
    head = tokens[-1]
    covered = np.array([sum(bool(t & s) for t in tokens) if head & s else 0 for s in sets])
    own = frozenset().union(*tokens)
    roles = _index()[2]
    spelled = [
        (library[i].silhouette, len(n), roles[i] == "scene")
        for i, n in _names_by_head().get(singular(words[-1]), [])
        if set(n) <= own
    ]
    by_colour = max((n for silhouette, n, _ in spelled if not silhouette), default=0)
    by_any = max((n for _, n, _ in spelled), default=0)
    # two words or more, more than any drawing's name spells; or the head alone, where only a silhouette bears it
    # as its whole name ("a sheep": the ewe, also called sheep); a silhouette of the whole name stays ("a fishing
    # boat"), and a head some name ends in but none spells is left to meaning ("a lamp" is no couch and lamp); a head
    # no drawing's name ends in at all goes to a drawing also called so ("crows": the blackbird, also called crow)
    # and is that near by meaning (the bikini is also called pool, but "tide pools" is no bikini)
    unnamed = (singular(words[-1]) not in _names_by_head()) & (whole >= ALIAS_MEANING)
    alone = (covered == 1) & ((by_any == 1) & (by_colour == 0) | unnamed)
    # ... but never where the head's own drawing is a scene: "a forest" is a place, not the bigfoot it is a word of
    alone &= not any(scene for _, n, scene in spelled if n == 1)
    # ... and then not a drawing whose own name holds the head as a mere modifier ("oranges" is no orange book)
    alone &= np.array([not head & set(_name_words(e.words)[:-1]) for e in library])
    # ... and only for a thing out in the scene: a still life's or a plant's silhouette keeps its usual colours
    alone &= np.isin(roles, ("stands", "floats", "swims", "flies"))
    lifted = ((covered > by_any) & (covered >= 2)) | alone
    if not lifted.any():
        return scores, meaning
    raised = KEYWORD_NAMED + COMPOUND * (covered - 1) + KEYWORD_MEANING * whole
    return np.where(lifted, np.maximum(scores, raised), scores), np.where(
        lifted, np.maximum(meaning, meaning.max()), meaning
    )


def _dwelling(scores: np.ndarray, words: list[str]) -> np.ndarray:
    """Scores raised for a dwelling ("a cottage", "a farmhouse"): the curated drawing of its kind when the
    phrase's head is that near one of its examples by meaning."""
    indices, _, examples = _dwellings()
    if not words or not indices:
        return scores
    near = examples @ embed([singular(words[-1])])[0]
    best = int(near.argmax())
    if near[best] >= DWELLING:
        scores = scores.copy()
        scores[indices[best]] = max(scores[indices[best]], min(float(near[best]), NAMED - 0.01))
    return scores


def count_of(phrase: str, rng_seed: int = 0, bare_many: bool = True) -> int:
    """How many the phrase asks for: a number word, a word for several, or a plural noun (two to four); with
    `bare_many`, a noun the same in both numbers said with no article ("sheep on the hills") is plural."""
    text = " ".join(head_words(phrase)) if " of " in phrase else phrase.lower()
    words = re.findall(COUNT_TOKENS, text)  # "a five-story pagoda", "a 1960s motorcycle": one thing each
    for i, w in enumerate(words):
        if (w.isdigit() or NUMBERS.get(w, 1) > 1) and i + 2 < len(words) and words[i + 1] in MEASURES:
            return 1  # the number measures the thing: "a five story pagoda", "a 10 speed bike", "a 3 legged dog"
        if w.isdigit() and int(w) <= MOST_SAID:
            return max(1, min(MAX_COUNT, int(w)))
        if w == "pair" and words[-1] in PLURAL_ONLY:  # a pair of glasses: one pair, drawn once
            return 1
        if w in NUMBERS and w not in ("a", "an"):
            return NUMBERS[w]
    if any(w in MANY for w in words):  # a flock of birds, a herd of cows: many, small
        return MAX_COUNT - (rng_seed % 2)
    several = any(w in FEW for w in words)
    plural = bool(words) and singular(words[-1]) != words[-1] and words[-1] not in PLURAL_ONLY
    plural |= bare_many and bool(words) and words[-1] in SAME_PLURAL and not ONE_OF & set(words)
    if several or plural:
        return 2 + ((rng_seed + 1) % 3)  # seed 0 (a first painting): three
    return 1


def match_objects(
    phrases: list[str],
    seed: int = 0,
    role: str | None = None,
    context: str | None = None,
    accept=None,
    spelled: bool = True,
) -> list[ObjectMatch]:
    """The objects of these phrases (each already judged a thing rather than a scene), of that role if given,
    read within the whole request (context) when given."""
    found = []
    for phrase in phrases:
        read = group_written_first(phrase, _noun)
        entry, role_found, similarity, meaning = nearest_object(read, role, context, accept, spelled)
        several = role_found == "still_life" and drawn_several(entry, read)  # (a row of houses is a street)
        count = 1 if several else count_of(read, seed, bare_many=role_found != "still_life")  # (grilled salmon)
        found.append(ObjectMatch(phrase, entry, role_found, similarity, count, meaning))
    return found


def drawn_several(entry: ObjectEntry, phrase: str) -> bool:
    """True when the drawing is itself several of its thing (its name is plural: "pancakes" is a stack, "books" a
    pile) and the phrase gives no number: on a table one drawing, not three stacks of pancakes with three bunches
    of berries; "a pair of boots" drawn as "boots" is that pair."""
    words = re.findall(r"[a-z]+", entry.words.lower())
    said = re.findall(r"[a-z]+|\d+", phrase.lower())
    plural = bool(words) and singular(words[-1]) != words[-1]
    return plural and not any(w.isdigit() or (w in NUMBERS and w not in ("a", "an", "pair")) for w in said)


if __name__ == "__main__":
    if not installed():
        sys.exit("no icons installed: run `python -m models.painter.object_library install` first")
    print(f"name embeddings: {build_index()}")
