"""Which works a request names, by its own words (issue #32: a second work lost, works nobody asked for)."""

from assistant.orchestrators.work_words import asked_tools, commanded_tools, mentioned_tools, work_of


def test_each_work_of_a_three_part_request_is_asked_by_name():
    request = "a sad tune in C minor, a painting of rain on a window, and a haiku about loneliness"
    assert asked_tools(request) == {"compose_melody", "paint", "write_text"}
    assert asked_tools("give the painting a title and make the melody longer") == {"write_text"}


def test_other_languages_and_verbs_name_their_work():
    assert asked_tools("peins-moi un paysage de montagne enneigé") == {"paint"}
    assert asked_tools("male ein Bild von einem Schiff im Sturm") == {"paint"}
    assert asked_tools("compón una melodía alegre") == {"compose_melody"}
    assert asked_tools("écris un poème sur la mer") == {"write_text"}
    assert asked_tools("paint anything you like") == {"paint"}
    assert asked_tools("write me a song") == {"compose_melody"}  # the verb's object names the work
    assert work_of("gedicht") == "write_text"


def test_negations_questions_and_phrases_inside_a_scene_ask_nothing():
    assert asked_tools("just a poem about friendship, no pictures") == {"write_text"}
    assert asked_tools("I don't want a poem") == frozenset()
    assert asked_tools("what can you paint?") == frozenset()
    assert asked_tools("a painting of a girl playing a song") == {"paint"}
    assert asked_tools("make the melody sound like a poem") == frozenset()
    assert asked_tools("the paint looks wet") == frozenset()
    assert asked_tools("write a python function that sorts a list") == frozenset()  # no text named
    assert mentioned_tools("speed up the music but leave the picture alone") == {"compose_melody", "paint"}
    assert mentioned_tools("a poem, no pictures") == {"write_text"}


def test_only_a_request_that_opens_by_making_a_work_commands_it():
    assert commanded_tools("paint anything you like") == {"paint"}
    assert commanded_tools("could you draw a fox") == {"paint"}
    assert commanded_tools("thanks, a lovely painting!") == frozenset()  # praise, not a request
    assert commanded_tools("can you make paintings?") == frozenset()


def test_both_and_everything_ask_for_each_work_that_exists():
    from assistant.orchestrators.work_words import every_work

    both = frozenset({"compose_melody", "paint"})
    assert every_work("make both sadder", both) == both
    assert every_work("everything should feel darker", both | {"write_text"}) == both | {"write_text"}
    assert every_work("make both sadder", both | {"write_text"}) == both  # three works: the melody and painting
    assert every_work("make both longer", frozenset({"compose_melody", "write_text"})) == {
        "compose_melody",
        "write_text",
    }
    assert every_work("start over with a jubilant carnival", both | {"write_text"}) == both
    assert every_work("make both sadder", frozenset({"compose_melody"})) == frozenset()  # one work only
    assert every_work("everything in the painting bluer", both) == frozenset()  # a work named: the model's
    assert every_work("make it sadder", both) == frozenset()


def test_the_whole_thing_is_what_the_last_turn_touched():
    from assistant.orchestrators.work_words import every_work

    both = frozenset({"compose_melody", "paint"})
    assert every_work("calm the whole thing down a bit", both, frozenset({"paint"})) == {"paint"}
    assert every_work("calm the whole thing down a bit", both) == both


def test_starting_over_asks_for_every_work():
    from assistant.orchestrators.work_words import every_work

    both = frozenset({"compose_melody", "paint"})
    assert every_work("start over with something spooky", both, frozenset({"compose_melody"})) == both
    assert every_work("let's start again from scratch", both) == both


def test_a_misspelt_work_word_names_its_work():
    assert asked_tools("can i get a picutre of a lighthouse") == {"paint"}
    assert asked_tools("write a pome for it") == {"write_text"}
    assert asked_tools("a happy melodey and a matching paiting") == {"compose_melody", "paint"}
    assert mentioned_tools("make the tuen longer") == {"compose_melody"} and work_of("meldoy") == "compose_melody"


def test_real_words_and_other_first_letters_are_no_typos_of_work_words():
    assert work_of("tone") is None and work_of("tun") is None  # an English word; too short
    assert mentioned_tools("fais une peinture de la mer au clair de lune") == {"paint"}  # "lune" is no "tune"


def test_a_chance_of_or_a_mood_for_a_work_asks_for_it():
    assert asked_tools("any chance of a peom about autumn leaves?") == {"write_text"}
    assert asked_tools("I am in the mood for a sad tune") == {"compose_melody"}
    assert asked_tools("the end of a melody") == frozenset()  # "of" opens nothing else


def test_a_request_that_asks_for_a_work_for_oneself_commands_it():
    assert commanded_tools("can i get a picutre of a lighthouse") == {"paint"}
    assert commanded_tools("hey, could I have a sad tune") == {"compose_melody"}
    assert commanded_tools("I would like a poem about rain") == {"write_text"}
    for request in ("I have a painting already, what next?", "can i get some help", "what can i get"):
        assert commanded_tools(request) == frozenset(), request


def test_a_clean_slate_is_the_whole_studio_and_a_bare_one_asks_for_nothing():
    from assistant.orchestrators.work_words import only_starts_over, says_clean_slate

    for bare in ("ok start over", "start over pls", "let's start over", "meh. start over again", "can we start over?"):
        assert says_clean_slate(bare) and only_starts_over(bare), bare
    for asking in ("start over with a cheerful flute melody", "start over: a dark stormy sea", "start over, sadder"):
        assert says_clean_slate(asking) and not only_starts_over(asking), asking
    for one_work in ("redo the painting from scratch", "don't start over, just slower"):
        assert not says_clean_slate(one_work), one_work


def test_a_no_parted_by_a_comma_or_a_stop_is_a_reply_not_a_negation():
    """'ugh no, start over' was read as 'don't start over' (frozen dialogues v5); dev talks v13 3 -> 7 of 8."""
    from assistant.orchestrators.work_words import only_starts_over, says_clean_slate

    for bare in ("ugh no, start over", "no. start over", "nah, let's start over"):
        assert says_clean_slate(bare) and only_starts_over(bare), bare
    asking = "hmm no, start over with just a poem"
    assert says_clean_slate(asking) and not only_starts_over(asking)
    assert only_starts_over("no, not the fox. start over")  # what it denies is no request: nothing to make
    assert not only_starts_over("start over: not a melody, a poem")
    for denied in ("no start over", "don't start over", "please do not start over"):
        assert not says_clean_slate(denied), denied
    assert asked_tools("no, make a poem instead") == {"write_text"}
    assert asked_tools("not a painting, a poem") == {"write_text"}
