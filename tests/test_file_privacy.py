"""A running studio serves the files it shows through Gradio's cache (content-hash URLs), never the sessions
folder by path, wherever it lies: a file URL names no session id, a session's file cannot be fetched by its path,
and the sessions database never at all."""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.error
import urllib.request

import pytest

from assistant.store import DB_FILE
from tests.studio_server import Scripted, served
from ui.file_serving import allowed_paths_for, refusal

PAINTER = Scripted({"paint": [{"name": "paint", "arguments": {"mood": "calm"}}]})


def test_only_a_sessions_folder_outside_the_working_and_temp_directories_must_be_allowed(tmp_path):
    assert allowed_paths_for(str(tmp_path / "sessions")) == []
    assert allowed_paths_for(os.path.join(os.getcwd(), "sessions")) == []
    outside = "/var/lib/artchat-sessions"
    if not any(outside.startswith(p) for p in (os.getcwd(), tempfile.gettempdir())):
        assert allowed_paths_for(outside) == [outside]


def test_file_requests_into_the_sessions_folder_are_refused_however_spelled(tmp_path):
    root = str(tmp_path / "sessions")
    for path in (
        f"/gradio_api/file={root}/{DB_FILE}",
        f"/gradio_api/file={root}/{DB_FILE}-wal",
        f"/gradio_api/file/{root}/abc/painting_1/painting.png",
        f"/gradio_api/file={root}/../sessions/{DB_FILE}",
        f"/file={root}/{DB_FILE}",
    ):
        assert refusal("GET", path, root)[0] == 403, path
    assert refusal("GET", f"/gradio_api/file={tmp_path}/gradio/abc/painting.png", root) is None
    assert refusal("GET", "/gradio_api/info", root) is None


@pytest.fixture
def studio(tmp_path):
    root = str(tmp_path / "sessions")
    with served(PAINTER, root) as url:
        yield url, root


@pytest.fixture
def studio_outside():
    """A studio whose sessions folder lies outside the working and temp directories (`--sessions /data/...`)."""
    base = tempfile.mkdtemp(prefix="artchat-test-", dir=os.path.expanduser("~"))
    root = os.path.join(base, "sessions")
    if not allowed_paths_for(root):
        pytest.skip("the home folder lies inside the working or temp directory")
    try:
        with served(PAINTER, root) as url:
            yield url, root
    finally:
        shutil.rmtree(base, ignore_errors=True)


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


def test_an_outside_sessions_folder_serves_neither_the_database_nor_files_by_path(studio_outside):
    from gradio_client import Client

    url, root = studio_outside
    client = Client(url, download_files=False, verbose=False)
    outputs = client.predict("paint something calm", [], api_name="/on_message")
    shown = [o for o in outputs if isinstance(o, dict) and str(o.get("path", "")).endswith(".png")]
    assert shown and all(status_of(f["url"]) == 200 for f in shown)  # what the chat shows still arrives
    assert os.path.exists(os.path.join(root, DB_FILE))
    for name in (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm"):
        if os.path.exists(os.path.join(root, name)):
            assert status_of(f"{url}gradio_api/file={root}/{name}") == 403, name
            assert status_of(f"{url}gradio_api/file/{root}/{name}") == 403, name
    (session_id,) = [d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d))]
    written = os.path.join(root, session_id, "painting_1")
    painting = next(os.path.join(written, f) for f in os.listdir(written) if f.endswith(".png"))
    assert status_of(f"{url}gradio_api/file={painting}") == 403


def test_the_upload_route_is_shut(studio):
    """The studio has no upload: a raw post of a file is refused, not stored (20 MB were taken before)."""
    url, _ = studio
    boundary = "artchatboundary"
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.bin\"\r\n"
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + b"x" * 10_000 + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        f"{url}gradio_api/upload", data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status = response.status
    except urllib.error.HTTPError as e:
        status = e.code
    assert status == 403


def test_a_deleted_sessions_file_urls_stop_answering(studio):
    """Delete removes Gradio's cached copies too, not only the session's rows and files."""
    from gradio_client import Client

    url, root = studio
    client = Client(url, download_files=False, verbose=False)
    outputs = client.predict("paint something calm", [], api_name="/on_message")
    urls = sorted({f["url"] for f in outputs if isinstance(f, dict) and f.get("url")})
    assert urls and all(status_of(u) == 200 for u in urls)
    client.predict(True, [], api_name="/delete_session")
    assert all(status_of(u) in (403, 404) for u in urls)
