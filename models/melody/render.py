"""Rendering a melody: MIDI file, WAV audio (FluidSynth + GM soundfont, else a built-in synth), piano roll PNG."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import wave

import numpy as np

from models.melody import fluidsynth_library
from models.melody.events import PITCH_CLASS_NAMES, Note, scale_pitch_classes
from models.melody.performance import Performance

SAMPLE_RATE = 22050
SOUNDFONT_CANDIDATES = (
    "/usr/share/sounds/sf2/FluidR3_GM.sf2",
    "/usr/share/sounds/sf2/TimGM6mb.sf2",
    "/usr/share/sounds/sf3/MuseScore_General.sf3",
)


def step_seconds(tempo: float) -> float:
    return 60.0 / tempo / 4.0


ACCOMPANIMENT_PROGRAM = 0  # acoustic grand piano under any melody instrument


def accompaniment_performance(melody: Performance) -> Performance:
    """Softer than the melody, legato, half its accents."""
    return Performance(max(30, melody.velocity - 28), melody.accent // 2, 1.0, melody.moved_earlier)


def _track(notes: list[Note], program: int, dt: float, performance: Performance, name: str):
    import pretty_midi

    inst = pretty_midi.Instrument(program=program, name=name)
    for n in notes:
        end = (n.start + performance.sounding_steps(n)) * dt
        inst.notes.append(pretty_midi.Note(performance.note_velocity(n), n.pitch, n.start * dt, end))
    return inst


def write_midi(
    notes: list[Note],
    tempo: float,
    program: int,
    path: str,
    performance: Performance = Performance(),
    accompaniment: list[Note] = (),
) -> str:
    """The melody as one track and, when given, the accompaniment (bass and chords) as a second."""
    import pretty_midi

    pm = pretty_midi.PrettyMIDI(initial_tempo=float(tempo))
    dt = step_seconds(tempo)
    pm.instruments.append(_track(notes, program, dt, performance, "Melody"))
    if accompaniment:
        play = accompaniment_performance(performance)
        pm.instruments.append(_track(list(accompaniment), ACCOMPANIMENT_PROGRAM, dt, play, "Accompaniment"))
    pm.write(path)
    return path


def find_soundfont() -> str | None:
    """A General MIDI soundfont: ARTCHAT_SOUNDFONT, Debian's, or the one pretty_midi ships."""
    env = os.environ.get("ARTCHAT_SOUNDFONT")
    if env and os.path.exists(env):
        return env
    for path in SOUNDFONT_CANDIDATES:
        if os.path.exists(path):
            return path
    try:
        import pretty_midi
    except ImportError:
        return None
    shipped = glob.glob(os.path.join(os.path.dirname(pretty_midi.__file__), "*.sf2"))
    return shipped[0] if shipped else None


def render_with_fluidsynth(midi_path: str, wav_path: str, soundfont: str) -> bool:
    exe = shutil.which("fluidsynth")
    if exe is None:
        return False
    cmd = [exe, "-ni", "-q", "-g", "0.9", "-r", str(SAMPLE_RATE), "-F", wav_path, soundfont, midi_path]
    done = subprocess.run(cmd, capture_output=True, timeout=60)
    return done.returncode == 0 and os.path.exists(wav_path) and os.path.getsize(wav_path) > 44


# Built-in synthesizer: harmonic amplitudes and envelope per GM family, so audio always exists.
def _timbre(program: int) -> tuple[list[float], float, float]:
    """(harmonic amplitudes, attack seconds, decay rate per second)."""
    if program < 8:  # pianos
        return [1.0, 0.5, 0.25, 0.12, 0.06], 0.005, 3.0
    if program < 16:  # chromatic percussion
        return [1.0, 0.0, 0.3, 0.0, 0.1], 0.002, 5.0
    if 40 <= program < 56:  # strings and voices
        return [1.0, 0.6, 0.4, 0.25, 0.15, 0.1], 0.08, 0.3
    if 56 <= program < 72:  # brass and reeds
        return [1.0, 0.8, 0.6, 0.4, 0.25], 0.04, 0.4
    if 72 <= program < 80:  # pipes
        return [1.0, 0.15, 0.05], 0.05, 0.2
    if 24 <= program < 40:  # guitars and basses
        return [1.0, 0.6, 0.3, 0.2, 0.1], 0.003, 2.0
    return [1.0, 0.4, 0.2, 0.1], 0.02, 1.0


