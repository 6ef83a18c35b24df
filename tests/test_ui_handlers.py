import threading

from ui import handlers as h
from ui.app import build_app

PANEL = ["melancholic", 0.0, 0.0, "navy, grey", "the sea", "horizon", 72, "D", "minor", 2, "cello"]


def test_app_builds(scripted):
    demo = build_app(scripted(), root=None)
    assert demo is not None


def test_two_sessions_at_once_stay_isolated(tmp_path, scripted):
    plans = {
        "a": {"calls": [{"name": "compose_melody", "arguments": {"mood": "melancholic", "bars": 2}}]},
        "b": {"calls": [{"name": "paint", "arguments": {"mood": "joyful", "palette": ["gold"]}}]},
    }
    results = {}

    def browser(name):
        history, session = h.chat_turn(f"request {name}", [], None, scripted(plans[name]), str(tmp_path))
        results[name] = (history, session)

    threads = [threading.Thread(target=browser, args=(n,)) for n in plans]
    [t.start() for t in threads]
    [t.join() for t in threads]
    (ha, sa), (hb, sb) = results["a"], results["b"]
    assert sa.id != sb.id and sa.folder != sb.folder
    assert list(sa.versions) == ["melody_1"] and list(sb.versions) == ["painting_1"]
    assert sa.brief.mood == "melancholic" and sb.brief.mood == "joyful"
    assert not any("request b" in str(m["content"]) for m in ha)
    assert not any("request a" in str(m["content"]) for m in hb)
    assert all(sb.folder not in str(m["content"]) for m in ha)
    assert all(sa.folder not in str(m["content"]) for m in hb)


def test_chat_shows_media_inline(tmp_path, scripted):
    plan = {"calls": [{"name": "compose_melody", "arguments": {"bars": 2}}, {"name": "paint", "arguments": {}}]}
    history, session = h.chat_turn("both", [], None, scripted(plan), str(tmp_path))
    paths = [m["content"]["path"] for m in history if isinstance(m["content"], dict)]
    assert any(p.endswith(".wav") for p in paths) and any(p.endswith("painting.png") for p in paths)
    assert not any(p.endswith(".mid") for p in paths)  # Gradio would show it as an audio player that cannot play
    assert any(m.get("metadata", {}).get("title", "").startswith("tool:") for m in history)
    audio, image, roll, words, files = h.works_outputs(session)
    assert audio.endswith(".wav") and image.endswith(".png") and words == "" and len(files) == 4
    assert any(f.endswith(".mid") for f in files)  # the MIDI is under Works, Files


def test_panel_calls_tools_and_reports_bad_input(tmp_path):
    history, session = h.panel_call("compose_melody", False, [], None, *PANEL, root=str(tmp_path))
    assert session.current("melody").data["instrument"] == "cello" and session.brief.key == "D"
    before = session.model_dump(exclude={"messages"})
    bad = list(PANEL)
    bad[3] = "navy, blurple"
    history, session = h.panel_call("paint", False, history, session, *bad, root=str(tmp_path))
    assert "blurple" in history[-1]["content"] and session.model_dump(exclude={"messages"}) == before
    assert [m.content for m in session.messages][-2:] == ["🎛️ panel: paint", history[-1]["content"]]
    bad = list(PANEL)
    bad[10] = "kazoo"
    history, session = h.panel_call("compose_melody", False, history, session, *bad, root=str(tmp_path))
    assert "kazoo" in history[-1]["content"] and len(session.versions) == 1
    for field, text, words in (
        (4, "sea " * 5000, "at most 200 characters"),
        (3, "navy, " * 100, "at most 8 colours"),
        (3, "red, blue, green, yellow, orange, purple, pink, brown, grey", "not 9"),
    ):
        bad = list(PANEL)
        bad[field] = text
        history, session = h.panel_call("paint", False, history, session, *bad, root=str(tmp_path))
        assert words in history[-1]["content"] and len(session.versions) == 1 and session.current("painting") is None


