"""The conversation as chat messages for tool-calling chat models: a system message with the studio's
state (brief and current works), the recent turns, and the repair note when the last answer was invalid."""

from __future__ import annotations

import json

from assistant.orchestrators.base import PlanRequest

SYSTEM = (
    "You are artchat, a studio assistant that makes melodies, paintings and short texts. "
    "Call the tools to make or change works; one request may need several calls (e.g. a melody and a matching "
    "painting). Refinements such as 'slower' or 'more blue' change the current work with the same tool. "
    "For greetings, thanks or questions about the app, answer in one sentence and call no tool."
)
BRIEF_FIELDS = ("mood", "palette", "subject", "tempo", "key", "mode", "bars", "instrument")


def state_line(request: PlanRequest) -> str:
    brief = ", ".join(f"{k}={request.brief[k]}" for k in BRIEF_FIELDS if request.brief.get(k) not in (None, "", []))
    works = ", ".join(f"{kind}: {vid}" for kind, vid in sorted(request.artifacts.items())) or "none yet"
    return f"Current brief: {brief or 'empty'}. Current works: {works}."


def chat_messages(request: PlanRequest) -> list[dict]:
    """System + recent user/assistant messages (+ the repair note as a last user message)."""
    messages = [{"role": "system", "content": f"{SYSTEM}\n{state_line(request)}"}]
    messages += [
        {"role": m["role"], "content": m["content"]} for m in request.messages if m.get("role") in ("user", "assistant")
    ]
    if request.repair_note:
        messages.append({"role": "user", "content": request.repair_note})
    return messages


def as_plan_text(calls: list[dict], reply: str) -> str:
    """The JSON text `assistant.calls.parse_plan` reads."""
    return json.dumps({"calls": calls, "reply": reply or None})
