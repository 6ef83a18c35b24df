"""Instrument names -> General MIDI program and a comfortable pitch range."""

from __future__ import annotations

# name: (GM program 0-127, lowest comfortable MIDI pitch, highest)
INSTRUMENTS: dict[str, tuple[int, int, int]] = {
    "piano": (0, 45, 88),
    "electric piano": (4, 45, 84),
    "harpsichord": (6, 45, 84),
    "celesta": (8, 60, 96),
    "glockenspiel": (9, 72, 105),
    "music box": (10, 60, 96),
    "vibraphone": (11, 53, 89),
    "marimba": (12, 45, 84),
    "organ": (19, 36, 84),
    "accordion": (21, 53, 89),
    "harmonica": (22, 60, 84),
    "guitar": (24, 40, 76),
    "nylon guitar": (24, 40, 76),
    "steel guitar": (25, 40, 76),
    "electric guitar": (27, 40, 79),
    "bass": (33, 28, 55),
    "violin": (40, 55, 96),
    "viola": (41, 48, 84),
    "cello": (42, 36, 72),
    "contrabass": (43, 28, 55),
    "harp": (46, 36, 96),
    "strings": (48, 40, 88),
    "choir": (52, 48, 79),
    "trumpet": (56, 55, 82),
    "trombone": (57, 40, 72),
    "tuba": (58, 28, 58),
    "french horn": (60, 41, 77),
    "horn": (60, 41, 77),
    "brass": (61, 45, 79),
    "saxophone": (65, 49, 81),
    "sax": (65, 49, 81),
    "oboe": (68, 58, 91),
    "english horn": (69, 52, 81),
    "bassoon": (70, 34, 72),
    "clarinet": (71, 50, 91),
    "piccolo": (72, 74, 108),
    "flute": (73, 60, 96),
    "recorder": (74, 60, 86),
    "pan flute": (75, 60, 93),
    "ocarina": (79, 60, 84),
    "synth": (80, 48, 96),
    "synth lead": (80, 48, 96),
    "pad": (88, 40, 88),
    "sitar": (104, 48, 84),
    "banjo": (105, 48, 84),
    "koto": (107, 48, 84),
    "kalimba": (108, 60, 88),
    "bagpipe": (109, 55, 81),
    "fiddle": (110, 55, 96),
    "steel drums": (114, 55, 84),
}


def resolve_instrument(name: str) -> tuple[str, int, int, int]:
    """(canonical name, program, low, high); unknown names raise ValueError listing the choices."""
    key = name.strip().lower()
    for candidate in (key, key.rstrip("s"), key.replace("the ", "")):
        if candidate in INSTRUMENTS:
            return (candidate, *INSTRUMENTS[candidate])
    raise ValueError(f"unknown instrument {name!r}; try one of: {', '.join(sorted(INSTRUMENTS))}")
