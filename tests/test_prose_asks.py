"""A story is asked for: a short prose description of its subject is written, and the reply says so (issue #32)."""

from __future__ import annotations

from assistant.orchestrators.prose_asks import as_description, prose_word, story_subject
from assistant.session import Session
from tests.test_work_settings import say

POEM = '[["write_text", {"kind": "poem", "subject": "a pirate", "lines": 4}]]'
DESCRIPTION = '[["write_text", {"kind": "description", "subject": "a pirate"}]]'


def test_a_story_asked_by_its_word_is_a_description_of_its_subject():
    assert as_description(POEM, "write a story about a pirate") == DESCRIPTION
    assert as_description("[]", "a bedtime story about a sleepy bear please") == (
        '[["write_text", {"kind": "description", "subject": "a sleepy bear"}]]'
    )
    assert as_description("[]", "can you write a short tale to go with it") == (
        '[["write_text", {"kind": "description"}]]'  # "it": the works' own subject
    )
    assert story_subject("tell me a short story about a dragon who is afraid of the dark") == (
        "a dragon who is afraid of the dark"
    )


def test_other_texts_and_stories_nobody_asks_for_stay_the_models():
    assert prose_word("write a poem about a pirate") is None
    assert prose_word("a poem and a story about the sea") is None  # a poem is named: the model's reading
    assert prose_word("I'm writing a short story, can you paint its cover") is None
    assert as_description(POEM, "write a poem about a pirate") == POEM
    assert as_description("[]", "tell me a joke") == "[]"


def test_the_reply_says_a_description_stands_in_for_the_story(tmp_path, scripted, tiny_lm):
    s = Session.create(str(tmp_path))
    reply = say(s, "write a story about a pirate", scripted, ("write_text", {"kind": "description"}))
    assert "I cannot write a story yet, so this is a short prose description instead" in reply
    reply = say(s, "describe it", scripted, ("write_text", {"kind": "description"}))
    assert "cannot write a story" not in reply
