"""Where sessions live: an embedded SQLite database (WAL) in the sessions folder; media files stay on disk.

Every change is one short transaction, so two handles on one session (two tabs, two processes) never overwrite
each other: version numbers are taken inside `BEGIN IMMEDIATE` and never reused, heads and messages are rows.
Migrations are the numbered SQL files in `migrations/`, applied in order and recorded in `PRAGMA user_version`.
A database error becomes a `StorageError` with a sentence (a full disk, a damaged file); a damaged file is found
when the store opens (at launch), and is never replaced by an empty one. One connection stays open for the life
of the store, so the WAL and shared-memory files are not removed and re-made at each operation: reading needs no
new room on a full disk. Sessions that stayed empty (no message, no version) for a day are removed with their
folders when a new one is made, so page loads and API clients that did nothing leave nothing behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import sqlite3
import threading
import time
from contextlib import closing, contextmanager
from importlib import resources

from assistant.store_errors import StorageError, damaged_sentence, storage_error

DB_FILE = "artchat.sqlite3"
BUSY_TIMEOUT_S = 30
EMPTY_SESSION_TTL_S = 24 * 3600
SESSION_FOLDER = re.compile(r"[0-9a-f]{32}")


def migrations() -> list[tuple[int, str]]:
    """(number, SQL) of every migration shipped with the code, in order."""
    folder = resources.files("assistant") / "migrations"
    files = sorted(f for f in folder.iterdir() if f.name.endswith(".sql"))
    return [(int(f.name.split("_", 1)[0]), f.read_text(encoding="utf-8")) for f in files]


def statements(sql: str) -> list[str]:
    """The complete SQL statements of a script, in order (comments may hold semicolons)."""
    done, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            done.append(buffer)
            buffer = ""
    return done


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SessionStore:
    """The database of one sessions folder. Opens a connection per operation (safe across threads)."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        os.makedirs(self.root, exist_ok=True)
        self.path = os.path.join(self.root, DB_FILE)
        self._check_intact()
        self._migrate()
        self._keeper = self._connect()
        self._keeper.execute("SELECT 1 FROM sessions LIMIT 1").fetchall()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)

    @contextmanager
    def transaction(self, write: bool = True):
        """A write transaction holds the write lock from its start (no lost updates); a read one sees a snapshot.
        Database errors leave as a StorageError with a sentence."""
        try:
            with closing(self._connect()) as db:
                db.execute("PRAGMA foreign_keys = ON")
                db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield db
                    db.execute("COMMIT")
                except BaseException:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                    raise
        except (sqlite3.OperationalError, sqlite3.DatabaseError) as err:
            if isinstance(err, sqlite3.IntegrityError):
                raise
            raise storage_error(err, self.path) from err

    def close(self) -> None:
        self._keeper.close()

    def _check_intact(self) -> None:
        """A StorageError when the database file is damaged: unreadable, failing its check, or emptied (0 bytes)
        while session folders say it held sessions. SQLite would silently start an empty one from 0 bytes."""
        if not os.path.exists(self.path):
            return
        if os.path.getsize(self.path) == 0:
            if any(SESSION_FOLDER.fullmatch(name) for name in os.listdir(self.root)):
                raise StorageError(damaged_sentence(self.path, "it is empty, 0 bytes"))
            return
        try:
            with closing(self._connect()) as db:
                verdict = db.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as err:
            raise storage_error(err, self.path) from err
        if verdict != "ok":
            raise StorageError(damaged_sentence(self.path, verdict))

    def _migrate(self) -> None:
        with self.transaction() as db:
            current = db.execute("PRAGMA user_version").fetchone()[0]
            for number, sql in migrations():
                if number > current:
                    for statement in statements(sql):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {int(number)}")
        self._use_wal()

    def _use_wal(self) -> None:
        """Write-ahead logging (readers never wait for a writer); switching needs a moment alone with the file."""
        for attempt in range(100):
            try:
                with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)) as db:
                    db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError:
                time.sleep(0.05 * (attempt + 1))
        raise sqlite3.OperationalError(f"could not open {self.path} in WAL mode")

    # -- sessions ---------------------------------------------------------------------------
    def create_session(self, sid: str, token: str, brief: dict, next_seed: int) -> None:
        """Store a new session (and remove the ones that stayed empty longer than EMPTY_SESSION_TTL_S)."""
        now = time.time()
        self.drop_empty_sessions(now - EMPTY_SESSION_TTL_S)
        with self.transaction() as db:
            db.execute(
                "INSERT INTO sessions (id, token_hash, brief, next_seed, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
                (sid, token_hash(token), json.dumps(brief), next_seed, now, now),
            )

    def exists(self, sid: str) -> bool:
        with self.transaction(write=False) as db:
            return db.execute("SELECT 1 FROM sessions WHERE id = ?", (sid,)).fetchone() is not None

    def owns(self, sid: str, token: str) -> bool:
        with self.transaction(write=False) as db:
            row = db.execute("SELECT token_hash FROM sessions WHERE id = ?", (sid,)).fetchone()
        return row is not None and row[0] == token_hash(token)

    def read(self, sid: str) -> dict:
        """Everything about a session: brief, next seed, messages, finished versions, heads, when it started over."""
        with self.transaction(write=False) as db:
            row = db.execute("SELECT brief, next_seed, started FROM sessions WHERE id = ?", (sid,)).fetchone()
            if row is None:
                raise KeyError(f"there is no saved session {sid}")
            messages = db.execute("SELECT role, content FROM messages WHERE session_id = ? ORDER BY seq", (sid,))
            messages = [{"role": r, "content": c} for r, c in messages]
            versions = db.execute(
                "SELECT body FROM versions WHERE session_id = ? AND state = 'done' ORDER BY created, kind, number",
                (sid,),
            )
            versions = [json.loads(body) for (body,) in versions]
            heads = dict(db.execute("SELECT kind, version_id FROM heads WHERE session_id = ?", (sid,)).fetchall())
        return {
            "brief": json.loads(row[0]),
            "next_seed": row[1],
            "messages": messages,
            "versions": versions,
            "heads": heads,
            "started": row[2],
        }

    def drop_empty_sessions(self, before: float) -> list[str]:
        """Remove sessions untouched since `before` that hold no message and no version, and their folders."""
        with self.transaction() as db:
            empty = [
                sid
                for (sid,) in db.execute(
                    "SELECT id FROM sessions WHERE updated < ? "
                    "AND NOT EXISTS (SELECT 1 FROM messages WHERE session_id = sessions.id) "
                    "AND NOT EXISTS (SELECT 1 FROM versions WHERE session_id = sessions.id)",
                    (before,),
                )
            ]
            db.executemany("DELETE FROM sessions WHERE id = ?", [(sid,) for sid in empty])
        for sid in empty:
            shutil.rmtree(os.path.join(self.root, sid), ignore_errors=True)
        return empty

    def delete_session(self, sid: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (sid,))

    # -- changes ----------------------------------------------------------------------------
    def reserve_version(self, sid: str, kind: str) -> int:
        """The next number of a kind, taken for this caller alone (never handed out twice)."""
        with self.transaction() as db:
            _drop_orphans(db, sid, kind)
            (last,) = db.execute(
                "SELECT COALESCE(MAX(number), 0) FROM versions WHERE session_id = ? AND kind = ?", (sid, kind)
            ).fetchone()
            db.execute(
                "INSERT INTO versions (session_id, kind, number, state, created, owner) "
                "VALUES (?, ?, ?, 'reserved', ?, ?)",
                (sid, kind, last + 1, time.time(), OWNER),
            )
        return last + 1

    def release_version(self, sid: str, kind: str, number: int) -> None:
        """Give back a reservation whose tool failed (only while it is still a reservation)."""
        with self.transaction() as db:
            db.execute(
                "DELETE FROM versions WHERE session_id = ? AND kind = ? AND number = ? AND state = 'reserved'",
                (sid, kind, number),
            )

    def finish_version(self, sid: str, version: dict, brief: dict) -> None:
        """Store a made version, make it its kind's head and its brief the session's."""
        with self.transaction() as db:
            db.execute(
                "UPDATE versions SET state = 'done', body = ? WHERE session_id = ? AND kind = ? AND number = ?",
                (json.dumps(version), sid, version["kind"], version["number"]),
            )
            self._set_head(db, sid, version["kind"], version["id"], brief)

    def set_head(self, sid: str, kind: str, vid: str, brief: dict) -> None:
        with self.transaction() as db:
            self._set_head(db, sid, kind, vid, brief)

    @staticmethod
    def _set_head(db, sid: str, kind: str, vid: str, brief: dict) -> None:
        db.execute(
            "INSERT INTO heads (session_id, kind, version_id) VALUES (?, ?, ?) "
            "ON CONFLICT (session_id, kind) DO UPDATE SET version_id = excluded.version_id",
            (sid, kind, vid),
        )
        db.execute("UPDATE sessions SET brief = ?, updated = ? WHERE id = ?", (json.dumps(brief), time.time(), sid))

    def start_over(self, sid: str, brief: dict, started: float) -> None:
        """No work current any more (every version kept), the given brief, and the moment it started over."""
        with self.transaction() as db:
            db.execute("DELETE FROM heads WHERE session_id = ?", (sid,))
            db.execute(
                "UPDATE sessions SET brief = ?, started = ?, updated = ? WHERE id = ?",
                (json.dumps(brief), started, time.time(), sid),
            )

    def set_brief(self, sid: str, brief: dict) -> None:
        with self.transaction() as db:
            db.execute("UPDATE sessions SET brief = ?, updated = ? WHERE id = ?", (json.dumps(brief), time.time(), sid))

    def take_seed(self, sid: str) -> int:
        with self.transaction() as db:
            (seed,) = db.execute("SELECT next_seed FROM sessions WHERE id = ?", (sid,)).fetchone()
            db.execute("UPDATE sessions SET next_seed = ? WHERE id = ?", (seed + 1, sid))
        return seed

    def append_messages(self, sid: str, messages: list[dict]) -> None:
        with self.transaction() as db:
            (last,) = db.execute("SELECT COALESCE(MAX(seq), 0) FROM messages WHERE session_id = ?", (sid,)).fetchone()
            db.executemany(
                "INSERT INTO messages (session_id, seq, role, content, created) VALUES (?, ?, ?, ?, ?)",
                [(sid, last + i + 1, m["role"], m["content"], time.time()) for i, m in enumerate(messages)],
            )


OWNER = f"{socket.gethostname()}:{os.getpid()}"


def _drop_orphans(db, sid: str, kind: str) -> None:
    """Give back reservations of processes on this host that no longer run (killed mid-tool), so no number is lost."""
    host = socket.gethostname()
    rows = db.execute(
        "SELECT number, owner FROM versions WHERE session_id = ? AND kind = ? AND state = 'reserved'", (sid, kind)
    ).fetchall()
    for number, owner in rows:
        owner_host, _, pid = (owner or "").rpartition(":")
        if owner_host == host and pid.isdigit() and not _running(int(pid)):
            db.execute("DELETE FROM versions WHERE session_id = ? AND kind = ? AND number = ?", (sid, kind, number))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_stores: dict[str, SessionStore] = {}
_stores_lock = threading.Lock()


def store_for(root: str) -> SessionStore:
    """One store object per sessions folder in this process (migrations run once)."""
    root = os.path.abspath(root)
    with _stores_lock:
        if root not in _stores or not os.path.exists(_stores[root].path):
            if root in _stores:
                _stores[root].close()
            _stores[root] = SessionStore(root)
        return _stores[root]
