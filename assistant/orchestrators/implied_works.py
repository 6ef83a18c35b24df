"""A melody asked for by its music alone, with no work named: "could you make something romantic on acoustic
guitar, in F major, around 90 bpm?" names no tune, song or melody, yet only a melody has a key, a tempo in bpm and
an instrument to be played on. Such a request was answered with no call at all.

A request implies the melody when it asks for no work by name (`work_words.asked_tools`, `commanded_tools`: "sorry
for the life story" asks for no story), asks for something (a request, not a remark) and writes a key with its mode,
a tempo in bpm, or an instrument to play on (`request_facts`). An instrument that is a painting's subject ("paint a
cello") names the painting and implies nothing.
"""

from __future__ import annotations

import re

from assistant.orchestrators.bare_subject import bare_subject, joined_scene
from assistant.orchestrators.request_facts import music_written
from assistant.orchestrators.work_words import asked_tools, commanded_tools

# Words that make a sentence a request for something (an English closed class, with the studio's other languages
# left to the model): "could you", "make", "I'd like", "I want", "please"
ASKS = re.compile(
    r"\b(?:can|could|would|will)\s+(?:you|u)\b|\b(?:make|create|compose|write|give|play)\b|\bi'?d\s+like\b|"
    r"\bi\s+(?:would\s+like|want|need)\b|\bplease\b|\bpls\b",
    re.IGNORECASE,
)


def implied_tools(request: str) -> frozenset[str]:
    """{"compose_melody"} when the request asks for something, asks for no work by name and writes a melody's own
    facts (a key with its mode, a tempo in bpm, an instrument to play on); {"paint"} when it is a scene written
    bare (`bare_subject`), also beside another work's part ("sand dunes at sunset and a slow desert melody":
    `joined_scene`); else none."""
    if bare_subject(request):
        return frozenset({"paint"})
    scene = frozenset({"paint"}) if joined_scene(request) else frozenset()
    if asked_tools(request) or commanded_tools(request) or not ASKS.search(request):
        return scene
    return scene | ({"compose_melody"} if music_written(request) else frozenset())
