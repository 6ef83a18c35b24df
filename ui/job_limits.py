"""Bounds on one client's queued work, so a client that floods the queue (or left long ago) cannot stall others.

Gradio counts a client's jobs per session hash, which the client chooses: a flood with a new hash per request
passed any per-hash bound and filled the queue. So there are two bounds. Per network address (`QueueJoinGuard`, in
front of Gradio's `/queue/join`): an address with `MAX_PER_ADDRESS` jobs in the queue gets 429 and a sentence, and
its job never takes a queue place. Per session hash (`refusal`, when a job starts): a browser session with more
than `MAX_PENDING` jobs is answered at once instead of run. Gradio drops a client's queued jobs when its event
stream closes, and stops a streaming turn at its next step.

The address is the connecting peer; behind a proxy on this machine (Gradio's share tunnel, a local reverse proxy)
it is the last X-Forwarded-For hop, the one that proxy wrote.
"""

from __future__ import annotations

import json

MAX_PENDING = 3
MAX_PER_ADDRESS = 6
BUSY_MESSAGE = (
    "⚠️ This browser session already has {n} requests waiting; this one was not started. "
    "Send it again when the others have finished."
)
ADDRESS_BUSY = (
    "Too many requests from your network address are waiting ({n}); this one was not queued. "
    "Send it again when they have finished."
)
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def pending_jobs(blocks, session_hash: str | None) -> int:
    """How many jobs of this client the queue holds (running, waiting, or finished but unread); 0 if unknown."""
    queue = getattr(blocks, "_queue", None)
    pending = getattr(queue, "pending_event_ids_session", None)
    if not session_hash or pending is None:
        return 0
    return len(pending.get(session_hash, ()))


def refusal(blocks, request) -> str | None:
    """The message for a job that should not run now, or None when it may."""
    n = pending_jobs(blocks, getattr(request, "session_hash", None))
    return BUSY_MESSAGE.format(n=n - 1) if n > MAX_PENDING else None


def address_of(peer: str | None, headers) -> str | None:
    """The asking address: the peer, or the last X-Forwarded-For hop when the peer is a proxy on this machine."""
    if peer in LOOPBACK:
        forwarded = [hop.strip() for hop in (headers.get("x-forwarded-for") or "").split(",") if hop.strip()]
        if forwarded:
            return forwarded[-1]
    return peer


def _request_address(request) -> str | None:
    client = getattr(request, "client", None)
    return address_of(getattr(client, "host", None), getattr(request, "headers", None) or {})


def jobs_of_address(blocks, address: str | None) -> int:
    """How many jobs in the queue (waiting or running) came from this address."""
    events = getattr(getattr(blocks, "_queue", None), "event_ids_to_events", None) or {}
    return sum(_request_address(event.request) == address for event in list(events.values()))


class QueueJoinGuard:
    """ASGI middleware: a POST to the queue's join route from an address over its bound gets 429 and a sentence."""

    def __init__(self, app, blocks):
        self.app = app
        self.blocks = blocks

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("method") == "POST" and scope.get("path", "").endswith("/queue/join"):
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            address = address_of((scope.get("client") or (None,))[0], headers)
            n = jobs_of_address(self.blocks, address)
            if n >= MAX_PER_ADDRESS:
                body = json.dumps({"detail": ADDRESS_BUSY.format(n=n)}).encode()
                await send({"type": "http.response.start", "status": 429,
                            "headers": [(b"content-type", b"application/json")]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
