"""The tokens a tool-call answer can use: those of the answers the adapter learnt (JSON, tool and argument
names, enum values, numbers) plus those of the words of the request (values are copied from it).

The answers ship beside the adapter (`answer_vocabulary.txt`: the distinct answers of the 4,000 training
examples this was once computed from at first use, one per line), so the studio opens no training data.

The tuned orchestrator decodes over this set only (`models.language.sub_vocabulary_decoding`): faster, and it
cannot invent a value spelled with tokens that appear neither in the request nor in any known answer.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import torch

WORD = re.compile(r"[\w#'-]+")
ANSWERS_FILE = "answer_vocabulary.txt"


def shipped_answers(adapter: str) -> list[str]:
    """The answers an adapter learnt, each as the model wrote it (after 'Calls:', so with a leading space)."""
    with open(os.path.join(adapter, ANSWERS_FILE), encoding="utf-8") as f:
        return [" " + line.rstrip("\n") for line in f if line.strip()]


@lru_cache(maxsize=4)
def answer_token_ids(tokenizer, adapter: str) -> frozenset[int]:
    """Tokens of the adapter's answers and the special stop token."""
    ids = {i for ids in tokenizer(shipped_answers(adapter), add_special_tokens=False).input_ids for i in ids}
    ids.add(tokenizer.eos_token_id)
    return frozenset(ids)


def request_token_ids(tokenizer, text: str) -> set[int]:
    """Tokens of each word of the request as it could appear in an answer: alone, after a space or a quote."""
    words = set(WORD.findall(text))
    words |= {w.lower() for w in words}
    variants = [v for w in words for v in (w, " " + w, '"' + w, '"' + w + '"')]
    if not variants:
        return set()
    return {i for ids in tokenizer(variants, add_special_tokens=False).input_ids for i in ids}


@lru_cache(maxsize=4)
def token_texts(tokenizer) -> tuple[str, ...]:
    """Every token's text: SentencePiece's word marker as a space (Gemma); a byte-level BPE token (Qwen, "Ġword")
    through the tokenizer's own byte decoder."""
    tokens = [t or "" for t in tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))]  # None: no token
    if any(t.startswith("\u0120") for t in tokens[:5000]):
        return tuple(tokenizer.convert_tokens_to_string([t]) if t else "" for t in tokens)
    return tuple(t.replace("\u2581", " ") for t in tokens)


@lru_cache(maxsize=4)
def tokens_by_lower_text(tokenizer) -> tuple[dict[str, tuple[int, ...]], int]:
    """Lower-cased token text -> the tokens spelled so (blank ones left out), and the longest such text."""
    index: dict[str, list[int]] = {}
    for i, t in enumerate(token_texts(tokenizer)):
        if t.strip():
            index.setdefault(t.lower(), []).append(i)
    return {k: tuple(v) for k, v in index.items()}, max(map(len, index))


def substring_token_ids(tokenizer, text: str) -> set[int]:
    """Every token whose text is a piece of the request (any way of spelling a copied word): each piece of the
    request looked up, rather than each of the 150k tokens searched for in it."""
    lower = text.lower()
    index, longest = tokens_by_lower_text(tokenizer)
    found: set[int] = set()
    for start in range(len(lower)):
        for end in range(start + 1, min(len(lower), start + longest) + 1):
            found.update(index.get(lower[start:end], ()))
    return found


def allowed_token_ids(tokenizer, text: str, adapter: str) -> torch.Tensor:
    ids = (
        answer_token_ids(tokenizer, adapter) | request_token_ids(tokenizer, text) | substring_token_ids(tokenizer, text)
    )
    return torch.tensor(sorted(ids))


def stop_token_ids(tokenizer, allowed: torch.Tensor) -> set[int]:
    """End of sequence, and any allowed token that contains a newline (answers are one line)."""
    texts = tokenizer.convert_ids_to_tokens(allowed.tolist())
    newline = {int(i) for i, t in zip(allowed.tolist(), texts) if "\n" in tokenizer.convert_tokens_to_string([t])}
    return newline | {tokenizer.eos_token_id}
