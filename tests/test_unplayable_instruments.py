"""An instrument we have none of, asked for a tune, gets a sentence in the reply instead of a silent piano."""

import pytest

from assistant.orchestrators.request_facts import unplayable_instruments
from assistant.turn import unplayable_notes
from assistant.versions import Version
from tools import word_net
from tools.brief import CreativeBrief

needs_wordnet = pytest.mark.skipif(not word_net.installed(), reason="WordNet is not installed (`make icons`)")


@needs_wordnet
def test_an_instrument_we_lack_beside_music_is_named_and_ours_or_a_painted_one_is_not():
    assert unplayable_instruments("tell me a joke and then play me a happy little tune on kazoo") == ["kazoo"]
    assert unplayable_instruments("a theremin solo please") == ["theremin"]
    assert unplayable_instruments("a sad tune on the piano") == []  # ours
    assert unplayable_instruments("a painting of a kazoo") == []  # painted, not played
    assert unplayable_instruments("put the table on the left") == []


@needs_wordnet
def test_the_reply_says_which_instrument_plays_instead():
    melody = Version(
        id="melody_1", kind="melody", number=1, parent=None, tool="compose_melody", arguments={}, seed=1,
        brief=CreativeBrief(instrument="flute"), files={},
    )  # fmt: skip
    (note,) = unplayable_notes("a happy little tune on kazoo", [melody])
    assert "kazoo" in note and "flute" in note
    assert unplayable_notes("a happy little tune on kazoo", []) == []  # no melody made: nothing to say
