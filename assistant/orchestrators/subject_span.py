"""Where a subject copied from the request may end: at the end of its phrase, with its place, time and weather.

"paint a lighthouse on a rocky cliff during a thunderstorm" is one subject; the tuned model tends to stop after
"a lighthouse" and put the rest into a mood or a colour. A subject value may close only where the request's
phrase ends: at the end, at punctuation, before a word that starts something else ("please", "for my dad", "and
a calm melody", "and make it blue"), or before a preposition that leads to a setting of the work rather than the
scene ("in teal and white", "in a calm mood", "at 90 bpm", "on the flute", "in D minor"). Before "at night",
"in the snow", "with mist in the valley" or "sleeping on a windowsill" it goes on, and past a comma when what
follows still paints the scene ("..., waves crashing against the rocks", "..., early morning").
"""

from __future__ import annotations

import functools
import re

from assistant.orchestrators.copy_constraint import instruments_in
from assistant.orchestrators.work_words import spelled
from tools.mood_lexicon import read_mood
from tools.palette import COLOURS

PREPOSITIONS = frozenset(
    "in at on under during by near beside behind over across through along among above below beneath inside outside "
    "against around between from of with without after before into onto amid underneath beyond toward towards "
    "upon within while".split()
)
ALWAYS_ENDS = frozenset(
    "please pls plz thanks thank for to so that which because but or then also too like using as i we it its "
    "something anything make made do give write compose paint draw add could would can maybe thx ty "
    "s'il bitte danke merci por gracias per grazie obrigado obrigada".split()
)
JOINS = frozenset({"and", "&", "plus", "with"})
WORK_WORDS = frozenset(
    "melody melodies tune tunes song songs music soundtrack track piece poem poems haiku text title story "
    "description verse lyrics painting paintings picture pictures image art artwork cover illustration "
    "drawing".split()
)
SETTING_WORDS = frozenset(
    "style styled watercolour watercolor watercolours oil oils pastel pastels impressionist abstract minimalist "
    "realistic cartoon sketch palette colours colors colour color tones tone shades hues mood vibe feel feeling "
    "bpm tempo key major minor bars lines".split()
)
# kinds of music and its parts: "some jazz", "the beat" are a melody's, never a scene (an English closed class)
MUSIC = frozenset(
    "jazz blues rock pop techno lofi lo-fi hiphop hip-hop rap classical folk waltz march ballad anthem hymn "
    "serenade nocturne sonata riff chord chords beat beats rhythm groove drums notes tempo ending intro".split()
)
WORD = re.compile(r"[\w'#♯♭&-]+|[^\w\s]")
ARTICLES = frozenset({"a", "an", "the", "some", "bit", "little", "more", "very", "really", "lots", "of"})


SHADES = frozenset("light dark deep pale soft warm cool bright muted rich and or shades of".split())


def setting_word(word: str, raw: str) -> bool:
    """A word that belongs to a work's settings, not to the scene: a style, a tempo, a key, an instrument."""
    return (
        word in SETTING_WORDS
        or word in WORK_WORDS
        or word.isdigit()
        or bool(instruments_in(word))
        or bool(re.fullmatch(r"[A-G][#♯♭b]?", raw))
    )


def _palette(words: list[str]) -> bool:
    """'teal and white', 'soft pinks': colours only, without an article ('in the snow' is a place)."""
    return (
        bool(words)
        and words[0] not in ("a", "an", "the")
        and all(w in COLOURS or w.rstrip("s") in COLOURS or w in SHADES for w in words)
    )


def _phrase(tokens: list[str]) -> list[str]:
    """The words up to the next punctuation or the next word that starts something else."""
    out = []
    for token in tokens:
        word = token.lower()
        if not re.match(r"[\w&]", token) or word in ALWAYS_ENDS or word in (JOINS | PREPOSITIONS) - {"and", "of"}:
            break
        out.append(word)
    return out


def _continues_scene(rest: str) -> bool:
    """What follows a comma goes on painting the scene ("..., with mist hanging on the water", "..., waves crashing
    against the rocks", "..., early morning"): no new ask, no work, no setting, not moods and colours alone."""
    tokens = []
    for token in WORD.findall(rest):
        if not re.match(r"[\w&]", token):
            break
        tokens.append(token)
    words = [t.lower() for t in tokens]
    if not words or words[0] in ALWAYS_ENDS | {"and", "&", "plus"} or words[0] in ARTICLES - {"a", "an", "the"}:
        return False
    if any(setting_word(w, t) for w, t in zip(words, tokens)) or words[0] in PREPOSITIONS and _palette(words[1:]):
        return False
    content = [w for w in words if w not in ARTICLES and w not in JOINS]
    return not all(read_mood(w).known or w in COLOURS or w in SHADES for w in content)


