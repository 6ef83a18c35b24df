"""A description of the works, written one sentence at a time: what the painting shows, then how the melody
sounds, each only where that work was made (a chat model's description; a base model's is sampled whole by
`tools.text_drafting`).

Sampled whole, the model's painting sentence drifted into the music ("a pier glows in winter, painted in soft A
minor"). Here each sentence has its own request and worked exchanges (`tools.text_prompts.sentence_request`), a
few candidates each, the best sound one kept by the model's mean token log-probability (the painting's also by
the subject's words it names); the two are checked together as one description.
"""

from __future__ import annotations

import re

from models.language.core_share import threads_for_load
from models.language.shared_lm import LM_LOCK, base_only
from models.language.text_generation import generate_texts
from models.language.text_vocabulary import prose_token_ids
from tools.text_drafting import (
    DESCRIPTION_ECHO,
    DOUBLED_WORD,
    SUBJECT_WEIGHT,
    Draft,
    _one_paragraph,
    check,
    clean_text,
    cut_off,
    prose_sampling,
    subject_words_present,
)
from tools.text_prompts import chat_prompt, chat_prompt_lines, copied_phrase, sentence_request

MUSIC_WORDS = re.compile(r"\b(melody|music|notes?|tune|song)\b", re.I)
OTHER_WORK = {"painting": MUSIC_WORDS, "melody": re.compile(r"\b(painting|painted)\b", re.I)}

SENTENCE_CANDIDATES = 4
SENTENCE_TOKENS = 40
SENTENCE_TEMPERATURE = 0.6


def one_sentence(text: str) -> bool:
    """The text holds one whole sentence: it ends on '.', '!' or '?' and has no other sentence end before."""
    body = text.strip()
    return body[-1:] in ".!?" and not any(c in ".!?" for c in body[:-1].rstrip(".!?"))


def sentence_rank(text: str, log_prob: float, subject: str, part: str) -> tuple[bool, float]:
    """(sound, score) of a candidate sentence: sound = one finished sentence, no echo of the request or the
    examples, no word of the other work ("with cheerful sounds and a painting of a fair"), no doubled word;
    score = mean token log-probability (+ subject words for the painting's)."""
    sound = (
        one_sentence(text)
        and not cut_off(text)
        and not DESCRIPTION_ECHO.search(text)
        and not copied_phrase(text, part)
        and not DOUBLED_WORD.search(text)
        and not OTHER_WORK[part].search(text)
    )
    words = subject_words_present(subject, text) if part == "painting" else 0.0
    return sound, log_prob + SUBJECT_WEIGHT * words


def best_sentence(model, tokenizer, part: str, request: str, subject: str, seed: int) -> tuple[str, float, str]:
    """(text, mean token log-prob, the whole prompt) of the best of a few candidate sentences for one request."""
    prefix, tail = chat_prompt(tokenizer, part, request)
    allowed = prose_token_ids(tokenizer)
    settings = prose_sampling(SENTENCE_TOKENS, SENTENCE_TEMPERATURE, SENTENCE_CANDIDATES, seed)
    log_probs: list[list[float]] = []
    raws = generate_texts(
        model,
        tokenizer,
        prefix,
        tail,
        settings,
        ("<|im_end|>", "<|im_start|>"),
        allowed=allowed,
        enough=lambda text: text.rstrip()[-1:] in ".!?",
        shape=_one_paragraph(tokenizer, allowed),
        log_probs=log_probs,
    )
    scored = []
    for raw, lps in zip(raws, log_probs):
        text, mean = clean_text(raw, "description"), sum(lps) / len(lps) if lps else -99.0
        scored.append((sentence_rank(text, mean, subject, part), text, mean))
    _, text, mean = max(scored, key=lambda s: s[0])
    return text, mean, prefix + tail


def description_parts(works: tuple[str, ...]) -> tuple[str, ...]:
    """The sentences of a description of the works made: the painting's then the melody's when both exist, the
    melody's alone without a painting, else the painting's alone (a melody that was never made is never
    described; a second sentence on its light read less coherent to the dev judge, words22-dev-1)."""
    painting, melody = "painting" in works, "melody" in works
    if painting and melody:
        return ("painting", "melody")
    return ("melody",) if melody else ("painting",)


def draft_description(
    model, tokenizer, key, mood, subject, colours, music, seed, works=("painting", "melody")
) -> Draft:
    """A description of `works` (see `description_parts`), its sentences checked together (a `Draft`)."""
    parts, wanted = [], description_parts(works)
    with LM_LOCK, base_only(key), threads_for_load():
        for n, part in enumerate(wanted):
            request = sentence_request(part, mood, subject, colours, music, beside_painting="painting" in wanted)
            parts.append(best_sentence(model, tokenizer, part, request, subject, seed * 10 + n))
    text = " ".join(t for t, _, _ in parts)
    leaked = set().union(*(chat_prompt_lines(part) for part in wanted))
    draft = check(text, "description", None, subject, sum(lp for _, lp, _ in parts) / len(parts), leaked)
    draft.exchanges = [(prompt, t) for t, _, prompt in parts]
    return draft
