"""Parsing and validating the language model's tool calls against the tools' schemas."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ValidationError

from assistant.actions import ACTIONS
from tools.registry import TOOLS, owners

MAX_CALLS = 6


class ToolCall(BaseModel):
    name: str
    arguments: dict = {}


@dataclass
class ParsedPlan:
    """Valid calls, an optional reply text (for 'no tool' turns), and what was wrong."""

    calls: list[tuple[ToolCall, BaseModel]] = field(default_factory=list)
    reply: str | None = None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # arguments moved to their own work's call, or left out


def callable_names() -> list[str]:
    return [*TOOLS, *ACTIONS]


def argument_names() -> dict[str, set[str]]:
    """Each callable's argument names."""
    return {name: set(args_model_for(name).model_fields) for name in callable_names()}


def args_model_for(name: str) -> type[BaseModel]:
    if name in TOOLS:
        return TOOLS[name].args_model
    if name in ACTIONS:
        return ACTIONS[name].args_model
    raise KeyError(name)


def extract_json(text: str):
    """The first JSON object or array in a text (models wrap JSON in prose or code fences)."""
    decoder = json.JSONDecoder()
    for match in re.finditer(r"[\[{]", text):
        try:
            value, _ = decoder.raw_decode(text[match.start() :])
            return value
        except json.JSONDecodeError:
            continue
    raise ValueError("no JSON found in the model's output")


def _as_call(raw):
    """A compact ["name", {arguments}] pair becomes {"name": ..., "arguments": ...}."""
    if isinstance(raw, list) and len(raw) in (1, 2) and isinstance(raw[0], str):
        return {"name": raw[0], "arguments": raw[1] if len(raw) == 2 else {}}
    return raw


def _raw_calls(value) -> tuple[list, str | None]:
    """Accepts {"calls": [...], "reply": "..."}, a bare list of calls (objects or [name, args] pairs), or one call."""
    if isinstance(value, list):
        if len(value) in (1, 2) and isinstance(value[0], str):  # a single compact call
            return [_as_call(value)], None
        return [_as_call(v) for v in value], None
    if isinstance(value, dict) and ("calls" in value or "reply" in value):
        return [_as_call(v) for v in value.get("calls") or []], value.get("reply")
    if isinstance(value, dict) and "name" in value:
        return [value], None
    raise ValueError('expected {"calls": [...]} or a list of calls')


def _tool_call(raw) -> bool:
    """A {"name": tool, "arguments": {...}} call of one of the tools."""
    return (
        isinstance(raw, dict)
        and isinstance(raw.get("name"), str)
        and raw["name"] in TOOLS
        and isinstance(raw.get("arguments") or {}, dict)
    )


def assigned_arguments(raw_calls: list) -> tuple[list, list[str]]:
    """Each argument in the call of the work it changes. One another tool takes (a palette on a melody call) moves
    to that tool's call in the answer, or to a new call when only that tool takes it; one no tool of the answer
    takes is left out. Returns the calls and a note for each argument moved or left out."""
    names = [raw.get("name") for raw in raw_calls if _tool_call(raw)]
    out, moved, notes = [], [], []
    for raw in raw_calls:
        if not _tool_call(raw):
            out.append(raw)
            continue
        tool, args = TOOLS[raw["name"]], raw.get("arguments") or {}
        out.append({**raw, "arguments": {k: v for k, v in args.items() if k in tool.args_model.model_fields}})
        for name, value in args.items():
            if name not in tool.args_model.model_fields:
                takers = owners(name)
                target = next((t for t in takers if t in names), takers[0] if len(takers) == 1 else None)
                moved.append((target, name, value, tool.kind))
    for target, name, value, kind in moved:
        call = next((c for c in out if isinstance(c, dict) and c.get("name") == target), None)
        if target is None or (call is not None and call["arguments"].get(name, value) != value):
            notes.append(f"left out the {kind}'s {name} (a {kind} has none)")
            continue
        if call is None:
            out.append(call := {"name": target, "arguments": {}})
        call["arguments"][name] = value
        notes.append(f"{name} went to the {TOOLS[target].kind} (a {kind} has none)")
    return out, notes


def merged_calls(raw_calls: list) -> list:
    """One call per tool: the changes a request asks of one work go into one call (one new version), so
    'slower, and on the violin' does not make two melodies. Calls that disagree (two different values for one
    argument, a poem and a title) stay apart."""
    out: list = []
    for raw in raw_calls:
        target = next((c for c in out if isinstance(c, dict) and _can_merge(c, raw)), None)
        if not isinstance(raw, dict) or not isinstance(raw.get("arguments", {}), dict):
            out.append(raw)
        elif target is None:
            out.append({**raw, "arguments": dict(raw.get("arguments") or {})})
        else:
            target["arguments"].update(raw.get("arguments") or {})
    return out


def _can_merge(kept: dict, raw) -> bool:
    if not isinstance(raw, dict) or raw.get("name") != kept.get("name") or raw.get("name") not in TOOLS:
        return False
    a, b = kept["arguments"], raw.get("arguments") or {}
    if not isinstance(b, dict):
        return False
    if kept["name"] == "write_text" and a.get("kind", "poem") != b.get("kind", "poem"):
        return False
    return all(a[k] == b[k] for k in a.keys() & b.keys())


def validate_call(raw) -> tuple[ToolCall, BaseModel]:
    call = ToolCall.model_validate(raw)
    if call.name not in callable_names():
        raise ValueError(f"unknown tool {call.name!r}; available: {', '.join(callable_names())}")
    return call, args_model_for(call.name).model_validate(call.arguments)


def parse_plan(text: str) -> ParsedPlan:
    plan = ParsedPlan()
    try:
        raw_calls, plan.reply = _raw_calls(extract_json(text))
    except ValueError as err:
        plan.errors.append(str(err))
        return plan
    raw_calls, plan.notes = assigned_arguments(raw_calls)
    for raw in merged_calls(raw_calls)[:MAX_CALLS]:
        try:
            plan.calls.append(validate_call(raw))
        except (ValidationError, ValueError, TypeError) as err:
            plan.errors.append(describe_error(err))
    return plan


LIMITS = {"less_than_equal": "at most", "less_than": "below", "greater_than_equal": "at least", "greater_than": "above"}


def describe_error(err: Exception) -> str:
    """What was wrong, in words: 'tempo must be at most 200 (got 500)'."""
    if isinstance(err, ValidationError):
        return "; ".join(_one_error(e) for e in err.errors()[:4])
    return str(err)


def _one_error(e: dict) -> str:
    where = ".".join(str(p) for p in e["loc"]) or "call"
    if e["type"] in LIMITS and "ctx" in e:
        limit = next(iter(e["ctx"].values()))
        return f"{where} must be {LIMITS[e['type']]} {limit} (got {e.get('input')})"
    return f"{where}: {e['msg'].removeprefix('Value error, ')}"
