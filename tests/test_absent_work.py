"""A change of a work that does not exist goes to the work the last turn touched, or goes; it makes no new work."""

from assistant.orchestrators.absent_work import changes_to_touched_work

TEXT, PAINTING = frozenset({"write_text"}), frozenset({"paint"})
BOTH = frozenset({"write_text", "paint"})


def test_longer_after_a_poem_makes_no_melody():
    longer = '[["compose_melody", {"add_bars": 4}]]'
    assert changes_to_touched_work(longer, "make it longer", BOTH, TEXT) == "[]"
    slower = '[["compose_melody", {"tempo_scale": 0.8}]]'
    assert changes_to_touched_work(slower, "slower", PAINTING, PAINTING) == "[]"


def test_a_change_the_touched_work_takes_goes_to_it():
    sadder = '[["compose_melody", {"valence_change": -0.3}]]'
    assert changes_to_touched_work(sadder, "make it sadder", BOTH, TEXT) == '[["write_text", {"valence_change": -0.3}]]'


def test_new_works_and_named_works_are_the_models():
    longer = '[["compose_melody", {"add_bars": 4}]]'
    assert changes_to_touched_work(longer, "make it longer", frozenset(), frozenset()) == longer  # nothing yet
    assert changes_to_touched_work(longer, "a longer tune", BOTH, TEXT) == longer  # the melody is named
    cello = '[["compose_melody", {"instrument": "cello", "tempo_scale": 0.8}]]'
    assert changes_to_touched_work(cello, "slow, on the cello", BOTH, TEXT) == cello  # a new work's own setting
    both = frozenset({"compose_melody", "paint"})
    assert changes_to_touched_work(longer, "longer", both | TEXT, TEXT) == longer  # the melody exists


def test_a_melody_spoken_of_by_its_own_facts_is_named():
    longer = '[["compose_melody", {"add_bars": 8}]]'
    assert changes_to_touched_work(longer, "make the first one longer, 16 bars", PAINTING, PAINTING) == longer
    faster = '[["compose_melody", {"tempo_scale": 1.25}]]'
    assert changes_to_touched_work(faster, "faster, 140 bpm", PAINTING, PAINTING) == faster
