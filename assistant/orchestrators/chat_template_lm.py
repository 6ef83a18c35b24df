"""A local transformers chat model that is given the tools through its own chat template.

`apply_chat_template(messages, tools=...)` renders the tools the way the model was trained to see them
(Qwen, Llama 3, Mistral, ... each have their own); greedy decoding; the raw text is returned with the
tool-call markers kept (special tokens other than those are dropped).
"""

from __future__ import annotations

import torch

TOOL_MARKERS = ("<tool_call>", "</tool_call>", "[TOOL_CALLS]", "<|python_tag|>")


class ChatTemplateLM:
    """(model, tokenizer) with a tool-aware chat template; `respond` returns the generated text."""

    def __init__(self, model, tokenizer, max_new_tokens: int = 256):
        if not getattr(tokenizer, "chat_template", None):
            raise ValueError("this tokenizer has no chat template; use an instruct/chat model")
        self.model, self.tokenizer, self.max_new_tokens = model, tokenizer, max_new_tokens

    @classmethod
    def from_path(cls, path: str, max_new_tokens: int = 256) -> ChatTemplateLM:
        from models.language.causal_lm import causal_lm

        return cls(*causal_lm(path), max_new_tokens=max_new_tokens)

    def render(self, messages: list[dict], tools: list[dict] | None) -> str:
        """The prompt text the model sees (for inspection and tests)."""
        return self.tokenizer.apply_chat_template(messages, tools=tools, add_generation_prompt=True, tokenize=False)

    @torch.no_grad()
    def respond(self, messages: list[dict], tools: list[dict] | None = None) -> str:
        inputs = self.tokenizer.apply_chat_template(
            messages, tools=tools, add_generation_prompt=True, return_dict=True, return_tensors="pt"
        ).to(self.model.device)
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else self.tokenizer.eos_token_id
        out = self.model.generate(**inputs, max_new_tokens=self.max_new_tokens, do_sample=False, pad_token_id=pad)
        text = self.tokenizer.decode(out[0, inputs["input_ids"].shape[1] :], skip_special_tokens=False)
        return _drop_special_tokens(text, self.tokenizer)


def _drop_special_tokens(text: str, tokenizer) -> str:
    for token in tokenizer.all_special_tokens:
        if token and token not in TOOL_MARKERS:
            text = text.replace(token, "")
    return text.strip()
