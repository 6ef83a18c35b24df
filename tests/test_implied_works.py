"""A melody implied by its music alone: a key with its mode, a tempo in bpm or an instrument to play on, in a
request that asks for something and names no work."""

from assistant.orchestrators.implied_works import implied_tools


def test_a_request_writing_a_melodys_facts_and_naming_no_work_asks_for_the_melody():
    wedding = (
        "Could you make something romantic on acoustic guitar, in F major, around 90 bpm? Sorry for the life story."
    )
    assert implied_tools(wedding) == {"compose_melody"}  # was answered with no call at all
    assert implied_tools("something menacing in B minor on low strings please") == {"compose_melody"}
    assert implied_tools("play it on the cello") == {"compose_melody"}


def test_an_instrument_painted_a_remark_or_a_named_work_implies_nothing():
    assert implied_tools("paint a cello leaning on a chair") == frozenset()
    assert implied_tools("a painting of a girl playing on the piano") == frozenset()  # the painting is named
    assert implied_tools("I love the piano") == frozenset()  # no ask
    assert implied_tools("my cat is 12 years old and hates F major") == frozenset()
    assert implied_tools("make a tune in F major") == frozenset()  # named: asked by name, not implied
