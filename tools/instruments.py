"""Instrument names -> General MIDI program and a comfortable pitch range."""

from __future__ import annotations

import csv
import os

from tools.translations import english
from tools.typos import typo_of

INSTRUMENTS_PATH = os.path.join(os.path.dirname(__file__), "data", "instruments.tsv")


def load_instruments(path: str = INSTRUMENTS_PATH) -> dict[str, tuple[int, int, int]]:
    """name -> (General MIDI program 0-127, lowest comfortable MIDI pitch, highest)."""
    with open(path) as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {name: (int(program), int(low), int(high)) for name, program, low, high in rows}


INSTRUMENTS = load_instruments()


def instrument_named(name: str) -> str | None:
    """The instrument a name means: ours, a plural, a German/French/Spanish/Italian/Portuguese word, or a typo of
    one of ours ("guitr", "ukelele"); else None."""
    key = name.strip().lower()
    for candidate in (key, key.rstrip("s"), key.replace("the ", ""), english(key, "instrument")):
        if candidate in INSTRUMENTS:
            return candidate
    return typo_of(key, INSTRUMENTS, same_first=True)


def resolve_instrument(name: str) -> tuple[str, int, int, int]:
    """(canonical name, program, low, high); unknown names raise ValueError listing the choices."""
    if (known := instrument_named(name)) is not None:
        return (known, *INSTRUMENTS[known])
    raise ValueError(f"unknown instrument {name!r}; try one of: {', '.join(sorted(INSTRUMENTS))}")
