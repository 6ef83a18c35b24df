"""Tool `compose_melody`: a melody from the brief, or a refinement of the last one.

Refinement keeps the melody where it can: tempo and instrument re-render the same notes,
a new key transposes them, more bars continue them, fewer bars cut them; only a change of
mood, mode or density (or a new variation) samples a new melody. Events are kept in the
model's key-normalised space with the shift to the asked key, so all of this is exact.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from dataclasses import asdict
from typing import ClassVar

import numpy as np
from pydantic import Field

from models.melody.accompaniment import accompany
from models.melody.character import CHARACTER_NAMES
from models.melody.events import MIN_PITCH, Note
from models.melody.phrases import bar_plan, form_letters, lead_bars
from models.melody.render import piano_roll_png, render_audio, write_midi
from models.melody.sampler import MelodyRequest, notes_in_key, sample_melody
from models.melody.stats import melody_stats
from models.registry import HARMONY_LSTM, MELODY_LSTM, register_shipped_models
from tools.brief import MelodyChanges, Variations
from tools.mood_mapping import MusicParameters, density_for_seed, music_parameters
from tools.protocol import Tool, ToolContext, ToolResult, prepare_brief

STEPS_PER_BAR = 16
KEY_PENALTY = MelodyRequest.key_penalty  # nats off a note outside the scale, for a mood with no chromatic colour
CHROMATIC = CHARACTER_NAMES.index("chromatic")


class ComposeMelodyArgs(MelodyChanges, Variations):
    """Make a melody, or change the current one: changes to its settings (mood, tempo, key, bars, ...) apply first."""

    not_routed: ClassVar[frozenset[str]] = frozenset({"temperature"})  # the panel's and programs', never learnt

    new_variation: bool = Field(False, description="a different melody with the same settings (new seed)")
    temperature: float = Field(1.0, ge=0.3, le=1.5, description="sampling temperature: lower is safer")


def _same_notes_source(prev: dict, params: MusicParameters, seed: int) -> bool:
    """True when the previous melody's notes are still right (only rendering, key or length changed)."""
    return (
        prev.get("seed") == seed
        and prev.get("mode") == params.mode
        and abs(prev.get("density", -1) - params.density) < 1e-6
        and tuple(prev.get("character", params.character)) == tuple(params.character)  # older sessions lack it
    )


def _refit_shift(prev: dict, params: MusicParameters) -> int:
    """The previous shift moved to the new tonic, then by octaves to sit nearest the register within the range."""
    delta = (params.tonic_pitch_class - prev["tonic_pitch_class"]) % 12
    base = prev["shift"] + (delta - 12 if delta > 6 else delta)
    pitches = [e - 2 + MIN_PITCH + base for e in prev["events"] if e >= 2]
    if not pitches:
        return base
    mean = sum(pitches) / len(pitches)
    fits = [
        12 * k
        for k in range(-3, 4)
        if min(pitches) + 12 * k >= params.pitch_low and max(pitches) + 12 * k <= params.pitch_high
    ]
    return base + min(fits or [0], key=lambda o: abs(mean + o - params.register))


