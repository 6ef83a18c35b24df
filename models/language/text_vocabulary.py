"""The tokens plain English text is made of: ASCII letters, digits, punctuation, spaces and newlines.

About half of Gemma 3's 262k tokens; sampling poems and titles over these only halves the output layer's
work and cannot drift into another script.
"""

from __future__ import annotations

import re
from functools import lru_cache

import torch

PLAIN_TEXT = re.compile(r"^[A-Za-z0-9 .,;:!?'\"()&\-\n]+$")


@lru_cache(maxsize=4)
def decoded_token_texts(tokenizer) -> list[str]:
    """Each token's text as decoded alone (any tokenizer: SentencePiece or byte-level), decoded once."""
    return tokenizer.batch_decode([[i] for i in range(len(tokenizer))])


@lru_cache(maxsize=4)
def plain_text_token_ids(tokenizer) -> torch.Tensor:
    """Ids of the tokens whose decoded text is plain English."""
    texts = decoded_token_texts(tokenizer)
    ids = [i for i, t in enumerate(texts) if t and PLAIN_TEXT.match(t)]
    return torch.tensor(sorted({*ids, tokenizer.eos_token_id}))


PROSE = re.compile(r"^ ?(?:[A-Za-z][a-z]*(?:'[a-z]+)?|[A-Z]+|[.,;:!?'\"-]{1,2}\n?|\n| +\n)\Z")


@lru_cache(maxsize=4)
def prose_token_ids(tokenizer) -> torch.Tensor:
    """Ids of the tokens prose and verse are written in: words (with or without their leading space), short
    punctuation, line breaks; no digits, no code. About 65k of Qwen's 152k tokens."""
    texts = decoded_token_texts(tokenizer)
    ids = [i for i, t in enumerate(texts) if t and PROSE.match(t)]
    return torch.tensor(sorted({*ids, tokenizer.eos_token_id}))
