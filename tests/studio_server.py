"""A studio served on the loopback interface inside the test process, with a scripted orchestrator."""

from __future__ import annotations

import json
import time
from contextlib import contextmanager

from assistant.orchestrators.base import Orchestrator
from evals.local_studio import free_port


class Scripted(Orchestrator):
    """Plans from a table: the first key found in the request picks the calls; no key, no call. A key in `pauses`
    makes planning that request take that many seconds, as a slow language model would."""

    name = "scripted"

    def __init__(self, plans: dict[str, list[dict]], pauses: dict[str, float] | None = None):
        self.plans = plans
        self.pauses = pauses or {}

    def plan(self, request):
        message = request.messages[-1]["content"]
        time.sleep(next((s for key, s in self.pauses.items() if key in message), 0.0))
        calls = next((calls for key, calls in self.plans.items() if key in message), [])
        return json.dumps({"calls": calls})


@contextmanager
def served(orchestrator: Orchestrator, root: str):
    """Yield the studio's base URL (ending in '/') while it runs as `ui.app.launch` would run it."""
    from ui.app import build_app, launch_options

    demo = build_app(orchestrator, root=root)
    port = free_port()
    demo.queue(default_concurrency_limit=2, max_size=16)
    demo.launch(
        server_name="127.0.0.1",
        server_port=port,
        prevent_thread_lock=True,
        quiet=True,
        **launch_options(demo, root),
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()
