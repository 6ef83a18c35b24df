"""A quick development screen of the decoding rules: each case of a request set is planned (no tools run) and the
answer is checked against the case's `expect` at the level of calls: the works called, the painting's subject whole,
exact bpm and bars, key and mode, a text's form. Choose decoding rules on this, never on the frozen test set.

    python -m evals.routing_dev_plans [--set evals/data/routing_dev_decoding.jsonl] [--styles a,b]
"""

from __future__ import annotations

import argparse
import json
import os
import time

from assistant.calls import parse_plan
from assistant.orchestrators.base import PlanRequest
from assistant.orchestrators.local_lm import ADAPTERS, LocalLMOrchestrator
from evals.routing_outcomes import same_key, subject_kept
from tools.instruments import instrument_named
from tools.mood_lexicon import read_mood

DEV_SET = os.path.join(os.path.dirname(__file__), "data", "routing_dev_decoding.jsonl")
TOOL_KIND = {"compose_melody": "melody", "paint": "painting", "write_text": "text"}
RESTORES = ("undo", "go_to_version")  # a restore changes the work of its `kind`


CONTEXT_WORDS = (
    ("melody", ("melody", "tune", "music", "song", "fanfare", "lullaby", "waltz", "jingle", "bpm", "piece")),
    ("painting", ("paint", "picture")),
    ("text", ("poem", "haiku", "title", "description", "describe", "limerick", "verse")),
)


def works_named(turn: str) -> list[str]:
    return [k for k, words in CONTEXT_WORDS if any(w in turn.lower() for w in words)]


def request_of(case: dict) -> PlanRequest:
    """The case's request with version 1 of each work its context made (read from the context's words), the last
    context turn's works as the previous reply's (the state line's "Last:")."""
    context = case.get("context") or []
    works = works_named(" ".join(context))
    messages = (
        [{"role": "assistant", "content": " ".join(f"{k}_1" for k in works_named(context[-1]))}] if context else []
    )
    messages.append({"role": "user", "content": case["request"]})
    return PlanRequest(messages, {"bars": 8}, {k: f"{k}_1" for k in works})


def moved(args: dict, fields: tuple[str, ...], direction: str) -> bool:
    """The first of `fields` the call gives moves the way asked (a scale moves around 1, a change around 0); "not
    slower" and the like: anything but the other way, no change too."""
    if direction.startswith("not "):
        return not moved(args, fields, direction[4:])
    up = direction in ("faster", "longer", "brighter", "more")
    for field in fields:
        if (value := args.get(field)) is not None:
            origin = 1 if field == "tempo_scale" else 8 if field == "bars" else 0
            return value > origin if up else value < origin
    return False


def happier(args: dict, direction: str) -> bool:
    """The call moves the mood's valence the way asked: a valence change, or mood words on that side."""
    if (change := args.get("valence_change")) is not None:
        return change > 0 if direction == "up" else change < 0
    if args.get("mood"):
        valence = read_mood(args["mood"]).valence
        return valence > 0 if direction == "up" else valence < 0
    return False


def moods_are_moods(calls: dict[str, dict]) -> bool:
    """Every mood a call gives has a word our mood table knows ("quick", "big", "washed out" are no moods)."""
    return all(read_mood(a["mood"]).known for a in calls.values() if a.get("mood"))


def checks(case: dict, calls: dict[str, dict]) -> dict[str, bool]:
    """Per-setting checks of one plan against the case's expectation."""
    expect, out = case["expect"], {}
    out["works"] = set(calls) == set(expect.get("new", [])) | set(expect.get("changed", []))
    melody, painting, text = calls.get("melody", {}), calls.get("painting", {}), calls.get("text", {})
    for name, value in expect.get("melody", {}).items():
        if name == "tempo_bpm":
            out[name] = melody.get("tempo") == value
        elif name == "bars":
            out[name] = melody.get("bars") == value or 8 + melody.get("add_bars", 0) == value
        elif name == "key":
            out[name] = same_key(value, melody.get("key"))
        elif name == "mode":
            out[name] = melody.get("mode") == value
        elif name == "tempo":  # no tempo field: the arousal moves the tempo the mood gives
            out[name] = moved(melody, ("tempo_scale", "tempo_change", "arousal_change"), value)
        elif name == "length":
            out[name] = moved(melody, ("add_bars", "bars"), value)
        elif name == "valence":
            out[name] = happier(melody, value)
        elif name == "instrument":  # as the melody tool reads the name ("Klavier" is the piano)
            out[name] = value in str(instrument_named(str(melody.get("instrument", ""))) or "")
    if "subject" in expect.get("painting", {}):
        out["subject"] = subject_kept(expect["painting"]["subject"], painting.get("subject") or "")
    if "saturation" in expect.get("painting", {}):
        sign = painting.get("saturation_change", 0)
        out["saturation"] = sign < 0 if expect["painting"]["saturation"] == "less" else sign > 0
    if "brightness" in expect.get("painting", {}):
        out["brightness"] = moved(painting, ("brightness_change",), expect["painting"]["brightness"])
    if "valence" in expect.get("painting", {}):
        out["valence"] = happier(painting, expect["painting"]["valence"])
    out["mood_words"] = moods_are_moods(calls)
    form = expect.get("text", {}).get("form")
    if form:
        lines = form.split()[0]
        if lines.isdigit():
            out["form"] = text.get("lines") == int(lines)
        elif form == "rhyme":  # rhyme asked: rhyme on, or a rhyming form named
            out["form"] = bool(text.get("rhyme")) or text.get("form") in ("couplets", "abab")
        else:
            out["form"] = text.get("form") == form
    return out


def kind_of(name: str, args) -> str:
    """The work a call makes, changes or restores."""
    return args.kind if name in RESTORES else TOOL_KIND.get(name, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default=DEV_SET)
    parser.add_argument("--styles", default=None)
    args = parser.parse_args()
    with open(args.set) as f:
        cases = [json.loads(line) for line in f if line.strip()]
    if args.styles:
        cases = [c for c in cases if c["style"] in args.styles.split(",")]
    orchestrator = LocalLMOrchestrator(ADAPTERS["qwen"], base="qwen")
    right, seconds = 0, []
    for case in cases:
        t0 = time.perf_counter()
        raw = orchestrator.plan(request_of(case))
        seconds.append(time.perf_counter() - t0)
        plan = parse_plan(raw)
        calls = {kind_of(c.name, a): a.model_dump(exclude_defaults=True) for c, a in plan.calls}
        result = checks(case, calls)
        right += all(result.values())
        failed = [k for k, ok in result.items() if not ok]
        print(f"{'ok ' if not failed else 'BAD'} {seconds[-1]:5.1f}s {case['request']!r} -> {raw} {failed or ''}")
    seconds.sort()
    print(f"fully right {right}/{len(cases)}; median plan {seconds[len(seconds) // 2]:.2f} s, max {seconds[-1]:.2f} s")


if __name__ == "__main__":
    main()
