"""What each shipped base model costs as the orchestrator on this machine (#16 item 6): load time, routing
latency in the tuned path (LoRA attached, decoding over the answer vocabulary) and LoRA training throughput.

Latency does not depend on what an adapter learned, only on its shape, so a base without a trained adapter is
timed with a fresh one of the shipped rank: the numbers say whether a base can meet the latency bar before
anyone spends a GPU on training it. Accuracy is `evals/routing_report.py`'s job (`--backends lora,qwen-lora`).

    python -m evals.base_model_cost [--bases gemma,qwen] [--requests 40] [--train-steps 6] [--adapters qwen=DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time

import numpy as np

from assistant.orchestrators.base import PlanRequest
from assistant.orchestrators.local_lm import ADAPTERS, LocalLMOrchestrator
from evals.common import median_ms, print_table, write_json
from evals.routing_report import DEFAULT_SET, case_request, load_cases
from models.language.base_models import available, base_model, load_base


def adapter_for(base: str, scratch: str, given: str | None = None) -> tuple[str, bool]:
    """(adapter folder, trained?): the given one, the shipped one, else a fresh one of the shipped Gemma
    adapter's rank (an untrained adapter may decode up to the token limit: an upper bound)."""
    for path in (given, ADAPTERS[base]):
        if path and os.path.exists(os.path.join(path, "adapter_config.json")):
            return path, True
    from models.language.lora_train import add_lora

    with open(os.path.join(ADAPTERS["gemma"], "adapter_config.json")) as f:
        rank = json.load(f)["r"]
    model, _ = load_base(base)
    path = os.path.join(scratch, f"{base}_fresh")
    add_lora(model, rank=rank).save_pretrained(path)
    return path, False


def routing_latency(base: str, adapter: str, cases: list[dict]) -> dict:
    orchestrator = LocalLMOrchestrator(adapter, base=base)
    t0 = time.perf_counter()
    orchestrator.plan(PlanRequest([{"role": "user", "content": "hello"}], {}, {}))  # load + first-call caches
    first = time.perf_counter() - t0
    seconds = []
    for case in cases:
        t0 = time.perf_counter()
        orchestrator.plan(case_request(case))
        seconds.append(time.perf_counter() - t0)
    return {
        "load_and_first_s": first,
        "median_ms": median_ms(seconds),
        "p90_ms": float(np.percentile(seconds, 90) * 1000),
    }


def training_throughput(base: str, steps: int, batch: int) -> float:
    """Tokens per second of the LoRA recipe (the shipped rank, batch 16) on routing training pairs."""
    from assistant.routing.corpus import compact, generate, prompt_for
    from models.language.lora_train import add_lora, train_lora

    model, tokenizer = load_base(base)
    pairs = [(prompt_for(e.request, e.context.line()), " " + compact(e.calls)) for e in generate("train", 400)]
    history = train_lora(add_lora(model, rank=32), tokenizer, pairs, steps, batch, 4e-4, log=lambda m: None)
    return history[-1]["tokens_per_s"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bases", default="gemma,qwen")
    parser.add_argument("--requests", type=int, default=40, help="hand-written requests timed (every 11th)")
    parser.add_argument("--train-steps", type=int, default=6, help="LoRA steps timed (0: skip)")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--adapters", default="", help="base=folder,... to time instead of the shipped adapters")
    args = parser.parse_args()
    all_cases = load_cases(DEFAULT_SET)
    cases = all_cases[:: max(1, len(all_cases) // args.requests)][: args.requests]
    given = dict(pair.split("=", 1) for pair in args.adapters.split(",") if pair)
    rows = {}
    with tempfile.TemporaryDirectory() as scratch:
        for base in args.bases.split(","):
            if not available(base):
                print(f"{base_model(base).label} is not installed: skipped (make qwen)")
                continue
            adapter, trained = adapter_for(base, scratch, given.get(base))
            rows[base] = {"label": base_model(base).label, "adapter": adapter, "adapter_trained": trained}
            rows[base] |= routing_latency(base, adapter, cases)
            if args.train_steps:
                rows[base]["train_tokens_per_s"] = training_throughput(base, args.train_steps, args.batch)
    print_table(
        f"Orchestrator cost per base model, CPU ({len(cases)} hand-written requests; bar: median <= 1500 ms, "
        "p90 <= 3000 ms)",
        ["base", "adapter", "load + first s", "median ms", "p90 ms", "LoRA train tokens/s"],
        [
            [r["label"], "trained" if r["adapter_trained"] else "fresh (untrained)", r["load_and_first_s"],
             r["median_ms"], r["p90_ms"], r.get("train_tokens_per_s", "-")]
            for r in rows.values()
        ],
    )  # fmt: skip
    write_json("base_model_cost", rows)


if __name__ == "__main__":
    main()
