"""Text speed that must not change the text: CPU seconds per request through `write_text`, and each text's bytes.

    OMP_NUM_THREADS=1 taskset -c 1 python -m evals.text_speed_same --out evals/data/text_speed_same_before.json
    OMP_NUM_THREADS=1 taskset -c 1 python -m evals.text_speed_same --out /tmp/after.json \
        --same-as evals/data/text_speed_same_before.json

Twelve requests in the words people use, with the arguments the router gives them (kind, lines, rhyme, form;
the brief's subject and the mood only where a mood word is written), fixed seed 1, written in one process after
model load and `warm_up`; per text its CPU and wall seconds and its model passes (calls of the transformer body:
the work done, whatever the machine's load). A speed change is kept only when every text is byte-identical to
the run before it (`--same-as` exits 1 otherwise). On our shared 2 cores wall time follows the others' load, so
CPU seconds of the process (one torch thread) and passes are the measure; texts differ between thread counts, so
compare runs on one thread. (`evals.text_speed` times checkouts against each other; this one guards identity.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np

# (id, what was asked, the tool's arguments, the brief's subject, its mood or None)
REQUESTS = [
    ("spring8", "write 8 lines about the first day of spring", {"lines": 8}, "the first day of spring", None),
    ("cat", "write a rhymin poem about my cat", {"rhyme": True}, "my cat", None),
    ("kitchen", "write me a poem about my grandmother's kitchen", {}, "my grandmother's kitchen", None),
    ("paris", "write a short description of a rainy Paris street", {"kind": "description"}, "a rainy Paris street",
     None),
    ("frost3", "give me a 3 line poem about frost", {"lines": 3}, "frost", None),
    ("haiku", "a haiku about the harbour at dawn", {"form": "haiku"}, "the harbour at dawn", None),
    ("title", "give my painting of the old lighthouse a title", {"kind": "title"}, "the old lighthouse", None),
    ("abab", "a 4 line poem that rhymes abab about autumn leaves", {"form": "abab", "rhyme": True}, "autumn leaves",
     None),
    ("limerick", "a funny limerick about a dog who steals socks", {"lines": 5}, "a dog who steals socks", "funny"),
    ("forest", "describe a quiet forest in the morning", {"kind": "description"}, "a forest in the morning", "quiet"),
    ("loss", "a sad poem about losing my father", {}, "losing my father", "sad"),
    ("sonnet", "a sonnet about the ocean, 14 lines that rhyme", {"lines": 14, "rhyme": True}, "the ocean", None),
]


def write_all(only: set[str] | None) -> dict:
    """Load, warm up, then write each request: its text, CPU and wall seconds."""
    from models.language.sub_vocabulary_decoding import decoder_of
    from models.registry import text_language_model
    from tools.brief import BriefChanges, CreativeBrief, apply_changes
    from tools.protocol import ToolContext
    from tools.write_text import WriteTextArgs, warm_up, write_text

    t0 = time.perf_counter()
    passes = []  # calls of the transformer body: a decoding step, a prefill (the work, whatever the machine's load)
    decoder_of(text_language_model()[0]).register_forward_pre_hook(lambda *a, **k: passes.append(1), with_kwargs=True)
    warm_up()
    rows = []
    for rid, ask, args, subject, mood in REQUESTS:
        if only and rid not in only:
            continue
        changes = {"subject": subject, **({"mood": mood} if mood else {})}
        brief = apply_changes(CreativeBrief(), BriefChanges(**changes))[0]
        ctx = ToolContext(brief=brief, out_dir=f"/tmp/artchat-text-speed-same/{rid}", seed=1)
        passes.clear()
        c0, w0 = time.process_time(), time.perf_counter()
        text = write_text(WriteTextArgs(**{"kind": "poem", **args}), ctx).text
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        rows.append({"id": rid, "ask": ask, "cpu_seconds": round(cpu, 2), "seconds": round(wall, 2),
                     "passes": len(passes), "text": text})
        print(f"{rid:9s} cpu {cpu:6.2f}s wall {wall:6.2f}s passes {len(passes):3d} {text.splitlines()[0][:50]!r}",
              flush=True)
    cpus = [r["cpu_seconds"] for r in rows]
    return {
        "startup_s": round(time.perf_counter() - t0 - sum(r["seconds"] for r in rows), 2),
        "cpu_median": round(float(np.median(cpus)), 2),
        "cpu_p95": round(float(np.percentile(cpus, 95)), 2),
        "rows": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="JSON file to write")
    parser.add_argument("--same-as", help="a JSON of an earlier run: every text must be byte-identical to it")
    parser.add_argument("--only", help="comma-separated request ids")
    args = parser.parse_args()
    result = write_all(set(args.only.split(",")) if args.only else None)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
    print(f"cpu median {result['cpu_median']} s, p95 {result['cpu_p95']} s -> {args.out}")
    if args.same_as:
        with open(args.same_as, encoding="utf-8") as f:
            before = {r["id"]: r for r in json.load(f)["rows"]}
        changed = [r["id"] for r in result["rows"] if r["id"] in before and r["text"] != before[r["id"]]["text"]]
        for r in result["rows"]:
            b = before.get(r["id"])
            if b:
                print(f"{r['id']:9s} {b['cpu_seconds']:6.2f} -> {r['cpu_seconds']:6.2f} s CPU, passes "
                      f"{b.get('passes')} -> {r['passes']}{'  CHANGED' if r['id'] in changed else ''}")
        print("all texts byte-identical" if not changed else f"TEXTS CHANGED: {changed}")
        sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
