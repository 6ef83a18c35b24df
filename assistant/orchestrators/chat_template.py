"""Orchestrator backend: any local transformers chat model with a tool-calling chat template.

    artchat --lm /path/to/Qwen2.5-0.5B-Instruct

The tools' JSON schemas go in through `apply_chat_template(tools=...)`; the calls come back in the
model's own format (see `assistant.orchestrators.tool_call_formats`) and are validated like every other backend's.
"""

from __future__ import annotations

from assistant.orchestrators.base import Orchestrator, PlanRequest
from assistant.orchestrators.chat_messages import as_plan_text, chat_messages
from assistant.orchestrators.chat_template_lm import ChatTemplateLM
from assistant.orchestrators.tool_call_formats import read_tool_calls


class ChatTemplateOrchestrator(Orchestrator):
    def __init__(self, lm: ChatTemplateLM, name: str = "transformers chat model"):
        self.lm, self.name = lm, name

    @classmethod
    def from_path(cls, path: str) -> ChatTemplateOrchestrator:
        return cls(ChatTemplateLM.from_path(path), name=f"transformers chat model ({path})")

    def plan(self, request: PlanRequest) -> str:
        calls, reply = read_tool_calls(self.lm.respond(chat_messages(request), request.tools))
        return as_plan_text(calls, reply)
