"""The studio's frozen prompt and answer vocabulary are byte for byte what the training corpus gives the adapters
(#31), and starting the studio opens no training data."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

from assistant.orchestrators import prompt_format
from assistant.orchestrators.answer_vocabulary import answer_token_ids, shipped_answers
from assistant.orchestrators.local_lm import ADAPTERS
from assistant.routing import context, corpus
from assistant.routing.answer_vocabulary_file import EXAMPLES, corpus_answers

REQUESTS = ["slower", "  make   it\tlonger ", "a sad tune,\nthen a poem", "", "encore une fois, plus lent"]
REPLIES = ["", "Made melody_1: x. Made painting_1: y.", "painting_2 (from painting_1): z.", "Back to text_1: t."]


def test_the_prompt_is_the_one_the_corpus_writes():
    kinds = context.KINDS
    works = [c for n in range(4) for c in itertools.combinations(kinds, n)]
    for works_now, last, bars, request in itertools.product(works, works, (1, 8, 16), REQUESTS):
        trained = corpus.prompt_for(request, context.Context(works_now, last, bars).line())
        frozen = prompt_format.prompt(request, prompt_format.State(works_now, last, bars).line())
        assert frozen == trained
    assert prompt_format.prompt("x") == corpus.prompt_for("x")


def test_the_state_line_reads_the_conversation_as_the_corpus_does():
    for reply, works_now in itertools.product(REPLIES, (("melody",), ("melody", "painting"), ())):
        messages = [{"role": "user", "content": "a"}, {"role": "assistant", "content": reply}, {"role": "user"}]
        artifacts = {k: f"{k}_1" for k in works_now}
        for brief in ({"bars": 12}, {}):
            frozen = prompt_format.state_of(messages, brief, artifacts).line()
            assert frozen == context.context_of(messages, brief, artifacts).line()


@pytest.mark.parametrize("base", sorted(ADAPTERS))
def test_each_adapter_ships_the_answers_of_the_corpus_it_learnt(base):
    """If the corpus changes for a new adapter, write its answers beside that adapter
    (`python -m assistant.routing.answer_vocabulary_file DIR`); the shipped ones stay what the old one saw."""
    assert [a.removeprefix(" ") for a in shipped_answers(ADAPTERS[base])] == corpus_answers()


def test_the_shipped_answers_give_the_token_set_the_corpus_gave(tiny_lm):
    _, tokenizer = tiny_lm
    answers = [" " + corpus.compact(e.calls) for e in corpus.generate("train", EXAMPLES)]
    before = {i for ids in tokenizer(answers, add_special_tokens=False).input_ids for i in ids}
    assert answer_token_ids(tokenizer, ADAPTERS["gemma"]) == frozenset(before | {tokenizer.eos_token_id})


def test_starting_the_studio_opens_no_training_data():
    code = (
        "import sys; import ui.app, ui.cli; from assistant.orchestrators import local_lm, answer_vocabulary; "
        "local_lm.request_line(local_lm.PlanRequest([{'role': 'user', 'content': 'slower'}], {}, {})); "
        "print(sorted(m for m in sys.modules if m.startswith('assistant.routing')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
