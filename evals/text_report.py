"""Text report: poems, titles and descriptions per mood from Gemma 3 270M, for four options: one sample
as it comes, and our pipeline (candidates, checks, mood ranking, one retry) decoded by transformers'
`generate`, or by our sampler over plain-text tokens with and without poems shaped into lines; with
distinct-n, repeated lines, length in bounds, texts not cut off mid-phrase, prompt leakage, mood agreement
and time per text.

    python -m evals.text_report [--seeds 8] [--kinds poem] [--options 0,3]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from evals.common import median_ms, print_table, write_json
from models.language.shared_lm import model_and_tokenizer
from models.language.text_generation import SamplingSettings, generate_texts
from tools.brief import BriefChanges, CreativeBrief, apply_changes
from tools.text_prompts import STOP_STRINGS, mood_region, prompt_prefix, request_text
from tools.write_text import MAX_TOKENS, check, clean_text, describe_music, write

MOODS = ("melancholic", "joyful", "calm", "tense")
SUBJECTS = ("the sea at night", "a city in the rain", "an old garden", "a mountain road")


def single_sample(kind: str, brief: CreativeBrief, seed: int):
    """The baseline option: one sample, no checks, no ranking."""
    model, tokenizer = model_and_tokenizer()
    request = request_text(kind, brief.mood, brief.subject, ", ".join(brief.palette) or "any", describe_music(brief))
    settings = SamplingSettings(max_new_tokens=MAX_TOKENS[kind], seed=seed, candidates=1)
    prefix = prompt_prefix(kind, mood_region(brief.valence, brief.arousal))
    raw = generate_texts(model, tokenizer, prefix, request, settings, STOP_STRINGS)[0]
    return check(clean_text(raw, kind, 4), kind, 4, brief.valence)


def distinct_n(texts: list[str], n: int) -> float:
    grams = [tuple(t.lower().split()[i : i + n]) for t in texts for i in range(max(0, len(t.split()) - n + 1))]
    return len(set(grams)) / max(1, len(grams))


def run_option(name: str, fn, kind: str, seeds: int) -> dict:
    rows, times = [], []
    for mood in MOODS:
        for seed in range(1, seeds + 1):
            brief = apply_changes(CreativeBrief(subject=SUBJECTS[seed % len(SUBJECTS)]), BriefChanges(mood=mood))[0]
            t0 = time.perf_counter()
            result = fn(kind, brief, seed)
            times.append(time.perf_counter() - t0)
            rows.append(
                {
                    "mood": mood,
                    "seed": seed,
                    "text": result.text,
                    "leak": result.leak,
                    "repeated": result.repeated,
                    "in_bounds": result.in_bounds,
                    "agrees": result.agrees,
                    "cut_off": result.cut_off,
                    "valence": result.valence,
                }
            )
    texts = [r["text"] for r in rows]
    return {
        "option": name,
        "kind": kind,
        "n": len(rows),
        "no_leak_no_repeat": float(np.mean([not r["leak"] and not r["repeated"] for r in rows])),
        "in_bounds": float(np.mean([r["in_bounds"] for r in rows])),
        "finished": float(np.mean([not r["cut_off"] for r in rows])),
        "mood_agreement": float(np.mean([r["agrees"] for r in rows])),
        "distinct_1": distinct_n(texts, 1),
        "distinct_2": distinct_n(texts, 2),
        "median_ms": median_ms(times),
        "p90_ms": float(np.percentile(times, 90) * 1000),
        "samples": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=8)
    parser.add_argument("--kinds", default="title,poem,description")
    parser.add_argument("--options", default="", help="comma-separated option numbers (default: all)")
    args = parser.parse_args()
    model_and_tokenizer()  # load once, outside the timings
    options = {
        "single sample": single_sample,
        "ours, generate() over all 262k tokens": lambda k, b, s: write(k, b, 4, False, s, plain_tokens=False),
        "ours, plain-text tokens, lines not shaped": lambda k, b, s: write(k, b, 4, False, s, shape_lines=False),
        "ours, plain-text tokens (shipped)": lambda k, b, s: write(k, b, 4, False, s),
    }
    if args.options:
        options = {name: options[name] for i, name in enumerate(options) if str(i) in args.options.split(",")}
    results = [run_option(name, fn, kind, args.seeds) for kind in args.kinds.split(",") for name, fn in options.items()]
    keys = [
        "no_leak_no_repeat",
        "in_bounds",
        "finished",
        "mood_agreement",
        "distinct_1",
        "distinct_2",
        "median_ms",
        "p90_ms",
    ]
    print_table(
        "Text from Gemma 3 270M (CPU)",
        ["kind", "option", "n", *keys],
        [[r["kind"], r["option"], r["n"], *[r[k] for k in keys]] for r in results],
    )
    for r in results[len(options) - 1 :: len(options)]:
        print(f"\nexample {r['kind']} ({r['samples'][0]['mood']}):\n{r['samples'][0]['text']}")
    write_json("text_report", {"results": results})


if __name__ == "__main__":
    main()
