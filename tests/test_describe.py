"""A description written sentence by sentence: the painting's, then the melody's, each checked on its own."""

from tools.describe import draft_description, one_sentence, sentence_rank
from tools.text_prompts import sentence_request


def test_one_sentence_ends_once():
    assert one_sentence("A pier lies under snow at dusk.")
    assert not one_sentence("A pier lies under snow. The sea is grey.")
    assert not one_sentence("A pier lies under snow and")


def test_a_sentence_naming_the_other_work_or_echoing_the_request_is_not_sound():
    good = "The violin falls slowly through A minor, like wind along the pier."
    assert sentence_rank(good, -2.0, "a pier in winter", "melody")[0]
    assert not sentence_rank(good[:-1] + " and a painting of a pier.", -2.0, "a pier in winter", "melody")[0]
    assert not sentence_rank("A pier glows in winter, painted in A minor notes.", -2.0, "a pier", "painting")[0]
    assert not sentence_rank("The mood is lonely on the pier.", -2.0, "a pier", "painting")[0]
    named, unnamed = "A pier stands in the winter snow.", "A jetty stands in the cold snow."
    assert (
        sentence_rank(named, -2.0, "a pier in winter", "painting")[1] > sentence_rank(unnamed, -2.0, "x", "painting")[1]
    )


def test_each_sentence_is_asked_about_its_own_work():
    painting = sentence_request("painting", "lonely", "a pier in winter", "grey and blue", "slow violin melody")
    assert (
        painting
        == "In one sentence, say what the painting shows: a pier in winter in grey and blue. The mood is lonely."
    )
    melody = sentence_request("melody", "lonely", "a pier in winter", "any", "slow violin melody in A minor")
    assert "a slow violin melody in A minor" in melody and melody.endswith("a painting of a pier in winter.")


def test_a_description_from_the_tiny_chat_model_is_checked_as_one(chat_lm):
    model, tokenizer = chat_lm
    draft = draft_description(model, tokenizer, "qwen", "calm", "the harbour", "grey", "slow piano melody", seed=2)
    again = draft_description(model, tokenizer, "qwen", "calm", "the harbour", "grey", "slow piano melody", seed=2)
    assert draft.text == again.text and draft.log_prob < 0
    assert draft.text == " ".join(draft.text.split())  # one paragraph


def test_a_description_describes_only_the_works_that_were_made():
    from tools.describe import description_parts

    assert description_parts(("painting",)) == ("painting",)
    assert description_parts(("melody",)) == ("melody",)
    assert description_parts(("painting", "melody")) == ("painting", "melody")
    assert description_parts(()) == ("painting",)  # nothing made: never a melody that does not exist
    alone = sentence_request("melody", "festive", "a carnival", "any", "lively piano melody", beside_painting=False)
    assert "painting" not in alone and "a carnival" in alone
    assert not sentence_rank("Light spills over the stalls like a happy tune.", -2.0, "a fair", "painting")[0]


def test_a_painting_only_description_from_the_tiny_chat_model_says_nothing_of_a_melody(chat_lm):
    model, tokenizer = chat_lm
    draft = draft_description(
        model, tokenizer, "qwen", "calm", "the harbour", "grey", "slow piano melody in C major", 2, ("painting",)
    )
    assert "piano" not in draft.text and "C major" not in draft.text
