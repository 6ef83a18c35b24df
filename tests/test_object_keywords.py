"""The drawings' CLDR keywords and the phrase spellings they are matched against."""

import pytest

from models.painter.object_keywords import keywords, slug
from models.painter.object_library import ObjectEntry, installed
from tools.object_matching import phrase_tokens


def test_a_cldr_name_is_spelled_as_the_icon_sets_spell_it():
    assert slug("teacup without handle") == "teacup-without-handle"
    assert slug("Woman’s Hat") == "woman-s-hat"


def test_phrase_tokens_join_neighbours_and_leave_out_counts():
    tokens = phrase_tokens(["a", "tea", "cup"])
    assert tokens == [frozenset({"tea", "teacup"}), frozenset({"cup", "teacup"})]
    assert phrase_tokens(["three", "sheep"]) == [frozenset({"sheep"})]


def test_a_silhouette_has_no_keywords():
    assert keywords(ObjectEntry("game-icons", "seal")) == ()


@pytest.mark.skipif(not installed(), reason="icons not installed (python -m models.painter.object_library install)")
def test_the_seal_is_also_a_sea_lion():
    also = keywords(ObjectEntry("noto", "seal"))
    if not also:
        pytest.skip("CLDR keywords not installed (python -m models.painter.object_library install)")
    assert {"sea", "lion"} <= set(also)
