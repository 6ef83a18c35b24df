"""How the load and fault runs talk to a studio: the panel's values, one panel call, a resumed client, and reading
the app's outputs (resume key, version ids, file addresses, warnings in the chat)."""

from __future__ import annotations

import re

from gradio_client import Client

PANEL = ["melancholic", 0.0, 0.0, "navy, grey", "the sea at night", "horizon", 72, "D", "minor", 8, "piano"]
KEY = re.compile(r"`([0-9a-f]{32}-[0-9a-f]{32})`")


def resume_key(outputs) -> str | None:
    match = KEY.search(str(outputs[-1]))
    return match[1] if match else None


def version_ids(outputs) -> list[str]:
    table = next(o for o in outputs if isinstance(o, dict) and "headers" in o and "data" in o)
    return [row[1] for row in table["data"] if row and row[1]]


def file_urls(value) -> list[str]:
    if isinstance(value, dict):
        return [value["url"]] if value.get("url") else [u for v in value.values() for u in file_urls(v)]
    if isinstance(value, (list, tuple)):
        return [u for v in value for u in file_urls(v)]
    return []


def problems(outputs) -> list[str]:
    """The warnings in the chat the app sent back (its first output that is a list of messages)."""
    chat = next((o for o in outputs if isinstance(o, list) and o and isinstance(o[0], dict)), [])
    said = [_text(m.get("content")) for m in chat if isinstance(m, dict)]
    return [t for t in said if "⚠️" in t]


def _text(content) -> str:
    """A message's text, whether plain or Gradio's list of {'type': 'text', 'text': ...} parts."""
    if isinstance(content, list):
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict))
    return str(content)


def panel(client: Client, api: str = "/panel_paint", bars: int = 8):
    values = list(PANEL)
    values[9] = bars
    return client.predict([], *values, api_name=api)


def resumed(url: str, key: str) -> Client:
    client = Client(url, verbose=False)
    client.predict(key, [], api_name="/resume")
    return client
