"""On a CUDA machine: every shipped model loads through the loader onto the GPU and one whole turn runs.

Run with `make test-gpu` (prints where each model sits and how long it took); skipped without CUDA.
"""

import json
import time

import pytest
import torch

from assistant.orchestrators.local_lm import CHAT_BASE
from models.language import shared_lm
from models.language.base_models import available

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU"),
    pytest.mark.skipif(not (available("gemma") and available(CHAT_BASE)), reason="a shipped base LM is missing"),
]


def test_every_model_on_the_gpu_and_one_whole_turn(tmp_path, monkeypatch):
    from assistant.orchestrators.local_lm import default_orchestrator
    from assistant.session import Session
    from assistant.turn import Problem, VersionMade, run_turn
    from models import loader as loader_module
    from models.registry import MELODY_LSTM, PAINTER, register_shipped_models

    for name in (MELODY_LSTM, PAINTER):  # the shipped checkpoints, not the tests' tiny ones
        monkeypatch.delenv(f"ARTCHAT_{name.upper()}_DIR", raising=False)
    loader = loader_module.ModelLoader(device="auto")
    monkeypatch.setattr(loader_module, "_default", loader)
    register_shipped_models(loader)
    for base in dict.fromkeys(("gemma", CHAT_BASE)):  # Gemma writes the texts, the chat base reads the request
        shared_lm.register_base(base, loader)
    t0 = time.perf_counter()
    events = list(
        run_turn(
            Session.create(str(tmp_path)),
            "a melancholic melody, a matching painting and a title",
            default_orchestrator(),
        )
    )
    turn_s = time.perf_counter() - t0
    report = loader.report()
    print(json.dumps({"turn_seconds": round(turn_s, 2), "models": report}, indent=1))
    assert not [e for e in events if isinstance(e, Problem)]
    assert {e.version.kind for e in events if isinstance(e, VersionMade)} == {"melody", "painting", "text"}
    for row in report:
        if row["loaded"]:
            assert any(d.startswith("cuda") for d in row["devices"]), row
