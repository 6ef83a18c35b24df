"""Text report: poems (free, couplets, ABAB, haiku), titles and descriptions per mood and subject from the model
that writes them, checked by code (form exact, finished, prompt echo, repeated lines, the subject's words)
with the time per text; and the blind section (`evals.text_blind`): judged texts scored against requests.

    python -m evals.text_report [--seeds 2] [--kinds poem,title] [--forms free,haiku]
    python -m evals.text_report --blind words-after-test      # score a judged job (see evals/text_blind.py)
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from evals.common import median_ms, print_table, write_json
from models.language.poem_forms import poem_form
from models.registry import text_language_model
from tools.brief import BriefChanges, CreativeBrief, apply_changes
from tools.write_text import write

MOODS = ("melancholic", "joyful", "calm", "tense")
SUBJECTS = ("the sea at night", "a city in the rain", "an old garden", "a mountain road")


def distinct_n(texts: list[str], n: int) -> float:
    grams = [tuple(t.lower().split()[i : i + n]) for t in texts for i in range(max(0, len(t.split()) - n + 1))]
    return len(set(grams)) / max(1, len(grams))


def run_option(kind: str, form_name: str | None, seeds: int) -> dict:
    rows, times = [], []
    form = poem_form(form_name, 4) if form_name else None
    for m, mood in enumerate(MOODS):
        for seed in range(1, seeds + 1):
            subject = SUBJECTS[(m + seed) % len(SUBJECTS)]
            brief = apply_changes(CreativeBrief(subject=subject), BriefChanges(mood=mood))[0]
            t0 = time.perf_counter()
            draft = write(kind, brief, form, seed)
            times.append(time.perf_counter() - t0)
            rows.append(
                {
                    "mood": mood,
                    "subject": subject,
                    "seed": seed,
                    "text": draft.text,
                    "sound": draft.sound,
                    "form_ok": draft.form_ok,
                    "finished": draft.finished,
                    "leak": draft.leak,
                    "repeated": draft.repeated,
                    "subject_words": draft.subject_words,
                    "log_prob": draft.log_prob,
                }
            )
    texts = [r["text"] for r in rows]
    return {
        "kind": kind,
        "form": form_name or "-",
        "n": len(rows),
        "form_exact": float(np.mean([r["form_ok"] for r in rows])),
        "finished": float(np.mean([r["finished"] for r in rows])),
        "no_echo_no_repeat": float(np.mean([not r["leak"] and not r["repeated"] for r in rows])),
        "subject_words": float(np.mean([r["subject_words"] for r in rows])),
        "distinct_2": distinct_n(texts, 2),
        "median_ms": median_ms(times),
        "p90_ms": float(np.percentile(times, 90) * 1000),
        "samples": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--kinds", default="title,poem,description")
    parser.add_argument("--forms", default="free,couplets,abab,haiku", help="poem forms to run")
    parser.add_argument("--blind", default="", help="score the judged job of this name instead")
    args = parser.parse_args()
    if args.blind:
        from evals.text_blind import score

        score(args.blind)
        return
    _, _, key = text_language_model()  # load once, outside the timings
    options = [(k, f) for k in args.kinds.split(",") for f in (args.forms.split(",") if k == "poem" else [None])]
    results = [run_option(kind, form, args.seeds) for kind, form in options]
    keys = ["form_exact", "finished", "no_echo_no_repeat", "subject_words", "distinct_2", "median_ms", "p90_ms"]
    print_table(
        f"Texts from {key} on {os.cpu_count()} CPU threads",
        ["kind", "form", "n", *keys],
        [[r["kind"], r["form"], r["n"], *[r[k] for k in keys]] for r in results],
    )
    for r in results:
        print(f"\nexample {r['kind']} {r['form']} ({r['samples'][0]['mood']}, {r['samples'][0]['subject']}):")
        print(r["samples"][0]["text"])
    write_json("text_report", {"writer": key, "results": results})


if __name__ == "__main__":
    main()
