"""The outcome scorer: a case is right only when the works asked for, and nothing else, end as asked."""

from evals.routing_outcomes import score_case, subject_kept, summarise

MELODY = {"calls": [{"name": "compose_melody", "arguments": {"bars": 2, "tempo": 90}}]}


def test_subject_kept_needs_every_word_of_the_asked_subject():
    assert subject_kept("a cozy cabin in the snow", "the cozy cabin in the snow at night")
    assert not subject_kept("a cozy cabin in the snow", "a forest at dawn")


def test_exact_tempo_right_and_an_unasked_painting_wrong(tmp_path, scripted):
    case = {"request": "a tune at 90 bpm", "expect": {"new": ["melody"], "melody": {"tempo_bpm": 90}}}
    right = score_case(scripted(MELODY), case, str(tmp_path))
    assert right["fully_right"] and right["checks"] == {"melody.tempo_bpm": True}
    both = {"calls": [*MELODY["calls"], {"name": "paint", "arguments": {}}]}
    wrong = score_case(scripted(both), case, str(tmp_path))
    assert wrong["unasked"] and not wrong["fully_right"]


def test_relative_change_is_checked_against_the_version_before(tmp_path, scripted):
    case = {
        "context": ["a tune at 90 bpm"],
        "request": "slower",
        "expect": {"changed": ["melody"], "melody": {"tempo": "slower"}},
    }
    faster = {"calls": [{"name": "compose_melody", "arguments": {"tempo_scale": 1.25}}]}
    slower = {"calls": [{"name": "compose_melody", "arguments": {"tempo_scale": 0.8}}]}
    assert not score_case(scripted(MELODY, faster), case, str(tmp_path))["fully_right"]
    row = score_case(scripted(MELODY, slower), case, str(tmp_path))
    assert row["fully_right"]
    assert summarise([row])["right_works"] == 1.0


def test_a_strided_order_scores_the_every_nth_sample_first_and_then_all():
    from evals.routing_outcomes import strided

    cases = [{"id": i} for i in range(20)]
    order = strided(cases, 8)
    assert [c["id"] for c in order[:3]] == [0, 8, 16] and sorted(c["id"] for c in order) == list(range(20))


def test_a_new_melody_is_faster_or_longer_than_its_mood_and_the_default_length(tmp_path, scripted):
    case = {"request": "a fast little tune", "expect": {"new": ["melody"], "melody": {"tempo": "faster"}}}
    calls = lambda args: {"calls": [{"name": "compose_melody", "arguments": args}]}  # noqa: E731
    assert score_case(scripted(calls({"tempo_scale": 1.25})), case, str(tmp_path))["fully_right"]
    assert not score_case(scripted(calls({"tempo_scale": 0.6})), case, str(tmp_path))["fully_right"]
    assert not score_case(scripted(calls({})), case, str(tmp_path))["fully_right"]
    quick = {**case, "expect": {"new": ["melody"], "melody": {"tempo": "not slower", "length": "not longer"}}}
    assert score_case(scripted(calls({})), quick, str(tmp_path))["fully_right"]
    assert not score_case(scripted(calls({"tempo_scale": 0.6})), quick, str(tmp_path))["fully_right"]
    assert not score_case(scripted(calls({"bars": 16})), quick, str(tmp_path))["fully_right"]
