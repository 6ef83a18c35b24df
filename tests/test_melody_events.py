import pretty_midi

from models.melody.events import HOLD, REST, Note, events_to_notes, fit_to_range, notes_to_events, pitch_to_event
from models.melody.render import piano_roll_png, render_audio, step_seconds, write_midi

NOTES = [Note(0, 4, 60), Note(4, 2, 62), Note(8, 8, 64), Note(16, 1, 67)]


def test_round_trip_notes_events_notes():
    events = notes_to_events(NOTES, 20)
    assert events[0] == pitch_to_event(60) and events[1] == HOLD and events[6] == REST
    assert events_to_notes(events) == NOTES


def test_round_trip_through_midi(tmp_path):
    path = write_midi(NOTES, 90, 0, str(tmp_path / "m.mid"))
    pm = pretty_midi.PrettyMIDI(path)
    dt = step_seconds(90)
    back = [Note(round(n.start / dt), round((n.end - n.start) / dt), n.pitch) for n in pm.instruments[0].notes]
    assert back == NOTES


def test_fit_to_range_shifts_by_octaves_or_refuses():
    assert fit_to_range([Note(0, 1, 30), Note(1, 1, 40)])[0].pitch == 54
    assert fit_to_range([Note(0, 1, 20), Note(1, 1, 80)]) is None


def test_audio_and_piano_roll_files(tmp_path):
    midi = write_midi(NOTES, 120, 0, str(tmp_path / "m.mid"))
    engine = render_audio(NOTES, 120, 0, midi, str(tmp_path / "m.wav"), engine="builtin")
    assert engine == "builtin" and (tmp_path / "m.wav").stat().st_size > 10_000
    piano_roll_png(NOTES, 32, 16, 0, "major", str(tmp_path / "roll.png"))
    assert (tmp_path / "roll.png").stat().st_size > 500
