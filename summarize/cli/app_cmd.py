"""``summarize app``: serve the Gradio web app (the same as ``python app.py``)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from summarize.errors import MissingDependencyError


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "app",
        help="serve the web app (Gradio)",
        description="Serve the web app. Unset options come from SUMMARIZE_CONFIG, "
        "GRADIO_SERVER_NAME and GRADIO_SERVER_PORT, as on Hugging Face Spaces.",
    )
    p.add_argument("--config", help="config name in configs/ or YAML path (default: default)")
    p.add_argument("--host", help="interface to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default 7860)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        from summarize.app.layout import launch
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in {"gradio", "gradio_client"}:
            raise MissingDependencyError("gradio", "app") from None
        raise
    launch(args.config, host=args.host, port=args.port)
    return 0
