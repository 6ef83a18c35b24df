"""The decoding rules that keep what a request writes as written (issue #32, item 3)."""

from assistant.orchestrators.answer_position import position
from assistant.orchestrators.request_facts import facts_of
from assistant.orchestrators.subject_span import may_end_subject
from assistant.orchestrators.written_values import WrittenValues


def rules(request: str, bars: int = 8) -> WrittenValues:
    return WrittenValues(request, facts_of(request, bars))


def test_facts_read_numbers_bpm_keys_modes_and_forms_as_written():
    facts = facts_of("a march in B flat major at 96 bpm, 12 bars")
    assert facts.numbers == {96, 12} and facts.bpm == {96}
    assert "Bb" in facts.keys and "B flat" in facts.keys and facts.modes == {"major"}
    assert facts_of("slow it down to 50").bpm == {50}
    assert facts_of("make it 2 bars shorter").bpm == set()
    assert facts_of("a tune for my 40th birthday").bpm == set()
    assert facts_of("write a haiku about it").form == "haiku"
    assert facts_of("a six line poem").lines == 6
    assert facts_of("a minor change, please").keys == set()  # an article, not a key
    assert facts_of("in a minor key").modes == {"minor"} and facts_of("eine Melodie in a-Moll").modes == {"minor"}
    assert facts_of("a spooky melody for halloween").keys == set()
    assert "Eb" in facts_of("change the key to E flat").keys and facts_of("transpose it to D").keys == {"D"}
    assert "F#" in facts_of("F# would be nicer").keys and facts_of("go to a lake").keys == set()


def test_a_subject_ends_where_its_phrase_ends():
    request = "paint a lighthouse on a rocky cliff during a thunderstorm"
    assert not may_end_subject(request, "a lighthouse")
    assert not may_end_subject(request, "a lighthouse on a rocky cliff")
    assert may_end_subject(request, "a lighthouse on a rocky cliff during a thunderstorm")
    request = "a calm melody and a matching painting of a fox in a snowy forest"
    assert not may_end_subject(request, "a fox") and may_end_subject(request, "a fox in a snowy forest")
    assert may_end_subject("paint a calm sea in teal and white", "a calm sea")  # a palette, not a place
    assert not may_end_subject("paint a cabin in the snow", "a cabin")  # a place, not a palette
    assert may_end_subject("a lake at dawn in a calm mood", "a lake at dawn")
    assert may_end_subject("paint a windmill at sunset and write a poem", "a windmill at sunset")
    assert not may_end_subject("a cat and a dog at night", "a cat")
    assert may_end_subject("a fox for my dad, please", "a fox")


def test_a_subject_starts_where_its_phrase_starts():
    from assistant.orchestrators.subject_span import may_start_subject

    request = "draw me two cats sleeping on a windowsill in the morning sun"
    assert may_start_subject(request, "two cats") and not may_start_subject(request, "a windowsill")
    assert not may_start_subject(request, "morning sun")  # inside "the morning sun"
    assert may_start_subject("a painting of a fox", "a fox") and not may_start_subject("a painting of a fox", "fox")


def test_the_position_of_an_unfinished_answer():
    at = position('[["compose_melody", {"mood": "calm", "tempo": 6')
    assert at.tool == "compose_melody" and at.arguments == {"mood": "calm"} and at.open_value() == ("tempo", "6")
    after = at.then('0}], ["paint", {"subject": "a f')
    assert [(f.what, f.argument, f.text) for f in after.finished] == [("value", "tempo", "60"), ("call", "", "")]
    assert after.calls == [("compose_melody", {"mood": "calm", "tempo": "60"})]
    assert after.open_value() == ("subject", "a f")


