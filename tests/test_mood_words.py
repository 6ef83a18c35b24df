"""Mood values are mood words (issue #32: "a quick little tune" came out as mood "quick", "a hapy tune" as "hapy")."""

from assistant.orchestrators.mood_words import has_mood_word, mood_word, with_moods_spelled
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


def test_a_request_without_a_mood_word_closes_the_mood():
    for request in ("a quick little tune for my phone", "paint a big red barn in a field"):
        assert not has_mood_word(request)
        assert all("mood" in closed for closed in rules(request).closed_arguments().values())
    assert "mood" not in rules("a hapy tune and a mathcing picture").closed_arguments()["compose_melody"]


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
    assert with_moods_spelled(answer) == '[["compose_melody", {"mood": "happy"}], ["paint", {}]]'
    kept = '[["paint", {"mood": "düsteres"}]]'
    assert with_moods_spelled(kept) == kept and with_moods_spelled("not json") == "not json"
