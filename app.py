"""The web app: ``python app.py [--config C] [--fast-setup] [--host H] [--port P]``.

Hugging Face Spaces runs this file (``app_file: app.py``).  Unset options come from the
environment as Spaces sets it: ``GRADIO_SERVER_NAME``, ``GRADIO_SERVER_PORT``, and
``SUMMARIZE_CONFIG`` (a name in ``configs/`` or a YAML path).  On a Space (``SPACE_ID``
set), with ``--fast-setup`` or ``SUMMARIZE_FAST_SETUP=1``, and no config chosen, the app
converts the recommended models to CTranslate2 int8 once (in the background) and serves
``fast-cpu`` (:mod:`summarize.app.space`); otherwise the config is ``default``.
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
        "--fast-setup",
        action="store_true",
        help="convert the recommended models to CTranslate2 int8 once (into "
        "SUMMARIZE_MODELS_DIR, /data/summarize-models or ~/.cache/summarize/models) and serve "
        "fast-cpu from them (env SUMMARIZE_FAST_SETUP=1; automatic on a Space)",
    )
    parser.add_argument(
        "--host", help="interface to bind (env GRADIO_SERVER_NAME; default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, help="port (env GRADIO_SERVER_PORT; default 7860)")
    args = parser.parse_args(argv)
    if args.fast_setup and args.config:
        parser.error("--fast-setup serves its own fast-cpu config; drop --config")
    return args


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
    from summarize.app.space import fast_setup_for

    try:
        setup = fast_setup_for(args.config, flag=args.fast_setup)
        if setup is not None:
            todo = len(setup.pending())
            what = f"converting {todo} in the background" if todo else "all converted"
            print(f"app.py: fast-cpu models in {setup.target} ({what})", file=sys.stderr)
        config = setup.config if setup is not None else args.config
        launch(config, host=args.host, port=args.port, startup=setup)
    except SummarizeError as exc:
        print(f"app.py: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
