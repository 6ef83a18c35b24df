"""Where the painter's objects go and how big: a small conditional VAE over object placements.

Given the stage (a landscape family's layout, an interior or a portrait), an object's role (it floats,
flies, stands on the ground, is a building, a plant, a thing on a table or a figure), how many are
asked and a summary of the layout (which bands of the picture are sky, water and land), it draws the
placements of the whole group at once (each slot: centre x, base y, height, in picture fractions;
so a fleet is spread rather than stacked) and, for an interior, the table's edge and the window.
Trained on composed scenes (`placement_corpus`); the latent is the seed's, so a seed keeps its
arrangement. A diffusers `ModelMixin` + `ConfigMixin` (config.json + safetensors).
"""

from __future__ import annotations

import numpy as np
import torch
from diffusers import ConfigMixin, ModelMixin
from diffusers.configuration_utils import register_to_config
from torch import nn

from models.painter.scene_layout import C
from models.painter.scene_spec import FAMILIES

ROLES = ("floats", "swims", "flies", "stands", "building", "plant", "still_life", "figure")
STAGES = (*FAMILIES, "interior", "portrait")
MAX_SLOTS = 6
BANDS = 16
SKY = (C["sky"], C["cloud"], C["light"])
WATER = (C["water"], C["foam"])
LAND = (C["grass"], C["sand"], C["earth"], C["snow"], C["rock"], C["far"], C["foliage"], C["trunk"], C["building"])
COND_DIM = len(STAGES) + len(ROLES) + MAX_SLOTS + 3 * BANDS
OUT_DIM = 3 * MAX_SLOTS + 3  # slots (cx, base_y, height) + interior (table_y, window_cx, window_width)


def layout_summary(labels: np.ndarray) -> np.ndarray:
    """float32 [3 * BANDS]: the share of sky, water and land in each horizontal band of an int class map."""
    rows = np.array_split(np.arange(labels.shape[0]), BANDS)
    share = [np.isin(labels[r], group).mean() for group in (SKY, WATER, LAND) for r in rows]
    return np.array(share, dtype=np.float32)


def condition(stage: str, role: str, count: int, labels: np.ndarray | None) -> np.ndarray:
    """float32 [COND_DIM]: what the network places a group under."""
    vector = np.zeros(COND_DIM, dtype=np.float32)
    vector[STAGES.index(stage)] = 1
    vector[len(STAGES) + ROLES.index(role)] = 1
    vector[len(STAGES) + len(ROLES) + min(count, MAX_SLOTS) - 1] = 1
    if labels is not None:
        vector[-3 * BANDS :] = layout_summary(labels)
    return vector


def _mlp(cin: int, hidden: int, cout: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Linear(cin, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, cout)
    )


class PlacementVAE(ModelMixin, ConfigMixin):
    @register_to_config
    def __init__(self, cond_dim: int = COND_DIM, out_dim: int = OUT_DIM, latent_dim: int = 8, hidden: int = 192):
        super().__init__()
        self.encoder = _mlp(out_dim + cond_dim, hidden, 2 * latent_dim)
        self.decoder = _mlp(latent_dim + cond_dim, hidden, out_dim)

    def encode(self, placements: torch.Tensor, cond: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        mu, logvar = self.encoder(torch.cat([placements, cond], 1)).chunk(2, 1)
        return mu, logvar.clamp(-8, 8)

    def decode(self, z: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        """z [B, Z], cond [B, C] -> placements [B, OUT_DIM] in [0, 1] (base y may reach 1.1: below the frame)."""
        return torch.sigmoid(self.decoder(torch.cat([z, cond], 1))) * 1.1

    def forward(self, placements: torch.Tensor, cond: torch.Tensor):
        mu, logvar = self.encode(placements, cond)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return self.decode(z, cond), mu, logvar


def slots_mask(counts: torch.Tensor) -> torch.Tensor:
    """[B, OUT_DIM] 1 where a placement number is used: the first `count` slots, and the interior's three."""
    used = (torch.arange(MAX_SLOTS)[None] < counts[:, None]).float().repeat_interleave(3, 1)
    return torch.cat([used, torch.ones(len(counts), 3)], 1)


@torch.no_grad()
def sample_placement(model: PlacementVAE, stage: str, role: str, count: int, labels, seed: int) -> np.ndarray:
    """float32 [OUT_DIM] placements of one group, drawn from the seed's latent."""
    device = next(model.parameters()).device
    cond = torch.from_numpy(condition(stage, role, count, labels))[None].to(device, model.dtype)
    z = torch.randn(1, model.config.latent_dim, generator=torch.Generator().manual_seed(seed)).to(device, model.dtype)
    return model.decode(z, cond)[0].float().cpu().numpy()
