"""Asks for what the studio does not make are read by meaning and make no work they do not name (issue #32)."""

from assistant.orchestrators.unmade_asks import asks_for_the_unmade, without_unmade

POEM = '[["write_text", {"kind": "poem", "subject": "a bear"}]]'


def test_a_joke_or_a_band_name_is_no_work(sentence_embedder):
    assert without_unmade('[["compose_melody", {"mood": "angry"}]]', "what should I call my band? we play punk") == "[]"
    assert asks_for_the_unmade("tell me a joke")


def test_our_own_works_stay(sentence_embedder):
    for request in ("write a poem about a bear", "give it a title", "a sad song on the piano", "paint a fox"):
        assert not asks_for_the_unmade(request), request
    assert without_unmade(POEM, "a short poem about a bear") == POEM
    assert without_unmade("[]", "tell me a joke") == "[]"


def test_a_story_keeps_its_text_call_for_the_description_that_stands_in(sentence_embedder):
    assert without_unmade(POEM, "tell me a bedtime story about a bear") == POEM  # `prose_asks` makes it prose
    assert without_unmade('[["compose_melody", {}]]', "tell me a bedtime story about a bear") == "[]"


def test_an_unmade_ask_beside_a_work_is_read_on_its_own(sentence_embedder):
    from assistant.orchestrators.unmade_asks import clauses

    assert clauses("write a story about a lonely robot, and a sad piano melody") == [
        "write a story about a lonely robot, and a sad piano melody",
        "write a story about a lonely robot",
    ]
    assert clauses("I'm writing a short story and I'm stuck on what to call it") == [
        "I'm writing a short story and I'm stuck on what to call it"
    ]  # a part that asks nothing is no ask of its own
    assert asks_for_the_unmade("write a story about a lonely robot, and a sad piano melody to go with it")
    assert not asks_for_the_unmade("a haiku about the sea, then paint the sea at dawn")
    assert not asks_for_the_unmade("write a poem about a dragon and a calm melody")
