"""Unspecific complaints read by meaning (issue #32: "it ends too soon" is no tempo, "washed out" wants more
colour), with the shipped sentence-embedding model."""

from assistant.orchestrators.change_readings import ChangeReading, writes_the_change

MELODY = frozenset({"melody"})


def test_a_complaint_reads_as_length_tempo_or_nothing(sentence_embedder):
    assert ChangeReading("it ends too soon", MELODY).melody == "length"
    assert ChangeReading("the tempo drags a little", MELODY).melody == "tempo"
    assert ChangeReading("hello there", MELODY).melody is None
    assert ChangeReading("it ends too soon", frozenset({"painting"})).melody is None  # no melody to change


def test_a_written_comparative_number_or_negation_is_the_models():
    assert writes_the_change("make it longer") and writes_the_change("2 bars more")
    assert writes_the_change("not so bright") and writes_the_change("plus lent")
    assert not writes_the_change("it ends too soon")
    assert ChangeReading("make it shorter", MELODY).melody is None


def test_a_length_complaint_answered_as_a_tempo_is_a_length_the_way_it_means(sentence_embedder):
    reading = ChangeReading("it ends too soon", MELODY, bars=8)
    calls = [["compose_melody", {"tempo_scale": 0.8, "instrument": "flute"}]]
    assert reading.alternatives(calls) == [[["compose_melody", {"instrument": "flute", "add_bars": 4}]]]
    assert reading.alternatives([["compose_melody", {"add_bars": 4}]]) == []  # read as length already
    assert reading.alternatives([["compose_melody", {"bars": 4}]]) != []  # the other way: replaced
    likelier_shorter = lambda calls: -2.0 if "bars" in calls[0][1] else -5.0  # noqa: E731
    weighed = reading.weighed('[["compose_melody", {"tempo_scale": 0.8}]]', likelier_shorter)
    assert weighed == '[["compose_melody", {"add_bars": 4}]]'  # "too soon" means longer, whatever the model likes
    assert ChangeReading("it goes on forever", MELODY).length_signs == {-1}


def test_a_tempo_complaint_goes_the_way_it_means(sentence_embedder):
    drags = ChangeReading("it kind of drags tbh", MELODY)
    assert drags.melody == "tempo" and drags.tempo_sign == 1
    assert drags.alternatives([["compose_melody", {"tempo_scale": 0.8}]]) == [
        [["compose_melody", {"tempo_scale": 1.25}]]
    ]
    assert drags.alternatives([["compose_melody", {"tempo_scale": 1.25}]]) == []


def test_washed_out_colours_may_only_get_more_saturated(sentence_embedder):
    reading = ChangeReading("the colours are too washed out", frozenset({"painting"}))
    assert reading.colours_way == 1
    head = '[["paint", {"saturation_change": '
    assert not reading.ok(head, "-") and reading.ok(head, "0") and reading.ok(head + "0.3", "}]")
    assert ChangeReading("the colours are screaming at me", frozenset({"painting"})).colours_way == -1


def test_a_length_complaint_worded_one_way_is_changed_that_way(sentence_embedder):
    assert not writes_the_change("it kind of goes on and on, cut it down")  # "cut" is the complaint's way, read here
    reading = ChangeReading("too long for a ringtone honestly", MELODY, bars=8)
    assert reading.melody == "length" and reading.own_changes() == [{"bars": 4}]
    assert reading.alternatives([["compose_melody", {"add_bars": 4}]]) == [[["compose_melody", {"bars": 4}]]]
    assert reading.alternatives([["compose_melody", {"bars": 4}]]) == []  # already the way it is worded
    more = ChangeReading("the ending comes out of nowhere, give it more room", MELODY, bars=8)
    assert more.alternatives([["compose_melody", {"tempo_scale": 1.25}]]) == [[["compose_melody", {"add_bars": 4}]]]


def test_a_length_written_in_german_french_or_spanish_is_a_length():
    reading = ChangeReading("mach die Melodie bitte kürzer, sie ist zu lang", MELODY, bars=8)
    assert reading.melody == "length" and reading.own_changes() == [{"bars": 4}]
    tempo = [["compose_melody", {"tempo_scale": 0.8, "add_bars": 4}]]  # the adapter's answer (dev v7)
    assert reading.alternatives(tempo) == [[["compose_melody", {"bars": 4}]]]
    assert ChangeReading("hazla más larga", MELODY).own_changes() == [{"add_bars": 4}]
    assert ChangeReading("rends-la plus courte", frozenset({"painting"})).melody is None  # no melody to change
    assert ChangeReading("plus lent", MELODY).melody is None and ChangeReading("zu langsam", MELODY).melody is None
