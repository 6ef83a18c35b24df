"""Session actions the language model may call beside the tools: undo and go back to a version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from assistant.session import Session
from assistant.versions import Version, version_id
from tools.protocol import function_schema

Kind = Literal["melody", "painting", "text"]


class UndoArgs(BaseModel):
    """Go back one version of an artifact."""

    kind: Kind = Field(description="which artifact: melody, painting or text")


class GoToVersionArgs(BaseModel):
    """Go back to a numbered version ('the first painting' is painting 1); later changes branch from it."""

    kind: Kind
    number: int = Field(ge=1, description="version number, 1 for the first")


def undo(args: UndoArgs, session: Session) -> Version:
    return session.undo(args.kind)


def go_to_version(args: GoToVersionArgs, session: Session) -> Version:
    return session.go_to(version_id(args.kind, args.number))


@dataclass
class Action:
    name: str
    description: str
    args_model: type[BaseModel]
    run: Callable[[BaseModel, Session], Version]

    def schema(self) -> dict:
        return function_schema(self.name, self.description, self.args_model)


ACTIONS: dict[str, Action] = {
    "undo": Action("undo", "Go back one version of the melody, painting or text.", UndoArgs, undo),
    "go_to_version": Action(
        "go_to_version", "Return to a numbered earlier version of an artifact.", GoToVersionArgs, go_to_version
    ),
}
