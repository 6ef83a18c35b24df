"""Two versions of the painter side by side on one request set: paint each version's works into a folder, tile
them into before/after contact sheets, and make ONE blind judge job holding both versions under shuffled names
(the key says which work is which version), so a single judge scores both on the same scale.

    python -m evals.painting_versions paint --set objects_dev --tree /work/main --out runs/before
    python -m evals.painting_versions paint --set objects_dev --tree . --out runs/after
    python -m evals.painting_versions sheet --set objects_dev --dirs runs/before,runs/after --out runs/sheet.jpg
    python -m evals.painting_versions job --set objects_dev --dirs runs/before,runs/after --labels before,after \
        --job paint-objects-dev-2
    python -m evals.painting_versions score --set objects_dev --job paint-objects-dev-2 --label objects_dev2

`--tree` puts that checkout's packages first on the import path, so the BEFORE version is painted by main's code.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import time


def _load_requests(set_names: str) -> list[dict]:
    """The rows of one request set, or of several joined by commas ("objects_dev,dev")."""
    from evals.painting_blind import load_requests  # imported late: --tree must come first on the path

    return load_requests(set_names)


def paint_set(set_name: str, out: str, ids: list[str] | None = None) -> dict:
    """Paint every row (or those ids) into out/<id>.png; out/times.json holds the seconds and the replies."""
    from evals.painting_blind import paint_request

    os.makedirs(out, exist_ok=True)
    made = {}
    for row in _load_requests(set_name):
        if ids and row["id"] not in ids:
            continue
        cpu = time.process_time()
        result = paint_request(row, os.path.join(out, "scratch", row["id"]))
        result["cpu_seconds"] = time.process_time() - cpu  # all threads: steadier than wall time on a shared box
        shutil.copyfile(result.pop("image"), os.path.join(out, f"{row['id']}.png"))
        made[row["id"]] = result
        print(f"{row['id']} {result['seconds']:.2f}s {result['summary']} {result['notes']}", flush=True)
    shutil.rmtree(os.path.join(out, "scratch"), ignore_errors=True)
    made["median_seconds"] = statistics.median(r["seconds"] for r in made.values())
    made["median_cpu_seconds"] = statistics.median(r["cpu_seconds"] for k, r in made.items() if k != "median_seconds")
    with open(os.path.join(out, "times.json"), "w") as f:
        json.dump(made, f, indent=1)
    print(f"median {made['median_seconds']:.2f}s wall, {made['median_cpu_seconds']:.2f}s cpu")
    return made


def sheet(set_name: str, dirs: list[str], out: str, tile: int = 192) -> str:
    """One row per request: its request, then each version's painting."""
    from PIL import Image, ImageDraw

    rows = [r for r in _load_requests(set_name) if all(os.path.exists(os.path.join(d, f"{r['id']}.png")) for d in dirs)]
    label_w = 220
    image = Image.new("RGB", (label_w + tile * len(dirs), tile * len(rows)), "white")
    draw = ImageDraw.Draw(image)
    for i, row in enumerate(rows):
        words, line, lines = row["request"].split(), "", []
        for w in words:
            if len(line) + len(w) > 30:
                lines.append(line)
                line = ""
            line += w + " "
        lines.append(line)
        draw.text((6, i * tile + 8), f"{row['id']}\n" + "\n".join(lines), fill="black")
        for j, d in enumerate(dirs):
            thumb = Image.open(os.path.join(d, f"{row['id']}.png")).convert("RGB").resize((tile, tile))
            image.paste(thumb, (label_w + j * tile, i * tile))
    image.save(out, quality=88)
    return out


def make_job(
    set_name: str,
    dirs: list[str],
    labels: list[str],
    job: str,
    judge_root="/work/judge",
    key_root="/work/keys",
    ids: list[str] | None = None,
):
    """Both versions' works (of every row, or those ids) under shuffled names in <judge_root>/<job>/works, the key
    in <key_root>/<job>.json."""
    from evals.painting_blind import finish_job

    folder = os.path.join(judge_root, job)
    if os.path.exists(folder):
        raise SystemExit(f"{folder} exists already: choose a new job name")
    os.makedirs(os.path.join(folder, "works"))
    rows = [r for r in _load_requests(set_name) if not ids or r["id"] in ids]
    works = [(label, d, r) for label, d in zip(labels, dirs) for r in rows]
    names = [f"{n:03d}.png" for n in random.Random(f"{job}-shuffle").sample(range(100, 1000), len(works))]
    key = {"set": set_name, "works": {}}
    for name, (label, d, row) in zip(names, works):
        shutil.copyfile(os.path.join(d, f"{row['id']}.png"), os.path.join(folder, "works", name))
        key["works"][name] = {"id": row["id"], "request": row["request"], "version": label}
    return finish_job(folder, job, key, key_root)


