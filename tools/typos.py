"""A typo of a word we know: one letter added, dropped or changed, or two neighbours swapped ("meldoy" of "melody",
"hapy" of "happy"), in a word of at least four letters that is no English word of the CMU Pronouncing Dictionary
("rain" is no typo of "rainy", "tone" none of "tune")."""

from __future__ import annotations

import pronouncing

SHORTEST = 4  # shorter words are never read as typos ("sad" is no typo of "said", "tun" none of "tune")


def one_edit(a: str, b: str) -> bool:
    """a and b differ by one letter added, dropped, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        return len(diff) == 1 or swapped
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def typo_of(word: str, known, same_first: bool = False) -> str | None:
    """The known word (first in sorted order) that `word` is a typo of, or None (a known or real word is none);
    with `same_first`, only a known word with the same first letter (French "lune" is no typo of "tune")."""
    if len(word) < SHORTEST or word in known or pronouncing.phones_for_word(word):
        return None
    return next((k for k in sorted(known) if one_edit(word, k) and (not same_first or k[0] == word[0])), None)
