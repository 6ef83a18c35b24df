"""The Gradio Blocks app: chat on the left; brief panel, works, versions and models on the right."""

from __future__ import annotations

from functools import partial

import gradio as gr
from starlette.middleware import Middleware

from assistant.bundle import write_bundle
from assistant.orchestrators.base import NoLanguageModel, Orchestrator
from assistant.session import sessions_root
from models.loader import default_loader
from tools.brief import BARS_RANGE, PAINT_STYLES, TEMPO_RANGE, CreativeBrief
from tools.instruments import INSTRUMENTS
from ui import handlers as h
from ui.chat_render import text
from ui.clear_errors import guard_events
from ui.file_serving import CACHE_SWEEP, file_middleware, file_options
from ui.job_limits import QueueJoinGuard, refusal

EXAMPLES = [
    "make a melancholic melody and matching painting",
    "slower",
    "more blue",
    "make it longer",
    "go back to the first version",
]


def _brief_panel():
    """The panel's fields, showing a new session's brief until the page has loaded the session's own."""
    (
        mood_v,
        valence_v,
        arousal_v,
        palette_v,
        subject_v,
        style_v,
        tempo_v,
        key_v,
        mode_v,
        bars_v,
        instrument_v,
        under_v,
    ) = h.brief_panel_values(CreativeBrief())
    mood = gr.Textbox(mood_v, label="Mood", placeholder="melancholic, joyful, calm, dark but hopeful ...")
    with gr.Row():
        valence = gr.Slider(-1, 1, value=valence_v, step=0.05, label="Valence (sad → happy)")
        arousal = gr.Slider(-1, 1, value=arousal_v, step=0.05, label="Arousal (calm → excited)")
    palette = gr.Textbox(palette_v, label="Palette", placeholder="navy, grey, #e0c080")
    subject = gr.Textbox(subject_v, label="Subject", placeholder="the sea at night")
    style = gr.Dropdown([h.AUTO, *PAINT_STYLES], value=style_v, label="Painting style")
    with gr.Row():
        tempo = gr.Slider(*TEMPO_RANGE, value=tempo_v, step=1, label="Tempo (bpm; shows the mood's until you move it)")
        bars = gr.Slider(*BARS_RANGE, value=bars_v, step=1, label="Bars")
    with gr.Row():
        key = gr.Dropdown(h.KEY_CHOICES, value=key_v, label="Key")
        mode = gr.Radio([h.AUTO, "major", "minor"], value=mode_v, label="Mode")
    with gr.Row():
        instrument = gr.Dropdown(sorted(INSTRUMENTS), value=instrument_v, label="Instrument")
        accompaniment = gr.Checkbox(under_v, label="Bass and chords under the melody")
    return [mood, valence, arousal, palette, subject, style, tempo, key, mode, bars, instrument, accompaniment]


