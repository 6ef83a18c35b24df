"""A request about one existing work calls only that work: "make the melody darker" (dev v11)."""

from __future__ import annotations

from assistant.orchestrators.asked_works import NamedWorks


def typed(rule, answer: str) -> bool:
    """Whether `rule` accepts `answer` typed one character at a time."""
    return all(rule.ok(answer[:i], answer[i]) for i in range(len(answer)))


def test_a_request_about_one_existing_work_may_call_only_that_work():
    from assistant.orchestrators.named_work import named_work_tools

    both = frozenset({"compose_melody", "paint"})
    rule = NamedWorks("make the melody darker", frozenset(), both)
    assert rule.ok('[["', "compose") and not rule.ok('[["', "paint")
    assert typed(rule, '[["compose_melody", {"valence_change": -0.3}]]')
    assert typed(NamedWorks("make the melody darker"), '[["paint", {}]]')  # no works yet: no rule
    assert named_work_tools("slower, and the painting brighter", both) == frozenset()  # a tempo: the melody's
    leave = "leave the painting alone and make it faster"
    assert named_work_tools(leave, both, left=frozenset({"paint"})) == frozenset()
    assert named_work_tools("make the painting match the melody", both) == frozenset()  # two works
    assert named_work_tools("make the melody darker", frozenset({"paint"})) == frozenset()  # no melody yet
    assert named_work_tools("a name for the painting", both) == frozenset()  # a title, asked for the painting
    assert named_work_tools("the melody is too dark", both) == frozenset({"compose_melody", "undo", "go_to_version"})
