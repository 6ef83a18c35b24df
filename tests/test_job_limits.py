"""One client's queued work is bounded; the bound reads the queue Gradio keeps per client."""

import json
import time
import urllib.error
import urllib.request
import uuid
from types import SimpleNamespace

from tests.studio_server import Scripted, served
from ui.app import build_app
from ui.job_limits import MAX_PENDING, MAX_PER_ADDRESS, address_of, refusal


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


def test_the_address_is_the_peer_or_the_last_hop_a_local_proxy_wrote():
    assert address_of("203.0.113.5", {"x-forwarded-for": "10.0.0.1"}) == "203.0.113.5"  # not trusted from afar
    assert address_of("127.0.0.1", {"x-forwarded-for": "1.1.1.1, 198.51.100.7"}) == "198.51.100.7"
    assert address_of("127.0.0.1", {}) == "127.0.0.1"


def _join(url: str, session_hash: str) -> int:
    body = json.dumps({"data": ["hello", [], None], "fn_index": FN_INDEX[0], "session_hash": session_hash}).encode()
    request = urllib.request.Request(
        f"{url}gradio_api/queue/join", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


FN_INDEX: list[int] = []


class Slow(Scripted):
    """Reads each message for two seconds, so joined jobs stay in the queue while the test joins more."""

    def plan(self, request):
        time.sleep(2)
        return super().plan(request)


def test_rotating_session_hashes_cannot_fill_the_queue(tmp_path):
    """One address joining jobs under a new session hash each time gets 429 once it has MAX_PER_ADDRESS queued."""
    root = str(tmp_path / "sessions")
    with served(Slow({}), root) as url:
        info = json.load(urllib.request.urlopen(f"{url}config", timeout=30))
        FN_INDEX[:] = [d["id"] for d in info["dependencies"] if d.get("api_name") == "on_message"]
        statuses = [_join(url, uuid.uuid4().hex) for _ in range(MAX_PER_ADDRESS + 4)]
    assert statuses == [200] * MAX_PER_ADDRESS + [429] * 4
