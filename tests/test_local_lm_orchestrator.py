from assistant.orchestrators.base import PlanRequest
from assistant.orchestrators.local_lm import LocalLMOrchestrator, request_line
from assistant.session import Session
from assistant.turn import Reply, run_turn


def test_request_line_carries_the_repair_note():
    req = PlanRequest([{"role": "user", "content": "make  it\nslower"}], {}, {})
    assert request_line(req) == "Works: none.\nRequest: make it slower\nCalls:"
    req.repair_note = "bad json"
    assert "bad json" in request_line(req)


def test_request_line_says_what_exists_and_what_the_last_turn_touched():
    messages = [
        {"role": "user", "content": "a sad tune and a painting"},
        {"role": "assistant", "content": "Made melody_1: sad.\nMade painting_1: sad."},
        {"role": "user", "content": "darker"},
        {"role": "assistant", "content": "painting_2 (from painting_1): darker."},
        {"role": "user", "content": "make both calmer"},
    ]
    req = PlanRequest(messages, {"bars": 16}, {"melody": "melody_1", "painting": "painting_2"})
    assert request_line(req) == "Works: melody (16 bars), painting. Last: painting.\nRequest: make both calmer\nCalls:"


def test_plans_with_a_real_generation_path_and_never_crashes_the_turn(tiny_lm, tmp_path):
    lm = LocalLMOrchestrator(max_new_tokens=12)
    text = lm.plan(PlanRequest([{"role": "user", "content": "slower"}], {}, {}))
    assert isinstance(text, str) and "\n" not in text
    session = Session.create(str(tmp_path))
    events = list(run_turn(session, "make a sad melody", lm))
    assert isinstance(events[-1], Reply) and len(session.messages) == 2


def test_lora_training_saving_and_planning_with_the_adapter(tiny_lm, tmp_path, monkeypatch):
    from assistant.routing.answer_vocabulary_file import write_answers
    from assistant.routing.corpus import compact, generate, prompt_for
    from models.language import shared_lm
    from models.language.lora_train import add_lora, train_lora

    model, tokenizer = tiny_lm
    pairs = [(prompt_for(e.request), " " + compact(e.calls)) for e in generate("train", 16)]
    peft_model = add_lora(model, rank=2)
    history = train_lora(peft_model, tokenizer, pairs, steps=10, batch=4, lr=1e-2, log=lambda m: None)
    assert history[-1]["loss"] < history[0]["loss"] * 1.5 and history[-1]["tokens_per_s"] > 0
    peft_model.save_pretrained(str(tmp_path / "adapter"))
    write_answers(str(tmp_path / "adapter"), 16)  # what `make train-orchestrator` ships beside an adapter
    base = peft_model.unload()  # the plain base again, as the loader would hold it
    monkeypatch.setattr(shared_lm, "_adapters", {})
    shared_lm.register_base()  # no-op: already registered by the fixture
    from models.loader import default_loader

    default_loader().register(shared_lm.GEMMA, lambda: base)
    lm = LocalLMOrchestrator(adapter=str(tmp_path / "adapter"), max_new_tokens=8)
    assert lm.name == "gemma3-270m + LoRA"
    assert isinstance(lm.plan(PlanRequest([{"role": "user", "content": "hi"}], {}, {})), str)


def test_the_same_recipe_trains_and_plans_on_a_qwen2_base(tmp_path, monkeypatch):
    """`--lm qwen`'s path end to end on a tiny Qwen2: LoRA on the same modules, the adapter attached to the
    shared base, the tuned decoding over a byte-level vocabulary."""
    import torch

    from assistant.orchestrators.answer_vocabulary import token_texts
    from assistant.routing.answer_vocabulary_file import write_answers
    from assistant.routing.corpus import compact, generate, prompt_for
    from models.language import shared_lm
    from models.language.base_models import base_model
    from models.language.lora_train import add_lora, collate, completion_loss, encode_pair, train_lora
    from models.loader import default_loader
    from tests.tiny_lm import tiny_qwen

    model, tokenizer = tiny_qwen()
    assert " none" in token_texts(tokenizer)  # "Ġnone" (of "Works: none." in every prompt) read as a word after a space
    pairs = [(prompt_for(e.request), " " + compact(e.calls)) for e in generate("train", 8)]
    peft_model = add_lora(model, rank=4)
    batch = collate([encode_pair(tokenizer, p, c) for p, c in pairs], tokenizer.pad_token_id)
    with torch.no_grad():
        before = float(completion_loss(peft_model.eval(), batch))
    train_lora(peft_model, tokenizer, pairs, steps=40, batch=4, lr=3e-2, log=lambda m: None)
    with torch.no_grad():
        after = float(completion_loss(peft_model, batch))
    assert after < before - 0.1  # measured: 6.41 -> 6.22 on these 8 pairs
    peft_model.save_pretrained(str(tmp_path / "adapter"))
    write_answers(str(tmp_path / "adapter"), 8)
    base = peft_model.unload()
    monkeypatch.setattr(shared_lm, "_adapters", {})
    shared_lm.use_tokenizer("qwen", tokenizer)
    default_loader().register(base_model("qwen").loader_name, lambda: base)
    lm = LocalLMOrchestrator(adapter=str(tmp_path / "adapter"), max_new_tokens=8, base="qwen")
    assert lm.name == "qwen2.5-coder-0.5b + LoRA"
    text = lm.plan(PlanRequest([{"role": "user", "content": "slower please"}], {}, {}))
    assert isinstance(text, str) and "\n" not in text