def test_go_to_and_undo_buttons(tmp_path):
    history, session = h.panel_call("paint", False, [], None, *PANEL, root=str(tmp_path))
    history, session = h.panel_call("paint", True, history, session, *PANEL, root=str(tmp_path))
    history, session = h.undo("painting", history, session)
    assert session.current("painting").id == "painting_1"
    history, session = h.go_to("painting_2", history, session)
    assert session.current("painting").id == "painting_2"
    history, session = h.go_to(None, history, session)
    assert history[-1]["content"].startswith("⚠️")
    history, session = h.undo("melody", history, session)
    assert "no melody" in history[-1]["content"]


def test_compare_and_details(tmp_path):
    history, session = h.panel_call("compose_melody", False, [], None, *PANEL, root=str(tmp_path))
    faster = list(PANEL)
    faster[6] = 120
    history, session = h.panel_call("compose_melody", False, history, session, *faster, root=str(tmp_path))
    pic_a, pic_b, audio_a, audio_b, table = h.compare_versions("melody_1", "melody_2", session)
    assert pic_a.endswith("piano_roll.png") and audio_b.endswith("melody.wav") and "| tempo |" in table
    assert h.version_details("melody_2", session)["parent"] == "melody_1"
    assert h.compare_versions("melody_1", None, session)[-1] == "Pick two versions to compare."


def test_chat_streams_progress_and_the_summary_follows_the_brief(tmp_path, scripted):
    plan = {"calls": [{"name": "compose_melody", "arguments": {"mood": "melancholic", "bars": 2}}]}
    steps = list(h.chat_turn_stream("sad tune", [], None, scripted(plan), str(tmp_path)))
    assert len(steps) >= 4  # the user's message, thinking, the call, the result, the reply
    assert steps[1][0][-1]["content"].startswith("…")
    session = steps[-1][1]
    summary = h.brief_summary(session)
    assert "melancholic" in summary and "A minor" in summary and "72 bpm" in summary and "2 bars" in summary


def test_resume_needs_the_owners_key_and_keeps_panel_actions(tmp_path):
    history, session = h.panel_call("paint", False, [], None, *PANEL, root=str(tmp_path))
    assert session.id not in h.brief_summary(session) and session.resume_key in h.resume_key_line(session)
    history, fresh = h.resume(session.resume_key, [], None, root=str(tmp_path))
    assert fresh.id == session.id and list(fresh.versions) == ["painting_1"]
    assert "Resumed" in history[-1]["content"] and "🎛️ panel: paint" in history[0]["content"]
    for bad in (session.id, session.id + "-" + "0" * 32, "../../etc", "nope", ""):
        history, other = h.resume(bad, [], fresh, root=str(tmp_path))
        assert history[-1]["content"].startswith("⚠️") and other is fresh


def test_a_session_saved_before_keys_opens_once_by_id_and_gets_a_key(tmp_path):
    import json
    import os

    from assistant.session import Session

    old = Session.create(str(tmp_path / "old"))
    h.panel_call("paint", False, [], old, *PANEL, root=str(tmp_path / "old"))
    folder = os.path.join(str(tmp_path), "legacy", old.id)
    os.makedirs(os.path.dirname(folder))
    os.rename(old.folder, folder)
    with open(os.path.join(folder, "session.json"), "w") as f:
        json.dump(old.model_dump(mode="json"), f)
    history, back = h.resume(old.id, [], None, root=str(tmp_path / "legacy"))
    assert list(back.versions) == ["painting_1"] and back.resume_key in history[-1]["content"]
    assert os.path.exists(back.absolute_files(back.current("painting"))["image"])
    history, again = h.resume(old.id, [], None, root=str(tmp_path / "legacy"))
    assert history[-1]["content"].startswith("⚠️")  # from now on only the key opens it


def test_delete_removes_the_session_and_its_files_only_when_ticked(tmp_path):
    import os

    history, session = h.panel_call("paint", False, [], None, *PANEL, root=str(tmp_path))
    history, same = h.delete_session(False, history, session, root=str(tmp_path))
    assert same is session and os.path.exists(session.folder) and "tick" in history[-1]["content"]
    key = session.resume_key
    history, fresh = h.delete_session(True, history, session, root=str(tmp_path))
    assert fresh.id != session.id and not os.path.exists(session.folder) and not fresh.versions
    assert h.resume(key, [], fresh, root=str(tmp_path))[0][-1]["content"].startswith("⚠️")


