"""WordNet's noun files read on disk: senses by bisecting the sorted index, what each is a kind of."""

import os

import pytest

from tools import word_net

LICENCE = "  1 This software and database is being provided to you\n  2 under the WordNet licence\n"
ROWS = {  # a tiny WordNet: a bulldog is a dog, a dog a domestic animal; {name} is that row's 8-digit offset
    "animal": "05 n 01 domestic_animal 0 000 | a tame animal",
    "dog": '05 n 02 dog 0 domestic_dog 0 001 @ {animal} n 0000 | a domesticated canid; "the dog barked"',
    "bulldog": "05 n 02 bulldog 0 English_bulldog 0 001 @ {dog} n 0000 | a sturdy breed",
    "kid": "18 n 02 child 0 kid 0 000 | a young person",
}


def _write_wordnet(root: str) -> None:
    folder = os.path.join(root, word_net.FOLDER)
    os.makedirs(folder)
    offsets, at = {}, len(LICENCE)
    for name, text in ROWS.items():  # offsets are 8 digits wide, so a line's length does not depend on them
        offsets[name] = at
        at += len(f"{0:08d} {text}\n".format(**{k: "00000000" for k in ROWS}))
    data = LICENCE + "".join(
        f"{offsets[n]:08d} {t}\n".format(**{k: f"{v:08d}" for k, v in offsets.items()}) for n, t in ROWS.items()
    )
    with open(os.path.join(folder, "data.noun"), "w") as f:
        f.write(data)
    with open(os.path.join(folder, "index.noun"), "w") as f:
        f.write(LICENCE + "".join(f"{n} n 1 1 @ 1 0 {offsets[n]:08d}  \n" for n in sorted(ROWS)))


@pytest.fixture
def root(tmp_path):
    _write_wordnet(str(tmp_path))
    word_net.senses.cache_clear()
    word_net._sense.cache_clear()
    yield str(tmp_path)
    word_net.senses.cache_clear()
    word_net._sense.cache_clear()


def test_a_noun_is_found_by_bisecting_the_index(root):
    for noun in ROWS:
        assert word_net.senses(noun, root), noun
    assert word_net.senses("cat", root) == ()
    assert word_net.senses("aardvark", root) == ()  # before every row
    assert word_net.senses("zebra", root) == ()  # after every row


def test_a_sense_has_its_words_lexicon_and_gloss(root):
    (bulldog,) = word_net.senses("bulldog", root)
    assert bulldog.words == ("bulldog", "english bulldog")
    assert bulldog.lexicon == "animal"
    assert bulldog.gloss == "a sturdy breed"
    assert word_net.senses("kid", root)[0].lexicon == "person"


def test_what_a_sense_is_a_kind_of_nearest_first(root):
    (bulldog,) = word_net.senses("bulldog", root)
    assert [(step, s.words[0]) for step, s in word_net.kinds(bulldog, 3, root)] == [(1, "dog"), (2, "domestic animal")]
    assert [s.words[0] for _, s in word_net.kinds(bulldog, 1, root)] == ["dog"]


def test_without_the_files_every_noun_is_unknown(tmp_path):
    assert not word_net.installed(str(tmp_path))
    assert word_net.senses("dog", str(tmp_path)) == ()
