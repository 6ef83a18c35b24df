"""Train the melody LSTM on the music21 corpus (accelerate: CPU, one GPU or many).

python -m models.melody.train --steps 3000            # plain, on CPU
accelerate launch -m models.melody.train --steps 3000 # any accelerate setup
"""

from __future__ import annotations

import argparse
import json
import math
import os
import time

import numpy as np
import torch
from torch.utils.data import DataLoader, IterableDataset

from models.melody.character import CharacterQuantiles, events_character
from models.melody.corpus import extract_melodies, load_corpus, save_corpus
from models.melody.events import MAX_PITCH, MIN_PITCH, VOCAB_SIZE
from models.melody.lstm import (
    MelodyCondition,
    MelodyLSTM,
    MelodyLSTMConfig,
    condition_features,
    lookback_inputs,
    melody_statistics,
    save_melody_lstm,
)
from models.melody.phrases import bar_plan, plan_string, reference_events

DEFAULT_CORPUS = "data_cache/melody_corpus.npz"
DEFAULT_OUT = "models/checkpoints/melody_lstm"


PLAN_BARS_KEPT = 32  # bars of each real tune's phrase plan kept for drawing forms at composition time


def with_plans(melodies: list[dict]) -> list[dict]:
    """Each melody with its phrase plan (a PLANS index per bar)."""
    return [{**m, "plan": bar_plan(m["events"], m["steps_per_bar"])} for m in melodies]


