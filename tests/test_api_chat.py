"""The `/chat` API: a client sends only its message; the session (and its history) stays on the server, so a
second turn refines the first without the client sending files back, and bad input gets a sentence."""

from __future__ import annotations

import os

import pytest

from tests.studio_server import Scripted, served

PLANS = {
    "slower": [{"name": "compose_melody", "arguments": {"tempo_scale": 0.8}}],
    "tune": [{"name": "compose_melody", "arguments": {"mood": "calm", "bars": 4}}],
}


@pytest.fixture
def client(tmp_path):
    from gradio_client import Client

    with served(Scripted(PLANS), str(tmp_path / "sessions")) as url:
        yield Client(url, verbose=False)


def test_two_turns_refine_one_session_and_return_every_file(client):
    words, files = client.predict("a calm tune", api_name="/chat")
    assert "melody_1" in words
    assert sorted(os.path.splitext(f)[1] for f in files) == [".mid", ".png", ".wav"]
    words, files = client.predict("slower", api_name="/chat")
    assert "melody_2 (from melody_1)" in words and "->" in words  # plain text, not HTML entities
    assert any(f.endswith(".mid") for f in files)


def test_bad_input_gets_a_sentence_not_an_error(client):
    words, files = client.predict("x" * 5000, api_name="/chat")
    assert "please keep it under" in words and files == []
    words, files = client.predict("hello there", api_name="/chat")
    assert files == []
