"""An instrument someone in a scene plays is part of the scene: "a musician playing cello on a street corner" asks
for a painting, as "play me a cello melody" asks for music.

The adapter and the rules that read a melody's facts took any instrument written after "playing" as the
instrument to play a tune on, so a scene with a player in it made a melody (the studio). Here an instrument is
played in a scene when a figure is named before the verb: a noun phrase ("a musician", "an old man", "a street
band") whose last word is no work, music, setting, mood or pronoun word ("a melody playing on the cello", "a piece
for piano with a little guitar", "something gentle with a flute" name none). Whether the request asks for music
by name stays the reader's (`work_words`): "a man playing guitar, and a melody he might play" asks for both.
"""

from __future__ import annotations

import functools
import re

from assistant.orchestrators.subject_span import MUSIC, setting_word
from assistant.orchestrators.work_words import work_of
from tools.mood_lexicon import read_mood

# verbs and words by which a figure plays, holds or sits at an instrument (an English closed class)
PLAYS = r"(?:playing|plays|strumming|strums|plucking|practi[cs]ing|holding|carrying|tuning|with|at|behind)"
PLAYED = re.compile(r"\b([\w'-]+)\s+" + PLAYS + r"\s+((?:[\w'-]+\s*){1,4})", re.IGNORECASE)  # then a few words

NO_FIGURE = frozenset(
    "it its this that what which something anything nothing me you i we us track tracks solo sound sounds note "
    "version one ones take played playing".split()
)


@functools.lru_cache(maxsize=256)
def played_instruments(request: str) -> frozenset[str]:
    """The instrument words (as written, lower case) that a figure the request names plays or holds."""
    from assistant.orchestrators.copy_constraint import instruments_in

    found = set()
    for match in PLAYED.finditer(request):
        played = next((w for w in match.group(2).lower().split() if instruments_in(w)), None)
        if played and is_figure(match.group(1)):
            found.add(played)  # "the violin", "a grand piano", "her old cello"
    return frozenset(found)


def is_figure(word: str) -> bool:
    """A word that may end the name of someone or something in a scene: no work, music, setting, mood or pronoun."""
    lowered = word.lower()
    if lowered in NO_FIGURE or lowered in MUSIC or work_of(lowered) or setting_word(lowered, word):
        return False
    return not read_mood(lowered).known


def without_played(request: str) -> str:
    """The request with the instruments played in its scene taken out (what is left may still write music)."""
    words = played_instruments(request)
    if not words:
        return request
    return re.sub(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b", " ", request, flags=re.IGNORECASE)
