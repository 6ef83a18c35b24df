"""The creative brief: one typed object per session that every tool reads, and typed changes to it.

It lives in tools/ (not assistant/) because tools read it and imports flow
ui -> assistant -> tools -> models only. What the mood means for each medium (tempo, mode, colours) is in the
mappings (`mood_mapping`, `painting_mapping`).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, field_validator

from tools.mood_lexicon import read_mood
from tools.mood_mapping import KEYS, TEMPO_RANGE, clamp, effective_tempo, mood_mode, tonic_of, transposed_tonic
from tools.palette import read_colour, read_palette, unknown_colour_message

PAINT_STYLES = ("color_field", "geometric", "horizon", "strokes")
BARS_RANGE = (1, 64)
MEDIA = ("melody", "painting", "text")
MOOD_FIELDS = ("mood", "valence", "arousal")
# The settings each kind of work is made from beside the mood; a new work "to match" reads them from the others.
OWN_FIELDS = {
    "melody": ("tempo", "key", "mode", "bars", "instrument", "accompaniment"),
    "painting": ("palette", "subject", "style", "brightness_offset", "saturation_offset"),
    "text": ("subject",),
}

Mode = Literal["major", "minor"]
PaintStyle = Literal["color_field", "geometric", "horizon", "strokes"]


MOOD_CHARACTERS = re.compile(r"[^\W_]|[\s,'’&/-]")  # letters of any language, spaces and joining marks


def check_mood_words(value: str | None) -> str | None:
    """Mood words are words: no markup, digits or brackets (they are shown in summaries and read by tools)."""
    if value is not None and not all(MOOD_CHARACTERS.fullmatch(c) for c in value):
        raise ValueError("use words only (letters, spaces, commas and hyphens), e.g. 'dark but hopeful'")
    return value


WORDS_MAX = 80
MoodWords = Annotated[str, Field(max_length=WORDS_MAX), AfterValidator(check_mood_words)]


class CreativeBrief(BaseModel):
    """What a work is made from: each version keeps its own, and the session keeps the shared one that new works
    start from (`shared_after`). None means 'derived from the mood'."""

    mood: MoodWords = Field("calm", description="mood words, e.g. 'melancholic' or 'dark but hopeful'")
    valence: float = Field(0.45, ge=-1, le=1, description="unpleasant (-1) .. pleasant (+1)")
    arousal: float = Field(-0.65, ge=-1, le=1, description="calm (-1) .. excited (+1)")
    palette: list[str] = Field(default_factory=list, description="colour names or #RRGGBB, main colour first")
    subject: str = Field("", description="what the works are about, e.g. 'the sea at night'")
    style: PaintStyle | None = None
    tempo: int | None = Field(None, ge=TEMPO_RANGE[0], le=TEMPO_RANGE[1], description="beats per minute")
    key: str | None = Field(None, description="tonic, e.g. 'D' or 'Bb'")
    mode: Mode | None = None
    bars: int = Field(8, ge=BARS_RANGE[0], le=BARS_RANGE[1])
    instrument: str = "piano"
    accompaniment: bool = Field(False, description="bass and chords under the melody")
    brightness_offset: float = Field(0.0, ge=-0.5, le=0.5)
    saturation_offset: float = Field(0.0, ge=-0.5, le=0.5)
    seeds: dict[str, int] = Field(default_factory=lambda: {m: 1 for m in MEDIA})

    @field_validator("key")
    @classmethod
    def _known_key(cls, v: str | None) -> str | None:
        if v is not None and v not in KEYS:
            raise ValueError(f"unknown key {v!r}; use one of {', '.join(KEYS)}")
        return v


def shared_after(shared: CreativeBrief, made: CreativeBrief, kind: str) -> CreativeBrief:
    """The session's shared settings after a version of `kind` was made or restored: its mood, and its own
    settings (the melody's tempo, the painting's subject), so a new work 'to match' starts from them."""
    own = {f: getattr(made, f) for f in (*MOOD_FIELDS, *OWN_FIELDS.get(kind, ()))}
    return shared.model_copy(update=own)


# Free text is bounded, so one request cannot hold a work slot for minutes or grow every later version.
NAME_MAX, SUBJECT_MAX, PALETTE_MAX = 40, 200, 8


SCALE_RANGE = (0.25, 4.0)
KEY_NAMES = {"flat": "b", "sharp": "#", "♭": "b", "♯": "#"}


def normal_key(value: str | None) -> str | None:
    """'E flat', 'e-flat', 'E♭', 'eb', 'D' -> the brief's spelling ('Eb', 'D'); an unknown key is an error, so the
    model is asked again instead of the key being dropped."""
    if value is None:
        return None
    text = value.strip().replace("-", " ")
    text = re.sub(r"\s+(major|minor)$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*(flat|sharp|♭|♯)$", lambda m: KEY_NAMES[m.group(1).lower()], text, flags=re.IGNORECASE)
    key = text[:1].upper() + text[1:].lower()
    if key not in KEYS:
        raise ValueError(f"unknown key {value!r}; use one of {', '.join(KEYS)} (or 'E flat', 'F sharp')")
    return key


STATED_AMOUNT = re.compile(
    r"(?<![\w.+])([-−–]\s*)?(\d+(?:[.,]\d+)?|nan|inf(?:inity)?)\s*(bpm|beats per minute|bars?)\b"
    r"(?!\s+(?:slower|faster|shorter|longer|less|more))",
    re.IGNORECASE,
)


def impossible_values(text: str) -> str | None:
    """A sentence about a tempo or length the text states that no melody can have (negative, zero, NaN,
    infinite), or None. Such a value is explained, never read as something else ('-5 bpm' is not '5 bpm slower')."""
    for match in STATED_AMOUNT.finditer(text):
        sign, number, unit = match.groups()
        value = float("nan") if number.lower() == "nan" else float(number.replace(",", "."))
        if sign:
            value = -value
        if value > 0 and value != float("inf"):
            continue
        stated = match.group(0).strip()
        if unit.lower().startswith("bar"):
            return (
                f"{stated!r} is not a length a melody can have: give a whole number of bars from "
                f"{BARS_RANGE[0]} to {BARS_RANGE[1]}, e.g. '16 bars' or 'make it longer'. Nothing was changed."
            )
        return (
            f"{stated!r} is not a tempo a melody can have: give a tempo from {TEMPO_RANGE[0]} to "
            f"{TEMPO_RANGE[1]} bpm, e.g. 'at 60 bpm' or 'slower'. Nothing was changed."
        )
    return None


class MoodChanges(BaseModel):
    """Changes a request may ask of any work: its mood. Out-of-range values are errors, not clamped: the turn
    loop asks the model once more with the error, and a person sees what was wrong."""

    mood: MoodWords | None = Field(None, description="new mood words, e.g. 'melancholic'")
    valence_change: float | None = Field(None, ge=-1, le=1, description="+ happier, - sadder")
    arousal_change: float | None = Field(None, ge=-1, le=1, description="+ more energetic, - calmer")

    def is_empty(self) -> bool:
        return not self.model_dump(exclude_none=True, include=set(BriefChanges.model_fields))


class MelodyChanges(MoodChanges):
    """Changes to a melody's settings; every field is optional."""

    tempo: int | None = Field(None, ge=TEMPO_RANGE[0], le=TEMPO_RANGE[1], description="absolute tempo in bpm")
    tempo_scale: float | None = Field(
        None, gt=SCALE_RANGE[0], lt=SCALE_RANGE[1], description="relative tempo: 0.8 slower, 1.25 faster, 0.5 half"
    )
    tempo_change: int | None = Field(None, ge=-120, le=120, description="'10 bpm faster': +10, '20 bpm slower': -20")
    key: str | None = Field(None, max_length=NAME_MAX, description="tonic: 'D', 'Eb', 'E flat', 'F#'")
    transpose: int | None = Field(None, ge=-12, le=12, description="semitones: 'up a tone' +2, 'down a fifth' -7")
    mode: Mode | None = None
    bars: int | None = Field(None, ge=BARS_RANGE[0], le=BARS_RANGE[1], description="absolute length in bars")
    add_bars: int | None = Field(
        None, ge=1, le=BARS_RANGE[1], description="'longer': add this many bars (continues the melody)"
    )
    instrument: str | None = Field(None, max_length=NAME_MAX)
    accompaniment: bool | None = Field(None, description="bass and chords under the melody: true adds, false removes")

    @field_validator("key")
    @classmethod
    def _spelled_key(cls, v: str | None) -> str | None:
        return normal_key(v)


