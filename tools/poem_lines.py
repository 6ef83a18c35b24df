"""A poem from a chat model, written one line at a time, each line chosen among a few by the model's own
judgement (`models.language.text_lines`).

Free and haiku lines: a few candidates under the form, the best kept by its mean token log-probability
given the poem so far, plus new subject words, less content words already used (the last line's last word
weighed once more: a thought that ends, not one cut).

Rhyme lines are sampled freely and end where the model itself would put a rhyme (`models.language.
line_endings`): at every word boundary of every candidate, the rhymes the model ranks highest there are
possible ends; the best are scored exactly with their line break, and the line with the likeliest whole
(mean log-probability, its end word and break weighed once more) is kept. A line that opens a rhyme may
only end on a word rich in rhymes whose likeliest partner belongs to the subject (`partner_prior`), and
not on a sound an earlier pair used (ABAB never turns into AAAA).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

import torch

from models.language.core_share import threads_for_load
from models.language.line_endings import EndWordWatcher, partner_prior, score_lines, topic_log_probs
from models.language.poem_forms import PoemForm
from models.language.shared_lm import LM_LOCK, base_only
from models.language.text_lines import CachedContext, Line, sample_line
from models.language.text_vocabulary import decoded_token_texts, prose_token_ids
from models.language.verse_constraints import FormShape
from models.language.verse_sounds import rhyming_part, words_of
from tools.describe import draft_description
from tools.line_relevance import relevance
from tools.text_drafting import (
    DANGLING,
    ECHO,
    STOPWORDS,
    SUBJECT_WEIGHT,
    _prompt,
    _stem,
    check,
    clean_text,
    draft_texts,
    prose_sampling,
)
from tools.text_prompts import copied_phrase, normalise, starts_with_field_label

LINE_CANDIDATES = 3  # sampled per free line
RHYME_LINE_CANDIDATES = 4  # sampled per rhyme line (each gives many possible ends)
HAIKU_LINE_CANDIDATES = 5
RETRY_TEMPERATURE = 0.9  # a line whose candidates all fail is sampled once more, hotter
FLAWED = -5.0  # a score below this has one of `line_score`'s flaws
RHYME_LINE_WORDS = 7  # words before a rhyme line's end word, at most
EXITS_SCORED = 4  # possible ends of a rhyme line scored exactly
END_WORD_WEIGHT = 0.5  # a rhyme line's end word and break weighed once more: a rhyme it leads to wins
PAIR_WEIGHT = 0.3  # nats per nat of the opening word's likeliest partner (its topic log-prob)
LINE_TOKENS = 20
LINE_TEMPERATURE = 0.7
REUSED_WORD_COST = 0.6  # nats per token for a line made only of content words the poem already used
MIN_WORDS = 3
DISTINCT_STARTS = os.environ.get("ARTCHAT_DISTINCT_STARTS", "1") == "1"  # a rhyme line's candidates open differently
LAST_WORD_WEIGHT = 1.0  # a free poem's last line: its last word's log-probability weighed once more


def content_word_list(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z']+", text.lower()) if w not in STOPWORDS and len(w) > 2]


def content_words(text: str) -> set[str]:
    return set(content_word_list(text))


def end_word_log_prob(line: Line, token_texts: list[str]) -> float:
    """The log-probability of the line's last word-token (its rhyme word, where one is asked)."""
    for token, lp in zip(reversed(line.tokens), reversed(line.log_probs)):
        if any(c.isalpha() for c in token_texts[token]):
            return lp
    return -99.0


def ends_on_a_stutter(text: str) -> bool:
    """True when the line's last word only repeats the start of the word before it ("dissolving diss",
    "tormented tor"): a rhyme fragment stuck on, not a word the line leads to."""
    words = re.findall(r"[a-z']+", text.lower())
    return len(words) > 1 and words[-2] != words[-1] and words[-2].startswith(words[-1])


