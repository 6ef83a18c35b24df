"""Sentence templates and vocabularies of the tool-call corpus, one pool per split, read from `data/*.yaml`.

The held-out pool is small and fixed; its sentence shapes, mood words, colours, instruments and
subjects never occur in the training pool (a test checks the vocabularies and the requests). The
training pool is wide on purpose: hundreds of mood words (so the model learns to copy a mood word,
not to recall one), many colours and instruments, and several shapes per intent.
"""

from __future__ import annotations

import csv
import os
import re

import yaml

from tools.mood_lexicon import LEXICON_PATH

DATA_DIR = os.path.join(os.path.dirname(__file__), "data")


def _read(name: str) -> dict:
    with open(os.path.join(DATA_DIR, name)) as f:
        return yaml.safe_load(f)


_WORDS = _read("words.yaml")
_TRAIN = _read("train.yaml")

NUMBER_WORDS: dict[int, str] = _WORDS["number_words"]
ORDINALS: dict[int, str] = _WORDS["ordinals"]
TEXT_KIND_WORDS: list[str] = _WORDS["text_kind_words"]  # the words for a write_text artifact in undo / go-to
KEY_WORDS: dict[str, str] = _WORDS["key_words"]
STYLE_WORDS: dict[str, list[str]] = _WORDS["style_words"]

HELDOUT: dict = _read("heldout.yaml")

TRAIN_BASE_MOODS: list[str] = _TRAIN["base_moods"]
TRAIN_COLOURS: list[str] = _TRAIN["colours"]
TRAIN_SUBJECTS: list[str] = _TRAIN["subjects"]
TRAIN_KEYS: list[str] = _TRAIN["keys"]
TRAIN_PREFIXES: list[str] = _TRAIN["prefixes"]
TRAIN_SUFFIXES: list[str] = _TRAIN["suffixes"]
TRAIN_JOINS: list[str] = _TRAIN["joins"]
# Questions about the app's interface want an answer, not a tool ("what does the sidebar do?").
UI_THINGS: list[str] = _TRAIN["ui_things"]
UI_HELP: list[str] = _TRAIN["ui_help"]
TRAIN_TEMPLATES: dict[str, list[str]] = {
    **_TRAIN["templates"],
    "app_help": [t.format(ui=u) for t in UI_HELP for u in UI_THINGS],
}

ADJECTIVE_END = re.compile(r"^[a-z]{3,12}(ful|ous|ive|ic|al|ed|y|ent|ant|less|ing|ish|ile)$")
NOT_ADJECTIVE_END = re.compile(r"(ly|ity|ery|ry|ogy|ies|ised|ized|ising|izing)$")


def _lexicon_words() -> list[str]:
    """Words of our mood lexicon (tools/data), read as plain data."""
    with open(LEXICON_PATH) as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="\t")
        return [r[0] for r in rows if r and " " not in r[0]]


def _vader_adjectives() -> list[str]:
    """Adjective-looking words of VADER's valence lexicon (shipped with vaderSentiment).

    |valence| <= 2.5 on VADER's -4..4 scale keeps slurs and violent words out of the requests.
    """
    try:
        from tools.mood_lexicon import vader_analyzer

        lexicon = vader_analyzer().lexicon
    except ImportError:
        return []
    return [
        w for w, v in lexicon.items() if ADJECTIVE_END.match(w) and not NOT_ADJECTIVE_END.search(w) and abs(v) <= 2.5
    ]


def training_moods() -> list[str]:
    """Many mood words, none of them held out: the model must learn to copy the word it is given.

    Real mood words (ours) are listed three times, so about a third of the draws come from them.
    """
    held = set(HELDOUT["moods"])
    moods = sorted(w for w in dict.fromkeys([*TRAIN_BASE_MOODS, *_lexicon_words()]) if w not in held)
    others = sorted(w for w in dict.fromkeys(_vader_adjectives()) if w not in held and w not in moods)
    return moods * 3 + others


def training_instruments() -> list[str]:
    from tools.instruments import INSTRUMENTS

    return [i for i in INSTRUMENTS if i not in HELDOUT["instruments"]]


def train_pool() -> dict:
    """The training pool: templates plus vocabularies, built once per call."""
    return {
        **TRAIN_TEMPLATES,
        "moods": training_moods(),
        "base_moods": TRAIN_BASE_MOODS,
        "colours": [c.replace("-", " ") for c in TRAIN_COLOURS if c not in HELDOUT["colours"]],
        "instruments": training_instruments(),
        "subjects": TRAIN_SUBJECTS,
        "keys": TRAIN_KEYS,
    }
