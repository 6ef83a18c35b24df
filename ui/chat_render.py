"""Turn-loop events -> Gradio chat messages (plain dicts: text, media files, collapsible tool trace)."""

from __future__ import annotations

import html
import json

from assistant.session import Session
from assistant.turn import CallStarted, Event, Problem, Reply, Status, VersionMade
from assistant.versions import Version


def text(content: str, role: str = "assistant") -> dict:
    return {"role": role, "content": shown(content)}


def shown(content: str) -> str:
    """Text a person or a model wrote, safe to render as markdown: no HTML, no images fetched from anywhere."""
    return html.escape(content, quote=False).replace("![", "!\\[")


def as_written(content: str) -> str:
    """The text `shown` was given back (for API answers, which are not rendered)."""
    return html.unescape(content.replace("!\\[", "!["))


def media_messages(session: Session, version: Version) -> list[dict]:
    """Inline media for a version: audio and piano roll for a melody, the image for a painting. The MIDI file is
    not put in the chat (Gradio shows audio/midi as an audio player that cannot play it); it is under Works, Files.
    """
    files = session.absolute_files(version)
    if version.text:
        return [text(version.text)]
    order = ("audio", "image", "piano_roll")
    return [{"role": "assistant", "content": {"path": files[role]}} for role in order if role in files]


def trace_message(title: str, body: dict, seconds: float | None = None) -> dict:
    metadata = {"title": title, "status": "done"}
    if seconds is not None:
        metadata["duration"] = round(seconds, 2)
    body_text = json.dumps(body, indent=1).replace("<", "\\u003c").replace(">", "\\u003e")  # still JSON, never HTML
    return {"role": "assistant", "content": "```json\n" + body_text + "\n```", "metadata": metadata}


def event_messages(session: Session, event: Event) -> list[dict]:
    if isinstance(event, CallStarted):
        return [trace_message(f"tool: {event.call.name}", event.call.arguments)]
    if isinstance(event, VersionMade):
        v = event.version
        return [
            trace_message(
                f"made {v.id} in {event.seconds:.1f}s", {"seed": v.seed, "changes": v.changes}, event.seconds
            ),
            *media_messages(session, v),
        ]
    if isinstance(event, Problem):
        return [text(f"⚠️ {event.text}")]
    if isinstance(event, Reply):
        return [text(event.text)]
    if isinstance(event, Status):
        return []
    return []
