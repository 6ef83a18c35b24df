"""The writing corpus for distillation: made-up requests, none from a request set; each draft keeps the
prompts it was written from and the completions kept."""

import glob
import os
import re

import yaml

from models.language.poem_forms import poem_form
from tools.describe import draft_description
from tools.poem_lines import draft_poem_by_lines
from tools.text_drafting import clean_text
from tools.writer_corpus import corpus_words, pairs, requests

HERE = os.path.dirname(__file__)
FILLER = set("a an the of in on at by to with and over under after before".split())


def test_requests_are_fixed_for_a_seed_and_well_formed():
    rows = requests(300, seed=3)
    assert rows == requests(300, seed=3) and rows != requests(300, seed=4)
    assert len({r["id"] for r in rows}) == 300
    assert {r["kind"] for r in rows} == {"poem", "title", "description"}
    for r in rows:
        if r["kind"] == "poem":
            poem_form(r["form"], r["lines"])
        if r["kind"] == "description":
            assert r["with"]  # a description describes a work that was made


def test_no_corpus_subject_is_a_request_sets_subject():
    """Dev judging compares writers on the request sets: the teacher never wrote about their subjects."""

    def words(s: str) -> set[str]:
        return set(re.findall(r"[a-z]+", re.sub(r"'s\b", "", s.lower()))) - FILLER  # "grandfather's": grandfather

    theirs = []
    for path in glob.glob(os.path.join(HERE, "..", "evals", "data", "text_requests_*.yaml")):
        if "test9" not in path:  # the frozen test set is not opened
            theirs += [words(r.get("subject", "")) for r in yaml.safe_load(open(path, encoding="utf-8")) or []]
    for subject in corpus_words()["subjects"]:
        assert not any(len(words(subject) & t) >= 2 for t in theirs), subject


def test_pairs_keep_only_sound_drafts():
    rows = [
        {"sound": True, "exchanges": [{"prompt": "p1", "completion": "a line"}, {"prompt": "p2", "completion": " "}]},
        {"sound": False, "exchanges": [{"prompt": "p3", "completion": "bad"}]},
    ]
    assert pairs(rows) == [{"prompt": "p1", "completion": "a line"}]


def test_a_chat_poem_records_its_prompt_and_the_lines_it_kept(chat_lm):
    model, tokenizer = chat_lm
    draft = draft_poem_by_lines(model, tokenizer, "qwen", "calm", "the sea", "blue", "slow", poem_form("free", 2), 1)
    [(prompt, completion)] = draft.exchanges
    assert prompt.endswith("assistant\n") and "the sea" in prompt
    assert clean_text(completion, "poem") == draft.text


def test_a_description_records_one_prompt_per_sentence(chat_lm):
    model, tokenizer = chat_lm
    draft = draft_description(model, tokenizer, "qwen", "calm", "the harbour", "grey", "slow piano melody", seed=2)
    assert [c for _, c in draft.exchanges] and " ".join(c for _, c in draft.exchanges) == draft.text
    assert "painting shows" in draft.exchanges[0][0] and "melody sounds" in draft.exchanges[-1][0]


def test_every_tenth_sound_row_is_held_out():
    from tools.writer_corpus import split_rows

    rows = [{"id": i, "sound": i != 3} for i in range(25)]
    training, heldout = split_rows(rows)
    assert [r["id"] for r in heldout] == [0, 11, 21]  # the 1st, 11th and 21st sound rows
    assert not {r["id"] for r in training} & {r["id"] for r in heldout} and len(training) + len(heldout) == 24