def _ends_before(rest: str) -> bool:
    """Whether the phrase may end where `rest` (the request after the value) begins."""
    tokens = WORD.findall(rest)
    if tokens[:1] == [","] and _continues_scene(rest.split(",", 1)[1]):
        return False  # the scene goes on after the comma
    if not tokens or not re.match(r"[\w&]", tokens[0]):
        return True  # the end, or punctuation
    first = tokens[0].lower()
    if first in ALWAYS_ENDS:
        return True
    ahead = _phrase(tokens[1:8])
    if first in JOINS:
        content = [w for w in ahead if w not in ARTICLES]
        verb = len(tokens) > 1 and tokens[1].lower() in ALWAYS_ENDS
        mood = first == "and" and bool(content) and bool(read_mood(content[0]).known)
        return verb or mood or any(w in WORK_WORDS for w in ahead[:4])
    if first in PREPOSITIONS:
        raw = {t.lower(): t for t in tokens[1:8]}
        palette = first in ("in", "with") and _palette(ahead)  # "in teal and white"; "at midnight" is a time
        return palette or any(setting_word(w, raw.get(w, w)) for w in ahead if w not in ARTICLES)
    return False


INSIDE_A_PHRASE = frozenset("a an the some my our his her their this that these those".split())


@functools.lru_cache(maxsize=2048)
def may_start_subject(request: str, typed: str) -> bool:
    """Whether a subject value typed so far starts where a phrase starts: not right after an article ("the" +
    "morning sun") or a preposition other than 'of' / 'about' ("on" + "a windowsill" drops the cats on it)."""
    typed = typed.lstrip()
    if not typed:
        return True
    pattern = re.compile(r"(?<![\w])" + re.escape(typed), re.IGNORECASE)
    for match in pattern.finditer(request):
        before = re.findall(r"[\w']+|[^\w\s]", request[: match.start()])
        last = before[-1].lower() if before else ""
        if last not in INSIDE_A_PHRASE and (last not in PREPOSITIONS or last in ("of", "about")):
            return True
    return False


@functools.lru_cache(maxsize=512)
def may_end_subject(request: str, value: str) -> bool:
    """Whether a subject value copied from `request` may close here (some copy of it ends its phrase)."""
    value = value.strip()
    if not value:
        return False
    pattern = re.compile(r"(?<![\w])" + re.escape(value) + r"(?![\w])", re.IGNORECASE)
    return any(_ends_before(request[m.end() :]) for m in pattern.finditer(request))


PAINT_VERBS = frozenset({"paint", "draw", "sketch"})
PAINT_NOUNS = frozenset("painting picture pic image drawing illustration portrait sketch poster".split())
INDEFINITE = frozenset("a an two three four five some several".split())
NOT_A_SCENE = frozenset("one ones version versions variation take thing things something piece work".split())
GENERIC = frozenset({"scene"})  # "an ethereal scene" is a mood; "a market scene" a scene


def _phrase_at(request: str, start: int) -> str:
    """The phrase that starts at `start`: up to punctuation, a word that ends any phrase, or a join or preposition
    that leads to something else (`_ends_before`)."""
    end = start
    for match in WORD.finditer(request, start):
        word = match.group().lower()
        if not re.match(r"[\w&]", word) or word in ALWAYS_ENDS:
            break
        if match.start() > start and word in JOINS | PREPOSITIONS and _ends_before(request[match.start() :]):
            break
        end = match.end()
    return request[start:end]


@functools.lru_cache(maxsize=256)
def painting_subject(request: str) -> str | None:
    """The scene the request asks a painting of, where it writes one: "paint a ballroom with chandeliers", "draw me
    two cats ...", "paint the inside of an old barn", "a picture of the harbour at night". None for a painting
    named without a scene ("paint me a stormy picture", "paint a sad one", "paint it darker"); a scene written
    bare is `bare_subject.written_scene`'s. A misspelt painting word counts as the word ("a paintng of a park")."""
    tokens = list(WORD.finditer(request))
    for i, match in enumerate(tokens):
        word, rest = spelled(match.group().lower()), [t.group().lower() for t in tokens[i + 1 : i + 4]]
        if word in PAINT_NOUNS and rest[:1] == ["of"]:
            start = tokens[i + 2].start() if i + 2 < len(tokens) else None
        elif word in PAINT_VERBS:
            skip = 1 + (rest[:1] in (["me"], ["us"]))
            start = tokens[i + skip].start() if i + skip < len(tokens) and rest[skip - 1 : skip] else None
            opening = [t.group().lower() for t in tokens[i + skip : i + skip + 3]]
            inside = opening[0::2] == ["the", "of"] and opening[1] in ("inside", "interior")  # "the inside of a barn"
            if start is not None and opening[0] not in INDEFINITE and not inside:
                start = None
        else:
            continue
        phrase = _phrase_at(request, start) if start is not None else ""
        content = [w for w in re.findall(r"[\w'-]+", phrase.lower()) if w not in ARTICLES | INDEFINITE]
        if not content or any(w in WORK_WORDS or w in NOT_A_SCENE for w in content):
            continue
        if all(read_mood(w).known for w in content if w not in GENERIC):
            continue  # "paint a sad one", "draw something calm": a mood, no scene
        return phrase
    return None
