"""A scene-family classifier trained on the painter's corpus paintings, for the painting report.

It names the family of a 128x128 painting; its pooled features also serve as the space in which
the variety between seeds is measured. Trained here on corpus paintings (procedural layouts painted
by the same brushwork), its held-out accuracy is reported beside what it says of generated ones.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from models.painter.scene_spec import FAMILIES


class FamilyClassifier(nn.Module):
    def __init__(self, classes: int = len(FAMILIES)):
        super().__init__()
        widths = [3, 24, 48, 64, 96]
        layers = []
        for cin, cout in zip(widths, widths[1:]):
            layers += [nn.Conv2d(cin, cout, 3, 2, 1), nn.BatchNorm2d(cout), nn.ReLU()]
        self.body = nn.Sequential(*layers, nn.Conv2d(96, 96, 3, 1, 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.head = nn.Linear(96, classes)

    def features(self, images: torch.Tensor) -> torch.Tensor:
        """[B, 3, 128, 128] in [0, 1] -> [B, 96]."""
        return self.body(images * 2 - 1)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(images))


def to_batch(images: np.ndarray) -> torch.Tensor:
    """uint8 [N, H, W, 3] -> float [N, 3, H, W] in [0, 1]."""
    return torch.from_numpy(images).permute(0, 3, 1, 2).float() / 255


def train_classifier(images: np.ndarray, labels: np.ndarray, epochs: int = 24, seed: int = 0) -> FamilyClassifier:
    torch.manual_seed(seed)
    model = FamilyClassifier()
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    x, y = to_batch(images), torch.from_numpy(labels).long()
    steps = epochs * (len(x) // 64)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=3e-3, total_steps=steps)
    model.train()
    for _ in range(epochs):
        order = torch.randperm(len(x))
        for i in range(0, len(x) - 63, 64):
            idx = order[i : i + 64]
            batch = x[idx]
            flip = torch.rand(len(idx)) < 0.5  # a mirrored scene is the same scene
            batch[flip] = batch[flip].flip(-1)
            loss = nn.functional.cross_entropy(model(batch), y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
    return model.eval()


@torch.no_grad()
def predict(model: FamilyClassifier, images: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(predicted family indices [N], features [N, 96])."""
    feats = torch.cat([model.features(to_batch(images[i : i + 128])) for i in range(0, len(images), 128)])
    return model.head(feats).argmax(1).numpy(), feats.numpy()
