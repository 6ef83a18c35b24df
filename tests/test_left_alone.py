"""Works a request leaves as they are get no call (issue #32, dev v7: "leave the picture alone and speed up the
tune" changed the painting too)."""

from assistant.orchestrators.left_alone import left_alone_tools, without_left_alone


def test_a_work_left_alone_is_read_from_the_words():
    for request in (
        "leave the picture alone and speed up the tune",
        "slow the melody down, leave the painting",
        "don't touch the painting, make the tune sadder",
        "keep the painting as it is and make the melody faster",
        "lass das Bild so und mach die Melodie schneller",
    ):
        assert left_alone_tools(request) == {"paint"}, request
    assert left_alone_tools("keep the tune the same, paint it darker") == {"compose_melody"}
    for request in (
        "keep the tune but make it slower",  # "it" is the tune
        "keep the melody the same key but faster",
        "I will leave the painting to you, make it bright",
        "a painting of autumn leaves",
        "don't change the tempo",
    ):
        assert left_alone_tools(request) == frozenset(), request


def test_its_calls_go_and_the_rest_stay():
    request = "leave the picture alone and speed up the tune"
    answer = '[["paint", {"brightness_change": 0.3}], ["compose_melody", {"tempo_scale": 1.25}]]'
    assert without_left_alone(answer, request) == '[["compose_melody", {"tempo_scale": 1.25}]]'
    restore = '[["undo", {"kind": "painting"}], ["compose_melody", {"tempo_scale": 1.25}]]'
    assert without_left_alone(restore, request) == '[["compose_melody", {"tempo_scale": 1.25}]]'
    assert without_left_alone(answer, "make both brighter") == answer