def test_two_tabs_on_one_session_never_overwrite_each_other(tmp_path):
    _, tab_a = h.panel_call("paint", False, [], None, *PANEL, root=str(tmp_path))
    _, tab_b = h.resume(tab_a.resume_key, [], None, root=str(tmp_path))
    _, tab_a = h.panel_call("paint", True, [], tab_a, *PANEL, root=str(tmp_path))
    _, tab_b = h.panel_call("paint", True, [], tab_b, *PANEL, root=str(tmp_path))
    assert list(tab_b.versions) == ["painting_1", "painting_2", "painting_3"]
    a2, b3 = tab_b.versions["painting_2"], tab_b.versions["painting_3"]
    assert a2.seed != b3.seed and a2.files["image"] != b3.files["image"]
    _, tab_a = h.undo("painting", [], tab_a)  # tab A sees B's painting_3 as current, and steps back from it
    assert tab_a.current("painting").id == "painting_2"


def test_what_people_type_never_renders_as_html(tmp_path, scripted):
    plan = {"calls": [{"name": "paint", "arguments": {"subject": "a <b>bold</b> sea ![x](http://evil/x.png)"}}]}
    message = "<img src=x onerror=alert(1)> ![y](http://evil/y.png)"
    history, session = h.chat_turn(message, [], None, scripted(plan), str(tmp_path))
    shown = " ".join(str(m["content"]) for m in history if isinstance(m["content"], str))
    words = " ".join(str(m["content"]) for m in history if isinstance(m["content"], str) and "metadata" not in m)
    assert "<" not in shown and "![" not in words  # traces are JSON in a code block, with < written as \u003c
    assert "&lt;img" in words and "<" not in h.brief_summary(session)
    history, _ = h.panel_call("paint", False, [], session, "calm <img src=x>", *PANEL[1:], root=str(tmp_path))
    assert "words only" in history[-1]["content"] and "<img" not in history[-1]["content"]


def test_the_tempo_slider_shows_the_moods_tempo_and_leaving_it_keeps_it_from_the_mood(tmp_path):
    from_mood = list(PANEL)
    from_mood[6] = 0  # what an API client may send for 'from the mood'
    history, session = h.panel_call("compose_melody", False, [], None, *from_mood, root=str(tmp_path))
    shown_tempo = h.brief_panel_values(session.brief)[6]
    assert session.brief.tempo is None and 40 <= shown_tempo <= 200
    values = list(h.brief_panel_values(session.brief))
    values[0] = "joyful"
    history, session = h.panel_call("compose_melody", False, history, session, *values, root=str(tmp_path))
    assert session.brief.tempo is None and h.brief_panel_values(session.brief)[6] > shown_tempo


def test_each_panel_button_acts_on_its_own_works_settings(tmp_path, scripted):
    """Compose uses the melody's settings, Paint the painting's; the summary says which work each line is (#31)."""
    plan = {"calls": [{"name": "compose_melody", "arguments": {"mood": "melancholic", "bars": 2}}]}
    _, session = h.chat_turn("sad tune", [], None, scripted(plan), str(tmp_path))
    plan = {"calls": [{"name": "paint", "arguments": {"mood": "cheerful", "subject": "a beach"}}]}
    history, session = h.chat_turn("a cheerful beach", [], session, scripted(plan), str(tmp_path))
    values = list(h.brief_panel_values(session.brief))
    assert values[0] == "cheerful" and values[9] == 2  # the last work's mood, the melody's length
    values[6] = 50  # slower, through the panel
    history, session = h.panel_call("compose_melody", False, history, session, *values, root=str(tmp_path))
    melody = session.current("melody")
    assert melody.data["tempo"] == 50 and melody.brief.mood == "melancholic"  # the shown cheer is the painting's
    assert melody.data["events"] == session.versions["melody_1"].data["events"]
    summary = h.brief_summary(session)
    assert "**melody**: melancholic" in summary and "50 bpm" in summary and "**painting**: cheerful" in summary
