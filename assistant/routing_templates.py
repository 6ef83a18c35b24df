"""Sentence templates and vocabularies of the tool-call corpus, one pool per split.

The held-out pool is small and fixed; its sentence shapes, mood words, colours, instruments and
subjects never occur in the training pool (a test checks the vocabularies and the requests). The
training pool is wide on purpose: hundreds of mood words (so the model learns to copy a mood word,
not to recall one), many colours and instruments, and several shapes per intent.
"""

from __future__ import annotations

import csv
import os
import re

NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    8: "eight",
    10: "ten",
    12: "twelve",
    16: "sixteen",
    20: "twenty",
    24: "twenty-four",
    32: "thirty-two",
}
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}

HELDOUT = {
    "moods": [
        "sorrowful",
        "elated",
        "serene",
        "frantic",
        "wistful",
        "triumphant",
        "eerie",
        "tender",
        "bittersweet",
        "lonely",
        "majestic",
        "whimsical",
    ],
    "colours": ["crimson", "emerald", "amber", "violet", "turquoise", "silver"],
    "instruments": ["trumpet", "oboe", "marimba", "saxophone", "bassoon"],
    "subjects": ["an old harbour", "mountains at dawn", "a rainy street", "the northern lights"],
    "keys": ["Eb", "B", "F#", "Ab", "C#"],
    "make_melody": [
        "could you come up with a {mood} melody",
        "I'm in the mood for a {mood} tune",
        "let's hear something {mood}",
        "generate a {mood} piece of music",
    ],
    "make_painting": [
        "show me a {mood} painting",
        "could you paint something that feels {mood}",
        "I need a {mood} artwork",
    ],
    "make_both": [
        "give me a {mood} melody plus a painting in the same mood",
        "I'd love {mood} music with an image to go along",
        "both please: a {mood} tune and matching artwork",
    ],
    "slower": ["take it down a notch in tempo", "could it be more slow?", "reduce the speed"],
    "faster": ["pick up the pace", "can it go quicker?", "more tempo please"],
    "longer": ["keep it going for longer", "continue the melody", "I'd like it to be longer"],
    "more_colour": ["push it towards {colour}", "bring in more {colour}", "could there be more {colour}?"],
    "brighter": ["lighter please", "more light in the painting"],
    "darker": ["could it be darker?", "dim the painting"],
    "calmer": ["tone it down, calmer", "could it feel more relaxed?"],
    "happier": ["more joy please", "could it feel happier?"],
    "new_melody": ["a fresh take on the melody", "give me a different tune with the same settings"],
    "new_painting": ["a fresh take on the painting", "paint another version with a new composition"],
    "instrument": ["what would it sound like on a {instrument}?", "give it to the {instrument}"],
    "key": ["transpose to {key} {mode}", "could it be in {key} {mode}?"],
    "tempo": ["I want {bpm} bpm", "tempo {bpm} please"],
    "bars": ["just {nw} bars", "{nw} bars long please"],
    "poem": ["some verses about it please", "could you write a little poem?"],
    "title": ["name this piece", "it needs a name, suggest a title"],
    "description": ["tell me about what you made", "could you describe the works?"],
    "undo": ["take back the last {kind} change", "revert that {kind}"],
    "go_to": ["return to the original {kind}", "let me see {kind} number {number}"],
    "restraint": [
        "hey there",
        "cheers!",
        "what is this app?",
        "is this free?",
        "great job",
        "see you later",
        "how are you?",
        "can you explain the panel?",
    ],
}