class PaintingChanges(MoodChanges):
    """Changes to a painting's settings; every field is optional."""

    palette: list[Annotated[str, Field(max_length=NAME_MAX)]] | None = Field(
        None, max_length=PALETTE_MAX, description="replace the palette with these colours"
    )
    emphasize_colour: str | None = Field(
        None, max_length=NAME_MAX, description="'more blue': make this colour the main one"
    )
    subject: str | None = Field(None, max_length=SUBJECT_MAX, description="what to paint, e.g. 'a stormy sea at dusk'")
    style: PaintStyle | None = None
    brightness_change: float | None = Field(None, ge=-1, le=1, description="+ brighter, - darker")
    saturation_change: float | None = Field(None, ge=-1, le=1, description="+ more vivid, - more muted")


class TextChanges(MoodChanges):
    """Changes to a text's settings; every field is optional."""

    subject: str | None = Field(None, max_length=SUBJECT_MAX, description="what it is about, e.g. 'the sea at night'")


class BriefChanges(MelodyChanges, PaintingChanges, TextChanges):
    """Changes to any settings (the panel, a program); each tool takes only its own work's (a melody call
    cannot carry a palette)."""


MAX_VARIATIONS = 4


class Variations(BaseModel):
    """How many versions one call makes: 'three other takes' is one call with 3, never three calls."""

    variations: int = Field(1, ge=1, le=MAX_VARIATIONS, description="versions to make: 'three other takes' 3")


MOOD_AXES = {"valence": ("happier", "sadder"), "arousal": ("more energetic", "calmer")}


