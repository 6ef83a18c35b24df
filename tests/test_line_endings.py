"""Rhyme lines that end where the model puts a rhyme: exact batched scores, exits, partner priors, ABAB."""

import pytest
import torch

from models.language.poem_forms import poem_form
from models.language.verse_sounds import rhyme


def _context(chat_lm):
    from models.language.text_lines import CachedContext

    model, tokenizer = chat_lm
    return CachedContext(model, tokenizer, "<|im_start|>system\nthe harbour", " at night\n")


def test_batched_line_scores_equal_one_fresh_pass_per_line(chat_lm):
    from models.language.line_endings import score_lines
    from models.language.sub_vocabulary_decoding import decoder_of, sub_vocabulary_head
    from models.language.text_vocabulary import plain_text_token_ids

    model, tokenizer = chat_lm
    allowed = plain_text_token_ids(tokenizer)
    context = _context(chat_lm)
    lines = [
        tokenizer(t, add_special_tokens=False).input_ids for t in (" the boats sleep", " gold", " the sea is calm")
    ]
    per_token, after = score_lines(model, context, allowed, lines)
    index = {int(t): i for i, t in enumerate(allowed.tolist())}
    for line, lps, nxt in zip(lines, per_token, after):
        ids = torch.cat([context.ids, torch.tensor([line])], dim=1)
        with torch.no_grad():
            hidden = decoder_of(model)(input_ids=ids).last_hidden_state[0]
            logp = torch.log_softmax(sub_vocabulary_head(model, allowed)(hidden).float(), -1)
        start = context.ids.shape[1] - 1
        expected = [float(logp[start + j, index[t]]) for j, t in enumerate(line)]
        assert lps == pytest.approx(expected, abs=1e-3)
        assert torch.allclose(nxt, logp[start + len(line)], atol=1e-3)
    assert torch.allclose(context.next_logits(model, allowed), _context(chat_lm).next_logits(model, allowed))


def test_the_watcher_offers_only_mask_words_after_enough_words(chat_lm):
    from models.language.line_endings import EndWordWatcher
    from models.language.text_vocabulary import plain_text_token_ids
    from models.language.verse_constraints import token_table
    from tools.text_drafting import DANGLING

    model, tokenizer = chat_lm
    allowed = plain_text_token_ids(tokenizer)
    table = token_table(tokenizer, allowed, DANGLING)
    mask = table.rhyming_with("night")
    watcher = EndWordWatcher(tokenizer, allowed, mask, min_words=2)
    own = torch.log_softmax(torch.randn(len(allowed)), -1)
    one = tokenizer(" the", add_special_tokens=False).input_ids
    two = tokenizer(" the boats", add_special_tokens=False).input_ids
    watcher(0, one, [-1.0] * len(one), own)
    assert watcher.exits == []  # one word: too early to end
    watcher(0, two, [-1.0] * len(two), own)
    watcher(1, two, [-1.0] * len(two), own)  # the same body from another candidate is offered once
    exits = watcher.best(10)
    assert 1 <= len(exits) <= 2
    for e in exits:
        word = tokenizer.decode([e.token]).strip()
        assert rhyme(word, "night"), word
        assert e.approx == pytest.approx(
            (sum([-1.0] * len(two)) + float(own[(allowed == e.token).nonzero()[0, 0]])) / (len(two) + 1)
        )


def test_no_end_word_is_offered_as_a_sentence_of_its_own(chat_lm):
    from models.language.line_endings import EndWordWatcher
    from models.language.text_vocabulary import plain_text_token_ids
    from models.language.verse_constraints import token_table
    from tools.text_drafting import DANGLING

    model, tokenizer = chat_lm
    allowed = plain_text_token_ids(tokenizer)
    mask = token_table(tokenizer, allowed, DANGLING).rhyming_with("night")
    watcher = EndWordWatcher(tokenizer, allowed, mask, min_words=2)
    own = torch.log_softmax(torch.randn(len(allowed)), -1)
    closed = tokenizer(" the boats sleep.", add_special_tokens=False).input_ids
    watcher(0, closed, [-1.0] * len(closed), own)
    assert watcher.exits == []  # "the boats sleep. Bright" is no line end
    going = tokenizer(" the boats sleep,", add_special_tokens=False).input_ids
    watcher(0, going, [-1.0] * len(going), own)
    assert watcher.exits