TRAIN_BASE_MOODS = [
    "melancholic",
    "joyful",
    "calm",
    "energetic",
    "sad",
    "happy",
    "peaceful",
    "tense",
    "gloomy",
    "cheerful",
    "dreamy",
    "angry",
    "nostalgic",
    "hopeful",
    "mysterious",
    "romantic",
    "playful",
]
TRAIN_COLOURS = """blue red gold green purple orange teal grey pink navy yellow white black brown beige cream ivory
ochre rust maroon burgundy scarlet coral salmon peach lilac lavender indigo cobalt azure cyan aqua mint olive
lime jade sage khaki tan bronze copper charcoal slate ash sand ruby magenta fuchsia plum mauve sepia umber
sienna cerulean ultramarine vermilion saffron mustard lemon rose blush sky-blue sea-green forest-green
midnight-blue""".split()
TRAIN_SUBJECTS = [
    "the sea",
    "a forest",
    "the city at night",
    "a winter morning",
    "the desert",
    "a garden",
    "the moon",
    "a quiet lake",
    "an empty beach",
    "a field of wheat",
    "the last train home",
    "a lighthouse",
    "autumn leaves",
    "a candle in the dark",
    "the first snow",
    "a summer storm",
    "an old bridge",
    "a meadow in spring",
    "the stars",
    "a river at dusk",
    "a childhood home",
    "the open road",
    "a sleeping cat",
    "falling rain",
    "a distant island",
    "the night sky",
    "a busy market",
    "an abandoned house",
    "the ocean floor",
    "a cup of tea",
    "my grandmother's kitchen",
    "a volcano",
    "a field of flowers",
    "sunset",
    "a snowy village",
    "the wind",
    "a waterfall",
    "two lovers",
    "a ship at sea",
    "the fog",
]
TRAIN_KEYS = ["C", "D", "E", "F", "G", "A", "Bb", "Db", "D#", "Gb", "G#", "A#"]
KEY_WORDS = {"Bb": "B flat", "Db": "D flat", "Gb": "G flat", "D#": "D sharp", "G#": "G sharp", "A#": "A sharp"}
STYLE_WORDS = {
    "geometric": ["geometric", "made of shapes", "abstract geometric"],
    "horizon": ["landscape", "with a horizon", "horizon"],
    "strokes": ["with brush strokes", "painterly", "expressive brush strokes"],
    "color_field": ["colour field", "flat colour field", "minimal colour field"],
}

