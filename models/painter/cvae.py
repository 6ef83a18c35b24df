"""The painter: a conditional VAE over 64x64 paintings, conditioned on palette, mood and style.

The decoder sees the condition at every resolution (broadcast channels), so colour follows
the condition while the latent z carries the composition: the same seed with a changed
condition repaints the same layout ("more blue"), a new seed gives a new layout.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

import torch
from torch import nn

from models.painter.corpus import COND_DIM


@dataclass
class PainterConfig:
    latent_dim: int = 64
    cond_dim: int = COND_DIM
    base_channels: int = 16
    image_size: int = 64


def _down(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 4, 2, 1), nn.GroupNorm(min(8, cout // 2), cout), nn.SiLU())


class _UpBlock(nn.Module):
    """Upsample x2, then a conv that also sees the condition broadcast over the map."""

    def __init__(self, cin: int, cout: int, cond_dim: int):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(cin + cond_dim, cout, 3, 1, 1),
            nn.GroupNorm(min(8, cout // 2), cout),
            nn.SiLU(),
            nn.Conv2d(cout, cout, 3, 1, 1),
        )
        self.act = nn.Sequential(nn.GroupNorm(min(8, cout // 2), cout), nn.SiLU())

    def forward(self, x: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        x = nn.functional.interpolate(x, scale_factor=2, mode="nearest")
        c = cond[:, :, None, None].expand(-1, -1, x.shape[2], x.shape[3])
        return self.act(self.conv(torch.cat([x, c], dim=1)))


class PainterCVAE(nn.Module):
    def __init__(self, config: PainterConfig):
        super().__init__()
        self.config = config
        c = config.base_channels
        self.encoder = nn.Sequential(  # 64 -> 32 -> 16 -> 8 -> 4
            _down(3 + config.cond_dim, c), _down(c, 2 * c), _down(2 * c, 4 * c), _down(4 * c, 8 * c), nn.Flatten()
        )
        self.to_stats = nn.Linear(8 * c * 16, 2 * config.latent_dim)
        self.from_latent = nn.Linear(config.latent_dim + config.cond_dim, 8 * c * 16)
        self.ups = nn.ModuleList(
            [
                _UpBlock(8 * c, 4 * c, config.cond_dim),
                _UpBlock(4 * c, 2 * c, config.cond_dim),
                _UpBlock(2 * c, c, config.cond_dim),
                _UpBlock(c, c, config.cond_dim),
            ]
        )
        self.to_rgb = nn.Conv2d(c, 3, 3, 1, 1)

    def encode(self, images: torch.Tensor, cond: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """images [B,3,64,64] in [0,1] -> (mu, logvar) [B, Z]."""
        c = cond[:, :, None, None].expand(-1, -1, images.shape[2], images.shape[3])
        mu, logvar = self.to_stats(self.encoder(torch.cat([images * 2 - 1, c], dim=1))).chunk(2, dim=1)
        return mu, logvar.clamp(-10, 10)

    def decode(self, z: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        """z [B,Z], cond [B,C] -> images [B,3,64,64] in [0,1]."""
        c = self.config.base_channels
        x = self.from_latent(torch.cat([z, cond], dim=1)).view(-1, 8 * c, 4, 4)
        for up in self.ups:
            x = up(x, cond)
        return torch.sigmoid(self.to_rgb(x))

    def forward(self, images: torch.Tensor, cond: torch.Tensor):
        mu, logvar = self.encode(images, cond)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return self.decode(z, cond), mu, logvar


def save_painter(model: PainterCVAE, folder: str, extra: dict | None = None) -> None:
    from safetensors.torch import save_file

    os.makedirs(folder, exist_ok=True)
    save_file(
        {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()},
        os.path.join(folder, "model.safetensors"),
    )
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump({"config": asdict(model.config), **(extra or {})}, f, indent=2)


def load_painter(folder: str, device: str | torch.device = "cpu", decoder_only: bool = True) -> PainterCVAE:
    """Load config + weights; the encoder is only needed for training and reconstruction."""
    from safetensors.torch import load_file

    with open(os.path.join(folder, "config.json")) as f:
        config = PainterConfig(**json.load(f)["config"])
    if config.cond_dim != COND_DIM:
        raise ValueError(f"checkpoint cond_dim {config.cond_dim} != code's {COND_DIM}: retrain the painter")
    model = PainterCVAE(config)
    model.load_state_dict(load_file(os.path.join(folder, "model.safetensors"), device=str(device)))
    return model.to(device).eval()