def test_numbers_are_the_written_ones():
    slower = rules("slow it down to 60")
    head = '[["compose_melody", {"tempo": '
    assert slower.ok(head, "6") and slower.ok(head + "6", "0}]") and not slower.ok(head, "4")
    assert not slower.ok(head + "6", "}]")  # 6 is not 60
    assert "tempo_scale" in slower.closed_arguments()["compose_melody"]
    longer = rules("24 bars instead")
    assert longer.ok('[["compose_melody", {"bars": ', "24") and longer.ok('[["compose_melody", {"add_bars": ', "16")
    assert not longer.ok('[["compose_melody", {"bars": ', "12")
    shorter = rules("make it 2 bars shorter")
    assert not shorter.ok('[["compose_melody", {"bars": ', "2}]") and shorter.ok('[["compose_melody", {"bars": ', "6}]")
    assert rules("add 4 bars").facts.changes == {4} and rules("16 bars please").facts.changes == set()
    free = rules("make it longer")  # no number written: the model's own
    assert free.ok('[["compose_melody", {"add_bars": ', "4}]")


def test_keys_and_modes_as_written_and_not_dropped():
    written = rules("a melody in G major please")
    head = '[["compose_melody", {"key": "'
    assert written.ok(head, "G") and not written.ok(head, "D") and not written.ok(head + "G", 'b"')
    assert not written.ok('[["compose_melody", {"key": "G"', "}]")  # the mode is missing
    assert not written.ok('[["compose_melody", {"key": "G", "', "mood")  # after wanting to close: a missing one
    assert written.ok('[["compose_melody", {"key": "G", "', "mode")
    assert written.ok('[["compose_melody", {"key": "G", "mode": "major"', "}]")
    assert "key" in rules("a spooky melody for halloween").closed_arguments()["compose_melody"]


def test_a_named_form_reaches_write_text():
    haiku = rules("write a haiku about it")
    assert haiku.opened_arguments() == {"write_text": frozenset({"form"})}
    assert not haiku.ok('[["write_text", {"kind": "poem"', "}]")
    assert haiku.ok('[["write_text", {"kind": "poem", "form": "', "haiku")
    assert not haiku.ok('[["write_text", {"kind": "poem", "form": "', "abab")
    assert haiku.ok('[["write_text", {"kind": "poem", "form": "haiku"', "}]")
    six = rules("a six line poem about autumn")
    assert not six.ok('[["write_text", {"kind": "poem"', "}]") and six.ok('[["write_text", {"lines": ', "6}]")


def test_a_subject_value_cannot_close_mid_phrase():
    written = rules("paint a cozy cabin in the snow, warm light in the windows")
    head = '[["paint", {"subject": "a cozy cabin'
    assert not written.ok(head, '"}]') and written.ok(head, " in")
    assert not written.ok(head + " in the snow", '"}]')  # the scene goes on past the comma
    assert written.ok(head + " in the snow, warm light in the windows", '"}]')
    assert rules("paint a fox in the snow, please").ok(head.replace("cozy cabin", "fox") + " in the snow", '"}]')


def test_a_mood_is_a_mood():
    written = rules("make a painting of a hot air balloon over a desert at noon")
    assert not written.ok('[["paint", {"mood": "hot air balloon', '"')
    assert rules("paint something gloomy and calm").ok('[["paint", {"mood": "gloomy and calm', '"')
    assert rules("ich hätte gern ein düsteres Bild").ok('[["paint", {"mood": "düsteres', '"')
    assert not rules("A minor would be better").ok('[["compose_melody", {"mood": "minor', '"')
    keeper = rules("a painting of a lonely lighthouse keeper")  # "light" can only be copied as "lighthouse"
    assert not keeper.ok('[["paint", {"mood": "lonely ', "light") and keeper.ok('[["paint", {"mood": "lonely ', "l")
    assert keeper.ok('[["paint", {"mood": "lonely', '"')
    assert rules("lonely and gloomy").ok('[["paint", {"mood": "lonely ', "and")


def test_a_scalar_value_is_json_and_a_metre_is_no_tempo():
    waltz = rules("A nostalgic waltz, 3/4, on accordion")
    assert "tempo" in waltz.closed_arguments()["compose_melody"]
    assert not waltz.ok('[["compose_melody", {"bars": 3', "/4")
    assert waltz.ok('[["compose_melody", {"new_variation": ', "true") and waltz.ok(
        '[["paint", {"saturation_change": ', "-0.3"
    )


