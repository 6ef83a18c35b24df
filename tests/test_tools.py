import os

import numpy as np
from PIL import Image

from models.melody.phrases import lead_bars
from tools.brief import CreativeBrief
from tools.compose_melody import ComposeMelodyArgs, compose_melody
from tools.langchain_tools import langchain_tools
from tools.paint import PaintArgs, paint
from tools.protocol import PreviousWork, ToolContext
from tools.registry import tool_schemas


def ctx(tmp_path, name, brief=None, previous=None, seed=5):
    return ToolContext(brief=brief or CreativeBrief(), out_dir=str(tmp_path / name), previous=previous, seed=seed)


def as_previous(result):
    return PreviousWork("x_1", result.seed, {}, result.data, result.files)


def test_schemas_are_what_the_lm_sees():
    names = {s["function"]["name"] for s in tool_schemas()}
    assert names == {"compose_melody", "paint", "write_text"}
    params = tool_schemas()[0]["function"]["parameters"]
    assert "tempo_scale" in params["properties"] and "new_variation" in params["properties"]


def test_melody_files_and_refinements(tmp_path):
    first = compose_melody(ComposeMelodyArgs(mood="melancholic"), ctx(tmp_path, "m1"))
    assert set(first.files) == {"midi", "audio", "piano_roll"} and all(os.path.exists(p) for p in first.files.values())
    lead = lead_bars(first.data["events"])  # a pickup sits in a bar of its own before the 8 bars
    assert first.data["mode"] == "minor" and len(first.data["events"]) == (8 + lead) * 16
    slower = compose_melody(ComposeMelodyArgs(tempo_scale=0.8), ctx(tmp_path, "m2", first.brief, as_previous(first)))
    assert slower.data["events"] == first.data["events"] and slower.data["tempo"] < first.data["tempo"]
    longer = compose_melody(ComposeMelodyArgs(add_bars=4), ctx(tmp_path, "m3", slower.brief, as_previous(slower)))
    assert len(longer.data["events"]) == (12 + lead) * 16
    assert longer.data["events"][: len(first.data["events"])] == first.data["events"]
    shorter = compose_melody(ComposeMelodyArgs(bars=4), ctx(tmp_path, "m5", first.brief, as_previous(first)))
    assert shorter.data["events"] == first.data["events"][: (4 + lead) * 16]
    other = compose_melody(ComposeMelodyArgs(new_variation=True), ctx(tmp_path, "m4", first.brief, as_previous(first)))
    assert other.seed == 5 and other.data["events"] != first.data["events"]


def test_accompaniment_is_a_second_track_under_the_same_melody(tmp_path):
    import pretty_midi

    first = compose_melody(ComposeMelodyArgs(mood="joyful"), ctx(tmp_path, "a"))
    added = compose_melody(ComposeMelodyArgs(accompaniment=True), ctx(tmp_path, "b", first.brief, as_previous(first)))
    assert added.data["events"] == first.data["events"] and "with bass and chords" in added.summary
    midi = pretty_midi.PrettyMIDI(added.files["midi"])
    melody, under = midi.instruments
    assert under.name == "Accompaniment" and len(under.notes) > 0
    assert min(n.pitch for n in under.notes) < min(n.pitch for n in melody.notes)
    removed = compose_melody(
        ComposeMelodyArgs(accompaniment=False), ctx(tmp_path, "c", added.brief, as_previous(added))
    )
    assert len(pretty_midi.PrettyMIDI(removed.files["midi"]).instruments) == 1


def test_transpose_keeps_the_melody_shape(tmp_path):
    first = compose_melody(ComposeMelodyArgs(mood="joyful", key="C"), ctx(tmp_path, "a"))
    moved = compose_melody(ComposeMelodyArgs(key="D"), ctx(tmp_path, "b", first.brief, as_previous(first)))
    assert moved.data["events"] == first.data["events"]
    assert (moved.data["shift"] - first.data["shift"]) % 12 == 2


def test_paint_keeps_seed_on_refinement(tmp_path):
    first = paint(PaintArgs(mood="melancholic"), ctx(tmp_path, "p1"))
    image = np.asarray(Image.open(first.files["image"]))
    assert image.shape == (512, 512, 3)
    bluer = paint(PaintArgs(emphasize_colour="blue"), ctx(tmp_path, "p2", first.brief, as_previous(first)))
    assert bluer.seed == first.seed and bluer.brief.palette[0] == "blue"
    assert "same composition" in bluer.summary and "in blue" in bluer.summary
    new = paint(PaintArgs(new_variation=True), ctx(tmp_path, "p3", first.brief, as_previous(first)))
    assert new.seed == 5


def test_langchain_structured_tools(tmp_path):
    tools = {t.name: t for t in langchain_tools(str(tmp_path))}
    out = tools["compose_melody"].invoke({"mood": "calm", "bars": 2})
    assert out["brief"]["bars"] == 2 and os.path.exists(out["files"]["audio"])
