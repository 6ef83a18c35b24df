"""Mood values are mood words (issue #32: "a quick little tune" came out as mood "quick", "a hapy tune" as "hapy")."""

from assistant.orchestrators.mood_words import has_mood_word, mood_word, with_moods_read
from assistant.orchestrators.request_facts import facts_of
from assistant.orchestrators.written_values import WrittenValues


def rules(request: str) -> WrittenValues:
    return WrittenValues(request, facts_of(request))


def test_a_mood_word_is_known_inflected_or_a_typo_of_one():
    assert mood_word("melancholic") == "melancholic" and mood_word("Triste") == "triste"
    assert mood_word("düsteres") == "düsteres"  # an inflection of "düster" stays as written
    assert mood_word("hapy") == "happy" and mood_word("melancholik") == "melancholic"
    for junk in ("quick", "big", "little", "simple", "video", "studying", "honestly", "please", "better"):
        assert mood_word(junk) is None, junk
    assert mood_word("rain") is None and mood_word("game") is None  # English words are no typos


def test_a_request_without_a_mood_word_may_copy_its_words_as_a_melody_mood_which_is_then_dropped():
    for request in ("a quick little tune for my phone", "paint a big red barn in a field"):
        assert not has_mood_word(request)
        closed = rules(request).closed_arguments()
        assert "mood" not in closed["compose_melody"] and "mood" in closed["paint"] and "mood" in closed["write_text"]
    quick = rules("a quick little tune for my phone")
    assert quick.ok('[["compose_melody", {"mood": "', "quick") and quick.ok('[["compose_melody", {"mood": "quick', '"')
    assert not quick.ok('[["compose_melody", {"mood": "', "bars")  # only the request's own words
    answer = '[["compose_melody", {"mood": "quick", "tempo_scale": 1.25}], ["paint", {"mood": "big red barn"}]]'
    assert with_moods_read(answer) == '[["compose_melody", {"tempo_scale": 1.25}], ["paint", {}]]'


def test_a_mood_value_cannot_be_a_word_that_is_no_mood():
    quick = rules("a quick and cheerful tune")
    assert not quick.ok('[["compose_melody", {"mood": "', "quick")
    assert not quick.ok('[["compose_melody", {"mood": "quick', '"')
    assert quick.ok('[["compose_melody", {"mood": "', "che") and quick.ok('[["compose_melody", {"mood": "cheerful', '"')
    assert rules("a very sad tune").ok('[["compose_melody", {"mood": "', "very")
    poetic = rules("a name for this painting, something short and poetic")  # the state line's words are no mood
    assert not poetic.ok('[["write_text", {"kind": "title", "mood": "', "bars")


def test_a_typo_of_a_mood_is_spelled_as_the_mood():
    answer = '[["compose_melody", {"mood": "hapy"}], ["paint", {}]]'
    assert with_moods_read(answer) == '[["compose_melody", {"mood": "happy"}], ["paint", {}]]'
    kept = '[["paint", {"mood": "düsteres"}]]'
    assert with_moods_read(kept) == kept and with_moods_read("not json") == "not json"


def test_a_comparative_of_a_mood_writes_a_mood_and_a_length_none():
    from assistant.orchestrators.mood_words import mood_comparative, writes_mood

    assert [mood_comparative(w) for w in ("sadder", "happier", "calmer", "gloomiest")] == [
        "sad",
        "happy",
        "calm",
        "gloomy",
    ]
    assert mood_comparative("shorter") is None and mood_comparative("water") is None
    assert writes_mood("shorter but a bit calmer") and writes_mood("a sad one") and writes_mood("shorter, punchier")
    assert not writes_mood("that's too long, make it shorter") and not writes_mood("too long, cut it down")
