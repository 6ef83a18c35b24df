import os

import pytest

from models.language.poem_forms import poem_form
from tools.brief import CreativeBrief
from tools.protocol import ToolContext
from tools.text_drafting import check, clean_text, cut_off, subject_words_present
from tools.write_text import WriteTextArgs, colour_words, form_of, write_text

COUPLETS = poem_form("couplets", 4)


def _check(text, kind="poem", form=COUPLETS, subject="the harbour at night", leaked=frozenset()):
    return check(text, kind, form, subject, -2.0, set(leaked))


def test_a_sound_poem_has_its_form_ends_its_thought_and_echoes_nothing():
    poem = "\n".join(
        [
            "The harbour sleeps beneath the night,",
            "the boats lie still in silver light.",
            "The gulls are calling, soft and slow,",
            "and home the tired sailors go.",
        ]
    )
    assert _check(poem).sound and _check(poem).subject_words == 1.0
    assert not _check(poem.replace("silver light", "silver glow")).form_ok  # no rhyme with "night"
    unfinished = poem.rsplit("\n", 1)[0] + "\nand home the tired sailors and"
    assert not _check(unfinished).finished and not _check(poem.rstrip(".") + ",").finished
    assert _check("Mood: calm\n" + poem.split("\n", 1)[1], form=poem_form("free", 4)).leak
    assert _check(poem + "\n" + poem.splitlines()[0], form=poem_form("free", 5)).repeated
    assert _check(poem.replace("gulls", "haiku gulls")).leak  # the request's words echoed
    assert _check(poem, leaked={"the boats lie still in silver light"}).leak


def test_titles_and_descriptions():
    assert _check("Harbour Lights at Midnight", "title", None).sound
    assert not _check("Harbour", "title", None).form_ok and not _check("Salt and", "title", None).finished
    assert clean_text('"Sunflower Field."', "title") == "Sunflower Field"
    text = "A quiet harbour sleeps under a navy sky. A slow cello line drifts over the water."
    assert _check(text, "description", None).sound
    assert not _check(text[:-1] + " and", "description", None).finished
    assert _check(text.replace("navy sky", "navy navy sky"), "description", None).repeated
    assert _check(text.replace("A slow", "The mood is sad as a slow"), "description", None).leak
    run_on = _check("A quiet harbour sleeps under a navy sky while a slow cello line drifts.", "description", None)
    assert run_on.sound and run_on.rank < _check(text, "description", None).rank  # one run-on sentence loses


def test_a_description_is_asked_for_the_painting_first_then_the_melody_as_it_moves():
    from tools.brief import BriefChanges, apply_changes
    from tools.text_prompts import chat_request
    from tools.write_text import describe_music

    sad = describe_music(apply_changes(CreativeBrief(), BriefChanges(mood="melancholic", instrument="cello"))[0])
    assert sad == "slow cello melody in A minor that falls in small steps"
    asked = chat_request("description", "melancholic", "a pier in winter", "grey", sad)
    assert "a painting of a pier in winter in grey, and a slow cello melody in A minor that falls" in asked
    assert asked.endswith("Say first what the painting shows, then how the melody sounds.")


def test_subject_words_and_cut_off():
    assert subject_words_present("an old dog asleep by the fire", "The old dog sleeps near the fire") == 0.75
    assert subject_words_present("the harbour", "harbor lights") == 1.0
    assert subject_words_present("a cat chasing its tail", "a duck on the river") == 0.0
    assert cut_off("the light falls on the") and not cut_off("the light comes in")


def test_form_from_the_arguments():
    assert form_of("poem", 4, False, None) == poem_form("free", 4)
    assert form_of("poem", 4, True, None) == COUPLETS and form_of("poem", 6, True, "abab").lines == 8
    assert form_of("poem", 4, False, "haiku").syllables == (5, 7, 5) and form_of("title", 4, True, None) is None
    assert colour_words(["grey", "blue", "white"]) == "grey, blue and white" and colour_words([]) == "any"


def test_a_poem_may_be_asked_up_to_sixteen_lines_and_no_more():
    assert WriteTextArgs(kind="poem", lines=10).lines == 10 and form_of("poem", 10, False, None).lines == 10
    with pytest.raises(ValueError):
        WriteTextArgs(kind="poem", lines=40)


@pytest.mark.parametrize("kind", ["poem", "title", "description"])
def test_write_text_runs_the_real_generation_path(tiny_lm, tmp_path, kind):
    ctx = ToolContext(brief=CreativeBrief(subject="the sea"), out_dir=str(tmp_path / kind), seed=3)
    result = write_text(WriteTextArgs(kind=kind, mood="melancholic"), ctx)
    assert result.kind == "text" and os.path.exists(result.files["text"])
    assert result.data["kind"] == kind and result.brief.mood == "melancholic"
    again = write_text(WriteTextArgs(kind=kind), ToolContext(brief=result.brief, out_dir=str(tmp_path / "b"), seed=4))
    assert again.text == result.text  # same seed, same text


