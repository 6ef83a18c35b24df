"""Train the painter cVAE on the procedural corpus (accelerate: CPU, one GPU or many).

python -m models.painter.train --steps 3000
accelerate launch -m models.painter.train --steps 3000
"""

from __future__ import annotations

import argparse
import json
import math
import time

import numpy as np
import torch

from models.painter.corpus import COND_DIM, make_corpus
from models.painter.cvae import PainterConfig, PainterCVAE, load_painter, save_painter
from models.painter.discriminator import PatchDiscriminator

DEFAULT_OUT = "models/checkpoints/painter_cvae"


def gradient_l1(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """L1 between image gradients: keeps edges sharper than pixel losses alone."""
    dx = lambda t: t[..., :, 1:] - t[..., :, :-1]  # noqa: E731
    dy = lambda t: t[..., 1:, :] - t[..., :-1, :]  # noqa: E731
    return (dx(a) - dx(b)).abs().sum(dim=(1, 2, 3)) + (dy(a) - dy(b)).abs().sum(dim=(1, 2, 3))


def vae_loss(model: PainterCVAE, images: torch.Tensor, cond: torch.Tensor, beta: float) -> dict:
    recon, mu, logvar = model(images, cond)
    mse = ((recon - images) ** 2).sum(dim=(1, 2, 3))
    grad = gradient_l1(recon, images)
    kl = -0.5 * (1 + logvar - mu**2 - logvar.exp()).sum(dim=1)
    loss = (mse + 0.5 * grad + beta * kl).mean()
    return {"loss": loss, "mse": mse.mean() / images[0].numel(), "kl": kl.mean(), "recon": recon}


def adversarial_step(model, disc, d_opt, images, cond, recon, weight: float) -> tuple[torch.Tensor, float]:
    """Hinge-loss discriminator update on real vs (reconstructed and prior-sampled) images;
    returns the generator's adversarial loss term and the discriminator loss."""
    prior = model.decode(torch.randn(len(images), model.config.latent_dim, device=images.device), cond)
    fakes = torch.cat([recon, prior])
    d_loss = torch.relu(1 - disc(images, cond)).mean() + torch.relu(1 + disc(fakes.detach(), cond.repeat(2, 1))).mean()
    d_opt.zero_grad()
    d_loss.backward()
    d_opt.step()
    g_adv = -disc(fakes, cond.repeat(2, 1)).mean() * weight * images[0].numel()
    return g_adv, float(d_loss)


@torch.no_grad()
def evaluate(model: PainterCVAE, images: torch.Tensor, cond: torch.Tensor, device) -> dict:
    model.eval()
    out = vae_loss(model, images.to(device), cond.to(device), beta=1.0)
    model.train()
    return {k: float(v) for k, v in out.items() if k != "recon"}


def to_tensor(images: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(images).permute(0, 3, 1, 2).float() / 255.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--images", type=int, default=20000)
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--beta", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--eval-every", type=int, default=500)
    parser.add_argument("--adv-weight", type=float, default=0.0, help="> 0: VAE-GAN with a patch discriminator")
    parser.add_argument("--init", default=None, help="start from this checkpoint folder (fine-tuning)")
    parser.add_argument("--kl-warmup", type=float, default=0.3, help="share of steps over which beta ramps up")
    args = parser.parse_args()

    from accelerate import Accelerator

    torch.manual_seed(args.seed)
    accelerator = Accelerator()
    t0 = time.time()
    train_np, train_cond, _ = make_corpus(args.images, seed=args.seed)
    val_np, val_cond, _ = make_corpus(512, seed=args.seed + 10_000)
    accelerator.print(f"corpus: {args.images} train + 512 validation images in {time.time() - t0:.0f}s", flush=True)
    train_images, train_cond = to_tensor(train_np), torch.from_numpy(train_cond)
    val_images, val_cond = to_tensor(val_np), torch.from_numpy(val_cond)

    model = load_painter(args.init).train() if args.init else PainterCVAE(PainterConfig())
    for p in model.parameters():
        p.requires_grad_(True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-5)
    disc = PatchDiscriminator(COND_DIM) if args.adv_weight > 0 else None
    d_opt = torch.optim.Adam(disc.parameters(), lr=2 * args.lr, betas=(0.0, 0.99)) if disc else None
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / 200) * 0.5 * (1 + math.cos(math.pi * min(1.0, s / args.steps)))
    )
    dataset = torch.utils.data.TensorDataset(train_images, train_cond)
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch, shuffle=True, drop_last=True)
    model, optimizer, loader, schedule = accelerator.prepare(model, optimizer, loader, schedule)
    if disc is not None:
        disc, d_opt = accelerator.prepare(disc, d_opt)
    history, step, t0 = [], 0, time.time()
    while step < args.steps:
        for images, cond in loader:
            beta = args.beta * min(1.0, step / max(1.0, args.kl_warmup * args.steps))  # KL warm-up
            out = vae_loss(model, images, cond, beta)
            loss, d_loss = out["loss"], None
            if disc is not None:
                g_adv, d_loss = adversarial_step(
                    accelerator.unwrap_model(model), disc, d_opt, images, cond, out["recon"], args.adv_weight
                )
                loss = loss + g_adv
            optimizer.zero_grad()
            accelerator.backward(loss)
            accelerator.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            schedule.step()
            step += 1
            if step % args.eval_every == 0 or step == args.steps:
                val = evaluate(accelerator.unwrap_model(model), val_images, val_cond, accelerator.device)
                history.append(
                    {
                        "step": step,
                        "train_loss": float(out["loss"].detach()),
                        **({"d_loss": d_loss} if d_loss is not None else {}),
                        **{f"val_{k}": v for k, v in val.items()},
                        "seconds": time.time() - t0,
                    }
                )
                accelerator.print(json.dumps(history[-1]), flush=True)
            if step >= args.steps:
                break
    final = accelerator.unwrap_model(model)
    metrics = {"validation": evaluate(final, val_images, val_cond, accelerator.device)}
    if accelerator.is_main_process:
        save_painter(
            final, args.out, {"corpus_images": args.images, "training": vars(args), "history": history, **metrics}
        )


if __name__ == "__main__":
    main()
