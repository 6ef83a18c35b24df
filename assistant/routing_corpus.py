"""The tool-call corpus: requests paired with the exact compact calls expected, from templates.

Two disjoint pools: `train` and `heldout` use different sentence shapes AND different mood words,
colours, instruments and subjects, so held-out scores measure generalisation, not recall.

    python -m assistant.routing_corpus --out data_cache/routing  # writes train.jsonl and heldout.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
from dataclasses import dataclass

NUMBER_WORDS = {
    2: "two",
    4: "four",
    6: "six",
    8: "eight",
    12: "twelve",
    16: "sixteen",
    24: "twenty-four",
    32: "thirty-two",
}
POOLS = {
    "train": {
        "moods": [
            "melancholic",
            "joyful",
            "calm",
            "energetic",
            "sad",
            "happy",
            "peaceful",
            "tense",
            "gloomy",
            "cheerful",
            "dreamy",
            "angry",
            "nostalgic",
            "hopeful",
            "mysterious",
            "romantic",
            "playful",
        ],
        "colours": ["blue", "red", "gold", "green", "purple", "orange", "teal", "grey", "pink", "navy"],
        "instruments": ["piano", "violin", "flute", "cello", "guitar", "harp", "clarinet", "organ"],
        "subjects": ["the sea", "a forest", "the city at night", "a winter morning", "the desert", "a garden"],
        "keys": ["C", "D", "E", "F", "G", "A", "Bb"],
        "make_melody": [
            "make a {mood} melody",
            "compose something {mood}",
            "I want a {mood} tune",
            "write me a {mood} song",
            "a {mood} melody please",
            "can you compose a {mood} piece?",
        ],
        "make_painting": [
            "paint something {mood}",
            "make a {mood} painting",
            "I'd like a {mood} picture",
            "paint a {mood} image",
            "create a {mood} painting please",
        ],
        "make_both": [
            "make a {mood} melody and matching painting",
            "a {mood} tune and a painting to match",
            "compose a {mood} melody and paint it too",
            "{mood} music and a picture that goes with it",
        ],
        "slower": ["slower", "slow it down", "make it slower", "a bit slower please", "less fast"],
        "faster": ["faster", "speed it up", "make it faster", "quicker please"],
        "longer": ["make it longer", "longer please", "extend the melody", "add {n} more bars"],
        "more_colour": [
            "more {colour}",
            "add more {colour}",
            "make the painting more {colour}",
            "I want more {colour}",
        ],
        "brighter": ["brighter", "make it brighter", "lighten the painting"],
        "darker": ["darker", "make the painting darker", "darken it"],
        "calmer": ["calmer", "make it calmer", "more relaxed please"],
        "happier": ["happier", "make it happier", "more cheerful please"],
        "new_melody": ["another melody", "try a different melody", "new variation of the melody"],
        "new_painting": ["another painting", "try a different painting", "new variation of the painting"],
        "instrument": ["play it on the {instrument}", "switch to {instrument}", "use a {instrument}"],
        "key": ["in {key} {mode}", "change the key to {key} {mode}", "put it in {key} {mode}"],
        "tempo": ["at {bpm} bpm", "set the tempo to {bpm}", "make it {bpm} beats per minute"],
        "bars": ["{nw} bars", "make it {nw} bars long", "{n} bars please"],
        "poem": ["write a poem", "a short poem for it", "add a poem", "and a poem too"],
        "title": ["give it a title", "what should it be called? write a title", "a title please"],
        "description": ["describe it", "write a description", "a short description please"],
        "undo": ["undo the {kind}", "undo that {kind} change", "revert the {kind}"],
        "go_to": ["go back to the first {kind}", "back to {kind} {number}", "show {kind} {number} again"],
        "restraint": [
            "hello",
            "hi!",
            "thanks",
            "thank you so much",
            "what can you do?",
            "how does this work?",
            "who are you?",
            "nice",
            "cool, I like it",
            "good morning",
            "ok",
            "bye",
        ],
    },
    "heldout": {
        "moods": [
            "sorrowful",
            "elated",
            "serene",
            "frantic",
            "wistful",
            "triumphant",
            "eerie",
            "tender",
            "bittersweet",
            "lonely",
            "majestic",
            "whimsical",
        ],
        "colours": ["crimson", "emerald", "amber", "violet", "turquoise", "silver"],
        "instruments": ["trumpet", "oboe", "marimba", "saxophone", "bassoon"],
        "subjects": ["an old harbour", "mountains at dawn", "a rainy street", "the northern lights"],
        "keys": ["Eb", "B", "F#", "Ab", "C#"],
        "make_melody": [
            "could you come up with a {mood} melody",
            "I'm in the mood for a {mood} tune",
            "let's hear something {mood}",
            "generate a {mood} piece of music",
        ],
        "make_painting": [
            "show me a {mood} painting",
            "could you paint something that feels {mood}",
            "I need a {mood} artwork",
        ],
        "make_both": [
            "give me a {mood} melody plus a painting in the same mood",
            "I'd love {mood} music with an image to go along",
            "both please: a {mood} tune and matching artwork",
        ],
        "slower": ["take it down a notch in tempo", "could it be more slow?", "reduce the speed"],
        "faster": ["pick up the pace", "can it go quicker?", "more tempo please"],
        "longer": ["keep it going for longer", "continue the melody", "I'd like it to be longer"],
        "more_colour": ["push it towards {colour}", "bring in more {colour}", "could there be more {colour}?"],
        "brighter": ["lighter please", "more light in the painting"],
        "darker": ["could it be darker?", "dim the painting"],
        "calmer": ["tone it down, calmer", "could it feel more relaxed?"],
        "happier": ["more joy please", "could it feel happier?"],
        "new_melody": ["a fresh take on the melody", "give me a different tune with the same settings"],
        "new_painting": ["a fresh take on the painting", "paint another version with a new composition"],
        "instrument": ["what would it sound like on a {instrument}?", "give it to the {instrument}"],
        "key": ["transpose to {key} {mode}", "could it be in {key} {mode}?"],
        "tempo": ["I want {bpm} bpm", "tempo {bpm} please"],
        "bars": ["just {nw} bars", "{nw} bars long please"],
        "poem": ["some verses about it please", "could you write a little poem?"],
        "title": ["name this piece", "it needs a name, suggest a title"],
        "description": ["tell me about what you made", "could you describe the works?"],
        "undo": ["take back the last {kind} change", "revert that {kind}"],
        "go_to": ["return to the original {kind}", "let me see {kind} number {number}"],
        "restraint": [
            "hey there",
            "cheers!",
            "what is this app?",
            "is this free?",
            "great job",
            "see you later",
            "how are you?",
            "can you explain the panel?",
        ],
    },
}


@dataclass
class Example:
    request: str
    calls: list


def _pick(rng: random.Random, pool: dict, key: str) -> str:
    return rng.choice(pool[key])


def _intent(rng: random.Random, pool: dict, intent: str) -> Example:
    t = _pick(rng, pool, intent)
    mood, colour = _pick(rng, pool, "moods"), _pick(rng, pool, "colours")
    kind = rng.choice(["melody", "painting"])
    n = rng.choice([2, 4, 8])
    nw = rng.choice(list(NUMBER_WORDS))
    fill = dict(
        mood=mood,
        colour=colour,
        instrument=_pick(rng, pool, "instruments"),
        key=_pick(rng, pool, "keys"),
        mode=rng.choice(["major", "minor"]),
        bpm=rng.choice([60, 72, 90, 100, 120, 140]),
        n=n,
        nw=NUMBER_WORDS[nw],
        kind=kind,
        number=rng.choice([1, 2, 3]),
    )
    text = re.sub(r"\ba ([aeiou])", r"an \1", t.format(**fill))
    if "first" in t or "original" in t:
        fill["number"] = 1
    calls = {
        "make_melody": [["compose_melody", {"mood": mood}]],
        "make_painting": [["paint", {"mood": mood}]],
        "make_both": [["compose_melody", {"mood": mood}], ["paint", {}]],
        "slower": [["compose_melody", {"tempo_scale": 0.8}]],
        "faster": [["compose_melody", {"tempo_scale": 1.25}]],
        "longer": [["compose_melody", {"add_bars": n if "{n}" in t else 4}]],
        "more_colour": [["paint", {"emphasize_colour": colour}]],
        "brighter": [["paint", {"brightness_change": 0.3}]],
        "darker": [["paint", {"brightness_change": -0.3}]],
        "calmer": [["compose_melody", {"arousal_change": -0.3}]],
        "happier": [["compose_melody", {"valence_change": 0.3}]],
        "new_melody": [["compose_melody", {"new_variation": True}]],
        "new_painting": [["paint", {"new_variation": True}]],
        "instrument": [["compose_melody", {"instrument": fill["instrument"]}]],
        "key": [["compose_melody", {"key": fill["key"], "mode": fill["mode"]}]],
        "tempo": [["compose_melody", {"tempo": fill["bpm"]}]],
        "bars": [["compose_melody", {"bars": n if "{n}" in t else nw}]],
        "poem": [["write_text", {"kind": "poem"}]],
        "title": [["write_text", {"kind": "title"}]],
        "description": [["write_text", {"kind": "description"}]],
        "undo": [["undo", {"kind": kind}]],
        "go_to": [["go_to_version", {"kind": kind, "number": fill["number"]}]],
        "restraint": [],
    }[intent]
    return Example(text, calls)


INTENTS = [
    "make_melody",
    "make_painting",
    "make_both",
    "slower",
    "faster",
    "longer",
    "more_colour",
    "brighter",
    "darker",
    "calmer",
    "happier",
    "new_melody",
    "new_painting",
    "instrument",
    "key",
    "tempo",
    "bars",
    "poem",
    "title",
    "description",
    "undo",
    "go_to",
    "restraint",
]
WEIGHTS = {"make_both": 3, "make_melody": 2, "make_painting": 2, "restraint": 4}


def combined(rng: random.Random, pool: dict) -> Example:
    """Two requests joined by 'and' (a creation plus a text, or two refinements)."""
    a = _intent(rng, pool, rng.choice(["make_melody", "make_painting", "make_both", "slower", "instrument"]))
    b = _intent(rng, pool, rng.choice(["poem", "title", "more_colour", "darker"]))
    return Example(f"{a.request} and {b.request}", a.calls + b.calls)


def generate(split: str, n: int, seed: int = 0) -> list[Example]:
    rng = random.Random(f"{split}-{seed}")
    pool = POOLS[split]
    intents = [i for i in INTENTS for _ in range(WEIGHTS.get(i, 1))]
    out = []
    for _ in range(n):
        ex = combined(rng, pool) if rng.random() < 0.12 else _intent(rng, pool, rng.choice(intents))
        if rng.random() < 0.15:
            ex.request = ex.request.capitalize() + rng.choice(["", ".", "!"])
        out.append(ex)
    return out


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
    parser.add_argument("--train", type=int, default=3000)
    parser.add_argument("--heldout", type=int, default=400)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    write_jsonl(generate("train", args.train), os.path.join(args.out, "train.jsonl"))
    write_jsonl(generate("heldout", args.heldout), os.path.join(args.out, "heldout.jsonl"))
    print(f"wrote {args.train} train and {args.heldout} held-out examples to {args.out}")


if __name__ == "__main__":
    main()
