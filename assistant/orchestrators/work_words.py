"""Which works a request names, read from its own words (`assistant/data/work_words.yaml`, four languages).

- `work_of(word)`: the tool whose work a word names or makes ("painting", "paint", "Gedicht");
- `mentioned_tools(request)`: the works it speaks of at all, a negated one aside ("no pictures");
- `every_work(request, existing, last)`: the works that exist, when the request speaks of all its works and names
  none ("everything": the text too; "both", "start over": the melody and the painting; "the whole thing": those
  the last turn touched);
- `asked_tools(request)`: the works it asks for by name: a work's noun opening a phrase ("..., and a haiku about
  loneliness", "give the painting a title", "mir ein Bild", "just a poem", "1) painting of a fox") or a making
  verb whose object names no other work ("paint anything you like", "peins-moi un paysage"), or "describe"; never
  after a negation ("without a poem"), inside another work's phrase ("a painting of a girl playing a song") or in
  a question ("what can you paint?").
A misspelt work word counts as the word (`typos`: "a sad meldoy", "write a pome"). These only read what the request
writes; every call and its arguments stay the model's (`asked_works`).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator

import yaml

from tools.typos import typo_of

WORDS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "work_words.yaml")
TOKEN = re.compile(r"[\w']+|[^\w\s]")
DETERMINERS = frozenset("a an another one some ein eine einen un une una uno".split())
PHRASE_ENDS = frozenset("for of about with to from in on at by like".split())
LIST_MARKS = frozenset({")", "+", "-", "•", ":", ";"})  # a work named after a list's mark is asked for
# Words after which a determiner opens a new phrase of the request (what is asked), not one inside a scene.
OPENERS = frozenset(
    "and plus then also & make create write compose paint draw give want need get add generate produce design "
    "me us it them please just only maybe perhaps now love have und auch mach mache erstelle schreib schreibe gib "
    "möchte hätte gern gerne bitte mir uns et aussi fais crée écris peins donne veux voudrais aimerais moi nous y "
    "también haz hazme crea escribe pinta dame quiero quisiera gustaría".split()
)
NEGATIONS = frozenset(
    "no not don't dont without never nor instead rather ohne kein keine keinen nicht sans pas ni sin".split()
)
PAUSES = frozenset(", . ; : ! ? …".split())  # a negation before one of these ends with it
QUESTIONS = frozenset(
    "what how why which who when where is are does did was wie warum welche welches ist sind que quoi comment "
    "pourquoi quel quelle qué cómo cuál por".split()
)
NOT_A_VERB_AFTER = frozenset("the my your this that his her our their its".split())  # "the paint is wet"


@functools.cache
def _table() -> dict[str, dict[str, str]]:
    """{'nouns' | 'verbs' | 'about' | 'also' | 'prose': {word: tool}}; a prose word is a noun of its work too."""
    with open(WORDS, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    table = {part: {w: tool for tool, parts in data.items() for w in parts.get(part, "").split()} for part in
             ("nouns", "verbs", "about", "also", "prose")}  # fmt: skip
    return {**table, "nouns": {**table["nouns"], **table["prose"]}}


def work_of(word: str) -> str | None:
    """The tool whose work `word` names or makes, or None."""
    table, word = _table(), spelled(word)
    return table["nouns"].get(word) or table["verbs"].get(word) or table["about"].get(word) or table["also"].get(word)


@functools.cache
def _work_words() -> frozenset[str]:
    return frozenset(w for part in _table().values() for w in part)


@functools.lru_cache(maxsize=4096)
def spelled(word: str) -> str:
    """The work word `word` is a typo of ("meldoy": "melody", "paintng": "painting", "pome": "poem"), else itself;
    its first letter as written, as the other languages' words are no English ones ("lune" is no "tune")."""
    return typo_of(word, _work_words(), same_first=True) or word


def words_of(request: str) -> list[str]:
    """Lower-case words and punctuation, work words spelled right; a hyphen between words parts them ("peins-moi")."""
    return [spelled(t) for t in TOKEN.findall(re.sub(r"(?<=\w)-(?=\w)", " ", request.lower()))]


