"""Mood values are mood words: a word our mood table reads (`tools.mood_lexicon.read_mood`, German, French and
Spanish through `tools/data/translations.yaml`), an inflection of one ("düsteres" of "düster"), or a typo one
letter away from one ("hapy": no English word of the CMU Pronouncing Dictionary), which the answer then spells as
the word it is ("happy").

A small model copies any adjective of the request as a mood: "a quick little tune" came out as mood "quick",
"paint a big red barn" as mood "big", "a melody in the style of a video game" as "video". The tools read such a
mood as no mood at all, and the summary shows it, so the answer drops it (`with_moods_read`). `mood_word` is what
`written_values` and the argument gate ask.
"""

from __future__ import annotations

import functools
import json
import re

from tools.mood_lexicon import _stem_lookup, load_lexicon, read_mood
from tools.translations import english, translations
from tools.typos import SHORTEST, typo_of

WORD = re.compile(r"[^\W\d_][\w\-']*")
ENDINGS = 3  # letters an inflection may add to a known word ("düster" -> "düsteres")
# A word only VADER's sentiment lexicon knows is a mood when it is shaped like an adjective ("moody"), not like
# "please", "better" or "honestly".
ADJECTIVE_ENDINGS = ("y", "ful", "ous", "ic", "ive", "ish", "less")


@functools.cache
def _known() -> frozenset[str]:
    """The mood words of our table and of its translations, lower case."""
    words = set(load_lexicon()) | {w for table in translations()["mood"].values() for w in table}
    return frozenset(w for w in words if len(w) >= SHORTEST and " " not in w)


def _ours(word: str) -> bool:
    """Our mood table (a word or its stem: "gloomily") or its translations ("ruhige") read the word."""
    return _stem_lookup(word, load_lexicon()) is not None or english(word, "mood") is not None


@functools.lru_cache(maxsize=4096)
def mood_word(word: str) -> str | None:
    """The word as a mood: itself when our table reads it (or it inflects such a word; an adverb only our table's
    own), the table's word when it is a typo of one, else None ("quick", "big", "video", "honestly")."""
    word = word.lower()
    reading = read_mood(word)
    if reading.known and not reading.unknown:
        return word if _ours(word) or word.endswith(ADJECTIVE_ENDINGS) and not word.endswith("ly") else None
    if len(word) < SHORTEST:
        return None
    known = _known()
    if any(word.startswith(k) and len(word) - len(k) <= ENDINGS for k in known):
        return word
    return typo_of(word, known)  # a real English word is no typo ("rain" is not "rainy", "game" not "gaie")


def has_mood_word(request: str) -> bool:
    """Whether any word of the request can be a mood (else a call has no ground for one)."""
    return any(mood_word(w) for w in WORD.findall(request))


COMPARED = (("iest", "y"), ("ier", "y"), ("est", ""), ("er", ""))  # "happier": "happy", "sadder": "sad"


def mood_comparative(word: str) -> str | None:
    """The mood word a comparative or superlative is of ("sadder": "sad", "happier": "happy"), else None."""
    word = word.lower()
    for ending, added in COMPARED:
        base = word.removesuffix(ending)
        if base == word or len(base) < 2:
            continue
        bases = [base, base[:-1]] if base[-1] == base[-2] else [base]  # "sadd": "sad"
        return next((b + added for b in bases if mood_word(b + added) == b + added), None)
    return None


def writes_mood(request: str) -> bool:
    """Whether the request writes a mood or a change of one, not only other changes: a mood word, a comparative of
    one ("sadder", "calmer") or one `read_mood` knows ("warmer", "livelier"), or a comparative of an adjective in -y
    ("punchier": the shape of a mood, as `ADJECTIVE_ENDINGS` has it)."""
    words = [w.lower() for w in WORD.findall(request)]
    compared = [w for w in words if w.endswith("er")]
    return any(mood_word(w) for w in words) or any(
        mood_comparative(w) or read_mood(w).known or w.endswith("ier") for w in compared
    )


def spelled(mood: str) -> str:
    """A mood with each typo written as the mood word it is ("a hapy" -> "a happy")."""
    return WORD.sub(lambda m: _corrected(m.group(0)), mood)


def _corrected(word: str) -> str:
    found = mood_word(word)
    return found if found and found != word.lower() else word


def with_moods_read(answer: str) -> str:
    """The answer with every call's mood spelled (see `spelled`), and a mood none of whose words is a mood word
    dropped ("quick" of "a quick little tune"); an answer that is no list of calls as it is."""
    try:
        calls = json.loads(answer)
    except ValueError:
        return answer
    changed = False
    for call in calls if isinstance(calls, list) else []:
        args = call[1] if isinstance(call, list) and len(call) == 2 and isinstance(call[1], dict) else {}
        if not isinstance(args.get("mood"), str):
            continue
        if not has_mood_word(args["mood"]):
            del args["mood"]
            changed = True
        elif (better := spelled(args["mood"])) != args["mood"]:
            args["mood"], changed = better, True
    return json.dumps(calls, ensure_ascii=False) if changed else answer
