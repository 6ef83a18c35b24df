"""What a request writes down that an answer must carry as written: numbers, bpm, keys, modes, an instrument, a
poem's form and line count, and where a painting's subject may end.

These are read off the request's own words (digits, note letters, the names of the forms we write); they never
choose a tool or an argument's meaning, they only say which values an argument the model opens may take
(`assistant.orchestrators.written_values`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from models.language.poem_forms import FORMS
from tools.instruments import INSTRUMENTS, instrument_named
from tools.typos import typo_of

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_NUMBER = "(?:" + "|".join([*NUMBER_WORDS, "hundred"]) + ")"
NUMBER = re.compile(
    r"(?<![\w.])(\d+)(?![.,]?\d)|\b(" + WORD_NUMBER + r"(?:(?:\s+and\s+|[\s-]+)" + WORD_NUMBER + r")*)\b",
    re.IGNORECASE,
)
UNIT_AFTER = re.compile(
    r"\s*-?\s*(?:\w+\s+)?(?:bars?|measures?|takte?n?|mesures?|compas(?:es|sos?)?|lines?|bpm|beats)\b", re.IGNORECASE
)
NOT_BPM_AFTER = re.compile(
    r"\s*-?\s*(bars?|measures?|takte?n?|mesures?|compas(?:es|sos?)?|lines?|%|percent|per ?cent|times|x\b|seconds?|"
    r"secs?|minutes?|mins?|notes?|years?|versions?|st\b|nd\b|rd\b|th\b|takes?|options?|variations?|more|fewer|less|semitones?|steps?|of\b)",
    re.IGNORECASE,
)
NOT_BPM_BEFORE = re.compile(r"(version|number|no\.?|#|painting|melody|text)\s*$", re.IGNORECASE)
MODE_WORDS = {
    "major": "major", "minor": "minor", "dur": "major", "moll": "minor",
    "majeur": "major", "mineur": "minor", "mayor": "major", "menor": "minor",
}  # fmt: skip
ACCIDENTAL = r"(?:\s?(?:#|♯|b|♭)|[\s-](?:flat|sharp))?"
KEY_THEN_MODE = re.compile(
    r"(?<![\w'])([A-G]" + ACCIDENTAL + r")[\s-]*(" + "|".join(MODE_WORDS) + r")\b", re.IGNORECASE
)
KEY_ALONE = re.compile(r"\b(?:in|to|into|key|key of)\s+([B-G]" + ACCIDENTAL + r")(?![\w'])")
KEY_WITH_SIGN = re.compile(r"(?<![\w'])([A-G](?:b|#|♯|♭|[\s-](?:flat|sharp)))(?![\w'])")
MODE_ALONE = re.compile(
    r"\b(" + "|".join(MODE_WORDS) + r")\b(?!\s+(?:change|tweak|adjustment|edit|detail|thing|issue|problem|fix))",
    re.IGNORECASE,
)
KEY_LOWER = re.compile(r"\b(?:in|to|into|key of)\s+([b-g]" + ACCIDENTAL + r")\s+(?:major|minor)\b")
FORM_WORDS = {"haiku": "haiku", "couplet": "couplets", "abab": "abab", "free verse": "free"}
BAR_UNIT = r"(?:bars?|measures?|takte?n?|mesures?|compas(?:es|sos?)?|compás|battute|battuta)"
COUNT = r"(\d+|" + WORD_NUMBER + r"(?:(?:\s+and\s+|[\s-]+)" + WORD_NUMBER + r")*)"
RELATIVE_BARS = re.compile(
    r"\b(?:add|another|by|extra|plus)\s+" + COUNT + r"\b|(?:^|\s)[+]\s*(\d+)\b|^\s*-\s*(\d+)\b|"
    r"\b" + COUNT + r"\s*(?:more|extra|additional|fewer|less)\s*" + BAR_UNIT + r"\b|"
    r"\b" + COUNT + r"\s*" + BAR_UNIT + r"\s*(?:shorter|longer|more|less|fewer|extra|on)\b",
    re.IGNORECASE,
)
BAR_COUNT = re.compile(r"\b" + COUNT + r"[\s-]*" + BAR_UNIT + r"\b", re.IGNORECASE)  # "16 bars", "12 compassos"
LINE_COUNT = re.compile(r"(\d+|" + "|".join(NUMBER_WORDS) + r")[\s-]*lines?\b", re.IGNORECASE)
FORM_LINES = {"limerick": 5}  # forms we have no rhyme scheme for, but whose line count is fixed by their name
FIXED_LINES = re.compile(r"\b(" + "|".join(FORM_LINES) + r")s?\b", re.IGNORECASE)
# The written direction of a written change of length: "2 bars shorter", "shorten it by 4", "add 2 bars".
# A length complained of asks for the other way ("too long": shorter).
SHORTER = re.compile(
    r"\b(shorter|shorten\w*|fewer|less|cut|trim\w*|remove|drop|take off|minus|too long|zu lang|trop long\w*)\b",
    re.IGNORECASE,
)
LONGER = re.compile(
    r"\b(longer|lengthen\w*|extend\w*|more|add|another|extra|additional|plus|too short|zu kurz|trop court\w*)\b",
    re.IGNORECASE,
)
# A change of length written as a comparative or its verb (the broader words above may be a complaint's).
LENGTH_COMPARATIVE = re.compile(r"\b(shorter|shorten\w*|longer|lengthen\w*|extend\w*)\b", re.IGNORECASE)
# The same comparatives in the other languages we read, and their complaints ("zu lang"), which the adapter takes
# for a tempo ("mach sie kürzer": tempo_scale 0.8): read as the length they are (`change_readings`).
FOREIGN_LENGTH = {
    -1: re.compile(
        r"\b(kürzer|kuerzer|verkürz\w*|zu lang|plus courte?s?|raccourci\w*|trop longu?e?s?|(?:más|mas) cort[oa]s?|"
        r"acort\w*|demasiado larg[oa]s?)\b"
    ),
    1: re.compile(
        r"\b(länger|laenger|verlänger\w*|zu kurz|plus longu?e?s?|rallong\w*|trop courte?s?|(?:más|mas) larg[oa]s?|"
        r"alarg\w*|demasiado cort[oa]s?)\b"
    ),
}


def foreign_length_sign(request: str) -> int | None:
    """The one way a change of length is written in German, French or Spanish (-1 shorter, 1 longer), else None."""
    signs = {sign for sign, words in FOREIGN_LENGTH.items() if words.search(request.lower())}
    return signs.pop() if len(signs) == 1 else None


# The written direction of a change of tempo, as a comparative or a verb only ("too slow" asks for faster).
SLOWER = re.compile(
    r"\b(slower|slow (?:it |this |that |things )?down|more slowly|langsamer|plus lent\w*|ralenti\w*|"
    r"más lento|mas lento|más despacio|mas despacio)\b",
    re.IGNORECASE,
)
FASTER = re.compile(
    r"\b(faster|quicker|speed (?:it |this |that |things )?up|schneller|plus vite|plus rapide|accél[eè]r\w*|"
    r"acceler\w*|más rápido|mas rapido|más deprisa)\b",
    re.IGNORECASE,
)

# A tempo written as a plain adjective or adverb ("a slow sad tune", "quick and upbeat", "lenta"): its own direction,
# unless it is said of the work as it is, complained of or denied within the three words before it ("it's as slow
# as molasses", "too slow" and "it might be a bit slow" ask for faster, "not so fast"), which is left to the model.
TEMPO_WORDS = {
    -1: r"slow|slowly|unhurried|leisurely|langsam|lent|lente|lentement|lento|lenta|despacio",
    1: r"fast|quick|brisk|speedy|rapid|up-?tempo|schnell|rapide|vite|rápido|rápida|rapido|rapida",
}
COMPLAINED = re.compile(
    r"(?:\b(?:too|to|2|so|as|zu|trop|demasiado|muy|not|no|nicht|pas|is|are|was|be|been|being|feels?|sounds?|seems?|"
    r"ist|est)|'s|n't)"
    r"\s+(?:[\w'-]+\s+){0,2}$",
    re.IGNORECASE,
)


def adjective_tempo_signs(request: str) -> set[int]:
    """The directions of the tempo words a request writes plainly (not after "too", "so" or a negation)."""
    signs = set()
    for sign, words in TEMPO_WORDS.items():
        for match in re.finditer(r"\b(?:" + words + r")\b", request, re.IGNORECASE):
            if not COMPLAINED.search(request[: match.start()]):
                signs.add(sign)
    return signs


# An instrument name that is also a common word counts only beside music words ("on low strings", "a horn solo").
AMBIGUOUS_INSTRUMENTS = frozenset({"pad", "horn", "recorder", "bass", "brass", "strings", "fiddle"})
MUSIC_BEFORE = re.compile(r"\b(?:on|for|with|by|played|plays|playing)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
MUSIC_AFTER = re.compile(r"^\s*(?:melody|tune|piece|solo|line|part|music|version|theme|song|quartet|section)\b", re.I)
INSTRUMENT_DENIED = re.compile(
    r"\b(?:no|not|without|instead of|rather than|other than|than|swap|replace|replacing|lose|ditch|ohne|sans|sin|sem|"
    r"senza)\s+(?:(?:the|a|an|that|this|more)\s+)?$",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_][\w'-]*")


def written_instruments(request: str) -> frozenset[str]:
    """The spellings an answer may give the one instrument a request writes and does not deny ("on the cello",
    "Klavier", "guitr": as written or as we name it); none when it writes none, several or a denied one ("swap
    the piano for a cello" is left to the model)."""
    named, denied = {}, False
    words = list(WORD.finditer(request))
    skip = -1
    for i, match in enumerate(words):
        if i <= skip:
            continue
        pair = f"{match.group(0)} {words[i + 1].group(0)}".lower() if i + 1 < len(words) else ""
        written, end = (pair, words[i + 1].end()) if pair in INSTRUMENTS else (match.group(0).lower(), match.end())
        skip = i + (written == pair)
        known = instrument_named(written)
        if known is None or (known in AMBIGUOUS_INSTRUMENTS and not _beside_music(request, match.start(), end)):
            continue
        denied |= bool(INSTRUMENT_DENIED.search(request[: match.start()]))
        named.setdefault(known, set()).add(written)
    if len(named) != 1 or denied:
        return frozenset()
    known, spellings = next(iter(named.items()))
    return frozenset(spellings | {known})


def unplayable_instruments(request: str) -> list[str]:
    """The instruments a request asks a tune to be played on that we have none of ("a happy tune on kazoo", "a
    theremin solo"): words beside music words that WordNet says are musical instruments and that no name of ours
    means. The melody is made on another, and the reply says so (the decoding cannot type an instrument we lack)."""
    found = []
    for match in WORD.finditer(request):
        word = match.group(0).lower()
        if instrument_named(word) is not None or word in found:
            continue
        if _beside_music(request, match.start(), match.end()) and _is_instrument(word):
            found.append(word)
    return found


@functools.cache
def _is_instrument(word: str) -> bool:
    from tools import word_net

    if not word_net.installed():
        return False
    for noun in dict.fromkeys((word, word[:-1] if word.endswith("s") else word)):
        for sense in word_net.senses(noun)[:2]:
            kinds = word_net.kinds(sense, 4) if sense.lexicon == "artifact" else []
            if any("musical instrument" in kind.words for _, kind in kinds):
                return True
    return False


def _beside_music(request: str, start: int, end: int) -> bool:
    return bool(MUSIC_BEFORE.search(request[:start]) or MUSIC_AFTER.match(request[end:]))


def misspelt_tempo_signs(request: str) -> set[int]:
    """The directions of misspelt comparatives of tempo ("fastr", "slowr", "quickr")."""
    known = {"faster": 1, "quicker": 1, "slower": -1}
    return {known[t] for w in WORD.findall(request.lower()) if (t := typo_of(w, known, same_first=True))}


def number_value(words: str) -> int:
    """'120', 'six', 'thirty-two', 'one hundred and twenty' -> the number."""
    if words.isdigit():
        return int(words)
    value = 0
    for word in re.findall(r"[a-z]+", words.lower()):
        if word == "hundred":
            value = max(value, 1) * 100
        elif word in NUMBER_WORDS:
            value += NUMBER_WORDS[word]
    return value


def key_spellings(written: str) -> set[str]:
    """How an answer may write a key the request wrote: as written, or as the studio spells it ('Bb', 'F#')."""
    text = " ".join(written.split())
    letter, rest = text[0].upper(), text[1:].strip(" -").lower()
    sign = {"#": "#", "♯": "#", "sharp": "#", "b": "b", "♭": "b", "flat": "b"}.get(rest, "")
    return {text, letter + sign, text[0].upper() + text[1:]}


@dataclass(frozen=True)
class RequestFacts:
    numbers: frozenset[int] = frozenset()  # every number the request writes (digits or words)
    bpm: frozenset[int] = frozenset()  # numbers that can only be a tempo
    keys: frozenset[str] = frozenset()  # each written key's allowed spellings
    modes: frozenset[str] = frozenset()  # 'major' / 'minor', as written
    form: str | None = None  # one of the forms we write, named by the request
    lines: int | None = None  # 'a six line poem', '8 lines', 'a limerick' (5)
    changes: frozenset[int] = frozenset()  # numbers of bars written as a change: '2 bars shorter', 'add 4'
    change_signs: frozenset[int] = frozenset({-1, 1})  # the directions the request writes for such a change
    tempo_signs: frozenset[int] = frozenset({-1, 1})  # the directions of tempo it writes: "slower" -1, "faster" 1
    bars: int = 8  # the melody's length now (from the state line)
    instruments: frozenset[str] = frozenset()  # the one instrument written: as written and as we name it
    lengths: frozenset[int] = frozenset()  # bar counts written as a total: "16 bars", "uns 16 compassos"


@functools.lru_cache(maxsize=64)
def facts_of(request: str, bars: int = 8) -> RequestFacts:
    """The written facts of one request (the user's message, not the state line)."""
    numbers, bpm = set(), set()
    for match in NUMBER.finditer(request):
        value = number_value(match.group(1) or match.group(2))
        after, before = request[match.end() :], request[: match.start()]
        if match.group(2) and value < 20 and not UNIT_AFTER.match(after):
            continue  # "that one", "one more": a word, not a number
        numbers.add(value)
        if 30 <= value <= 260 and not NOT_BPM_AFTER.match(after) and not NOT_BPM_BEFORE.search(before):
            bpm.add(value)
    keys, modes = set(), set()
    for match in KEY_THEN_MODE.finditer(request):
        if match.group(1)[0].isupper() or "-" in match.group(0) or match.group(2).lower() not in ("major", "minor"):
            keys |= key_spellings(match.group(1))
            modes.add(MODE_WORDS[match.group(2).lower()])
    for match in [*KEY_ALONE.finditer(request), *KEY_WITH_SIGN.finditer(request), *KEY_LOWER.finditer(request)]:
        keys |= key_spellings(match.group(1))
    modes |= {MODE_WORDS[m.group(1).lower()] for m in MODE_ALONE.finditer(request)}
    lowered = request.lower()
    form = next((name for word, name in FORM_WORDS.items() if word in lowered), None)
    count = LINE_COUNT.search(request)
    named = FIXED_LINES.search(request)
    lines = number_value(count.group(1)) if count else FORM_LINES[named.group(1).lower()] if named else None
    changes = frozenset(number_value(next(g for g in m.groups() if g)) for m in RELATIVE_BARS.finditer(request))
    lengths = frozenset(number_value(m.group(1)) for m in BAR_COUNT.finditer(request)) - changes
    signs = {sign for sign, words in ((-1, SHORTER), (1, LONGER)) if words.search(request)}
    tempo = {sign for sign, words in ((-1, SLOWER), (1, FASTER)) if words.search(request)}
    tempo |= adjective_tempo_signs(request) | misspelt_tempo_signs(request)
    return RequestFacts(
        frozenset(numbers),
        frozenset(bpm),
        frozenset(keys),
        frozenset(modes),
        form if form in FORMS else None,
        lines,
        changes,
        frozenset(signs) if len(signs) == 1 else frozenset({-1, 1}),
        frozenset(tempo) if len(tempo) == 1 else frozenset({-1, 1}),
        bars,
        written_instruments(request),
        lengths,
    )


BPM = re.compile(r"\b\d{2,3}\s*(?:bpm|beats per minute)\b", re.IGNORECASE)


def music_written(request: str) -> bool:
    """True when the request writes a melody's own facts: a key with its mode, a tempo in bpm, an instrument."""
    if BPM.search(request) or any(m.group(1)[0].isupper() for m in KEY_THEN_MODE.finditer(request)):
        return True
    lowered = request.lower()
    return any(
        MUSIC_BEFORE.search(lowered[: match.start()])
        for word in written_instruments(request)
        for match in re.finditer(r"\b" + re.escape(word) + r"\b", lowered)
    )