TRAIN_TEMPLATES = {
    "make_melody": [
        "make a {mood} melody",
        "compose something {mood}",
        "I want a {mood} tune",
        "write me a {mood} song",
        "a {mood} melody please",
        "can you compose a {mood} piece?",
        "play me something {mood}",
        "compose a {mood} little tune",
        "I'd like to hear a {mood} melody",
        "{mood} music please",
        "could I get a {mood} song",
        "make some {mood} music",
        "a melody that sounds {mood}",
        "create a {mood} tune for me",
        "how about a {mood} melody?",
        "something {mood} to listen to",
        "write a {mood} piece for me",
        "music that feels {mood}",
    ],
    "make_painting": [
        "paint something {mood}",
        "make a {mood} painting",
        "I'd like a {mood} picture",
        "paint a {mood} image",
        "create a {mood} painting please",
        "draw me something {mood}",
        "a {mood} picture please",
        "make an image that feels {mood}",
        "can you paint a {mood} scene?",
        "a painting that looks {mood}",
        "paint me a {mood} canvas",
        "create a {mood} image",
        "I want a {mood} painting",
        "make a picture, {mood}",
    ],
    "make_both": [
        "make a {mood} melody and matching painting",
        "a {mood} tune and a painting to match",
        "compose a {mood} melody and paint it too",
        "{mood} music and a picture that goes with it",
        "a {mood} song with a matching picture",
        "make me {mood} music and an image for it",
        "I want a {mood} melody and a painting",
        "create a {mood} piece of music and a painting in that mood",
        "a {mood} melody, and paint it as well",
        "music and a painting, both {mood}",
        "a painting and a melody, {mood}",
        "make something {mood}: a tune and a picture",
    ],
    "make_all": [
        "a {mood} melody, a matching painting and a {text}",
        "make {mood} music, a painting and a {text} for them",
        "compose something {mood}, paint it and write a {text}",
    ],
    "make_text": [
        "a {mood} poem about {subject}",
        "write a {mood} poem about {subject}",
        "a poem about {subject}, {mood}",
        "compose a {mood} little poem on {subject}",
    ],
    "paint_subject": [
        "paint {subject}",
        "paint {subject}, {mood}",
        "a {mood} painting of {subject}",
        "make a picture of {subject}",
        "draw {subject} in a {mood} way",
        "an image of {subject} that feels {mood}",
    ],
    "paint_palette": [
        "paint {subject} in {colour} and {colour2}",
        "a {mood} painting in {colour} and {colour2}",
        "a {mood} picture of {subject} in {colour} and {colour2}",
        "paint something {mood} with {colour} and {colour2}",
    ],
    "palette": [
        "use {colour} and {colour2}",
        "only {colour} and {colour2} please",
        "change the colours to {colour} and {colour2}",
        "repaint it in {colour} and {colour2}",
        "a palette of {colour} and {colour2}",
        "make it {colour} and {colour2}",
    ],
    "melody_full": [
        "a {mood} melody{args}",
        "compose a {mood} tune{args}",
        "make {mood} music{args}",
        "a {mood} piece{args}",
    ],
    "slower": [
        "slower",
        "slow it down",
        "make it slower",
        "a bit slower please",
        "less fast",
        "not so fast",
        "too fast, slow down",
        "can you slow it down a little",
        "slower tempo",
        "a more relaxed tempo, slower",
        "decrease the tempo",
        "it should be slower",
        "lower the tempo",
        "drop the tempo a bit",
    ],
    "faster": [
        "faster",
        "speed it up",
        "make it faster",
        "quicker please",
        "too slow, faster",
        "increase the tempo",
        "a faster tempo",
        "raise the tempo",
        "up the tempo a bit",
        "it should be faster",
        "a little quicker",
        "hurry it up",
    ],
    "longer": [
        "make it longer",
        "longer please",
        "extend the melody",
        "add {n} more bars",
        "add {nw} bars",
        "it's too short, make it longer",
        "extend it by {n} bars",
        "lengthen the tune",
        "could the melody go on longer",
        "a longer melody please",
        "stretch it out a bit longer",
        "add a few more bars",
    ],
    "more_colour": [
        "more {colour}",
        "add more {colour}",
        "make the painting more {colour}",
        "I want more {colour}",
        "a bit more {colour}",
        "more {colour} in the picture",
        "make {colour} the main colour",
        "can you add some {colour}",
        "lots more {colour}",
        "emphasise the {colour}",
        "make it more {colour}",
        "{colour} should dominate",
    ],
    "brighter": [
        "brighter",
        "make it brighter",
        "lighten the painting",
        "too dark, brighten it",
        "a brighter painting please",
        "brighten the picture",
        "the painting needs more brightness",
        "not so dark",
    ],
    "darker": [
        "darker",
        "make the painting darker",
        "darken it",
        "too bright, darker please",
        "a darker picture",
        "less bright",
        "darken the image a little",
        "make the colours darker",
    ],
    "vivid": [
        "more vivid",
        "more saturated colours",
        "make the colours pop",
        "punchier colours please",
        "more intense colours",
    ],
    "muted": [
        "more muted",
        "less saturated",
        "softer, more muted colours",
        "desaturate it a bit",
        "tone down the colours",
    ],
    "calmer": [
        "calmer",
        "make it calmer",
        "more relaxed please",
        "make the music calmer",
        "less energetic",
        "gentler please",
        "quieter and more peaceful",
        "make it more chill",
    ],
    "calmer_painting": ["make the painting calmer", "a calmer painting", "a more peaceful picture"],
    "energetic": [
        "more energetic",
        "more energy please",
        "make it livelier",
        "make the music more exciting",
        "livelier please",
    ],
    "energetic_painting": ["a more energetic painting", "make the picture livelier", "more energy in the painting"],
    "happier": [
        "happier",
        "make it happier",
        "more cheerful please",
        "make the music happier",
        "a happier melody",
        "more upbeat",
        "cheer it up",
    ],
    "happier_painting": ["happier painting", "make the painting happier", "a more cheerful picture"],
    "sadder": ["sadder", "make it sadder", "a sadder melody", "more melancholy please", "make the music sadder"],
    "sadder_painting": ["a sadder painting", "make the picture sadder", "sadder colours in the painting"],
    "new_melody": [
        "another melody",
        "try a different melody",
        "new variation of the melody",
        "another tune please",
        "give me a new melody, same mood",
        "different notes please",
        "one more melody",
        "try again with the music",
        "regenerate the melody",
    ],
    "new_painting": [
        "another painting",
        "try a different painting",
        "new variation of the painting",
        "another picture please",
        "regenerate the painting",
        "one more painting",
        "try again with the image",
        "a different image, same mood",
    ],
    "new_text": ["another {text}", "a different {text} please", "try another {text}", "write a new {text}"],
    "instrument": [
        "play it on the {instrument}",
        "switch to {instrument}",
        "use a {instrument}",
        "on the {instrument} please",
        "change the instrument to {instrument}",
        "can a {instrument} play it?",
        "{instrument} instead",
        "make it a {instrument} piece",
        "I'd prefer it on {instrument}",
        "swap the instrument for a {instrument}",
    ],
    "key": [
        "in {key} {mode}",
        "change the key to {key} {mode}",
        "put it in {key} {mode}",
        "make it {key} {mode}",
        "move it to {key} {mode}",
        "{key} {mode} please",
        "switch to the key of {key} {mode}",
    ],
    "key_only": ["change the key to {key}", "put it in the key of {key}", "key of {key} please", "in {key}"],
    "mode_only": [
        "make it {mode}",
        "a {mode} key please",
        "switch to {mode}",
        "change it to a {mode} key",
        "in a {mode} key",
    ],
    "tempo": [
        "at {bpm} bpm",
        "set the tempo to {bpm}",
        "make it {bpm} beats per minute",
        "{bpm} bpm please",
        "change the tempo to {bpm} bpm",
        "play it at {bpm} beats per minute",
        "tempo of {bpm}",
    ],
    "bars": [
        "{nw} bars",
        "make it {nw} bars long",
        "{n} bars please",
        "a melody of {n} bars",
        "only {nw} bars",
        "set the length to {n} bars",
        "{n} bars",
    ],
    "style": [
        "a {style} painting",
        "paint it {style}",
        "make the painting {style}",
        "try a {style} style",
        "I'd like it {style}",
    ],
    "poem": [
        "write a poem",
        "a short poem for it",
        "add a poem",
        "and a poem too",
        "write a poem about it",
        "can I have a poem?",
        "a poem to go with it",
        "put it into words with a poem",
        "poem please",
        "compose a short poem",
    ],
    "poem_lines": ["a {nw}-line poem", "a poem of {n} lines", "shorter poem, {nw} lines", "make the poem {n} lines"],
    "rhyme": ["make the poem rhyme", "a rhyming poem", "the poem should rhyme", "write it in rhyme"],
    "title": [
        "give it a title",
        "what should it be called? write a title",
        "a title please",
        "title it",
        "come up with a title",
        "what would you call it?",
        "a title for the painting",
        "a title for the melody",
        "give this a name",
        "find a good title",
    ],
    "description": [
        "describe it",
        "write a description",
        "a short description please",
        "describe what you made",
        "explain the piece in a paragraph",
        "write a few words about the works",
        "a description of the painting and the music",
        "what is it about? describe it",
    ],
    "undo": [
        "undo the {kind}",
        "undo that {kind} change",
        "undo the last {kind} change",
        "scrap the last {kind}",
        "cancel that {kind} change",
        "I preferred the {kind} before, undo it",
        "go back one step on the {kind}",
        "forget the last {kind} edit",
    ],
    "go_to": [
        "go back to the first {kind}",
        "back to {kind} {number}",
        "show {kind} {number} again",
        "go back to {kind} version {number}",
        "I liked the {ordinal} {kind} better, go back to it",
        "restore the {ordinal} {kind}",
        "bring back {kind} {number}",
        "use the {ordinal} {kind} again",
        "switch back to the {ordinal} {kind}",
    ],
    "restraint": [
        "hello",
        "hi!",
        "thanks",
        "thank you so much",
        "what can you do?",
        "how does this work?",
        "who are you?",
        "nice",
        "cool, I like it",
        "good morning",
        "ok",
        "bye",
        "good night",
        "hi, how's it going?",
        "that's beautiful",
        "wow",
        "perfect, thanks!",
        "I love it",
        "lovely work",
        "yes",
        "no",
        "hmm",
        "what is a minor key?",
        "what does bpm mean?",
        "which instruments do you know?",
        "can you make music?",
        "can you paint?",
        "what model are you?",
        "how long does a melody take?",
        "where are my files saved?",
        "how do I share this?",
        "that's all for today",
        "you're great",
        "what's the difference between major and minor?",
        "tell me a joke",
        "what colours can you use?",
        "is the painting done?",
        "interesting",
        "never mind",
        "no changes, it's fine",
        "let me think",
        "good evening",
        "thanks, that's lovely",
        "how many versions do I have?",
    ],
}

