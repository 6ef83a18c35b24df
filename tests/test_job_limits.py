"""One client's queued work is bounded; the bound reads the queue Gradio keeps per client."""

from types import SimpleNamespace

from ui.app import build_app
from ui.job_limits import MAX_PENDING, refusal


def _blocks(pending: dict[str, set]):
    return SimpleNamespace(_queue=SimpleNamespace(pending_event_ids_session=pending))


def test_a_client_over_the_bound_is_answered_and_others_are_not():
    blocks = _blocks({"flood": {f"job{i}" for i in range(40)}, "calm": {"job"}})
    assert "39 requests waiting" in refusal(blocks, SimpleNamespace(session_hash="flood"))
    assert refusal(blocks, SimpleNamespace(session_hash="calm")) is None
    assert refusal(blocks, SimpleNamespace(session_hash="new")) is None
    at_bound = _blocks({"c": {f"j{i}" for i in range(MAX_PENDING)}})
    assert refusal(at_bound, SimpleNamespace(session_hash="c")) is None


def test_the_gradio_queue_still_counts_pending_jobs_per_client(scripted):
    demo = build_app(scripted(), root=None)
    demo.queue()
    assert isinstance(demo._queue.pending_event_ids_session, dict)  # if Gradio renames it, this test says so
