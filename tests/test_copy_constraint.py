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
