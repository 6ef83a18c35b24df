"""A subject that only points at the studio's works is taken out: the text is about the works themselves."""

from assistant.orchestrators.work_subject import points_at_works, without_work_subjects


def test_a_subject_pointing_at_the_works_is_no_subject():
    for pointing in ("this painting", "both of them", "my painting", "it", "the music", "my paintng", "him", "her"):
        assert points_at_works(pointing), pointing
    for own in ("the fox", "music", "a song", "the fox in the painting", "the sea", "her garden", "his dog"):
        assert not points_at_works(own), own


def test_only_the_pointing_subject_leaves_the_answer():
    answer = '[["write_text", {"kind": "poem", "subject": "this painting"}]]'
    assert without_work_subjects(answer) == '[["write_text", {"kind": "poem"}]]'
    kept = '[["write_text", {"kind": "poem", "subject": "the fox"}], ["paint", {"subject": "a fox"}]]'
    assert without_work_subjects(kept) == kept
    assert without_work_subjects("not json") == "not json"


def test_a_pointing_subject_takes_the_works_own_subject_when_there_is_one():
    """ "now a poem about him" after a poem about boats and a painting of a dog: the dog's poem, not the boats'."""
    answer = '[["write_text", {"kind": "poem", "subject": "him"}]]'
    dog = "my dog, a black labrador"
    assert without_work_subjects(answer, dog) == f'[["write_text", {{"kind": "poem", "subject": "{dog}"}}]]'
    assert without_work_subjects(answer, " ") == '[["write_text", {"kind": "poem"}]]'
