"""A change of length of a text: "make it longer" right after a poem makes that poem longer, in lines.

The adapter learnt changes of length of the melody alone, so it answered "make it longer" after a poem with
`compose_melody {"add_bars": 4}` (no melody: nothing was made) or with a new take of the poem as long as before
(dev v10). When a request writes a change of length (a comparative or its verb, "too short", "more lines", "another
stanza") and speaks of the text, by its name ("make the poem longer") or as "it" right after a turn that touched
the text alone, the answer's text call carries that change as `add_lines` (`tools.write_text`: the same poem,
more or fewer lines), the melody's length change the request did not name goes, and a new take does not replace
the change. A change of mood the request does not write goes with them: "that's too long, make it shorter" was
answered shorter and calmer (`mood_words.writes_mood`; "shorter and sadder" keeps its mood). A written number of
lines or stanzas is the amount; else a stanza (4 lines) more, or 2 lines fewer.
"""

from __future__ import annotations

import re

from assistant.orchestrators.asked_works import MOOD_ARGUMENTS, dumps, loads
from assistant.orchestrators.mood_words import writes_mood
from assistant.orchestrators.request_facts import (
    FOREIGN_LENGTH,
    LENGTH_COMPARATIVE,
    LONGER,
    NUMBER_WORDS,
    SHORTER,
    number_value,
)
from assistant.orchestrators.work_words import mentioned_tools

STANZA = 4  # lines of a stanza, as a poem has by default
FEWER = 2  # lines a poem loses when the request says no number
COUNT = r"(\d+|" + "|".join(NUMBER_WORDS) + r"|a few|a couple of|another|one more|an extra)"
LINE_UNITS = re.compile(
    COUNT + r"\s+(?:more\s+|extra\s+|additional\s+|fewer\s+|less\s+)?(lines?|stanzas?|verses?)\b", re.IGNORECASE
)
SPOKEN_LENGTH = re.compile(r"\b(too (?:short|long)|lines?|stanzas?|verses?)\b", re.IGNORECASE)
MELODY_LENGTH = frozenset({"add_bars", "bars"})
TAKES = frozenset({"new_variation", "variations"})


def length_sign(request: str) -> int | None:
    """The one way the request changes a length (1 longer, -1 shorter), when it speaks of length at all."""
    foreign = {sign for sign, words in FOREIGN_LENGTH.items() if words.search(request.lower())}
    if not (LENGTH_COMPARATIVE.search(request) or SPOKEN_LENGTH.search(request) or foreign):
        return None
    signs = {sign for sign, words in ((-1, SHORTER), (1, LONGER)) if words.search(request)} | foreign
    return signs.pop() if len(signs) == 1 else None


def lines_asked(request: str, sign: int) -> int:
    """Lines more (+) or fewer (-): as written ("2 more lines", "another stanza"), else a stanza more or 2 fewer."""
    match = LINE_UNITS.search(request)
    if match is None:
        return STANZA if sign > 0 else -FEWER
    written = match.group(1).lower()
    count = 1 if written in ("another", "one more", "an extra") else 2 if written == "a couple of" else None
    count = count or (STANZA if written == "a few" else number_value(written))
    per = STANZA if match.group(2).lower().startswith(("stanza", "verse")) else 1
    return sign * count * per


def text_spoken_of(request: str, existing: frozenset[str], last: frozenset[str]) -> bool:
    """A text exists and the request names it, or names no work right after a turn that touched the text alone."""
    named = mentioned_tools(request)
    return "write_text" in existing and ("write_text" in named or (not named and last == {"write_text"}))


def with_text_length(answer: str, request: str, existing: frozenset[str], last: frozenset[str]) -> str:
    """The answer with the request's change of length on its text (see the module doc); `existing` and `last` are
    tools."""
    sign = length_sign(request)
    calls = loads(answer)
    if sign is None or calls is None or not text_spoken_of(request, existing, last):
        return answer
    if any(name == "write_text" and ("lines" in args or args.get("kind", "poem") != "poem") for name, args in calls):
        return answer  # the model read the length itself ("8 lines"), or a new title is asked
    melody_named = "compose_melody" in mentioned_tools(request)
    out, change = [], {"add_lines": lines_asked(request, sign)}
    dropped = TAKES if writes_mood(request) else TAKES | frozenset(MOOD_ARGUMENTS)
    for name, args in calls:
        if name == "write_text" and not any(n == "write_text" for n, _ in out):
            kept = {k: v for k, v in args.items() if k not in dropped}
            out.append([name, kept if "lines" in kept else {**kept, **change}])
        elif name == "compose_melody" and not melody_named and set(args) <= MELODY_LENGTH | TAKES:
            continue  # the length meant for the text
        elif name != "write_text":
            out.append([name, args])
    if not any(name == "write_text" for name, _ in out):
        out.append(["write_text", change])
    return dumps(out)