def phrases(text: str, size: int = 3) -> set[tuple[str, ...]]:
    """Runs of `size` words holding a content word ("still the same", "in the gloomy")."""
    words = re.findall(r"[a-z']+", text.lower())
    runs = (tuple(words[i : i + size]) for i in range(len(words) - size + 1))
    return {r for r in runs if any(w not in STOPWORDS and len(w) > 2 for w in r)}


def repeats_a_phrase(text: str, earlier: list[str]) -> bool:
    """The line repeats three words of an earlier line ("her dishes are still the same, / her clothes are
    still the same")."""
    return bool(phrases(text) & set().union(*(phrases(e) for e in earlier))) if earlier else False


def line_score(line: Line, kept: list[Line], subject: str, leaked: set[str]) -> float:
    """Mean token log-probability of the line given the poem so far, plus subject words it adds, less
    content words the poem already used; a line cut by the token limit, copying an example, using a content
    word twice or repeating three words of an earlier line loses."""
    wanted = content_words(subject)
    before = content_words(" ".join(k.text for k in kept))
    mine = content_words(line.text)
    twice = len(content_word_list(line.text)) > len(mine)  # "the beauty of nature and its beauty"
    new_subject = len((mine & wanted) - before) / len(wanted) if wanted else 0.0
    reused = len((mine & before) - wanted) / max(1, len(mine))
    bad = not line.ended or normalise(line.text) in leaked or starts_with_field_label(line.text)
    bad = bad or bool(ECHO.search(line.text)) or normalise(line.text) in {normalise(k.text) for k in kept}
    bad = bad or ends_on_a_stutter(line.text) or copied_phrase(line.text, "poem") or twice
    bad = bad or repeats_a_phrase(line.text, [k.text for k in kept])
    return line.mean_log_prob + SUBJECT_WEIGHT * new_subject - REUSED_WORD_COST * reused - 10.0 * bad


def _end_words(kept: list[Line]) -> list[str]:
    return [(words_of(k.text) or [""])[-1] for k in kept]


def end_mask(table, form: PoemForm, index: int, kept: list[Line]) -> torch.Tensor:
    """The words a rhyme line may end on: its partner's rhymes (not a word already ending a line), or, for a
    line opening a rhyme, words rich in rhymes whose sound no earlier line ends on."""
    ends = _end_words(kept)
    partner = form.partner(index)
    if partner is not None:
        mask = table.rhyming_with(ends[partner])
        return mask & ~table.avoid_at_end & ~torch.tensor([w in ends for w in table.word])
    used = {rhyming_part(w) for w in ends} - {None}
    return table.opens_rhyme & ~table.avoid_at_end & ~torch.tensor([p in used for p in table.part_of_token])


def rhyme_line(model, tokenizer, context, allowed, table, settings, form, index, kept, prior) -> list[Line]:
    """Candidates for a rhyme line, each ending on a word of `end_mask` where the model ranks one highest
    (see the module's docstring); `prior`: the opening word's partner bonus, or None."""
    free = FormShape(tokenizer, allowed, PoemForm("free", form.lines), DANGLING, min_words=MIN_WORDS, max_words=10)
    before = [t for line in kept for t in line.tokens]
    mask = end_mask(table, form, index, kept)
    watcher = EndWordWatcher(tokenizer, allowed, mask, MIN_WORDS, prior)
    shapes = [lambda tokens: free(before + tokens)] * RHYME_LINE_CANDIDATES
    sampled = sample_line(model, tokenizer, context, allowed, settings, _rhyme_line_done, shapes, watcher)
    exits = watcher.best(EXITS_SCORED)
    if not exits:
        return sampled  # no rhyme reachable: the form check will say so
    bodies = [sampled[e.candidate].tokens[: e.length] + [e.token] for e in exits]
    per_token, after = score_lines(model, context, allowed, bodies)
    ending = line_ending(table, allowed, last=index == form.lines - 1)
    lines = []
    for body, lps, nxt in zip(bodies, per_token, after):
        end, lp = ending(nxt)
        tokens = body + end
        lines.append(Line(tokens, tokenizer.decode(tokens, skip_special_tokens=True), lps + [lp], True))
    return lines


