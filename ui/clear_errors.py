"""Every event of the app fails with a sentence, never Gradio's bare "Error".

`guard_events(demo)` wraps each registered function. Before it runs, text that cannot be stored (a lone surrogate,
which a raw API call can send) is refused with a sentence. When it fails, a full disk, a damaged database or an
unexpected bug reaches the page as a `gr.Error` notice carrying that sentence (the details of a bug go to the log);
a sentence the app already gave (`gr.Error`) passes unchanged.
"""

from __future__ import annotations

import functools
import inspect
import logging

import gradio as gr

from assistant.store_errors import DISK_FULL, StorageError, is_disk_full

log = logging.getLogger(__name__)

NOT_TEXT = (
    "Part of what was sent is not valid text (a lone surrogate character, U+{code:04X}); nothing was changed. "
    "Please send it again without that character."
)
UNEXPECTED = "Something went wrong on the server; nothing was lost. Please try again (the details are in its log)."


def lone_surrogate(value) -> int | None:
    """The code point of the first lone surrogate in a text (or in a list or dict of texts), else None."""
    if isinstance(value, str):
        return next((ord(c) for c in value if 0xD800 <= ord(c) <= 0xDFFF), None)
    if isinstance(value, (list, tuple)):
        return next((code for v in value if (code := lone_surrogate(v)) is not None), None)
    if isinstance(value, dict):
        return lone_surrogate(list(value.values()))
    return None


def sentence_for(err: BaseException) -> str:
    if isinstance(err, StorageError):
        return str(err)
    if is_disk_full(err):
        return DISK_FULL
    log.exception("an event of the app failed", exc_info=err)
    return UNEXPECTED


def _check_inputs(args, kwargs) -> None:
    code = lone_surrogate([*args, *kwargs.values()])
    if code is not None:
        raise gr.Error(NOT_TEXT.format(code=code))


def guarded(fn):
    """fn (plain or generator) with its inputs checked and its failures said in a sentence."""
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def stream(*args, **kwargs):
            _check_inputs(args, kwargs)
            try:
                yield from fn(*args, **kwargs)
            except gr.Error:
                raise
            except Exception as err:
                raise gr.Error(sentence_for(err)) from err

        return stream

    @functools.wraps(fn)
    def call(*args, **kwargs):
        _check_inputs(args, kwargs)
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except Exception as err:
            raise gr.Error(sentence_for(err)) from err

    return call


def guard_events(demo: gr.Blocks) -> gr.Blocks:
    """Wrap every function registered on the app (after its layout and events are built)."""
    for block_fn in demo.fns.values():
        if block_fn.fn is not None and not inspect.iscoroutinefunction(block_fn.fn):
            block_fn.fn = guarded(block_fn.fn)
    return demo
