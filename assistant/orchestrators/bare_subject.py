"""A new subject written bare, with no verb: "an old barn at dusk", "now a fox curled up in the snow", "next one:
two boats in a harbour at sunrise". Only a painting shows a scene, so such a request asks for the painting and
for nothing else; after a melody had been made, the tuned model answered most of them with the melody again.

A request is a bare subject when, past opening words ("now", "ok so:", "hmm,", "next one:"), it is one noun
phrase: it opens with a determiner or a number (or is no question and names where: "desert dunes under a full
moon"), names no work and asks no change (no work word, no "more", "a bit", "one", "version", no "is" or
"sounds"), writes no melody's own facts (`request_facts.music_written`), and the painter reads a thing or a scene
in it (`tools.scene_mapping.read_scene`): "a calm one" and "the tempo drags" are none.
"""

from __future__ import annotations

import functools
import re

from assistant.orchestrators.request_facts import music_written
from assistant.orchestrators.subject_span import WORD, painting_subject, setting_word
from assistant.orchestrators.work_words import asked_tools, commanded_tools, mentioned_tools

OPENING = re.compile(
    r"^(?:\s*(?:now|ok|okay|alright|and|then|also|so|well|oh|next(?:\s+one)?|how\s+(?:about|'?bout)|"
    r"what\s+about|maybe|h+m+|u+m+|u+h+)\b\s*[,:;.!-]*)*\s*",
    re.IGNORECASE,
)
# ... or two words or more of a scene and where it is, with no determiner ("desert dunes under a full moon")
UNDETERMINED = re.compile(
    r"^[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)+\s+(?:under|in|on|at|by|over|beside|near|among|along|across|below)\s",
    re.IGNORECASE,
)
# ... never a question, or a sentence that opens with a pronoun, a question word or an auxiliary
NOT_OPENING = frozenset(
    "i you we he she they it what what's where where's how how's why who when which whats do does did can could "
    "would will shall should is are was were am let let's please thanks thank".split()
)
DETERMINER = re.compile(r"^(?:a|an|the|some|two|three|four|five|six|several|many|lots\s+of)\b", re.IGNORECASE)
# words of a change or a choice among works ("three times faster", "a bit darker"), and verbs of being (a
# complaint: "the ending is abrupt"); an English closed class, the other languages left to the model
NOT_BARE = re.compile(
    r"\b(?:more|less|bit|little\s+more|too|again|instead|one|ones|version|back|first|last|previous|original|"
    r"is|are|was|were|isn't|aren't|feels?|sounds?|looks?|seems?|it|its|this|that|times|twice|half|"
    r"faster|slower|quicker|longer|shorter|brighter|darker|lighter|happier|sadder|calmer|softer|louder|quieter|"
    r"warmer|cooler|livelier|gloomier|busier|simpler|bigger|smaller|higher|lower)\b",
    re.IGNORECASE,
)


# kinds of music and its parts: "some jazz", "the beat" are a melody's, never a scene (an English closed class)
MUSIC = frozenset(
    "jazz blues rock pop techno lofi lo-fi hiphop hip-hop rap classical folk waltz march ballad anthem hymn "
    "serenade nocturne sonata riff chord chords beat beats rhythm groove drums notes tempo ending intro".split()
)


@functools.lru_cache(maxsize=256)
def bare_subject(request: str) -> str | None:
    """The scene a request writes bare (see the module doc), or None. Cached: the decoding asks it of one request
    for every subject token it weighs."""
    phrase = OPENING.sub("", request, count=1).strip().rstrip(".!")
    undetermined = UNDETERMINED.match(phrase) and "?" not in phrase and phrase.split()[0].lower() not in NOT_OPENING
    if not (DETERMINER.match(phrase) or undetermined) or NOT_BARE.search(phrase):
        return None
    if any(w.lower() in MUSIC or setting_word(w.lower(), w) for w in WORD.findall(phrase)):
        return None  # "some jazz", "the tempo drags", "a calm flute": music; "the palette": a painting's setting
    if asked_tools(request) or commanded_tools(request) or mentioned_tools(request):
        return None
    return phrase if not music_written(request) and _paintable(phrase) else None


def _paintable(phrase: str) -> bool:
    """True when the painter reads things to draw in the phrase, or a scene its words name."""
    from tools.scene_mapping import read_scene
    from tools.scene_words import scene_words

    reading = read_scene(phrase, 0.0, 0.0)
    named_scene = reading.stage != "landscape" or reading.similarity >= scene_words()["thresholds"]["family"]
    return bool(reading.objects) or (reading.matched and named_scene)


def written_scene(request: str) -> str | None:
    """The scene the request asks a painting of: named with its painting ("paint a ballroom with chandeliers",
    `subject_span.painting_subject`) or written bare ("now an old barn at dusk")."""
    return painting_subject(request) or bare_subject(request)