def line_ending(table, allowed: torch.Tensor, last: bool):
    """next-token log-probs -> (tokens that end the line, their log-prob): the likeliest line break (for the
    poem's last line one that closes the sentence, ".\n"; a tokenizer without one gets "." then a break)."""
    breaks = table.closing_break if last else table.breaks
    if not breaks.any():
        breaks = table.closes
    newline = [int(allowed[i]) for i in table.breaks.nonzero()[:, 0].tolist()][:1]

    def ending(next_log_probs: torch.Tensor) -> tuple[list[int], float]:
        best = int(next_log_probs.masked_fill(~breaks, float("-inf")).argmax())
        extra = newline if bool(table.closes[best]) and not bool(table.breaks[best]) else []
        return [int(allowed[best]), *extra], float(next_log_probs[best])

    return ending


def _line_done(text: str) -> bool:
    return "\n" in text.lstrip("\n")


def _rhyme_line_done(text: str) -> bool:
    """A rhyme line's sampling may stop at its break or once past the longest line it may end as."""
    return _line_done(text) or len(words_of(text)) > RHYME_LINE_WORDS


def drafts(
    model,
    tokenizer,
    key,
    kind,
    mood,
    subject,
    colours,
    music,
    form,
    seed,
    valence=0.0,
    arousal=0.0,
    works=(),
    opening=(),
):
    """Checked drafts of a text, best first: a chat model's poem written line by line (after the lines of
    `opening`, when a poem is made longer) and its description sentence by sentence (`tools.describe`, of the
    `works` made), one draft each; anything else sampled whole (`tools.text_drafting.draft_texts`)."""
    if kind == "poem" and getattr(tokenizer, "chat_template", None):
        return [draft_poem_by_lines(model, tokenizer, key, mood, subject, colours, music, form, seed, opening)]
    if kind == "description" and getattr(tokenizer, "chat_template", None):
        return [draft_description(model, tokenizer, key, mood, subject, colours, music, seed, works)]
    return draft_texts(model, tokenizer, key, kind, mood, subject, colours, music, form, seed, valence, arousal)


