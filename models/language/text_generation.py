"""Sampling text from a causal LM with a cached prompt prefix, n candidates at once, and stop rules.

The few-shot prefix of each prompt is fixed, so its key/value cache is computed once and reused:
only the short per-request part is prefilled, which keeps a title under a second on a CPU.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass

import torch

from models.language.sub_vocabulary_sampling import expand_cache, sample_sub_vocabulary


@dataclass
class SamplingSettings:
    max_new_tokens: int = 48
    temperature: float = 0.8
    top_p: float = 0.92
    repetition_penalty: float = 1.15
    no_repeat_ngram_size: int = 3
    candidates: int = 3
    seed: int = 1
    block_prompt_ngrams: bool = True  # no n-gram of the prompt repeated (few-shot examples); off: own only
    distinct_start: bool = False  # the candidates open on different tokens (sub-vocabulary sampling only)
    # sub-vocabulary sampling only: never repeat an `avoid_ngram_size`-gram of `avoid_tokens` (earlier lines)
    avoid_tokens: tuple[int, ...] = ()
    avoid_ngram_size: int = 4


class PrefixCache:
    """Key/value caches of fixed prompt prefixes, per model, computed on first use."""

    def __init__(self):
        self._caches: dict[tuple[int, str], object] = {}
        self._lock = threading.Lock()

    @torch.no_grad()
    def get(self, model, tokenizer, prefix: str):
        key = (id(model), prefix)
        with self._lock:
            if key not in self._caches:
                ids = tokenizer(prefix, return_tensors="pt").input_ids.to(model.device)
                out = model(input_ids=ids, use_cache=True)
                self._caches[key] = (ids, out.past_key_values)
            ids, cache = self._caches[key]
        return ids, copy.deepcopy(cache)


PREFIX_CACHE = PrefixCache()


class StopOnStrings:
    """Stops each sequence once its new text holds a stop string.

    transformers' own `stop_strings` rebuilds a table over the whole 262k vocabulary on every `generate`
    call (seconds per call here); decoding a few dozen new tokens per step is far cheaper.
    """

    def __init__(self, tokenizer, stops: tuple[str, ...], prompt_length: int):
        self.tokenizer, self.stops, self.prompt_length = tokenizer, stops, prompt_length

    def __call__(self, input_ids: torch.Tensor, scores, **kwargs) -> torch.Tensor:
        texts = self.tokenizer.batch_decode(input_ids[:, self.prompt_length :], skip_special_tokens=True)
        return torch.tensor([any(s in t for s in self.stops) for t in texts], device=input_ids.device)


def stopping(tokenizer, stops: tuple[str, ...], prompt_length: int):
    from transformers import StoppingCriteriaList

    return StoppingCriteriaList([StopOnStrings(tokenizer, stops, prompt_length)]) if stops else None


@torch.no_grad()
def generate_texts(
    model,
    tokenizer,
    prefix: str,
    request: str,
    settings: SamplingSettings,
    stop_strings: tuple[str, ...] = (),
    allowed: torch.Tensor | None = None,
    enough: Callable[[str], bool] | None = None,
    good: Callable[[str], bool] | None = None,
    shape: Callable[[list[int]], torch.Tensor] | None = None,
    log_probs: list[list[float]] | None = None,
) -> list[str]:
    """`candidates` continuations of prefix + request, cut at the first stop string.

    With `allowed` token ids, sampling scores only those (`models.language.sub_vocabulary_sampling`), a
    candidate also ends as soon as `enough(its text)` holds (e.g. a poem has its lines), and all stop
    at the first ended candidate whose text is `good` (the others come back unfinished); `shape` biases
    each candidate's next token from its tokens so far (e.g. `models.language.verse_constraints.FormShape`);
    `log_probs` (with `allowed`) gets each candidate's token log-probabilities under the model alone.
    """
    prefix_ids, cache = PREFIX_CACHE.get(model, tokenizer, prefix)
    request_ids = tokenizer(request, return_tensors="pt", add_special_tokens=False).input_ids.to(model.device)
    if allowed is not None:
        return _sample_over(
            model,
            tokenizer,
            torch.cat([prefix_ids, request_ids], dim=1),
            cache,
            settings,
            stop_strings,
            allowed,
            enough,
            good,
            shape,
            log_probs,
        )
    ids = torch.cat([prefix_ids, request_ids], dim=1).repeat(settings.candidates, 1)
    torch.manual_seed(settings.seed)
    out = model.generate(
        input_ids=ids,
        attention_mask=torch.ones_like(ids),
        past_key_values=expand_cache(cache, settings.candidates),
        max_new_tokens=settings.max_new_tokens,
        do_sample=True,
        temperature=settings.temperature,
        top_p=settings.top_p,
        repetition_penalty=settings.repetition_penalty,
        no_repeat_ngram_size=settings.no_repeat_ngram_size,
        pad_token_id=tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id,
        stopping_criteria=stopping(tokenizer, stop_strings, ids.shape[1]),
    )
    texts = tokenizer.batch_decode(out[:, ids.shape[1] :], skip_special_tokens=True)
    return [cut_at_stop(t, stop_strings) for t in texts]


def _sample_over(model, tokenizer, ids, cache, settings, stop_strings, allowed, enough, good, shape, log_probs):
    def text(tokens: list[int]) -> str:
        return tokenizer.decode(tokens, skip_special_tokens=True)

    def done(tokens: list[int]) -> bool:
        new = text(tokens)
        return any(s in new for s in stop_strings) or (enough is not None and enough(new))

    def is_good(tokens: list[int]) -> bool:
        return good is not None and good(cut_at_stop(text(tokens), stop_strings))

    outputs = sample_sub_vocabulary(
        model, ids, allowed, settings, done, cache, is_good if good else None, shape, log_probs
    )
    return [cut_at_stop(text(t), stop_strings) for t in outputs]


def cut_at_stop(text: str, stop_strings: tuple[str, ...]) -> str:
    cut = len(text)
    for stop in stop_strings:
        i = text.find(stop)
        if i >= 0:
            cut = min(cut, i)
    return text[:cut].strip()
