"""Train the painter's layout VAE on the procedural layout corpus (accelerate: CPU, one GPU or many).

python -m models.painter.train --steps 5000
accelerate launch -m models.painter.train --steps 5000
"""

from __future__ import annotations

import argparse
import json
import math
import time

import numpy as np
import torch

from models.painter.corpus import make_layout_corpus
from models.painter.layout_vae import LayoutVAE
from models.painter.scene_layout import K

DEFAULT_OUT = "models/checkpoints/painter_layout_vae"


def class_weights(layouts: np.ndarray, power: float = 0.3) -> torch.Tensor:
    """Rare regions (the sun, a boat, flower centres) weigh more, so they are not averaged away."""
    freq = np.bincount(layouts.ravel(), minlength=K).astype(np.float64) / layouts.size
    weights = (freq + 1e-4) ** -power
    return torch.tensor(weights / (weights * freq).sum(), dtype=torch.float32)


def vae_loss(model, layouts: torch.Tensor, cond: torch.Tensor, weights: torch.Tensor, beta: float) -> dict:
    """Negative ELBO per layout: class-weighted cross-entropy summed over pixels + beta * KL."""
    one_hot = torch.nn.functional.one_hot(layouts.long(), K).permute(0, 3, 1, 2).float()
    logits, mu, logvar = model(one_hot, cond)
    ce = torch.nn.functional.cross_entropy(logits, layouts.long(), weight=weights, reduction="none").sum((1, 2))
    kl = -0.5 * (1 + logvar - mu**2 - logvar.exp()).sum(1)
    accuracy = (logits.argmax(1) == layouts).float().mean()
    return {"loss": (ce + beta * kl).mean(), "ce": ce.mean(), "kl": kl.mean(), "pixel_accuracy": accuracy}


@torch.no_grad()
def evaluate(model, layouts, cond, weights, device) -> dict:
    model.eval()
    out = vae_loss(model, layouts.to(device), cond.to(device), weights.to(device), beta=1.0)
    model.train()
    return {k: float(v) for k, v in out.items()}


def schedule_factor(step: int, steps: int, warmup: int = 200) -> float:
    return min(1.0, (step + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * min(1.0, step / steps)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--layouts", type=int, default=30000)
    parser.add_argument("--steps", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--beta", type=float, default=1.0)
    parser.add_argument("--latent", type=int, default=32)
    parser.add_argument("--channels", type=int, default=16)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--eval-every", type=int, default=500)
    parser.add_argument("--kl-warmup", type=float, default=0.2, help="share of steps over which beta ramps up")
    parser.add_argument("--workers", type=int, default=2, help="processes drawing the corpus")
    args = parser.parse_args()

    from accelerate import Accelerator

    torch.manual_seed(args.seed)
    accelerator = Accelerator()
    t0 = time.time()
    train_np, train_cond, _ = make_layout_corpus(args.layouts, seed=args.seed, workers=args.workers)
    val_np, val_cond, _ = make_layout_corpus(512, seed=args.seed + 10_000)
    accelerator.print(f"corpus: {args.layouts} + 512 validation layouts in {time.time() - t0:.0f}s", flush=True)
    weights = class_weights(train_np)
    train = torch.utils.data.TensorDataset(torch.from_numpy(train_np), torch.from_numpy(train_cond))
    val_layouts, val_cond = torch.from_numpy(val_np), torch.from_numpy(val_cond)

    model = LayoutVAE(latent_dim=args.latent, base_channels=args.channels)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-5)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: schedule_factor(s, args.steps))
    loader = torch.utils.data.DataLoader(train, batch_size=args.batch, shuffle=True, drop_last=True)
    model, optimizer, loader, schedule = accelerator.prepare(model, optimizer, loader, schedule)
    weights = weights.to(accelerator.device)
    history, step, t0 = [], 0, time.time()
    while step < args.steps:
        for layouts, cond in loader:
            beta = args.beta * min(1.0, step / max(1.0, args.kl_warmup * args.steps))
            out = vae_loss(model, layouts, cond, weights, beta)
            optimizer.zero_grad()
            accelerator.backward(out["loss"])
            accelerator.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            schedule.step()
            step += 1
            if step % args.eval_every == 0 or step == args.steps:
                val = evaluate(accelerator.unwrap_model(model), val_layouts, val_cond, weights, accelerator.device)
                row = {"step": step, "train_loss": float(out["loss"].detach()), "seconds": round(time.time() - t0)}
                history.append({**row, **{f"val_{k}": v for k, v in val.items()}})
                accelerator.print(json.dumps(history[-1]), flush=True)
                if accelerator.is_main_process:
                    save(accelerator.unwrap_model(model), args, history, weights)
            if step >= args.steps:
                break


def save(model: LayoutVAE, args: argparse.Namespace, history: list[dict], weights: torch.Tensor) -> None:
    """config.json + safetensors (diffusers' save_pretrained) and training.json beside them."""
    model.save_pretrained(args.out)
    with open(f"{args.out}/training.json", "w") as f:
        json.dump({"training": vars(args), "history": history, "class_weights": weights.tolist()}, f, indent=2)


if __name__ == "__main__":
    main()
