"""Guesses of an answer's next tokens, for the speculative step of `models.language.sub_vocabulary_decoding`.

The tuned orchestrator's answers are mostly predictable: JSON punctuation, tool and argument names, and words copied
from the request. A small n-gram table (up to 3 tokens of context) over the answers the adapter learnt
(`answer_vocabulary.txt`) and over the request's own tokens guesses the next few; the model then checks them all in
one step. The guesses never change an answer, only how many steps it takes: each one is kept only where greedy
decoding would choose it anyway.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

ORDER = 3  # tokens of context
GUESSES = 6  # tokens guessed per step: a step with 7 tokens costs about as much as one on a CPU
START = -1  # the context before an answer's first token


def _counts(sequences: list[list[int]], starts: bool = True) -> dict[tuple[int, ...], Counter]:
    """Context (1 to ORDER tokens) -> counts of the next token; `starts`: contexts before the first token too."""
    table: dict[tuple[int, ...], Counter] = defaultdict(Counter)
    for ids in sequences:
        padded = [START] * ORDER + ids
        for i in range(ORDER if starts else ORDER + 1, len(padded)):
            for n in range(1, ORDER + 1):
                if starts or padded[i - n] != START:
                    table[tuple(padded[i - n : i])][padded[i]] += 1
    return table


def _best_next(table: dict[tuple[int, ...], Counter]) -> dict[tuple[int, ...], int]:
    return {context: counts.most_common(1)[0][0] for context, counts in table.items()}


@lru_cache(maxsize=4)
def answer_table(tokenizer, adapter: str) -> dict[tuple[int, ...], int]:
    """Context -> the likeliest next token over the answers the adapter learnt (as it writes them, after 'Calls:')."""
    from assistant.orchestrators.answer_vocabulary import shipped_answers

    return _best_next(_counts(tokenizer(shipped_answers(adapter), add_special_tokens=False).input_ids))


class AnswerDrafts:
    """`drafts(tokens so far)` -> up to GUESSES guessed next tokens (none past a stop token)."""

    def __init__(self, tokenizer, adapter: str, request: str, stops: set[int]):
        self.answers = answer_table(tokenizer, adapter)
        words = tokenizer(" " + request, add_special_tokens=False).input_ids
        self.request = _best_next(_counts([words], starts=False))  # a copied value goes on as the request does
        self.stops = stops

    def next_token(self, context: list[int]) -> int | None:
        padded = [START] * ORDER + context
        for n in range(ORDER, 0, -1):
            key = tuple(padded[-n:])
            for table in (self.request, self.answers):
                if key in table:
                    return table[key]
        return None

    def __call__(self, tokens: list[int]) -> list[int]:
        context, guesses = list(tokens), []
        while len(guesses) < GUESSES:
            token = self.next_token(context)
            if token is None or token in self.stops:
                break
            guesses.append(token)
            context.append(token)
        return guesses