def test_a_change_of_length_goes_the_way_it_is_written():
    head = '[["compose_melody", {"bars": '
    shorten = rules("shorten the tune by 2 bars and make the picture darker")
    assert shorten.ok(head, "6}]") and not shorten.ok(head, "10}]") and not shorten.ok(head, "16}]")
    assert not shorten.ok('[["compose_melody", {"add_bars": ', "2}]")
    assert rules("add 4 bars").ok('[["compose_melody", {"add_bars": ', "4}]")
    assert not rules("add 4 bars").ok(head, "4}]")  # 4 more, not 4
    both = rules("4 bars more, or less if it drags")  # both ways written: either
    assert both.ok(head, "12}]") and both.ok(head, "4}]")


def test_a_limerick_is_five_lines():
    limerick = rules("write a limerick about a cat who loves cheese")
    assert limerick.facts.lines == 5 and limerick.required("write_text") == {"lines"}
    assert not limerick.ok('[["write_text", {"kind": "poem"', "}]")
    assert limerick.ok('[["write_text", {"kind": "poem", "lines": ', "5}]")
    assert not limerick.ok('[["write_text", {"kind": "poem", "lines": ', "4}]")
    assert facts_of("a six line limerick").lines == 6  # a written count wins


def test_a_painting_whose_scene_is_written_carries_a_subject():
    from assistant.orchestrators.subject_span import painting_subject

    ballroom = "a ballroom with chandeliers"
    assert painting_subject(f"first a slow waltz, then paint {ballroom}") == ballroom
    assert painting_subject("a calm melody, a painting of a lake at dusk, and a poem") == "a lake at dusk"
    assert painting_subject("draw me two cats on a windowsill") == "two cats on a windowsill"
    inside = "the inside of an old train carriage at night"  # was "an old train carriage" drawn in a meadow
    assert painting_subject(f"paint {inside}") == inside
    assert painting_subject("paint the sky more blue") is None and painting_subject("paint the inside") is None
    for none in ("paint me a stormy picture", "paint a sad one", "paint it darker", "paint an ethereal scene"):
        assert painting_subject(none) is None, none
    ballroom = rules("paint a ballroom with chandeliers")
    assert not ballroom.ok('[["paint", {"mood": "ballroom"', "}]")
    assert ballroom.ok('[["paint", {"mood": "ballroom", "subject": "a ballroom with chandeliers"', "}]")
    assert rules("paint me a stormy picture").ok('[["paint", {"mood": "stormy"', "}]")


def test_a_painting_subject_starts_where_the_scene_does_and_moods_are_moods():
    crib = rules("a lullaby in F major and a painting of a crib under the stars")
    assert not crib.ok('[["paint", {"mood": "crib", "subject": "', "under")
    assert crib.ok('[["paint", {"mood": "crib", "subject": "', "a") and crib.ok('[["paint", {"subject": "a', " crib")
    trouble = rules("if it's not too much trouble, a painting of a bridge")
    assert not trouble.ok('[["paint", {"mood": "not too much', " trouble")
    assert not trouble.ok('[["paint", {"mood": "not too much trouble', '"')
    assert rules("warm and gentle please").ok('[["paint", {"mood": "warm and gentle', '"')


def test_a_relative_tempo_goes_the_way_it_is_written():
    scale, change = '[["compose_melody", {"tempo_scale": ', '[["compose_melody", {"tempo_change": '
    slower = rules("plus lent, s'il te plaît")
    assert slower.ok(scale, "0") and slower.ok(scale + "0.8", "}") and not slower.ok(scale, "1")
    assert not slower.ok(change, "1") and slower.ok(change, "-")
    faster = rules("mach es schneller")
    assert faster.ok(scale, "1") and not faster.ok(scale, "0")
    assert not faster.ok(scale + "1", "}")  # 1 is no change
    either = rules("it is too slow")  # a complaint: the model reads which way
    assert either.ok(scale, "0") and either.ok(scale, "1")
    maybe = rules("I think it might be a bit slow? maybe bump it up a little")  # was forced slower
    assert maybe.ok(scale, "1")


def test_a_count_is_a_whole_number_and_a_length_is_a_change():
    written = rules("it ends too soon")
    assert not written.ok('[["compose_melody", {"bars": 8', ".5}]")
    assert not written.ok('[["compose_melody", {"add_bars": ', "-1")
    assert not written.ok('[["compose_melody", {"bars": 8', "}]")  # the melody has 8 bars: no change
    assert written.ok('[["compose_melody", {"bars": 4', "}]")


