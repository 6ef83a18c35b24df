"""Two checkouts' orchestrators on the same requests, alternately, in one machine state: same answers? how fast?

    python -m evals.routing_speed_ab --before DIR --after DIR [--set FILE] [--every N [--offset K]] [--out FILE]

Each checkout plans in its own process (`evals/routing_plan_worker.py`, loaded from that checkout); the driver
sends each case to one and then the other, so the two see the same load. Reports how many answers are byte for
byte the same, the cases that differ, and median / p95 routing time (wall and CPU) of each. Routing alone: the
plan, repairs and tools not included. Set `OMP_NUM_THREADS=1` on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import numpy as np

from evals.routing_report import DEFAULT_SET, load_cases

WORKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "routing_plan_worker.py")


class Worker:
    def __init__(self, checkout: str):
        env = dict(os.environ, PYTHONPATH=os.path.abspath(checkout))
        self.process = subprocess.Popen(
            [sys.executable, WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=checkout,
        )

    def plan(self, case: dict) -> dict:
        self.process.stdin.write(json.dumps(case) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("a plan worker stopped (its error is above)")
        return json.loads(line)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def timings(rows: list[dict]) -> dict:
    out = {}
    for clock in ("wall", "cpu"):
        values = [r[clock] for r in rows]
        out[f"median_{clock}_s"] = float(np.median(values))
        out[f"p95_{clock}_s"] = float(np.percentile(values, 95))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", default=".")
    parser.add_argument("--set", default=DEFAULT_SET)
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--offset", type=int, default=0, help="with --every N: cases K, K+N, K+2N, ...")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    cases = load_cases(args.set)[args.offset :: args.every]
    workers = {"before": Worker(args.before), "after": Worker(args.after)}
    for worker in workers.values():
        worker.plan(cases[0])  # warm-up, not counted
    rows: dict[str, list[dict]] = {"before": [], "after": []}
    differ = []
    for i, case in enumerate(cases, 1):
        order = ("before", "after") if i % 2 else ("after", "before")  # neither always runs second
        for label in order:
            rows[label].append(workers[label].plan(case))
        b, a = rows["before"][-1], rows["after"][-1]
        if b["answer"] != a["answer"]:
            differ.append({"request": case["request"], "before": b["answer"], "after": a["answer"]})
        mark = "same" if b["answer"] == a["answer"] else "DIFF"
        print(f"{i}/{len(cases)} {mark} {b['wall']:.2f}s -> {a['wall']:.2f}s {case['request']!r}", file=sys.stderr)
    for worker in workers.values():
        worker.close()
    result = {
        "set": args.set,
        "every": args.every,
        "offset": args.offset,
        "cases": len(cases),
        "same_answers": len(cases) - len(differ),
        "before": timings(rows["before"]),
        "after": timings(rows["after"]),
        "differ": differ,
    }
    print(json.dumps({k: v for k, v in result.items() if k != "differ"}, indent=1))
    for d in differ:
        print(f"DIFF {d['request']!r}: {d['before']} -> {d['after']}")
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
