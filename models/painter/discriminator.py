"""A conditional patch discriminator for the VAE-GAN fine-tune: spectral norm, projection of the condition.

Its adversarial signal sharpens the decoder's edges and textures, which pixel losses alone blur.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils import spectral_norm


class PatchDiscriminator(nn.Module):
    def __init__(self, cond_dim: int, channels: int = 32):
        super().__init__()
        c = channels

        def block(cin, cout):
            return nn.Sequential(spectral_norm(nn.Conv2d(cin, cout, 4, 2, 1)), nn.LeakyReLU(0.2))

        self.features = nn.Sequential(block(3, c), block(c, 2 * c), block(2 * c, 4 * c))  # 64 -> 8
        self.score = spectral_norm(nn.Conv2d(4 * c, 1, 3, 1, 1))
        self.project = spectral_norm(nn.Linear(cond_dim, 4 * c))

    def forward(self, images: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        """images [B,3,64,64] in [0,1] -> patch scores [B, 8*8] (higher = more real for this condition)."""
        h = self.features(images * 2 - 1)
        proj = (h * self.project(cond)[:, :, None, None]).sum(1)
        return (self.score(h)[:, 0] + proj).flatten(1)