def fit_character_quantiles(melodies: list[dict], length: int, seed: int, count: int = 6000) -> CharacterQuantiles:
    """Quantile tables of the five character measures over random training windows."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(count):
        m = melodies[int(rng.integers(len(melodies)))]
        bar = m["steps_per_bar"]
        start = int(rng.integers(0, max(1, (len(m["events"]) - length) // bar + 1))) * bar
        rows.append(events_character(m["events"][start : start + length].tolist(), m["mode"]))
    return CharacterQuantiles.fit(rows)


def window_example(melody: dict, start: int, length: int, quantiles: CharacterQuantiles, octave: int = 0):
    """(inputs [T,4], cond [T,C], targets [T], mask [T]) for one window of a melody."""
    events = melody["events"]
    bar = melody["steps_per_bar"]
    shifted = events.copy()
    shifted[shifted >= 2] += 12 * octave
    window = shifted[start : start + length]
    density, register = melody_statistics(window)
    levels = tuple(quantiles.levels(events_character(window.tolist(), melody["mode"])))
    cond = MelodyCondition(melody["mode"], density, register, bar, levels, tuple(melody["plan"]))
    reference = reference_events(shifted, melody["plan"], bar)
    inputs = lookback_inputs(shifted, bar, reference)[start : start + length]
    feats = condition_features(cond, start, len(window), len(events))
    pad = length - len(window)
    mask = np.concatenate([np.ones(len(window)), np.zeros(pad)]).astype(np.float32)
    return (
        np.pad(inputs, ((0, pad), (0, 0))),
        np.pad(feats, ((0, pad), (0, 0))),
        np.pad(window.astype(np.int64), (0, pad)),
        mask,
    )


def octave_choices(events: np.ndarray) -> list[int]:
    ons = events[events >= 2] - 2 + MIN_PITCH
    return [o for o in (-1, 0, 1) if ons.min() + 12 * o >= MIN_PITCH and ons.max() + 12 * o <= MAX_PITCH]


class RandomWindows(IterableDataset):
    """Endless random bar-aligned windows from the training melodies, octave-augmented."""

    def __init__(self, melodies: list[dict], length: int, seed: int, quantiles: CharacterQuantiles):
        self.melodies, self.length, self.seed, self.quantiles = melodies, length, seed, quantiles
        self.weights = np.array([len(m["events"]) for m in melodies], dtype=np.float64)
        self.weights /= self.weights.sum()

    def __iter__(self):
        rng = np.random.default_rng(self.seed)
        while True:
            m = self.melodies[rng.choice(len(self.melodies), p=self.weights)]
            bar = m["steps_per_bar"]
            n_bars = max(1, (len(m["events"]) - self.length) // bar + 1)
            start = int(rng.integers(0, n_bars)) * bar
            octave = int(rng.choice(octave_choices(m["events"])))
            yield tuple(torch.from_numpy(a) for a in window_example(m, start, self.length, self.quantiles, octave))


def validation_batches(melodies: list[dict], length: int, batch: int, quantiles: CharacterQuantiles):
    examples = []
    for m in melodies:
        for start in range(0, len(m["events"]), length):
            examples.append(window_example(m, start, length, quantiles))
    for i in range(0, len(examples), batch):
        yield tuple(torch.from_numpy(np.stack(col)) for col in zip(*examples[i : i + batch]))


@torch.no_grad()
def evaluate(model: MelodyLSTM, melodies: list[dict], length: int, device, quantiles: CharacterQuantiles) -> dict:
    model.eval()
    total_nll, total_correct, total = 0.0, 0.0, 0.0
    for inputs, cond, targets, mask in validation_batches(melodies, length, 128, quantiles):
        inputs, cond, targets, mask = (t.to(device) for t in (inputs, cond, targets, mask))
        logits, _ = model(inputs, cond)
        nll = torch.nn.functional.cross_entropy(logits.transpose(1, 2), targets, reduction="none")
        total_nll += float((nll * mask).sum())
        total_correct += float(((logits.argmax(-1) == targets).float() * mask).sum())
        total += float(mask.sum())
    model.train()
    return {"nll": total_nll / total, "accuracy": total_correct / total, "steps": int(total)}


def unigram_nll(train: list[dict], held_out: list[dict]) -> float:
    counts = np.bincount(np.concatenate([m["events"] for m in train]), minlength=VOCAB_SIZE) + 1.0
    logp = np.log(counts / counts.sum())
    events = np.concatenate([m["events"] for m in held_out])
    return float(-logp[events].mean())


def phrase_plans(melodies: list[dict], steps_per_bar: int = 16) -> list[str]:
    """The plans of the training tunes in one metre, as strings, to draw forms from."""
    return [plan_string(m["plan"][:PLAN_BARS_KEPT]) for m in melodies if m["steps_per_bar"] == steps_per_bar]


def build_or_load_corpus(path: str) -> dict:
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        t0 = time.time()
        melodies = extract_melodies()
        save_corpus(melodies, path)
        print(f"extracted {len(melodies)} melodies in {time.time() - t0:.0f}s -> {path}", flush=True)
    return load_corpus(path)


def corpus_summary(splits: dict) -> dict:
    return {name: {"melodies": len(ms), "steps": int(sum(len(m["events"]) for m in ms))} for name, ms in splits.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--window", type=int, default=128, help="training window in 16th steps")
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--eval-every", type=int, default=500)
    args = parser.parse_args()

    from accelerate import Accelerator

    torch.manual_seed(args.seed)
    accelerator = Accelerator()
    splits = {name: with_plans(ms) for name, ms in build_or_load_corpus(args.corpus).items()}
    summary = corpus_summary(splits)
    quantiles = fit_character_quantiles(splits["train"], args.window, args.seed)
    accelerator.print(json.dumps(summary))
    model = MelodyLSTM(MelodyLSTMConfig(hidden_size=args.hidden))
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / 200) * 0.5 * (1 + math.cos(math.pi * min(1.0, s / args.steps)))
    )
    loader = DataLoader(RandomWindows(splits["train"], args.window, args.seed, quantiles), batch_size=args.batch)
    model, optimizer, loader, schedule = accelerator.prepare(model, optimizer, loader, schedule)
    history, t0 = [], time.time()
    for step, (inputs, cond, targets, mask) in enumerate(loader):
        if step >= args.steps:
            break
        logits, _ = model(inputs, cond)
        nll = torch.nn.functional.cross_entropy(logits.transpose(1, 2), targets, reduction="none")
        loss = (nll * mask).sum() / mask.sum()
        optimizer.zero_grad()
        accelerator.backward(loss)
        accelerator.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        if (step + 1) % args.eval_every == 0 or step + 1 == args.steps:
            val = evaluate(
                accelerator.unwrap_model(model), splits["validation"][:300], args.window, accelerator.device, quantiles
            )
            history.append({"step": step + 1, "train_loss": loss.item(), **val, "seconds": time.time() - t0})
            accelerator.print(json.dumps(history[-1]), flush=True)
    final = accelerator.unwrap_model(model)
    metrics = {
        "validation": evaluate(final, splits["validation"], args.window, accelerator.device, quantiles),
        "test": evaluate(final, splits["test"], args.window, accelerator.device, quantiles),
        "unigram_nll_validation": unigram_nll(splits["train"], splits["validation"]),
    }
    accelerator.print(json.dumps(metrics))
    if accelerator.is_main_process:
        extra = {"corpus": summary, "training": vars(args), "history": history, **metrics}
        save_melody_lstm(final, args.out, quantiles, phrase_plans(splits["train"]), extra)


if __name__ == "__main__":
    main()
