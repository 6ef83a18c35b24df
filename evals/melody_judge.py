"""The blind person-or-machine melody test: make a judge job, then score its verdicts against the key.

    python -m evals.melody_judge make --set test --job music-before-test [--label before]
    python -m evals.melody_judge score --job music-before-test

`make` composes one melody per request of the set (evals/data/melody_judge_requests.json) through the tool
(tools/compose_melody.py: 8 bars, the mood, a new variation with the request's seed), draws as many real
8-bar openings of held-out tunes (the corpus' test split, 4/4, whose eighth bar ends a phrase; a set may
leave out the tunes earlier test sets drew), cuts both the same way (`melody_abc.phrase_window`: from the
pickup, if any, to the eighth bar's phrase end), writes every piece as plain ABC
(`melody_abc.plain_abc`: C major or A minor, legato) under shuffled names into /work/judge/<job>/works/,
the rubric beside them, and the key (name -> source and request) to /work/keys/<job>.json.
`score` reads /work/judge/<job>/verdicts.json and writes the rates and musicality of ours and the real
tunes to evals/out/melody_judge_<job>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import zlib

import numpy as np

from evals.common import print_table, write_json
from evals.melody_abc import phrase_window, plain_abc
from models.melody.corpus import load_corpus
from models.melody.events import events_to_notes, transpose_notes

REQUESTS = os.path.join(os.path.dirname(__file__), "data", "melody_judge_requests.json")
JUDGE_ROOT, KEYS_ROOT = "/work/judge", "/work/keys"
WINDOW = 128  # 8 bars of 4/4
MIN_NOTES = 8

RUBRIC = """# Melody judging rubric

Each file in works/ is one short melody (about 8 bars: the opening of a tune, with its pickup if it has one, up
to the end of a phrase) written in plain ABC notation (M:4/4, L:1/16, in C major or A minor, no articulation,
no tempo). Some were written by people (traditional tunes), some by a machine.
Read each one (play it in your head, or sing it) and judge it on its own.

For EVERY file give:
- "verdict": "person" or "machine" (your best guess of who wrote it),
- "musicality": an integer 1-5 (1 = not music, 2 = awkward, 3 = acceptable, 4 = good, 5 = a fine tune),
- "why": one line naming what decided it.

Write the answer as JSON to verdicts.json beside this file, keyed by file name without extension:

```json
{"piece_01": {"verdict": "person", "musicality": 4, "why": "..."}, "piece_02": {...}}
```
"""


def compose(mood: str, seed: int) -> tuple[list, int, str]:
    """(notes in the asked key, cut as the real tunes are, tonic pitch class, mode) of one melody through the tool."""
    from tools.brief import CreativeBrief
    from tools.compose_melody import ComposeMelodyArgs, compose_melody
    from tools.protocol import ToolContext

    with tempfile.TemporaryDirectory() as tmp:
        ctx = ToolContext(brief=CreativeBrief(), out_dir=tmp, seed=seed)
        result = compose_melody(ComposeMelodyArgs(mood=mood, bars=8, new_variation=True), ctx)
    data = result.data
    notes, _ = phrase_window(data["events"])
    return transpose_notes(notes, data["shift"]), data["tonic_pitch_class"], data["mode"]


def first_window_draw(test: list[dict], count: int, seed: int) -> list[int]:
    """The held-out tunes the first sets drew (their first 128 steps, any ending): left out of later sets."""
    pool = [i for i, m in enumerate(test) if m["steps_per_bar"] == 16 and len(m["events"]) >= WINDOW]
    pool = [i for i in pool if len(events_to_notes(test[i]["events"][:WINDOW].tolist())) >= MIN_NOTES]
    return [int(i) for i in np.random.default_rng(seed).choice(pool, size=count, replace=False)]


def real_openings(corpus_path: str, count: int, seed: int, exclude=()) -> list[tuple[list, int, str, int]]:
    """`count` held-out 4/4 tunes drawn at random among those whose eighth bar ends a phrase, cut as ours are:
    (notes, tonic 0, mode, index in the split); `exclude`: (draw seed, count) of earlier sets' draws."""
    test = load_corpus(corpus_path)["test"]
    left_out = {i for draw, n in exclude for i in first_window_draw(test, n, draw)}
    pool, seen = [], set()
    for i, m in enumerate(test):
        if m["steps_per_bar"] != 16 or len(m["events"]) < WINDOW + 16 or i in left_out:
            continue
        notes, closes = phrase_window(m["events"].tolist())
        if closes and len(notes) >= MIN_NOTES and tuple(notes) not in seen:  # a tune in two collections: once
            seen.add(tuple(notes))
            pool.append((notes, 0, m["mode"], i))
    chosen = np.random.default_rng(seed).choice(len(pool), size=count, replace=False)
    return [pool[c] for c in chosen]


