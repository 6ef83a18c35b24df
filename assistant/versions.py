"""Versions of an artifact: each one keeps its brief snapshot, tool arguments, seed, files and parent."""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

from tools.brief import CreativeBrief


class Version(BaseModel):
    """One version of a melody, painting or text. Files are relative to the session folder."""

    id: str  # e.g. "painting_3"
    kind: str
    number: int
    parent: str | None
    tool: str
    arguments: dict
    seed: int
    brief: CreativeBrief
    files: dict[str, str]
    data: dict = Field(default_factory=dict)
    text: str | None = None
    summary: str = ""
    changes: list[str] = Field(default_factory=list)
    created: float = Field(default_factory=time.time)

    def label(self) -> str:
        parent = f" (from {self.parent})" if self.parent else ""
        return f"{self.id}{parent}: {self.summary}"


def version_id(kind: str, number: int) -> str:
    return f"{kind}_{number}"
