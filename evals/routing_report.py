"""Routing report: does the orchestrator pick the right tools with the right arguments, and call none
when none is due? Tool-set F1, exact calls, restraint, valid output before/after the repair, latency.

    python -m evals.routing_report [--sets a.jsonl,b.jsonl] [--backends fewshot,lora,qwen-lora,qwen-chat]
        [--limit N] [--every N] [--no-dialogues] [--adapter DIR] [--qwen-adapter DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter

import numpy as np

from assistant.calls import args_model_for, parse_plan
from assistant.orchestrators.base import Orchestrator, PlanRequest
from assistant.orchestrators.local_lm import (
    ADAPTERS,
    DEFAULT_ADAPTER,
    LocalLMOrchestrator,
    own_chat_template_orchestrator,
)
from assistant.session import Session
from assistant.turn import plan_with_repair, run_turn
from evals.common import median_ms, print_table, write_json

DEFAULT_SET = os.path.join(os.path.dirname(__file__), "data", "routing_handwritten.jsonl")
HELDOUT_SET = "data_cache/routing/heldout.jsonl"  # python -m assistant.routing.corpus writes it


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
    """Calls as sorted JSON strings, arguments through the tool's schema (so defaults never count, 'E flat' is
    'Eb'); copied words compare without case ('Blau' and 'blau' are the same colour to the tools)."""
    out = []
    for name, args in calls:
        try:
            args = args_model_for(name).model_validate(args).model_dump(exclude_defaults=True)
        except (KeyError, ValueError):
            pass
        out.append(json.dumps([name, args], sort_keys=True).lower())
    return sorted(out)


def case_request(case: dict) -> PlanRequest:
    """The request as the studio would send it: the works that exist (version 1 of each), the melody's length,
    and a previous reply naming the versions the last turn touched."""
    ctx = case.get("context") or {}
    works, last = ctx.get("works", []), ctx.get("last", [])
    messages = [{"role": "user", "content": case["request"]}]
    if last:
        reply = " ".join(f"Made {kind}_1." for kind in last)
        messages = [{"role": "user", "content": "..."}, {"role": "assistant", "content": reply}, *messages]
    return PlanRequest(messages, {"bars": ctx.get("bars", 8)}, {kind: f"{kind}_1" for kind in works})


def score_case(orchestrator: Orchestrator, case: dict) -> dict:
    request = case_request(case)
    t0 = time.perf_counter()
    first = parse_plan(orchestrator.plan(request))
    if first.errors:
        plan, _ = plan_with_repair(orchestrator, case_request(case))
    else:
        plan = first
    seconds = time.perf_counter() - t0
    got = [(c.name, a.model_dump(exclude_defaults=True)) for c, a in plan.calls]
    expected = [(n, a) for n, a in case["calls"]]
    return {
        "request": case["request"],
        "style": case.get("style", ""),
        "context": case.get("context"),
        "expected": expected,
        "got": got,
        "seconds": seconds,
        "valid_first": not first.errors,
        "valid_after_repair": not plan.errors,
        "f1": set_f1([n for n, _ in expected], [n for n, _ in got]),
        "tools_right": sorted(n for n, _ in expected) == sorted(n for n, _ in got),
        "exact": canonical(expected) == canonical(got),
        "restraint_case": not expected,
    }


def summarise(rows: list[dict]) -> dict:
    tool_rows = [r for r in rows if not r["restraint_case"]]
    quiet = [r for r in rows if r["restraint_case"]]
    return {
        "cases": len(rows),
        "right_tools": float(np.mean([r["tools_right"] for r in rows])),
        "fully_right": float(np.mean([r["exact"] for r in rows])),
        "tool_f1": float(np.mean([r["f1"] for r in tool_rows])) if tool_rows else None,
        "exact_calls": float(np.mean([r["exact"] for r in tool_rows])) if tool_rows else None,
        "restraint": float(np.mean([not r["got"] for r in quiet])) if quiet else None,
        "valid_first_try": float(np.mean([r["valid_first"] for r in rows])),
        "valid_after_repair": float(np.mean([r["valid_after_repair"] for r in rows])),
        "median_ms": median_ms([r["seconds"] for r in rows]),
        "p90_ms": float(np.percentile([r["seconds"] for r in rows], 90) * 1000),
    }


def by_style(rows: list[dict]) -> dict[str, dict]:
    """The summary of each style's cases (the hand-written set labels every request with how it is written)."""
    styles = sorted({r["style"] for r in rows})
    return {style: summarise([r for r in rows if r["style"] == style]) for style in styles}


