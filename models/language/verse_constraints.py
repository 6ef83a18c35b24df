"""Sampling a poem under its form: the form is fixed first, the model fills the lines under it.

Per candidate and step, a bias over the sampled sub-vocabulary (see `sub_vocabulary_sampling`) says what may
come next in the current line:
- a line may end (a newline token, alone or after punctuation) only when its form holds: at least a few words,
  the syllable target reached exactly (haiku), the end word rhyming with its partner line's by the CMU
  dictionary (couplets, ABAB), or, for a line that opens a rhyme, an end word with enough one-token rhymes
  for the partner line to choose from; and the poem's last line never ends on "the", "and", "of" ...
- where syllables are counted, only whole words that fit the syllables left may follow (one token each);
- rhyme lines lean towards a valid end word from `soft_words` on and must take one at `max_words`;
- no blank line, no end of text before the last line.
Which words fill the lines, and where within those bounds a line ends, is the model's own choice.
"""

from __future__ import annotations

from functools import lru_cache

import torch

from models.language.poem_forms import PoemForm
from models.language.text_vocabulary import decoded_token_texts
from models.language.verse_sounds import phones, rhyming_part, syllables, words_of

PUNCTUATION = set(",.;:!?-'\" ")
END_PUNCTUATION = (",", ".", ";", ":", "!", "?")
RHYMES_NEEDED = 20  # one-token words a partner line can end on (a rich rhyme: light, day, sea)
FEWEST_RHYMES = 6  # where no rhyme is that rich
WEAK_ENDS = frozenset("as is are was were it that this so if when where while who than like".split())
LINE_END_AVOID = frozenset("on in by we i he she they very".split())  # a short line does not end on these


class TokenTable:
    """What each allowed token is to a line of verse (computed once per tokenizer and allowed set)."""

    def __init__(self, tokenizer, allowed: torch.Tensor, dangling: frozenset[str]):
        texts = [decoded_token_texts(tokenizer)[int(i)] for i in allowed]
        eos = tokenizer.eos_token_id
        self.size = len(texts)
        self.breaks = torch.tensor([_is_break(t) for t in texts])
        self.blank = torch.tensor([("\n" in t and not _is_break(t)) or int(i) == eos for t, i in zip(texts, allowed)])
        self.new_word = torch.tensor([t[:1] == " " and t[1:].isalpha() for t in texts])
        self.bare_word = torch.tensor([t.isalpha() for t in texts])
        self.punct = torch.tensor([bool(t) and set(t) <= PUNCTUATION and t.strip() != "" for t in texts])
        self.closes = torch.tensor([t.strip() in (".", "!", "?") for t in texts])  # ends a sentence
        self.closing_break = self.breaks & torch.tensor([t.strip()[:1] in (".", "!", "?") for t in texts])
        words = [t.strip().lower() if (t.strip().isalpha()) else "" for t in texts]
        self.syllables = torch.tensor([syllables(w) if w else 0 for w in words])
        self.dangling = torch.tensor([w in dangling or w in WEAK_ENDS for w in words])
        self.avoid_at_end = self.dangling | torch.tensor([w in LINE_END_AVOID for w in words])
        self.known = torch.tensor([bool(w) and (len(w) > 1 or w in "aio") and phones(w) is not None for w in words])
        parts = [rhyming_part(w) if w and len(w) > 1 and not d else None for w, d in zip(words, self.dangling)]
        self.part_of_token = parts
        counts: dict[str, set[str]] = {}
        for w, p, is_new in zip(words, parts, self.new_word.tolist()):
            if p and is_new:
                counts.setdefault(p, set()).add(w)
        self.words_with_part = counts
        self.word = words
        rich = {p for p, ws in counts.items() if len(ws) > RHYMES_NEEDED}
        rich = rich or {p for p, ws in counts.items() if len(ws) > FEWEST_RHYMES}  # a small vocabulary
        self.rich_parts = rich
        self.opens_rhyme = torch.tensor([p in rich and n for p, n in zip(parts, self.new_word.tolist())])

    def rhyming_with(self, word: str) -> torch.Tensor:
        """New-word tokens that rhyme with `word` (not the word itself)."""
        return _rhyme_mask(self, word)


@lru_cache(maxsize=256)
def _rhyme_mask_cached(table_id: int, word: str, table_ref: tuple) -> torch.Tensor:
    """The same test as the line-end check (`verse_sounds.rhyme`): 'live' is no rhyme for 'alive'."""
    table = table_ref[0]
    part = rhyming_part(word)
    rhyming = [p is not None and p == part and _rhymes(word, w) for p, w in zip(table.part_of_token, table.word)]
    return torch.tensor(rhyming) & table.new_word


def _rhyme_mask(table: TokenTable, word: str) -> torch.Tensor:
    return _rhyme_mask_cached(id(table), word, (table,))


def _is_break(text: str) -> bool:
    """A token that ends a line: a newline, alone or after punctuation ('\\n', '.\\n', ',\\n')."""
    return text.endswith("\n") and text.count("\n") == 1 and set(text[:-1]) <= PUNCTUATION


@lru_cache(maxsize=8)
def token_table(tokenizer, allowed: torch.Tensor, dangling: frozenset[str]) -> TokenTable:
    return TokenTable(tokenizer, allowed, dangling)


