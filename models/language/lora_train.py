"""LoRA fine-tuning of a shipped base model (Gemma 3 270M, or `--base qwen`) on prompt/completion pairs
(accelerate: CPU, one GPU or many).

The loss is on the completion tokens only, and only their logits are computed: batches are padded on
the left so every completion ends at the last position, and `logits_to_keep` skips the 262k-way output
layer on the prompt. `--dtype auto` takes bfloat16 only where the hardware computes in it (a GPU, AVX512-BF16),
else float32 (emulated bfloat16 is ~75x slower). The adapter is saved with peft (safetensors, a few MB), its
weights in float32.

    python -m models.language.lora_train --data data_cache/routing/train.jsonl \
        --out models/checkpoints/orchestrator_lora
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time

import torch

from models.language.contiguous_head import contiguous_head_inputs

TARGET_MODULES = ["q_proj", "k_proj", "v_proj", "o_proj"]


def load_pairs(path: str) -> list[tuple[str, str]]:
    with open(path) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [(r["prompt"], r["completion"]) for r in rows]


def encode_pair(tokenizer, prompt: str, completion: str) -> tuple[list[int], list[int]]:
    """(input ids, labels) with the prompt masked out (-100)."""
    p = tokenizer(prompt, add_special_tokens=True).input_ids
    c = tokenizer(completion, add_special_tokens=False).input_ids + [tokenizer.eos_token_id]
    return p + c, [-100] * len(p) + c


def collate(batch: list[tuple[list[int], list[int]]], pad_id: int) -> dict[str, torch.Tensor]:
    """Left-padded ids, labels and mask (rotary positions are relative, so the padding changes nothing)."""
    width = -(-max(len(ids) for ids, _ in batch) // 8) * 8  # few distinct shapes: CPU kernels are reused
    ids = torch.full((len(batch), width), pad_id)
    labels = torch.full((len(batch), width), -100)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for i, (x, y) in enumerate(batch):
        ids[i, width - len(x) :], labels[i, width - len(y) :], mask[i, width - len(x) :] = (
            torch.tensor(x),
            torch.tensor(y),
            1,
        )
    return {"input_ids": ids, "labels": labels, "attention_mask": mask}


def completion_loss(model, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """Cross-entropy on the labelled (completion) tokens, computing logits for the last positions only."""
    labels = batch["labels"]
    labelled = (labels != -100).any(dim=0).nonzero()
    window = labels.shape[1] - int(labelled.min())  # completion positions, all at the end
    logits = model(
        input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], logits_to_keep=window + 1
    ).logits
    predictions = logits[:, :-1].float()  # position t predicts token t + 1
    return torch.nn.functional.cross_entropy(
        predictions.reshape(-1, predictions.shape[-1]), labels[:, -window:].reshape(-1), ignore_index=-100
    )


def add_lora(model, rank: int = 8, alpha: int = 16, dropout: float = 0.05, top_layers: int | None = None):
    """The model wrapped with LoRA on its attention projections (`top_layers`: in the last N decoder layers only,
    so the backward pass stops there: about half a step's work on the CPU for a quarter of the layers)."""
    from peft import LoraConfig, get_peft_model

    layers = None
    if top_layers:
        total = model.config.num_hidden_layers
        layers = list(range(total - top_layers, total))
    config = LoraConfig(
        r=rank,
        lora_alpha=alpha,
        lora_dropout=dropout,
        target_modules=TARGET_MODULES,
        layers_to_transform=layers,
        task_type="CAUSAL_LM",
    )
    return get_peft_model(model, config)


def train_lora(model, tokenizer, pairs, steps: int, batch: int, lr: float, seed: int = 0, log=print) -> list[dict]:
    """Train a peft-wrapped model in place; returns the loss history."""
    from accelerate import Accelerator

    accelerator = Accelerator()
    rng = random.Random(seed)
    encoded = [encode_pair(tokenizer, p, c) for p, c in pairs]
    contiguous_head_inputs(model)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=0.0)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / 20) * 0.5 * (1 + math.cos(math.pi * min(1.0, s / steps)))
    )
    model, optimizer, schedule = accelerator.prepare(model, optimizer, schedule)
    model.train()
    history, t0, tokens = [], time.time(), 0
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    for step in range(steps):
        inputs = {k: v.to(accelerator.device) for k, v in collate(rng.sample(encoded, batch), pad).items()}
        loss = completion_loss(model, inputs)
        optimizer.zero_grad()
        accelerator.backward(loss)
        optimizer.step()
        schedule.step()
        tokens += int(inputs["attention_mask"].sum())
        if (step + 1) % 10 == 0 or step + 1 == steps:
            history.append(
                {"step": step + 1, "loss": float(loss.detach()), "tokens_per_s": tokens / (time.time() - t0)}
            )
            log(json.dumps(history[-1]))
    model.eval()
    return history


@torch.no_grad()
def heldout_loss(model, tokenizer, pairs, batch: int = 4) -> float:
    """Mean completion cross-entropy (nats per token, batches weighted by size) on pairs never trained on."""
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    encoded = [encode_pair(tokenizer, p, c) for p, c in pairs]
    model.eval()
    total, weight = 0.0, 0
    for start in range(0, len(encoded), batch):
        inputs = collate(encoded[start : start + batch], pad)
        labelled = int((inputs["labels"] != -100).sum())
        total += float(completion_loss(model, inputs)) * labelled
        weight += labelled
    return total / max(1, weight)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="data_cache/routing/train.jsonl")
    parser.add_argument("--out", default="models/checkpoints/orchestrator_lora")
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top-layers", type=int, default=None, help="adapt only the last N decoder layers")
    parser.add_argument(
        "--dtype", choices=["auto", "bfloat16", "float32"], default="auto", help="of the frozen base (auto: fast_dtype)"
    )
    parser.add_argument("--init", help="an adapter folder to continue training from")
    parser.add_argument("--heldout", help="pairs never trained on: their loss without and with the adapter")
    parser.add_argument(
        "--base", default="gemma", help="the base model (a key of models/language/data/base_models.yaml)"
    )
    args = parser.parse_args()

    from models.language.base_models import load_base

    torch.manual_seed(args.seed)
    model, tokenizer = load_base(args.base, dtype=None if args.dtype == "auto" else getattr(torch, args.dtype))
    if torch.cuda.is_available():  # GPU SDPA kernels give NaN on the fully masked rows of left padding
        model.set_attn_implementation("eager")
    if args.init:  # continue training a saved adapter (its own rank)
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, args.init, is_trainable=True)
        args.rank = model.peft_config["default"].r
    else:
        model = add_lora(model, rank=args.rank, top_layers=args.top_layers)
    history = train_lora(
        model,
        tokenizer,
        load_pairs(args.data),
        args.steps,
        args.batch,
        args.lr,
        args.seed,
        log=lambda m: print(m, flush=True),
    )
    model.save_pretrained(args.out)
    record = {"training": vars(args), "history": history}
    if args.heldout:
        heldout = load_pairs(args.heldout)
        with model.disable_adapter():
            record["heldout_loss_base"] = heldout_loss(model, tokenizer, heldout)
        record["heldout_loss"] = heldout_loss(model, tokenizer, heldout)
        print(json.dumps({k: v for k, v in record.items() if k.startswith("heldout")}), flush=True)
    with open(f"{args.out}/training.json", "w") as f:
        json.dump(record, f, indent=2)


if __name__ == "__main__":
    main()