def _negated(tokens: list[str], i: int) -> bool:
    """Whether a negation among the three tokens before tokens[i] denies it: one parted from it by a comma or a
    stop is a reply of its own ("ugh no, start over", "no. a poem"), not "don't start over"."""
    window = tokens[max(0, i - 3) : i]
    stops = [k for k, t in enumerate(window) if t in PAUSES]
    return any(t in NEGATIONS for t in window[stops[-1] + 1 if stops else 0 :])


def _opens(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] (a determiner) opens a phrase of the request itself."""
    if i == 0 or not re.match(r"\w", tokens[i - 1]):
        return True
    before = tokens[i - 1]
    if before in ("like", "about"):  # "I'd like a poem", "how about a haiku"; not "sounds like a poem"
        return i >= 2 and tokens[i - 2] in ("i'd", "would", "we'd", "how", "what")
    if before in ("of", "for"):  # "any chance of a poem", "in the mood for a tune"; not "a painting of a song"
        return i >= 2 and tokens[i - 2] == {"of": "chance", "for": "mood"}[before]
    return before in OPENERS or before in _table()["nouns"] or before in _table()["verbs"]


def asked_tools(request: str) -> frozenset[str]:
    """The tools whose works the request asks for by name (see the module doc)."""
    tokens = words_of(request)
    if not tokens or (tokens[0] in QUESTIONS and tokens[1:2] != ["about"]):
        return frozenset()
    nouns, verbs, about, asked = _table()["nouns"], _table()["verbs"], _table()["about"], set()
    for i, token in enumerate(tokens):
        if _negated(tokens, i):
            continue
        if token in DETERMINERS and _opens(tokens, i):
            ahead = [w for w in tokens[i + 1 : i + 7] if w != ","][:4]  # "a happy, bouncy marimba tune"
            for word in ahead:
                if word in PHRASE_ENDS:
                    break  # "a name for this painting": the painting is another phrase's
                if word in nouns:
                    asked.add(nouns[word])
                if word in nouns or not re.match(r"\w", word):
                    break
        elif token in nouns and i > 0 and tokens[i - 1] in LIST_MARKS and tokens[i + 1 : i + 2] in (["of"], ["about"]):
            asked.add(nouns[token])  # "1) painting of a red fox 2) a title for it", "+ poem about the sea"
        elif token in about and tokens[i + 1 : i + 2] not in (["what"], ["how"], ["who"], ["why"]):
            asked.add(about[token])  # "describe both of them", "describe the painting"
        elif token in verbs and (i == 0 or tokens[i - 1] not in NOT_A_VERB_AFTER):
            ahead = tokens[i + 1 : i + 5]
            if ahead and re.match(r"\w", ahead[0]) and not any(w in nouns for w in ahead):
                asked.add(verbs[token])
    return frozenset(asked)


def mentioned_tools(request: str) -> frozenset[str]:
    """The tools whose works the request speaks of at all, negated mentions aside."""
    tokens = words_of(request)
    return frozenset(tool for i, t in enumerate(tokens) if (tool := work_of(t)) and not _negated(tokens, i))


POLITE = frozenset(
    "please can could would will you kindly now ok okay so hey hi then just bitte kannst du peux tu pouvez vous "
    "puedes por favor".split()
)
MAKING = frozenset(
    "make create generate produce give mach mache erstelle gib fais crée donne haz hazme crea dame".split()
)


# A request that opens by asking for a work for oneself: "can I get a picture of ...", "I'd like a poem".
ASKING = (("can", "i", "get"), ("can", "i", "have"), ("could", "i", "get"), ("could", "i", "have"), ("i'd", "like"),
          ("i", "would", "like"), ("i", "want"), ("i", "need"), ("may", "i", "have"))  # fmt: skip


def commanded_tools(request: str) -> frozenset[str]:
    """The works asked for by a request that opens by making one ("paint anything you like", "could you draw a
    fox", "make me a melody") or by asking for one ("can i get a picutre of a lighthouse"): such a request is never
    answered with no call."""
    tokens = [t for t in words_of(request) if re.match(r"\w", t)]
    start = next((i for i, t in enumerate(tokens) if t not in POLITE or t in ("can", "could")), len(tokens))
    asking = any(tuple(tokens[start : start + len(p)]) == p for p in ASKING)
    first = next((t for t in tokens if t not in POLITE), "")
    return asked_tools(request) if asking or first in _table()["verbs"] or first in MAKING else frozenset()


ALL_WORKS = re.compile(r"(?<!\w)(?:everything|all of them|all the works|all three|alles|tout|todo)(?!\w)")
BOTH = re.compile(r"(?<!\w)(?:both|beide|beides|les deux|ambos|ambas)(?!\w)")
START_OVER = re.compile(  # which makes every melody and painting anew (`work_settings`)
    r"(?<!\w)(?:start(?:ing)? (?:over|again|afresh)|from scratch|something completely different)(?!\w)"
)


def says_start_over(request: str) -> bool:
    """The request starts over ("start over with ...", "from scratch", "something completely different"), not
    "don't start over"."""
    return next(_unnegated(START_OVER, request.lower()), None) is not None


CLEAN_SLATE = re.compile(  # which also clears the studio: the works so far are no longer current (`Session.start_over`)
    r"(?<!\w)(?:start(?:ing)? (?:over|again|afresh)|something completely different|a clean slate|a fresh start)(?!\w)"
)


def says_clean_slate(request: str) -> bool:
    """The request starts the whole studio over ("let's start over: ...", "something completely different"), not
    one work ("redo the painting from scratch", "start over with the painting: ...") and not "don't start over"."""
    lowered = request.lower()
    for match in _unnegated(CLEAN_SLATE, lowered):
        after = words_of(lowered[match.end() :])[:3]
        one_work = after[:1] in (["with"], ["on"]) and after[1:2] in (["the"], ["that"], ["this"]) and after[2:]
        if not (one_work and work_of(after[2])):
            return True
    return False


def _unnegated(pattern: re.Pattern, lowered: str) -> Iterator[re.Match]:
    """The pattern's matches in the lower-cased request that no negation just before denies ("don't start over")."""
    for match in pattern.finditer(lowered):
        before = words_of(lowered[: match.start()])
        if not _negated(before, len(before)):
            yield match


# words that ask for nothing around a bare "start over" ("ok start over pls", "meh. let's start over again")
BARE_WORDS = frozenset(
    "ok okay k pls plz please let lets let's us meh hmm hm eh ugh oh so well yeah alright right fine just again now "
    "no nope nah "
    "all everything and then can we i want to the actually".split()
)


def only_starts_over(request: str) -> bool:
    """The request clears the studio and asks for nothing else ("ok start over", "let's start over", "no, not the
    fox. start over": what it denies is no request): the next request says what to make."""
    if not says_clean_slate(request):
        return False
    rest = words_of(CLEAN_SLATE.sub(" ", request.lower()))
    denied = False
    for token in rest:
        denied = (denied or token in NEGATIONS) and token not in PAUSES  # from a negation to the next pause
        if re.match(r"\w", token) and token not in BARE_WORDS and not denied:
            return False
    return True


WHOLE = re.compile(r"(?<!\w)(?:the whole thing|all of it)(?!\w)")  # the works the last turn touched, else all
WORKS_CHANGED_TOGETHER = ("compose_melody", "paint")  # as "start over" takes them
WORK_TOOL_NAMES = frozenset({"compose_melody", "paint", "write_text"})


def every_work(request: str, existing: frozenset[str], last: frozenset[str] = frozenset()) -> frozenset[str]:
    """The works a request speaks of all together without naming any: "everything" is every work that exists (the
    text too), "both" the two that exist (the melody and the painting when all three do), "start over" the melody
    and the painting; "the whole thing" is the ones the last turn touched (`last`: their tools) when it touched
    any, as the routing corpus teaches; else none."""
    works = existing & WORK_TOOL_NAMES
    pair = works if len(works) == 2 else works & frozenset(WORKS_CHANGED_TOGETHER)
    if len(works) < 2 or mentioned_tools(request):  # "describe both of them" asks for a text of both
        return frozenset()
    lowered = request.lower()
    if ALL_WORKS.search(lowered):
        return works
    if BOTH.search(lowered):
        return pair if len(pair) == 2 else frozenset()
    if START_OVER.search(lowered):
        return works & frozenset(WORKS_CHANGED_TOGETHER) if len(pair) == 2 else frozenset()
    if WHOLE.search(lowered):
        return (works & last) or works
    return frozenset()