def test_a_haiku_from_the_tool_has_its_syllables(tiny_lm, tmp_path):
    from models.language.poem_forms import has_form

    ctx = ToolContext(brief=CreativeBrief(subject="the sea"), out_dir=str(tmp_path), seed=3)
    result = write_text(WriteTextArgs(kind="poem", form="haiku"), ctx)
    assert result.data["form"] == "haiku" and result.data["form_exact"] == has_form(result.text, poem_form("haiku"))


def test_examples_follow_the_mood_region_and_every_region_is_checked_for_leakage():
    from tools.mood_lexicon import read_mood
    from tools.text_prompts import POEMS, TITLES, chat_prompt_lines, mood_region, normalise, prompt_lines, prompt_prefix

    regions = {m: mood_region(read_mood(m).valence, read_mood(m).arousal) for m in ("sad", "angry", "joyful", "calm")}
    assert regions == {"sad": "sorrow", "angry": "tension", "joyful": "joy", "calm": "calm"}
    for region in POEMS:
        assert POEMS[region][1][1].splitlines()[0] in prompt_prefix("poem", region)
        assert all(t in prompt_prefix("title", region) for _, _, t in TITLES[region])
    assert normalise("The Second Door") in prompt_lines("title")  # a tension title, leaks whatever the mood
    assert normalise("A heron waits beside the quiet lake,") in chat_prompt_lines("poem")


def test_chat_requests_say_the_form_and_the_works():
    from tools.text_prompts import chat_request

    assert chat_request("poem", "calm", "the harbour", "any", "", "haiku") == (
        "Write a calm haiku about the harbour: three lines of 5, 7 and 5 syllables."
    )
    couplets = chat_request("poem", "angry", "a storm", "black and white", "", "couplets", 6)
    assert (
        couplets == "Write an angry poem of six lines in rhyming couplets about a storm. "
        "It goes with a painting in black and white."
    )
    assert "slow melody in A minor on cello" in chat_request(
        "description", "sad", "rain", "grey", "slow melody in A minor on cello"
    )


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


def test_the_writer_is_the_model_that_reads_the_chat(monkeypatch):
    from models.language.base_models import base_model
    from models.loader import ModelLoader
    from models.registry import text_language_model_key

    loader = ModelLoader("cpu")
    loader.register(base_model("gemma").loader_name, lambda: None)
    assert text_language_model_key(loader) == "gemma"
    loader.register(base_model("qwen").loader_name, lambda: None)
    assert text_language_model_key(loader) == "qwen"
    monkeypatch.setenv("ARTCHAT_TEXT_LM", "gemma")
    assert text_language_model_key(loader) == "gemma"


def test_a_near_copy_of_the_worked_example_is_echo_and_no_colours_are_not_named():
    from tools.text_prompts import chat_request, copied_phrase

    near = "A lake at dawn,\nthe reeds lie still as if they were kissed."
    assert copied_phrase(near, "poem") and _check(near, form=poem_form("free", 2)).leak
    assert not copied_phrase("The reeds are still, the lake is calm.", "poem")
    assert " in any" not in chat_request("description", "calm", "a fair", "any", "slow melody in C major on piano")


def test_a_description_tells_the_melody_and_painting_as_they_were_made(tiny_lm, tmp_path, monkeypatch):
    import tools.write_text as write_text_module
    from tools.brief import BriefChanges, apply_changes

    asked = []
    real = write_text_module.draft_texts

    def spy(*args):
        asked.append(args[6:8])  # the colours and the music the drafts are asked for
        return real(*args)

    monkeypatch.setattr(write_text_module, "draft_texts", spy)
    text_brief = CreativeBrief(subject="a pier", palette=["gold"])  # the text's own settings: C major, gold
    melody = apply_changes(text_brief, BriefChanges(mood="melancholic", instrument="cello"))[0]
    painting = apply_changes(text_brief, BriefChanges(palette=["navy", "grey"]))[0]
    works = {"painting": painting, "melody": melody}
    ctx = ToolContext(brief=text_brief, out_dir=str(tmp_path / "d"), seed=3, works=works)
    write_text(WriteTextArgs(kind="description"), ctx)
    assert asked[0] == ("navy and grey", "slow cello melody in A minor that falls in small steps")
    write_text(WriteTextArgs(kind="poem"), ToolContext(brief=text_brief, out_dir=str(tmp_path / "p"), seed=3))
    assert asked[-1][0] == "gold" and "C major" in asked[-1][1]  # a poem alone keeps its own settings


def test_a_refined_text_keeps_its_kind_form_and_lines():
    from tools.protocol import PreviousWork
    from tools.write_text import WriteTextArgs, kept_shape

    haiku = PreviousWork("text_1", 1, {}, {"kind": "poem", "form": "haiku", "lines": 3}, {})
    sadder = kept_shape(WriteTextArgs(valence_change=-0.3), haiku)
    assert (sadder.kind, sadder.form, sadder.lines) == ("poem", "haiku", 3)
    assert kept_shape(WriteTextArgs(kind="title"), haiku).kind == "title"
    assert kept_shape(WriteTextArgs(rhyme=True), haiku).form is None  # "make it rhyme": couplets
    assert kept_shape(WriteTextArgs(lines=6), haiku).form is None  # a haiku made longer is free verse
    assert kept_shape(WriteTextArgs(), None).kind == "poem"
