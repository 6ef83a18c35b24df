import os

import pytest

from ui import cli


def test_the_writer_option_sets_the_text_model_or_says_why_not(monkeypatch, capsys):
    from models.language import base_models
    from models.registry import text_language_model_key

    monkeypatch.setenv("ARTCHAT_TEXT_LM", "gemma")
    monkeypatch.setattr(base_models, "available", lambda key: key == "qwen15")
    assert cli.choose_writer("qwen15") == "qwen15" and os.environ["ARTCHAT_TEXT_LM"] == "qwen15"
    assert text_language_model_key() == "qwen15"
    monkeypatch.setattr(base_models, "available", lambda key: False)
    assert cli.choose_writer("qwen15") is None and "ARTCHAT_TEXT_LM" not in os.environ
    assert "not installed (make qwen15)" in capsys.readouterr().out
    assert cli.choose_writer(None) is None and "ARTCHAT_TEXT_LM" not in os.environ
    with pytest.raises(ValueError, match="unknown base language model"):
        cli.choose_writer("llama")
