"""A session: its messages, brief and versioned artifacts, in its own folder, saved as JSON + files."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from typing import Literal

from pydantic import BaseModel, Field

from assistant.versions import Version, version_id
from tools.brief import CreativeBrief
from tools.protocol import PreviousWork, ToolResult

SESSION_FILE = "session.json"


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
    brief: CreativeBrief = Field(default_factory=CreativeBrief)
    versions: dict[str, Version] = Field(default_factory=dict)
    heads: dict[str, str] = Field(default_factory=dict)  # kind -> current version id
    next_seed: int = 2

    @classmethod
    def create(cls, root: str | None = None) -> Session:
        session = cls()
        session.folder = os.path.abspath(os.path.join(root or sessions_root(), session.id))
        os.makedirs(session.folder, exist_ok=True)
        return session

    # -- versions ---------------------------------------------------------------------------
    def current(self, kind: str) -> Version | None:
        head = self.heads.get(kind)
        return self.versions.get(head) if head else None

    def of_kind(self, kind: str) -> list[Version]:
        return [v for v in self.versions.values() if v.kind == kind]

    def reserve_dir(self, kind: str) -> tuple[str, str]:
        """(version id, absolute folder) for the next version of a kind; the folder is new."""
        number = len(self.of_kind(kind)) + 1
        vid = version_id(kind, number)
        folder = os.path.join(self.folder, vid)
        if os.path.exists(folder):  # left over from a failed attempt: never reuse its files
            shutil.rmtree(folder)
        return vid, folder

    def previous_work(self, kind: str) -> PreviousWork | None:
        return self.work(self.heads[kind]) if kind in self.heads else None

    def work(self, vid: str) -> PreviousWork | None:
        """A version as tools see it (the executor swaps the LM's version ids for these)."""
        v = self.versions.get(vid)
        return PreviousWork(v.id, v.seed, v.arguments, v.data, self.absolute_files(v)) if v else None

    def take_seed(self) -> int:
        seed, self.next_seed = self.next_seed, self.next_seed + 1
        return seed

    def add_version(self, vid: str, tool: str, arguments: dict, result: ToolResult) -> Version:
        number = int(vid.rsplit("_", 1)[1])
        parent = self.heads.get(result.kind)
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
        self.versions[vid] = version
        self.heads[result.kind] = vid
        self.brief = result.brief
        return version

    def go_to(self, vid: str) -> Version:
        """Make an existing version current (and its brief the session's brief); later edits branch from it."""
        if vid not in self.versions:
            raise KeyError(f"there is no {vid}")
        version = self.versions[vid]
        self.heads[version.kind] = vid
        self.brief = version.brief
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
    def save(self) -> str:
        path = os.path.join(self.folder, SESSION_FILE)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(self.model_dump_json(indent=1))
        os.replace(tmp, path)  # atomic: a crash never leaves a half-written session
        return path

    @classmethod
    def load(cls, folder: str) -> Session:
        with open(os.path.join(folder, SESSION_FILE), encoding="utf-8") as f:
            session = cls.model_validate(json.load(f))
        session.folder = os.path.abspath(folder)
        return session
