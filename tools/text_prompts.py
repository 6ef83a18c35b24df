"""Few-shot prompts for the base Gemma model: poems, titles and descriptions that carry a mood.

A small model copies the feeling of its examples more than it follows a mood word, so the examples
are chosen by the brief's region of the valence/arousal plane (sorrow, tension, joy, calm): each
region has its own fixed prefix (its key/value cache is computed once). All examples are our own
lines; output lines that repeat any prompt line count as leakage and are rejected.
"""

from __future__ import annotations

import re

POEMS = {
    "sorrow": [
        (
            "melancholic. Subject: an empty harbour. Colours: grey, navy.",
            "The boats are gone, the water keeps their names,\na grey tide folds the evening into rain,\n"
            "I count the ropes that no one comes to claim,\nand listen for a bell that rings in vain.",
        ),
        (
            "lonely. Subject: a room in winter. Colours: grey, white.",
            "The kettle cools beside an empty chair,\nthe window keeps the shape of falling snow,\n"
            "I leave a light for someone who's not there,\nand hear the clock forget what I still know.",
        ),
        (
            "grieving. Subject: an autumn road. Colours: brown, ochre.",
            "The leaves come down like letters never sent,\nthe road runs on without the ones we lost,\n"
            "I walk the miles of all the years we spent,\nand count the colours of the coming frost.",
        ),
    ],
    "tension": [
        (
            "tense. Subject: a city at night. Colours: black, red.",
            "The sirens fold the alleys into knots,\na red light blinks above the shuttered store,\n"
            "my footsteps echo louder than my thoughts,\nand something waits behind the second door.",
        ),
        (
            "angry. Subject: a storm at sea. Colours: slate, white.",
            "The waves throw down their fists against the stone,\nthe wind tears at the ropes and will not rest,\n"
            "the sky cracks open with a thunder groan,\nand every mast is bending to the west.",
        ),
        (
            "fearful. Subject: a forest path. Colours: green, black.",
            "The branches close like hands across the sky,\na twig snaps somewhere just outside the light,\n"
            "I hold my breath and do not wonder why,\nthe path grows narrow, swallowed by the night.",
        ),
    ],
    "joy": [
        (
            "joyful. Subject: a summer garden. Colours: gold, green.",
            "The bees are dancing in the golden rows,\nthe sun spills honey over every leaf,\n"
            "a green wind laughs wherever summer goes,\nand every hour is bright and light and brief.",
        ),
        (
            "energetic. Subject: a festival. Colours: orange, pink.",
            "The drums roll out across the crowded square,\nthe lanterns swing in orange, pink and gold,\n"
            "we spin and laugh with ribbons in our hair,\nand every song is louder than the old.",
        ),
        (
            "hopeful. Subject: early spring. Colours: green, yellow.",
            "The first green shoots are pushing through the frost,\na yellow sun is climbing up the hill,\n"
            "the birds return to find what winter lost,\nand all the fields are bright with daffodil.",
        ),
    ],
    "calm": [
        (
            "calm. Subject: a lake at dawn. Colours: teal, white.",
            "Still water holds the first pale light,\na heron waits without a sound,\n"
            "the mist lets go of the night,\nand quiet settles all around.",
        ),
        (
            "peaceful. Subject: a meadow at dusk. Colours: lavender, gold.",
            "The meadow hums beneath a lavender sky,\nthe golden grass lies down to rest its head,\n"
            "the swallows trace their circles slow and high,\nand evening tucks the hills into their bed.",
        ),
        (
            "dreamy. Subject: the moon over water. Colours: silver, blue.",
            "A silver path lies softly on the sea,\nthe moon leans down to listen to the tide,\n"
            "the night drifts by as gently as can be,\nand all the quiet world is opened wide.",
        ),
    ],
}

