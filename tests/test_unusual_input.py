"""Unusual input gets a sentence: markdown images in the summary are not fetched, lone surrogates and NaN from a
raw API call are refused in words, and impossible tempos or lengths are explained, never read as something else."""

from __future__ import annotations

import gradio as gr
import pytest

from assistant.session import Session
from tools.brief import impossible_values
from ui import handlers as h
from ui.app import build_app

PANEL = ["melancholic", 0.0, 0.0, "navy, grey", "the sea", "horizon", 72, "D", "minor", 2, "cello"]
REQUEST = type("Request", (), {"session_hash": "a"})()


def _api(demo: gr.Blocks, api_name: str):
    return next(fn.fn for fn in demo.fns.values() if fn.api_name == api_name)


def test_a_markdown_image_in_the_subject_is_shown_as_text(tmp_path):
    session = Session.create(str(tmp_path))
    session.brief = session.brief.model_copy(update={"subject": "![x](http://example.com/track.png)"})
    summary = h.brief_summary(session)
    assert "![" not in summary and "!\\[" in summary


@pytest.mark.parametrize("where", ["chat", "palette"])
def test_a_lone_surrogate_is_refused_in_a_sentence(tmp_path, scripted, where):
    root = str(tmp_path / "sessions")
    demo = build_app(scripted(), root=root)
    session = Session.create(root)
    with pytest.raises(gr.Error, match="not valid text"):
        if where == "chat":
            list(_api(demo, "on_message")(REQUEST, "a calm tune \ud800", [], session))
        else:
            panel = [*PANEL]
            panel[3] = "navy\udfff"
            _api(demo, "panel_paint")(REQUEST, [], session, *panel)
    assert not session.refresh().versions


@pytest.mark.parametrize(("index", "value"), [(6, float("nan")), (9, float("nan")), (9, float("inf")), (1, "x")])
def test_a_number_that_is_not_a_number_is_named(tmp_path, index, value):
    panel = [*PANEL]
    panel[index] = value
    history, session = h.panel_call("compose_melody", False, [], None, *panel, root=str(tmp_path))
    assert "is not a number" in history[1]["content"]
    assert not session.versions


@pytest.mark.parametrize("message", ["a melody at -5 bpm", "a melody at NaN bpm", "a tune of 0 bars"])
def test_an_impossible_tempo_or_length_is_explained_not_changed(tmp_path, scripted, message):
    slower = {"calls": [{"name": "compose_melody", "arguments": {"tempo_change": -5}}]}
    lm = scripted(slower, slower)
    history, session = h.chat_turn(message, [], None, lm, str(tmp_path))
    said = " ".join(str(m["content"]) for m in history)
    assert "is not a" in said and "Nothing was changed" in said
    assert not session.versions and not lm.requests  # the model was not asked to guess


@pytest.mark.parametrize("message", ["make it 10 bpm faster", "a calm tune at 60 bpm", "16 bars please", "+10 bpm"])
def test_possible_values_pass(message):
    assert impossible_values(message) is None
