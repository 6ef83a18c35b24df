from assistant.calls import argument_names
from assistant.orchestrators.routed_arguments import once_per_turn, routed_argument_names
from assistant.orchestrators.schema_constraint import names_ok
from assistant.routing.corpus import compact, generate

NAMES = {"undo": {"kind"}, "paint": {"mood", "palette", "brightness_change"}}


def test_tool_and_argument_names_must_be_real_as_they_are_typed():
    assert names_ok('[["pai', NAMES) and not names_ok('[["paw', NAMES)
    assert names_ok('[["undo", {"ki', NAMES) and not names_ok('[["undo", {"mo', NAMES)
    assert not names_ok('[["undo", {"mood"', NAMES)
    assert names_ok('[["paint", {"palette": ["red", "mood"], "brightness_change": 0.3}], ["undo", {"kind": "', NAMES)
    assert not names_ok('[["paint", {"palette": ["red"], "kind', NAMES)


def test_values_are_free_and_strings_in_values_are_not_names():
    assert names_ok('[["paint", {"mood": "undo kind', NAMES)
    assert names_ok('[["paint", {"palette": ["kind", "', NAMES)


def test_every_corpus_answer_passes_with_the_routed_argument_names_and_one_call_per_medium():
    names, once = routed_argument_names(), once_per_turn()
    for split, n in (("train", 600), ("heldout", 400)):  # the held-out split as the corpus command writes it
        for example in generate(split, n):
            answer = compact(example.calls)
            assert all(names_ok(answer[:i], names, once) for i in range(1, len(answer) + 1)), answer


def test_a_medium_is_called_once_per_answer_and_texts_as_often_as_asked():
    names, once = routed_argument_names(), once_per_turn()
    # seen: "cello instead of the piano" -> a cello call and a piano call, two versions for one request
    assert not names_ok('[["compose_melody", {"instrument": "cello"}], ["compose_melody', names, once)
    assert not names_ok('[["paint", {}], ["pa', names, once)
    assert names_ok('[["paint", {}], ["compose_melody", {}], ["write_text', names, once)
    assert names_ok('[["write_text", {"kind": "title"}], ["write_text", {"kind": "poem"}]]', names, once)
    assert names_ok('[["undo", {"kind": "melody"}], ["undo", {"kind": "painting"}]]', names, once)


def test_a_routed_call_carries_only_its_own_mediums_settings():
    names = routed_argument_names()
    assert not names_ok('[["compose_melody", {"mood": "sad", "palette', names)  # the colours belong to a paint call
    assert not names_ok('[["compose_melody", {"subject', names)
    assert not names_ok('[["paint", {"tempo_scale', names)
    assert names_ok('[["compose_melody", {"tempo_scale": 0.8}], ["paint", {"emphasize_colour": "blue"}]]', names)
    assert names_ok('[["write_text", {"kind": "poem", "mood": "sad", "subject', names)
    assert not names_ok('[["compose_melody", {"palette', argument_names())  # nor does its tool's model (#31)


def test_an_answer_is_closed_only_when_every_bracket_and_string_is():
    from assistant.orchestrators.schema_constraint import closed

    assert closed("[]") and closed(' [["paint", {"palette": ["red", "blue"]}]]')
    assert not closed("") and not closed('[["paint", {"mood": "sa') and not closed('[["paint", {}]')
    assert closed('[["paint", {"mood": "a ] tricky } value"}]]')


def test_brackets_close_in_order_keys_do_not_repeat_and_nothing_follows_the_answer():
    from assistant.orchestrators.schema_constraint import closed

    # seen from the shipped adapter: "palette": ["dawn", "lake", "none"}]]], and a key given twice
    assert not names_ok('[["paint", {"palette": ["dawn", "lake"}', NAMES)
    assert names_ok('[["paint", {"palette": ["dawn", "lake"]}', NAMES)
    assert not names_ok('[["paint", {"mood": "calm", "mood"', NAMES)
    assert not names_ok('[["paint", {"mood": "calm", "moo', NAMES)  # only mood's prefix: mood is taken
    assert names_ok('[["paint", {"mood": "calm"}], ["paint", {"mood', NAMES)  # another call may give it again
    assert not names_ok('[["paint", {}]]]', NAMES) and not names_ok('[["paint", {}]],', NAMES)
    assert names_ok('[["paint", {}]] ', NAMES)
    assert not closed('[["paint", {"palette": ["red"}]]')


def test_values_are_separated_by_commas_and_spaces_come_one_at_a_time():
    # seen when a painting's subject was required: '"mood": "ballroom"' followed by spaces until the tokens ran out,
    # and a second string with no comma or key before it
    assert not names_ok('[["paint", {"mood": "calm" "', NAMES) and not names_ok('[["paint", {"mood": "calm"} {', NAMES)
    assert not names_ok('[["paint", {"brightness_change": 0.3 "', NAMES)
    assert not names_ok('[["paint", {"mood": "calm"  ', NAMES) and not names_ok('[["paint", {"mood": "calm" ', NAMES)
    assert names_ok('[["paint", {"mood": "calm", "brightness_change": 0.3}]] ', NAMES)
    assert names_ok('[["paint", {"palette": ["red", "gold"]}], ["undo", {"kind": "melody"}]]', NAMES)
    assert names_ok('[["paint", {"mood": "col\\u00e8re', NAMES) and not names_ok('[["paint", {"mood": "co\\up', NAMES)
    assert not names_ok('[["paint", {"mood": "co\\q', NAMES)  # no such escape in JSON


def test_an_object_item_starts_with_a_key():
    names = {"compose_melody": {"mood", "instrument", "arousal_change"}}
    answer = '[["compose_melody", {"mood": "happy", "arousal_change": -0.3,'
    assert names_ok(answer + ' "instrument"', names)
    assert not names_ok(answer + ' ["', names) and not names_ok(answer + " {", names)
