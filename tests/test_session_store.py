"""The sessions database under concurrent writers: two processes on one session lose nothing."""

import os
import subprocess
import sys
import textwrap

import pytest

from assistant.session import Session
from assistant.store import migrations, store_for

WRITER = textwrap.dedent(
    """
    import os, sys
    from assistant.session import Message, Session
    from tools.protocol import ToolResult

    folder, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    session = Session.load(folder)
    for i in range(count):
        session.refresh()
        vid, out = session.reserve_dir("painting")
        os.makedirs(out)
        path = os.path.join(out, "painting.png")
        with open(path, "w") as f:
            f.write(f"{name} {i}")
        seed = session.take_seed()
        session.add_version(vid, "paint", {}, ToolResult("painting", session.brief, seed, {"image": path}, name))
        session.messages.append(Message(role="user", content=f"{name} {i}"))
        session.save()
    """
)


def test_two_processes_writing_one_session_lose_no_version(tmp_path):
    session = Session.create(str(tmp_path))
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, session.folder, name, "25"], env=env) for name in ("a", "b")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    session.refresh()
    versions = session.of_kind("painting")
    assert sorted(v.number for v in versions) == list(range(1, 51))
    assert len({v.seed for v in versions}) == 50  # seeds are taken atomically too
    contents = {open(session.absolute_files(v)["image"]).read() for v in versions}
    assert contents == {f"{n} {i}" for n in "ab" for i in range(25)}  # every file is its own version's
    assert sorted(m.content for m in session.messages) == sorted(f"{n} {i}" for n in "ab" for i in range(25))


def test_a_failed_tool_gives_its_number_back_and_leaves_no_folder(tmp_path):
    session = Session.create(str(tmp_path))
    vid, folder = session.reserve_dir("melody")
    os.makedirs(folder)
    session.release(vid)
    assert not os.path.exists(folder) and session.reserve_dir("melody")[0] == vid


def test_a_reservation_of_a_killed_process_is_given_back(tmp_path):
    session = Session.create(str(tmp_path))
    killed = subprocess.run(
        [sys.executable, "-c", "import sys, os; from assistant.session import Session; "
         "s = Session.load(sys.argv[1]); vid, folder = s.reserve_dir('melody'); os.makedirs(folder); "
         "open(os.path.join(folder, 'melody.mid'), 'w').close(); os._exit(9)", session.folder],
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    assert killed.returncode == 9 and os.path.exists(os.path.join(session.folder, "melody_1"))
    vid, folder = session.reserve_dir("melody")
    assert vid == "melody_1" and not os.path.exists(folder)  # the number and a clean folder, no gap


def test_migrations_are_numbered_and_recorded(tmp_path):
    numbers = [n for n, _ in migrations()]
    assert numbers == sorted(set(numbers)) and numbers[0] == 1
    store = store_for(str(tmp_path))
    import sqlite3

    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == numbers[-1]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_database_of_an_older_version_is_migrated_forward(tmp_path):
    import sqlite3

    from assistant.store import DB_FILE, statements

    first = migrations()[0][1]
    with sqlite3.connect(tmp_path / DB_FILE) as db:
        for statement in statements(first):
            db.execute(statement)
        db.execute("PRAGMA user_version = 1")
    session = Session.create(str(tmp_path))
    assert session.reserve_dir("painting")[0] == "painting_1"
    with sqlite3.connect(tmp_path / DB_FILE) as db:
        assert "owner" in [row[1] for row in db.execute("PRAGMA table_info(versions)")]


def test_a_deleted_session_cannot_be_refreshed_or_resumed(tmp_path):
    session = Session.create(str(tmp_path))
    key = session.resume_key
    session.delete()
    with pytest.raises(KeyError):
        session.refresh()
    with pytest.raises(KeyError):
        Session.resume(key, str(tmp_path))


def test_sessions_left_empty_for_a_day_are_removed_when_a_new_one_is_made(tmp_path):
    from assistant.session import Message
    from assistant.store import EMPTY_SESSION_TTL_S

    root = str(tmp_path)
    old_empty, old_used, new_empty = (Session.create(root) for _ in range(3))
    old_used.messages.append(Message(role="user", content="hello"))
    old_used.save()
    store = store_for(root)
    with store.transaction() as db:
        db.execute(
            "UPDATE sessions SET updated = updated - ? WHERE id IN (?, ?)",
            (EMPTY_SESSION_TTL_S + 60, old_empty.id, old_used.id),
        )
    Session.create(root)
    assert not store.exists(old_empty.id) and not os.path.exists(old_empty.folder)
    assert store.exists(old_used.id) and store.exists(new_empty.id) and os.path.exists(new_empty.folder)
