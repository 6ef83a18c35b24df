import json
import os
import textwrap

import pytest

from evals import text_blind

REQUESTS = [
    {"id": "r1", "kind": "title", "subject": "a red barn", "mood": "calm"},
    {"id": "r2", "kind": "poem", "form": "haiku", "subject": "autumn rain", "mood": "sad"},
]


def _tree(root, name, words):
    """A stand-in checkout whose write_through_tool answers with `words` and the request's subject."""
    tree = root / name
    (tree / "tools").mkdir(parents=True)
    (tree / "evals").mkdir()
    (tree / "tools" / "write_text.py").write_text("")
    (tree / "tools" / "__init__.py").write_text("")
    (tree / "evals" / "__init__.py").write_text("")
    (tree / "evals" / "text_blind.py").write_text(
        textwrap.dedent(
            f"""
            def write_through_tool(request, out_dir, seed=1):
                return "{words} " + request["subject"]
            """
        )
    )
    return str(tree)


@pytest.fixture
def roots(tmp_path, monkeypatch):
    monkeypatch.setattr(text_blind, "JUDGE_ROOT", str(tmp_path / "judge"))
    monkeypatch.setattr(text_blind, "KEY_ROOT", str(tmp_path / "keys"))
    monkeypatch.setattr(text_blind, "write_json", lambda name, data: None)
    return tmp_path


def test_before_and_after_share_one_shuffled_job_and_are_scored_apart(roots):
    trees = text_blind.parse_trees([f"before={_tree(roots, 'a', 'Old')}", f"after={_tree(roots, 'b', 'New')}"])
    text_blind.make_from_trees(REQUESTS, "job1", trees)
    works = sorted(os.listdir(roots / "judge" / "job1" / "works"))
    assert works == ["work_01.txt", "work_02.txt", "work_03.txt", "work_04.txt"]
    assert (roots / "judge" / "job1" / "READY").exists()
    key = json.loads((roots / "keys" / "job1.json").read_text())
    assert sorted((v["version"], v["id"]) for v in key.values()) == [
        ("after", "r1"),
        ("after", "r2"),
        ("before", "r1"),
        ("before", "r2"),
    ]
    for name, row in key.items():
        written = (roots / "judge" / "job1" / "works" / name).read_text()
        assert written == f"[a {row['kind']}]\n\n{row['text']}\n"
        assert row["text"].startswith("New" if row["version"] == "after" else "Old")
    assert "version" not in (roots / "judge" / "job1" / "works" / works[0]).read_text()
    verdicts = {name: {"coherence": 5 if row["version"] == "after" else 2, "keep": 3} for name, row in key.items()}
    (roots / "judge" / "job1" / "verdicts.json").write_text(json.dumps(verdicts))
    table = text_blind.score("job1")["summary"]
    assert table["after: all"]["coherence"] == 5 and table["before: all"]["coherence"] == 2
    assert table["after: all"]["n"] == 2 and table["before: title"]["n"] == 1


def test_a_request_file_is_read_and_bad_inputs_get_a_sentence(tmp_path):
    path = tmp_path / "asks.yaml"
    path.write_text("- {id: x1, kind: title, subject: a pier, mood: calm}\n")
    assert text_blind.load_requests(str(path))[0]["id"] == "x1"
    assert len(text_blind.load_requests("dev")) >= 16
    with pytest.raises(SystemExit, match="no request set"):
        text_blind.load_requests(str(tmp_path / "missing.yaml"))
    path.write_text("just: a mapping\n")
    with pytest.raises(SystemExit, match="not a list of requests"):
        text_blind.load_requests(str(path))
    with pytest.raises(SystemExit, match="not an artchat checkout"):
        text_blind.texts_from_tree(str(tmp_path), [], "j", "v")
    with pytest.raises(SystemExit, match="two trees named"):
        text_blind.parse_trees(["x=/a", "x=/b"])


def test_a_version_made_early_is_reused_for_the_same_requests_only(roots):
    import uuid

    job = f"early-{uuid.uuid4().hex[:8]}"
    early = text_blind.parse_trees([f"before={_tree(roots, 'a', 'Early')}"])
    text_blind.make_from_trees(REQUESTS, job, early, texts_only=True)
    assert not (roots / "judge" / job).exists()  # no job yet
    later = text_blind.parse_trees([f"before={_tree(roots, 'c', 'Late')}", f"after={_tree(roots, 'b', 'New')}"])
    text_blind.make_from_trees(REQUESTS, job, later, reuse=True)
    key = json.loads((roots / "keys" / f"{job}.json").read_text())
    assert {row["text"].split()[0] for row in key.values() if row["version"] == "before"} == {"Early"}
    text_blind.make_from_trees(REQUESTS[:1], job, later, reuse=True)  # other requests: written again
    key = json.loads((roots / "keys" / f"{job}.json").read_text())
    assert {row["text"].split()[0] for row in key.values() if row["version"] == "before"} == {"Late"}


def test_an_env_reaches_only_its_own_version_and_peak_memory_is_kept(roots):
    tree = roots / "one"
    _tree(roots, "one", "Plain")
    (tree / "evals" / "text_blind.py").write_text(
        "import os\n"
        "def write_through_tool(request, out_dir, seed=1):\n"
        "    return os.environ.get('ARTCHAT_TEXT_LM', 'default') + ' ' + request['subject']\n"
    )
    trees = text_blind.parse_trees([f"small={tree}", f"large={tree}"])
    envs = text_blind.parse_envs(["large:ARTCHAT_TEXT_LM=qwen15"], trees)
    text_blind.make_from_trees(REQUESTS, "job2", trees, envs=envs)
    key = json.loads((roots / "keys" / "job2.json").read_text())
    for row in key.values():
        assert row["text"].split()[0] == ("qwen15" if row["version"] == "large" else "default")
        assert row["peak_rss_mb"] > 0
    assert text_blind.score("job2")["summary"]["large: all"]["peak_rss_mb"] > 0
    with pytest.raises(SystemExit, match="NAME:VAR=VALUE"):
        text_blind.parse_envs(["other:X=1"], trees)
    with pytest.raises(SystemExit, match="NAME:VAR=VALUE"):
        text_blind.parse_envs(["large:X"], trees)
