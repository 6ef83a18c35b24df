"""One checkout's shipped orchestrator planning requests on demand, for `evals.routing_speed_ab`.

    PYTHONPATH=CHECKOUT python evals/routing_plan_worker.py

Run as a script, so `assistant` and `evals` come from CHECKOUT (an older commit works too). Reads one case per
line on stdin (a JSON object of the 444 set's form), writes one line back: the answer, wall and CPU seconds.
The first case warms the model up (loading, caches) and is timed like the others; the driver drops it.
"""

from __future__ import annotations

import json
import sys
import time


def main() -> None:
    from assistant.orchestrators.local_lm import ADAPTERS, LocalLMOrchestrator
    from evals.routing_report import case_request

    orchestrator = LocalLMOrchestrator(ADAPTERS["qwen"], base="qwen")
    for line in sys.stdin:
        case = json.loads(line)
        wall, cpu = time.perf_counter(), time.process_time()
        answer = orchestrator.plan(case_request(case))
        row = {"answer": answer, "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
