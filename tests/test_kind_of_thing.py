"""The thing a person names is drawn as that kind of thing (issue 36): a drawing whose name holds the asked noun
only as a modifier is another kind, and a thing doing something to an
object ("a donkey carrying firewood") leads its phrase. Subjects written for this test, none from a test set."""

import pytest

from models.painter.object_library import installed
from tools.object_matching import head_nouns

needs_icons = pytest.mark.skipif(
    not installed(), reason="icons not installed (python -m models.painter.object_library)"
)


def test_a_names_head_noun_is_its_last_word_before_a_join_or_a_class_word():
    assert head_nouns(("crow", "nest")) == {"nest"}
    assert head_nouns(("bowl", "of", "rice")) == {"bowl"}
    assert head_nouns(("palm", "tree")) == {"palm", "tree"}
    assert head_nouns(("cheese", "wedge")) == {"cheese", "wedge"}


@needs_icons
def test_a_drawing_of_another_kind_is_marked_and_a_name_spelled_whole_is_not():
    from tools.object_matching import _index, _other_kind

    library = _index()[0]

    def marked(words):
        return {library[i].name for i in _other_kind(words).nonzero()[0]}

    assert "crow-nest" in marked(["three", "crows"])  # a nest, not a crow
    assert "crow-nest" not in marked(["a", "crow", "s", "nest"])
    assert "boat-fishing" not in marked(["a", "fishing", "boat"])  # the whole name, in any order
    assert "leafless-tree" not in marked(["a", "lone", "tree"])  # a leafless tree is a tree


@needs_icons
def test_crows_are_a_bird_also_called_crow_never_a_nest():
    from tools.scene_mapping import read_scene

    names = [m.entry.name for m in read_scene("three crows in a bare tree", 0.0, 0.0).objects]
    assert names == ["black-bird"], names  # no drawing is named crow; the blackbird is also called crow


@needs_icons
def test_a_thing_acting_on_an_object_leads_its_phrase():
    from tools.subject_phrases import subject_phrases

    def cut(subject):
        return subject_phrases(subject.split(), set())

    assert cut("a donkey pulling carts down the lane") == [
        ("a donkey", "subject"),
        ("carts", "action"),
        ("the lane", "setting"),
    ]
    assert cut("a fox chasing rabbits")[0] == ("a fox", "subject")
    assert cut("an old rotting boat") == [("an old rotting boat", "subject")]  # "old" names no thing
    assert cut("a candle burning brightly") == [("a candle burning brightly", "subject")]  # how, not on what


@needs_icons
def test_a_donkey_carrying_something_is_a_donkey():
    from tools.scene_mapping import read_scene

    names = [m.entry.name for m in read_scene("a tired donkey carrying firewood up a steep track", 0.0, 0.0).objects]
    assert names and names[0] == "donkey", names
