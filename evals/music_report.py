"""Music report: generated melodies per mood against held-out real melodies, a Markov chain and random notes:
Yang & Lerch's feature overlaps, form (2-bar repeats, self-similarity), openings and endings, density, mood
separation in the brief's inputs and in the notes themselves, and time to compose + render 8 bars.

    python -m evals.music_report [--seeds 20] [--corpus data_cache/melody_corpus.npz]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time

import numpy as np

from evals.common import median_ms, print_table, write_json
from evals.markov_baseline import MarkovMelody
from evals.melody_features import (
    FEATURES,
    feature_overlaps,
    has_two_bar_repeat,
    overlapping_area,
    self_similarity,
    self_similarity_matrix,
)
from models.melody.character import CHARACTER_NAMES, character
from models.melody.corpus import load_corpus
from models.melody.events import Note, events_to_notes
from models.melody.phrases import from_first_downbeat, lead_bars
from models.melody.sampler import sample_melody
from models.melody.stats import melody_stats, opens_long, opens_low
from models.melody.voice_leading import line_measures
from models.registry import MELODY_LSTM, checkpoint_dir, register_shipped_models
from tools.brief import BriefChanges, CreativeBrief, apply_changes
from tools.compose_melody import ComposeMelodyArgs, compose_melody, melody_request
from tools.mood_mapping import music_parameters
from tools.protocol import ToolContext

MOODS = ("melancholic", "joyful", "calm", "energetic", "tense", "angry", "playful", "dreamy", "heroic")
WINDOW = 128  # 8 bars of 4/4 in 16th steps
SEPARATE_AT = 0.6  # a note-level feature separates two moods when their overlapping area is at most this
STAT_KEYS = ("in_key_ratio", "repeated_note_ratio", "pitch_range", "density", "mean_interval", "mean_pitch")
ENDS_KEYS = ("first_note_low", "pickup", "long_first_note", "ends_on_tonic")
FORM_KEYS = ("two_bar_repeat", "self_similarity", "self_similarity_matrix")


def openings(notes: list[Note]) -> dict:
    """How a melody begins: a first note >= 9 semitones below the median of the rest (a stray low note), an
    upbeat (the first note after the bar's downbeat), a first note of a half note or longer."""
    return {
        "first_note_low": bool(opens_low(notes)),
        "pickup": bool(notes[0].start % 16),  # a pickup bar's note (or one timed before the first downbeat)
        "long_first_note": opens_long(notes),
    }


def generate(mood: str, seed: int, bars: int = 8):
    params = music_parameters(apply_changes(CreativeBrief(), BriefChanges(mood=mood))[0])
    req = melody_request(params, seed, temperature=1.0, bars=bars, pickup=None)  # as the tool asks
    best = sample_melody(register_shipped_models().get(MELODY_LSTM), req)[0]
    return params, best


def form(notes: list[Note]) -> dict:
    return {
        "two_bar_repeat": has_two_bar_repeat(notes),
        "self_similarity": self_similarity(notes),
        "self_similarity_matrix": self_similarity_matrix(notes),
    }


def music_notes(events: list[int]) -> list[Note]:
    """A melody's notes timed from its first full bar (a pickup bar's notes before 0), whole bars kept."""
    return from_first_downbeat(events_to_notes(list(events)), 16 * lead_bars(events))


def real_windows(corpus_path: str, limit: int = 300) -> tuple[list[dict], list[list[Note]]]:
    """8-bar 4/4 windows of held-out test melodies (tonic C after normalisation), from the pickup if there is one
    (as ours are measured): rows and notes."""
    if not os.path.exists(corpus_path):
        return [], []
    rows, melodies = [], []
    for m in load_corpus(corpus_path)["test"]:
        lead = lead_bars(m["events"])
        if m["steps_per_bar"] == 16 and len(m["events"]) >= WINDOW + 16 * lead:
            notes = music_notes(m["events"][: WINDOW + 16 * lead].tolist())
            stats = melody_stats(notes, WINDOW, 0, m["mode"]).as_dict()
            rows.append({**stats, **openings(notes), **form(notes), **line_measures(notes, m["mode"])})
            melodies.append(notes)
        if len(rows) >= limit:
            break
    return rows, melodies


def markov_melodies(corpus_path: str, count: int) -> list[list[Note]]:
    """8-bar melodies from a second-order Markov chain trained on the same training tunes."""
    if not os.path.exists(corpus_path):
        return []
    train = [m["events"] for m in load_corpus(corpus_path)["train"] if m["steps_per_bar"] == 16]
    chain = MarkovMelody(train)
    return [n for n in (events_to_notes(chain.sample(WINDOW, seed)) for seed in range(count)) if len(n) > 2]


def random_baseline(seeds: int, density: float = 0.2) -> list[dict]:
    rows = []
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        starts = np.sort(rng.choice(128, size=int(128 * density), replace=False))
        ends = np.append(starts[1:], 128)
        notes = [Note(int(s), int(e - s), int(rng.integers(55, 80))) for s, e in zip(starts, ends)]
        rows.append(melody_stats(notes, 128, 0, "major").as_dict())
    return rows


def mean_row(label: str, rows: list[dict]) -> list:
    return [label, len(rows)] + [float(np.mean([r[k] for r in rows])) if rows else "-" for k in STAT_KEYS]


def ends_row(label: str, rows: list[dict]) -> list:
    return [label, len(rows)] + [float(np.mean([r[k] for r in rows])) for k in ENDS_KEYS]


def separation(results: dict, seeds: int) -> dict:
    """Share of seed pairs where the lower-valence/arousal mood is slower, minor, lower and sparser."""
    checks = {}
    for low, high, fields in (
        ("melancholic", "joyful", ("tempo", "mode", "register", "density")),
        ("calm", "energetic", ("tempo", "density")),
    ):
        ok = 0
        for i in range(seeds):
            a, b = results[low][i], results[high][i]
            conds = {
                "tempo": a["tempo"] < b["tempo"],
                "mode": a["mode"] == "minor" and b["mode"] == "major",
                "register": a["mean_pitch"] < b["mean_pitch"],
                "density": a["density"] < b["density"],
            }
            ok += all(conds[f] for f in fields)
        checks[f"{low}<{high}"] = ok / seeds
    return checks


def overlap_table(real: list[list[Note]], generated: list[list[Note]], markov: list[list[Note]]) -> dict:
    """Yang & Lerch OA per feature for the LSTM, the Markov chain, and real against real (two halves)."""
    half = len(real) // 2
    return {
        "lstm": feature_overlaps(real, generated),
        "markov": feature_overlaps(real, markov),
        "real_vs_real": feature_overlaps(real[:half], real[half:]),
    }


def mood_separation_in_notes(characters: dict[str, list[dict]]) -> dict:
    """For each pair of moods, the note-level features whose overlapping area is at most SEPARATE_AT; kernels are
    at least a tenth of the feature's real 5th-95th percentile spread wide (from the model's quantile tables)."""
    quantiles = register_shipped_models().get(MELODY_LSTM).quantiles
    floors = {k: 0.1 * (quantiles.value(k, 0.95) - quantiles.value(k, 0.05)) for k in CHARACTER_NAMES}
    out = {}
    moods = list(characters)
    for i, a in enumerate(moods):
        for b in moods[i + 1 :]:
            areas = {
                k: overlapping_area(
                    np.array([r[k] for r in characters[a]]), np.array([r[k] for r in characters[b]]), floors[k]
                )
                for k in CHARACTER_NAMES
            }
            out[f"{a}/{b}"] = {"areas": areas, "separating": [k for k, v in areas.items() if v <= SEPARATE_AT]}
    return out


def accompaniment_fit(melodies: list[tuple[list[int], bool]]) -> dict:
    """Under (model-space events, minor) melodies: the share of chord onsets where the sounding melody note is a
    chord tone, and of half bars whose chord changes from the one before."""
    from models.melody.accompaniment import accompany
    from models.registry import HARMONY_LSTM

    harmony = register_shipped_models().get(HARMONY_LSTM)
    fits, changes = [], []
    for events, minor in melodies:
        bass, chords = accompany(harmony, events, 16, minor)
        melody = events_to_notes(events)
        for i, b in enumerate(bass):
            tones = {n.pitch % 12 for n in chords[3 * i : 3 * i + 3]}
            sounding = [n.pitch for n in melody if n.start <= b.start < n.start + n.duration]
            if sounding:
                fits.append(sounding[0] % 12 in tones)
            if i:
                changes.append(tones != {n.pitch % 12 for n in chords[3 * i - 3 : 3 * i]})
    return {"melody_note_in_chord": float(np.mean(fits)), "chord_changes": float(np.mean(changes))}


def line_table(ours: list[dict], real: list[dict]) -> dict:
    """Per line measure (voice_leading.line_measures): our mean per 8 bars beside the real tunes' mean and their
    5th-95th percentile of single tunes, and whether ours falls inside it."""
    out = {}
    for name in line_measures([], "major"):
        values = np.array([r[name] for r in real], dtype=float)
        mine = float(np.mean([r[name] for r in ours]))
        p5, p95 = (float(np.percentile(values, q)) for q in (5, 95))
        out[name] = {"ours": mine, "real": float(values.mean()), "real_p5": p5, "real_p95": p95}
        out[name]["within"] = p5 <= mine <= p95
    return out


def timing(runs: int) -> dict:
    out = {}
    for engine, under in (("fluidsynth", False), ("builtin", False), ("fluidsynth", True), ("builtin", True)):
        os.environ["ARTCHAT_AUDIO_ENGINE"] = engine
        times = []
        args = ComposeMelodyArgs(mood="melancholic", new_variation=True, accompaniment=under or None)
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(runs):
                ctx = ToolContext(brief=CreativeBrief(), out_dir=os.path.join(tmp, str(i)), seed=i + 1)
                t0 = time.perf_counter()
                result = compose_melody(args, ctx)
                times.append(time.perf_counter() - t0)
        out[engine + (" + bass and chords" if under else "")] = {
            "median_ms": median_ms(times),
            "p90_ms": float(np.percentile(times, 90) * 1000),
            "engine_used": result.data["audio_engine"],
        }
    os.environ.pop("ARTCHAT_AUDIO_ENGINE", None)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--corpus", default="data_cache/melody_corpus.npz")
    parser.add_argument("--timing-runs", type=int, default=20)
    args = parser.parse_args()

    results, model_space, characters, to_accompany = {}, [], {}, []
    for mood in MOODS:
        results[mood], characters[mood] = [], []
        for seed in range(1, args.seeds + 1):
            params, best = generate(mood, seed)
            in_c = music_notes(best.events)  # the model's space (tonic C), as the real tunes are stored
            model_space.append(in_c)
            if seed <= max(1, args.seeds // 4):  # a quarter of the seeds get bass and chords measured
                to_accompany.append((best.events, params.mode == "minor"))
            characters[mood].append(character(in_c, params.mode))
            results[mood].append(
                {
                    **best.stats.as_dict(),
                    **openings(best.notes),
                    **form(in_c),
                    **line_measures(in_c, params.mode),
                    "form_plan": best.form,
                    **characters[mood][-1],
                    "tempo": params.tempo,
                    "mode": params.mode,
                    "log_likelihood": best.log_likelihood,
                }
            )
    (real, real_notes), rand = real_windows(args.corpus), random_baseline(args.seeds)
    markov = markov_melodies(args.corpus, len(model_space))
    rows = [mean_row(m, results[m]) for m in MOODS] + [mean_row("real (held-out)", real), mean_row("random", rand)]
    print_table("Melody statistics (means over seeds; 8 bars)", ["source", "n", *STAT_KEYS], rows)
    print_table(
        "Openings and endings (share of melodies)",
        ["source", "n", *ENDS_KEYS],
        [ends_row(m, results[m]) for m in MOODS]
        + [ends_row("all moods", sum(results.values(), []))]
        + ([ends_row("real (held-out)", real)] if real else []),
    )
    overlaps = overlap_table(real_notes, model_space, markov) if real_notes else {}
    if overlaps:
        print_table(
            "Yang & Lerch overlapping area with held-out real melodies (1 = like real; bar >= 0.85)",
            ["source", *FEATURES],
            [[name, *[row[f] for f in FEATURES]] for name, row in overlaps.items()],
        )
    markov_form = [form(n) for n in markov]
    form_rows = [[m, *[float(np.mean([r[k] for r in results[m]])) for k in FORM_KEYS]] for m in MOODS]
    for label, rows_ in (("all moods", sum(results.values(), [])), ("real (held-out)", real), ("markov", markov_form)):
        if rows_:
            form_rows.append([label, *[float(np.mean([r[k] for r in rows_])) for k in FORM_KEYS]])
    print_table(
        "Form: share with an exact 2-bar repeat (bar >= 0.20); bar self-similarity (bar >= 0.40) with an earlier bar"
        " and, as a self-similarity matrix reads it, with any other bar",
        ["source", *FORM_KEYS],
        form_rows,
    )
    density_range = [float(np.percentile([r["density"] for r in real], q)) for q in (5, 95)] if real else None
    if density_range:
        print_table(
            f"Notes per 16th step by mood (real 5th-95th percentile {density_range[0]:.3f}-{density_range[1]:.3f})",
            ["mood", "density", "within"],
            [
                [m, d := float(np.mean([r["density"] for r in results[m]])), density_range[0] <= d <= density_range[1]]
                for m in MOODS
            ],
        )
    in_notes = mood_separation_in_notes(characters)
    separated = {pair: len(v["separating"]) >= 2 for pair, v in in_notes.items()}
    print_table(
        f"Mood separation in the notes: pairs with >= 2 of {', '.join(CHARACTER_NAMES)} at OA <= {SEPARATE_AT}",
        ["pair", "separating features", "ok"],
        [[pair, ", ".join(v["separating"]) or "-", separated[pair]] for pair, v in in_notes.items()],
    )
    print(f"pairs separated: {sum(separated.values())}/{len(separated)}")
    print_table(
        "Character by mood (means over seeds)",
        ["mood", *CHARACTER_NAMES],
        [[m, *[float(np.mean([r[k] for r in characters[m]])) for k in CHARACTER_NAMES]] for m in MOODS],
    )
    real_rep = [r["repeated_note_ratio"] for r in real]
    sep = separation(results, args.seeds)
    print_table(
        "Mood separation (share of seed pairs in the intended direction)",
        ["pair", "share"],
        [[k, v] for k, v in sep.items()],
    )
    lines = line_table(sum(results.values(), []), real) if real else {}
    print_table(
        "The line against held-out real tunes (per 8 bars; shares for the cadences)",
        ["measure", "ours", "real", "real p5", "real p95", "within"],
        [[k, v["ours"], v["real"], v["real_p5"], v["real_p95"], v["within"]] for k, v in lines.items()],
    )
    fit = accompaniment_fit(to_accompany)
    print_table("Accompaniment (bass and chords)", list(fit), [list(fit.values())])
    times = timing(args.timing_runs)
    print_table(
        "Compose + render 8 bars (MIDI + WAV + piano roll), CPU",
        ["engine", "median ms", "p90 ms", "used"],
        [[k, v["median_ms"], v["p90_ms"], v["engine_used"]] for k, v in times.items()],
    )
    with open(os.path.join(checkpoint_dir(MELODY_LSTM), "config.json")) as f:
        card = json.load(f)
    nll = {
        "validation_nll": card.get("validation", {}).get("nll"),
        "unigram_nll": card.get("unigram_nll_validation"),
        "validation_accuracy": card.get("validation", {}).get("accuracy"),
        "test_nll": card.get("test", {}).get("nll"),
    }
    print_table("Model vs unigram baseline (nats per 16th step)", list(nll), [list(nll.values())])
    write_json(
        "music_report",
        {
            "per_mood": results,
            "real": real,
            "random": rand,
            "separation": sep,
            "feature_overlaps": overlaps,
            "form": {row[0]: dict(zip(FORM_KEYS, row[1:])) for row in form_rows},
            "separation_in_notes": in_notes,
            "pairs_separated_in_notes": sum(separated.values()) / max(1, len(separated)),
            "openings_all_moods": dict(zip(ENDS_KEYS, ends_row("", sum(results.values(), []))[2:])),
            "density_by_mood": {m: float(np.mean([r["density"] for r in results[m]])) for m in MOODS},
            "real_density_p5_p95": density_range,
            "real_repeated_note_ratio_p10_p90": [float(np.percentile(real_rep, 10)), float(np.percentile(real_rep, 90))]
            if real
            else None,
            "line": lines,
            "accompaniment": fit,
            "timing": times,
            "nll": nll,
        },
    )


if __name__ == "__main__":
    main()
