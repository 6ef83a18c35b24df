"""Routing by outcome: each request of a frozen set goes through the real turn loop (its earlier turns first), and
what the studio then holds is checked against what a perfect studio would hold.

    python -m evals.routing_outcomes [--set evals/data/routing_test_v3.jsonl] [--dialogues FILE] [--every N]
        [--limit N] [--backend qwen-lora] [--no-dialogues] [--strided 8] [--rows-out FILE] [--summarise FILE]

`--strided 8` scores every 8th case first, then the next offset, and so on (the whole set in the end), and
`--rows-out` appends each row as it is scored: a run cut short still gives a figure on an even sample of the set,
which `--summarise` prints from the rows file.

A case is right when exactly the works it names are made or changed (nothing unasked) and every setting it gives
holds on the version on screen: exact bpm and bars, keys and modes as written, the painting's subject whole, a
colour led, brighter / slower / longer than before (a new melody: than its own mood's tempo and the default
length; "not slower" and the like accept no change). Unlike `routing_report`, the calls themselves are not compared,
so any call sequence that ends where a person wanted counts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable

import numpy as np

from assistant.orchestrators.base import Orchestrator
from assistant.session import Session
from assistant.turn import VersionMade, run_turn
from evals.common import median_ms, print_table, write_json
from evals.routing_report import backends, played
from tools.brief import CreativeBrief
from tools.mood_lexicon import read_mood
from tools.mood_mapping import mood_tempo

DATA = os.path.join(os.path.dirname(__file__), "data")
TEST_SET = os.path.join(DATA, "routing_test_v3.jsonl")
TEST_DIALOGUES = os.path.join(DATA, "routing_dialogues_v3.json")
KINDS = ("melody", "painting", "text")
ARTICLES = re.compile(r"\b(a|an|the|some)\b")
ENHARMONIC = {"A#": "Bb", "C#": "Db", "D#": "Eb", "F#": "Gb", "G#": "Ab"}


def words(text: str) -> str:
    """Lower case, articles and punctuation gone, one space between words."""
    text = ARTICLES.sub(" ", re.sub(r"[^\w\s']", " ", (text or "").lower()))
    return " ".join(text.split())


def subject_kept(expected: str, got: str) -> bool:
    """The subject arrived whole: every word of the asked subject is in what the painter was given."""
    return set(words(expected).split()) <= set(words(got).split())


def same_key(expected: str, got: str | None) -> bool:
    norm = lambda k: ENHARMONIC.get(k.strip().replace("♭", "b").replace("♯", "#").capitalize(), k.strip().capitalize())
    return got is not None and norm(expected) == norm(got)


def mood_close(expected: str, version) -> bool:
    """The version's valence and arousal lie near the asked mood word's (synonyms count: happy ~ joyful)."""
    reading = read_mood(expected)
    if not reading.known:
        return expected.lower() in (version.brief.mood or "").lower()
    valence, arousal = reading.valence, reading.arousal
    return abs(version.brief.valence - valence) <= 0.45 and abs(version.brief.arousal - arousal) <= 0.6


DOWN = ("slower", "shorter", "darker", "less")


def moved(mine, theirs, direction: str) -> bool:
    """`mine` went the asked way from `theirs` (slower/shorter/darker/less: down; the rest up); "not slower" and
    the like: anything but the other way."""
    if mine is None or theirs is None:
        return False
    if direction.startswith("not "):
        return not moved(mine, theirs, direction[4:])
    return mine < theirs if direction in DOWN else mine > theirs


def relative(version, parent, value: Callable, direction: str) -> bool:
    """`value(version)` moved the asked way from the parent's."""
    return parent is not None and moved(value(version), value(parent), direction)


def own_tempo(version) -> int:
    """The tempo a melody's mood alone gives (what a new melody is faster or slower than)."""
    return mood_tempo(version.brief.valence, version.brief.arousal)


def melody_moved(v, parent, field: str, direction: str) -> bool:
    """The melody's tempo or bars moved the asked way: from its parent's, or, for a new melody, from its mood's
    tempo and the default length."""
    if parent is not None:
        return relative(v, parent, lambda x: x.data.get(field), direction)
    default = own_tempo(v) if field == "tempo" else CreativeBrief.model_fields["bars"].default
    return moved(v.data.get(field), default, direction)


