"""A writing corpus for distilling a larger writer into the small one: the writing pipeline run on made-up
requests, each model request it made recorded with the completion it kept.

Requests are drawn from `data/writer_corpus.yaml` (subjects x moods x forms, none from a text request set);
the writer is whatever `ARTCHAT_TEXT_LM` names (`qwen15` for the teacher). Rows are appended as they are
written and a rerun skips the ids already there, so it can be stopped and resumed:

    ARTCHAT_TEXT_LM=qwen15 python -m tools.writer_corpus write --out data_cache/writer/qwen15.jsonl --count 600
    python -m tools.writer_corpus pairs --data data_cache/writer/qwen15.jsonl --out data_cache/writer/pairs.jsonl

`pairs` keeps the sound drafts' (prompt, completion) pairs, in `models.language.lora_train`'s format.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time

import yaml

from models.language.poem_forms import poem_form
from tools.brief import BriefChanges, CreativeBrief, apply_changes
from tools.write_text import write

CORPUS_PATH = os.path.join(os.path.dirname(__file__), "data", "writer_corpus.yaml")
# (kind, form, lines, weight): poems most, as people ask for them most and they gain most from a better writer
SHAPES = (
    ("poem", "free", 4, 22),
    ("poem", "free", 3, 4),
    ("poem", "free", 5, 3),
    ("poem", "free", 6, 4),
    ("poem", "couplets", 4, 12),
    ("poem", "couplets", 6, 4),
    ("poem", "abab", 4, 10),
    ("poem", "haiku", 3, 9),
    ("title", None, None, 18),
    ("description", None, None, 14),
)


def corpus_words(path: str = CORPUS_PATH) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def requests(count: int, seed: int = 0, words: dict | None = None) -> list[dict]:
    """`count` requests (id, kind, form, lines, subject, mood, palette, with) in a fixed order for a seed."""
    words = words or corpus_words()
    rng = random.Random(seed)
    shapes = [s[:3] for s in SHAPES]
    weights = [s[3] for s in SHAPES]
    rows = []
    for n in range(count):
        kind, form, lines = rng.choices(shapes, weights)[0]
        row = {"id": f"w{seed}-{n:04d}", "kind": kind, "subject": rng.choice(words["subjects"])}
        row["mood"] = rng.choice(words["moods"])
        if form:
            row.update(form=form, lines=lines)
        if rng.random() < 0.35:
            row["palette"] = rng.sample(words["colours"], 2)
        made = rng.choice([(), ("painting",), ("painting", "melody"), ("melody",)])
        row["with"] = list(made or ("painting",)) if kind == "description" else list(made)
        if "melody" in row["with"] and rng.random() < 0.5:
            row["instrument"] = rng.choice(words["instruments"])
        rows.append(row)
    return rows


def brief_of(request: dict) -> CreativeBrief:
    """The brief a request's works were made from: subject, mood, colours, instrument."""
    changes = {k: request[k] for k in ("mood", "subject", "palette", "instrument") if k in request}
    return apply_changes(CreativeBrief(), BriefChanges(**changes))[0]


def write_row(request: dict, seed: int = 1) -> dict:
    """The request with the text the pipeline kept, whether it is sound, and its (prompt, completion) pairs."""
    brief = brief_of(request)
    form = poem_form(request["form"], request["lines"]) if request["kind"] == "poem" else None
    t0 = time.perf_counter()
    draft = write(request["kind"], brief, form, seed, works={k: brief for k in request["with"]})
    return {
        **request,
        "text": draft.text,
        "sound": draft.sound,
        "seconds": round(time.perf_counter() - t0, 2),
        "exchanges": [{"prompt": p, "completion": c} for p, c in draft.exchanges],
    }


def done_ids(path: str) -> set[str]:
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {json.loads(line)["id"] for line in f if line.strip()}


def write_corpus(out: str, count: int, seed: int = 0) -> None:
    """Append a row per request not yet in `out`, flushing each (resumable)."""
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    skip = done_ids(out)
    for request in requests(count, seed):
        if request["id"] in skip:
            continue
        row = write_row(request)
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")
        print(f"{row['id']} {row['kind']} {row['seconds']}s sound={row['sound']}\n{row['text']}\n", flush=True)


HELDOUT_EVERY = 10  # every 10th sound row's pairs are held out (`--heldout-out`)


def pairs(rows: list[dict]) -> list[dict]:
    """The (prompt, completion) pairs of the sound rows."""
    return [e for r in rows if r["sound"] for e in r["exchanges"] if e["completion"].strip()]


def split_rows(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """(training rows, held-out rows): every `HELDOUT_EVERY`-th sound row held out, in corpus order."""
    sound = [r for r in rows if r["sound"]]
    return [r for i, r in enumerate(sound) if i % HELDOUT_EVERY], sound[::HELDOUT_EVERY]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["write", "pairs"])
    parser.add_argument("--out", required=True)
    parser.add_argument("--data", help="the rows `write` made (for `pairs`)")
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--heldout-out", help="with `pairs`: write every 10th sound row's pairs here, not to --out")
    args = parser.parse_args()
    if args.action == "write":
        write_corpus(args.out, args.count, args.seed)
        return
    with open(args.data, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    training, heldout = (pairs(part) for part in (split_rows(rows) if args.heldout_out else (rows, [])))
    for path, part in ((args.out, training), (args.heldout_out, heldout)):
        if path:
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(json.dumps(p) + "\n" for p in part)
    print(f"{len(training)} pairs (+{len(heldout)} held out) from {len(rows)} rows")


if __name__ == "__main__":
    main()
