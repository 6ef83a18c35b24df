import pytest
import torch

from models.language.poem_forms import description_in_bounds, has_form, poem_form, title_in_bounds
from models.language.verse_sounds import line_syllables, rhyme, rhymes_of, syllables


def test_syllables_and_rhymes_from_the_cmu_dictionary():
    assert syllables("harbour") == 2 and syllables("fire") == 2 and syllables("evening") in (2, 3)
    assert line_syllables("The old dog sleeps by the fire") == 8
    assert rhyme("night", "light") and rhyme("rain", "vain") and not rhyme("night", "night")
    assert not rhyme("night", "day") and not rhyme("light", "twilight")
    assert "bright" in rhymes_of("night") and syllables("zzxq") == 1  # unknown: vowel groups, at least one


def test_forms_by_name():
    assert poem_form("couplets", 4).scheme == "AABB" and poem_form("couplets", 5).lines == 6
    assert poem_form("abab", 4).scheme == "ABAB" and poem_form("abab", 8).scheme == "ABABCDCD"
    assert poem_form("haiku").syllables == (5, 7, 5) and poem_form("free", 6).scheme is None
    assert poem_form("abab").partner(3) == 1 and poem_form("abab").opens_rhyme(0)
    with pytest.raises(ValueError, match="unknown poem form"):
        poem_form("sonnet")


def test_has_form_checks_lines_rhymes_and_syllables():
    night, light, slow, go = (
        "The boats come home at night,",
        "the harbour holds their light.",
        "The gulls are slow,",
        "the tide will go.",
    )
    couplets = "\n".join([night, light, slow, go])
    assert has_form(couplets, poem_form("couplets", 4))
    assert not has_form(couplets, poem_form("abab", 4))
    abab = "\n".join([night, slow, light, go])
    assert has_form(abab, poem_form("abab", 4)) and not has_form(abab, poem_form("couplets", 4))
    haiku = "Over the harbour\nthe old boats rock in the wind\nmorning light returns"
    assert has_form(haiku, poem_form("haiku")) and not has_form(haiku + " again", poem_form("haiku"))
    assert has_form("one line here\nand another one", poem_form("free", 2))
    assert not has_form("one line here\nand another one", poem_form("free", 4))


def test_title_and_description_bounds():
    assert title_in_bounds("Sunflowers at Noon") and not title_in_bounds("Sunflowers")
    assert not title_in_bounds("a title that is far far too long to be one")
    assert description_in_bounds("A grey sea. A slow cello.") and not description_in_bounds("A grey sea and")
    assert not description_in_bounds("One. Two. Three. Four.")


def _rhyme_tokenizer():
    from tests.tiny_lm import bpe_tokenizer

    words = (
        "night light bright white sight flight kite might right tight bite "
        "rain plain grain train lane pane main chain stain vain "
        "sea tree free glee knee three bee key "
        "the a harbour boats sleep in and slow old calm waves fall over water morning sun gold grey"
    ).split()
    corpus = [" ".join(words)] * 20 + [" ".join(reversed(words))] * 20
    return bpe_tokenizer(corpus, 500, ["<pad>", "<eos>"], pad_token="<pad>", eos_token="<eos>")


def _tiny_model(tokenizer):
    from transformers import Gemma3ForCausalLM, Gemma3TextConfig

    from tests.tiny_lm import TINY_SHAPE

    torch.manual_seed(0)
    config = Gemma3TextConfig(vocab_size=len(tokenizer), **TINY_SHAPE, head_dim=16, pad_token_id=0, eos_token_id=1)
    return Gemma3ForCausalLM(config).eval()


@pytest.mark.parametrize("name", ["couplets", "abab", "haiku", "free"])
def test_a_random_model_under_the_form_constraints_writes_the_form_exactly(name):
    from types import SimpleNamespace

    from models.language.sub_vocabulary_sampling import sample_sub_vocabulary
    from models.language.text_vocabulary import plain_text_token_ids
    from models.language.verse_constraints import FormShape
    from tools.text_drafting import DANGLING

    tokenizer = _rhyme_tokenizer()
    model = _tiny_model(tokenizer)
    form = poem_form(name, 4)
    allowed = plain_text_token_ids(tokenizer)
    shape = FormShape(tokenizer, allowed, form, DANGLING, min_words=1 if form.syllables else 3)
    settings = SimpleNamespace(
        candidates=3,
        seed=5,
        max_new_tokens=240,
        temperature=1.0,
        top_p=0.95,
        repetition_penalty=1.0,
        no_repeat_ngram_size=3,
    )

    def done(tokens):
        return tokenizer.decode(tokens).count("\n") >= form.lines

    context = torch.tensor([tokenizer("the harbour", add_special_tokens=False).input_ids])
    outputs = sample_sub_vocabulary(model, context, allowed, settings, done, shape=shape)
    texts = [tokenizer.decode(t).strip() for t in outputs]
    assert all(has_form(t, form) for t in texts), texts


def test_the_rhyme_mask_agrees_with_the_rhyme_check():
    from models.language.text_vocabulary import plain_text_token_ids
    from models.language.verse_constraints import token_table
    from tests.tiny_lm import bpe_tokenizer

    words = "alive live five drive arrive hive night light".split()
    tokenizer = bpe_tokenizer([" ".join(words)] * 30, 400, ["<pad>", "<eos>"], pad_token="<pad>", eos_token="<eos>")
    table = token_table(tokenizer, plain_text_token_ids(tokenizer), frozenset())
    chosen = {table.word[i] for i in table.rhyming_with("alive").nonzero()[:, 0].tolist()}
    assert {"five", "drive", "hive", "arrive"} <= chosen and not chosen & {"live", "alive", "night"}
