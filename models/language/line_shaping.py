"""Sampling text in a given number of lines of bounded length (verse), by masking and nudging line breaks.

A small base model asked for a four-line poem often writes prose: one long line, or a paragraph break
after two lines. Here, per candidate and step, the scores over the sampled sub-vocabulary get a bias:
no line break before `min_words` words, a push towards one after a clause (a comma, a full stop), a
growing push from `soft_words` on, no new word after `max_words` (the current word may end, then only
a line break), and no blank line or end of text before the last line. Where the model breaks a line
is still its own choice within those bounds.
"""

from __future__ import annotations

from functools import lru_cache

import torch

from models.language.text_vocabulary import decoded_token_texts

CLAUSE_ENDS = (",", ".", ";", ":", "!", "?")


@lru_cache(maxsize=4)
def token_classes(tokenizer, allowed: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Masks over `allowed` (one tensor object, cached by identity): line break, blank line or end, new word."""
    every = decoded_token_texts(tokenizer)
    texts = [every[int(i)] for i in allowed]
    line_break = torch.tensor([t.strip(" ") == "\n" for t in texts])
    ends = torch.tensor([int(i) == tokenizer.eos_token_id for i in allowed])
    blank = torch.tensor(["\n\n" in t for t in texts]) | ends
    new_word = torch.tensor([t[:1] == " " for t in texts])
    return line_break, blank, new_word


class LineShape:
    """Bias over `allowed` token ids for a candidate's text so far (a callable on its token ids)."""

    def __init__(
        self,
        tokenizer,
        allowed: torch.Tensor,
        lines: int,
        min_words: int = 3,
        soft_words: int = 8,
        max_words: int = 12,
        push: float = 1.0,
        clause_push: float = 1.5,
    ):
        self.decode = lambda tokens: tokenizer.decode(tokens, skip_special_tokens=True)
        self.lines, self.min_words, self.soft_words, self.max_words = lines, min_words, soft_words, max_words
        self.push, self.clause_push = push, clause_push
        self.break_, self.blank, self.new_word = token_classes(tokenizer, allowed)

    def __call__(self, tokens: list[int]) -> torch.Tensor:
        text = self.decode(tokens)
        bias = torch.zeros(len(self.break_))
        if text.count("\n") >= self.lines:
            return bias
        bias[self.blank] = float("-inf")
        line = text.split("\n")[-1]
        words = len(line.split())
        if words < self.min_words:
            bias[self.break_] = float("-inf")
            return bias
        push = self.push * max(0, words - self.soft_words + 1) + self.clause_push * line.rstrip().endswith(CLAUSE_ENDS)
        bias[self.break_] = push
        if words >= self.max_words:
            bias[self.new_word] = float("-inf")
        return bias
