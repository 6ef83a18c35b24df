"""Storage faults for the load report: a disk that is really full (a 3 MB tmpfs) and a damaged sessions database.

Each case starts a studio process (`evals.local_studio`, no language model) and records what a person would see:
the sentence said, whether the studio stayed up, what was lost, and what the disk holds afterwards.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile

from gradio_client import Client

from assistant.store import DB_FILE
from evals.local_studio import LocalStudio
from evals.studio_calls import panel, problems, resume_key, resumed, version_ids

TMPFS_SIZE = "3m"


def said(call) -> str:
    """The sentence a client got: the last warning in the chat, the app's error notice, or '(nothing said)'."""
    try:
        outputs = call()
    except Exception as err:  # gradio_client raises the app's notice (gr.Error) as an exception with its words
        return f"notice: {err}"
    return (problems(outputs)[-1:] or ["(nothing said)"])[0]


def _mount_tmpfs(folder: str) -> str | None:
    """Mount a small tmpfs at folder; the reason when that is not possible here (it needs root)."""
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE}", "tmpfs", folder], capture_output=True)
    return done.stderr.decode().strip() or "mount failed" if done.returncode else None


def _fill(folder: str) -> str:
    path = os.path.join(folder, "filler")
    with open(path, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    return path


def _orphan_folders(root: str, key: str) -> list[str]:
    """Version folders on disk that the database does not hold as done (files a failed version left behind)."""
    sid = key.split("-")[0]
    with sqlite3.connect(os.path.join(root, DB_FILE)) as db:
        done = {f"{k}_{n}" for k, n in db.execute(
            "SELECT kind, number FROM versions WHERE session_id = ? AND state = 'done'", (sid,))}
    folder = os.path.join(root, sid)
    return sorted(d for d in os.listdir(folder) if d != "bundles" and d not in done)


def fault_full_disk(base: str) -> dict:
    """Sessions on a 3 MB tmpfs that fills up: a new visitor, a resume, a panel action and a chat turn."""
    disk = os.path.join(base, "disk")
    os.makedirs(disk)
    if reason := _mount_tmpfs(disk):
        return {"fault": "a really full disk (3 MB tmpfs)", "skipped": reason}
    root = os.path.join(disk, "sessions")
    studio = LocalStudio(root, lm="none", log_dir=base).start()
    try:
        studio.wait_for_log("warm-up done")
        key = resume_key(panel(Client(studio.url, verbose=False)))
        filler = _fill(disk)
        newcomer = said(lambda: panel(Client(studio.url, verbose=False)))
        client = Client(studio.url, verbose=False)
        shown = version_ids(client.predict(key, [], api_name="/resume"))
        action = said(lambda: panel(client, "/panel_compose_melody", bars=64))
        chat = said(lambda: client.predict("a calm tune", [], api_name="/on_message"))
        left = _orphan_folders(root, key)
        alive = studio.process.poll() is None
        os.remove(filler)
        after = version_ids(panel(resumed(studio.url, key), "/panel_paint_variation"))
    finally:
        studio.stop()
        subprocess.run(["umount", "-l", disk], check=False)
    return {
        "fault": "a really full disk (3 MB tmpfs), then room again",
        "new_visitor": newcomer,
        "resume_shows": shown,
        "panel_action": action,
        "chat_turn": chat,
        "partial_folders_left": left,
        "studio_alive": alive,
        "after_room_again": after,
        "lost": int("painting_1" not in after),
    }


def fault_damaged_database(base: str) -> list[dict]:
    """A sessions database truncated to half, and one emptied to 0 bytes: what the launch says, what is kept."""
    rows = []
    for how in ("truncated to half", "emptied to 0 bytes"):
        root = tempfile.mkdtemp(prefix="damaged-", dir=base)
        studio = LocalStudio(root, lm="none").start()
        try:
            studio.wait_for_log("warm-up done")
            key = resume_key(panel(Client(studio.url, verbose=False)))
        finally:
            studio.stop()
        path = os.path.join(root, DB_FILE)
        for extra in ("-wal", "-shm"):
            if os.path.exists(path + extra):
                os.remove(path + extra)
        with open(path, "r+b") as f:
            f.truncate(os.path.getsize(path) // 2 if "half" in how else 0)
        size = os.path.getsize(path)
        studio = LocalStudio(root, lm="none")
        try:
            studio.start(timeout_s=120)
            client = resumed(studio.url, key)
            outcome, shown = "started", version_ids(client.predict(key, [], api_name="/resume"))
        except RuntimeError:
            outcome, shown = f"exited {studio.process.returncode}", None
        finally:
            studio.stop()
        with open(studio.log_path) as log:
            said_at_launch = next((line.strip() for line in log if "damaged" in line), "(nothing said)")
        rows.append({
            "fault": f"sessions database {how}",
            "launch": outcome,
            "said_at_launch": said_at_launch,
            "resume_after": shown,
            "file_kept": os.path.getsize(path) == size,
        })
        shutil.rmtree(root, ignore_errors=True)
    return rows
