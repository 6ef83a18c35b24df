"""Free-text argument values (mood, subject, colours, instrument) must be copied from the request.

A small tuned model tends to replace a word it never saw in training by one it did ("triumphant" ->
"victorious"). While the answer is inside such a string value, a token is acceptable only if the value
stays a piece of the request; everything else (JSON, tool and argument names, numbers) is free.
"""

from __future__ import annotations

import re

COPY_KEYS = ("mood", "subject", "emphasize_colour", "palette", "instrument")
OPEN_VALUE = re.compile(r'"(\w+)":\s*(?:\[\s*(?:"[^"]*"\s*,\s*)*)?$')


def open_copy_value(answer: str) -> str | None:
    """The value typed so far when `answer` ends inside a copy-key string value, else None."""
    if answer.count('"') % 2 == 0:
        return None
    start = answer.rfind('"')
    key = OPEN_VALUE.search(answer[:start])
    if key is None or key.group(1) not in COPY_KEYS:
        return None
    return answer[start + 1 :]


def copy_ok(answer: str, piece: str, request: str) -> bool:
    """Whether appending `piece` to `answer` keeps every open copy value a piece of the request that starts
    at a word's start, and, when the piece closes the value, ends at a word's end ("triumph" is not a value
    when the request says "triumphant"). Case is the request's or all lower case ("Majestic" or "majestic",
    never "majeStic")."""
    value = open_copy_value(answer)
    if value is None:
        return True
    typed, closes, rest = piece.partition('"')
    candidate = value + typed
    if closes and (not candidate.strip() or '"' in rest):
        return False  # an empty value, or a second string opened in the same token
    ending = r"(?![A-Za-z0-9])" if closes else ""
    pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(candidate) + ending)
    return any(pattern.search(text) for text in (request, request.lower()))