def test_the_partner_prior_is_the_topic_score_of_a_true_rhyme(chat_lm):
    from models.language.line_endings import partner_prior
    from models.language.text_vocabulary import plain_text_token_ids
    from models.language.verse_constraints import token_table
    from tools.text_drafting import DANGLING

    _, tokenizer = chat_lm
    allowed = plain_text_token_ids(tokenizer)
    table = token_table(tokenizer, allowed, DANGLING)
    topic = torch.full((len(allowed),), -20.0)
    light = next(i for i, w in enumerate(table.word) if w == "light" and table.new_word[i])
    topic[light] = -1.0
    prior = partner_prior(table, topic)
    for i, w in enumerate(table.word):
        if w == "night" and table.new_word[i]:
            assert float(prior[i]) == -1.0  # its likeliest rhyme is "light"
        if w == "light" and table.new_word[i]:
            assert float(prior[i]) == -20.0  # not itself
    gold = next(i for i, w in enumerate(table.word) if w == "gold" and table.new_word[i])
    assert float(prior[gold]) == float("-inf") or float(prior[gold]) == -20.0


def test_an_abab_second_line_never_takes_the_first_lines_sound(chat_lm):
    from models.language.text_lines import Line
    from models.language.text_vocabulary import plain_text_token_ids
    from models.language.verse_constraints import token_table
    from models.language.verse_sounds import rhyming_part
    from tools.poem_lines import end_mask
    from tools.text_drafting import DANGLING

    _, tokenizer = chat_lm
    allowed = plain_text_token_ids(tokenizer)
    table = token_table(tokenizer, allowed, DANGLING)
    form = poem_form("abab", 4)
    kept = [Line([], "the boats sleep in the night,\n", [-1.0], True)]
    opening = end_mask(table, form, 1, kept)
    assert opening.any() and not any(
        rhyming_part(table.word[i]) == rhyming_part("night") for i in opening.nonzero()[:, 0]
    )
    kept.append(Line([], "the sea is grey,\n", [-1.0], True))
    closing = {table.word[i] for i in end_mask(table, form, 2, kept).nonzero()[:, 0].tolist()}
    assert closing and all(rhyme(w, "night") for w in closing) and "night" not in closing


def test_distinct_starts_open_the_candidates_differently_within_the_nucleus():
    from models.language.sub_vocabulary_sampling import distinct_picks

    probs = torch.tensor([[0.5, 0.3, 0.2, 0.0, 0.0]]).repeat(3, 1)
    for seed in range(5):
        picks = distinct_picks(probs, torch.Generator().manual_seed(seed)).tolist()
        assert sorted(picks) == [0, 1, 2]
    narrow = torch.tensor([[0.0, 1.0, 0.0, 0.0, 0.0]]).repeat(3, 1)  # one token in the nucleus: no stray opening
    assert distinct_picks(narrow, torch.Generator().manual_seed(0)).tolist() == [1, 1, 1]
    different = probs.clone()
    different[1] = torch.tensor([0.0, 0.0, 0.0, 0.0, 1.0])
    assert distinct_picks(different, torch.Generator().manual_seed(0))[1] == 4


def test_a_couplet_from_the_tool_rhymes_and_ends_its_sentence(chat_lm):
    from models.language.poem_forms import has_form
    from tools.poem_lines import draft_poem_by_lines

    model, tokenizer = chat_lm
    form = poem_form("couplets", 4)
    draft = draft_poem_by_lines(model, tokenizer, "qwen", "calm", "the harbour", "grey", "slow melody", form, seed=5)
    assert has_form(draft.text, form), draft.text
    assert draft.text.rstrip()[-1] in ".!?", draft.text
