import pytest
from torch import nn

from models.loader import ModelLoader, place_model
from models.registry import HARMONY_LSTM, MELODY_LSTM, PAINTER, PLACEMENT, SENTENCE_EMBEDDER, register_shipped_models


def test_lazy_load_cache_and_report():
    loader = ModelLoader(device="cpu")
    built = []
    loader.register("tiny", lambda: built.append(1) or nn.Linear(512, 512))
    assert loader.report()[0]["loaded"] is False and built == []
    a, b = loader.get("tiny"), loader.get("tiny")
    assert a is b and built == [1]
    row = loader.report()[0]
    assert row["devices"] == ["cpu"] and row["megabytes"] > 0
    assert not any(p.requires_grad for p in a.parameters())
    with pytest.raises(KeyError):
        loader.get("missing")


def test_auto_placement_on_a_cpu_machine():
    model, devices = place_model(nn.Linear(2, 2), "auto")
    assert devices in (("cpu",), ("cuda:0",)) and next(model.parameters()).device.type in ("cpu", "cuda")


def test_shipped_models_register_by_name():
    loader = register_shipped_models(ModelLoader(device="cpu"))
    names = [r["model"] for r in loader.report()]
    assert names == [MELODY_LSTM, HARMONY_LSTM, PAINTER, PLACEMENT, SENTENCE_EMBEDDER]
    assert loader.get(MELODY_LSTM) is not None and loader.get(PAINTER) is not None
    assert loader.get(HARMONY_LSTM) is not None