class FormShape:
    """Bias over `allowed` token ids for a candidate's text so far: a callable on its token ids."""

    def __init__(
        self,
        tokenizer,
        allowed: torch.Tensor,
        form: PoemForm,
        dangling: frozenset[str],
        min_words: int = 3,
        soft_words: int = 7,
        max_words: int = 11,
        end_push: float = 1.5,
        rhyme_pull: float = 0.6,
        end_word: tuple[int, str] | None = None,
    ):
        self.decode = lambda tokens: tokenizer.decode(tokens, skip_special_tokens=True)
        self.form, self.dangling = form, dangling | WEAK_ENDS
        self.min_words, self.soft_words, self.max_words, self.end_push = min_words, soft_words, max_words, end_push
        self.rhyme_pull = rhyme_pull
        self.t = token_table(tokenizer, allowed, dangling)
        self.end_word = end_word  # (line, word): that line must end on that word (a planned rhyme)
        if end_word:
            self.end_mask = self.t.new_word & torch.tensor([w == end_word[1] for w in self.t.word])

    def planned(self, index: int) -> str | None:
        return self.end_word[1] if self.end_word and self.end_word[0] == index else None

    def __call__(self, tokens: list[int]) -> torch.Tensor:
        text = self.decode(tokens).lstrip("\n")
        lines = text.split("\n")
        bias = torch.zeros(self.t.size)
        if len(lines) > self.form.lines:
            return bias  # done: `enough` ends it
        bias[self.t.blank] = float("-inf")
        bias[~(self.t.breaks | self.t.new_word | self.t.bare_word | self.t.punct)] = float("-inf")
        index, line = len(lines) - 1, lines[-1]
        words = words_of(line)
        if not words:
            bias[self.t.breaks | self.t.punct | self.t.new_word] = float("-inf")  # a line opens on a word
        if self.form.syllables:
            return self._syllable_bias(bias, index, line, words)
        return self._length_and_rhyme_bias(bias, index, lines, words)

    def _syllable_bias(self, bias, index, line, words) -> torch.Tensor:
        target = self.form.syllables[index]
        left = target - sum(syllables(w) for w in words)
        if words:
            bias[self.t.bare_word] = float("-inf")  # no word pieces: every word's syllables known when taken
        if left > 0:
            bias[self.t.breaks | self.t.closes] = float("-inf")  # a sentence ends only where a line does
            fits = (self.t.new_word | (self.t.bare_word & (not words))) & self.t.known
            fits &= self.t.syllables <= left
            fits &= ~((self.t.syllables == left) & self.t.avoid_at_end)  # no line ends on "the", "and", "on"
            bias[(self.t.new_word | self.t.bare_word) & ~fits] = float("-inf")
        else:
            bias[self.t.new_word | self.t.bare_word] = float("-inf")
            bias[self.t.breaks] += self.end_push
            if index == self.form.lines - 1 and not line.rstrip().endswith((".", "!", "?")):
                self._close_sentence(bias, self.end_push)
        return bias

    def _close_sentence(self, bias: torch.Tensor, push: float) -> None:
        """The poem's last line ends with a full stop (or ! or ?) before its line break."""
        bias[self.t.breaks & ~self.t.closing_break] = float("-inf")
        bias[self.t.punct & ~self.t.closes] = float("-inf")
        bias[self.t.closes | self.t.closing_break] += push

    def _end_ok(self, index: int, lines: list[str], words: list[str]) -> bool:
        """Whether the line may end here: enough words, a proper last word, its rhyme."""
        if len(words) < self.min_words:
            return False
        last = words[-1]
        if last in self.dangling and (index == self.form.lines - 1 or self.form.scheme):
            return False
        if self.planned(index):
            return last == self.planned(index)
        partner = self.form.partner(index)
        if partner is not None:
            return bool(self._rhyme_target(lines, partner)) and _rhymes(last, self._rhyme_target(lines, partner))
        if self.form.opens_rhyme(index):
            part = rhyming_part(last)
            return part is not None and part in self.t.rich_parts
        return True

    @staticmethod
    def _rhyme_target(lines: list[str], partner: int) -> str:
        found = words_of(lines[partner])
        return found[-1] if found else ""

    def _end_words(self, index: int, lines: list[str]) -> torch.Tensor | None:
        """One-token words that may end this line (None: any word)."""
        if self.planned(index):
            return self.end_mask
        partner = self.form.partner(index)
        if partner is not None:
            return self.t.rhyming_with(self._rhyme_target(lines, partner))
        if self.form.opens_rhyme(index):
            return self.t.opens_rhyme
        return None

    def _length_and_rhyme_bias(self, bias, index, lines, words) -> torch.Tensor:
        n = len(words)
        line = lines[-1].rstrip()
        if line.endswith((".", "!", "?")) and words:
            bias[~self.t.breaks] = float("-inf")  # a sentence closed: the line ends with it
            return bias
        if not self._end_ok(index, lines, words):
            bias[self.t.breaks | self.t.closes] = float("-inf")  # a sentence ends only where a line may
        else:
            push = self.end_push * (
                max(0, n - self.soft_words + 1) + line.endswith(END_PUNCTUATION) + bool(self.form.scheme)
            )
            if index == self.form.lines - 1 and not line.endswith((".", "!", "?")):
                self._close_sentence(bias, push)
            else:
                bias[self.t.breaks] += push
        ends = self._end_words(index, lines)
        if ends is not None and n >= self.min_words:  # lean towards a rhyme early, not only when forced
            bias[ends] += self.rhyme_pull * (1 + max(0, n - self.min_words))
        if n >= self.max_words and not self._end_ok(index, lines, words):
            if ends is None:
                return bias  # any word may end a free line: the break is allowed once it is proper
            keep = ends | (self.t.punct & torch.tensor(False))
            bias[~keep & ~self.t.breaks] = float("-inf")
            bias[self.t.bare_word] = float("-inf")
        if n >= self.max_words + 2 and self._end_ok(index, lines, words):
            bias[~self.t.breaks & ~self.t.punct] = float("-inf")
        return bias


def _rhymes(a: str, b: str) -> bool:
    from models.language.verse_sounds import rhyme

    return rhyme(a, b)
