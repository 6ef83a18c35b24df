"""FluidSynth in-process plays a melody's MIDI file as the `fluidsynth` program does (same notes at the same
times, same loudness), and a missing soundfont falls back instead of failing."""

from __future__ import annotations

import shutil
import wave

import numpy as np
import pytest

from models.melody import fluidsynth_library
from models.melody.events import Note
from models.melody.render import SAMPLE_RATE, find_soundfont, render_with_fluidsynth, write_midi


def _library_ready() -> bool:
    try:
        import fluidsynth  # noqa: F401
    except (ImportError, OSError):
        return False
    return find_soundfont() is not None


def _stereo(path: str) -> np.ndarray:
    with wave.open(path) as f:
        assert f.getnchannels() == 2 and f.getframerate() == SAMPLE_RATE
        return np.frombuffer(f.readframes(f.getnframes()), dtype=np.int16).reshape(-1, 2).astype(float)


def _envelope(audio: np.ndarray, window: int = SAMPLE_RATE // 20) -> np.ndarray:
    n = len(audio) // window
    return np.sqrt((audio[: n * window, 0].reshape(n, window) ** 2).mean(axis=1))


@pytest.fixture
def midi(tmp_path):
    notes = [Note(i * 4, 3 if i % 3 else 7, 60 + (i * 5) % 12) for i in range(12)]
    return write_midi(notes, 100, 0, str(tmp_path / "melody.mid"))


@pytest.mark.skipif(not _library_ready(), reason="libfluidsynth or a soundfont is missing (make system)")
@pytest.mark.skipif(shutil.which("fluidsynth") is None, reason="the fluidsynth program is missing (make system)")
def test_in_process_audio_matches_the_program(midi, tmp_path):
    soundfont = find_soundfont()
    assert fluidsynth_library.render(midi, str(tmp_path / "library.wav"), soundfont, SAMPLE_RATE)
    assert render_with_fluidsynth(midi, str(tmp_path / "program.wav"), soundfont)
    ours, theirs = _envelope(_stereo(str(tmp_path / "library.wav"))), _envelope(_stereo(str(tmp_path / "program.wav")))
    n = min(len(ours), len(theirs))
    assert np.corrcoef(ours[:n], theirs[:n])[0, 1] > 0.98
    assert 0.8 < ours[:n].mean() / theirs[:n].mean() < 1.25


def test_a_missing_soundfont_is_not_rendered(midi, tmp_path):
    assert not fluidsynth_library.render(midi, str(tmp_path / "x.wav"), str(tmp_path / "none.sf2"), SAMPLE_RATE)
