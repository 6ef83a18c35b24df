"""A session: its messages, shared settings and versioned works; rows in the sessions database, media in its folder.

Each work's settings are its current version's brief (`settings`); the session's own brief is the shared one a
new work starts from (the mood of the work last made or restored, and each work's own settings beside it).

A `Session` object is one handle on the stored session. Every change is written through at once (version numbers,
heads, seeds, messages on `save`), and `refresh` re-reads what other handles (a second tab, another process) did.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
import uuid
from typing import Literal

from pydantic import BaseModel, Field, PrivateAttr

from assistant.store import SessionStore, store_for
from assistant.store_errors import StorageError
from assistant.versions import Version, version_id
from tools.brief import CreativeBrief, shared_after
from tools.protocol import PreviousWork, ToolResult

LEGACY_SESSION_FILE = "session.json"  # sessions saved before the database; imported on first open
KEY_PATTERN = re.compile(r"([0-9a-f]{32})-([0-9a-f]{32})")


def sessions_root() -> str:
    return os.environ.get("ARTCHAT_HOME", os.path.join(os.getcwd(), "sessions"))


class Message(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class Session(BaseModel):
    """All state of one person's work; never shared between browser sessions."""

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    folder: str = ""
    messages: list[Message] = Field(default_factory=list)
    brief: CreativeBrief = Field(default_factory=CreativeBrief)  # shared: what a new work starts from
    versions: dict[str, Version] = Field(default_factory=dict)
    heads: dict[str, str] = Field(default_factory=dict)  # kind -> current version id
    next_seed: int = 2
    started: float = 0.0  # when it last started over: earlier versions are kept but not counted as the works'
    _token: str | None = PrivateAttr(default=None)  # the owner's secret; only the handle that made or resumed it
    _saved_messages: int = PrivateAttr(default=0)

    @classmethod
    def create(cls, root: str | None = None) -> Session:
        session = cls()
        session.folder = os.path.abspath(os.path.join(root or sessions_root(), session.id))
        session._token = secrets.token_hex(16)
        session.store.create_session(session.id, session._token, session.brief.model_dump(), session.next_seed)
        os.makedirs(session.folder, exist_ok=True)
        return session

    @property
    def store(self) -> SessionStore:
        return store_for(os.path.dirname(self.folder))

    @property
    def resume_key(self) -> str | None:
        """id-secret: what the owner types to open this session again (None on a handle that never knew it)."""
        return f"{self.id}-{self._token}" if self._token else None

    # -- versions ---------------------------------------------------------------------------
    def current(self, kind: str) -> Version | None:
        head = self.heads.get(kind)
        return self.versions.get(head) if head else None

    def settings(self, kind: str) -> CreativeBrief:
        """What a change to this kind of work applies to: its current version's settings, or for a new work
        the shared ones (the mood it is made to match)."""
        current = self.current(kind)
        return current.brief if current is not None else self.brief

    def of_kind(self, kind: str) -> list[Version]:
        """The versions of a kind made since the session last started over (all of them, if it never did)."""
        return [v for v in self.versions.values() if v.kind == kind and v.created >= self.started]

    def start_over(self) -> None:
        """Clear the studio: no work current, the shared settings new; every version is kept (restorable by id)."""
        self.started = time.time()
        self.heads = {}
        self.brief = CreativeBrief()
        self.store.start_over(self.id, self.brief.model_dump(), self.started)

    def reserve_dir(self, kind: str) -> tuple[str, str]:
        """(version id, absolute folder) for the next version of a kind, taken for this handle alone."""
        vid = version_id(kind, self.store.reserve_version(self.id, kind))
        folder = os.path.join(self.folder, vid)
        if os.path.exists(folder):  # written by a process killed mid-tool, whose reservation was given back
            shutil.rmtree(folder)
        return vid, folder

    def release(self, vid: str) -> None:
        """Give back a reserved version whose tool failed, with whatever it wrote (the files first: on a full disk
        the database cannot give the number back, and the number then stays unused)."""
        kind, number = vid.rsplit("_", 1)
        shutil.rmtree(os.path.join(self.folder, vid), ignore_errors=True)
        try:
            self.store.release_version(self.id, kind, int(number))
        except StorageError:
            pass

    def previous_work(self, kind: str) -> PreviousWork | None:
        return self.work(self.heads[kind]) if kind in self.heads else None

    def work(self, vid: str) -> PreviousWork | None:
        """A version as tools see it (the executor swaps the LM's version ids for these)."""
        v = self.versions.get(vid)
        return PreviousWork(v.id, v.seed, v.arguments, v.data, self.absolute_files(v)) if v else None

    def take_seed(self) -> int:
        seed = self.store.take_seed(self.id)
        self.next_seed = seed + 1
        return seed

    def add_version(self, vid: str, tool: str, arguments: dict, result: ToolResult, fresh: bool = False) -> Version:
        """Store a tool's result as the new current version of its kind (`fresh`: a new work, no parent)."""
        number = int(vid.rsplit("_", 1)[1])
        parent = None if fresh else self.heads.get(result.kind)
        files = {role: os.path.relpath(path, self.folder) for role, path in result.files.items()}
        version = Version(
            id=vid,
            kind=result.kind,
            number=number,
            parent=parent,
            tool=tool,
            arguments=arguments,
            seed=result.seed,
            brief=result.brief,
            files=files,
            data=result.data,
            text=result.text,
            summary=result.summary,
            changes=result.changes,
        )
        shared = shared_after(self.brief, result.brief, result.kind)
        self.store.finish_version(self.id, version.model_dump(mode="json"), shared.model_dump())
        self.versions[vid] = version
        self.heads[result.kind] = vid
        self.brief = shared
        return version

    def go_to(self, vid: str) -> Version:
        """Make an existing version current (its settings the work's again; other works keep theirs); later edits
        branch from it."""
        if vid not in self.versions:
            raise KeyError(f"there is no {vid}")
        version = self.versions[vid]
        shared = shared_after(self.brief, version.brief, version.kind)
        self.store.set_head(self.id, version.kind, vid, shared.model_dump())
        self.heads[version.kind] = vid
        self.brief = shared
        return version

    def undo(self, kind: str) -> Version:
        current = self.current(kind)
        if current is None:
            raise KeyError(f"there is no {kind} yet")
        if current.parent is None:
            raise KeyError(f"{current.id} is the first {kind}; nothing to undo")
        return self.go_to(current.parent)

    def absolute_files(self, version: Version) -> dict[str, str]:
        return {role: os.path.join(self.folder, rel) for role, rel in version.files.items()}

    # -- persistence ------------------------------------------------------------------------
    def save(self) -> None:
        """Store the messages added on this handle and the brief (versions and heads are stored as they happen)."""
        new = [m.model_dump() for m in self.messages[self._saved_messages :]]
        if new:
            self.store.append_messages(self.id, new)
        self.store.set_brief(self.id, self.brief.model_dump())
        self._saved_messages = len(self.messages)

    def refresh(self) -> Session:
        """Re-read the stored session: what another tab or process did since this handle last looked."""
        stored = self.store.read(self.id)
        self.brief = CreativeBrief.model_validate(stored["brief"])
        self.next_seed = stored["next_seed"]
        self.messages = [Message.model_validate(m) for m in stored["messages"]]
        self.versions = {v["id"]: Version.model_validate(v) for v in stored["versions"]}
        self.heads = stored["heads"]
        self.started = stored["started"]
        self._saved_messages = len(self.messages)
        return self

    @classmethod
    def load(cls, folder: str) -> Session:
        """A handle on the stored session in this folder (no ownership check: callers check the key)."""
        folder = os.path.abspath(folder)
        session = cls(id=os.path.basename(folder), folder=folder)
        if not session.store.exists(session.id):
            import_legacy(session)
        return session.refresh()

    @classmethod
    def resume(cls, key: str, root: str | None = None) -> Session:
        """Open a session by its resume key (id-secret); KeyError with a plain sentence when that is not possible."""
        match = KEY_PATTERN.fullmatch((key or "").strip().lower())
        store = store_for(root or sessions_root())
        if not match or not store.owns(match[1], match[2]):
            raise KeyError("there is no saved session with that key (it is the id, a dash and the secret)")
        session = cls.load(os.path.join(store.root, match[1]))
        session._token = match[2]
        return session

    @staticmethod
    def is_stored(sid: str, root: str | None = None) -> bool:
        return store_for(root or sessions_root()).exists(sid)

    def delete(self) -> None:
        """Remove the session: its rows and its folder with every file."""
        self.store.delete_session(self.id)
        shutil.rmtree(self.folder, ignore_errors=True)


def import_legacy(session: Session) -> None:
    """Move a session saved as session.json (before the database) into the database, with a new secret."""
    path = os.path.join(session.folder, LEGACY_SESSION_FILE)
    if not os.path.exists(path):
        raise KeyError(f"there is no saved session {session.id}")
    with open(path, encoding="utf-8") as f:
        old = Session.model_validate(json.load(f))
    session._token = secrets.token_hex(16)
    store = session.store
    store.create_session(session.id, session._token, old.brief.model_dump(), old.next_seed)
    store.append_messages(session.id, [m.model_dump() for m in old.messages])
    for version in old.versions.values():
        store.reserve_version(session.id, version.kind)
        store.finish_version(session.id, version.model_dump(mode="json"), old.brief.model_dump())
    for kind, vid in old.heads.items():
        store.set_head(session.id, kind, vid, old.brief.model_dump())
