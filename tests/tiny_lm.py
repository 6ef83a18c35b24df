"""A tiny random-weight Gemma 3 model with a real (byte-level BPE) tokenizer, for fast text-path tests."""

from __future__ import annotations

import torch

from tools.text_prompts import PREFIXES

WORDS = "the sea night grey blue gold light rain slow bright calm sorrow joy wave song hope dark warm cold".split()


def tiny_gemma():
    from tokenizers import ByteLevelBPETokenizer
    from transformers import Gemma3ForCausalLM, Gemma3TextConfig, PreTrainedTokenizerFast

    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        list(PREFIXES.values()) + [" ".join(WORDS)] * 5, vocab_size=400, special_tokens=["<pad>", "<eos>", "<bos>"]
    )
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe._tokenizer, pad_token="<pad>", eos_token="<eos>", bos_token="<bos>"
    )
    torch.manual_seed(0)
    config = Gemma3TextConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        head_dim=16,
        sliding_window=64,
        max_position_embeddings=4096,
        pad_token_id=0,
        eos_token_id=1,
        bos_token_id=2,
    )
    return Gemma3ForCausalLM(config).eval(), tokenizer
