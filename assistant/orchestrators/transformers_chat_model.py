"""A LangChain chat model over a local transformers model with a tool-calling chat template.

It makes any local instruct model usable wherever LangChain expects a chat model with `bind_tools`
(including our `LangChainOrchestrator`), offline.
"""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict

from assistant.orchestrators.chat_template_lm import ChatTemplateLM
from assistant.orchestrators.tool_call_formats import read_tool_calls

ROLES = {"system": "system", "human": "user", "ai": "assistant", "tool": "tool"}


def to_chat_dicts(messages: list[BaseMessage]) -> list[dict]:
    out = []
    for m in messages:
        item = {"role": ROLES.get(m.type, "user"), "content": m.content if isinstance(m.content, str) else ""}
        calls = getattr(m, "tool_calls", None)
        if calls:
            item["tool_calls"] = [
                {"type": "function", "function": {"name": c["name"], "arguments": c["args"]}} for c in calls
            ]
        out.append(item)
    return out


class TransformersChatModel(BaseChatModel):
    lm: ChatTemplateLM
    model_config = ConfigDict(arbitrary_types_allowed=True)

    @property
    def _llm_type(self) -> str:
        return "artchat-transformers-chat"

    def bind_tools(self, tools: list, **kwargs: Any):
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools], **kwargs)

    def _generate(self, messages, stop=None, run_manager=None, tools: list | None = None, **kwargs) -> ChatResult:
        text = self.lm.respond(to_chat_dicts(messages), tools)
        calls, reply = read_tool_calls(text)
        tool_calls = [{"name": c["name"], "args": c["arguments"], "id": f"call_{i}"} for i, c in enumerate(calls)]
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply, tool_calls=tool_calls))])
