from assistant.orchestrators.copy_constraint import instruments_in
from assistant.orchestrators.request_facts import facts_of, written_instruments
from tools.instruments import instrument_named


def test_instrument_names_in_other_languages_and_misspelt():
    assert instrument_named("violoncelle") == "cello" and instrument_named("chitarra") == "guitar"
    assert instrument_named("guitr") == "guitar" and instrument_named("ukelele") == "ukulele"
    assert instrument_named("kazoo") is None and instrument_named("guitars") == "guitar"


def test_the_one_instrument_a_request_writes():
    assert written_instruments("melodyy in d minor on guitr 100bpm") == {"guitr", "guitar"}
    assert written_instruments("a french horn solo") == {"french horn"}
    assert written_instruments("something menacing on low strings") == {"strings"}
    assert written_instruments("a brass band march") == frozenset()  # a word that is more often no instrument
    assert written_instruments("make it on the cello instead of the piano") == frozenset()
    assert facts_of("a calm tune on the harp").instruments == {"harp"}


def test_a_misspelt_instrument_may_be_copied():
    assert "ukelele" in instruments_in("a happy song on the ukelele")
    assert instruments_in("a painting of a harbour at dawn") == frozenset()


def test_foreign_bar_counts_and_number_words():
    facts = facts_of("I want thirty-two bars in total")
    assert facts.lengths == {32} and facts.changes == frozenset()
    assert facts_of("add two bars").changes == {2}
    assert facts_of("uns 16 compassos").lengths == {16}
    assert facts_of("its 2 slow make it fastr").tempo_signs == {1}
