"""Guesses of an answer's next tokens: from the answers the adapter learnt and from the request's own words."""

from assistant.orchestrators.answer_drafts import GUESSES, AnswerDrafts
from assistant.orchestrators.local_lm import DEFAULT_ADAPTER


def test_guesses_follow_the_learnt_answers_and_copy_the_request(tiny_lm):
    _, tokenizer = tiny_lm
    stop = tokenizer.eos_token_id
    drafts = AnswerDrafts(tokenizer, DEFAULT_ADAPTER, "paint the grey sea at night in the rain", {stop})
    opening = tokenizer(' [["', add_special_tokens=False).input_ids
    assert drafts([])[: len(opening)] == opening  # every learnt answer opens so
    typed = tokenizer(' [["paint", {"subject": "the grey', add_special_tokens=False).input_ids
    guess = tokenizer.decode(drafts(typed))
    assert guess.startswith(" sea at night"), guess  # the request goes on
    assert len(drafts(typed)) <= GUESSES and stop not in drafts(typed)
