"""Blind evaluation of texts: make them through the real `write_text` path, hand them to a judge, score the verdicts.

    python -m evals.text_blind make --set test --job words-after-test      # texts -> /work/judge/<job>/works
    python -m evals.text_blind score --job words-after-test                 # verdicts + key -> evals/out/<job>.json

Before and after in ONE job (each version's texts made by its own checkout, then shuffled together):

    python -m evals.text_blind make --requests evals/data/text_requests_dev.yaml --job words-dev-2 \
        --tree before=/work/wt/words-before --tree after=/work/main

`--requests` takes any request YAML in the format of `evals/data/text_requests_test.yaml`; each `--tree
NAME=PATH` is a checkout whose own `write_text` writes that version's texts (a subprocess run in PATH), one
version after the other; the key says which version wrote each work, and `score` reports each version apart.
`--env NAME:VAR=VALUE` sets a variable for one version's process only (two writers from one checkout:
`--tree qwen05=. --tree qwen15=. --env qwen15:ARTCHAT_TEXT_LM=qwen15`); each text's key row holds the
process's peak resident memory so far (VmHWM).

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
KINDS = ("poem", "title", "description")


def load_requests(name: str) -> list[dict]:
    """A named set's requests, or those of a request YAML file at the path `name`."""
    path = name if name not in SETS else os.path.join(HERE, "data", SETS[name])
    if not os.path.exists(path):
        raise SystemExit(f"no request set {name!r}: give a set name ({', '.join(SETS)}) or a YAML file's path")
    with open(path, encoding="utf-8") as f:
        requests = yaml.safe_load(f)
    if not isinstance(requests, list) or not all(isinstance(r, dict) and "kind" in r for r in requests):
        raise SystemExit(f"{path} is not a list of requests with a 'kind' each")
    return requests


def write_through_tool(request: dict, out_dir: str, seed: int = 1) -> str:
    """The text the `write_text` tool makes for a request (its arguments as the chat would pass them)."""
    from tools.protocol import ToolContext
    from tools.write_text import WriteTextArgs, write_text
    from tools.writer_corpus import brief_of

    fields = WriteTextArgs.model_fields
    args = {"kind": request["kind"]}
    form = requested_form(request)
    if "lines" in fields:  # a count beyond the tool's range gets its longest poem (the form check counts the miss)
        args["lines"] = min(
            form.lines, WriteTextArgs.model_json_schema()["properties"]["lines"].get("maximum", form.lines)
        )
    if "rhyme" in fields:
        args["rhyme"] = form.scheme is not None
    if "form" in fields and form.name != "free":
        args["form"] = form.name
    brief = brief_of(request)
    works = {kind: brief for kind in request.get("with", ())}  # made in the same mood as the text
    ctx = ToolContext(brief=brief, out_dir=out_dir, seed=seed, works=works)
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
    mark_ready(job)


# Run inside another checkout (only its `evals.text_blind.write_through_tool` is used, which every version has):
# reads the requests as JSON from argv[1], writes [{text, seconds}] to argv[2] as it goes.
CHILD = """
import json, os, sys, time
from evals.text_blind import write_through_tool
def peak_mb():
    rows = [r for r in open("/proc/self/status") if r.startswith("VmHWM:")]
    return round(int(rows[0].split()[1]) / 1024) if rows else None
requests, out, job = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
try:
    from tools.write_text import warm_up
    t0 = time.perf_counter(); warm_up(); print(f"warm-up {time.perf_counter() - t0:.1f}s", flush=True)
except ImportError:
    pass
done = []
for r in requests:
    t0, c0 = time.perf_counter(), time.process_time()
    text = write_through_tool(r, f"/tmp/artchat-text-blind/{job}/{r['id']}")
    seconds, cpu = round(time.perf_counter() - t0, 2), round(time.process_time() - c0, 2)
    done.append({"text": text, "seconds": seconds, "cpu_seconds": cpu, "load": round(os.getloadavg()[0], 2),
                 "peak_rss_mb": peak_mb()})
    print(f"{r['id']} {done[-1]['seconds']}s\\n{text}\\n", flush=True)
    json.dump(done, open(out, "w"), indent=1)
"""