def synthesize(
    notes: list[Note],
    tempo: float,
    program: int,
    sample_rate: int = SAMPLE_RATE,
    performance: Performance = Performance(),
) -> np.ndarray:
    """float32 mono audio of the notes with a simple additive timbre, played as the performance says."""
    dt = step_seconds(tempo)
    end = max((n.start + n.duration for n in notes), default=0) * dt + 0.6
    audio = np.zeros(int(end * sample_rate) + 1, dtype=np.float32)
    harmonics, attack, decay = _timbre(program)
    for n in notes:
        length = performance.sounding_steps(n) * dt + 0.25  # short release tail
        loudness = performance.note_velocity(n) / 127
        t = np.arange(int(length * sample_rate)) / sample_rate
        freq = 440.0 * 2 ** ((n.pitch - 69) / 12)
        wave_ = sum(
            a * np.sin(2 * np.pi * freq * (h + 1) * t)
            for h, a in enumerate(harmonics)
            if freq * (h + 1) < sample_rate / 2
        )
        env = np.minimum(1.0, t / attack) * np.exp(-decay * t)
        release = np.clip((length - t) / 0.25, 0, 1)
        start = int(n.start * dt * sample_rate)
        audio[start : start + len(t)] += (loudness * wave_ * env * release).astype(np.float32)[: len(audio) - start]
    peak = float(np.abs(audio).max()) or 1.0
    return audio / peak * 0.8


def write_wav(audio: np.ndarray, path: str, sample_rate: int = SAMPLE_RATE) -> str:
    with wave.open(path, "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(sample_rate)
        f.writeframes((np.clip(audio, -1, 1) * 32767).astype(np.int16).tobytes())
    return path


def render_audio(
    notes: list[Note],
    tempo: float,
    program: int,
    midi_path: str,
    wav_path: str,
    engine: str = "auto",
    performance: Performance = Performance(),
    accompaniment: list[Note] = (),
) -> str:
    """Write WAV audio; returns the engine used ('fluidsynth' or 'builtin'). ARTCHAT_AUDIO_ENGINE overrides 'auto'."""
    if engine == "auto":
        engine = os.environ.get("ARTCHAT_AUDIO_ENGINE", "auto")
    soundfont = find_soundfont() if engine in ("auto", "fluidsynth") else None
    if soundfont and (
        fluidsynth_library.render(midi_path, wav_path, soundfont, SAMPLE_RATE)
        or render_with_fluidsynth(midi_path, wav_path, soundfont)
    ):
        return "fluidsynth"
    if engine == "fluidsynth":
        raise RuntimeError("FluidSynth or a soundfont is missing")
    audio = synthesize(notes, tempo, program, performance=performance)
    if accompaniment:
        play = accompaniment_performance(performance)
        under = synthesize(list(accompaniment), tempo, ACCOMPANIMENT_PROGRAM, performance=play)
        size = max(len(audio), len(under))
        audio = np.pad(audio, (0, size - len(audio))) + 0.5 * np.pad(under, (0, size - len(under)))
        audio = audio / (float(np.abs(audio).max()) or 1.0) * 0.8
    write_wav(audio, wav_path)
    return "builtin"


def piano_roll_png(
    notes: list[Note],
    total_steps: int,
    steps_per_bar: int,
    tonic: int,
    mode: str,
    path: str,
    width: int = 960,
    height: int = 280,
    bar_labels: list[str] | None = None,
    under: list[Note] = (),
) -> str:
    """A piano roll: bars as vertical lines (labelled with the form's letters when given), scale rows shaded,
    notes coloured tonic / in key / chromatic, an accompaniment (`under`) in pale grey below."""
    from PIL import Image, ImageDraw

    height += 120 if under else 0  # room for the bass and chords without squeezing the melody's rows
    img = Image.new("RGB", (width, height), (250, 248, 243))
    draw = ImageDraw.Draw(img)
    if not notes:
        img.save(path)
        return path
    lo, hi = min(n.pitch for n in [*notes, *under]) - 2, max(n.pitch for n in notes) + 2
    row_h, col_w, margin = (height - 20) / (hi - lo + 1), (width - 40) / max(1, total_steps), 36
    scale = scale_pitch_classes(tonic, mode)
    for p in range(lo, hi + 1):
        y = height - 10 - (p - lo + 1) * row_h
        if p % 12 in scale:
            draw.rectangle([margin, y, width - 4, y + row_h], fill=(238, 234, 224))
        if p % 12 == tonic:
            draw.text((2, y), f"{PITCH_CLASS_NAMES[p % 12]}{p // 12 - 1}", fill=(90, 90, 90))
    for bar in range(0, total_steps + 1, steps_per_bar):
        x = margin + bar * col_w
        draw.line([x, 6, x, height - 10], fill=(180, 175, 165), width=1)
        if bar_labels and bar // steps_per_bar < len(bar_labels):
            draw.text((x + 4, 6), bar_labels[bar // steps_per_bar], fill=(120, 110, 95))
    for n in under:
        x0, y = margin + n.start * col_w, height - 10 - (n.pitch - lo + 1) * row_h
        draw.rectangle([x0 + 1, y + 1, x0 + n.duration * col_w - 1, y + row_h - 1], fill=(200, 196, 188))
    for n in notes:
        x0, y = margin + n.start * col_w, height - 10 - (n.pitch - lo + 1) * row_h
        colour = (176, 58, 46) if n.pitch % 12 == tonic else (44, 90, 160) if n.pitch % 12 in scale else (120, 120, 120)
        draw.rectangle([x0 + 1, y + 1, x0 + n.duration * col_w - 1, y + row_h - 1], fill=colour)
    img.save(path)
    return path
