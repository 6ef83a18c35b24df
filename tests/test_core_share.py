"""Torch threads for text generation follow what other processes take of the cores."""

import torch

from models.language import core_share


def _scripted(monkeypatch, readings):
    """`cpu_ticks` gives the scripted (machine ticks, own ticks) in turn; the clock reads `clock["now"]`."""
    rows, clock = iter(readings), {"now": 0.0}
    monkeypatch.setattr(core_share, "cpu_ticks", lambda: next(rows))
    monkeypatch.setattr(core_share.time, "monotonic", lambda: clock["now"])
    return clock


def test_others_cores_is_the_machine_less_this_process():
    assert core_share.others_cores((0, 0), (core_share.TICKS, core_share.TICKS // 2), 1.0) == 0.5


def test_two_threads_while_the_cores_are_free_one_once_another_process_works(monkeypatch):
    before, tick = torch.get_num_threads(), core_share.TICKS
    # over the first 0.5 s only we worked (on 2 cores); over the next, another process took a whole core
    clock = _scripted(monkeypatch, [(0, 0), (tick, tick), (2 * tick, tick + tick // 2)])
    with core_share.threads_for_load():
        assert torch.get_num_threads() == 1  # until the first look
        core_share._governor.most = 2
        clock["now"] = 0.5
        core_share.retune_threads()
        assert torch.get_num_threads() == 2
        clock["now"] = 1.0
        core_share.retune_threads()
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before


def test_no_look_before_the_retune_interval(monkeypatch):
    clock = _scripted(monkeypatch, [(0, 0)])
    with core_share.threads_for_load():
        core_share._governor.most = 2
        clock["now"] = core_share.RETUNE_S / 2
        core_share.retune_threads()  # a look here would read past the scripted readings
        assert torch.get_num_threads() == 1
