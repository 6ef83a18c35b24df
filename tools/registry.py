"""All tools by name: their names, descriptions, argument models and kinds of work, read by the turn loop, the
prompts, the decoding checks, the corpus and the UI."""

from __future__ import annotations

from tools import compose_melody, paint, write_text
from tools.protocol import Tool

TOOLS: dict[str, Tool] = {t.name: t for t in (compose_melody.TOOL, paint.TOOL, write_text.TOOL)}
TOOL_OF_KIND: dict[str, str] = {t.kind: t.name for t in TOOLS.values()}


def get_tool(name: str) -> Tool:
    if name not in TOOLS:
        raise KeyError(f"unknown tool {name!r}; available: {', '.join(TOOLS)}")
    return TOOLS[name]


def tool_schemas() -> list[dict]:
    return [tool.schema() for tool in TOOLS.values()]


def owners(argument: str) -> list[str]:
    """The tools whose arguments (as the language models write them) include this one."""
    return [name for name, tool in TOOLS.items() if argument in tool.routed_arguments()]
