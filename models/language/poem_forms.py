"""The forms a poem can be asked in, and whether a text has its form (checked by code, from how words sound).

free: a given number of lines (4 unless asked); couplets: AABB..; abab: ABAB (quatrains); haiku: three lines
of 5, 7 and 5 syllables. A title is 2-6 words; a description 1-3 sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.language.verse_sounds import last_word, line_syllables, rhyme

FORMS = ("free", "couplets", "abab", "haiku")
HAIKU = (5, 7, 5)


@dataclass(frozen=True)
class PoemForm:
    name: str = "free"
    lines: int = 4
    scheme: str | None = None  # one letter per line: lines with the same letter rhyme
    syllables: tuple[int, ...] | None = None

    def partner(self, line: int) -> int | None:
        """The earlier line that line `line` must rhyme with, if any."""
        if not self.scheme:
            return None
        letter = self.scheme[line]
        return next((i for i in range(line) if self.scheme[i] == letter), None)

    def opens_rhyme(self, line: int) -> bool:
        """Whether a later line must rhyme with line `line` (its end word needs rhymes)."""
        return bool(self.scheme) and self.scheme[line] in self.scheme[line + 1 :]


def poem_form(name: str = "free", lines: int = 4) -> PoemForm:
    """The form by name; couplets need an even number of lines, ABAB a multiple of four (rounded up)."""
    if name not in FORMS:
        raise ValueError(f"unknown poem form {name!r}; known: {', '.join(FORMS)}")
    if name == "haiku":
        return PoemForm("haiku", 3, None, HAIKU)
    if name == "couplets":
        lines = max(2, lines + lines % 2)
        return PoemForm("couplets", lines, "".join(chr(65 + i // 2) for i in range(lines)))
    if name == "abab":
        lines = max(4, -(-lines // 4) * 4)
        return PoemForm("abab", lines, "".join(chr(65 + 2 * (i // 4) + i % 2) for i in range(lines)))
    return PoemForm("free", lines)


def verse_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def has_form(text: str, form: PoemForm) -> bool:
    """The text has exactly the form's lines, rhymes and syllables."""
    rows = verse_lines(text)
    if len(rows) != form.lines:
        return False
    if form.syllables and [line_syllables(r) for r in rows] != list(form.syllables):
        return False
    for i in range(form.lines):
        partner = form.partner(i)
        if partner is not None and not rhyme(last_word(rows[partner]), last_word(rows[i])):
            return False
    return True


def sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()])


def title_in_bounds(text: str) -> bool:
    return 2 <= len(text.split()) <= 6 and "\n" not in text.strip()


def description_in_bounds(text: str) -> bool:
    return 1 <= sentences(text) <= 3 and text.strip()[-1:] in ".!?"
