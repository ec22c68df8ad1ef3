"""The web app: ``python app.py [--config C] [--host H] [--port P]``.

Hugging Face Spaces runs this file (``app_file: app.py``).  Unset options come from the
environment as Spaces sets it: ``GRADIO_SERVER_NAME``, ``GRADIO_SERVER_PORT``, and
``SUMMARIZE_CONFIG`` (a name in ``configs/`` or a YAML path; default ``default``).
See SPACES.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="app.py", description="Serve the summarize web app (Gradio)."
    )
    parser.add_argument(
        "--config",
        help="config name in configs/ or YAML path (env SUMMARIZE_CONFIG; default: default)",
    )
    parser.add_argument(
        "--host", help="interface to bind (env GRADIO_SERVER_NAME; default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, help="port (env GRADIO_SERVER_PORT; default 7860)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from summarize.errors import MissingDependencyError, SummarizeError

    try:
        from summarize.app.layout import launch
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in {"gradio", "gradio_client"}:
            print(f"app.py: {MissingDependencyError('gradio', 'app')}", file=sys.stderr)
            return 2
        raise
    try:
        launch(args.config, host=args.host, port=args.port)
    except SummarizeError as exc:
        print(f"app.py: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
