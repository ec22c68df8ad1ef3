"""The Gradio web app (``app.py``, ``summarize app``): a thin shell over the Pipeline.

* :mod:`summarize.app.render` turns results into escaped HTML fragments (no Gradio import);
* :mod:`summarize.app.state` holds what all sessions share (configs, pipelines, model checks);
* :mod:`summarize.app.runner` is the Run button (input limits, streaming, cancel);
* :mod:`summarize.app.layout` builds the Blocks and serves them (:func:`launch`).

Needs the ``app`` extra (``.venv/bin/pip install -e '.[app]'`` in a checkout); importing
this package does not import Gradio.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import gradio as gr

__all__ = ["build_app", "launch"]


def build_app(*args: Any, **kwargs: Any) -> gr.Blocks:
    """:func:`summarize.app.layout.build_app`, imported on first use (it imports Gradio)."""
    from summarize.app.layout import build_app as _build

    return _build(*args, **kwargs)


def launch(*args: Any, **kwargs: Any) -> gr.Blocks:
    """:func:`summarize.app.layout.launch`, imported on first use (it imports Gradio)."""
    from summarize.app.layout import launch as _launch

    return _launch(*args, **kwargs)
