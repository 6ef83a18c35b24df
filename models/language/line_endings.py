"""Ending a line of verse on the word the model itself finds likeliest there: a rhyme found, not stuck on.

A rhyme line is sampled freely (no planned word); while it is written, every word boundary is a possible
exit: the line so far plus one end word from a mask (the rhymes of its partner line's end word, or words
rich in rhymes for a line that opens a rhyme). `EndWordWatcher` keeps, at each boundary of each candidate,
the few mask words the model ranks highest there. The best exits are then scored exactly in one batched
pass (`score_lines`): every token's log-probability, with the line break after the end word, so a word the
sentence cannot stop on loses. Which rhyme a line gets, and where it ends, is the model's choice.

`topic_log_probs` is the model's sense of the subject's own words (what it would list for this poem): a line
that opens a rhyme is ranked with the likeliest of its future partners (`partner_prior`), so the rhyme pair
is chosen as a pair the subject makes likely.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from models.language.sub_vocabulary_decoding import decoder_of, sub_vocabulary_head
from models.language.sub_vocabulary_sampling import expand_cache
from models.language.verse_sounds import rhyme, words_of

SENTENCE_ENDS = (".", "!", "?")  # an end word never opens a sentence of its own
PER_BOUNDARY = 2  # end words kept per candidate and word boundary
TOPIC_PROBE = "Some words for this poem:"


@dataclass(frozen=True)
class Exit:
    candidate: int  # which sampled line
    length: int  # tokens of that line kept before the end word
    token: int  # the end word's token id (a one-token word with its leading space)
    approx: float  # mean log-probability of the kept tokens and the end word (the break not yet known)
    prior: float = 0.0  # the end word's bonus (see `EndWordWatcher`)


class EndWordWatcher:
    """Called at every sampling step (see `sample_sub_vocabulary`'s `watch`): records the likeliest words of
    `mask` (a boolean over the allowed tokens) as exits wherever a candidate's line has `min_words` words and
    its sentence goes on (not after ".", "!" or "?")."""

    def __init__(self, tokenizer, allowed: torch.Tensor, mask: torch.Tensor, min_words: int, prior=None):
        self.decode = lambda tokens: tokenizer.decode(tokens, skip_special_tokens=True)
        self.allowed, self.mask, self.min_words = allowed, mask, min_words
        self.prior = prior  # optional bonus per allowed index (e.g. the best future partner's topic log-prob)
        self.exits: list[Exit] = []
        self.bodies: dict[int, list[int]] = {}  # candidate -> its tokens (the sampler's own list)

    def __call__(self, candidate: int, tokens: list[int], log_probs: list[float], own: torch.Tensor) -> None:
        """`tokens` so far and their `log_probs`; `own`: the model's log-probs of the next token."""
        self.bodies[candidate] = tokens
        text = self.decode(tokens)
        if "\n" in text.lstrip("\n") or len(words_of(text)) < self.min_words or not self.mask.any():
            return
        if text.rstrip()[-1:] in SENTENCE_ENDS:  # "the beach is a peaceful place. Please": no one-word sentence
            return
        total = sum(log_probs)
        scores = own.masked_fill(~self.mask, float("-inf"))
        if self.prior is not None:
            scores = scores + self.prior
        k = min(PER_BOUNDARY, int(self.mask.sum()))
        for index in scores.topk(k).indices.tolist():
            mean = (total + float(own[index])) / (len(tokens) + 1)
            prior = float(self.prior[index]) if self.prior is not None else 0.0
            self.exits.append(Exit(candidate, len(tokens), int(self.allowed[index]), mean, prior))

    def tokens_of(self, candidate: int) -> list[int]:
        return self.bodies.get(candidate, [])

    def best(self, n: int, per_candidate: int = 2) -> list[Exit]:
        """The `n` best distinct exits by mean log-probability plus the end word's bonus, at most
        `per_candidate` from one sampled line (the others get their chance)."""
        seen, out, taken = set(), [], {}
        for e in sorted(self.exits, key=lambda e: e.approx + e.prior, reverse=True):
            body = (tuple(self.tokens_of(e.candidate)[: e.length]), e.token)
            if body not in seen and taken.get(e.candidate, 0) < per_candidate:
                seen.add(body)
                taken[e.candidate] = taken.get(e.candidate, 0) + 1
                out.append(e)
            if len(out) == n:
                break
        return out


@torch.no_grad()
def score_lines(model, context, allowed: torch.Tensor, lines: list[list[int]]) -> tuple[list, torch.Tensor]:
    """Exact log-probabilities (over `allowed`) of each line's tokens after `context` (a `CachedContext`), in
    one batched pass (right-padded: padding comes after each line and cannot change it), and the log-probs of
    the token after each line ([lines x allowed])."""
    n, longest = len(lines), max(len(line) for line in lines)
    index = torch.full((int(allowed.max()) + 1,), -1, dtype=torch.long)
    index[allowed] = torch.arange(len(allowed))
    ids = torch.zeros((n, longest), dtype=torch.long)
    for i, line in enumerate(lines):
        ids[i, : len(line)] = torch.tensor(line)
    cache = expand_cache(context.copy(), n)
    hidden = decoder_of(model)(input_ids=ids.to(context.ids.device), past_key_values=cache, use_cache=True)
    states = torch.cat([context.hidden[:, None].expand(n, 1, -1), hidden.last_hidden_state], dim=1)
    logp = torch.log_softmax(sub_vocabulary_head(model, allowed, keep=True)(states).float(), -1)
    per_token = [[float(logp[i, j, index[t]]) for j, t in enumerate(line)] for i, line in enumerate(lines)]
    after = torch.stack([logp[i, len(line)] for i, line in enumerate(lines)])
    return per_token, after


@torch.no_grad()
def topic_log_probs(model, tokenizer, context, allowed: torch.Tensor) -> torch.Tensor:
    """Log-probs over `allowed` of the next word after the context and a short probe asking for the poem's
    words: high for the subject's own things (its colours, sounds, places), low for stray ones."""
    probe = tokenizer(TOPIC_PROBE, add_special_tokens=False).input_ids
    _, after = score_lines(model, context, allowed, [probe])
    return after[0]


_SOUND_GROUPS: dict[int, list[torch.Tensor]] = {}


def sound_groups(table) -> list[torch.Tensor]:
    """Indices of the usable end-word tokens (new words, not weak ends) grouped by rhyming sound (cached)."""
    if id(table) not in _SOUND_GROUPS:
        usable = (table.new_word & ~table.avoid_at_end).tolist()
        groups: dict[str, list[int]] = {}
        for i, part in enumerate(table.part_of_token):
            if part is not None and usable[i]:
                groups.setdefault(part, []).append(i)
        _SOUND_GROUPS.clear()
        _SOUND_GROUPS[id(table)] = [torch.tensor(m) for m in groups.values() if len(m) > 1]
    return _SOUND_GROUPS[id(table)]


def partner_prior(table, topic: torch.Tensor) -> torch.Tensor:
    """Per allowed token: the topic log-prob of its likeliest rhyme (another word of the same sound that is
    a true rhyme for it); -inf for a token without one."""
    best = torch.full_like(topic, float("-inf"))
    for members in sound_groups(table):
        scores = topic[members]
        ranked = members[scores.argsort(descending=True)[:4]].tolist()
        for i in members.tolist():
            partner = next((j for j in ranked if rhyme(table.word[i], table.word[j])), None)
            if partner is not None:
                best[i] = topic[partner]
    return best


def end_word_of(text: str) -> str:
    found = words_of(text)
    return found[-1] if found else ""
