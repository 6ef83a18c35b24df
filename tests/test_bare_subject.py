"""A scene written bare after works exist ("an old barn at dusk") asks for the painting alone, with that subject
whole; short phrases that change a work, ask for music or choose a version do not. Requests of my own (the
studio's own chat after stop 30: "a woman reading in her living room, in autumn" made a melody), none from a test
set."""

import pytest

from assistant.orchestrators.bare_subject import bare_subject
from models.painter.object_library import installed

needs_icons = pytest.mark.skipif(
    not installed(), reason="the object drawings are not installed (needs npm once: `make icons`)"
)


@needs_icons
@pytest.mark.parametrize(
    "request_text, scene",
    [
        ("a woman reading in her living room, in autumn", "a woman reading in her living room, in autumn"),
        ("now a fox curled up in the snow", "a fox curled up in the snow"),
        ("next one: two boats in a harbour at sunrise", "two boats in a harbour at sunrise"),
        ("ok, a lighthouse in a storm.", "a lighthouse in a storm"),
        ("desert dunes under a full moon", "desert dunes under a full moon"),  # no determiner, a place after it
    ],
)
def test_a_scene_written_bare_is_the_paintings_whole_subject(request_text, scene):
    assert bare_subject(request_text) == scene


@pytest.mark.parametrize(
    "request_text",
    [
        "a bit slower",
        "three times faster",
        "a calm one",
        "the first one",
        "the tempo drags",
        "some jazz",
        "a sad melody",
        "a lullaby in F major",
        "a violin",  # an instrument: a melody as much as a painting, left to the model
        "the colours are too washed out",
        "paint an old barn",  # asked by name: the usual rules
        "an old barn at dusk and a calm tune",
        "what's the weather in london?",  # a question: the model's
        "do you run on my machine or in the cloud",
    ],
)
def test_changes_music_and_named_works_are_no_bare_scene(request_text):
    assert bare_subject(request_text) is None


@needs_icons
def test_a_bare_scene_asks_for_the_painting_and_its_whole_subject():
    from assistant.orchestrators.asked_works import NamedWorks, unasked_calls
    from assistant.orchestrators.bare_subject import written_scene

    request = "an old barn at dusk"
    assert written_scene(request) == "an old barn at dusk"
    works = NamedWorks(request)
    assert works.ok('[["', "paint") and not works.ok('[["', "compose")  # only the painting's tool may be typed
    calls = [["paint", {"subject": request}], ["compose_melody", {"mood": "calm"}]]
    assert unasked_calls(calls, request, frozenset({"compose_melody"})) == [1]


@needs_icons
@pytest.mark.parametrize(
    "request_text",
    [
        "a musician playing cello on a street corner",
        "an old man playing the violin in the park",
        "a pianist at a grand piano in an empty hall",
    ],
)
def test_a_figure_playing_an_instrument_is_a_scene(request_text):
    assert bare_subject(request_text) == request_text


@pytest.mark.parametrize(
    "request_text", ["play me a cello melody", "a melody playing on the cello", "a sad song with violin"]
)
def test_an_instrument_played_by_no_figure_is_music(request_text):
    from assistant.orchestrators.played_scene import played_instruments

    assert played_instruments(request_text) == frozenset()
    assert bare_subject(request_text) is None


@needs_icons
@pytest.mark.parametrize(
    "request_text, scene",
    [
        ("sand dunes at sunset and a slow desert melody", "sand dunes at sunset"),
        ("an old barn in the rain, and a sad violin melody", "an old barn in the rain"),
        ("a slow cello melody and an autumn forest at dusk", "an autumn forest at dusk"),
    ],
)
def test_a_scene_joined_bare_to_a_melody_asks_for_the_painting_too(request_text, scene):
    from assistant.orchestrators.asked_works import NamedWorks
    from assistant.orchestrators.bare_subject import joined_scene, written_scene

    assert joined_scene(request_text) == scene and written_scene(request_text) == scene
    works = NamedWorks(request_text)
    assert "paint" in works.asked and not works.ok('[["compose_melody", {}]', "]")


@pytest.mark.parametrize(
    "request_text",
    [
        "a melody and a painting of a harbour",  # both named: the usual rules
        "a lullaby for a baby and a sleepy moon",  # the lullaby's object may go on past "and"
        "a calm melody with a bit more piano",
        "a poem about the sea and a calm melody",
        "paint a stone bridge at dawn, with mist hanging on the water",  # the painting's own scene goes on
    ],
)
def test_no_scene_joined_where_each_part_names_a_work_or_none_is_a_scene(request_text):
    from assistant.orchestrators.bare_subject import joined_scene

    assert joined_scene(request_text) is None
