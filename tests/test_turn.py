import pytest

from assistant.session import Session
from assistant.turn import MAX_MESSAGE_CHARS, Problem, Reply, VersionMade, run_call, run_turn
from tools.protocol import ToolError

BOTH = {
    "calls": [
        {"name": "compose_melody", "arguments": {"mood": "melancholic", "bars": 2}},
        {"name": "paint", "arguments": {}},
    ]
}


def events_of(session, message, lm):
    return list(run_turn(session, message, lm))


def test_combined_request_makes_both_in_one_turn(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    events = events_of(s, "make a melancholic melody and matching painting", scripted(BOTH))
    made = [e.version.id for e in events if isinstance(e, VersionMade)]
    assert made == ["melody_1", "painting_1"]
    assert s.versions["painting_1"].brief.mood == "melancholic"  # the painting read the shared brief
    assert "melody_1" in events[-1].text and [m.role for m in s.messages] == ["user", "assistant"]


def test_invalid_output_gets_one_repair(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    lm = scripted("sure! here you go", BOTH)
    events = events_of(s, "melody and painting please", lm)
    assert len(lm.requests) == 2 and "invalid" in lm.requests[1].repair_note
    assert sum(isinstance(e, VersionMade) for e in events) == 2


def test_twice_invalid_asks_the_person(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    events = events_of(s, "do the thing", scripted("nope", '{"calls": [{"name": "dance"}]}'))
    assert isinstance(events[-1], Reply) and "say it another way" in events[-1].text
    assert s.versions == {}


def test_no_tool_turn_replies_without_calls(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    events = events_of(s, "hello!", scripted({"calls": [], "reply": "Hello! What shall we make?"}))
    assert events[-1].text == "Hello! What shall we make?" and s.versions == {}


def test_bad_messages_and_arguments_lose_nothing(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    events_of(s, "melody", scripted({"calls": [{"name": "compose_melody", "arguments": {"bars": 2}}]}))
    before = s.model_dump()
    for bad in ["", "   ", "x" * (MAX_MESSAGE_CHARS + 1), None, 42]:
        events = events_of(s, bad, scripted())
        assert len(events) == 1 and isinstance(events[0], Problem)
    assert s.model_dump() == before
    wrong_types = {
        "calls": [
            {"name": "compose_melody", "arguments": {"bars": "many", "tempo_scale": -3}},
            {"name": "paint", "arguments": {"style": "cubist"}},
            {"name": "explode", "arguments": {}},
        ]
    }
    events = events_of(s, "break it", scripted(wrong_types, wrong_types))
    assert s.versions.keys() == before["versions"].keys() and s.brief.model_dump() == before["brief"]
    assert "say it another way" in events[-1].text


def test_tool_failure_is_a_problem_not_a_crash(tmp_path, scripted, monkeypatch):
    from tools import registry

    s = Session.create(str(tmp_path))
    broken = registry.TOOLS["paint"]

    def explode(args, ctx):
        raise RuntimeError("GPU on fire")

    monkeypatch.setitem(
        registry.TOOLS, "paint", type(broken)(broken.name, broken.description, broken.args_model, explode, broken.kind)
    )
    events = events_of(s, "paint", scripted({"calls": [{"name": "paint", "arguments": {"mood": "joyful"}}]}))
    problems = [e for e in events if isinstance(e, Problem)]
    assert problems and s.versions == {} and s.brief.mood == "calm"
    assert problems[0].text.startswith("The painting did not work this time")
    assert "RuntimeError" not in problems[0].text and "GPU on fire" not in problems[0].text  # internals go to the log
    assert "earlier work is kept" in events[-1].text


def test_a_full_disk_is_said_plainly_and_leaves_no_half_version(tmp_path, monkeypatch):
    import errno
    import os

    from tools import registry

    s = Session.create(str(tmp_path))
    run_call(s, "paint", {})
    broken = registry.TOOLS["paint"]

    def full(args, ctx):
        os.makedirs(ctx.out_dir)
        open(os.path.join(ctx.out_dir, "painting.png"), "w").close()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setitem(
        registry.TOOLS, "paint", type(broken)(broken.name, broken.description, broken.args_model, full, broken.kind)
    )
    with pytest.raises(ToolError, match="the disk is full"):
        run_call(s, "paint", {"emphasize_colour": "blue"})
    assert list(s.refresh().versions) == ["painting_1"] and not os.path.exists(os.path.join(s.folder, "painting_2"))


def test_partly_valid_plan_runs_the_valid_calls_and_says_what_it_skipped(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    half = {"calls": [{"name": "compose_melody", "arguments": {"bars": 2}}, {"name": "juggle", "arguments": {}}]}
    events = events_of(s, "melody and juggling", scripted(half, half))
    assert list(s.versions) == ["melody_1"] and "skipped" in events[-1].text and "juggle" in events[-1].text


def test_free_text_is_bounded_with_a_clear_message_and_nothing_lost(tmp_path):
    s = Session.create(str(tmp_path))
    for args, words in (
        ({"subject": "sea " * 5000}, "at most 200 characters"),
        ({"palette": ["blue"] * 20}, "at most 8 items"),
        ({"mood": "calm " * 100}, "at most 80 characters"),
    ):
        with pytest.raises(ToolError, match=words):
            run_call(s, "paint", args)
    assert s.versions == {} and s.brief.subject == ""


def test_a_restore_is_said_as_a_restore_not_as_something_made(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    paint = {"calls": [{"name": "paint", "arguments": {"mood": "joyful", "subject": "a quiet lake"}}]}
    events_of(s, "paint a lake", scripted(paint))
    events_of(s, "another", scripted({"calls": [{"name": "paint", "arguments": {"new_variation": True}}]}))
    back = {"calls": [{"name": "go_to_version", "arguments": {"kind": "painting", "number": 1}}]}
    reply = events_of(s, "go back to the first painting", scripted(back))[-1].text
    assert reply.startswith("Back to painting_1: ") and "Made" not in reply and "composition" not in reply
    assert s.current("painting").id == "painting_1"
