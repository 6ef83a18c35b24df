"""Blind painting evaluation: paint a request set through the `paint` tool, hand the images to a judge under
shuffled names, then score the judge's words against the requests.

    python -m evals.painting_blind make --set test --job paint-test-before
    (the lead starts a judge on /work/judge/<job>; it writes verdicts.json)
    python -m evals.painting_blind score --set test --job paint-test-before --label before
    python -m evals.painting_blind table --label before,after    # evals/data/painting_blind_table.md

The judge sees only the images and the rubric (evals/painting_blind_rubric.md). Scoring is by rule
(`evals/painting_blind_scoring.py`): the asked subject counts as named when one of the row's accept words is in the
judge's main subject or the things it lists; the scene when one of the row's scene words is in the judge's
subject, things or scene; time and weather are the judge's choice from a fixed list; keep is the judge's 1-5.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import tempfile
import time

import yaml

from evals.painting_blind_scoring import markdown_table, score_rows, summary_table
from tools.brief import CreativeBrief
from tools.protocol import ToolContext
from tools.registry import get_tool

DATA = os.path.join(os.path.dirname(__file__), "data")
RUBRIC = os.path.join(os.path.dirname(__file__), "painting_blind_rubric.md")
JUDGE_ROOT = "/work/judge"
KEY_ROOT = "/work/keys"


def load_requests(names: str) -> list[dict]:
    """The rows of evals/data/painting_requests_<name>.yaml (dev, test, test2, the showcase for the contact sheet),
    or of several sets joined by commas ("objects_dev,dev")."""
    rows = []
    for name in names.split(","):
        with open(os.path.join(DATA, f"painting_requests_{name}.yaml")) as f:
            rows += yaml.safe_load(f)["requests"]
    return rows


def seed_for(row_id: str) -> int:
    """A fixed seed per request (a fresh session's first painting takes the brief's seed; we vary it by row so the
    set does not measure one composition)."""
    return 1 + sum(ord(c) * 31**i for i, c in enumerate(row_id)) % 9973


def paint_request(row: dict, out_dir: str, size: int = 512) -> dict:
    """Paint one row through the tool as a fresh session would; returns the file, the reply parts, the wall-clock
    seconds and the process's CPU seconds (on a shared machine the wall clock also counts other people's work)."""
    tool = get_tool("paint")
    seed = seed_for(row["id"])
    brief = CreativeBrief(seeds={"melody": seed, "painting": seed, "text": seed})
    args = tool.args_model.model_validate({**row["args"], "size": size})
    start, cpu = time.perf_counter(), time.process_time()
    result = tool.run(args, ToolContext(brief=brief, out_dir=out_dir, seed=seed))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    made = {"image": result.files["image"], "summary": result.summary, "notes": result.changes, "seconds": seconds}
    return {**made, "cpu_seconds": cpu_seconds}


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def make_job(set_name: str, job: str, judge_root: str = JUDGE_ROOT, key_root: str = KEY_ROOT) -> str:
    """Paint every row, save the images under shuffled names in <judge_root>/<job>/works, the key (name ->
    request) in <key_root>/<job>.json, the rubric beside the works; touch READY. Returns the job folder."""
    rows = load_requests(set_name)
    folder = os.path.join(judge_root, job)
    works = os.path.join(folder, "works")
    if os.path.exists(folder):
        raise SystemExit(f"{folder} exists already: choose a new job name")
    os.makedirs(works)
    rng = random.Random(f"{job}-shuffle")
    names = [f"{n:03d}.png" for n in rng.sample(range(100, 1000), len(rows))]
    key = {"set": set_name, "commit": _commit(), "works": {}}
    with tempfile.TemporaryDirectory() as scratch:
        for row, name in zip(rows, names):
            made = paint_request(row, os.path.join(scratch, row["id"]))
            shutil.copyfile(made["image"], os.path.join(works, name))
            made.pop("image")
            key["works"][name] = {"id": row["id"], "request": row["request"], **made}
            print(f"{row['id']} -> {name}  {made['seconds']:.2f}s  {made['summary']}", flush=True)
    return finish_job(folder, job, key, key_root)


def finish_job(folder: str, job: str, key: dict, key_root: str = KEY_ROOT) -> str:
    """The key to <key_root>/<job>.json (never beside the works), the rubric beside the works, then READY."""
    os.makedirs(key_root, exist_ok=True)
    with open(os.path.join(key_root, f"{job}.json"), "w") as f:
        json.dump(key, f, indent=1)
    shutil.copyfile(RUBRIC, os.path.join(folder, "rubric.md"))
    open(os.path.join(folder, "READY"), "w").close()
    return folder


def read_judgement(job: str, judge_root: str = JUDGE_ROOT, key_root: str = KEY_ROOT) -> tuple[dict, list[dict]]:
    """A judged job's key and the judge's verdicts (a list, also when the judge wrote {"works": [...]})."""
    with open(os.path.join(key_root, f"{job}.json")) as f:
        key = json.load(f)
    with open(os.path.join(judge_root, job, "verdicts.json")) as f:
        verdicts = json.load(f)
    return key, verdicts["works"] if isinstance(verdicts, dict) and "works" in verdicts else verdicts


def score_job(set_name: str, job: str, label: str, judge_root: str = JUDGE_ROOT, key_root: str = KEY_ROOT) -> dict:
    """Score <job>'s verdicts against its key; print the table and write the figures with the judge's words and
    the key to evals/data/painting_blind_<label>.json (committed: the figures a card or README quotes)."""
    rows = {r["id"]: r for r in load_requests(set_name)}
    key, verdicts = read_judgement(job, judge_root, key_root)
    scored = score_rows(rows, key["works"], verdicts)
    report = {"job": job, "set": set_name, "commit": key.get("commit"), **scored, "key": key, "verdicts": verdicts}
    summary_table(report)
    path = os.path.join(DATA, f"painting_blind_{label}.json")
    with open(path, "w") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)
    print(f"wrote {path}")
    return report


def write_table(labels: list[str]) -> str:
    """evals/data/painting_blind_table.md: the scored reports side by side (the README and the card quote it)."""
    reports = {}
    for label in labels:
        with open(os.path.join(DATA, f"painting_blind_{label}.json")) as f:
            reports[label] = json.load(f)
    path = os.path.join(DATA, "painting_blind_table.md")
    with open(path, "w") as f:
        f.write(markdown_table(reports))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["make", "score", "table"])
    parser.add_argument("--set", default="dev", choices=["dev", "test", "test2"])
    parser.add_argument("--job", help="the judge job's name (make, score)")
    parser.add_argument("--label", default=None, help="name of the figures file (score); labels a,b (table)")
    args = parser.parse_args()
    if args.step == "table":
        print(write_table(args.label.split(",")))
    elif not args.job:
        parser.error("--job is needed to make or score")
    elif args.step == "make":
        print(make_job(args.set, args.job))
    else:
        score_job(args.set, args.job, args.label or args.job)


if __name__ == "__main__":
    main()
