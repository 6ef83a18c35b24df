"""A full disk and a damaged sessions database are said in a sentence; a failed version leaves no files behind."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import uuid

import gradio as gr
import pytest

from assistant import store as store_module
from assistant.session import Session
from assistant.store import DB_FILE, SessionStore, store_for
from assistant.store_errors import DISK_FULL, StorageError
from assistant.turn import run_call
from tools.protocol import ToolError
from ui.app import build_app
from ui.cli import sessions_problem


class FullDiskConnection(sqlite3.Connection):
    """A connection on a disk with no room: reading works, starting a write fails as SQLite says it."""

    def execute(self, sql, *args):
        if sql.strip().upper().startswith(("BEGIN IMMEDIATE", "INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


@pytest.fixture
def disk_full(monkeypatch):
    def fill():
        monkeypatch.setattr(
            SessionStore,
            "_connect",
            lambda self: sqlite3.connect(self.path, isolation_level=None, factory=FullDiskConnection),
        )

    return fill


def test_a_version_whose_saving_fails_leaves_no_files(tmp_path, monkeypatch):
    session = Session.create(str(tmp_path))

    def finish_on_a_full_disk(*args):
        raise StorageError(DISK_FULL)

    monkeypatch.setattr(store_module.SessionStore, "finish_version", finish_on_a_full_disk)
    monkeypatch.setattr(
        store_module.SessionStore, "release_version", lambda *a: (_ for _ in ()).throw(StorageError(DISK_FULL))
    )
    with pytest.raises(ToolError, match="disk is full"):
        run_call(session, "paint", {"mood": "calm"})
    assert os.listdir(session.folder) == []  # painting_1's files were written, then removed


def _event(demo: gr.Blocks, api_name: str | None = None, trigger: str | None = None):
    for block_fn in demo.fns.values():
        if api_name and block_fn.api_name == api_name:
            return block_fn.fn
        if trigger and any(name == trigger for _, name in block_fn.targets):
            return block_fn.fn
    raise LookupError(api_name or trigger)


def test_page_load_action_and_chat_say_the_disk_is_full(tmp_path, disk_full, scripted):
    root = str(tmp_path / "sessions")
    owner = Session.create(root)
    demo = build_app(scripted(), root=root)
    disk_full()
    with pytest.raises(gr.Error, match="disk is full"):
        _event(demo, trigger="load")(None)
    request = type("Request", (), {"session_hash": "a"})()
    panel = ["calm", 0.0, 0.0, "", "", "from mood", 0, "from mood", "from mood", 8, "piano", False]
    with pytest.raises(gr.Error, match="disk is full"):
        _event(demo, api_name="panel_paint")(request, [], owner, *panel)
    with pytest.raises(gr.Error, match="disk is full"):
        list(_event(demo, api_name="on_message")(request, "paint something", [], owner))
    history, resumed = _event(demo, api_name="resume")(owner.resume_key, [], None)[:2]
    assert resumed.id == owner.id  # reading needs no room


@pytest.fixture
def tiny_disk(tmp_path):
    """A 3 MB tmpfs (needs root to mount; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (not root)")
    yield str(mount)
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_on_a_real_full_disk_resume_reads_and_new_sessions_say_why_not(tiny_disk):
    root = os.path.join(tiny_disk, "sessions")
    owner = Session.create(root)
    with open(os.path.join(tiny_disk, "filler"), "wb", buffering=0) as filler:
        with pytest.raises(OSError):
            while True:
                filler.write(b"\0" * 65536)
    assert Session.resume(owner.resume_key, root).id == owner.id
    with pytest.raises(StorageError, match="disk is full"):
        Session.create(root)


def _damaged_root(tmp_path, how: str) -> str:
    root = str(tmp_path / f"sessions-{uuid.uuid4().hex[:6]}")
    session = Session.create(root)
    store_for(root).close()
    store_module._stores.clear()
    path = os.path.join(root, DB_FILE)
    for extra in ("-wal", "-shm"):
        if os.path.exists(path + extra):
            os.remove(path + extra)
    size = os.path.getsize(path)
    with open(path, "r+b") as f:
        f.truncate(0 if how == "empty" else size // 2 if how == "half" else 50)
    assert os.path.isdir(session.folder)
    return root


@pytest.mark.parametrize("how", ["empty", "half", "header"])
def test_a_damaged_database_is_named_at_launch_and_never_reset(tmp_path, monkeypatch, how):
    root = _damaged_root(tmp_path, how)
    size = os.path.getsize(os.path.join(root, DB_FILE))
    monkeypatch.setenv("ARTCHAT_HOME", root)
    problem = sessions_problem()
    assert problem and "damaged" in problem and root in problem
    with pytest.raises(StorageError, match="damaged"):
        Session.create(root)
    assert os.path.getsize(os.path.join(root, DB_FILE)) == size  # not replaced by an empty database


def test_an_empty_database_file_without_sessions_is_a_fresh_start(tmp_path):
    root = tmp_path / "fresh"
    root.mkdir()
    (root / DB_FILE).write_bytes(b"")
    Session.create(str(root))


def test_a_database_damaged_while_running_gives_a_sentence(tmp_path):
    root = str(tmp_path / "sessions")
    session = Session.create(root)
    with open(os.path.join(root, DB_FILE), "r+b") as f:
        f.write(b"this is no longer a database" * 4)
    with pytest.raises(StorageError, match="damaged"):
        session.refresh()