def melody_checks(expect: dict, v, parent) -> dict[str, bool]:
    out = {}
    data = v.data
    if "tempo_bpm" in expect:
        out["tempo_bpm"] = data.get("tempo") == expect["tempo_bpm"]
    if "tempo" in expect:
        out["tempo"] = melody_moved(v, parent, "tempo", expect["tempo"])
    if "bars" in expect:
        out["bars"] = data.get("bars") == expect["bars"]
    if "length" in expect:
        out["length"] = melody_moved(v, parent, "bars", expect["length"])
    if "key" in expect:
        out["key"] = same_key(expect["key"], data.get("tonic"))
    if "mode" in expect:
        out["mode"] = data.get("mode") == expect["mode"]
    if "instrument" in expect:
        out["instrument"] = expect["instrument"].lower() in str(data.get("instrument", "")).lower()
    if "mood" in expect:
        out["mood"] = mood_close(expect["mood"], v)
    return out


def painting_checks(expect: dict, v, parent) -> dict[str, bool]:
    out = {}
    if "subject" in expect:
        out["subject"] = subject_kept(expect["subject"], v.brief.subject)
    if "colour" in expect:
        out["colour"] = any(expect["colour"].lower() in c.lower() for c in v.brief.palette[:2])
    if "brightness" in expect:
        out["brightness"] = relative(v, parent, lambda x: x.brief.brightness_offset, expect["brightness"])
    if "saturation" in expect:
        out["saturation"] = relative(v, parent, lambda x: x.brief.saturation_offset, expect["saturation"])
    if "mood" in expect:
        out["mood"] = mood_close(expect["mood"], v)
    return out


def text_checks(expect: dict, v, parent) -> dict[str, bool]:
    out = {}
    if "kind" in expect:
        kind = v.data.get("kind") or v.arguments.get("kind", "poem")
        out["kind"] = kind == expect["kind"]
    form = str(expect.get("form", ""))
    if m := re.match(r"(\d+) lines", form):
        lines = [line for line in (v.text or "").splitlines() if line.strip()]
        out["lines"] = len(lines) == int(m.group(1))
    return out


CHECKS = {"melody": melody_checks, "painting": painting_checks, "text": text_checks}


def turn_versions(session: Session, message: str, orchestrator: Orchestrator) -> tuple[list, float]:
    made, seconds, _ = timed_turn(session, message, orchestrator)
    return made, seconds


def timed_turn(session: Session, message: str, orchestrator: Orchestrator) -> tuple[list, float, float]:
    """The versions a turn made, its wall-clock seconds and this process's CPU seconds (on a shared machine the
    CPU time is the steadier figure)."""
    t0, c0 = time.perf_counter(), time.process_time()
    made = [e.version for e in run_turn(session, message, orchestrator) if isinstance(e, VersionMade)]
    return made, time.perf_counter() - t0, time.process_time() - c0


def score_case(orchestrator: Orchestrator, case: dict, root: str) -> dict:
    session = Session.create(root)
    for turn in case.get("context") or []:
        turn_versions(session, turn, orchestrator)
    before = dict(session.heads)
    made, seconds, cpu_seconds = timed_turn(session, case["request"], orchestrator)
    expect = case["expect"]
    touched = {v.kind for v in made}
    asked = set(expect.get("new", [])) | set(expect.get("changed", []))
    checks: dict[str, bool] = {}
    for kind in sorted(asked & touched):
        v = session.current(kind)
        parent = session.versions.get(before[kind]) if kind in before else None
        checks.update({f"{kind}.{k}": ok for k, ok in CHECKS[kind](expect.get(kind, {}), v, parent).items()})
    subject = expect.get("painting", {}).get("subject")
    return {
        "id": case.get("id"),
        "style": case.get("style", ""),
        "request": case["request"],
        "made": sorted(touched),
        "asked": sorted(asked),
        "checks": checks,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "right_works": touched == asked,
        "unasked": bool(touched - asked),
        "fully_right": touched == asked and all(checks.values()),
        "subject_case": subject is not None,
        "subject_kept": checks.get("painting.subject", False) if subject else None,
    }


def summarise(rows: list[dict]) -> dict:
    subject_rows = [r for r in rows if r["subject_case"]]
    return {
        "cases": len(rows),
        "right_works": float(np.mean([r["right_works"] for r in rows])),
        "fully_right": float(np.mean([r["fully_right"] for r in rows])),
        "no_unasked_work": float(np.mean([not r["unasked"] for r in rows])),
        "subject_kept": float(np.mean([r["subject_kept"] for r in subject_rows])) if subject_rows else None,
        "median_turn_ms": median_ms([r["seconds"] for r in rows]),
        "p95_turn_ms": float(np.percentile([r["seconds"] for r in rows], 95) * 1000),
        **cpu_times(rows),
    }


def cpu_times(rows: list[dict]) -> dict:
    cpu = [r["cpu_seconds"] for r in rows if "cpu_seconds" in r]
    if not cpu:
        return {}
    return {"median_turn_cpu_ms": median_ms(cpu), "p95_turn_cpu_ms": float(np.percentile(cpu, 95) * 1000)}


