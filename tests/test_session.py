import os

import pytest

from assistant.session import Session
from assistant.turn import run_call
from tools.protocol import ToolError


def test_versions_chain_undo_go_to_and_branch(tmp_path):
    s = Session.create(str(tmp_path))
    v1 = run_call(s, "paint", {"mood": "melancholic"})
    v2 = run_call(s, "paint", {"emphasize_colour": "blue"})
    assert (v1.id, v2.id, v2.parent) == ("painting_1", "painting_2", "painting_1")
    assert v1.files["image"] != v2.files["image"]  # nothing overwritten
    assert run_call(s, "undo", {"kind": "painting"}).id == "painting_1" and s.brief.palette == []
    v3 = run_call(s, "paint", {"emphasize_colour": "red"})
    assert v3.parent == "painting_1"  # a branch from the first painting
    assert run_call(s, "go_to_version", {"kind": "painting", "number": 2}).id == "painting_2"
    assert s.brief.palette[0] == "blue"
    assert all(os.path.exists(p) for v in s.versions.values() for p in s.absolute_files(v).values())


def test_undo_without_history_is_a_clear_error(tmp_path):
    s = Session.create(str(tmp_path))
    with pytest.raises(ToolError, match="no painting"):
        run_call(s, "undo", {"kind": "painting"})
    run_call(s, "paint", {})
    with pytest.raises(ToolError, match="first painting"):
        run_call(s, "undo", {"kind": "painting"})


def test_save_and_load_round_trip(tmp_path):
    s = Session.create(str(tmp_path))
    run_call(s, "compose_melody", {"mood": "joyful", "bars": 2})
    run_call(s, "compose_melody", {"tempo_scale": 0.8})
    s.save()
    back = Session.load(s.folder)
    assert back.model_dump() == s.model_dump()
    assert back.current("melody").id == "melody_2"
    assert run_call(back, "undo", {"kind": "melody"}).id == "melody_1"


def test_blend_swaps_version_ids_for_stored_work(tmp_path):
    s = Session.create(str(tmp_path))
    run_call(s, "paint", {"mood": "melancholic"})
    run_call(s, "paint", {"mood": "joyful", "new_variation": True})
    blended = run_call(s, "paint", {"blend_with": "painting_1", "blend_amount": 0.5})
    assert "blended 50% towards painting_1" in blended.summary
    with pytest.raises(ToolError, match="painting_9"):
        run_call(s, "paint", {"blend_with": "painting_9"})


def test_bundle_holds_every_version_and_a_manifest(tmp_path):
    import json
    import zipfile

    from assistant.bundle import write_bundle

    s = Session.create(str(tmp_path))
    run_call(s, "compose_melody", {"bars": 2})
    run_call(s, "paint", {})
    run_call(s, "paint", {"emphasize_colour": "blue"})
    with zipfile.ZipFile(write_bundle(s)) as zf:
        names = set(zf.namelist())
        data = json.loads(zf.read("manifest.json"))
    assert {"melody_1/melody.mid", "painting_1/painting.png", "painting_2/painting.png"} <= names
    assert [v["id"] for v in data["versions"]] == ["melody_1", "painting_1", "painting_2"]
    assert data["versions"][2]["parent"] == "painting_1" and data["versions"][2]["seed"] == 1
