"""The blind painting evaluation: request sets and the scoring rules."""

import json

import pytest

from evals import painting_blind
from evals.painting_blind_scoring import markdown_table, mentions, plain, score_one, score_rows
from tools.paint import PaintArgs

ROW = {
    "id": "x1",
    "category": "animals",
    "subject": "fox",
    "accept": ["fox"],
    "scene": ["snow", "forest"],
    "time": "night",
    "weather": "snow",
}


@pytest.mark.parametrize("name", ["dev", "test"])
def test_request_sets_are_complete_and_valid_tool_calls(name):
    rows = painting_blind.load_requests(name)
    assert len(rows) >= (60 if name == "test" else 30)
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        PaintArgs.model_validate(row["args"])
        assert row["accept"] if row["subject"] else row["mood_seen"]


def test_dev_and_test_sets_share_no_request():
    dev, test = (painting_blind.load_requests(n) for n in ("dev", "test"))
    assert not {r["request"] for r in dev} & {r["request"] for r in test}


def test_words_match_whole_words_and_plurals():
    assert mentions(plain("Two foxes in the snow"), ["fox"])
    assert mentions(plain(["sea", "sailboats"]), ["sailboat"])
    assert not mentions(plain("a firefox logo"), ["fox"])
    assert mentions(plain("the Northern Lights"), ["northern lights"])


def test_score_one_by_rule():
    seen = {
        "file": "1.png",
        "main_subject": "a fox curled up",
        "things": ["trees"],
        "scene": "a snowy forest",
        "time_of_day": "day",
        "weather": "snowy",
        "mood": "calm",
        "keep": 4,
    }
    scored = score_one(ROW, seen)
    assert scored["subject_named"] and scored["scene_right"] and scored["weather_right"]
    assert not scored["time_of_day_right"]
    missed = score_one(ROW, {**seen, "main_subject": "a dog", "things": []})
    assert not missed["subject_named"]
    empty = {
        "id": "n1",
        "category": "no_subject",
        "subject": None,
        "accept": [],
        "scene": [],
        "time": None,
        "weather": None,
        "mood_seen": ["melancholic"],
    }
    assert not score_one(empty, {**seen, "main_subject": "abstract grey bands"})["concrete"]
    assert score_one(empty, {**seen, "main_subject": "a boat on a lake", "mood": "melancholic"})["mood_right"]


def test_score_rows_counts_keeps_and_categories(tmp_path):
    key = {"1.png": {"id": "x1"}, "2.png": {"id": "x1"}}
    verdicts = [
        {"file": "1.png", "main_subject": "fox", "keep": 1},
        {"file": "2.png", "main_subject": "cat", "keep": 2},
    ]
    report = score_rows({"x1": ROW}, key, verdicts)
    assert report["overall"]["ones"] == 1 and report["overall"]["twos"] == 1
    assert report["by_category"]["animals"]["subject_named"]["rate"] == 0.5
    json.dumps(report)  # the figures file is plain JSON


def test_markdown_table_puts_versions_side_by_side():
    verdicts = [{"file": "1.png", "main_subject": "fox", "keep": 2}]
    before = score_rows({"x1": ROW}, {"1.png": {"id": "x1"}}, [{**verdicts[0], "main_subject": "dog"}])
    after = score_rows({"x1": ROW}, {"1.png": {"id": "x1"}}, verdicts)
    table = markdown_table({"before": before, "after": after})
    assert "| all | 1 | 0/1 → 1/1 |" in table and "| animals |" in table


def test_scoring_never_writes_over_figures_already_quoted(tmp_path):
    from evals.painting_versions import score

    with pytest.raises(SystemExit, match="choose a new --label"):
        score("test6", "any-job", "test6", judge_root=str(tmp_path), key_root=str(tmp_path))


def test_an_asked_time_or_weather_is_read_as_the_judge_choice_it_means():
    from evals.painting_blind_scoring import score_one

    row = {
        "id": "x",
        "category": "time_weather",
        "subject": "vineyard",
        "accept": ["vineyard"],
        "scene": [],
        "time": "sunset",
        "weather": "fog",
    }
    right = score_one(row, {"main_subject": "a vineyard", "time_of_day": "dusk", "weather": "misty", "keep": 3})
    wrong = score_one(row, {"main_subject": "a vineyard", "time_of_day": "dawn", "weather": "clear", "keep": 3})
    assert right["time_of_day_right"] and right["weather_right"]
    assert not wrong["time_of_day_right"] and not wrong["weather_right"]
