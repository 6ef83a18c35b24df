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

from assistant.orchestrators.request_facts import KEY_THEN_MODE, MUSIC_BEFORE, written_instruments
from assistant.orchestrators.work_words import asked_tools, commanded_tools

BPM = re.compile(r"\b\d{2,3}\s*(?:bpm|beats per minute)\b", re.IGNORECASE)
# Words that make a sentence a request for something (an English closed class, with the studio's other languages
# left to the model): "could you", "make", "I'd like", "I want", "please"
ASKS = re.compile(
    r"\b(?:can|could|would|will)\s+(?:you|u)\b|\b(?:make|create|compose|write|give|play)\b|\bi'?d\s+like\b|"
    r"\bi\s+(?:would\s+like|want|need)\b|\bplease\b|\bpls\b",
    re.IGNORECASE,
)


def implied_tools(request: str) -> frozenset[str]:
    """{"compose_melody"} when the request asks for something, asks for no work by name and writes a melody's own
    facts (a key with its mode, a tempo in bpm, an instrument to play on); else none."""
    if asked_tools(request) or commanded_tools(request) or not ASKS.search(request):
        return frozenset()
    return frozenset({"compose_melody"}) if _music_written(request) else frozenset()


def _music_written(request: str) -> bool:
    if BPM.search(request) or any(m.group(1)[0].isupper() for m in KEY_THEN_MODE.finditer(request)):
        return True
    lowered = request.lower()
    return any(
        MUSIC_BEFORE.search(lowered[: match.start()])
        for word in written_instruments(request)
        for match in re.finditer(r"\b" + re.escape(word) + r"\b", lowered)
    )