def texts_from_tree(
    tree: str,
    requests: list[dict],
    job: str,
    version: str,
    reuse: bool = False,
    extra_env: dict[str, str] | None = None,
) -> list[dict]:
    """Each request's text and seconds, written by the checkout at `tree` in a process of its own, with
    `extra_env` set in it (with `reuse`, the texts this version already wrote for the same job and requests,
    e.g. a `before` made early)."""
    import subprocess
    import sys

    if not os.path.isfile(os.path.join(tree, "tools", "write_text.py")):
        raise SystemExit(f"{tree} is not an artchat checkout (no tools/write_text.py)")
    scratch = os.path.join("/tmp", "artchat-text-blind", job)
    os.makedirs(scratch, exist_ok=True)
    asked, out = os.path.join(scratch, f"{version}.requests.json"), os.path.join(scratch, f"{version}.texts.json")
    if reuse and os.path.exists(out) and _same_requests(asked, requests):
        print(f"== {version}: {len(requests)} texts written earlier, in {out}", flush=True)
        with open(out, encoding="utf-8") as f:
            return json.load(f)
    with open(asked, "w", encoding="utf-8") as f:
        json.dump(requests, f)
    env = {**os.environ, **(extra_env or {}), "PYTHONPATH": tree}
    print(f"== {version}: {len(requests)} texts from {tree} {extra_env or ''}", flush=True)
    subprocess.run([sys.executable, "-c", CHILD, asked, out, f"{job}-{version}"], cwd=tree, env=env, check=True)
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def _same_requests(path: str, requests: list[dict]) -> bool:
    with open(path, encoding="utf-8") as f:
        return json.load(f) == json.loads(json.dumps(requests))


def make_from_trees(
    requests: list[dict],
    job: str,
    trees: dict[str, str],
    reuse: bool = False,
    texts_only: bool = False,
    envs: dict[str, dict[str, str]] | None = None,
) -> None:
    """One job holding every version's text for every request, under one shuffled numbering (`texts_only`: write
    the versions' texts and stop, for a later `reuse`; `envs`: each version's own environment variables)."""
    envs = envs or {}
    made = {v: texts_from_tree(tree, requests, job, v, reuse, envs.get(v)) for v, tree in trees.items()}
    if not texts_only:
        write_job(requests, job, made)


def write_job(requests: list[dict], job: str, made: dict[str, list[dict]]) -> None:
    """The job's works and key from each version's texts ({version: [{text, seconds, ...}] in request order})."""
    pairs = [(version, i) for version in made for i in range(len(requests))]
    random.Random(job).shuffle(pairs)
    works = os.path.join(JUDGE_ROOT, job, "works")
    os.makedirs(works, exist_ok=True)
    key = {}
    for n, (version, i) in enumerate(pairs):
        name = f"work_{n + 1:02d}.txt"
        text = made[version][i]["text"]
        with open(os.path.join(works, name), "w", encoding="utf-8") as f:
            f.write(f"[a {requests[i]['kind']}]\n\n{text}\n")
        timing = {k: made[version][i].get(k) for k in ("seconds", "cpu_seconds", "load", "peak_rss_mb")}
        key[name] = {**requests[i], "text": text, **timing, "version": version}
    os.makedirs(KEY_ROOT, exist_ok=True)
    with open(os.path.join(KEY_ROOT, f"{job}.json"), "w", encoding="utf-8") as f:
        json.dump(key, f, indent=1)
    write_rubric(job, len(key))
    mark_ready(job)
    print(f"{len(key)} works in {works}; key in {KEY_ROOT}/{job}.json")


def parse_trees(specs: list[str]) -> dict[str, str]:
    """`NAME=PATH` pairs (a bare PATH is named after its folder)."""
    trees = {}
    for spec in specs:
        name, _, path = spec.rpartition("=")
        name = name or os.path.basename(os.path.normpath(path))
        if name in trees:
            raise SystemExit(f"two trees named {name!r}: give each --tree its own NAME=PATH")
        trees[name] = os.path.abspath(path)
    return trees