def dialogue_right(session: Session, expect: dict) -> bool:
    """End state: which works exist and how many versions each (restores add none)."""
    counts = {kind: len(session.of_kind(kind)) for kind in KINDS if session.of_kind(kind)}
    return counts == expect.get("works", counts)


def score_dialogues(orchestrator: Orchestrator, path: str, root: str, rows_out: str | None = None) -> dict:
    with open(path) as f:
        dialogues = json.load(f)
    right = []
    for i, dialogue in enumerate(dialogues):
        right.append(dialogue_right(played(orchestrator, dialogue["turns"], root), dialogue.get("expect_end", {})))
        if rows_out:
            with open(rows_out, "a") as out:
                out.write(json.dumps({"dialogue": i, "right": right[-1]}) + "\n")
    return {"dialogues": len(right), "right_by_version_counts": float(np.mean(right)), "per_dialogue": right}


def strided(cases: list[dict], stride: int) -> list[dict]:
    """Every `stride`-th case first (offset 0: the every-8th sample), then offset 1, ...: all cases, reordered."""
    return [case for offset in range(stride) for case in cases[offset::stride]]


def print_summary(name: str, label: str, rows: list[dict]) -> None:
    styles = {s: summarise([r for r in rows if r["style"] == s]) for s in sorted({r["style"] for r in rows})}
    print_table(f"By style: {name}", ["style", *summarise(rows)], [[s, *t.values()] for s, t in styles.items()])
    print_table(f"Routing by outcome: {name} | {label}", list(summarise(rows)), [list(summarise(rows).values())])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default=TEST_SET)
    parser.add_argument("--dialogues", default=TEST_DIALOGUES)
    parser.add_argument("--backend", default="qwen-lora")
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-dialogues", action="store_true")
    parser.add_argument("--strided", type=int, default=1, help="score every n-th case first, then the next offset")
    parser.add_argument("--rows-out", default=None, help="append each scored row to this JSONL file")
    parser.add_argument("--summarise", default=None, help="only print the summary of a rows file")
    parser.add_argument("--dialogues-only", action="store_true", help="score the dialogues only")
    parser.add_argument(
        "--before",
        default=None,
        help="with --summarise: rows of an earlier run (JSON with 'rows' "
        "under 'after'), both summarised on the cases they share",
    )
    args = parser.parse_args()
    if args.summarise:
        with open(args.summarise) as f:
            rows = [json.loads(line) for line in f if line.strip()]
        talks = [r["right"] for r in rows if "dialogue" in r]
        rows = [r for r in rows if "dialogue" not in r]
        if args.before:
            with open(args.before) as f:
                earlier = {r["id"]: r for r in json.load(f)["after"]["rows"]}
            rows = [r for r in rows if r["id"] in earlier]
            print_summary("before", args.before, [earlier[r["id"]] for r in rows])
        if rows:
            print_summary(args.backend, args.summarise, rows)
        if talks:
            print(f"dialogues right by end state: {np.mean(talks):.3f} of {len(talks)}")
        return
    (name, orchestrator), *_ = backends([args.backend]).items()
    if args.dialogues_only:
        with tempfile.TemporaryDirectory() as root:
            result = score_dialogues(orchestrator, args.dialogues, root, args.rows_out)
        print(f"dialogues right by end state: {result['right_by_version_counts']:.3f} of {result['dialogues']}")
        return
    with open(args.set) as f:
        cases = strided([json.loads(line) for line in f if line.strip()][:: args.every], args.strided)[: args.limit]
    rows = []
    with tempfile.TemporaryDirectory() as root:
        for i, case in enumerate(cases, 1):
            rows.append(score_case(orchestrator, case, root))
            if args.rows_out:
                with open(args.rows_out, "a") as out:
                    out.write(json.dumps(rows[-1]) + "\n")
            if i % 20 == 0:
                print(
                    f"  {i}/{len(cases)}, fully right so far {np.mean([r['fully_right'] for r in rows]):.2f}",
                    file=sys.stderr,
                    flush=True,
                )
        dialogues = {} if args.no_dialogues else score_dialogues(orchestrator, args.dialogues, root, args.rows_out)
    styles = {s: summarise([r for r in rows if r["style"] == s]) for s in sorted({r["style"] for r in rows})}
    print_summary(name, os.path.basename(args.set), rows)
    if dialogues:
        print(f"dialogues right by end state: {dialogues['right_by_version_counts']:.3f} of {dialogues['dialogues']}")
    write_json(
        "routing_outcomes",
        {
            "backend": name,
            "set": args.set,
            "summary": summarise(rows),
            "by_style": styles,
            "dialogues": dialogues,
            "rows": rows,
        },
    )


if __name__ == "__main__":
    main()
