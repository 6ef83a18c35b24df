from types import SimpleNamespace

import torch

from models.language.line_shaping import LineShape, token_classes
from models.language.sub_vocabulary_sampling import sample_sub_vocabulary
from models.language.text_vocabulary import plain_text_token_ids


def _ids(tokenizer, text: str) -> list[int]:
    return tokenizer(text, add_special_tokens=False).input_ids


def _shape(tiny_lm, lines=4):
    model, tokenizer = tiny_lm
    allowed = plain_text_token_ids(tokenizer)
    return LineShape(tokenizer, allowed, lines, min_words=3, soft_words=5, max_words=7), allowed


def test_no_line_break_or_end_before_the_first_words(tiny_lm):
    shape, allowed = _shape(tiny_lm)
    line_break, blank, _ = token_classes(tiny_lm[1], allowed)
    bias = shape(_ids(tiny_lm[1], "the sea"))
    assert line_break.any() and bool(torch.isinf(bias[line_break]).all())
    assert bool(torch.isinf(bias[blank]).all())


def test_line_breaks_are_pushed_harder_as_the_line_grows(tiny_lm):
    shape, allowed = _shape(tiny_lm)
    line_break, _, new_word = token_classes(tiny_lm[1], allowed)
    five = shape(_ids(tiny_lm[1], "the sea night grey blue"))[line_break]
    six = shape(_ids(tiny_lm[1], "the sea night grey blue gold"))[line_break]
    assert bool((six > five).all()) and bool((five > 0).all())
    full = shape(_ids(tiny_lm[1], "the sea night grey blue gold light"))
    assert bool(torch.isinf(full[new_word]).all()) and bool(torch.isfinite(full[line_break]).all())


def test_no_bias_once_the_lines_are_written(tiny_lm):
    shape, _ = _shape(tiny_lm, lines=2)
    assert not shape(_ids(tiny_lm[1], "the sea night\ngrey blue gold\n")).any()


def test_shaped_samples_of_a_random_model_come_in_bounded_lines(tiny_lm):
    model, tokenizer = tiny_lm
    shape, allowed = _shape(tiny_lm, lines=3)
    settings = SimpleNamespace(
        candidates=4, max_new_tokens=400, temperature=1.0, top_p=0.95, repetition_penalty=1.1, no_repeat_ngram_size=3
    )
    settings.seed = 3
    ids = tokenizer("the sea at night", return_tensors="pt").input_ids
    outputs = sample_sub_vocabulary(
        model, ids, allowed, settings, lambda t: tokenizer.decode(t).count("\n") >= 3, shape=shape
    )
    for tokens in outputs:
        lines = tokenizer.decode(tokens).split("\n")[:3]
        assert len(lines) == 3 and all(3 <= len(line.split()) <= 8 for line in lines), lines


def test_a_clause_end_invites_a_line_break(tiny_lm):
    shape, allowed = _shape(tiny_lm)
    line_break, _, _ = token_classes(tiny_lm[1], allowed)
    assert bool((shape(_ids(tiny_lm[1], "the sea night,"))[line_break] > 0).all())
    assert not shape(_ids(tiny_lm[1], "the sea night"))[line_break].any()
