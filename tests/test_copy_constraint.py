from assistant.orchestrators.copy_constraint import copy_ok, open_copy_value

REQUEST = "I'd love triumphant music in crimson and gold"


def test_finds_the_open_value_of_copy_keys_only():
    assert open_copy_value('[["compose_melody", {"mood": "trium') == "trium"
    assert open_copy_value('[["paint", {"palette": ["crimson", "go') == "go"
    assert open_copy_value('[["compose_melody", {"mood": "triumphant"}') is None
    assert open_copy_value('[["compose_melody", {"key": "E') is None
    assert open_copy_value('[["compose_mel') is None  # a tool name is free


def test_values_must_stay_a_piece_of_the_request():
    answer = '[["compose_melody", {"mood": "'
    assert copy_ok(answer, "trium", REQUEST) and not copy_ok(answer, "victor", REQUEST)
    assert copy_ok(answer + "triumph", 'ant"}]', REQUEST)
    assert not copy_ok(answer, '"', REQUEST)  # empty value
    assert not copy_ok(answer + "triumph", '"}]', REQUEST)  # stops inside a word
    assert not copy_ok(answer, "umph", REQUEST)  # starts inside a word
    assert copy_ok('[["paint", {"palette": ["crimson", "', "gold", REQUEST)
    assert copy_ok('[["compose_melody", {"tempo": ', "120", REQUEST)


def test_values_keep_the_request_case_or_lower_case():
    request = "Majestic music please"
    assert copy_ok('[["compose_melody", {"mood": "', "Majestic", request)
    assert copy_ok('[["compose_melody", {"mood": "', "majestic", request)
    assert not copy_ok('[["compose_melody", {"mood": "maje', "Stic", request)
    assert not copy_ok('[["compose_melody", {"mood": "', "MUSIC", request)


def test_an_instrument_value_must_name_an_instrument_of_the_request():
    request = "a calm melody and a matching painting of a harbour, on the violoncelle"
    answer = '[["compose_melody", {"mood": "calm", "instrument": "'
    assert not copy_ok(answer, "painting", request) and not copy_ok(answer, "harbour", request)
    assert copy_ok(answer, "violon", request) and copy_ok(answer + "violon", 'celle"}]', request)
    assert not copy_ok(answer + "violon", '"}]', request)  # "violon" stops inside "violoncelle"


def test_instruments_named_by_a_request():
    from assistant.orchestrators.copy_constraint import instruments_in

    assert instruments_in("slower, on two cellos please") == {"cello"}
    assert instruments_in("a harbour at dawn, painted") == set()
    assert instruments_in("auf der Geige") == {"geige"}


def test_copy_values_open_as_strings_and_the_palette_as_a_list():
    from assistant.orchestrators.copy_constraint import value_opens_right

    request = "the picture looks faded, it needs more colour"
    head = '[["paint", {"saturation_change": 0.3, "emphasize_colour": '
    assert not copy_ok(head, "true", request)  # the studio answered this; validation then refused the turn
    assert not copy_ok(head[:-3], '": true', request)  # a token that closes the key and types the value
    assert copy_ok(head, '"', request) and copy_ok(head, ' "', request)
    assert value_opens_right('[["paint", {"palette": ', '["') and not value_opens_right('[["paint", {"palette": ', '"')
    assert value_opens_right('[["paint", {"saturation_change": ', "0.3")  # other arguments are free


def test_a_colour_may_be_copied_from_its_comparative_but_a_mood_may_not():
    colour = '[["paint", {"emphasize_colour": "'
    assert copy_ok(colour + "blue", '"}]', "make it bluer")
    assert copy_ok(colour + "red", '"}]', "a little redder") and copy_ok(colour + "red", '"}]', "reddish tones")
    assert copy_ok('[["paint", {"palette": ["grey', '"]}]', "greyer please")
    assert not copy_ok(colour + "blu", '"}]', "make it bluer")  # still not inside a word
    assert not copy_ok('[["paint", {"mood": "blue', '"}]', "bluer")  # only colours take the comparative
