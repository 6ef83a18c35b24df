"""A new test set leaves out requests near-copied from earlier sets (evals.request_overlap)."""

import yaml


def _write(folder, name, rows):
    (folder / f"painting_requests_{name}.yaml").write_text(yaml.safe_dump({"requests": rows}))


def test_near_copies_are_found_and_a_drawn_set_leaves_them_and_its_own_repeats_out(tmp_path, monkeypatch):
    from evals import request_overlap

    monkeypatch.setattr(request_overlap, "DATA", str(tmp_path))
    _write(tmp_path, "test1", [{"id": "r01", "category": "objects", "request": "lighthouse on a rocky cliff"}])
    pool = [
        {"id": "p001", "category": "objects", "request": "a lighthouse on a rocky cliff pls"},
        {"id": "p002", "category": "objects", "request": "a rusty wheelbarrow full of pumpkins"},
        {"id": "p003", "category": "objects", "request": "a rusty wheelbarrow full of pumpkins!!"},
        {"id": "p004", "category": "objects", "request": "my grandad's old pocket watch"},
        {"id": "p005", "category": "animals", "request": "an axolotl in a fish tank"},
    ]
    _write(tmp_path, "pool2", pool)
    assert [c[0] for c in request_overlap.near_copies("pool2")] == ["p001"]  # (the pool's own repeats aside)
    drawn = request_overlap.draw("pool2", {"objects": 2, "animals": 1}, out="test2")
    assert [r["request"] for r in drawn] == [pool[1]["request"], pool[3]["request"], pool[4]["request"]]
    assert [r["id"] for r in drawn] == ["r01", "r02", "r03"]
