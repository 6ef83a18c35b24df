"""Train the accompaniment model on Bach's chorales (accelerate: CPU, one GPU or many).

python -m models.melody.train_harmony --epochs 60
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time

import numpy as np
import torch

from models.melody.chorales import REST, extract_chorales
from models.melody.harmony import FEATURES, HarmonyConfig, HarmonyLSTM, beat_features, save_harmony

DEFAULT_OUT = "models/checkpoints/harmony_lstm"


def split_of(index: int, chorale: dict) -> str:
    key = f"{index}|{chorale['soprano'][:16].tobytes().hex()}"
    return "validation" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 10 == 0 else "train"


def batch(chorales: list[dict]):
    """Padded (features, bass targets, chord targets, mask) tensors."""
    length = max(len(c["bass"]) for c in chorales)
    feats = np.zeros((len(chorales), length, FEATURES), dtype=np.float32)
    bass = np.zeros((len(chorales), length), dtype=np.int64)
    chord = np.zeros((len(chorales), length, 12), dtype=np.float32)
    mask = np.zeros((len(chorales), length), dtype=np.float32)
    for i, c in enumerate(chorales):
        n = len(c["bass"])
        feats[i, :n] = beat_features(c["soprano"].astype(np.int64), c["beat"].astype(np.int64), c["minor"])
        bass[i, :n], chord[i, :n], mask[i, :n] = c["bass"], c["chord"], 1.0
    return tuple(torch.from_numpy(a) for a in (feats, bass, chord, mask))


def losses(model, feats, bass, chord, mask) -> tuple[torch.Tensor, dict]:
    bass_logits, chord_logits = model(feats)
    bass_nll = torch.nn.functional.cross_entropy(bass_logits.transpose(1, 2), bass, reduction="none")
    chord_bce = torch.nn.functional.binary_cross_entropy_with_logits(chord_logits, chord, reduction="none").mean(-1)
    loss = ((bass_nll + chord_bce) * mask).sum() / mask.sum()
    with torch.no_grad():
        right = ((bass_logits.argmax(-1) == bass).float() * mask).sum() / mask.sum()
        guess = (chord_logits > 0).float()
        tp = (guess * chord * mask[..., None]).sum()
        f1 = 2 * tp / ((guess * mask[..., None]).sum() + (chord * mask[..., None]).sum())
    return loss, {"loss": loss.item(), "bass_accuracy": right.item(), "chord_f1": f1.item()}


def lookup_baseline(train: list[dict], held_out: list[dict]) -> dict:
    """The most common bass and chord under each soprano pitch class in training, applied to held-out beats."""
    table_bass, table_chord = np.zeros((13, 12)), np.zeros((13, 12))
    for c in train:
        pcs = np.where(c["soprano"] >= 0, c["soprano"] % 12, REST)
        np.add.at(table_bass, (pcs, c["bass"]), 1)
        np.add.at(table_chord, pcs, c["chord"])
    counts = table_bass.sum(1, keepdims=True).clip(min=1)
    right, tp, guessed, true = 0, 0, 0, 0
    for c in held_out:
        pcs = np.where(c["soprano"] >= 0, c["soprano"] % 12, REST)
        right += (table_bass[pcs].argmax(1) == c["bass"]).sum()
        guess = table_chord[pcs] / counts[pcs] > 0.5
        tp += (guess & (c["chord"] > 0)).sum()
        guessed, true = guessed + guess.sum(), true + c["chord"].sum()
    beats = sum(len(c["bass"]) for c in held_out)
    return {"bass_accuracy": right / beats, "chord_f1": 2 * tp / (guessed + true)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--batch", type=int, default=24, help="chorales per step, of similar length")
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--hidden", type=int, default=96)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--eval-every", type=int, default=10)
    args = parser.parse_args()

    from accelerate import Accelerator

    torch.manual_seed(args.seed)
    accelerator = Accelerator()
    chorales = extract_chorales()
    splits = {"train": [], "validation": []}
    for i, c in enumerate(chorales):
        splits[split_of(i, c)].append(c)
    summary = {k: {"chorales": len(v), "beats": int(sum(len(c["bass"]) for c in v))} for k, v in splits.items()}
    accelerator.print(json.dumps(summary))
    model = HarmonyLSTM(HarmonyConfig(hidden_size=args.hidden))
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    model, optimizer = accelerator.prepare(model, optimizer)
    by_length = sorted(splits["train"], key=lambda c: len(c["bass"]))
    batches = [batch(by_length[i : i + args.batch]) for i in range(0, len(by_length), args.batch)]
    held = [t.to(accelerator.device) for t in batch(splits["validation"])]
    rng = np.random.default_rng(args.seed)
    history, t0 = [], time.time()
    for epoch in range(args.epochs):
        model.train()
        for i in rng.permutation(len(batches)):
            loss, _ = losses(model, *[t.to(accelerator.device) for t in batches[i]])
            optimizer.zero_grad()
            accelerator.backward(loss)
            optimizer.step()
        if (epoch + 1) % args.eval_every == 0:
            model.eval()
            with torch.no_grad():
                _, val = losses(model, *held)
            history.append({"epoch": epoch + 1, "train_loss": loss.item(), **val, "seconds": time.time() - t0})
            accelerator.print(json.dumps(history[-1]), flush=True)
    baseline = lookup_baseline(splits["train"], splits["validation"])
    accelerator.print(json.dumps({"lookup_baseline": baseline}))
    if accelerator.is_main_process:
        extra = {"corpus": summary, "training": vars(args), "history": history, "lookup_baseline": baseline}
        save_harmony(accelerator.unwrap_model(model), args.out, extra)


if __name__ == "__main__":
    main()