def draft_poem_by_lines(model, tokenizer, key, mood, subject, colours, music, form: PoemForm, seed: int, opening=()):
    """A poem from a chat model, one line at a time (see the module's docstring), going on from the lines of
    `opening` (kept as they are, as the poem's first lines); a `Draft`."""
    prefix, request, _, leaked = _prompt(tokenizer, "poem", mood, subject, colours, music, form, "any")
    allowed = prose_token_ids(tokenizer)
    settings = prose_sampling(LINE_TOKENS, LINE_TEMPERATURE, LINE_CANDIDATES, seed, distinct_start=DISTINCT_STARTS)
    min_words = 1 if form.syllables else MIN_WORDS
    token_texts = decoded_token_texts(tokenizer)
    kept: list[Line] = []
    with LM_LOCK, base_only(key), threads_for_load():
        context = CachedContext(model, tokenizer, prefix, request)
        table = FormShape(tokenizer, allowed, form, DANGLING).t
        pairs = None
        if form.scheme:
            pairs = PAIR_WEIGHT * partner_prior(table, topic_log_probs(model, tokenizer, context, allowed))
        for line in opening[: form.lines - 1]:  # a poem made longer keeps its lines; at least one is new
            tokens = tokenizer(line + "\n", add_special_tokens=False).input_ids
            kept.append(Line(tokens, line + "\n", [], True))
            context.extend(tokens)
        for index in range(len(kept), form.lines):
            settings.seed = seed * 100 + index
            before = [t for line in kept for t in line.tokens]
            rhymed = bool(form.scheme) and (form.partner(index) is not None or form.opens_rhyme(index))
            settings.avoid_tokens = tuple(before)  # no four tokens of an earlier line again
            if rhymed:
                prior = None if form.partner(index) is not None else pairs
                rhyme = replace(settings, candidates=RHYME_LINE_CANDIDATES)
                lines = rhyme_line(model, tokenizer, context, allowed, table, rhyme, form, index, kept, prior)
                ends = RhymeEnds(token_texts, allowed, prior)
                best = best_line(
                    lines, kept, lambda ln, e=ends: line_score(ln, kept, subject, leaked) + e.bonus(ln), subject
                )
            else:
                shape = FormShape(tokenizer, allowed, form, DANGLING, min_words=min_words, max_words=10)
                n = HAIKU_LINE_CANDIDATES if form.syllables else LINE_CANDIDATES
                shapes = [lambda tokens, s=shape, b=before: s(b + tokens)] * n
                # judged: free verse read worse with distinct starts
                free = replace(settings, distinct_start=False)
                last = LAST_WORD_WEIGHT if index == form.lines - 1 else 0.0  # the last word closes the thought

                def score(line: Line, kept=kept, last=last) -> float:
                    return line_score(line, kept, subject, leaked) + last * end_word_log_prob(line, token_texts)

                lines = sample_line(model, tokenizer, context, allowed, free, _line_done, shapes)
                best = best_line(lines, kept, score, subject)
                if best is None or best[1] < FLAWED:
                    hotter = replace(free, temperature=RETRY_TEMPERATURE, seed=free.seed + 7919)
                    lines += sample_line(model, tokenizer, context, allowed, hotter, _line_done, shapes)
                    best = best_line(lines, kept, score, subject)
            if best is None:  # every candidate ended at once: the form check will say the poem is short
                break
            kept.append(best[0])
            if index < form.lines - 1:  # the last line is followed by nothing: feeding it would be wasted
                context.extend(best[0].tokens)
    text = clean_text("".join(line.text for line in kept), "poem")
    log_probs = [lp for line in kept for lp in line.log_probs]
    draft = check(text, "poem", form, subject, sum(log_probs) / max(1, len(log_probs)), leaked)
    kept_tokens = [t for line in kept for t in line.tokens]
    draft.exchanges = [(prefix + request, tokenizer.decode(kept_tokens, skip_special_tokens=True))]
    return draft


def best_line(lines: list[Line], kept: list[Line], score, topic: str = "") -> tuple[Line, float] | None:
    """The line with the highest `score` less what `line_relevance.relevance` finds it repeats of the poem so
    far and plus how near it keeps to the `topic`, with its total; None when there is no line."""
    if not lines:
        return None
    near = relevance([line.text for line in lines], [k.text for k in kept], topic)
    return max(((line, score(line) + r) for line, r in zip(lines, near)), key=lambda pair: pair[1])


class RhymeEnds:
    """The extra score of a rhyme line: its end word and break weighed once more, and, for a line opening a
    rhyme, its end word's partner bonus (`prior` over the allowed tokens; a word without one loses)."""

    def __init__(self, token_texts: list[str], allowed: torch.Tensor, prior: torch.Tensor | None):
        self.token_texts, self.prior = token_texts, prior
        self.index = {int(t): i for i, t in enumerate(allowed.tolist())} if prior is not None else {}

    def bonus(self, line: Line) -> float:
        score = END_WORD_WEIGHT * (end_word_log_prob(line, self.token_texts) + line.log_probs[-1])
        if self.prior is None:
            return score
        word = next((t for t in reversed(line.tokens) if any(c.isalpha() for c in self.token_texts[t])), None)
        pair = float(self.prior[self.index[word]]) if word in self.index else float("-inf")
        return score + (pair if pair > float("-inf") else -10.0)
