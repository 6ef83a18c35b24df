"""Few-shot prompts for the base Gemma model: poems, titles and descriptions that carry a mood.

The examples are our own lines. Each prompt is a fixed prefix (cached) plus a short request;
output lines that repeat any prompt line count as leakage and are rejected.
"""

from __future__ import annotations

import re

POEM_PREFIX = """Short poems. Each poem has four lines and matches its mood.

Mood: melancholic. Subject: an empty harbour. Colours: grey, navy.
Poem:
The boats are gone, the water keeps their names,
a grey tide folds the evening into rain,
I count the ropes that no one comes to claim,
and listen for a bell that rings in vain.

Mood: joyful. Subject: a summer garden. Colours: gold, green.
Poem:
The bees are dancing in the golden rows,
the sun spills honey over every leaf,
a green wind laughs wherever summer goes,
and every hour is bright and light and brief.

Mood: calm. Subject: a lake at dawn. Colours: teal, white.
Poem:
Still water holds the first pale light,
a heron waits without a sound,
the mist lets go of the night,
and quiet settles all around.
"""

TITLE_PREFIX = """Titles for works of art, two to five words, matching the mood.

Mood: melancholic. Subject: an empty harbour. Title: Where the Boats Were
Mood: joyful. Subject: a summer garden. Title: Honey in the Rows
Mood: calm. Subject: a lake at dawn. Title: The Heron Waits
Mood: tense. Subject: a city at night. Title: Sirens Under Glass
Mood: hopeful. Subject: early spring. Title: First Green Light
"""

DESCRIPTION_PREFIX = """Short descriptions of a melody and a painting made together, one paragraph each.

Mood: melancholic. Subject: an empty harbour. Melody: slow, in A minor, on cello. Painting: grey and navy.
Description: A slow cello line in A minor drifts downward like a tide going out, while the painting's grey and navy fields hold the stillness of a harbour after the boats have left.

Mood: joyful. Subject: a summer garden. Melody: lively, in C major, on flute. Painting: gold and green.
Description: A bright flute tune in C major skips from note to note, and the painting answers with warm gold strokes over fresh green, like sunlight moving through a garden.
"""

STOP_STRINGS = ("\n\nMood:", "Mood:", "\n\n\n", "Poem:", "Title:", "Description:")


def request_text(kind: str, mood: str, subject: str, colours: str, music: str) -> str:
    head = f"\nMood: {mood}. Subject: {subject or 'untitled'}."
    if kind == "poem":
        return f"{head} Colours: {colours}.\nPoem:\n"
    if kind == "title":
        return f"Mood: {mood}. Subject: {subject or 'untitled'}. Title:"
    return f"{head} Melody: {music}. Painting: {colours}.\nDescription:"


PREFIXES = {"poem": POEM_PREFIX, "title": TITLE_PREFIX, "description": DESCRIPTION_PREFIX}


def prompt_lines(kind: str) -> set[str]:
    """Normalised lines of a prompt and their parts ("Title: Where the Boats Were" gives the title), to detect
    leakage of the examples into the output."""
    parts = set()
    for line in PREFIXES[kind].splitlines():
        parts.add(line)
        parts.update(re.split(r"[:.]", line))
    return {normalise(p) for p in parts if len(normalise(p)) > 8}


def normalise(line: str) -> str:
    return " ".join(line.lower().strip(" ,.;:!?\"'").split())
