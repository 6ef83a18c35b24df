import os

import pytest

from tools.brief import CreativeBrief
from tools.protocol import ToolContext
from tools.text_prompts import normalise
from tools.write_text import WriteTextArgs, check, clean_text, cut_off, mood_agrees, write_text


def test_cleaning_and_checks():
    poem = clean_text(
        "Poem: a grey tide\nthe boats are gone\n\nsome more words here\nand the last one\nextra", "poem", 4
    )
    assert poem.count("\n") == 3 and not poem.lower().startswith("poem")
    leaked = check("The boats are gone, the water keeps their names,\nb c d\ne f g\nh i j", "poem", 4, -0.5)
    assert leaked.leak and not leaked.clean
    repeated = check("one two three\none two three\nfour five six\nseven eight nine", "poem", 4, 0.0)
    assert repeated.repeated
    assert check("Salt and Silence", "title", 4, 0.0).in_bounds
    assert check("Where the Boats Were", "title", 4, 0.0).leak  # an example title copied
    assert not check("a title that is far far too long to be one", "title", 4, 0.0).in_bounds


def test_a_text_that_stops_mid_phrase_is_not_clean():
    poem = "the tide goes out\nthe gulls are quiet now\nand the boats wait for\nthe light to fall on the"
    assert cut_off(poem) and not check(poem, "poem", 4, 0.0).clean
    finished = "the tide goes out\nthe gulls are quiet now\nand the boats wait for\nthe light to come in"
    assert not cut_off(finished) and check(finished, "poem", 4, 0.0).clean  # inner lines may run on
    assert cut_off("A slow melody in D minor that drifts over a grey sea and")
    assert check("Salt and", "title", 4, 0.0).cut_off and not check("Salt and Silence", "title", 4, 0.0).cut_off
    assert clean_text("a b c\nd e f\ng h i\nto be seen....", "poem", 4).endswith("to be seen...")
    assert clean_text("A river of ice (", "title", 1) == "A river of ice"
    assert clean_text("Untitled (Interlude)", "title", 1) == "Untitled (Interlude)"


def test_mood_agreement_rule():
    assert mood_agrees(0.6, 0.8) and not mood_agrees(-0.6, 0.8)
    assert mood_agrees(-0.4, -0.6) and not mood_agrees(0.5, -0.6)
    assert mood_agrees(0.1, 0.0) and not mood_agrees(0.9, 0.0)


@pytest.mark.parametrize("kind", ["poem", "title", "description"])
def test_write_text_runs_the_real_generation_path(tiny_lm, tmp_path, kind):
    ctx = ToolContext(brief=CreativeBrief(subject="the sea"), out_dir=str(tmp_path / kind), seed=3)
    result = write_text(WriteTextArgs(kind=kind, mood="melancholic"), ctx)
    assert result.kind == "text" and os.path.exists(result.files["text"])
    assert result.data["kind"] == kind and result.brief.mood == "melancholic"
    again = write_text(WriteTextArgs(kind=kind), ToolContext(brief=result.brief, out_dir=str(tmp_path / "b"), seed=4))
    assert again.text == result.text  # same seed, same text


def test_examples_follow_the_mood_region_and_every_region_is_checked_for_leakage():
    from tools.mood_lexicon import read_mood
    from tools.text_prompts import POEMS, TITLES, mood_region, prompt_lines, prompt_prefix

    regions = {m: mood_region(read_mood(m).valence, read_mood(m).arousal) for m in ("sad", "angry", "joyful", "calm")}
    assert regions == {"sad": "sorrow", "angry": "tension", "joyful": "joy", "calm": "calm"}
    for region in POEMS:
        assert POEMS[region][1][1].splitlines()[0] in prompt_prefix("poem", region)
        assert all(t in prompt_prefix("title", region) for _, _, t in TITLES[region])
    assert normalise("The Second Door") in prompt_lines("title")  # a tension title, leaks whatever the mood
    assert normalise("and evening tucks the hills into their bed.") in prompt_lines("poem")


def test_contiguous_head_keeps_outputs_and_is_added_once(tiny_lm):
    import torch

    from models.language.contiguous_head import contiguous_head_inputs

    model, _ = tiny_lm
    ids = torch.randint(3, 50, (3, 9))
    before = model(input_ids=ids, logits_to_keep=2).logits
    contiguous_head_inputs(model)
    contiguous_head_inputs(model)
    assert len(model.get_output_embeddings()._forward_pre_hooks) == 1
    assert torch.allclose(model(input_ids=ids, logits_to_keep=2).logits, before, atol=1e-6)


def test_a_line_opening_like_a_prompt_field_is_leakage():
    poem = "The harbour sleeps in grey,\nthe ropes are cold and still,\nthe gulls have flown away,\nMood- Blue Skies."
    assert check(poem, "poem", 4, -0.5).leak
    assert not check(poem.replace("Mood- ", "Under "), "poem", 4, -0.5).leak
    assert check("Title: Grey Harbour", "title", 4, 0.0).leak
