"""Free-text argument values (mood, subject, colours, instrument) must be copied from the request.

A small tuned model tends to replace a word it never saw in training by one it did ("triumphant" ->
"victorious"). While the answer is inside such a string value, a token is acceptable only if the value
stays a piece of the request; everything else (JSON, tool and argument names, numbers) is free. An instrument
value must also name an instrument we play ("a painting of a harbour" offers no instrument).
"""

from __future__ import annotations

import functools
import re

from tools.instruments import INSTRUMENTS, instrument_named
from tools.palette import COLOURS
from tools.translations import translations

COPY_KEYS = ("mood", "subject", "emphasize_colour", "palette", "instrument")
OPEN_VALUE = re.compile(r'"(\w+)":\s*(?:\[\s*(?:"[^"]*"\s*,\s*)*)?$')


def open_copy_value(answer: str) -> str | None:
    """The value typed so far when `answer` ends inside a copy-key string value, else None."""
    opened = open_copy_key_value(answer)
    return opened[1] if opened else None


def open_copy_key_value(answer: str) -> tuple[str, str] | None:
    """(argument name, value typed so far) when `answer` ends inside a copy-key string value, else None."""
    if answer.count('"') % 2 == 0:
        return None
    start = answer.rfind('"')
    key = OPEN_VALUE.search(answer[:start])
    if key is None or key.group(1) not in COPY_KEYS:
        return None
    return key.group(1), answer[start + 1 :]


@functools.cache
def instrument_words() -> frozenset[str]:
    """Every instrument name we play, in English and in the German, French and Spanish of our table."""
    names = set(INSTRUMENTS)
    names |= {w for table in translations()["instrument"].values() for w in table}
    return frozenset(names)


@functools.lru_cache(maxsize=64)
def instruments_in(request: str) -> frozenset[str]:
    """The instrument names the request says, as whole words (a plural 's' allowed) or misspelt ("ukelele");
    cached, as decoding asks once per candidate token."""
    lowered = request.lower()
    named = {n for n in instrument_words() if re.search(rf"(?<!\w){re.escape(n)}s?(?!\w)", lowered)}
    words = set(re.findall(r"[^\W\d_]+", lowered))
    misspelt = {w for w in words if w not in named and w.rstrip("s") not in named and instrument_named(w)}
    return frozenset(named | misspelt)  # "on guitr": the word as written, which the melody tool reads as guitar


def names_an_instrument(candidate: str, closes: bool, request: str) -> bool:
    """An instrument value must be (the start of) an instrument the request names: 'painting' or 'harbour'
    cannot be one."""
    text = candidate.strip().lower().removeprefix("the ")
    named = instruments_in(request)
    if closes:
        return text in named or text.rstrip("s") in named
    return any(name.startswith(text) for name in named)


WORD_ENDING = r"(?![A-Za-z0-9])"
# A colour we know may end where its comparative or "-ish" form goes on: "bluer" and "bluish" ask for blue, "redder"
# and "reddish" for red, "greyer" for grey.
COLOUR_KEYS = ("emphasize_colour", "palette")
COLOUR_ENDING = r"(?:d?(?:er|ish)|r|ish)?" + WORD_ENDING
KEY_THEN_VALUE = re.compile(r'"(\w+)"\s*:\s*(\S)')


def value_opens_right(answer: str, piece: str) -> bool:
    """A copy key's value opens as a string (the palette as a list): `"emphasize_colour": true` cannot be typed."""
    text = answer + piece
    for match in KEY_THEN_VALUE.finditer(text):
        if match.start(2) >= len(answer) and match.group(1) in COPY_KEYS:
            if match.group(2) != ("[" if match.group(1) == "palette" else '"'):
                return False
    return True


def copy_ok(answer: str, piece: str, request: str) -> bool:
    """Whether appending `piece` to `answer` keeps every open copy value a piece of the request that starts
    at a word's start, and, when the piece closes the value, ends at a word's end ("triumph" is not a value
    when the request says "triumphant"). Case is the request's or all lower case ("Majestic" or "majestic",
    never "majeStic"). A copy value opens as a string, the palette as a list."""
    if not value_opens_right(answer, piece):
        return False
    opened = open_copy_key_value(answer)
    if opened is None:
        return True
    key, value = opened
    typed, closes, rest = piece.partition('"')
    candidate = value + typed
    if closes and (not candidate.strip() or '"' in rest):
        return False  # an empty value, or a second string opened in the same token
    if key == "instrument" and not names_an_instrument(candidate, bool(closes), request):
        return False
    ending = ""
    if closes:
        ending = COLOUR_ENDING if key in COLOUR_KEYS and candidate.strip().lower() in COLOURS else WORD_ENDING
    pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(candidate) + ending)
    return any(pattern.search(text) for text in (request, request.lower()))
