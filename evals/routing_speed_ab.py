"""Two checkouts' orchestrators on the same requests, alternately, in one machine state: same answers? how fast?
how right?

    python -m evals.routing_speed_ab --before DIR --after DIR [--set FILE] [--every N [--offset K]] [--out FILE]

Each checkout plans in its own process (`evals/routing_plan_worker.py`, loaded from that checkout); the driver
sends each case to one and then the other, so the two see the same load. Reports how many answers are byte for
byte the same, the cases that differ, median / p95 routing time (wall and CPU) of each, and, for a set with
expected calls (the 444 set's form), each one's right tools and fully right as `routing_report` counts them on
the first answer (an invalid one counts as wrong; the turn loop would repair it). Routing alone: the plan,
repairs and tools not included. Set `OMP_NUM_THREADS=1` on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import numpy as np

from assistant.calls import parse_plan
from evals.routing_report import DEFAULT_SET, canonical, load_cases

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


def scored(case: dict, answer: str) -> dict:
    """Right tools and fully right of one first answer, as `evals.routing_report.score_case` counts them."""
    plan = parse_plan(answer)
    got = [(c.name, a.model_dump(exclude_defaults=True)) for c, a in plan.calls] if not plan.errors else None
    expected = [(n, a) for n, a in case["calls"]]
    return {
        "valid": got is not None,
        "tools_right": got is not None and sorted(n for n, _ in expected) == sorted(n for n, _ in got),
        "exact": got is not None and canonical(expected) == canonical(got),
    }


def figures(rows: list[dict]) -> dict:
    out = {}
    for clock in ("wall", "cpu"):
        values = [r[clock] for r in rows]
        out[f"median_{clock}_s"] = float(np.median(values))
        out[f"p95_{clock}_s"] = float(np.percentile(values, 95))
    if rows and "exact" in rows[0]:
        for key in ("valid", "tools_right", "exact"):
            out[key] = float(np.mean([r[key] for r in rows]))
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
            row = workers[label].plan(case)
            rows[label].append(row | scored(case, row["answer"]) if "calls" in case else row)
        b, a = rows["before"][-1], rows["after"][-1]
        if b["answer"] != a["answer"]:
            differ.append(
                {"request": case["request"], "expected": case.get("calls"), "before": b["answer"], "after": a["answer"]}
                | {f"exact_{label}": row.get("exact") for label, row in (("before", b), ("after", a))}
            )
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
        "before": figures(rows["before"]),
        "after": figures(rows["after"]),
        "differ": differ,
        "rows": [{"request": c["request"], "before": b, "after": a} for c, b, a in zip(cases, *rows.values())],
    }
    print(json.dumps({k: v for k, v in result.items() if k not in ("differ", "rows")}, indent=1))
    for d in differ:
        right = f"{d['exact_before']} -> {d['exact_after']}"
        print(f"DIFF {d['request']!r}: {d['before']} -> {d['after']} (right: {right})")
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
