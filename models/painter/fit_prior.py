"""Fit the layout VAE's latent prior to its encoded corpus (ex-post density estimation): per family, a
Gaussian whose mean is linear in the rest of the condition (ridge regression) and whose covariance is
the residuals'.

python -m models.painter.fit_prior models/checkpoints/painter_layout_vae [--layouts 7000]
"""

from __future__ import annotations

import argparse
import json
import os

import numpy as np
import torch

from models.painter.corpus import make_layout_corpus
from models.painter.layout_vae import LayoutVAE
from models.painter.scene_layout import K
from models.painter.scene_spec import FAMILIES


@torch.no_grad()
def encoded_means(model: LayoutVAE, layouts: np.ndarray, cond: np.ndarray) -> np.ndarray:
    rows = []
    for i in range(0, len(layouts), 256):
        x = torch.nn.functional.one_hot(torch.from_numpy(layouts[i : i + 256]).long(), K).permute(0, 3, 1, 2).float()
        rows.append(model.encode(x, torch.from_numpy(cond[i : i + 256]))[0].numpy())
    return np.concatenate(rows)


def fit_gaussian(z: np.ndarray, shrink: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """Mean and Cholesky factor of a covariance shrunk towards its diagonal (few samples, many dims)."""
    cov = np.cov(z, rowvar=False)
    cov = (1 - shrink) * cov + shrink * np.diag(np.diag(cov)) + 1e-4 * np.eye(len(cov))
    return z.mean(0), np.linalg.cholesky(cov)


def fit_linear_mean(x: np.ndarray, z: np.ndarray, ridge: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """(bias [Z], weight [Z, C]) of z ~ bias + weight @ x, least squares with a ridge on the weight."""
    xb = np.concatenate([x, np.ones((len(x), 1))], 1)
    penalty = ridge * np.eye(xb.shape[1])
    penalty[-1, -1] = 0
    coef = np.linalg.solve(xb.T @ xb + penalty, xb.T @ z)  # [C + 1, Z]
    return coef[-1], coef[:-1].T


def fit_prior(model: LayoutVAE, layouts: np.ndarray, cond: np.ndarray, families: np.ndarray) -> dict:
    z = encoded_means(model, layouts, cond)
    rest = cond[:, len(FAMILIES) :]
    explained = []
    for f in range(len(FAMILIES)):
        zf, xf = z[families == f], rest[families == f]
        bias, weight = fit_linear_mean(xf, zf)
        residual = zf - bias - xf @ weight.T
        _, tril = fit_gaussian(residual)
        model.prior_mean[f] = torch.from_numpy(bias).float()
        model.prior_weight[f] = torch.from_numpy(weight).float()
        model.prior_scale_tril[f] = torch.from_numpy(tril).float()
        explained.append(1 - residual.var(0).sum() / zf.var(0).sum())
    return {
        "layouts": int(len(z)),
        "mean_norm": float(np.linalg.norm(z.mean(0))),
        "std": float(z.std()),
        "variance_explained_by_condition": float(np.mean(explained)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder")
    parser.add_argument("--layouts", type=int, default=7000)
    parser.add_argument("--seed", type=int, default=20_000)
    args = parser.parse_args()
    model = LayoutVAE.from_pretrained(args.folder).eval()
    layouts, cond, specs = make_layout_corpus(args.layouts, seed=args.seed, workers=2)
    families = np.array([FAMILIES.index(s.family) for s in specs])
    stats = fit_prior(model, layouts, cond, families)
    model.save_pretrained(args.folder)
    with open(os.path.join(args.folder, "prior.json"), "w") as f:
        json.dump({**vars(args), **stats}, f, indent=2)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
