"""Sampling several continuations that score only a given set of tokens (e.g. those English is made of).

The same processors as `generate(do_sample=True)`, in its order: repetition penalty and no-repeat
n-grams over the whole sequence, then temperature and top-p. Only the output layer changes: Gemma 3's
has 262k rows, over half of a 270M model's arithmetic per token on a CPU, and text for people here
never needs the rows of other scripts. Candidates that are done leave the batch (and the cache).
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from models.language.core_share import retune_threads
from models.language.sub_vocabulary_decoding import decoder_of, sub_vocabulary_head

NUCLEUS_GUESS = 512


def expand_cache(cache, n: int):
    """Repeat a batch-1 cache for n sequences (each candidate continues the same prefix); None stays None."""
    if cache is None or n == 1:
        return cache
    if not hasattr(cache, "batch_repeat_interleave"):
        raise RuntimeError("this transformers cache cannot be expanded to several sequences")
    cache.batch_repeat_interleave(n)
    return cache


class NGramBlocker:
    """The tokens that would repeat an n-gram already in one sequence (transformers' no_repeat_ngram_size)."""

    def __init__(self, tokens: list[int], size: int):
        self.size, self.tokens, self.seen = size, list(tokens), {}
        for i in range(len(tokens) - size + 1):
            self.seen.setdefault(tuple(tokens[i : i + size - 1]), set()).add(tokens[i + size - 1])

    def append(self, token: int) -> None:
        self.tokens.append(token)
        if len(self.tokens) >= self.size:
            gram = self.tokens[-self.size :]
            self.seen.setdefault(tuple(gram[:-1]), set()).add(gram[-1])

    def banned(self) -> set[int]:
        return self.seen.get(tuple(self.tokens[-(self.size - 1) :]), set()) if self.size > 1 else set()


def penalise_repeats(logits: torch.Tensor, positions: torch.Tensor, penalty: float) -> None:
    """transformers' repetition penalty, in place, on one row: divide positive scores, multiply negative."""
    scores = logits[positions]
    logits[positions] = torch.where(scores < 0, scores * penalty, scores / penalty)


def top_p_nucleus(logits: torch.Tensor, temperature: float, top_p: float) -> tuple[torch.Tensor, torch.Tensor]:
    """(probabilities, token indices) of each row's nucleus at `temperature`: the smallest set of tokens whose
    probability reaches `top_p`, best first (the rest of the columns hold zeros)."""
    probs = torch.softmax(logits / temperature, dim=-1)
    head = min(NUCLEUS_GUESS, probs.shape[-1])
    ordered, order = probs.topk(head, dim=-1)  # the nucleus is nearly always among the first few hundred
    if bool((ordered.sum(dim=-1) < top_p).any()):
        ordered, order = probs.sort(dim=-1, descending=True)
    drop = ordered.cumsum(dim=-1) - ordered > top_p
    ordered[drop] = 0.0
    return ordered, order


def top_p_probabilities(logits: torch.Tensor, temperature: float, top_p: float) -> torch.Tensor:
    """Softmax at `temperature` keeping the smallest set of tokens whose probability reaches `top_p`."""
    ordered, order = top_p_nucleus(logits, temperature, top_p)
    return torch.zeros_like(logits, dtype=ordered.dtype).scatter(-1, order, ordered)


def nucleus_picks(logits: torch.Tensor, temperature: float, top_p: float, generator: torch.Generator) -> torch.Tensor:
    """One index per row drawn from its top-p nucleus (the same law as sampling `top_p_probabilities`, drawn
    among a few hundred columns rather than the whole vocabulary)."""
    ordered, order = top_p_nucleus(logits, temperature, top_p)
    return order.gather(-1, torch.multinomial(ordered, 1, generator=generator))[:, 0]


def distinct_picks(probs: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """One token per row, different tokens where the rows agree (the candidates of a line then open
    differently instead of three times on "The"): drawn without replacement from the nucleus, as far as it
    holds enough tokens (the rest sampled as usual). Rows that differ are sampled as usual."""
    n = probs.shape[0]
    picks = torch.multinomial(probs, 1, generator=generator)[:, 0]
    if n == 1 or not bool((probs == probs[:1]).all()):
        return picks
    k = min(n, int((probs[0] > 0).sum()))
    picks[:k] = torch.multinomial(probs[0], k, replacement=False, generator=generator)
    return picks


@torch.no_grad()
def sample_sub_vocabulary(
    model,
    context_ids: torch.Tensor,
    allowed: torch.Tensor,
    settings,
    done: Callable[[list[int]], bool],
    cache=None,
    good: Callable[[list[int]], bool] | None = None,
    shape: Callable[[list[int]], torch.Tensor] | None = None,
    log_probs: list[list[float]] | None = None,
    watch: Callable[[int, list[int], list[float], torch.Tensor], None] | None = None,
    hidden: torch.Tensor | None = None,
) -> list[list[int]]:
    """`settings.candidates` sampled continuations of `context_ids` (1 x L) over the `allowed` token ids.

    `cache` may hold the keys/values of the first tokens of the context (a cached prompt prefix), or of all of
    them with `hidden`, the body's output at the last one (1 x H: no token is fed before the first pick); a
    candidate ends at end-of-sequence, when `done(its tokens)` says so, or after max_new_tokens. When
    `good(tokens)` holds for a candidate that ended, sampling stops there (the others stay unfinished).
    `shape(tokens)` may add a bias over the allowed tokens after the penalties (e.g. `verse_constraints.FormShape`);
    a list of shapes gives each candidate its own.
    `log_probs`, when given, gets one list per candidate: each taken token's log-probability under the model
    alone (over the allowed tokens, before penalties and shaping), to rank finished candidates by.
    `watch(candidate, tokens, their log-probs, next-token log-probs)` (with `log_probs`) sees every step.
    `settings.distinct_start`: the candidates' first tokens are all different (`distinct_picks`).
    `settings.avoid_tokens`: no candidate repeats an `avoid_ngram_size`-gram of them (e.g. earlier lines).
    """
    n, device = settings.candidates, context_ids.device
    body = decoder_of(model)
    head = sub_vocabulary_head(model, allowed, keep=True)
    index = torch.full((int(allowed.max()) + 1,), -1, dtype=torch.long)
    index[allowed] = torch.arange(len(allowed))
    context = context_ids[0].tolist()
    known = index[torch.tensor([t for t in context if t < len(index)], dtype=torch.long)]
    seen = [set(known[known >= 0].tolist()) for _ in range(n)]
    prompt_grams = context if getattr(settings, "block_prompt_ngrams", True) else []  # else own n-grams only
    blockers = [NGramBlocker(prompt_grams, settings.no_repeat_ngram_size) for _ in range(n)]
    avoid = list(getattr(settings, "avoid_tokens", ()))
    avoiders = [NGramBlocker(avoid, settings.avoid_ngram_size) if avoid else None for _ in range(n)]
    if hidden is None:
        cached = cache.get_seq_length() if cache is not None else 0
        out = body(input_ids=context_ids[:, cached:], past_key_values=cache, use_cache=True)  # once, then shared
        hidden, cache = out.last_hidden_state[:, -1], out.past_key_values
    hidden, cache = hidden.repeat(n, 1), expand_cache(cache, n)
    generator = torch.Generator().manual_seed(settings.seed)
    outputs, active = [[] for _ in range(n)], list(range(n))
    eos = getattr(model.config, "eos_token_id", None)
    stops = set(eos if isinstance(eos, list) else [eos])
    if log_probs is not None:
        log_probs[:] = [[] for _ in range(n)]
    for step in range(settings.max_new_tokens):
        retune_threads()
        logits = head(hidden).float().cpu()
        own = torch.log_softmax(logits, dim=-1) if log_probs is not None else None
        for row, i in enumerate(active):
            if watch is not None and own is not None:
                watch(i, outputs[i], log_probs[i], own[row])
            penalise_repeats(logits[row], torch.tensor(sorted(seen[i]), dtype=torch.long), settings.repetition_penalty)
            ban = blockers[i].banned() | (avoiders[i].banned() if avoiders[i] else set())
            banned = [int(index[t]) for t in ban if t < len(index) and index[t] >= 0]
            logits[row, banned] = float("-inf")
            if shape is not None:
                logits[row] += (shape[i] if isinstance(shape, list) else shape)(outputs[i])
        if step == 0 and getattr(settings, "distinct_start", False):
            probs = top_p_probabilities(logits, settings.temperature, settings.top_p)
            picks = allowed[distinct_picks(probs, generator)].tolist()
        else:
            picks = allowed[nucleus_picks(logits, settings.temperature, settings.top_p, generator)].tolist()
        keep = []
        for row, (i, token) in enumerate(zip(active, picks)):
            if token in stops:
                continue
            outputs[i].append(token)
            if own is not None:
                log_probs[i].append(float(own[row, index[token]]))
            blockers[i].append(token)
            if avoiders[i]:
                avoiders[i].append(token)
            seen[i].add(int(index[token]))
            if not done(outputs[i]):
                keep.append(row)
            elif good is not None and good(outputs[i]):
                return outputs
        if not keep or step == settings.max_new_tokens - 1:
            break  # the last step's pass would only feed tokens no candidate may follow
        if len(keep) < len(active):
            cache.batch_select_indices(torch.tensor(keep, device=device))
        active = [active[row] for row in keep]
        step = torch.tensor([[picks[row]] for row in keep], device=device)
        out = body(input_ids=step, past_key_values=cache, use_cache=True)
        hidden, cache = out.last_hidden_state[:, -1], out.past_key_values
    return outputs
