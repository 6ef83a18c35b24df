"""Writing verse one line at a time: a few candidates per line, the best kept before the next line is begun.

Whole-poem candidates compound their mistakes (one odd line drags the rest along); here each line is chosen
given the lines already kept. The prompt's key/value cache is carried from line to line: after a line is
chosen, only its own tokens are fed once more at batch 1 (a line is about ten tokens), and that pass's output
at its last token starts the next line's sampling, so the poem costs about what one sampled poem per candidate
costs.

For a line that must rhyme, the end word is planned before the line is written: the rhyming one-token words
the model itself finds most likely at the start of that line (its sense of what fits the poem so far) are
handed out, one per candidate, and each candidate must end on its word (`shape_for(candidate, plan)`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace

import torch

from models.language.sub_vocabulary_decoding import decoder_of, sub_vocabulary_head
from models.language.sub_vocabulary_sampling import sample_sub_vocabulary
from models.language.text_generation import PREFIX_CACHE


@dataclass
class Line:
    tokens: list[int]
    text: str
    log_probs: list[float]
    ended: bool  # closed by its line break (or the end of the text), not cut by the token limit

    @property
    def mean_log_prob(self) -> float:
        return sum(self.log_probs) / len(self.log_probs) if self.log_probs else -99.0


class CachedContext:
    """A batch-1 key/value cache over every token of a growing context, and the body's output at its last token
    (`hidden`): the next token is scored, or sampling begins, without feeding any token again."""

    def __init__(self, model, tokenizer, prefix: str, request: str):
        self.body = decoder_of(model)
        prefix_ids, self.cache = PREFIX_CACHE.get(model, tokenizer, prefix)
        request_ids = tokenizer(request, return_tensors="pt", add_special_tokens=False).input_ids
        self.ids = torch.cat([prefix_ids, request_ids.to(prefix_ids.device)], dim=1)
        self.hidden = self._feed(self.ids[:, prefix_ids.shape[1] :])

    @torch.no_grad()
    def _feed(self, ids: torch.Tensor) -> torch.Tensor:
        return self.body(input_ids=ids, past_key_values=self.cache, use_cache=True).last_hidden_state[:, -1]

    def extend(self, tokens: list[int]) -> None:
        """Append tokens to the context (one pass over them, at batch 1)."""
        new = torch.tensor([tokens], dtype=self.ids.dtype, device=self.ids.device)
        self.hidden = self._feed(new)
        self.ids = torch.cat([self.ids, new], dim=1)

    def copy(self):
        return copy.deepcopy(self.cache)

    def next_logits(self, model, allowed: torch.Tensor) -> torch.Tensor:
        """The model's scores over `allowed` for the token after the context."""
        return sub_vocabulary_head(model, allowed, keep=True)(self.hidden)[0].float()


def sample_line(
    model,
    tokenizer,
    context: CachedContext,
    allowed: torch.Tensor,
    settings,
    line_done: Callable[[str], bool],
    shapes: list[Callable[[list[int]], torch.Tensor]],
    watch=None,
) -> list[Line]:
    """`len(shapes)` candidates for the next line, each under its own shape; a candidate ends at `line_done`
    (`watch`: see `sample_sub_vocabulary`)."""
    log_probs: list[list[float]] = []

    def done(tokens: list[int]) -> bool:
        return line_done(tokenizer.decode(tokens, skip_special_tokens=True))

    outputs = sample_sub_vocabulary(
        model,
        context.ids,
        allowed,
        replace(settings, candidates=len(shapes)),
        done,
        context.copy(),
        None,
        shapes,
        log_probs,
        watch,
        context.hidden,
    )
    limit = settings.max_new_tokens
    return [
        Line(tokens, tokenizer.decode(tokens, skip_special_tokens=True), lp, done(tokens) or len(tokens) < limit)
        for tokens, lp in zip(outputs, log_probs)
    ]


def planned_words(logits: torch.Tensor, candidates: torch.Tensor, n: int) -> list[int]:
    """Indices (into the allowed set) of the `n` likeliest `candidates` (a boolean mask), best first."""
    scores = logits.masked_fill(~candidates, float("-inf"))
    k = min(n, int(candidates.sum()))
    return scores.topk(k).indices.tolist() if k else []
