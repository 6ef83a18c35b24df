"""Routing report: does the orchestrator pick the right tools with the right arguments, and call none
when none is due? Tool-set F1, exact calls, restraint, valid output before/after the repair, latency.

    python -m evals.routing_report [--set evals/data/routing_handwritten.jsonl] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter

import numpy as np

from assistant.calls import parse_plan
from assistant.gemma_orchestrator import GemmaOrchestrator
from assistant.orchestrator import Orchestrator, PlanRequest
from assistant.turn import plan_with_repair
from evals.common import median_ms, print_table, write_json

DEFAULT_SET = os.path.join(os.path.dirname(__file__), "data", "routing_handwritten.jsonl")


def load_cases(path: str) -> list[dict]:
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def set_f1(expected: list[str], got: list[str]) -> float:
    if not expected and not got:
        return 1.0
    overlap = sum((Counter(expected) & Counter(got)).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(got), overlap / len(expected)
    return 2 * precision * recall / (precision + recall)


def canonical(calls) -> list[str]:
    return sorted(json.dumps([name, args], sort_keys=True) for name, args in calls)


def score_case(orchestrator: Orchestrator, case: dict) -> dict:
    request = PlanRequest([{"role": "user", "content": case["request"]}], {}, {})
    t0 = time.perf_counter()
    first = parse_plan(orchestrator.plan(request))
    if first.errors:
        plan, _ = plan_with_repair(orchestrator, PlanRequest(request.messages, {}, {}))
    else:
        plan = first
    seconds = time.perf_counter() - t0
    got = [(c.name, a.model_dump(exclude_defaults=True)) for c, a in plan.calls]
    expected = [(n, a) for n, a in case["calls"]]
    return {
        "request": case["request"],
        "expected": expected,
        "got": got,
        "seconds": seconds,
        "valid_first": not first.errors,
        "valid_after_repair": not plan.errors,
        "f1": set_f1([n for n, _ in expected], [n for n, _ in got]),
        "exact": canonical(expected) == canonical(got),
        "restraint_case": not expected,
    }


def summarise(rows: list[dict]) -> dict:
    tool_rows = [r for r in rows if not r["restraint_case"]]
    quiet = [r for r in rows if r["restraint_case"]]
    return {
        "cases": len(rows),
        "tool_f1": float(np.mean([r["f1"] for r in tool_rows])) if tool_rows else None,
        "exact_calls": float(np.mean([r["exact"] for r in tool_rows])) if tool_rows else None,
        "restraint": float(np.mean([not r["got"] for r in quiet])) if quiet else None,
        "valid_first_try": float(np.mean([r["valid_first"] for r in rows])),
        "valid_after_repair": float(np.mean([r["valid_after_repair"] for r in rows])),
        "median_ms": median_ms([r["seconds"] for r in rows]),
        "p90_ms": float(np.percentile([r["seconds"] for r in rows], 90) * 1000),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default=DEFAULT_SET)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    cases = load_cases(args.set)[: args.limit]
    backends = {"gemma3-270m base, few-shot": GemmaOrchestrator()}
    report = {}
    for name, orchestrator in backends.items():
        orchestrator.plan(PlanRequest([{"role": "user", "content": "hello"}], {}, {}))  # warm: load + prefix cache
        rows = [score_case(orchestrator, c) for c in cases]
        report[name] = {"summary": summarise(rows), "rows": rows}
    keys = list(next(iter(report.values()))["summary"])
    print_table(
        f"Routing on {os.path.basename(args.set)} (CPU)",
        ["backend", *keys],
        [[name, *r["summary"].values()] for name, r in report.items()],
    )
    write_json("routing_report", report)


if __name__ == "__main__":
    main()
