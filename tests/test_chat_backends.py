"""The transformers chat-template and LangChain backends, on a tiny chat model with a real tokenizer."""

import json

import pytest

from assistant.calls import parse_plan
from assistant.orchestrators.base import PlanRequest
from assistant.orchestrators.chat_messages import chat_messages
from assistant.orchestrators.chat_template import ChatTemplateOrchestrator
from assistant.orchestrators.chat_template_lm import ChatTemplateLM
from assistant.orchestrators.langchain_chat import LangChainOrchestrator
from assistant.orchestrators.tool_call_formats import read_tool_calls
from assistant.orchestrators.transformers_chat_model import TransformersChatModel
from assistant.session import Session
from assistant.turn import Reply, run_turn
from tests.tiny_chat_lm import teach, tiny_chat_model

ANSWER = '<tool_call>{"name": "compose_melody", "arguments": {"tempo_scale": 0.8}}</tool_call><|im_end|>'


def slower_request() -> PlanRequest:
    """A 'slower' turn offering two of the tools (all of them make a prompt too long to overfit quickly)."""
    request = PlanRequest(
        [{"role": "user", "content": "slower"}], {"mood": "calm", "tempo": 80}, {"melody": "melody_1"}
    )
    request.tools = [t for t in request.tools if t["function"]["name"] in ("compose_melody", "undo")]
    return request


@pytest.fixture(scope="module")
def taught_lm():
    """A tiny chat model taught to answer the rendered 'slower' conversation with one tool call."""
    request = slower_request()
    messages = chat_messages(request)
    model, tokenizer = tiny_chat_model([])  # first a tokenizer to render with, then one trained on renderings
    rendered = tokenizer.apply_chat_template(messages, tools=request.tools, add_generation_prompt=True, tokenize=False)
    model, tokenizer = tiny_chat_model([rendered + ANSWER] * 3)
    lm = ChatTemplateLM(model, tokenizer, max_new_tokens=40)
    prompt = lm.render(messages, request.tools)
    loss = teach(model, tokenizer, [prompt], ANSWER)
    assert loss < 0.05
    return lm


def test_the_chat_template_carries_the_tools_and_the_studio_state(taught_lm):
    prompt = taught_lm.render(chat_messages(slower_request()), slower_request().tools)
    assert '"name": "compose_melody"' in prompt and '"name": "undo"' in prompt and "tempo_scale" in prompt
    assert "melody: melody_1" in prompt and "tempo=80" in prompt and prompt.endswith("<|im_start|>assistant\n")


def test_transformers_backend_turns_generated_tool_calls_into_valid_calls(taught_lm):
    plan = parse_plan(ChatTemplateOrchestrator(taught_lm).plan(slower_request()))
    assert not plan.errors
    assert [(c.name, a.model_dump(exclude_defaults=True)) for c, a in plan.calls] == [
        ("compose_melody", {"tempo_scale": 0.8})
    ]


def test_langchain_backend_binds_the_tools_and_reads_tool_calls(taught_lm):
    chat_model = TransformersChatModel(lm=taught_lm)
    plan = parse_plan(LangChainOrchestrator(chat_model).plan(slower_request()))
    assert not plan.errors
    assert [(c.name, a.model_dump(exclude_defaults=True)) for c, a in plan.calls] == [
        ("compose_melody", {"tempo_scale": 0.8})
    ]


def test_langchain_backend_refuses_a_model_without_tools():
    with pytest.raises(TypeError, match="bind_tools"):
        LangChainOrchestrator(object())


def test_an_untrained_chat_model_gives_a_question_back_never_a_crash(tmp_path):
    model, tokenizer = tiny_chat_model(["<|im_start|>user\nhello<|im_end|>"] * 3)
    session = Session.create(str(tmp_path))
    events = list(
        run_turn(session, "make a sad melody", ChatTemplateOrchestrator(ChatTemplateLM(model, tokenizer, 16)))
    )
    assert isinstance(events[-1], Reply) and len(session.messages) == 2


@pytest.mark.parametrize(
    "text,calls,reply",
    [
        (
            '<tool_call>\n{"name": "paint", "arguments": {"mood": "sad"}}\n</tool_call>',
            [("paint", {"mood": "sad"})],
            "",
        ),
        ('[TOOL_CALLS] [{"name": "undo", "arguments": {"kind": "melody"}}]', [("undo", {"kind": "melody"})], ""),
        (
            '<|python_tag|>{"name": "paint", "parameters": {"style": "geometric"}}',
            [("paint", {"style": "geometric"})],
            "",
        ),
        (
            '{"type": "function", "function": {"name": "paint", "arguments": "{\\"mood\\": \\"calm\\"}"}}',
            [("paint", {"mood": "calm"})],
            "",
        ),
        ("Hello! I make melodies and paintings.", [], "Hello! I make melodies and paintings."),
        ('Sure. <tool_call>{"name": "paint", "arguments": {}}</tool_call>', [("paint", {})], "Sure."),
    ],
)
def test_tool_call_formats_of_common_chat_templates(text, calls, reply):
    got, rest = read_tool_calls(text)
    assert [(c["name"], c["arguments"]) for c in got] == calls and rest == reply
    json.dumps(got)
