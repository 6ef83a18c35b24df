"""The tool-call corpus: requests paired with the exact compact calls expected, from templates.

Two disjoint pools: `train` and `heldout` use different sentence shapes AND different mood words,
colours, instruments and subjects, so held-out scores measure generalisation, not recall.

    python -m assistant.routing.corpus --out data_cache/routing  # writes train.jsonl and heldout.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
from dataclasses import dataclass

from assistant.routing.templates import (
    HELDOUT,
    KEY_WORDS,
    NUMBER_WORDS,
    ORDINALS,
    STYLE_WORDS,
    TEXT_KIND_WORDS,
    TRAIN_JOINS,
    TRAIN_PREFIXES,
    TRAIN_SUFFIXES,
    TRAIN_TEMPLATES,
    train_pool,
)


@dataclass
class Example:
    request: str
    calls: list


def pools() -> dict[str, dict]:
    return {"train": train_pool(), "heldout": HELDOUT}


def is_training_pool(pool: dict) -> bool:
    """Only the training pool has base moods (the held-out pool is small and fixed)."""
    return "base_moods" in pool


def _fill(rng: random.Random, pool: dict) -> dict:
    """Values for every template slot; the training pool draws numbers widely so they are copied, not recalled."""
    train = is_training_pool(pool)
    n = rng.randint(2, 16) if train else rng.choice([2, 4, 8])
    number = rng.randint(1, 4) if train else rng.choice([1, 2, 3])
    colour, colour2 = rng.sample(pool["colours"], 2)
    return dict(
        mood=rng.choice(pool["moods"]),
        colour=colour,
        colour2=colour2,
        instrument=rng.choice(pool["instruments"]),
        key=rng.choice(pool["keys"]),
        mode=rng.choice(["major", "minor"]),
        bpm=rng.randint(50, 180) if train else rng.choice([60, 72, 90, 100, 120, 140]),
        n=n,
        nw_value=(nw := rng.choice(list(NUMBER_WORDS))),
        nw=NUMBER_WORDS[nw],
        kind=rng.choice(["melody", "painting"]),
        number=number,
        ordinal=ORDINALS[number],
        subject=rng.choice(pool["subjects"]),
        text=rng.choice(["poem", "title"]),
        style=rng.choice(list(STYLE_WORDS)),
    )


def _melody_args(rng: random.Random, fill: dict) -> tuple[str, dict]:
    """' at 96 bpm in D minor on the cello'-like tails with the arguments they stand for."""
    parts, args = [], {}
    for slot in rng.sample(["tempo", "key", "instrument", "bars"], rng.randint(1, 3)):
        if slot == "tempo":
            parts.append(f" at {fill['bpm']} bpm")
            args["tempo"] = fill["bpm"]
        elif slot == "key":
            parts.append(f" in {fill['key']} {fill['mode']}")
            args.update(key=fill["key"], mode=fill["mode"])
        elif slot == "instrument":
            parts.append(f" on the {fill['instrument']}")
            args["instrument"] = fill["instrument"]
        else:
            parts.append(f", {fill['nw']} bars")
            args["bars"] = fill["nw_value"]
    return "".join(parts), args


def _key_text(rng: random.Random, key: str) -> str:
    return KEY_WORDS[key] if key in KEY_WORDS and rng.random() < 0.4 else key


def _calls(intent: str, template: str, fill: dict) -> list:
    """The exact calls a request of this intent asks for."""
    counted = "{n}" in template or "{nw}" in template
    bars_value = fill["n"] if "{n}" in template else fill["nw_value"]
    number = 1 if ("first" in template or "original" in template) else fill["number"]
    table = {
        "make_melody": [["compose_melody", {"mood": fill["mood"]}]],
        "make_painting": [["paint", {"mood": fill["mood"]}]],
        "make_both": [["compose_melody", {"mood": fill["mood"]}], ["paint", {}]],
        "make_all": [["compose_melody", {"mood": fill["mood"]}], ["paint", {}], ["write_text", {"kind": fill["text"]}]],
        "make_text": [["write_text", {"kind": "poem", "mood": fill["mood"], "subject": fill["subject"]}]],
        "paint_subject": [["paint", _only(fill, template, ("mood", "subject"))]],
        "paint_palette": [
            ["paint", {**_only(fill, template, ("mood", "subject")), "palette": [fill["colour"], fill["colour2"]]}]
        ],
        "palette": [["paint", {"palette": [fill["colour"], fill["colour2"]]}]],
        "slower": [["compose_melody", {"tempo_scale": 0.8}]],
        "faster": [["compose_melody", {"tempo_scale": 1.25}]],
        "longer": [["compose_melody", {"add_bars": bars_value if counted else 4}]],
        "more_colour": [["paint", {"emphasize_colour": fill["colour"]}]],
        "brighter": [["paint", {"brightness_change": 0.3}]],
        "darker": [["paint", {"brightness_change": -0.3}]],
        "vivid": [["paint", {"saturation_change": 0.3}]],
        "muted": [["paint", {"saturation_change": -0.3}]],
        "calmer": [["compose_melody", {"arousal_change": -0.3}]],
        "calmer_painting": [["paint", {"arousal_change": -0.3}]],
        "energetic": [["compose_melody", {"arousal_change": 0.3}]],
        "energetic_painting": [["paint", {"arousal_change": 0.3}]],
        "happier": [["compose_melody", {"valence_change": 0.3}]],
        "happier_painting": [["paint", {"valence_change": 0.3}]],
        "sadder": [["compose_melody", {"valence_change": -0.3}]],
        "sadder_painting": [["paint", {"valence_change": -0.3}]],
        "new_melody": [["compose_melody", {"new_variation": True}]],
        "new_painting": [["paint", {"new_variation": True}]],
        "new_text": [["write_text", {"kind": fill["text"], "new_variation": True}]],
        "instrument": [["compose_melody", {"instrument": fill["instrument"]}]],
        "key": [["compose_melody", {"key": fill["key"], "mode": fill["mode"]}]],
        "key_only": [["compose_melody", {"key": fill["key"]}]],
        "mode_only": [["compose_melody", {"mode": fill["mode"]}]],
        "tempo": [["compose_melody", {"tempo": fill["bpm"]}]],
        "bars": [["compose_melody", {"bars": bars_value}]],
        "style": [["paint", {"style": fill["style"]}]],
        "poem": [["write_text", {"kind": "poem"}]],
        "poem_lines": [["write_text", {"kind": "poem", "lines": bars_value}]],
        "poem_subject": [["write_text", {"kind": "poem", "subject": fill["subject"]}]],
        "rhyme_subject": [["write_text", {"kind": "poem", "rhyme": True, "subject": fill["subject"]}]],
        "melody_instrument": [["compose_melody", {"mood": fill["mood"], "instrument": fill["instrument"]}]],
        "rhyme": [["write_text", {"kind": "poem", "rhyme": True}]],
        "title": [["write_text", {"kind": "title"}]],
        "description": [["write_text", {"kind": "description"}]],
        "undo": [["undo", {"kind": fill["kind"]}]],
        "go_to": [["go_to_version", {"kind": fill["kind"], "number": number}]],
        "restraint": [],
        "app_help": [],
    }
    return table[intent]


def _only(fill: dict, template: str, slots: tuple[str, ...]) -> dict:
    return {slot: fill[slot] for slot in slots if "{" + slot + "}" in template}


def _intent(rng: random.Random, pool: dict, intent: str) -> Example:
    template = rng.choice(pool[intent])
    fill = _fill(rng, pool)
    if intent == "poem_lines":
        fill["n"] = min(8, fill["n"]) if fill["n"] >= 2 else 4
        fill["nw_value"] = rng.choice([2, 3, 4, 5, 6, 8])
        fill["nw"] = NUMBER_WORDS[fill["nw_value"]]
    if intent in ("key", "key_only"):
        fill = {**fill, "key_text": _key_text(rng, fill["key"])}
        template = template.replace("{key}", "{key_text}")
    if intent in ("undo", "go_to") and is_training_pool(pool) and rng.random() < 0.25:
        fill = {**fill, "kind": "text", "kind_text": rng.choice(TEXT_KIND_WORDS)}
        template = template.replace("{kind}", "{kind_text}")
    if intent == "style":
        fill = {**fill, "style_text": rng.choice(STYLE_WORDS[fill["style"]])}
        template = template.replace("{style}", "{style_text}")
    if intent == "melody_full":
        fill["args"], args = _melody_args(rng, fill)
        calls = [["compose_melody", {"mood": fill["mood"], **args}]]
    else:
        calls = _calls(intent, template, fill)
    text = re.sub(r"\b([Aa]) ([aeiou])", r"\1n \2", template.format(**fill))
    return Example(text, calls)


WEIGHTS = {"make_both": 4, "make_melody": 3, "make_painting": 3, "restraint": 6, "melody_full": 2, "app_help": 4}
COMBINABLE_FIRST = ["make_melody", "make_painting", "make_both", "slower", "faster", "instrument", "longer", "darker"]
COMBINABLE_NEXT = ["poem", "title", "more_colour", "darker", "brighter", "slower", "instrument", "tempo", "description"]
TRAIN_COMBINABLE_NEXT = ["faster", "longer", "poem_subject"]  # training only: the held-out split stays as it was


def combined(rng: random.Random, pool: dict) -> Example:
    """Two or three requests joined ('a sad tune and a title', 'slower, more blue')."""
    train = is_training_pool(pool)
    nexts = [i for i in COMBINABLE_NEXT + (TRAIN_COMBINABLE_NEXT if train else []) if i in pool]
    first = _intent(rng, pool, rng.choice([i for i in COMBINABLE_FIRST if i in pool]))
    parts = [first] + [
        _intent(rng, pool, rng.choice(nexts)) for _ in range(1 if rng.random() < 0.8 or not train else 2)
    ]
    joins = TRAIN_JOINS if train else [" and "]
    text = parts[0].request + "".join(rng.choice(joins) + p.request for p in parts[1:])
    return Example(text, [c for p in parts for c in p.calls])


def _decorate(rng: random.Random, ex: Example, train: bool) -> Example:
    """Capitals and end punctuation on both splits; on training requests also fillers before and after."""
    text = ex.request
    if train and rng.random() < 0.2:
        text = rng.choice(TRAIN_PREFIXES) + text
    if train and rng.random() < 0.2:
        text = text.rstrip("?!.") + rng.choice(TRAIN_SUFFIXES)
    if rng.random() < 0.15:
        text = text[:1].upper() + text[1:] + rng.choice(["", ".", "!"])
    return Example(text, ex.calls)


def generate(split: str, n: int, seed: int = 0, exclude: set[str] | None = None) -> list[Example]:
    """n examples of a split; requests in `exclude` (e.g. the hand-written test set) are skipped."""
    rng = random.Random(f"{split}-{seed}")
    pool = pools()[split]
    train = split == "train"
    intents = [i for i in INTENTS if i in pool for _ in range(WEIGHTS.get(i, 1))]
    skip = {normalise_request(r) for r in exclude or ()}
    out = []
    while len(out) < n:
        ex = combined(rng, pool) if rng.random() < 0.15 else _intent(rng, pool, rng.choice(intents))
        ex = _decorate(rng, ex, train)
        if normalise_request(ex.request) not in skip:
            out.append(ex)
    return out


def normalise_request(text: str) -> str:
    return " ".join(text.lower().strip(" .!?").split())


INTENTS = list(TRAIN_TEMPLATES)


def compact(calls: list) -> str:
    return json.dumps(calls, separators=(", ", ": "))


def prompt_for(request: str) -> str:
    """The prompt the tuned orchestrator sees (and is trained on): one request, no examples."""
    return f"Request: {' '.join(request.split())}\nCalls:"


def write_jsonl(examples: list[Example], path: str) -> None:
    with open(path, "w") as f:
        for ex in examples:
            row = {
                "request": ex.request,
                "calls": ex.calls,
                "prompt": prompt_for(ex.request),
                "completion": " " + compact(ex.calls),
            }
            f.write(json.dumps(row) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="data_cache/routing")
    parser.add_argument("--train", type=int, default=8000)
    parser.add_argument("--heldout", type=int, default=400)
    parser.add_argument("--exclude", default="evals/data/routing_handwritten.jsonl", help="requests kept out of train")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    exclude = {json.loads(line)["request"] for line in open(args.exclude) if line.strip()} if args.exclude else set()
    write_jsonl(generate("train", args.train, exclude=exclude), os.path.join(args.out, "train.jsonl"))
    write_jsonl(generate("heldout", args.heldout), os.path.join(args.out, "heldout.jsonl"))
    print(f"wrote {args.train} train and {args.heldout} held-out examples to {args.out}")


if __name__ == "__main__":
    main()
