"""A tiny random-weight Gemma 3 model with a real (byte-level BPE) tokenizer, for fast text-path tests."""

from __future__ import annotations

import torch

from tools.text_prompts import PREFIXES

# The shape both tiny bases share: 2 layers of width 32, grouped-query attention (2 heads, 1 key/value head).
TINY_SHAPE = dict(
    hidden_size=32,
    intermediate_size=64,
    num_hidden_layers=2,
    num_attention_heads=2,
    num_key_value_heads=1,
    max_position_embeddings=4096,
)
WORDS = "the sea night grey blue gold light rain slow bright calm sorrow joy wave song hope dark warm cold".split()


def bpe_tokenizer(corpus: list[str], vocab_size: int, special: list[str], **roles: str):
    """A byte-level BPE tokenizer trained on `corpus`, as a transformers tokenizer (roles: pad_token=...)."""
    from tokenizers import ByteLevelBPETokenizer
    from transformers import PreTrainedTokenizerFast

    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(corpus, vocab_size=vocab_size, special_tokens=special)
    return PreTrainedTokenizerFast(tokenizer_object=bpe._tokenizer, **roles)


def tiny_gemma():
    from transformers import Gemma3ForCausalLM, Gemma3TextConfig

    tokenizer = bpe_tokenizer(
        list(PREFIXES.values()) + [" ".join(WORDS)] * 5,
        400,
        ["<pad>", "<eos>", "<bos>"],
        pad_token="<pad>",
        eos_token="<eos>",
        bos_token="<bos>",
    )
    torch.manual_seed(0)
    config = Gemma3TextConfig(
        vocab_size=len(tokenizer),
        **TINY_SHAPE,
        head_dim=16,
        sliding_window=64,
        pad_token_id=0,
        eos_token_id=1,
        bos_token_id=2,
    )
    return Gemma3ForCausalLM(config).eval(), tokenizer


def tiny_qwen():
    """A tiny random Qwen2 (the architecture of Qwen2.5-Coder 0.5B) with a byte-level BPE tokenizer ("Ġword")."""
    from transformers import Qwen2Config, Qwen2ForCausalLM

    from assistant.routing.corpus import compact, generate, prompt_for

    examples = generate("train", 200)
    tokenizer = bpe_tokenizer(
        [prompt_for(e.request) + " " + compact(e.calls) for e in examples],
        600,
        ["<|endoftext|>", "<|im_end|>"],
        pad_token="<|endoftext|>",
        eos_token="<|im_end|>",
    )
    torch.manual_seed(0)
    config = Qwen2Config(
        vocab_size=len(tokenizer),
        **TINY_SHAPE,
        tie_word_embeddings=True,
        pad_token_id=0,
        eos_token_id=1,
    )
    return Qwen2ForCausalLM(config).eval(), tokenizer