TRAIN_PREFIXES = ["ok, ", "hmm, ", "alright, ", "hey, ", "now ", "so ", "please ", "and ", "also ", "great, "]
TRAIN_SUFFIXES = [" please", " thanks", "!", "?", " :)", " for me", " now", ", thank you", " pls", "..."]
TRAIN_JOINS = [" and ", ", ", " and also ", ", then ", ". Also ", " plus ", "; ", " - and ", " & ", ", and "]

ADJECTIVE_END = re.compile(r"^[a-z]{3,12}(ful|ous|ive|ic|al|ed|y|ent|ant|less|ing|ish|ile)$")
NOT_ADJECTIVE_END = re.compile(r"(ly|ity|ery|ry|ogy|ies|ised|ized|ising|izing)$")


def _lexicon_words() -> list[str]:
    """Words of our mood lexicon (tools/data), read as plain data."""
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "tools", "data", "mood_lexicon.tsv")
    with open(path) as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="\t")
        return [r[0] for r in rows if r and " " not in r[0]]


def _vader_adjectives() -> list[str]:
    """Adjective-looking words of VADER's valence lexicon (shipped with vaderSentiment).

    |valence| <= 2.5 on VADER's -4..4 scale keeps slurs and violent words out of the requests.
    """
    try:
        from tools.mood_lexicon import vader_analyzer

        lexicon = vader_analyzer().lexicon
    except ImportError:
        return []
    return [
        w for w, v in lexicon.items() if ADJECTIVE_END.match(w) and not NOT_ADJECTIVE_END.search(w) and abs(v) <= 2.5
    ]


def training_moods() -> list[str]:
    """Many mood words, none of them held out: the model must learn to copy the word it is given.

    Real mood words (ours) are listed three times, so about a third of the draws come from them.
    """
    held = set(HELDOUT["moods"])
    moods = sorted(w for w in dict.fromkeys([*TRAIN_BASE_MOODS, *_lexicon_words()]) if w not in held)
    others = sorted(w for w in dict.fromkeys(_vader_adjectives()) if w not in held and w not in moods)
    return moods * 3 + others


def training_instruments() -> list[str]:
    from tools.instruments import INSTRUMENTS

    return [i for i in INSTRUMENTS if i not in HELDOUT["instruments"]]


def train_pool() -> dict:
    """The training pool: templates plus vocabularies, built once per call."""
    return {
        **TRAIN_TEMPLATES,
        "moods": training_moods(),
        "base_moods": TRAIN_BASE_MOODS,
        "colours": [c.replace("-", " ") for c in TRAIN_COLOURS if c not in HELDOUT["colours"]],
        "instruments": training_instruments(),
        "subjects": TRAIN_SUBJECTS,
        "keys": TRAIN_KEYS,
    }