DIALOGUES = os.path.join(os.path.dirname(__file__), "data", "dialogues.json")


BRIEF_FIELDS = {"brightness": "brightness_offset", "saturation": "saturation_offset", "valence": "valence"}
BRIEF_FIELDS |= {"arousal": "arousal"}


def version_value(version, field: str):
    """A number or name a version was made with: from its saved data (tempo, bars, tonic, instrument) or its
    brief (brightness, saturation, valence, arousal)."""
    if field in BRIEF_FIELDS:
        return getattr(version.brief, BRIEF_FIELDS[field])
    return version.data.get(field)


def version_check(session: Session, vid: str, key: str, ref) -> bool:
    """One expectation about a version: its parent, its seed or a value against another version's
    ('tempo_below', 'valence_above', 'tonic_differs'), or a value ('bars': 16, 'tonic': 'Eb')."""
    v = session.versions.get(vid)
    if v is None:
        return False
    if key == "parent":
        return v.parent == ref
    if key == "palette0":
        return (v.brief.palette or [None])[0] == ref
    if key == "seed_differs":
        return ref in session.versions and v.seed != session.versions[ref].seed
    field, _, relation = key.rpartition("_")
    if relation in ("below", "above", "differs"):
        if ref not in session.versions:
            return False
        mine, theirs = version_value(v, field), version_value(session.versions[ref], field)
        if mine is None or theirs is None:
            return False
        return {"below": mine < theirs, "above": mine > theirs, "differs": mine != theirs}[relation]
    return version_value(v, key) == ref


def check_dialogue(session: Session, expect: dict) -> bool:
    """Whether a dialogue ended in the expected state (current versions and what each version changed)."""
    if any(session.heads.get(k) != v for k, v in expect.get("heads", {}).items()):
        return False
    if "messages" in expect and len(session.messages) != expect["messages"]:
        return False
    checks = [
        (vid, key, ref) for vid, c in expect.items() if vid not in ("heads", "messages") for key, ref in c.items()
    ]
    return all(version_check(session, vid, key, ref) for vid, key, ref in checks)


def played(orchestrator: Orchestrator, turns: list[str], root: str) -> Session:
    """A new session after every turn of a dialogue went through the real turn loop."""
    session = Session.create(root)
    for turn in turns:
        list(run_turn(session, turn, orchestrator))
    return session


def dialogue_accuracy(orchestrator: Orchestrator, root: str) -> dict:
    with open(DIALOGUES) as f:
        dialogues = json.load(f)
    results = [check_dialogue(played(orchestrator, d["turns"], root), d["expect"]) for d in dialogues]
    return {"dialogues": len(results), "multi_turn_accuracy": float(np.mean(results)), "per_dialogue": results}


def backends(
    names: list[str], adapter: str = DEFAULT_ADAPTER, qwen_adapter: str = ADAPTERS["qwen"]
) -> dict[str, Orchestrator]:
    """fewshot, lora (Gemma + `adapter`), qwen-lora (Qwen2.5-Coder 0.5B + its adapter), qwen-chat (Qwen through
    its own tool-calling chat template, untuned), or chat:/path/to/a/transformers/chat/model."""
    from assistant.orchestrators.chat_template import ChatTemplateOrchestrator
    from models.language.base_models import base_model

    out = {}
    for name in names:
        if name == "fewshot":
            out["gemma3-270m base, few-shot"] = LocalLMOrchestrator()
        elif name in ("lora", "qwen-lora"):
            base = "qwen" if name == "qwen-lora" else "gemma"
            path = qwen_adapter if base == "qwen" else adapter
            if not os.path.exists(os.path.join(path, "adapter_config.json")):
                raise SystemExit(f"no adapter at {path}: train it first (make train-orchestrator BASE={base})")
            out[f"{base_model(base).short_name} + our LoRA"] = LocalLMOrchestrator(path, base=base)
        elif name == "qwen-chat":
            out["qwen2.5-coder-0.5b chat template"] = own_chat_template_orchestrator("qwen")
        elif name.startswith("chat:"):
            out[f"chat template {os.path.basename(name[5:])}"] = ChatTemplateOrchestrator.from_path(name[5:])
        else:
            raise SystemExit(f"unknown backend {name!r}")
    return out


