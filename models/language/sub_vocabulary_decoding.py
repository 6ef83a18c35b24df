"""Greedy decoding that scores only a given set of tokens.

Gemma 3's output layer has 262k rows: about 40% of a decoding step on a CPU. When the output can only
use a known set of tokens (tool-call JSON: punctuation, tool and argument names, and words of the
request), scoring just those rows is exact for that set and much cheaper. The loop also skips
`generate`'s per-step machinery (logits processors, stop-string matching).
"""

from __future__ import annotations

from collections.abc import Callable

import torch

CANDIDATES_CHECKED = 1024
BACKTRACKS = 8  # dead ends a decoding may back out of


def decoder_of(model):
    """The transformer body (embeddings + layers + final norm) of a causal LM, through a peft wrapper."""
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    return base.get_decoder()


_KEPT_ROWS: dict[tuple[int, int], torch.Tensor] = {}  # (model, allowed set) -> its output rows, for fixed sets


def sub_vocabulary_head(model, allowed: torch.Tensor, keep: bool = False) -> Callable[[torch.Tensor], torch.Tensor]:
    """Hidden states -> logits over the `allowed` tokens only (the output layer's rows, then Gemma's softcap).

    `keep`: the rows are gathered once and kept for this (model, allowed tensor) pair (a fixed vocabulary such
    as plain prose: gathering 65k rows costs most of a title's time); the last pair only.
    """
    key = (id(model), id(allowed))
    rows = _KEPT_ROWS.get(key) if keep else None
    if rows is None:
        rows = model.get_output_embeddings().weight[allowed.to(model.device)]
        if keep:
            _KEPT_ROWS.clear()
            _KEPT_ROWS[key] = rows
    cap = getattr(model.config, "final_logit_softcapping", None)

    def logits(hidden: torch.Tensor) -> torch.Tensor:
        scores = hidden @ rows.T
        return torch.tanh(scores / cap) * cap if cap else scores

    return logits


@torch.no_grad()
def greedy_sub_vocabulary(
    model,
    input_ids: torch.Tensor,
    allowed: torch.Tensor,
    max_new_tokens: int,
    stop_ids: set[int],
    accept: Callable[[list[int], int], bool] | None = None,
    draft: Callable[[list[int]], list[int]] | None = None,
) -> list[int]:
    """Greedy continuation of one sequence choosing only among `allowed` token ids; stops at `stop_ids`.

    `accept(tokens so far, candidate)` can refuse a candidate: the best accepted one is taken (the top
    CANDIDATES_CHECKED first, then the rest). When it refuses every candidate (a dead end: a value that can
    neither close nor go on), the last token is taken back and the next best one tried there, at most
    BACKTRACKS times; then the decoding stops.

    `draft(tokens so far)` may guess the tokens that follow (speculative decoding with a guesser instead of a
    draft model): the chosen token and the guesses go through the model in one step, and each guess is kept while
    it is what greedy decoding chooses there (asked in the same order, with the same `accept`); the cache drops
    the rest. A guess saves a step when right and costs little when wrong (on a CPU a step's cost is reading the
    weights, nearly the same for one token or eight).
    """
    body, head = decoder_of(model), sub_vocabulary_head(model, allowed)
    out = body(input_ids=input_ids, use_cache=True)
    cache, tokens = out.past_key_values, []
    rows = [head(out.last_hidden_state[:, -1])[0]]  # rows[i]: the scores of position i; the cache holds `tokens`
    refused: dict[int, set[int]] = {}  # position -> tokens taken back there
    pending, backtracks = None, 0
    while len(tokens) < max_new_tokens:
        at = len(tokens)
        choice = pending if pending is not None else _best(rows[at], allowed, tokens, accept, refused.get(at))
        pending = None
        if choice is None:
            if not tokens or backtracks >= BACKTRACKS:
                break
            backtracks += 1
            refused = {k: v for k, v in refused.items() if k < at - 1}
            refused.setdefault(at - 1, set()).add(tokens.pop())
            del rows[at:]
            cache.crop(-1)
            continue
        if choice in stop_ids:
            break
        tokens.append(choice)
        if len(tokens) >= max_new_tokens:
            break
        guesses = (draft(tokens) if draft else [])[: max_new_tokens - len(tokens)]
        step = torch.tensor([[choice, *guesses]], device=input_ids.device)
        logits = head(body(input_ids=step, past_key_values=cache, use_cache=True).last_hidden_state[0])
        rows.append(logits[0])
        kept = 0
        while kept < len(guesses):
            pending = _best(rows[len(tokens)], allowed, tokens, accept, refused.get(len(tokens)))
            if pending != guesses[kept] or pending in stop_ids:
                break
            tokens.append(pending)
            kept, pending = kept + 1, None
            rows.append(logits[kept])
        if kept < len(guesses):
            cache.crop(-(len(guesses) - kept))  # the guesses after the first wrong one
    return tokens


def _best(logits: torch.Tensor, allowed: torch.Tensor, tokens: list[int], accept, refused=None) -> int | None:
    refused = refused or ()
    if accept is None and not refused:
        return int(allowed[int(logits.argmax())])
    ok = lambda t: t not in refused and (accept is None or accept(tokens, t))  # noqa: E731
    order = logits.topk(min(CANDIDATES_CHECKED, logits.numel())).indices
    best = next((int(allowed[i]) for i in order if ok(int(allowed[i]))), None)
    if best is None and logits.numel() > CANDIDATES_CHECKED:  # rare: the rest, best first
        order = logits.argsort(descending=True)[CANDIDATES_CHECKED:]
        best = next((int(allowed[i]) for i in order if ok(int(allowed[i]))), None)
    return best