def parse_envs(specs: list[str], trees: dict[str, str]) -> dict[str, dict[str, str]]:
    """`NAME:VAR=VALUE` triples -> {version: {VAR: VALUE}}; NAME must be one of the trees."""
    envs: dict[str, dict[str, str]] = {}
    for spec in specs:
        name, _, assignment = spec.partition(":")
        var, eq, value = assignment.partition("=")
        if name not in trees or not var or not eq:
            raise SystemExit(f"--env {spec!r}: give NAME:VAR=VALUE with NAME one of {', '.join(trees) or 'no tree'}")
        envs.setdefault(name, {})[var] = value
    return envs


def mark_ready(job: str) -> None:
    """Touch the job's READY: its works, key and rubric are all written (the lead's signal to start a judge)."""
    open(os.path.join(JUDGE_ROOT, job, "READY"), "w").close()


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
    mark_ready(job)
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
                "cpu_seconds": request.get("cpu_seconds"),
                "version": request.get("version"),
                "peak_rss_mb": request.get("peak_rss_mb"),
            }
        )
    for r in rows:
        r["subject_present"] = r["subject_in_text"] or r["subject_in_about"]
    return rows


def summary(rows: list[dict]) -> dict:
    asked = [r for r in rows if r["form_exact"] is not None]
    poems = [r["seconds"] for r in rows if r["kind"] == "poem"]
    titles = [r["seconds"] for r in rows if r["kind"] == "title"]
    cpu = {k: [r["cpu_seconds"] for r in rows if r["kind"] == k and r.get("cpu_seconds") is not None] for k in KINDS}
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
        "poem_median_cpu_s": round(float(np.median(cpu["poem"])), 2) if cpu["poem"] else None,
        "title_median_cpu_s": round(float(np.median(cpu["title"])), 2) if cpu["title"] else None,
        "peak_rss_mb": max((r["peak_rss_mb"] for r in rows if r.get("peak_rss_mb")), default=None),
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
    table = {}
    versions = sorted({r["version"] for r in rows if r["version"]})
    for version in versions or [None]:
        mine = [r for r in rows if r["version"] == version]
        label = f"{version}: " if version else ""
        groups = {"all": mine}
        for kind in KINDS:
            groups[kind] = [r for r in mine if r["kind"] == kind]
        groups["poem, form asked"] = [r for r in mine if r["kind"] == "poem" and r["form"] != "free"]
        table.update({f"{label}{name}": summary(g) for name, g in groups.items() if g})
    fields = ["n", "coherence", "keep", "finished", "subject_present", "form_exact_where_asked", "poem_median_s"]
    fields += ["title_median_s", "poem_median_cpu_s", "title_median_cpu_s", "peak_rss_mb"]
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
    parser.add_argument("--requests", default=None, help="a request YAML file (instead of --set)")
    parser.add_argument("--tree", action="append", default=[], help="NAME=PATH: a checkout writing one version")
    parser.add_argument("--env", action="append", default=[], help="NAME:VAR=VALUE for one tree's process")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--reuse", action="store_true", help="a tree's texts already written for this job")
    parser.add_argument("--texts-only", action="store_true", help="write the trees' texts, make no job yet")
    args = parser.parse_args()
    k, n = (int(x) for x in args.shard.split("/"))
    if args.action == "make" and args.tree:
        trees = parse_trees(args.tree)
        requests = load_requests(args.requests or args.set)[: args.limit]
        envs = parse_envs(args.env, trees)
        make_from_trees(requests, args.job, trees, args.reuse, args.texts_only, envs)
    elif args.action == "make":
        make(args.requests or args.set, args.job, args.limit, (k, n))
    elif args.action == "join":
        join(args.job, n)
    else:
        score(args.job)


if __name__ == "__main__":
    main()