TITLES = {
    "sorrow": [
        ("melancholic", "an empty harbour", "Where the Boats Were"),
        ("lonely", "a room in winter", "The Empty Chair"),
        ("grieving", "an autumn road", "Letters Never Sent"),
        ("sad", "a railway station", "Rain on the Last Train"),
        ("mournful", "the sea", "What the Tide Took"),
    ],
    "tension": [
        ("tense", "a city at night", "Sirens Under Glass"),
        ("fearful", "a dark house", "The Second Door"),
        ("angry", "a storm at sea", "Fists of the Storm"),
        ("anxious", "a summer sky", "Before the Thunder"),
        ("restless", "a motel at night", "Red Light Blinking"),
    ],
    "joy": [
        ("joyful", "a summer garden", "Honey in the Rows"),
        ("energetic", "a festival", "Lanterns and Drums"),
        ("hopeful", "early spring", "First Green Light"),
        ("playful", "a windy beach", "Kites Over the Bay"),
        ("cheerful", "a small town", "Sunrise Parade"),
    ],
    "calm": [
        ("calm", "a lake at dawn", "The Heron Waits"),
        ("peaceful", "a meadow at dusk", "Lavender Hour"),
        ("dreamy", "the moon over water", "Moon on the Water"),
        ("gentle", "falling snow", "Slow Snow"),
        ("cozy", "a rainy afternoon", "Tea by the Window"),
    ],
}

DESCRIPTION_PREFIX = """Short descriptions of a melody and a painting made together, one paragraph each.

Mood: melancholic. Subject: an empty harbour. Melody: slow, in A minor, on cello. Painting: grey and navy.
Description: A slow cello line in A minor drifts downward like a tide going out, while the painting's grey and navy fields hold the stillness of a harbour after the boats have left.

Mood: joyful. Subject: a summer garden. Melody: lively, in C major, on flute. Painting: gold and green.
Description: A bright flute tune in C major skips from note to note, and the painting answers with warm gold strokes over fresh green, like sunlight moving through a garden.
"""

REGIONS = tuple(POEMS)
STOP_STRINGS = ("\n\nMood:", "Mood:", "\n\n\n", "Poem:", "Title:", "Description:")


def mood_region(valence: float, arousal: float) -> str:
    """Which examples suit a brief: sorrow and tension (unpleasant, calm or aroused), joy, calm."""
    if valence <= -0.2:
        return "tension" if arousal > 0.3 else "sorrow"
    return "joy" if arousal > 0.2 else "calm"


def poem_prefix(region: str) -> str:
    shots = "\n\n".join(f"Mood: {head}\nPoem:\n{poem}" for head, poem in POEMS[region])
    return f"Short poems. Each poem has four lines and matches its mood.\n\n{shots}\n"


def title_prefix(region: str) -> str:
    shots = "\n".join(f"Mood: {m}. Subject: {s}. Title: {t}" for m, s, t in TITLES[region])
    return f"Titles for works of art, two to five words, matching the mood.\n\n{shots}\n"


def prompt_prefix(kind: str, region: str) -> str:
    if kind == "poem":
        return poem_prefix(region)
    if kind == "title":
        return title_prefix(region)
    return DESCRIPTION_PREFIX


PREFIXES = {(kind, region): prompt_prefix(kind, region) for kind in ("poem", "title") for region in REGIONS}
PREFIXES[("description", "any")] = DESCRIPTION_PREFIX


def request_text(kind: str, mood: str, subject: str, colours: str, music: str) -> str:
    head = f"\nMood: {mood}. Subject: {subject or 'untitled'}."
    if kind == "poem":
        return f"{head} Colours: {colours}.\nPoem:\n"
    if kind == "title":
        return f"Mood: {mood}. Subject: {subject or 'untitled'}. Title:"
    return f"{head} Melody: {music}. Painting: {colours}.\nDescription:"


FIELD_LABEL = re.compile(r"^\W*(mood|subject|colou?rs?|poem|title|description|melody|painting)\s*[-:]", re.I)


def starts_with_field_label(line: str) -> bool:
    """A line that opens like a field of the prompt ("Mood: ...", "Title - ..."): the format leaking."""
    return bool(FIELD_LABEL.match(line))


def prompt_lines(kind: str) -> set[str]:
    """Normalised lines of every prompt of a kind and their parts ("Title: Where the Boats Were" gives the
    title), to detect leakage of the examples into the output."""
    parts = set()
    for (k, _), prefix in PREFIXES.items():
        if k != kind:
            continue
        for line in prefix.splitlines():
            parts.add(line)
            parts.update(re.split(r"[:.]", line))
    return {normalise(p) for p in parts if len(normalise(p)) > 8}


def normalise(line: str) -> str:
    return " ".join(line.lower().strip(" ,.;:!?\"'").split())
