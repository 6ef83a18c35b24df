"""A change of length right after a text, or of a text by name, makes that text longer or shorter in lines."""

import pytest

from assistant.orchestrators.text_length import length_sign, lines_asked, with_text_length
from tools.protocol import PreviousWork
from tools.write_text import WriteTextArgs, kept_shape

TEXT = frozenset({"write_text"})
PAINTING_AND_TEXT = frozenset({"paint", "write_text"})
ALL = frozenset({"compose_melody", "paint", "write_text"})
MELODY = frozenset({"compose_melody"})


def test_the_way_and_the_amount_are_read_as_written():
    assert length_sign("make it longer") == 1 and length_sign("that's too long, make it shorter") == -1
    assert length_sign("it's nice but too short, add a few more lines") == 1
    assert length_sign("another one") is None and length_sign("slower") is None
    assert lines_asked("make it longer", 1) == 4 and lines_asked("shorter", -1) == -2
    assert lines_asked("add 2 more lines", 1) == 2 and lines_asked("add another stanza", 1) == 4


def test_longer_after_a_poem_lengthens_the_poem_not_a_melody():
    melody_longer = '[["compose_melody", {"add_bars": 4}]]'
    longer = '[["write_text", {"add_lines": 4}]]'
    assert with_text_length(melody_longer, "make it longer", PAINTING_AND_TEXT, TEXT) == longer
    assert with_text_length(melody_longer, "make it longer", ALL, TEXT) == longer  # "it" is the poem
    take = '[["write_text", {"kind": "poem", "new_variation": true}]]'
    assert with_text_length(take, "can you make the poem a bit longer", ALL, MELODY) == (
        '[["write_text", {"kind": "poem", "add_lines": 4}]]'
    )
    assert with_text_length("[]", "make it shorter", TEXT, TEXT) == '[["write_text", {"add_lines": -2}]]'


def test_other_lengths_stay_the_models():
    melody_longer = '[["compose_melody", {"add_bars": 4}]]'
    assert with_text_length(melody_longer, "make it longer", ALL, MELODY) == melody_longer  # "it" is the tune
    assert with_text_length(melody_longer, "make the tune longer", ALL, TEXT) == melody_longer
    assert with_text_length(melody_longer, "make it longer", MELODY, MELODY) == melody_longer  # no text
    eight = '[["write_text", {"lines": 8}]]'
    assert with_text_length(eight, "make it longer, 8 lines", TEXT, TEXT) == eight
    titled = '[["compose_melody", {"add_bars": 4}], ["write_text", {"kind": "title"}]]'
    assert with_text_length(titled, "make it longer and give it a title", ALL, TEXT) == titled


def test_the_text_tool_takes_lines_added_to_the_poem_it_changes():
    couplets = PreviousWork("text_1", 1, {}, {"kind": "poem", "form": "couplets", "lines": 4}, {})
    longer = kept_shape(WriteTextArgs(add_lines=4), couplets)
    assert (longer.kind, longer.form, longer.lines) == ("poem", "couplets", 8)
    haiku = PreviousWork("text_1", 1, {}, {"kind": "poem", "form": "haiku", "lines": 3}, {})
    abab = PreviousWork("text_1", 1, {}, {"kind": "poem", "form": "abab", "lines": 8}, {})
    assert kept_shape(WriteTextArgs(add_lines=-2), abab).lines == 4  # a whole quatrain, not 6 rounded back to 8
    longer_haiku = kept_shape(WriteTextArgs(add_lines=4), haiku)
    assert (longer_haiku.form, longer_haiku.lines) == (None, 7)  # free verse: a haiku has three lines


def test_a_length_no_poem_can_have_is_refused_in_words():
    long_poem = PreviousWork("text_1", 1, {}, {"kind": "poem", "form": "free", "lines": 16}, {})
    with pytest.raises(ValueError, match="2 to 16 lines; this one has 16"):
        kept_shape(WriteTextArgs(add_lines=4), long_poem)
    title = PreviousWork("text_1", 1, {}, {"kind": "title"}, {})
    with pytest.raises(ValueError, match="a title keeps its own length"):
        kept_shape(WriteTextArgs(add_lines=4), title)


def test_a_poem_made_longer_goes_on_from_its_own_lines(chat_lm):
    from models.language.poem_forms import poem_form
    from tools.poem_lines import draft_poem_by_lines

    model, tokenizer = chat_lm
    first = draft_poem_by_lines(model, tokenizer, "qwen", "calm", "the harbour", "grey", "slow", poem_form(), seed=3)
    opening = tuple(first.text.splitlines())
    longer = draft_poem_by_lines(
        model, tokenizer, "qwen", "calm", "the harbour", "grey", "slow", poem_form("free", 6), 3, opening
    )
    assert longer.text.splitlines()[:4] == list(opening) and len(longer.text.splitlines()) == 6, longer.text
    shorter = draft_poem_by_lines(
        model, tokenizer, "qwen", "calm", "the harbour", "grey", "slow", poem_form("free", 2), 3, opening
    )
    assert shorter.text.splitlines()[0] == opening[0] and len(shorter.text.splitlines()) == 2, shorter.text


def test_only_a_poem_changed_in_length_starts_from_its_lines(tmp_path):
    from tools.write_text import kept_lines

    path = tmp_path / "poem.txt"
    path.write_text("The lake is still,\n\nthe reeds lie low.\n")
    poem = PreviousWork("text_1", 1, {}, {"kind": "poem", "lines": 2}, {"text": str(path)})
    assert kept_lines(poem, 4) == ("The lake is still,", "the reeds lie low.")
    assert kept_lines(poem, None) == ()  # sadder, another take: written anew
    title = PreviousWork("text_1", 1, {}, {"kind": "title"}, {"text": str(path)})
    assert kept_lines(title, 4) == () and kept_lines(None, 4) == ()


def test_a_mood_asked_beside_the_length_stays_with_the_poem():
    from assistant.orchestrators.absent_work import changes_to_touched_work

    punchier = '[["compose_melody", {"arousal_change": 0.3}]]'
    moved = changes_to_touched_work(punchier, "shorter and punchier", TEXT, TEXT)  # as the orchestrator orders them
    assert with_text_length(moved, "shorter and punchier", TEXT, TEXT) == (
        '[["write_text", {"arousal_change": 0.3, "add_lines": -2}]]'
    )


def test_a_length_alone_changes_no_mood():
    calmer = '[["write_text", {"arousal_change": -0.3, "add_lines": -2}]]'
    shorter = '[["write_text", {"add_lines": -2}]]'
    assert with_text_length(calmer, "that's too long, make it shorter", TEXT, TEXT) == shorter
    sadder = '[["write_text", {"valence_change": -0.3}]]'
    assert with_text_length(sadder, "make it shorter and sadder", TEXT, TEXT) == (
        '[["write_text", {"valence_change": -0.3, "add_lines": -2}]]'
    )
