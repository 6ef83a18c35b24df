"""Reading tool calls out of what a chat model wrote, in the formats chat templates teach.

Hermes / Qwen: `<tool_call>{"name": ..., "arguments": {...}}</tool_call>`; Mistral: `[TOOL_CALLS] [...]`;
Llama 3: `<|python_tag|>{"name": ..., "parameters": {...}}` or a bare JSON object; FunctionGemma-like
`call:name{...}` is not read. Text outside the calls is the model's reply to the person.
"""

from __future__ import annotations

import json
import re

TAGGED = re.compile(r"<tool_call>\s*(.*?)\s*(?:</tool_call>|$)", re.S)
MARKERS = ("[TOOL_CALLS]", "<|python_tag|>")


def _json_values(text: str) -> list[tuple[object, int, int]]:
    """Every top-level JSON object or array in `text`, with its span."""
    decoder, found, i = json.JSONDecoder(), [], 0
    while (m := re.compile(r"[\[{]").search(text, i)) is not None:
        try:
            value, end = decoder.raw_decode(text, m.start())
        except json.JSONDecodeError:
            i = m.start() + 1
            continue
        found.append((value, m.start(), end))
        i = end
    return found


def _as_call(value) -> dict | None:
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        args = value.get("arguments", value.get("parameters", {}))
        if isinstance(args, str):  # some templates put the arguments in as a JSON string
            try:
                args = json.loads(args)
            except json.JSONDecodeError:
                return None
        return {"name": value["name"], "arguments": args if isinstance(args, dict) else {}}
    if isinstance(value, dict) and isinstance(value.get("function"), dict):  # OpenAI style
        return _as_call(value["function"])
    return None


def read_tool_calls(text: str) -> tuple[list[dict], str]:
    """(calls as {"name", "arguments"}, the remaining reply text) from a chat model's output."""
    tagged = TAGGED.findall(text)
    if tagged:
        calls = [c for chunk in tagged for v, _, _ in _json_values(chunk) for c in _calls_in(v)]
        return calls, TAGGED.sub("", text).strip()
    calls, spans = [], []
    for value, start, end in _json_values(text):
        found = _calls_in(value)
        if found:
            calls += found
            spans.append((start, end))
    reply = text
    for start, end in reversed(spans):
        reply = reply[:start] + reply[end:]
    for marker in MARKERS:
        reply = reply.replace(marker, "")
    return calls, reply.strip()


def _calls_in(value) -> list[dict]:
    values = value if isinstance(value, list) else [value]
    calls = [_as_call(v) for v in values]
    return [c for c in calls if c is not None]
