"""A running studio serves the files it shows through Gradio's cache (content-hash URLs), never the sessions
folder by path: a file URL names no session id, and a session's file cannot be fetched by its path."""

from __future__ import annotations

import os
import tempfile
import urllib.error
import urllib.request

import pytest

from tests.studio_server import Scripted, served
from ui.file_serving import allowed_paths_for, exposure_warning


def test_only_a_sessions_folder_outside_the_working_and_temp_directories_is_served_by_path(tmp_path):
    assert allowed_paths_for(str(tmp_path / "sessions")) == []
    assert allowed_paths_for(os.path.join(os.getcwd(), "sessions")) == []
    assert exposure_warning(str(tmp_path)) is None
    outside = "/var/lib/artchat-sessions"
    if not any(outside.startswith(p) for p in (os.getcwd(), tempfile.gettempdir())):
        assert allowed_paths_for(outside) == [outside]
        assert "session id" in exposure_warning(outside)


@pytest.fixture
def studio(tmp_path):
    root = str(tmp_path / "sessions")
    with served(Scripted({"paint": [{"name": "paint", "arguments": {"mood": "calm"}}]}), root) as url:
        yield url, root


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


def test_shown_files_come_from_the_cache_and_session_paths_are_refused(studio):
    from gradio_client import Client

    url, root = studio
    client = Client(url, download_files=False, verbose=False)
    outputs = client.predict("paint something calm", [], api_name="/on_message")
    shown = [o for o in outputs if isinstance(o, dict) and str(o.get("path", "")).endswith(".png")]
    assert shown, "the turn showed no painting"
    (session_id,) = [d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d))]
    for file in shown:
        assert root not in file["url"] + file["path"] and session_id not in file["url"] + file["path"]
        assert status_of(file["url"]) == 200
    written = os.path.join(root, session_id, "painting_1")
    painting = next(os.path.join(written, f) for f in os.listdir(written) if f.endswith(".png"))
    assert status_of(f"{url}gradio_api/file={painting}") == 403