def of_styles(cases: list[dict], styles: str | None) -> list[dict]:
    """The cases of the named styles (all cases when none are named)."""
    if not styles:
        return cases
    wanted = {s.strip() for s in styles.split(",")}
    return [c for c in cases if c.get("style") in wanted]


def score_set(orchestrator: Orchestrator, cases: list[dict], label: str) -> list[dict]:
    rows = []
    for i, case in enumerate(cases, 1):
        rows.append(score_case(orchestrator, case))
        if i % 25 == 0:
            exact = np.mean([r["exact"] for r in rows])
            print(f"  {label}: {i}/{len(cases)} cases, exact so far {exact:.2f}", file=sys.stderr, flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", default=f"{DEFAULT_SET},{HELDOUT_SET}", help="comma-separated JSONL files")
    parser.add_argument("--backends", default="fewshot,lora")
    parser.add_argument("--limit", type=int, default=None, help="at most this many cases per set")
    parser.add_argument("--adapter", default=DEFAULT_ADAPTER, help="the LoRA adapter of the lora backend")
    parser.add_argument("--qwen-adapter", default=ADAPTERS["qwen"], help="the LoRA adapter of the qwen-lora backend")
    parser.add_argument("--every", type=int, default=1, help="every n-th case of each set (a quicker sample)")
    parser.add_argument("--no-dialogues", action="store_true", help="skip the multi-turn dialogues")
    parser.add_argument("--styles", default=None, help="comma-separated styles: only those cases (a quick screen)")
    args = parser.parse_args()
    report, dialogues = {}, {}
    for name, orchestrator in backends(args.backends.split(","), args.adapter, args.qwen_adapter).items():
        orchestrator.plan(PlanRequest([{"role": "user", "content": "hello"}], {}, {}))  # warm: load + caches
        for path in [p for p in args.sets.split(",") if os.path.exists(p)]:
            cases = of_styles(load_cases(path), args.styles)[:: args.every][: args.limit]
            if not cases:
                continue
            rows = score_set(orchestrator, cases, f"{name} | {os.path.basename(path)}")
            report[f"{name} | {os.path.basename(path)}"] = {"summary": summarise(rows), "rows": rows}
        if not args.no_dialogues:
            with tempfile.TemporaryDirectory() as tmp:
                dialogues[name] = dialogue_accuracy(orchestrator, tmp)
    styles = {k: by_style(r["rows"]) for k, r in report.items() if any(row["style"] for row in r["rows"])}
    for name, table in styles.items():
        print_table(
            f"By style: {name}",
            ["style", "cases", "right tools", "fully right", "no call when none due"],
            [[style, t["cases"], t["right_tools"], t["fully_right"], t["restraint"]] for style, t in table.items()],
        )
    keys = list(next(iter(report.values()))["summary"])
    print_table(
        "Routing (CPU, greedy)", ["backend | set", *keys], [[k, *r["summary"].values()] for k, r in report.items()]
    )
    if dialogues:
        print_table(
            "Multi-turn refinement (end state of scripted dialogues, real tools)",
            ["backend", "dialogues", "accuracy"],
            [[k, v["dialogues"], v["multi_turn_accuracy"]] for k, v in dialogues.items()],
        )
    write_json("routing_report", {"single_turn": report, "by_style": styles, "dialogues": dialogues})


if __name__ == "__main__":
    main()