def mood_axis_note(field: str, before: float, after: float, delta: float) -> str:
    """'happier (valence -0.60 -> -0.30)': the direction in words, then the value before and after."""
    word = MOOD_AXES[field][0 if delta > 0 else 1]
    if after == before:
        return f"{word}: already at the end of the scale ({field} {after:+.2f})"
    return f"{word} ({field} {before:+.2f} -> {after:+.2f})"


def apply_changes(brief: CreativeBrief, changes: MoodChanges) -> tuple[CreativeBrief, list[str]]:
    """A new brief with the changes (any work's) applied and clamped, plus human-readable notes of what changed."""
    changes = BriefChanges.model_validate(changes.model_dump(exclude_none=True, include=set(BriefChanges.model_fields)))
    data, notes = brief.model_dump(), []
    if changes.mood is not None:
        reading = read_mood(changes.mood, by_meaning=True)
        if not reading.known:
            notes.append(f"I don't know the mood {changes.mood!r}; kept {brief.mood!r}")
        else:
            data.update(mood=changes.mood, valence=reading.valence, arousal=reading.arousal, tempo=None, mode=None)
            notes.append(f"mood {changes.mood} (valence {reading.valence:+.2f}, arousal {reading.arousal:+.2f})")
    for field in MOOD_AXES:
        delta = getattr(changes, f"{field}_change")
        if delta:
            before = data[field]
            data[field] = round(clamp(before + delta, -1, 1), 3)
            notes.append(mood_axis_note(field, before, data[field], delta))
    _apply_palette(data, changes, notes)
    _apply_music(brief, data, changes, notes)
    for field in ("brightness", "saturation"):
        delta = getattr(changes, f"{field}_change")
        if delta:
            data[f"{field}_offset"] = round(clamp(data[f"{field}_offset"] + 0.5 * delta, -0.5, 0.5), 3)
            notes.append(f"{field} {'up' if delta > 0 else 'down'}")
    for field in ("subject", "style", "instrument"):
        value = getattr(changes, field)
        if value is not None:
            data[field] = value
            notes.append(f"{field} {value}")
    if changes.accompaniment is not None:
        data["accompaniment"] = changes.accompaniment
        notes.append("with bass and chords" if changes.accompaniment else "melody alone (no accompaniment)")
    return CreativeBrief.model_validate(data), notes


def _apply_palette(data: dict, changes: BriefChanges, notes: list[str]) -> None:
    """Colours as written ("purples and greys", "soft greens") are kept by their read names; unknown
    ones are reported with the nearest names we know, unless they are words of the subject ("a birch forest":
    the model's palette "birch" is the subject's tree, not an unknown colour to report)."""
    if changes.palette is not None:
        subject = set(re.findall(r"[a-z]+", (changes.subject or data.get("subject") or "").lower()))
        known, unknown = read_palette(changes.palette)
        unknown = [p for p in unknown if not set(re.findall(r"[a-z]+", p.lower())) <= subject]
        if unknown:
            notes.append(unknown_colour_message(unknown))
        if known:
            data["palette"] = [c.name for c in known]
            notes.append(f"palette {', '.join(data['palette'])}")
    if changes.emphasize_colour is not None:
        colour = read_colour(changes.emphasize_colour)
        if colour is not None:
            data["palette"] = [colour.name] + [c for c in data["palette"] if c != colour.name][:2]
            notes.append(f"more {colour.name}")
        else:
            notes.append(unknown_colour_message([changes.emphasize_colour]))


def _apply_music(brief: CreativeBrief, data: dict, changes: BriefChanges, notes: list[str]) -> None:
    if changes.tempo is not None:
        data["tempo"] = changes.tempo  # the schema holds it in range
        notes.append(f"tempo {data['tempo']} bpm")
    elif changes.tempo_scale is not None or changes.tempo_change is not None:
        current = effective_tempo(CreativeBrief.model_validate(data))
        wanted = current * (changes.tempo_scale or 1) + (changes.tempo_change or 0)
        data["tempo"] = int(round(clamp(wanted, *TEMPO_RANGE)))
        limit = " (the slowest)" if wanted < TEMPO_RANGE[0] else " (the fastest)" if wanted > TEMPO_RANGE[1] else ""
        notes.append(f"tempo {current} -> {data['tempo']} bpm{limit}")
    if changes.mode is not None:
        data["mode"] = changes.mode
        notes.append(f"{changes.mode} mode")
    if changes.key is not None:
        data["key"] = changes.key
        notes.append(f"key {changes.key}")
    if changes.transpose:
        tonic = tonic_of(data["key"], mood_mode(data["mode"], data["valence"]))  # the mood's when none is set
        data["key"] = transposed_tonic(tonic, changes.transpose)
        notes.append(f"transposed {changes.transpose:+d} semitones to {data['key']}")
    if changes.bars is not None:
        data["bars"] = changes.bars
        notes.append(f"{data['bars']} bars")
    elif changes.add_bars:
        data["bars"] = int(clamp(brief.bars + changes.add_bars, *BARS_RANGE))
        notes.append(f"{brief.bars} -> {data['bars']} bars")
