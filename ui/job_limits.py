"""A bound on one client's queued work, so a client that floods the queue (or left long ago) cannot stall others.

Gradio drops a client's queued jobs when its event stream closes, and stops a streaming turn at its next step.
A client that joins many jobs without reading their results keeps them all pending; Gradio counts them per
session hash, and a job that starts while its client has more than `MAX_PENDING` is answered at once instead.
"""

from __future__ import annotations

MAX_PENDING = 3
BUSY_MESSAGE = (
    "⚠️ This browser session already has {n} requests waiting; this one was not started. "
    "Send it again when the others have finished."
)


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
