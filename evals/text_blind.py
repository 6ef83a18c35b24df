"""Blind evaluation of texts: make them through the real `write_text` path, hand them to a judge, score the verdicts.

    python -m evals.text_blind make --set test --job words-after-test      # texts -> /work/judge/<job>/works
    python -m evals.text_blind score --job words-after-test                 # verdicts + key -> evals/out/<job>.json

The judge sees only the texts (each file says whether it is a poem, a title or a description) and the rubric;
the key (shuffled name -> request, text, seconds) stays in /work/keys. Subject presence and form are scored
here by code against the requests; coherence, keep and "finished" come from the judge.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import time

import numpy as np
import yaml

from evals.common import print_table, write_json
from evals.text_form_check import form_exact, requested_form, subject_present

HERE = os.path.dirname(__file__)
SETS = {"test": "text_requests_test.yaml", "dev": "text_requests_dev.yaml"}
JUDGE_ROOT = os.environ.get("ARTCHAT_JUDGE_ROOT", "/work/judge")
KEY_ROOT = os.environ.get("ARTCHAT_KEY_ROOT", "/work/keys")
RUBRIC = os.path.join(HERE, "data", "text_judge_rubric.md")


def load_requests(name: str) -> list[dict]:
    with open(os.path.join(HERE, "data", SETS[name]), encoding="utf-8") as f:
        return yaml.safe_load(f)


def brief_for(request: dict):
    """The brief the request's works were made from: subject, mood, colours, instrument."""
    from tools.brief import BriefChanges, CreativeBrief, apply_changes

    changes = {k: request[k] for k in ("mood", "subject", "palette", "instrument") if k in request}
    return apply_changes(CreativeBrief(), BriefChanges(**changes))[0]


def write_through_tool(request: dict, out_dir: str, seed: int = 1) -> str:
    """The text the `write_text` tool makes for a request (its arguments as the chat would pass them)."""
    from tools.protocol import ToolContext
    from tools.write_text import WriteTextArgs, write_text

    fields = WriteTextArgs.model_fields
    args = {"kind": request["kind"]}
    form = requested_form(request)
    if "lines" in fields:
        args["lines"] = form.lines
    if "rhyme" in fields:
        args["rhyme"] = form.scheme is not None
    if "form" in fields and form.name != "free":
        args["form"] = form.name
    ctx = ToolContext(brief=brief_for(request), out_dir=out_dir, seed=seed)
    return write_text(WriteTextArgs(**args), ctx).text


def make(set_name: str, job: str, limit: int | None = None, shard: tuple[int, int] = (0, 1)) -> None:
    """Write the set's texts as the job's works; shard (k, n): only every n-th work from the k-th (parallel
    processes; `join` merges their keys)."""
    requests = load_requests(set_name)[:limit]
    works = os.path.join(JUDGE_ROOT, job, "works")
    os.makedirs(works, exist_ok=True)
    order = list(range(len(requests)))
    random.Random(job).shuffle(order)
    key = {}
    for n, i in enumerate(order):
        if n % shard[1] != shard[0]:
            continue
        request = requests[i]
        t0 = time.perf_counter()
        text = write_through_tool(request, os.path.join("/tmp", "artchat-text-blind", job, request["id"]))
        seconds = time.perf_counter() - t0
        name = f"work_{n + 1:02d}.txt"
        with open(os.path.join(works, name), "w", encoding="utf-8") as f:
            f.write(f"[a {request['kind']}]\n\n{text}\n")
        key[name] = {**request, "text": text, "seconds": round(seconds, 2)}
        print(f"{name} {request['id']} {seconds:.1f}s\n{text}\n", flush=True)
    os.makedirs(KEY_ROOT, exist_ok=True)
    part = "" if shard[1] == 1 else f".part{shard[0]}"
    with open(os.path.join(KEY_ROOT, f"{job}{part}.json"), "w", encoding="utf-8") as f:
        json.dump(key, f, indent=1)
    write_rubric(job, len(requests))


def write_rubric(job: str, works: int) -> None:
    with open(RUBRIC, encoding="utf-8") as f:
        rubric = f.read()
    with open(os.path.join(JUDGE_ROOT, job, "rubric.md"), "w", encoding="utf-8") as f:
        f.write(rubric.replace("{N}", str(works)))


