"""A new subject written bare, with no verb: "an old barn at dusk", "now a fox curled up in the snow", "next one:
two boats in a harbour at sunrise". Only a painting shows a scene, so such a request asks for the painting and
for nothing else; after a melody had been made, the tuned model answered most of them with the melody again.

A request is a bare subject when, past opening words ("now", "ok so:", "hmm,", "next one:"), it is one noun
phrase: it opens with a determiner or a number (or is no question and names where: "desert dunes under a full
moon"), names no work and asks no change (no work word, no "more", "a bit", "one", "version", no "is" or
"sounds"), writes no melody's own facts (`request_facts.music_written`), and the painter reads a thing or a scene
in it (`tools.scene_mapping.read_scene`): "a calm one" and "the tempo drags" are none. An instrument a figure of the
scene plays is the scene's ("a musician playing cello on a street corner": `played_scene`).

A scene written bare beside a request for another work ("sand dunes at sunset and a slow desert melody", "a slow
cello melody and an autumn forest at dusk") asks for the painting as well: the adapter answered it with the melody
alone, the scene's words as its mood (`joined_scene`).
"""

from __future__ import annotations

import functools
import re

from assistant.orchestrators.played_scene import played_instruments, without_played
from assistant.orchestrators.request_facts import music_written
from assistant.orchestrators.subject_span import MUSIC, WORD, painting_subject, setting_word
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


@functools.lru_cache(maxsize=256)
def bare_subject(request: str) -> str | None:
    """The scene a request writes bare (see the module doc), or None. Cached: the decoding asks it of one request
    for every subject token it weighs."""
    phrase = OPENING.sub("", request, count=1).strip().rstrip(".!")
    undetermined = UNDETERMINED.match(phrase) and "?" not in phrase and phrase.split()[0].lower() not in NOT_OPENING
    if not (DETERMINER.match(phrase) or undetermined) or NOT_BARE.search(phrase):
        return None
    played = played_instruments(phrase)  # "a musician playing cello": the scene's
    if any(w.lower() in MUSIC or setting_word(w.lower(), w) for w in WORD.findall(phrase) if w.lower() not in played):
        return None  # "some jazz", "the tempo drags", "a calm flute": music; "the palette": a painting's setting
    if asked_tools(request) or commanded_tools(request) or mentioned_tools(request):
        return None
    return phrase if not music_written(without_played(request)) and _paintable(phrase) else None


def _paintable(phrase: str) -> bool:
    """True when the painter reads things to draw in the phrase, or a scene its words name."""
    from tools.scene_mapping import read_scene
    from tools.scene_words import scene_words

    reading = read_scene(phrase, 0.0, 0.0)
    named_scene = reading.stage != "landscape" or reading.similarity >= scene_words()["thresholds"]["family"]
    return bool(reading.objects) or (reading.matched and named_scene)


# where a request joins one part to another ("..., and", "plus", "with")
JOIN = re.compile(r"\s*[,;]?\s+(?:and|plus|&|with)\s+|\s*;\s*", re.IGNORECASE)
# a work's phrase that ends on one of these words may go on past the join ("a lullaby for a baby and a moon")
OPEN_OBJECT = re.compile(r"\b(?:about|for|of|like|called|titled|to)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def joined_scene(request: str) -> str | None:
    """The scene written bare before or after the part of a request that speaks of another work ("sand dunes at
    sunset and a slow desert melody"), or None. The work's part must not leave an object open past the join ("a
    lullaby for a baby and a sleepy moon" may be one lullaby's), and a request that names the painting writes its
    scene there ("paint a bridge at dawn, with mist hanging on the water": `painting_subject`)."""
    if "paint" in mentioned_tools(request):
        return None
    joins = list(JOIN.finditer(request))
    bounds = [0, *(j for m in joins for j in (m.start(), m.end())), len(request)]
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    working = [i for i, (a, b) in enumerate(parts) if mentioned_tools(request[a:b])]
    if not working or len(parts) < 2:
        return None
    first, last = working[0], working[-1]
    if first > 0:
        scene = bare_subject(request[: parts[first - 1][1]])
        if scene:
            return scene
    if last < len(parts) - 1 and not OPEN_OBJECT.search(request[parts[last][0] : parts[last][1]]):
        return bare_subject(request[parts[last + 1][0] :])
    return None


def written_scene(request: str) -> str | None:
    """The scene the request asks a painting of: named with its painting ("paint a ballroom with chandeliers",
    `subject_span.painting_subject`), written bare ("now an old barn at dusk") or beside another work's part
    (`joined_scene`)."""
    return painting_subject(request) or bare_subject(request) or joined_scene(request)
