"""The painter's generator: a conditional VAE over scene layouts (64x64 maps of 21 region classes).

Conditioned on scene family, time of day, weather and mood (valence, arousal). The latent z is the
composition: the same z under another palette or mood is repainted with the same layout, a new z
gives another layout. Class maps rather than pixels: a categorical output stays crisp (each region
is one class or another, never their average), and colour, light and brushwork come after, from the
spec, in `models.painter.render`.

Sampling draws z from a Gaussian fitted after training to the encoded corpus (`fit_prior`; ex-post
density estimation, Ghosh et al. 2020): the standard normal prior of a VAE has holes where the encoder
put no layouts, and samples from them are shapeless. The fitted prior is conditional: per family, its
mean moves linearly with the rest of the condition (time, weather, mood), as far as the encoder put
the condition in the latent at all (6.5% of its variance in the shipped model).

A diffusers `ModelMixin` + `ConfigMixin`: `save_pretrained` / `from_pretrained` write and read
config.json + safetensors.
"""

from __future__ import annotations

import torch
from diffusers import ConfigMixin, ModelMixin
from diffusers.configuration_utils import register_to_config
from torch import nn

from models.painter.scene_layout import LAYOUT_SIZE, K
from models.painter.scene_spec import FAMILIES, LAYOUT_COND_DIM


def _norm(channels: int) -> nn.GroupNorm:
    return nn.GroupNorm(min(8, channels // 4), channels)


class _Down(nn.Module):
    def __init__(self, cin: int, cout: int):
        super().__init__()
        self.block = nn.Sequential(
            nn.Conv2d(cin, cout, 4, 2, 1), _norm(cout), nn.SiLU(), nn.Conv2d(cout, cout, 3, 1, 1)
        )
        self.act = nn.Sequential(_norm(cout), nn.SiLU())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.act(self.block(x))


class _Up(nn.Module):
    """Upsample x2; the condition enters as a per-channel scale and shift (FiLM), and at coarse
    resolutions also as broadcast channels (where they are cheap)."""

    def __init__(self, cin: int, cout: int, cond_dim: int, broadcast: bool):
        super().__init__()
        self.broadcast = broadcast
        self.conv1 = nn.Conv2d(cin + (cond_dim if broadcast else 0), cout, 3, 1, 1)
        self.norm1 = _norm(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1)
        self.norm2 = _norm(cout)
        self.film = nn.Linear(cond_dim, 2 * cout)

    def forward(self, x: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        x = nn.functional.interpolate(x, scale_factor=2, mode="nearest")
        if self.broadcast:
            x = torch.cat([x, cond[:, :, None, None].expand(-1, -1, x.shape[2], x.shape[3])], 1)
        h = nn.functional.silu(self.norm1(self.conv1(x)))
        scale, shift = self.film(cond)[:, :, None, None].chunk(2, 1)
        return nn.functional.silu(self.norm2(self.conv2(h)) * (1 + scale) + shift)


class LayoutVAE(ModelMixin, ConfigMixin):
    @register_to_config
    def __init__(
        self,
        num_classes: int = K,
        cond_dim: int = LAYOUT_COND_DIM,
        latent_dim: int = 32,
        base_channels: int = 16,
        layout_size: int = LAYOUT_SIZE,
        num_families: int = len(FAMILIES),
    ):
        super().__init__()
        # The latent prior per scene family: N(0, I) until `fit_prior` fits each family's encoded corpus;
        # its mean is prior_mean + prior_weight @ (the condition without the family one-hot).
        self.register_buffer("prior_mean", torch.zeros(num_families, latent_dim))
        self.register_buffer("prior_weight", torch.zeros(num_families, latent_dim, cond_dim - num_families))
        self.register_buffer("prior_scale_tril", torch.eye(latent_dim).repeat(num_families, 1, 1))
        c = base_channels
        widths = [c, 2 * c, 4 * c, 8 * c]  # 64 -> 32 -> 16 -> 8 -> 4
        self.encoder = nn.Sequential(
            _Down(num_classes, widths[0]),
            _Down(widths[0], widths[1]),
            _Down(widths[1], widths[2]),
            _Down(widths[2], widths[3]),
            nn.Flatten(),
        )
        cells = (layout_size // 16) ** 2
        self.to_stats = nn.Linear(widths[3] * cells + cond_dim, 2 * latent_dim)
        self.from_latent = nn.Linear(latent_dim + cond_dim, widths[3] * cells)
        self.ups = nn.ModuleList(
            [_Up(widths[3], widths[2], cond_dim, True), _Up(widths[2], widths[1], cond_dim, True)]
            + [_Up(widths[1], widths[0], cond_dim, False), _Up(widths[0], widths[0], cond_dim, False)]
        )
        self.to_logits = nn.Conv2d(widths[0], num_classes, 3, 1, 1)

    def encode(self, layouts: torch.Tensor, cond: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """one-hot layouts [B, K, 64, 64], cond [B, C] -> (mu, logvar) [B, Z]."""
        mu, logvar = self.to_stats(torch.cat([self.encoder(layouts), cond], 1)).chunk(2, 1)
        return mu, logvar.clamp(-10, 10)

    def decode(self, z: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        """z [B, Z], cond [B, C] -> class logits [B, K, 64, 64]."""
        side = self.config.layout_size // 16
        x = self.from_latent(torch.cat([z, cond], 1)).view(len(z), -1, side, side)
        for up in self.ups:
            x = up(x, cond)
        return self.to_logits(x)

    def latent(self, noise: torch.Tensor, family: int, cond: torch.Tensor) -> torch.Tensor:
        """A composition's latent from standard noise [B, Z] under condition cond [B, C], through the
        family's fitted prior."""
        mean = self.prior_mean[family] + cond[:, self.config.num_families :] @ self.prior_weight[family].T
        return mean + noise @ self.prior_scale_tril[family].T

    def forward(self, layouts: torch.Tensor, cond: torch.Tensor):
        mu, logvar = self.encode(layouts, cond)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return self.decode(z, cond), mu, logvar
