"""The Gradio web app (``app.py``, ``summarize app``): a thin shell over the Pipeline.

:mod:`summarize.app.render` turns results into escaped HTML fragments (no Gradio import);
:mod:`summarize.app.ui` builds the Blocks and serves them.  Needs the ``app`` extra
(``pip install 'summarize[app]'``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_app", "launch"]


def build_app(*args: Any, **kwargs: Any) -> Any:
    from summarize.app.ui import build_app as _build

    return _build(*args, **kwargs)


def launch(*args: Any, **kwargs: Any) -> Any:
    from summarize.app.ui import launch as _launch

    return _launch(*args, **kwargs)