def _melody_for(args: ComposeMelodyArgs, ctx: ToolContext, params: MusicParameters, seed: int):
    """(model-space events, shift to the asked key, how they were obtained)."""
    prev = ctx.previous.data if ctx.previous else None
    if prev and not args.new_variation and _same_notes_source(prev, params, seed):
        shift = _refit_shift(prev, params)
        events = prev["events"]
        steps = (params.bars + lead_bars(events, STEPS_PER_BAR)) * STEPS_PER_BAR  # a pickup bar comes on top
        moved = f", transposed {shift - prev['shift']:+d}" if shift != prev["shift"] else ""
        if steps <= len(events):
            how = "same melody" if steps == len(events) else f"cut to {params.bars} bars"
            return events[:steps], shift, how + moved
        req = melody_request(params, seed, args.temperature, bars=(steps - len(events)) // STEPS_PER_BAR, primer=events)
        req.shift = shift
        best = sample_melody(register_shipped_models().get(MELODY_LSTM), req)[0]
        return best.events, shift, f"continued the same melody by {req.bars} bars" + moved
    req = melody_request(params, seed, args.temperature, params.bars, pickup=None)
    best = sample_melody(register_shipped_models().get(MELODY_LSTM), req)[0]
    return best.events, best.shift, "new melody"


def melody_request(
    params: MusicParameters, seed: int, temperature: float, bars: int, primer=None, pickup: int | None = 0
) -> MelodyRequest:
    """The sampler's request for these settings; `pickup` None lets the plan choose one by mood and seed."""
    return MelodyRequest(
        bars=bars,
        steps_per_bar=STEPS_PER_BAR,
        tonic=params.tonic_pitch_class,
        mode=params.mode,
        density=density_for_seed(params.density, seed),
        register=params.register,
        pitch_low=params.pitch_low,
        pitch_high=params.pitch_high,
        temperature=temperature,
        seed=seed,
        primer=primer,
        character=params.character,
        key_penalty=KEY_PENALTY * (1.0 - params.character[CHROMATIC]),  # tense moods may leave the scale
        pickup=pickup,
    )


BASS_FLOOR, CHORD_FLOOR = 28, 40  # E1, E2: lower than this a low instrument's accompaniment moves up an octave


def accompaniment_for(events: list[int], shift: int, params: MusicParameters) -> list[Note]:
    """Bass and chords under the melody in the asked key (empty when the brief does not ask for them)."""
    if not params.accompaniment:
        return []
    bass, chords = accompany(register_shipped_models().get(HARMONY_LSTM), events, STEPS_PER_BAR, params.mode == "minor")
    return _at_least(bass, shift, BASS_FLOOR) + _at_least(chords, shift, CHORD_FLOOR)


def _at_least(notes: list[Note], shift: int, floor: int) -> list[Note]:
    """Notes moved to the asked key, an octave up where they would fall below the floor."""
    up = 12 * max(0, -(-(floor - min((n.pitch + shift for n in notes), default=floor)) // 12))
    return [Note(n.start, n.duration, n.pitch + shift + up) for n in notes]


def render_melody(
    notes: list[Note], total_steps: int, params: MusicParameters, out_dir: str, form: str = "", under: list[Note] = ()
):
    """MIDI (with the accompaniment as a second track), WAV and piano roll files for a melody; returns files by
    role and the audio engine used."""
    os.makedirs(out_dir, exist_ok=True)
    files = {
        "midi": os.path.join(out_dir, "melody.mid"),
        "audio": os.path.join(out_dir, "melody.wav"),
        "piano_roll": os.path.join(out_dir, "piano_roll.png"),
    }
    write_midi(notes, params.tempo, params.program, files["midi"], params.performance, under)  # pickup after rests
    engine = _render_heard(notes, params, files, under)
    piano_roll_png(
        notes,
        total_steps,
        STEPS_PER_BAR,
        params.tonic_pitch_class,
        params.mode,
        files["piano_roll"],
        bar_labels=form.split(),
        under=under,
    )
    return files, engine


def _render_heard(notes: list[Note], params: MusicParameters, files: dict, under: list[Note]) -> str:
    """The audio starts with the first note: a pickup's silent beats are in the MIDI, not in what is heard."""
    lead = min((n.start for n in notes), default=0)
    play = params.performance
    if lead == 0:
        return render_audio(
            notes, params.tempo, params.program, files["midi"], files["audio"], performance=play, accompaniment=under
        )
    heard = [Note(n.start - lead, n.duration, n.pitch) for n in notes]
    under_heard = [Note(n.start - lead, n.duration, n.pitch) for n in under]
    play = dataclasses.replace(play, moved_earlier=lead)
    with tempfile.TemporaryDirectory() as tmp:
        midi = write_midi(heard, params.tempo, params.program, os.path.join(tmp, "heard.mid"), play, under_heard)
        return render_audio(
            heard, params.tempo, params.program, midi, files["audio"], performance=play, accompaniment=under_heard
        )


def compose_melody(args: ComposeMelodyArgs, ctx: ToolContext) -> ToolResult:
    brief, seed, changes = prepare_brief(ctx, args, "melody", args.new_variation)
    params = music_parameters(brief)
    ctx.progress("composing the melody")
    events, shift, how = _melody_for(args, ctx, params, seed)
    notes = notes_in_key(events, shift)
    ctx.progress("rendering MIDI, audio and piano roll")
    form = form_letters(bar_plan(np.array(events), STEPS_PER_BAR))  # as the notes have it, bar by bar
    under = accompaniment_for(events, shift, params)
    files, engine = render_melody(notes, len(events), params, ctx.out_dir, form, under)
    stats = melody_stats(notes, len(events), params.tonic_pitch_class, params.mode)
    summary = (
        f"{params.bars} bars in {params.tonic} {params.mode} at {params.tempo} bpm on {params.instrument} "
        f"({how}; form {form}; {stats.in_key_ratio:.0%} in key{'; with bass and chords' if under else ''})"
    )
    data = {
        "events": events,
        "shift": shift,
        "seed": seed,
        **asdict(params),
        "character": list(params.character),  # JSON-native, as it comes back from a saved session
        "stats": stats.as_dict(),
        "form": form,
        "audio_engine": engine,
    }
    return ToolResult("melody", brief, seed, files, summary, data, changes=changes + [how])


def warm_up() -> None:
    """Load the melody and harmony networks and start the synthesizer once (two bars into a scratch folder)."""
    from tools.brief import CreativeBrief

    params = music_parameters(CreativeBrief(bars=2, accompaniment=True))  # the harmony model loads too
    request = melody_request(params, 1, ComposeMelodyArgs().temperature, bars=2)
    best = sample_melody(register_shipped_models().get(MELODY_LSTM), request)[0]
    under = accompaniment_for(best.events, best.shift, params)
    with tempfile.TemporaryDirectory() as tmp:
        render_melody(notes_in_key(best.events, best.shift), len(best.events), params, tmp, under=under)


TOOL = Tool(
    name="compose_melody",
    description="Compose a melody (MIDI, audio, piano roll) from the creative brief, or refine the current one: "
    "slower/faster, another key, longer (continues it), another instrument, or a new variation.",
    args_model=ComposeMelodyArgs,
    run=compose_melody,
    kind="melody",
)
