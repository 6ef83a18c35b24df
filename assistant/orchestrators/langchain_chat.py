"""Orchestrator backend: any LangChain chat model that supports `bind_tools` (ChatOllama, ChatOpenAI,
ChatHuggingFace, our `TransformersChatModel`, ...). The tools' schemas are bound in OpenAI format;
the model's `tool_calls` become our calls, its text the reply."""

from __future__ import annotations

from assistant.orchestrators.base import Orchestrator, PlanRequest
from assistant.orchestrators.chat_messages import as_plan_text, chat_messages


def to_langchain(messages: list[dict]) -> list:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    return [kinds[m["role"]](content=m["content"]) for m in messages]


class LangChainOrchestrator(Orchestrator):
    def __init__(self, chat_model, name: str | None = None):
        if not hasattr(chat_model, "bind_tools"):
            raise TypeError(f"{type(chat_model).__name__} has no bind_tools: it cannot call tools")
        self.chat_model = chat_model
        self.name = name or f"LangChain {type(chat_model).__name__}"

    def plan(self, request: PlanRequest) -> str:
        answer = self.chat_model.bind_tools(request.tools).invoke(to_langchain(chat_messages(request)))
        calls = [{"name": c["name"], "arguments": c.get("args") or {}} for c in answer.tool_calls]
        reply = answer.content if isinstance(answer.content, str) else ""
        return as_plan_text(calls, reply)