def test_a_written_relative_tempo_reaches_the_melody_call():
    slower = rules("the other one should be slower")
    assert slower.required("compose_melody") == {"tempo_scale"}
    assert not slower.ok('[["compose_melody", {"valence_change": -0.3', "}]")
    assert rules("10 bpm faster").required("compose_melody") == set()  # a written change: tempo_change


def test_a_plainly_written_tempo_word_reaches_the_melody_call():
    assert rules("a slow sad tune on the violin").required("compose_melody") == {"tempo_scale", "instrument"}
    assert rules("una melodía lenta para violín").required("compose_melody") == {"tempo_scale", "instrument"}
    quick = rules("play me something quick and upbeat on guitar")
    assert quick.required("compose_melody") == {"tempo_scale", "instrument"}
    assert not quick.ok('[["compose_melody", {"tempo_scale": ', "0")
    for complaint in ("it's too slow, liven it up", "it's as slow as molasses", "not so fast", "it is a bit slow"):
        assert rules(complaint).required("compose_melody") == set(), complaint  # read by the model or by meaning


def test_only_the_palette_is_a_list():
    written = rules("a name for this painting, something short and poetic")
    assert not written.ok('[["write_text", {"kind": "title", "variations": ', "[")
    assert rules("paint it in teal and white").ok('[["paint", {"palette": ', '["')


def test_a_written_instrument_reaches_the_melody_call_as_written():
    organ = rules("start over with something totally different: a dark organ piece in D minor")
    assert "instrument" in organ.required("compose_melody")
    assert organ.ok('[["compose_melody", {"instrument": "', "organ") and not organ.ok(
        '[["compose_melody", {"instrument": "', "piano"
    )
    german = rules("eine traurige Melodie auf dem Klavier")
    assert german.ok('[["compose_melody", {"instrument": "', "Klavier")
    assert rules("swap the piano for a cello").required("compose_melody") == set()  # two named: the model's
    assert "instrument" not in rules("no piano this time").required("compose_melody")


def test_a_bar_count_written_as_a_total_is_no_change_of_that_size():
    longer = rules("make the first one longer, 16 bars")
    assert not longer.ok('[["compose_melody", {"add_bars": ', "16}]")
    assert longer.ok('[["compose_melody", {"add_bars": ', "8}]")
    assert rules("add two bars").ok('[["compose_melody", {"add_bars": ', "2}]")
    assert "bars" in rules("Faz uma melodia alegre de flauta com 12 compassos").required("compose_melody")


def test_a_change_of_mood_or_light_lies_between_minus_one_and_one():
    written = rules("Faz uma melodia alegre de flauta com 12 compassos")
    assert not written.ok('[["compose_melody", {"arousal_change": ', "12")
    assert written.ok('[["compose_melody", {"arousal_change": ', "0.3")
    assert rules("calmer please").ok('[["compose_melody", {"arousal_change": ', "-0.3}]")


def test_an_existing_text_keeps_its_kind_unless_the_request_names_one():
    from assistant.orchestrators.request_facts import facts_of
    from assistant.orchestrators.written_values import WrittenValues

    text = frozenset({"write_text", "paint"})
    assert "kind" in WrittenValues("make everything sadder", facts_of("x"), text).closed_arguments()["write_text"]
    assert "kind" not in WrittenValues("now a title", facts_of("x"), text).closed_arguments()["write_text"]
    assert "kind" not in WrittenValues("make everything sadder", facts_of("x")).closed_arguments()["write_text"]


def test_a_misspelt_painting_word_still_names_the_scene_it_is_of():
    from assistant.orchestrators.subject_span import painting_subject

    assert painting_subject("and a paintng of a sunny park") == "a sunny park"
    assert painting_subject("a picutre of two boats") == "two boats"
    park = rules("and a paintng of a sunny park")
    assert park.required("paint") == {"subject"}
    assert not park.ok('[["paint", {"mood": "sunny"', "}]")
