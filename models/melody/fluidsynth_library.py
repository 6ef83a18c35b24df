"""FluidSynth in this process (pyfluidsynth over libfluidsynth): the soundfont is loaded once and each MIDI file
is played offline into a buffer, instead of starting the `fluidsynth` program (which loads the soundfont again
every time: 120-220 ms of the 8-bar budget here). Same synthesizer, same soundfont, gain and sample rate, so
the audio matches the program's.

Missing library or soundfont: `render` returns False and the caller uses the program or the built-in synth.
"""

from __future__ import annotations

import threading
import wave

import numpy as np

GAIN = 0.9  # as `fluidsynth -g 0.9`
BLOCK = 512  # frames pulled at a time between events
TAIL_S = 1.0  # release and reverb after the last note off

_lock = threading.Lock()  # one synthesizer, one render at a time
_synths: dict[tuple[str, int], tuple[object, int]] = {}


def _synth(soundfont: str, sample_rate: int):
    """(synth, soundfont id), created on first use for this soundfont and rate; None without libfluidsynth."""
    key = (soundfont, sample_rate)
    if key not in _synths:
        try:
            import fluidsynth
        except (ImportError, OSError):  # the package, or the C library it loads, is missing
            return None
        synth = fluidsynth.Synth(gain=GAIN, samplerate=float(sample_rate))
        sfid = synth.sfload(soundfont)
        if sfid < 0:
            synth.delete()
            return None
        _synths[key] = (synth, sfid)
    return _synths[key]


def note_events(midi_path: str) -> tuple[list[tuple[float, int, int, int, int]], list[int], float]:
    """(events (seconds, is_on, channel, pitch, velocity) sorted with offs first, programs per channel, end)."""
    import pretty_midi

    pm = pretty_midi.PrettyMIDI(midi_path)
    events, programs = [], []
    for channel, instrument in enumerate(pm.instruments[:15]):
        channel = channel if channel < 9 else channel + 1  # channel 9 is percussion in General MIDI
        programs.append((channel, instrument.program))
        for n in instrument.notes:
            events.append((n.start, 1, channel, n.pitch, n.velocity))
            events.append((n.end, 0, channel, n.pitch, 0))
    events.sort(key=lambda e: (e[0], e[1]))
    return events, programs, pm.get_end_time()


def _play(synth, sfid: int, midi_path: str, sample_rate: int) -> np.ndarray:
    """Interleaved stereo int16 of the file played from silence."""
    synth.system_reset()
    events, programs, end = note_events(midi_path)
    for channel, program in programs:
        synth.program_select(channel, sfid, 0, program)
    chunks, frame = [], 0
    for seconds, is_on, channel, pitch, velocity in events:
        due = int(round(seconds * sample_rate))
        if due > frame:
            chunks.append(synth.get_samples(due - frame))
            frame = due
        if is_on:
            synth.noteon(channel, pitch, velocity)
        else:
            synth.noteoff(channel, pitch)
    chunks.append(synth.get_samples(int((end + TAIL_S) * sample_rate) - frame))
    return np.concatenate(chunks).astype(np.int16)


def render(midi_path: str, wav_path: str, soundfont: str, sample_rate: int) -> bool:
    """Write a 16-bit stereo WAV of the MIDI file; False when FluidSynth cannot be used here."""
    with _lock:
        loaded = _synth(soundfont, sample_rate)
        if loaded is None:
            return False
        samples = _play(*loaded, midi_path, sample_rate)
    with wave.open(wav_path, "wb") as f:
        f.setnchannels(2)
        f.setsampwidth(2)
        f.setframerate(sample_rate)
        f.writeframes(samples.tobytes())
    return True