def score(set_name: str, job: str, label: str, judge_root="/work/judge", key_root="/work/keys", replace=False) -> dict:
    """Each version's figures from the one judge job; written to evals/data/painting_blind_<label>.json, which
    must be new unless `replace` (a label already used names figures someone quotes)."""
    from evals.painting_blind import read_judgement
    from evals.painting_blind_scoring import score_rows

    path = os.path.join(os.path.dirname(__file__), "data", f"painting_blind_{label}.json")
    if os.path.exists(path) and not replace:
        raise SystemExit(f"{path} exists: choose a new --label (or --replace to score the same job again)")

    rows = {r["id"]: r for r in _load_requests(set_name)}
    key, verdicts = read_judgement(job, judge_root, key_root)
    report = {"job": job, "set": set_name, "versions": {}, "key": key, "verdicts": verdicts}
    for version in sorted({w["version"] for w in key["works"].values()}):
        works = {n: w for n, w in key["works"].items() if w["version"] == version}
        report["versions"][version] = score_rows(rows, works, verdicts)
        overall = report["versions"][version]["overall"]
        print(version, json.dumps({k: overall[k] for k in ("keep_mean", "ones", "twos", "subject_named")}))
    with open(path, "w") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)
    return report


def _pixels(path: str):
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGB"))


def judged_copy(set_name: str, label: str, folder: str, version: str, judge_root="/work/judge") -> dict:
    """Figures for a version none judged whose paintings (in `folder`) are each, pixel for pixel, one the scored job
    `label` judged: added to evals/data/painting_blind_<label>.json under `version`. Raises when one is new."""
    from evals.painting_blind_scoring import score_rows

    path = os.path.join(os.path.dirname(__file__), "data", f"painting_blind_{label}.json")
    with open(path) as f:
        report = json.load(f)
    works = {}
    for name, work in report["key"]["works"].items():
        mine = _pixels(os.path.join(folder, f"{work['id']}.png"))
        judged = _pixels(os.path.join(judge_root, report["job"], "works", name))
        taken = {w["id"] for w in works.values()}
        if work["id"] not in taken and mine.shape == judged.shape and (mine == judged).all():
            works[name] = {**work, "version": version}
    ids = {w["id"] for w in report["key"]["works"].values()}
    if {w["id"] for w in works.values()} != ids:
        raise SystemExit(f"not judged: {sorted(ids - {w['id'] for w in works.values()})}")
    report["versions"][version] = score_rows({r["id"]: r for r in _load_requests(set_name)}, works, report["verdicts"])
    with open(path, "w") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)
    overall = report["versions"][version]["overall"]
    print(version, json.dumps({k: overall[k] for k in ("keep_mean", "ones", "twos", "subject_named")}))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["paint", "sheet", "job", "score", "copy"])
    parser.add_argument("--set", default="objects_dev")
    parser.add_argument("--tree", default=None, help="checkout whose packages paint (paint)")
    parser.add_argument("--out", help="folder (paint) or image (sheet)")
    parser.add_argument("--ids", default="")
    parser.add_argument("--dirs", default="")
    parser.add_argument("--labels", default="before,after")
    parser.add_argument("--job")
    parser.add_argument("--label")
    parser.add_argument("--replace", action="store_true", help="score over an existing label's file (score)")
    parser.add_argument("--version", help="copy: the version whose paintings (--out) the job judged already")
    args = parser.parse_args()
    if args.tree:
        sys.path.insert(0, os.path.abspath(args.tree))
        for name in [m for m in sys.modules if m.split(".")[0] in ("tools", "models", "assistant")]:
            del sys.modules[name]
    dirs = [d for d in args.dirs.split(",") if d]
    if args.step == "paint":
        paint_set(args.set, args.out, [i for i in args.ids.split(",") if i])
    elif args.step == "sheet":
        print(sheet(args.set, dirs, args.out))
    elif args.step == "job":
        print(make_job(args.set, dirs, args.labels.split(","), args.job, ids=[i for i in args.ids.split(",") if i]))
    elif args.step == "copy":
        judged_copy(args.set, args.label, args.out, args.version)
    else:
        score(args.set, args.job, args.label or args.job, replace=args.replace)


if __name__ == "__main__":
    main()
