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

from models.painter.object_library import ObjectEntry, entries, icons_dir, installed
from models.painter.placement import ROLES
from tools.embedding_search import embed
from tools.scene_words import scene_words

SILHOUETTE_HANDICAP = 0.11  # a colour drawing wins unless the silhouette's name is clearly nearer
PEOPLE = {"man", "woman", "person", "boy", "girl", "child", "older", "old"}
BUST_HANDICAP = 0.3  # a person's head and shoulders ("woman") is for a portrait; in a scene a whole figure stands
CANDIDATES = 8  # the nearest drawings a caller's test of kind (`accept`) may choose among
CONTEXT_WEIGHT = 0.1  # the whole request's pull on which drawing a phrase gets (not on whether it is drawn)
FACE_HANDICAP = 0.06  # a head alone ("fox-face", the fox emoji) gives way to a whole body in colour when one is near
SCENE_NAMED = 0.9  # a drawing whose name is this near a scene's example ("forest", "hills") is a scene, not a thing
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "pair": 2, "couple": 2}
FEW = {"some", "several", "few", "many", "lots", "group", "flock", "herd", "fleet", "row"}
MAX_COUNT = 6


@dataclass(frozen=True)
class ObjectMatch:
    phrase: str  # the words of the subject it was matched from
    entry: ObjectEntry
    role: str
    similarity: float
    count: int

    @property
    def exact(self) -> bool:
        """True when the name is (nearly) the phrase's own thing; else it is the nearest we can draw."""
        return self.similarity >= scene_words()["thresholds"]["object_exact"]


def _cache_path(root: str) -> str:
    names = "\n".join(f"{e.source}:{e.name}" for e in entries(root))
    digest = hashlib.sha1(names.encode()).hexdigest()[:12]
    return os.path.join(root, f"name_embeddings_{digest}.npz")


def build_index(root: str | None = None) -> str:
    """Embed every object's name; save to the cache (once, at setup: about a minute on 2 cores)."""
    root = root or icons_dir()
    path = _cache_path(root)
    if os.path.exists(path):
        return path
    library = entries(root)
    vectors = np.concatenate([embed([e.words for e in library[i : i + 256]]) for i in range(0, len(library), 256)])
    np.savez_compressed(path, vectors=vectors.astype(np.float16))
    return path


def _role_examples() -> tuple[list[str], np.ndarray]:
    table = scene_words()["roles"]
    assert set(table) <= set(ROLES), f"roles must be the placement network's: {ROLES}"
    names = [r for r, examples in table.items() for _ in examples]
    return names, embed([e for examples in table.values() for e in examples])


@functools.lru_cache(maxsize=1)
def _index() -> tuple[list[ObjectEntry], np.ndarray, np.ndarray]:
    root = icons_dir()
    vectors = np.load(build_index(root))["vectors"].astype(np.float32)
    role_names, role_vectors = _role_examples()
    roles = np.array([role_names[i] for i in (vectors @ role_vectors.T).argmax(1)])
    table = scene_words()
    scene_examples = [e for group in ("families", "stages") for ex in table[group].values() for e in ex]
    scene_named = (vectors @ embed(scene_examples).T).max(1) >= SCENE_NAMED
    roles[scene_named] = "scene"  # never drawn as a thing: the painter paints these as the scene itself
    return entries(root), vectors, roles


@functools.lru_cache(maxsize=1)
def _faces_only() -> np.ndarray:
    """1.0 for each drawing that is a head without a body: named so ("tiger-face", "wolf-head"), or an emoji that
    shows only the face though its name does not say so (`tools/data/scenes.yaml` faces_only)."""
    faces = set(scene_words()["faces_only"])
    library = _index()[0]
    return np.array(
        [e.name.endswith(("-face", "-head")) or (not e.silhouette and e.name in faces) for e in library], np.float32
    )


