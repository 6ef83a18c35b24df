"""Every tool as a LangChain StructuredTool, so it plugs into any LangChain agent.

Outside an artchat session a LangChain call works on its own brief and output folder;
the result is a JSON-ready dict (summary, files, brief).
"""

from __future__ import annotations

import os
import tempfile

from tools.brief import CreativeBrief
from tools.protocol import Tool, ToolContext
from tools.registry import TOOLS


def as_structured_tool(tool: Tool, brief: CreativeBrief | None = None, out_dir: str | None = None):
    from langchain_core.tools import StructuredTool

    state = {"brief": brief or CreativeBrief(), "count": 0}
    root = out_dir or tempfile.mkdtemp(prefix="artchat-lc-")

    def run(**kwargs) -> dict:
        state["count"] += 1
        args = tool.args_model.model_validate(kwargs)
        ctx = ToolContext(brief=state["brief"], out_dir=os.path.join(root, f"{tool.name}_{state['count']}"))
        result = tool.run(args, ctx)
        state["brief"] = result.brief
        return {"summary": result.summary, "files": result.files, "brief": result.brief.model_dump()}

    return StructuredTool.from_function(
        func=run, name=tool.name, description=tool.description, args_schema=tool.args_model
    )


def langchain_tools(out_dir: str | None = None) -> list:
    return [as_structured_tool(t, out_dir=out_dir) for t in TOOLS.values()]
