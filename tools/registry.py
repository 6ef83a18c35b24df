"""All tools by name, and their schemas as the language model sees them."""

from __future__ import annotations

from tools import compose_melody, paint, write_text
from tools.protocol import Tool

TOOLS: dict[str, Tool] = {t.name: t for t in (compose_melody.TOOL, paint.TOOL, write_text.TOOL)}


def get_tool(name: str) -> Tool:
    if name not in TOOLS:
        raise KeyError(f"unknown tool {name!r}; available: {', '.join(TOOLS)}")
    return TOOLS[name]


def tool_schemas() -> list[dict]:
    return [tool.schema() for tool in TOOLS.values()]
