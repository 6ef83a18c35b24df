import torch

from assistant.orchestrators.answer_vocabulary import allowed_token_ids, request_token_ids, stop_token_ids
from assistant.orchestrators.local_lm import DEFAULT_ADAPTER
from models.language.sub_vocabulary_decoding import greedy_sub_vocabulary


def test_with_every_token_allowed_it_matches_greedy_generate(tiny_lm):
    model, tokenizer = tiny_lm
    ids = tokenizer("the sea at night", return_tensors="pt").input_ids
    everything = torch.arange(len(tokenizer))
    ours = greedy_sub_vocabulary(model, ids, everything, 12, stop_ids=set())
    ref = model.generate(input_ids=ids, max_new_tokens=12, min_new_tokens=12, do_sample=False, pad_token_id=0)
    assert ours == ref[0, ids.shape[1] :].tolist()


def test_only_allowed_tokens_come_out_and_a_stop_token_ends_it(tiny_lm):
    model, tokenizer = tiny_lm
    ids = tokenizer("the sea", return_tensors="pt").input_ids
    allowed = torch.tensor([5, 9, 17, 23])
    out = greedy_sub_vocabulary(model, ids, allowed, 10, stop_ids=set())
    assert len(out) == 10 and set(out) <= {5, 9, 17, 23}
    first = out[0]
    assert greedy_sub_vocabulary(model, ids, allowed, 10, stop_ids={first}) == []


def test_answer_vocabulary_holds_the_request_words_and_json(tiny_lm):
    _, tokenizer = tiny_lm
    text = "Request: a sorrowful tune\nCalls:"
    allowed = set(allowed_token_ids(tokenizer, text, DEFAULT_ADAPTER).tolist())
    assert request_token_ids(tokenizer, text) <= allowed
    for piece in ('"sorrowful"', '[["compose_melody", {"mood": '):
        assert set(tokenizer(piece, add_special_tokens=False).input_ids) <= allowed
    stops = stop_token_ids(tokenizer, allowed_token_ids(tokenizer, text, DEFAULT_ADAPTER))
    assert tokenizer.eos_token_id in stops


def test_stop_on_strings_stops_each_sequence_once_its_new_text_holds_a_stop(tiny_lm):
    from models.language.text_generation import StopOnStrings

    _, tokenizer = tiny_lm
    prompt = tokenizer("the sea", return_tensors="pt").input_ids
    done = tokenizer(" calm night\n\nMood: joy", add_special_tokens=False, return_tensors="pt").input_ids
    going = tokenizer(" calm night grey rain", add_special_tokens=False, return_tensors="pt").input_ids
    width = min(done.shape[1], going.shape[1])
    batch = torch.cat([torch.cat([prompt, done[:, -width:]], 1), torch.cat([prompt, going[:, -width:]], 1)])
    stop = StopOnStrings(tokenizer, ("Mood:",), prompt.shape[1])
    assert stop(batch, None).tolist() == [True, False]


def test_guessed_tokens_never_change_the_answer(tiny_lm):
    """Speculative steps: right guesses are kept, wrong ones dropped (with their cache), the answer the same."""
    model, tokenizer = tiny_lm
    ids = tokenizer("the sea at night", return_tensors="pt").input_ids
    allowed = torch.arange(3, 120)
    refused = {int(allowed[7]), int(allowed[40])}
    accept = lambda tokens, token: token not in refused  # noqa: E731
    plain = greedy_sub_vocabulary(model, ids, allowed, 14, {int(allowed[-1])}, accept)
    oracle = lambda tokens: plain[len(tokens) : len(tokens) + 4]  # noqa: E731  always right
    wrong = lambda tokens: [int(allowed[len(tokens) % 50])] * 3  # noqa: E731  mostly wrong
    half = lambda tokens: plain[len(tokens) : len(tokens) + 2] + [5, 6]  # noqa: E731  right, then wrong
    for draft in (oracle, wrong, half):
        assert greedy_sub_vocabulary(model, ids, allowed, 14, {int(allowed[-1])}, accept, draft) == plain
    assert greedy_sub_vocabulary(model, ids, allowed, 5, set(), accept, oracle) == plain[:5]


def test_a_dead_end_is_backed_out_of(tiny_lm):
    """When no token may follow, the last one is taken back and the next best tried there."""
    model, tokenizer = tiny_lm
    ids = tokenizer("the sea at night", return_tensors="pt").input_ids
    allowed = torch.arange(3, 120)
    plain = greedy_sub_vocabulary(model, ids, allowed, 6, set())
    trap = plain[1]  # after this token nothing is accepted
    accept = lambda tokens, token: not (tokens and tokens[-1] == trap)  # noqa: E731
    for draft in (None, lambda tokens: plain[len(tokens) : len(tokens) + 3]):
        out = greedy_sub_vocabulary(model, ids, allowed, 6, set(), accept, draft)
        assert len(out) == 6 and trap not in out and out[0] == plain[0]
