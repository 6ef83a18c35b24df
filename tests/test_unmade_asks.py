"""Asks for what the studio does not make are read by meaning and make no work they do not name (issue #32)."""

from assistant.orchestrators.unmade_asks import asks_for_the_unmade, without_unmade

POEM = '[["write_text", {"kind": "poem", "subject": "a bear"}]]'


def test_a_joke_a_story_or_a_band_name_is_no_work(sentence_embedder):
    assert without_unmade(POEM, "tell me a bedtime story about a bear") == "[]"
    assert without_unmade('[["compose_melody", {"mood": "angry"}]]', "what should I call my band? we play punk") == "[]"
    assert asks_for_the_unmade("tell me a joke")


def test_our_own_works_stay(sentence_embedder):
    for request in ("write a poem about a bear", "give it a title", "a sad song on the piano", "paint a fox"):
        assert not asks_for_the_unmade(request), request
    assert without_unmade(POEM, "a short poem about a bear") == POEM
    assert without_unmade("[]", "tell me a joke") == "[]"
