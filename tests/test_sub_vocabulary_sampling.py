from types import SimpleNamespace

import torch

from models.language.sub_vocabulary_sampling import (
    NGramBlocker,
    nucleus_picks,
    sample_sub_vocabulary,
    top_p_probabilities,
)
from models.language.text_vocabulary import plain_text_token_ids


def _settings(**kw):
    base = dict(
        candidates=2, max_new_tokens=12, temperature=1.0, top_p=0.9, repetition_penalty=1.3, no_repeat_ngram_size=3
    )
    return SimpleNamespace(**{**base, "seed": 1, **kw})


def test_near_zero_temperature_matches_generate_with_the_same_penalties(tiny_lm):
    model, tokenizer = tiny_lm
    ids = tokenizer("the sea at night, the sea at night", return_tensors="pt").input_ids
    settings = _settings(temperature=1e-4, candidates=1)
    ours = sample_sub_vocabulary(model, ids, torch.arange(len(tokenizer)), settings, done=lambda t: False)[0]
    ref = model.generate(
        input_ids=ids,
        max_new_tokens=12,
        min_new_tokens=12,
        do_sample=False,
        repetition_penalty=1.3,
        no_repeat_ngram_size=3,
        pad_token_id=0,
    )
    assert ours == ref[0, ids.shape[1] :].tolist()


def test_only_allowed_tokens_and_each_candidate_ends_when_done(tiny_lm):
    model, tokenizer = tiny_lm
    ids = tokenizer("the sea", return_tensors="pt").input_ids
    allowed = torch.tensor([5, 9, 17, 23, 31, 40])
    out = sample_sub_vocabulary(model, ids, allowed, _settings(candidates=3), done=lambda t: len(t) >= 4)
    assert [len(t) for t in out] == [4, 4, 4]
    assert {tok for t in out for tok in t} <= set(allowed.tolist())


def test_a_cached_prefix_gives_the_same_samples_as_the_whole_context(tiny_lm):
    model, tokenizer = tiny_lm
    ids = tokenizer("the sea at night grey rain", return_tensors="pt").input_ids
    cache = model(input_ids=ids[:, :4], use_cache=True).past_key_values
    allowed = torch.arange(len(tokenizer))
    whole = sample_sub_vocabulary(model, ids, allowed, _settings(), done=lambda t: False)
    cached = sample_sub_vocabulary(model, ids, allowed, _settings(), done=lambda t: False, cache=cache)
    assert whole == cached


def test_top_p_keeps_the_smallest_set_reaching_p():
    logits = torch.log(torch.tensor([[0.5, 0.3, 0.15, 0.05]]))
    probs = top_p_probabilities(logits, 1.0, 0.7)
    assert probs[0].tolist()[2:] == [0.0, 0.0] and probs[0, 0] > 0 and probs[0, 1] > 0


def test_nucleus_picks_draw_only_from_the_nucleus_in_its_proportions():
    logits = torch.log(torch.tensor([[0.05, 0.5, 0.15, 0.3]])).repeat(4000, 1)
    picks = nucleus_picks(logits, 1.0, 0.7, torch.Generator().manual_seed(0))
    counts = torch.bincount(picks, minlength=4).float() / len(picks)
    assert counts[0] == 0 and counts[2] == 0  # outside the nucleus {1, 3}
    assert abs(float(counts[1]) - 0.5 / 0.8) < 0.03


def test_a_context_fed_whole_with_its_hidden_state_gives_the_same_samples(tiny_lm):
    from models.language.sub_vocabulary_decoding import decoder_of

    model, tokenizer = tiny_lm
    ids = tokenizer("the sea at night grey rain", return_tensors="pt").input_ids
    out = decoder_of(model)(input_ids=ids, use_cache=True)
    allowed = torch.arange(len(tokenizer))
    whole = sample_sub_vocabulary(model, ids, allowed, _settings(), done=lambda t: False)
    fed = sample_sub_vocabulary(
        model, ids, allowed, _settings(), lambda t: False, out.past_key_values, hidden=out.last_hidden_state[:, -1]
    )
    assert whole == fed


def test_ngram_blocker_bans_the_token_that_repeats_a_trigram():
    blocker = NGramBlocker([1, 2, 3, 4, 1], 3)
    assert blocker.banned() == set()
    blocker.append(2)
    assert blocker.banned() == {3}


def test_plain_text_tokens_spell_english_and_leave_other_scripts_out(tiny_lm):
    _, tokenizer = tiny_lm
    allowed = set(plain_text_token_ids(tokenizer).tolist())
    assert set(tokenizer("the grey sea,\nslow rain", add_special_tokens=False).input_ids) <= allowed
    assert tokenizer.eos_token_id in allowed
    assert not set(tokenizer("海の夜", add_special_tokens=False).input_ids) <= allowed


def test_sampling_stops_at_the_first_ended_candidate_that_is_good(tiny_lm):
    model, tokenizer = tiny_lm
    ids = tokenizer("the sea", return_tensors="pt").input_ids
    allowed = torch.tensor([5, 9, 17, 23, 31, 40])
    out = sample_sub_vocabulary(
        model, ids, allowed, _settings(candidates=3), done=lambda t: len(t) >= 3, good=lambda t: True
    )
    assert [len(t) for t in out] == [3, 2, 2]


def test_no_candidate_repeats_four_tokens_of_the_avoided_lines(tiny_lm):
    model, tokenizer = tiny_lm
    ids = tokenizer("the sea", return_tensors="pt").input_ids
    allowed = torch.tensor([5, 9, 17])  # three tokens: twelve steps must repeat some run of them
    earlier = (5, 9, 17, 5, 9, 9, 17, 17, 5, 5, 17, 9)
    out = sample_sub_vocabulary(
        model, ids, allowed, _settings(candidates=3, avoid_tokens=earlier, avoid_ngram_size=4), done=lambda t: False
    )
    grams = {earlier[i : i + 4] for i in range(len(earlier) - 3)}
    for tokens in out:
        assert not any(tuple(tokens[i : i + 4]) in grams for i in range(len(tokens) - 3)), tokens
