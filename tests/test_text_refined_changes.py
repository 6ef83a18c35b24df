"""A refinement that asked for a change never shows the very text it refines."""

from types import SimpleNamespace

from tools import write_text as module
from tools.brief import CreativeBrief
from tools.protocol import PreviousWork, ToolContext


def _draft(text: str):
    return SimpleNamespace(text=text, sound=True, subject_words=[], log_prob=-1.0, flaws=lambda: [])


def test_a_sadder_haiku_that_came_out_the_same_is_drawn_again(tmp_path, monkeypatch):
    old = tmp_path / "old.txt"
    old.write_text("a moon in the fog\nthe harbour lights fade away\ngulls sleep on the swell\n")
    drafts = {
        1: old.read_text().strip(),
        2: "grey fog on the quay\nno boat comes back to the lamps\nthe gulls cry alone",
    }
    seeds = []
    monkeypatch.setattr(
        module,
        "write",
        lambda kind, brief, form, seed, works=None, opening=(): seeds.append(seed) or _draft(drafts[seed]),
    )
    previous = PreviousWork(
        "v1", 1, {"kind": "poem"}, {"kind": "poem", "form": "haiku", "lines": 3}, {"text": str(old)}
    )
    ctx = ToolContext(CreativeBrief(subject="a lighthouse", seeds={"text": 1}), str(tmp_path / "out"), previous)
    result = module.write_text(module.WriteTextArgs(valence_change=-0.3), ctx)
    assert seeds == [1, 2] and result.text.startswith("grey fog") and result.seed == 2
    assert result.brief.seeds["text"] == 2  # the next refinement keeps the text now shown
    unchanged = module.write_text(module.WriteTextArgs(), ctx)  # no change asked: the same text is right
    assert unchanged.seed == 1
