"""The orchestrator interface: a language model that turns the conversation into tool calls.

Every backend receives the same `PlanRequest` and returns its raw text; `assistant.calls`
parses and validates it. The embedded fine-tuned model and the transformers / LangChain
backends implement this interface (see the orchestrator issue); tests use scripted ones.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from assistant.actions import ACTIONS
from tools.registry import TOOLS


@dataclass
class PlanRequest:
    """What the model sees: recent messages, the brief, the current artifacts and the tool schemas."""

    messages: list[dict]
    brief: dict
    artifacts: dict[str, str]  # kind -> current version id
    tools: list[dict] = field(
        default_factory=lambda: [t.schema() for t in TOOLS.values()] + [a.schema() for a in ACTIONS.values()]
    )
    repair_note: str | None = None  # set on the one retry after an invalid answer
    started: float = field(default_factory=time.monotonic)  # when the turn asked (a repair answers within its time)


class Orchestrator(ABC):
    """A backend that plans tool calls. `plan` returns the model's raw text (JSON calls)."""

    name: str = "orchestrator"

    @abstractmethod
    def plan(self, request: PlanRequest) -> str: ...

    def describe(self) -> str:
        return self.name


class NoLanguageModel(Orchestrator):
    """Used when no language model is configured: says so instead of guessing from keywords."""

    name = "none"

    def plan(self, request: PlanRequest) -> str:
        return (
            '{"calls": [], "reply": "No language model is configured for chat yet, so I cannot read requests. '
            'Use the brief panel and its buttons to make and refine melodies and paintings."}'
        )
