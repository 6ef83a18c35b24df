"""Poems written line by line: the carried prompt cache, planned rhyme words, the form and the finished end."""

import pytest
import torch

from models.language.poem_forms import has_form, poem_form


def test_the_carried_cache_gives_the_scores_of_a_fresh_pass(chat_lm):
    from models.language.sub_vocabulary_decoding import decoder_of, sub_vocabulary_head
    from models.language.text_lines import CachedContext
    from models.language.text_vocabulary import plain_text_token_ids

    model, tokenizer = chat_lm
    allowed = plain_text_token_ids(tokenizer)
    context = CachedContext(model, tokenizer, "<|im_start|>system\nthe harbour", " at night\n")
    line = tokenizer(" the boats sleep\n", add_special_tokens=False).input_ids
    context.extend(line)
    context.extend(line[:2])
    with torch.no_grad():
        fresh = decoder_of(model)(input_ids=context.ids).last_hidden_state[:, -1]
        expected = sub_vocabulary_head(model, allowed)(fresh)[0].float()
    assert torch.allclose(context.next_logits(model, allowed), expected, atol=1e-4)
    assert torch.allclose(context.next_logits(model, allowed), expected, atol=1e-4)  # the cache is left as it was


@pytest.mark.parametrize("name", ["couplets", "abab", "haiku", "free"])
def test_a_poem_written_line_by_line_has_its_form_and_ends_its_sentence(chat_lm, name):
    from tools.poem_lines import draft_poem_by_lines

    model, tokenizer = chat_lm
    form = poem_form(name, 4)
    draft = draft_poem_by_lines(model, tokenizer, "qwen", "calm", "the harbour", "grey", "slow melody", form, seed=3)
    assert has_form(draft.text, form) and draft.form_ok, draft.text
    assert draft.text.rstrip()[-1] in ".!?" and draft.finished, draft.text
    again = draft_poem_by_lines(model, tokenizer, "qwen", "calm", "the harbour", "grey", "slow melody", form, seed=3)
    assert again.text == draft.text


def test_a_planned_rhyme_word_ends_its_line(chat_lm):
    from types import SimpleNamespace

    from models.language.sub_vocabulary_sampling import sample_sub_vocabulary
    from models.language.text_vocabulary import plain_text_token_ids
    from models.language.verse_constraints import FormShape
    from models.language.verse_sounds import last_word
    from tools.text_drafting import DANGLING

    model, tokenizer = chat_lm
    allowed = plain_text_token_ids(tokenizer)
    form = poem_form("couplets", 2)
    first = tokenizer("the old boats sleep in the night\n", add_special_tokens=False).input_ids
    shapes = [FormShape(tokenizer, allowed, form, DANGLING, end_word=(1, word)) for word in ("light", "white", "kite")]
    settings = SimpleNamespace(
        candidates=3, seed=2, max_new_tokens=40, temperature=1.0, top_p=0.95, repetition_penalty=1.0,
        no_repeat_ngram_size=3,
    )  # fmt: skip

    def done(tokens):
        return tokenizer.decode(first + tokens).count("\n") >= 2

    context = torch.tensor([tokenizer("the harbour\n", add_special_tokens=False).input_ids + first])
    outputs = sample_sub_vocabulary(
        model, context, allowed, settings, done, shape=[lambda t, s=s: s(first + t) for s in shapes]
    )
    ends = [last_word(tokenizer.decode(t)) for t in outputs]
    assert ends == ["light", "white", "kite"], [tokenizer.decode(t) for t in outputs]


def test_the_end_word_score_and_content_words():
    from models.language.text_lines import Line
    from tools.poem_lines import content_words, end_word_log_prob

    line = Line([5, 6, 7], "the night.\n", [-1.0, -2.0, -0.5], True)
    assert end_word_log_prob(line, {5: " the", 6: " night", 7: ".\n"}) == -2.0
    assert content_words("The boats sleep in the harbour") == {"boats", "sleep", "harbo"}


def test_a_line_ending_on_a_fragment_of_its_own_word_is_a_stutter():
    from tools.poem_lines import ends_on_a_stutter

    assert ends_on_a_stutter("the mist is slowly dissolving diss")
    assert ends_on_a_stutter("Tormented tor.")
    assert not ends_on_a_stutter("the lighthouse keeps its light")
    assert not ends_on_a_stutter("stars, stars")  # a repeated word is not a fragment
    assert not ends_on_a_stutter("night")


def test_a_line_using_a_content_word_twice_scores_lower():
    from models.language.text_lines import Line
    from tools.poem_lines import line_score

    once = Line([1], "the beauty of the harbour at night\n", [-1.0], True)
    twice = Line([1], "the beauty of the harbour and its beauty\n", [-1.0], True)
    assert line_score(twice, [], "a harbour", set()) < line_score(once, [], "a harbour", set())


def test_a_line_repeating_three_words_of_an_earlier_line_is_caught():
    from tools.poem_lines import repeats_a_phrase

    assert repeats_a_phrase("her clothes are still the same,", ["her dishes are still the same,"])
    assert repeats_a_phrase("The factory is in the gloomy night.", ["The abandoned factory is in the gloomy night,"])
    assert not repeats_a_phrase("and the gulls are calling", ["the boats are in the harbour"])
    assert not repeats_a_phrase("in the night", [])


def test_a_line_saying_an_earlier_line_again_loses_to_a_new_one():
    from tools.line_relevance import relevance

    earlier = ["The old man feeds the pigeons in the park,", "and the pigeons are being cared for."]
    again, new = "The pigeons are being cared for and fed.", "Breadcrumbs scatter on the wooden bench."
    scores = relevance([again, new], earlier)
    assert scores[1] > scores[0]


def test_a_line_that_keeps_to_the_subject_wins_over_one_that_wanders_off():
    from tools.line_relevance import relevance

    earlier = ["A chef stands in his kitchen,"]
    wanders, keeps = "his words echo in the wind,", "the copper pans are hissing on the stove,"
    plain = relevance([wanders, keeps], earlier)
    assert abs(plain[0] - plain[1]) < 0.5  # with no topic neither is preferred
    scores = relevance([wanders, keeps], earlier, topic="a chef in his kitchen")
    assert scores[1] > scores[0] + 0.1  # a tenth of a nat or more: enough to part near-equal lines