def build_app(orchestrator: Orchestrator | None = None, root: str | None = None) -> gr.Blocks:
    orchestrator = orchestrator or NoLanguageModel()
    root = root or sessions_root()
    with gr.Blocks(title="artchat", delete_cache=CACHE_SWEEP) as demo:
        session = gr.State(None)
        gr.Markdown("# artchat\nA melody, a painting and words that share one mood. Ask in the chat, or use the panel.")
        summary = gr.Markdown()
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(height=620, label="Studio")
                message = gr.Textbox(placeholder="make a melancholic melody and matching painting", show_label=False)
                gr.Examples(EXAMPLES, inputs=message)
            with gr.Column(scale=2):
                with gr.Tab("Brief"):
                    panel = _brief_panel()
                    with gr.Row():
                        compose = gr.Button("Compose melody", variant="primary")
                        paint = gr.Button("Paint", variant="primary")
                    with gr.Row():
                        compose_new = gr.Button("New melody variation")
                        paint_new = gr.Button("New painting variation")
                    with gr.Row():
                        poem = gr.Button("Write a poem")
                        title = gr.Button("Write a title")
                with gr.Tab("Works"):
                    audio = gr.Audio(label="Melody", type="filepath", interactive=False)
                    image = gr.Image(label="Painting", type="filepath", interactive=False)
                    roll = gr.Image(label="Piano roll", type="filepath", interactive=False)
                    words = gr.Textbox(label="Words", lines=5, interactive=False, buttons=["copy"])
                    files = gr.File(label="Files", file_count="multiple", interactive=False)
                    bundle_button = gr.Button("Download the whole session (zip)")
                    bundle = gr.File(label="Session bundle", interactive=False)
                with gr.Tab("Versions"):
                    table = gr.Dataframe(headers=["", "version", "parent", "seed", "summary"], interactive=False)
                    choice = gr.Dropdown([], label="Version")
                    with gr.Row():
                        go = gr.Button("Go to version")
                        undo_m = gr.Button("Undo melody")
                        undo_p = gr.Button("Undo painting")
                    details = gr.JSON(label="Version details (brief, arguments, seed)")
                    gr.Markdown("**Compare two versions**")
                    with gr.Row():
                        left = gr.Dropdown([], label="A")
                        right = gr.Dropdown([], label="B")
                    compare = gr.Button("Compare")
                    with gr.Row():
                        left_pic = gr.Image(label="A", type="filepath", interactive=False)
                        right_pic = gr.Image(label="B", type="filepath", interactive=False)
                    with gr.Row():
                        left_audio = gr.Audio(label="A", type="filepath", interactive=False)
                        right_audio = gr.Audio(label="B", type="filepath", interactive=False)
                    differences = gr.Markdown()
                    gr.Markdown("**Resume a saved session** with its key (shown below for this session)")
                    key_line = gr.Markdown()
                    with gr.Row():
                        resume_id = gr.Textbox(show_label=False, placeholder="resume key: id-secret", type="password")
                        resume_button = gr.Button("Resume")
                    with gr.Row():
                        delete_ok = gr.Checkbox(label="yes, delete", value=False)
                        delete_button = gr.Button("Delete this session and its files", variant="stop")
                with gr.Tab("Models"):
                    models = gr.JSON(label="Where each model sits")
                    refresh = gr.Button("Refresh")

        def refresh_views(history, sess):
            sess = h.ensure_session(sess, root)
            return (
                history,
                sess,
                *h.works_outputs(sess),
                *h.brief_panel_values(sess.brief),
                h.versions_table(sess),
                *[gr.update(choices=h.version_choices(sess))] * 3,
                h.brief_summary(sess),
                h.resume_key_line(sess),
            )

        views = [chat, session, audio, image, roll, words, files, *panel, table, choice, left, right, summary, key_line]

        def on_message(request: gr.Request, msg, history, sess):
            if busy := refusal(demo, request):
                yield (msg, *refresh_views([*(history or []), text(busy)], sess))
                return
            cleared = False  # the box is emptied once, at the start: what is typed while the turn runs stays
            for shown, current in h.chat_turn_stream(msg, history, sess, orchestrator, root):
                yield (gr.skip() if cleared else "", *refresh_views(shown, current))
                cleared = True

        # A message sent while a turn runs is answered after it ("always_last"), never dropped.
        message.submit(
            on_message,
            [message, chat, session],
            [message, *views],
            concurrency_id="work",
            api_name="on_message",
            trigger_mode="always_last",
        )

        def on_api_chat(request: gr.Request, msg, sess):
            """For API clients: the chat history stays on the server (in the session), so nothing with files has
            to travel back; the answer is the turn's words and the files it made."""
            if busy := refusal(demo, request):
                return busy, [], sess
            return h.api_turn(msg, sess, orchestrator, root)

        api_words = gr.Textbox(visible=False)
        api_files = gr.File(visible=False, file_count="multiple")
        gr.Button(visible=False).click(
            on_api_chat, [message, session], [api_words, api_files, session], concurrency_id="work", api_name="chat"
        )
        for button, tool, variation in (
            (compose, "compose_melody", False),
            (paint, "paint", False),
            (compose_new, "compose_melody", True),
            (paint_new, "paint", True),
            (poem, "write_poem", False),
            (title, "write_title", False),
        ):

            def on_panel(request: gr.Request, history, sess, *values, _tool=tool, _variation=variation):
                if busy := refusal(demo, request):
                    return refresh_views([*(history or []), text(busy)], sess)
                history, sess = h.panel_call(_tool, _variation, history, sess, *values, root=root)
                return refresh_views(history, sess)

            api_name = f"panel_{tool}" + ("_variation" if variation else "")
            button.click(on_panel, [chat, session, *panel], views, concurrency_id="work", api_name=api_name)
        go.click(lambda c, hist, s: refresh_views(*h.go_to(c, hist, s, root)), [choice, chat, session], views)
        undo_m.click(lambda hist, s: refresh_views(*h.undo("melody", hist, s, root)), [chat, session], views)
        undo_p.click(lambda hist, s: refresh_views(*h.undo("painting", hist, s, root)), [chat, session], views)
        refresh.click(lambda: default_loader().report(), None, models, api_name="models")
        choice.change(h.version_details, [choice, session], details)
        resume_button.click(
            lambda i, hist, s: refresh_views(*h.resume(i, hist, s, root)),
            [resume_id, chat, session],
            views,
            api_name="resume",
        )
        delete_button.click(
            lambda ok, hist, s: refresh_views(*h.delete_session(ok, hist, s, root)),
            [delete_ok, chat, session],
            views,
            api_name="delete_session",
        )
        compare.click(
            h.compare_versions, [left, right, session], [left_pic, right_pic, left_audio, right_audio, differences]
        )
        bundle_button.click(lambda s: write_bundle(h.fresh_session(s, root)), [session], bundle)
        demo.load(partial(refresh_views, []), [session], views)
    return guard_events(demo)


def launch(
    demo: gr.Blocks,
    port: int = 7860,
    host: str = "127.0.0.1",
    share: bool = False,
    auth: tuple[str, str] | None = None,
    root: str | None = None,
    concurrency: int = 2,
) -> None:
    root = root or sessions_root()
    demo.queue(default_concurrency_limit=concurrency, max_size=32)
    demo.launch(
        server_name=host,
        server_port=port,
        share=share,
        auth=auth,
        prevent_thread_lock=True,
        **launch_options(demo, root),
    )
    warm_request_path(demo.local_url, auth)
    demo.block_thread()


def launch_options(demo: gr.Blocks, root: str) -> dict:
    """What `Blocks.launch` is told about files and what wraps its routes: the sessions folder is never served by
    path and uploads are refused (`ui.file_serving`), and one address cannot fill the queue (`ui.job_limits`)."""
    middleware = [file_middleware(root), Middleware(QueueJoinGuard, blocks=demo)]
    return {**file_options(root), "app_kwargs": {"middleware": middleware}}


def warm_request_path(url: str, auth: tuple[str, str] | None) -> None:
    """Ask the new server one cheap question (where the models sit): Gradio's first request after launch costs about
    0.3 s more than the next, and a program's first call should not pay it (a browser's page load already does)."""
    from gradio_client import Client

    try:
        Client(url, verbose=False, auth=auth).predict(api_name="/models")
    except Exception as err:  # a warm-up must never stop the studio
        print(f"warm-up of the request path failed: {err}", flush=True)
