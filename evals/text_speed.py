"""Text speed through the real `write_text` path: seconds per poem and title, end to end in a fresh process.

    python -m evals.text_speed --requests evals/data/text_requests_dev.yaml --tree before=/work/main \
        --tree after=. --rounds 2 --kinds poem,title --name ws25

Each round runs each checkout (`--tree NAME=PATH`) in a process of its own, one after the other (alternated,
so a change in the machine's load falls on both): model load, `warm_up`, then the requests in file order (the
first poem is the first poem after start). Per text it records wall and CPU seconds, the model passes (calls of
the transformer body: a decoding step, a prefill), the load average and the cores other processes used while it
ran (from /proc/stat less the process's own time): on our 2 shared cores wall time follows the others' load more
than the code, so compare CPU seconds and passes too. Writes evals/out/text_speed_<name>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import numpy as np

from evals.common import print_table, write_json
from evals.text_blind import load_requests, parse_trees

# Run inside a checkout (only `evals.text_blind.write_through_tool` and `tools.write_text.warm_up` are used, which
# every recent version has): requests as JSON from argv[1], results to argv[2].
CHILD = """
import json, os, sys, time
t0 = time.perf_counter()
from evals.text_blind import write_through_tool
from models.language.sub_vocabulary_decoding import decoder_of
from models.registry import text_language_model
from tools.write_text import warm_up
model = text_language_model()[0]
loaded = time.perf_counter() - t0
warm_up()
warmed = time.perf_counter() - t0 - loaded
passes = []
decoder_of(model).register_forward_pre_hook(lambda *a, **k: passes.append(1), with_kwargs=True)

def ticks():
    machine = [int(x) for x in open("/proc/stat").readline().split()[1:9]]
    own = open("/proc/self/stat").read().rsplit(")", 1)[1].split()
    return sum(machine) - machine[3] - machine[4], int(own[11]) + int(own[12])

def peak_mb():
    rows = [r for r in open("/proc/self/status") if r.startswith("VmHWM:")]
    return round(int(rows[0].split()[1]) / 1024)

requests, rows = json.load(open(sys.argv[1])), []
for r in requests:
    passes.clear()
    t0, c0, k0 = time.perf_counter(), time.process_time(), ticks()
    text = write_through_tool(r, "/tmp/artchat-text-speed/" + r["id"])
    seconds, cpu, k1 = time.perf_counter() - t0, time.process_time() - c0, ticks()
    others = ((k1[0] - k0[0]) - (k1[1] - k0[1])) / (os.sysconf("SC_CLK_TCK") * seconds)
    rows.append({"id": r["id"], "kind": r["kind"], "form": r.get("form", "free"), "seconds": round(seconds, 2),
                 "cpu_seconds": round(cpu, 2), "passes": len(passes), "load": round(os.getloadavg()[0], 2),
                 "others_cores": round(others, 2), "text": text})
    print(f"{r['id']} {seconds:.2f}s cpu {cpu:.2f}s passes {len(passes)} others {others:.2f}", flush=True)
json.dump({"load_s": round(loaded, 2), "warm_up_s": round(warmed, 2), "peak_rss_mb": peak_mb(), "rows": rows},
          open(sys.argv[2], "w"), indent=1)
"""


def run_tree(tree: str, requests: list[dict], out: str) -> dict:
    """One fresh process of the checkout at `tree` writing `requests`; its timings."""
    asked = out + ".requests.json"
    with open(asked, "w", encoding="utf-8") as f:
        json.dump(requests, f)
    env = {**os.environ, "PYTHONPATH": tree}
    subprocess.run([sys.executable, "-c", CHILD, asked, out], cwd=tree, env=env, check=True)
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def _stats(values: list[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    return round(float(np.median(values)), 2), round(float(np.percentile(values, 90)), 2)


def summary(runs: list[dict]) -> dict:
    """Median and 90th percentile per kind over every round's texts, and the first poem after start."""
    rows = [r for run in runs for r in run["rows"]]
    out = {"texts": len(rows)}
    for kind in ("poem", "title", "description"):
        mine = [r for r in rows if r["kind"] == kind]
        if not mine:
            continue
        for field in ("seconds", "cpu_seconds", "passes"):
            out[f"{kind}_{field}_median"], out[f"{kind}_{field}_p90"] = _stats([r[field] for r in mine])
    firsts = [next((r["seconds"] for r in run["rows"] if r["kind"] == "poem"), None) for run in runs]
    out["first_poem_seconds"] = [f for f in firsts if f is not None]
    out["warm_up_s"] = [run["warm_up_s"] for run in runs]
    out["others_cores_median"] = round(float(np.median([r["others_cores"] for r in rows])), 2)
    out["peak_rss_mb"] = max(run["peak_rss_mb"] for run in runs)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", default="evals/data/text_requests_dev.yaml")
    parser.add_argument("--tree", action="append", default=[], help="NAME=PATH: a checkout to time")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--kinds", default="poem,title")
    parser.add_argument("--limit", type=int, default=None, help="the first N requests of those kinds")
    parser.add_argument("--name", default="dev")
    args = parser.parse_args()
    if "test8" in os.path.basename(args.requests):
        raise SystemExit("test 8 is frozen: time a development set")
    trees = parse_trees(args.tree or ["this=."])
    kinds = args.kinds.split(",")
    requests = [r for r in load_requests(args.requests) if r["kind"] in kinds][: args.limit]
    scratch = os.path.join("/tmp", "artchat-text-speed", args.name)
    os.makedirs(scratch, exist_ok=True)
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    for k in range(args.rounds):
        for name, tree in trees.items():
            print(f"== round {k + 1}: {name} ({tree})", flush=True)
            runs[name].append(run_tree(tree, requests, os.path.join(scratch, f"{name}.{k}.json")))
    table = {name: summary(r) for name, r in runs.items()}
    fields = sorted({f for s in table.values() for f in s})
    print_table(f"Text speed: {args.name}", ["field", *table], [[f, *[table[n].get(f) for n in table]] for f in fields])
    write_json(f"text_speed_{args.name}", {"requests": args.requests, "summary": table, "runs": runs})


if __name__ == "__main__":
    main()
