"""Train the placement network on composed scenes (accelerate: CPU, one GPU or many).

python -m models.painter.train_placement --examples 40000 --steps 4000
"""

from __future__ import annotations

import argparse
import json
import os
import time

import numpy as np
import torch
from accelerate import Accelerator

from models.painter.placement import PlacementVAE, slots_mask
from models.painter.placement_corpus import make_placement_corpus

DEFAULT_OUT = os.path.join("models", "checkpoints", "painter_placement")


def cached_corpus(n: int, seed: int):
    """The composed scenes, drawn once per (n, seed) into data_cache/ (drawing them takes minutes on 2 cores)."""
    path = os.path.join("data_cache", f"placement_corpus_{n}_{seed}.npz")
    if os.path.exists(path):
        data = np.load(path)
        return data["cond"], data["target"], data["counts"]
    cond, target, counts = make_placement_corpus(n, seed)
    os.makedirs("data_cache", exist_ok=True)
    np.savez_compressed(path, cond=cond, target=target, counts=counts)
    return cond, target, counts


def loss_terms(model: PlacementVAE, cond, target, counts, beta: float):
    out, mu, logvar = model(target, cond)
    mask = slots_mask(counts).to(out.device)
    recon = (((out - target) ** 2) * mask).sum(1).mean()
    kl = (-0.5 * (1 + logvar - mu**2 - logvar.exp()).sum(1)).mean()
    return recon + beta * kl, recon, kl


@torch.no_grad()
def placement_figures(model: PlacementVAE, n: int = 400, seed: int = 99) -> dict:
    """On fresh composed landscapes: the share of the network's own slots (before any snapping) whose base
    lies on what the role belongs on (water, sky, land), and the share of groups with no two slots closer
    than a tenth of the width."""
    from models.painter.placement import BANDS, ROLES, STAGES
    from models.painter.placement_corpus import composed_example

    rng = np.random.default_rng(seed)
    on_place, slots, spread, groups = 0, 0, 0, 0
    while groups < n:
        cond, _, count = composed_example(rng)
        role = ROLES[int(cond[len(STAGES) :][: len(ROLES)].argmax())]
        if cond[len(STAGES) - 2 : len(STAGES)].any() or role in ("still_life", "figure"):
            continue  # landscapes only: indoors there is no layout to be on
        bands = cond[-3 * BANDS :]
        groups += 1
        z = torch.randn(1, model.config.latent_dim, generator=torch.Generator().manual_seed(groups))
        out = model.decode(z, torch.from_numpy(cond)[None])[0].numpy()
        group = {"floats": 1, "swims": 1, "flies": 0}.get(role, 2)
        xs = []
        for k in range(count):
            cx, base_y = out[3 * k], out[3 * k + 1]
            band = int(np.clip(base_y - 0.02, 0, 0.999) * BANDS)
            on_place += bands[BANDS * group + band] > 0.2
            slots += 1
            xs.append(cx)
        xs = np.sort(xs)
        spread += bool(len(xs) < 2 or np.diff(xs).min() > 0.1)
    return {
        "slots on their place (water / sky / land band), before snapping": round(float(on_place / slots), 3),
        "groups spread (no two closer than 0.1 of the width)": round(spread / groups, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--examples", type=int, default=12000)
    parser.add_argument("--steps", type=int, default=1500)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--beta", type=float, default=0.001)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    accelerator = Accelerator()
    t0 = time.time()
    cond, target, counts = (torch.from_numpy(a) for a in cached_corpus(args.examples, args.seed))
    val = [torch.from_numpy(a) for a in cached_corpus(1000, args.seed + 10_000)]
    accelerator.print(f"corpus: {args.examples} + 1000 composed scenes in {time.time() - t0:.0f}s", flush=True)
    model = PlacementVAE()
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, args.lr, total_steps=args.steps, pct_start=0.1)
    model, optimizer = accelerator.prepare(model, optimizer)
    history = []
    for step in range(1, args.steps + 1):
        idx = torch.randint(0, len(cond), (args.batch,))
        batch = [t[idx].to(accelerator.device) for t in (cond, target, counts)]
        loss, _, _ = loss_terms(model, *batch, beta=args.beta * min(1.0, step / (0.2 * args.steps)))
        optimizer.zero_grad()
        accelerator.backward(loss)
        optimizer.step()
        schedule.step()
        if step % 500 == 0 or step == args.steps:
            with torch.no_grad():
                _, recon, kl = loss_terms(model, *[t.to(accelerator.device) for t in val], beta=args.beta)
            row = {"step": step, "val_recon": round(float(recon), 4), "val_kl": round(float(kl), 3)}
            row["seconds"] = round(time.time() - t0)
            history.append(row)
            accelerator.print(row, flush=True)
    model = accelerator.unwrap_model(model)
    model.save_pretrained(args.out)
    figures = placement_figures(model.eval())
    accelerator.print(figures)
    with open(os.path.join(args.out, "training.json"), "w") as f:
        json.dump({"args": vars(args), "history": history, "figures": figures}, f, indent=1)


if __name__ == "__main__":
    main()
