"""The tool protocol: a typed entry point whose pydantic argument model is the schema the LM sees."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from tools.brief import CreativeBrief, MoodChanges, apply_changes

ArgsT = TypeVar("ArgsT", bound=BaseModel)


class ToolError(Exception):
    """A problem the person can fix (bad argument, nothing to refine yet); shown as a message."""


@dataclass
class PreviousWork:
    """The artifact version a tool refines or continues: its arguments, seed and saved data."""

    id: str
    seed: int
    arguments: dict
    data: dict
    files: dict[str, str]


@dataclass
class ToolContext:
    """What a tool may read: its work's settings, the version it refines, where to write files."""

    brief: CreativeBrief
    out_dir: str
    previous: PreviousWork | None = None
    seed: int = 1
    progress: Callable[[str], None] = lambda message: None
    lookup: Callable[[str], PreviousWork | None] = lambda version_id: None  # other versions, by id
    works: Mapping[str, CreativeBrief] = field(default_factory=dict)  # each work the session holds, by kind, as
    # its current version was made ("melody" -> its key, tempo, instrument), so a text describes what exists


@dataclass
class ToolResult:
    """What a tool made: the brief it used, files by role (audio, midi, image, ...), data to refine later."""

    kind: str
    brief: CreativeBrief
    seed: int
    files: dict[str, str]
    summary: str
    data: dict = field(default_factory=dict)
    text: str | None = None
    changes: list[str] = field(default_factory=list)


@dataclass
class Tool(Generic[ArgsT]):
    """One tool: a name, a description for the LM, an argument model and the function that runs it, the kind of
    work it makes, and whether an answer may call it once only (all a request asks of one work is one call)."""

    name: str
    description: str
    args_model: type[ArgsT]
    run: Callable[[ArgsT, ToolContext], ToolResult]
    kind: str
    one_per_turn: bool = True

    def schema(self) -> dict[str, Any]:
        return function_schema(self.name, self.description, self.args_model)

    def routed_arguments(self) -> frozenset[str]:
        """The arguments the tuned language models learnt to write (the rest are the panel's and programs')."""
        return frozenset(self.args_model.model_fields) - getattr(self.args_model, "not_routed", frozenset())


def function_schema(name: str, description: str, args_model: type[BaseModel]) -> dict[str, Any]:
    """The JSON-schema function description a language model sees (OpenAI/transformers style)."""
    return {
        "type": "function",
        "function": {"name": name, "description": description, "parameters": args_model.model_json_schema()},
    }


def prepare_brief(ctx: ToolContext, changes: MoodChanges, medium: str, new_variation: bool):
    """Apply a tool's changes to its work's settings and settle its seed: kept on refinement, the session's fresh
    one for a new variation. Returns (settings, seed, notes of what changed)."""
    brief, notes = apply_changes(ctx.brief, changes)
    seed = ctx.seed if new_variation else brief.seeds.get(medium, 1)
    return brief.model_copy(update={"seeds": {**brief.seeds, medium: seed}}), seed, notes
