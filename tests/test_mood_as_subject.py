"""A subject that names only a mood is painted as a scene that carries it (issue 36): "a painting of pure chaos"
arrived as the subject "pure chaos" and was a night sky; "melancholy" drew a game-icons smiley."""

import pytest

from models.painter.object_library import installed
from tools.brief import CreativeBrief
from tools.painting_mapping import painting_parameters

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


@needs_icons
@pytest.mark.parametrize("subject", ["pure chaos", "melancholy", "the feeling of nostalgia"])
def test_a_mood_named_as_the_subject_paints_a_scene_for_it(subject):
    params = painting_parameters(CreativeBrief(subject=subject))
    assert params.subject != subject and params.subject_note().endswith(f"for {subject}")


@needs_icons
@pytest.mark.parametrize("subject", ["sunset", "a stormy sea", "a red fox"])
def test_a_scene_or_a_thing_stays_the_subject(subject):
    assert painting_parameters(CreativeBrief(subject=subject)).subject == subject


@needs_icons
@pytest.mark.parametrize("subject", ["a car", "a red car", "a blue car"])
def test_a_thing_read_near_a_mood_stays_the_subject(subject):
    """By meaning "car" was a mood word, and "a red car" was painted as a castle on a hill at night."""
    params = painting_parameters(CreativeBrief(subject=subject))
    assert params.subject == subject and [m.entry.name for m in params.scene.objects] == ["automobile"]


@needs_icons
@pytest.mark.parametrize("subject", ["a heron", "an easel", "a melon", "a graveyard", "hot springs"])
def test_things_and_places_are_no_moods(subject):
    """120 of the 5,093 drawings' names read as moods by meaning; of things and places none now does."""
    assert painting_parameters(CreativeBrief(subject=subject)).subject == subject


@needs_icons
def test_chaos_is_painted_as_a_storm_not_a_calm():
    params = painting_parameters(CreativeBrief(subject="pure chaos"))
    assert params.spec.arousal > 0.5 and params.spec.valence < 0