def join(job: str, parts: int) -> None:
    """Merge the keys of a sharded `make` into the job's key."""
    key = {}
    for k in range(parts):
        with open(os.path.join(KEY_ROOT, f"{job}.part{k}.json"), encoding="utf-8") as f:
            key.update(json.load(f))
    with open(os.path.join(KEY_ROOT, f"{job}.json"), "w", encoding="utf-8") as f:
        json.dump(key, f, indent=1)
    write_rubric(job, len(key))
    print(f"{len(key)} works in the key of {job}")


def _mean(rows: list[dict], field: str) -> float | None:
    values = [r[field] for r in rows if r.get(field) is not None]
    return round(float(np.mean(values)), 3) if values else None


def score_rows(key: dict, verdicts: dict) -> list[dict]:
    rows = []
    for name, request in sorted(key.items()):
        verdict = verdicts.get(name, {})
        about = str(verdict.get("about", ""))
        finished = verdict.get("finished")
        rows.append(
            {
                "work": name,
                "id": request["id"],
                "kind": request["kind"],
                "form": requested_form(request).name,
                "coherence": verdict.get("coherence"),
                "keep": verdict.get("keep"),
                "finished": None if finished is None else str(finished).lower() in ("yes", "true", "1"),
                "about": about,
                "subject_in_text": subject_present(request["subject"], request["text"]),
                "subject_in_about": subject_present(request["subject"], about),
                "form_exact": form_exact(request, request["text"]),
                "seconds": request["seconds"],
            }
        )
    for r in rows:
        r["subject_present"] = r["subject_in_text"] or r["subject_in_about"]
    return rows


def summary(rows: list[dict]) -> dict:
    asked = [r for r in rows if r["form_exact"] is not None]
    poems = [r["seconds"] for r in rows if r["kind"] == "poem"]
    titles = [r["seconds"] for r in rows if r["kind"] == "title"]
    return {
        "n": len(rows),
        "coherence": _mean(rows, "coherence"),
        "keep": _mean(rows, "keep"),
        "finished": _mean(rows, "finished"),
        "subject_present": _mean(rows, "subject_present"),
        "subject_in_text": _mean(rows, "subject_in_text"),
        "form_exact_where_asked": _mean(asked, "form_exact"),
        "form_asked": len(asked),
        "poem_median_s": round(float(np.median(poems)), 2) if poems else None,
        "title_median_s": round(float(np.median(titles)), 2) if titles else None,
    }


def score(job: str) -> dict:
    with open(os.path.join(KEY_ROOT, f"{job}.json"), encoding="utf-8") as f:
        key = json.load(f)
    path = os.path.join(JUDGE_ROOT, job, "verdicts.json")
    verdicts = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            verdicts = json.load(f)
        verdicts = verdicts.get("verdicts", verdicts) if isinstance(verdicts, dict) else verdicts
        if isinstance(verdicts, list):
            verdicts = {v["work"]: v for v in verdicts}
        verdicts = {re.sub(r"^.*/", "", k): v for k, v in verdicts.items()}
    rows = score_rows(key, verdicts)
    groups = {"all": rows}
    for kind in ("poem", "title", "description"):
        groups[kind] = [r for r in rows if r["kind"] == kind]
    groups["poem, form asked"] = [r for r in rows if r["kind"] == "poem" and r["form"] != "free"]
    table = {name: summary(g) for name, g in groups.items() if g}
    fields = ["n", "coherence", "keep", "finished", "subject_present", "form_exact_where_asked", "poem_median_s"]
    print_table(f"Blind texts: {job}", ["group", *fields], [[g, *[s[f] for f in fields]] for g, s in table.items()])
    result = {"job": job, "judged": bool(verdicts), "summary": table, "rows": rows}
    write_json(f"text_blind_{job}", result)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=["make", "join", "score"])
    parser.add_argument("--shard", default="0/1", help="k/n: this process writes every n-th work from the k-th")
    parser.add_argument("--job", required=True)
    parser.add_argument("--set", default="test", choices=list(SETS))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    k, n = (int(x) for x in args.shard.split("/"))
    if args.action == "make":
        make(args.set, args.job, args.limit, (k, n))
    elif args.action == "join":
        join(args.job, n)
    else:
        score(args.job)


if __name__ == "__main__":
    main()