@functools.lru_cache(maxsize=1)
def _busts() -> np.ndarray:
    """1.0 for each colour drawing of a person as head and shoulders only (`tools/data/scenes.yaml` busts)."""
    busts = set(scene_words()["busts"])
    return np.array(
        [not e.silhouette and (e.name in busts or _person_at_rest(e.name)) for e in _index()[0]], np.float32
    )


def _person_at_rest(name: str) -> bool:
    """A person drawn by trade, not by action ("man-scientist", "woman-cook"): emoji draw those as busts; a person
    doing something ("woman-standing", "person-rowing-boat") is drawn whole."""
    words = name.split("-")
    return words[0] in PEOPLE and not any(w.endswith("ing") for w in words)


def available() -> bool:
    return installed()


def nearest_object(
    phrase: str, role: str | None = None, context: str | None = None, accept=None
) -> tuple[ObjectEntry, str, float]:
    """(entry, role, similarity) of the drawable object nearest in meaning to the phrase (of that role, if given;
    among the CANDIDATES nearest, the first that `accept(phrase, name words)` takes, if given).

    The phrase is heard whole and by its last word, the noun in English ("a sleepy dog" is a dog, not
    "sleepy"): an object's similarity is the mean of the two, or the whole phrase's alone if higher. The whole
    request (context) only breaks near ties between senses: palms in a desert oasis are palm trees, not hands."""
    library, vectors, roles = _index()
    words = re.findall(r"[a-z]+", phrase.lower())
    texts = [phrase] + ([words[-1]] if len(words) > 1 else [])
    per_text = vectors @ embed(texts).T
    scores = np.maximum(per_text[:, 0], per_text.mean(1))
    ranked = scores - SILHOUETTE_HANDICAP * np.array([e.silhouette for e in library])
    if context and context != phrase:
        ranked = ranked + CONTEXT_WEIGHT * (vectors @ embed([context])[0])
    if role != "figure" and not {"face", "head", "heads", "faces"} & set(words):  # a portrait's sitter is a face
        ranked = ranked - FACE_HANDICAP * _faces_only() - BUST_HANDICAP * _busts()
    ranked = np.where(roles == role if role is not None else roles != "scene", ranked, -np.inf)
    order = np.argsort(-ranked)[:CANDIDATES]
    if accept is not None:  # the candidates' last words in one batch, for the caller's test of kind
        embed([re.findall(r"[a-z]+", library[i].words)[-1] for i in order if re.search(r"[a-z]", library[i].words)])
    best = next((int(i) for i in order if accept is None or accept(phrase, library[i].words)), int(order[0]))
    return library[best], str(roles[best]), float(scores[best])


def count_of(phrase: str, rng_seed: int = 0) -> int:
    """How many the phrase asks for: a number word, a word for several, or a plural noun (two to four)."""
    words = re.findall(r"[a-z]+|\d+", phrase.lower())
    for w in words:
        if w.isdigit():
            return max(1, min(MAX_COUNT, int(w)))
        if w in NUMBERS and w not in ("a", "an"):
            return NUMBERS[w]
    several = any(w in FEW for w in words)
    plural = bool(words) and words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is"))
    if several or plural:
        return 2 + ((rng_seed + 1) % 3)  # seed 0 (a first painting): three
    return 1


def match_objects(
    phrases: list[str], seed: int = 0, role: str | None = None, context: str | None = None, accept=None
) -> list[ObjectMatch]:
    """The objects of these phrases (each already judged a thing rather than a scene), of that role if given,
    read within the whole request (context) when given."""
    found = []
    for phrase in phrases:
        entry, role_found, similarity = nearest_object(phrase, role, context, accept)
        found.append(ObjectMatch(phrase, entry, role_found, similarity, count_of(phrase, seed)))
    return found


if __name__ == "__main__":
    if not installed():
        sys.exit("no icons installed: run `python -m models.painter.object_library install` first")
    print(f"name embeddings: {build_index()}")