def composed_elsewhere(path: str) -> list[tuple[dict, list, int, str]]:
    """Pieces another checkout's tool composed for the same requests (the before row: `before` in the key), as a
    JSON list of {mood, seed, events, shift, tonic, mode, version}, cut as ours are."""
    with open(path) as f:
        items = json.load(f)
    out = []
    for r in items:
        notes, _ = phrase_window(r["events"])
        meta = {"source": "before", "version": r.get("version", "before"), "mood": r["mood"], "seed": r["seed"]}
        out.append(({**meta, "mode": r["mode"]}, transpose_notes(notes, r["shift"]), r["tonic"], r["mode"]))
    return out


def make(set_name: str, job: str, label: str, corpus_path: str, before: str | None = None) -> None:
    with open(REQUESTS) as f:
        spec = json.load(f)[set_name]
    pieces = composed_elsewhere(before) if before else []
    for r in spec["requests"]:
        notes, tonic, mode = compose(r["mood"], r["seed"])
        pieces.append(({"source": "ours", "version": label, **r, "mode": mode}, notes, tonic, mode))
    exclude = [tuple(e) for e in spec.get("exclude_draws", [])]
    for notes, tonic, mode, index in real_openings(corpus_path, len(spec["requests"]), spec["real_draw_seed"], exclude):
        pieces.append(({"source": "real", "test_index": index, "mode": mode}, notes, tonic, mode))
    order = np.random.default_rng(zlib.crc32(job.encode())).permutation(len(pieces))
    works = os.path.join(JUDGE_ROOT, job, "works")
    os.makedirs(works, exist_ok=True)
    os.makedirs(KEYS_ROOT, exist_ok=True)
    key = {}
    for slot, i in enumerate(order, start=1):
        meta, notes, tonic, mode = pieces[i]
        name = f"piece_{slot:02d}"
        with open(os.path.join(works, name + ".abc"), "w") as f:
            f.write(plain_abc(notes, tonic, mode, number=slot))
        key[name] = meta
    with open(os.path.join(JUDGE_ROOT, job, "rubric.md"), "w") as f:
        f.write(RUBRIC)
    with open(os.path.join(KEYS_ROOT, f"{job}.json"), "w") as f:
        json.dump({"set": set_name, "label": label, "pieces": key}, f, indent=2)
    print(f"{len(key)} pieces in {works}; key in {KEYS_ROOT}/{job}.json")


def summarise(verdicts: dict, key: dict) -> dict:
    """Per source: how many, share called 'person', mean musicality; and ours' (and the before version's) person
    rate over the real tunes' and musicality gap."""
    out = {}
    sources = [s for s in ("ours", "before", "real") if s != "before" or any(m["source"] == s for m in key.values())]
    for source in sources:
        names = [n for n, meta in key.items() if meta["source"] == source and n in verdicts]
        person = [verdicts[n]["verdict"].strip().lower() == "person" for n in names]
        music = [float(verdicts[n]["musicality"]) for n in names]
        out[source] = {"n": len(names), "person_rate": float(np.mean(person)), "musicality": float(np.mean(music))}
    real_rate = out["real"]["person_rate"]
    out["person_rate_ratio"] = out["ours"]["person_rate"] / real_rate if real_rate else None
    out["musicality_gap"] = out["real"]["musicality"] - out["ours"]["musicality"]
    if "before" in out:
        out["before_person_rate_ratio"] = out["before"]["person_rate"] / real_rate if real_rate else None
        out["before_musicality_gap"] = out["real"]["musicality"] - out["before"]["musicality"]
    return out


def score(job: str) -> None:
    with open(os.path.join(JUDGE_ROOT, job, "verdicts.json")) as f:
        verdicts = json.load(f)
    with open(os.path.join(KEYS_ROOT, f"{job}.json")) as f:
        key = json.load(f)
    result = summarise(verdicts, key["pieces"])
    shown = [s for s in ("ours", "before", "real") if s in result]
    rows = [[s, result[s]["n"], result[s]["person_rate"], result[s]["musicality"]] for s in shown]
    print_table(f"Blind judge {job} ({key['label']}, {key['set']} set)", ["source", "n", "person", "musicality"], rows)
    detail = {n: {**key["pieces"][n], **verdicts.get(n, {})} for n in key["pieces"]}
    write_json(f"melody_judge_{job}", {"job": job, **key, "summary": result, "pieces": detail})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make")
    m.add_argument("--set", choices=("test", "dev", "test_v3"), required=True)
    m.add_argument("--job", required=True)
    m.add_argument("--label", default="")
    m.add_argument("--corpus", default="data_cache/melody_corpus.npz")
    m.add_argument("--before", help="JSON of the same requests composed by the before version's tool")
    s = sub.add_parser("score")
    s.add_argument("--job", required=True)
    args = parser.parse_args()
    if args.command == "make":
        make(args.set, args.job, args.label or args.job, args.corpus, args.before)
    else:
        score(args.job)


if __name__ == "__main__":
    main()
