"""A tiny chat model with a real BPE tokenizer and a Hermes-style tool-calling chat template.

`taught_chat_lm` overfits it to answer one rendered conversation with one tool call, so tests can
check the whole chat-template path (tools in the prompt, generation, markers, parsing) end to end.
"""

from __future__ import annotations

import torch

from tests.tiny_lm import bpe_tokenizer

CHAT_TEMPLATE = """{%- set system = messages[0].content if messages[0].role == 'system' else '' -%}
<|im_start|>system
{{ system }}
{%- if tools %}

# Tools
You may call one or more functions. Function signatures:
<tools>
{% for tool in tools %}{{ tool | tojson }}
{% endfor %}</tools>
For each call answer <tool_call>{"name": <name>, "arguments": <args>}</tool_call>
{%- endif %}<|im_end|>
{% for m in messages %}{% if m.role != 'system' %}<|im_start|>{{ m.role }}
{{ m.content }}{% for c in m.tool_calls or [] %}<tool_call>{{ c.function | tojson }}</tool_call>{% endfor %}<|im_end|>
{% endif %}{% endfor %}
{%- if add_generation_prompt %}<|im_start|>assistant
{% endif %}"""


def tiny_chat_model(corpus: list[str]):
    """Random-weight tiny Llama with a BPE tokenizer trained on `corpus` and the chat template above."""
    from transformers import LlamaConfig, LlamaForCausalLM

    special = ["<pad>", "<|im_start|>", "<|im_end|>"]
    tokenizer = bpe_tokenizer(corpus, 1500, special, pad_token="<pad>", eos_token="<|im_end|>")
    tokenizer.add_tokens(["<tool_call>", "</tool_call>"])
    tokenizer.chat_template = CHAT_TEMPLATE
    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=8192,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        bos_token_id=None,
    )
    return LlamaForCausalLM(config).eval(), tokenizer


def teach(model, tokenizer, prompts: list[str], answer: str, steps: int = 200, target: float = 0.01) -> float:
    """Overfit the model to continue every prompt with `answer` (until the loss is below `target`)."""
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    model.train()
    for _ in range(steps):
        loss = 0.0
        for prompt in prompts:
            p = tokenizer(prompt, add_special_tokens=False).input_ids
            a = tokenizer(answer, add_special_tokens=False).input_ids
            ids = torch.tensor([p + a])
            labels = torch.tensor([[-100] * len(p) + a])
            loss = loss + model(input_ids=ids, labels=labels).loss
        if float(loss.detach()) / len(prompts) < target:
            break
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()
    return float(loss.detach()) / len(prompts)


RHYME_WORDS = (
    "night light bright white sight flight kite might right tight bite height quite slight "
    "day way say play stay grey bay lay ray clay hay sway stray pray "
    "sea tree free three knee bee "
    "the a harbour boats sleep in and slow old calm waves fall over water morning sun gold is on by"
).split()


def rhyme_chat_model():
    """The tiny chat model taught rhyme words forwards and backwards (the poem-writing tests' model)."""
    return tiny_chat_model([" ".join(RHYME_WORDS)] * 20 + [" ".join(reversed(RHYME_WORDS)) + " ."] * 20)
