"""The one pipeline behind the CLI, the batch runner and the web app.

``Pipeline(config).run(inputs)`` takes articles (or paths/records to read them from) through
the stages ingest -> clean -> translate -> summarize (one step per strategy) -> merge and
returns a :class:`~summarize.types.RunResult`.  ``run_iter`` is the same run as a generator
that yields ``(stage, partial result)`` each time a stage finishes, so the app can show
results as they become ready; each stage is one method.

* Models are created on first use (:class:`~summarize.pipeline.models.Collaborators`, which
  the Pipeline is); a strategy step gets them through a
  :class:`~summarize.strategies.base.StrategyContext`.
* Every stage result is stored in the content-addressed :class:`~summarize.cache.Cache`
  under a key of :mod:`summarize.pipeline.keys`, so a rerun or a UI refresh reads it back
  and an interrupted run resumes where it stopped.
* A model that cannot be loaded raises :class:`~summarize.errors.ModelUnavailableError`
  with a message that names it; the pipeline never falls back to another model and never
  invents output.
* Progress is reported per stage and per article through ``progress(ProgressEvent)``; a
  ``threading.Event`` passed as ``cancel`` stops the run between two steps.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.cache import Cache
from summarize.config import Config, load_config
from summarize.errors import ConfigError, SummarizeError
from summarize.pipeline.keys import clean_key, merge_key, summary_key, translation_key
from summarize.pipeline.models import Collaborators
from summarize.strategies.base import ProgressFn, StrategyContext
from summarize.strategies.registry import create_strategy
from summarize.types import (
    Article,
    ArticleResult,
    ArticleSummary,
    CleanArticle,
    MergedSummary,
    RunResult,
    SkippedInput,
    TranslatedArticle,
)

# Stages in the order run_iter yields them; summarize yields one "summarize:<strategy>" each.
STAGES = ("ingest", "clean", "translate", "summarize", "merge", "done")

TRANSLATION_OFF_NOTICE = (
    "Translation is off in this config (translation.enabled: false): "
    "the summaries and the merged summary are in Hindi, and no English text is produced."
)


@dataclass
class ProgressEvent:
    """One progress report: ``done`` of ``total`` steps of ``stage`` (per article where it applies)."""

    stage: str
    done: int
    total: int
    article_id: str | None = None
    message: str = ""


ProgressCallback = Callable[[ProgressEvent], None]


class RunCancelled(SummarizeError):
    """The run was cancelled through its ``cancel`` event."""


def _ignore(event: ProgressEvent) -> None:
    return None


@dataclass
class _Run:
    """What the stages of one run share."""

    result: RunResult
    emit: ProgressCallback
    cancel: threading.Event | None
    articles: list[Article] = field(default_factory=list)
    cleaned: list[CleanArticle] = field(default_factory=list)
    translations: list[TranslatedArticle | None] = field(default_factory=list)

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise RunCancelled("the run was cancelled")


class Pipeline(Collaborators):
    """Articles in, :class:`RunResult` out (see the module docstring)."""

    def __init__(
        self,
        config: Config | str | Path | dict[str, Any] = "default",
        *,
        use_cache: bool | None = None,
        cache_dir: str | Path | None = None,
    ) -> None:
        super().__init__(load_config(config))
        enabled = self.config.cache.enabled if use_cache is None else use_cache
        self.cache = Cache(cache_dir or self.config.cache.dir, enabled=enabled)

    def _context(self, progress: ProgressFn | None = None) -> StrategyContext:
        """The collaborators a strategy step gets (built lazily, through this pipeline)."""
        spec = self.config.engine_spec("translation.engine")
        on = self.translation_on and spec is not None
        return StrategyContext(
            self.config.summarization,
            engine=self.engine,
            embedder=self.embedder,
            translate=self._translate_texts if on else None,
            translation_model=spec.model if on and spec is not None else "",
            embeddings_model=self.config.embeddings.model,
            progress=progress,
        )

    def _translate_texts(self, texts: list[str]) -> list[str]:
        return self.translator().translate_texts(texts)

    # --- running ----------------------------------------------------------------------------

    def run(
        self,
        inputs: Sequence[Article] | Sequence[str | Path],
        *,
        strategies: list[str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> RunResult:
        result: RunResult | None = None
        for _stage, partial in self.run_iter(
            inputs, strategies=strategies, progress=progress, cancel=cancel
        ):
            result = partial
        assert result is not None
        return result

    def run_iter(
        self,
        inputs: Sequence[Article] | Sequence[str | Path],
        *,
        strategies: list[str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[tuple[str, RunResult]]:
        strategies = self.resolve_strategies(strategies)
        t_start = time.perf_counter()
        result = RunResult(
            articles=[],
            merged=None,
            config=self.config.model_dump(mode="json"),
            models=self.model_ids(),
        )
        if not self.translation_on:
            result.notices.append(TRANSLATION_OFF_NOTICE)
        run = _Run(result, progress or _ignore, cancel)
        yield from self._stage_ingest(run, inputs)
        yield from self._stage_clean(run)
        yield from self._stage_translate(run)
        for strategy in strategies:
            yield from self._stage_summarize(run, strategy)
        yield from self._stage_merge(run)
        result.timings["total"] = time.perf_counter() - t_start
        run.emit(ProgressEvent("done", 1, 1))
        yield "done", result

    # --- the stages of run_iter ---------------------------------------------------------------

    def _stage_ingest(self, run: _Run, inputs: Sequence[Any]) -> Iterator[tuple[str, RunResult]]:
        t0 = time.perf_counter()
        run.articles, errors = self.ingest(inputs)
        run.result.errors.extend(errors)
        run.result.timings["ingest"] = time.perf_counter() - t0
        n = len(run.articles)
        run.emit(ProgressEvent("ingest", n, n, message=f"{n} article(s)"))
        yield "ingest", run.result
        run.check_cancel()

    def _stage_clean(self, run: _Run) -> Iterator[tuple[str, RunResult]]:
        t0 = time.perf_counter()
        for n, article in enumerate(run.articles, 1):
            run.check_cancel()
            try:
                run.cleaned.append(self._clean(article))
            except SummarizeError as exc:
                error = SkippedInput(article.source, f"article {article.id}", str(exc))
                run.result.errors.append(error)
            run.emit(ProgressEvent("clean", n, len(run.articles), article.id))
        run.result.articles = [ArticleResult(article=c) for c in run.cleaned]
        run.translations = [None] * len(run.cleaned)
        run.result.timings["clean"] = time.perf_counter() - t0
        yield "clean", run.result

    def _stage_translate(self, run: _Run) -> Iterator[tuple[str, RunResult]]:
        if not (self.translation_on and run.cleaned):
            return
        run.check_cancel()
        t0 = time.perf_counter()
        run.translations = self._translate(run.cleaned, run.emit, run.check_cancel)
        for ar, tr in zip(run.result.articles, run.translations, strict=True):
            ar.translation = tr
        run.result.timings["translate"] = time.perf_counter() - t0
        yield "translate", run.result

    def _stage_summarize(self, run: _Run, strategy: str) -> Iterator[tuple[str, RunResult]]:
        run.check_cancel()
        t0 = time.perf_counter()
        summaries = self._summarize(strategy, run.cleaned, run.translations, run.emit)
        for ar, s in zip(run.result.articles, summaries, strict=True):
            ar.summaries.append(s)
        run.result.timings[f"summarize:{strategy}"] = time.perf_counter() - t0
        yield f"summarize:{strategy}", run.result

    def _stage_merge(self, run: _Run) -> Iterator[tuple[str, RunResult]]:
        if not run.cleaned:
            return
        run.check_cancel()
        t0 = time.perf_counter()
        run.emit(ProgressEvent("merge", 0, 1, message="merging the sources"))
        run.result.merged = self._merge(run.cleaned, run.translations)
        run.emit(ProgressEvent("merge", 1, 1))
        run.result.timings["merge"] = time.perf_counter() - t0
        yield "merge", run.result

    # --- the work of each stage, through the cache -------------------------------------------

    def ingest(
        self, inputs: Sequence[Any], fields: Mapping[str, str] | None = None
    ) -> tuple[list[Article], list[SkippedInput]]:
        """Articles of ``inputs``; ``fields`` names other record fields for the text, id,
        title, date (``{"text": "body"}``: :class:`~summarize.ingest.records.Records`)."""
        from summarize.ingest.ids import with_unique_ids

        articles: list[Article] = [a for a in inputs if isinstance(a, Article)]
        others = [x for x in inputs if not isinstance(x, Article)]
        errors: list[SkippedInput] = []
        if others:
            from summarize.ingest import read_articles

            read, errors = read_articles(others, fields=fields, fetch=self.config.fetch)
            articles.extend(read)
        # ids are unique within one read; articles given as objects and several reads can
        # still share one, and the merged summary attributes sentences by id
        return with_unique_ids(articles), list(errors)

    def clean(self, article: Article) -> CleanArticle:
        """One article cleaned with this pipeline's config, through the stage cache."""
        return self._clean(article)

    def _clean(self, article: Article) -> CleanArticle:
        from summarize.clean import clean_article

        key = clean_key(self.config, article)
        hit = self.cache.get("clean", key, CleanArticle)
        if hit is not None:
            return hit
        # the configured embedder judges another story after a boundary line (issue 15)
        embedder = self.embedder() if self.config.clean.topic_check else None
        cleaned = clean_article(article, self.config.clean, embedder)
        self.cache.put("clean", key, cleaned)
        return cleaned

    def _translate(
        self, cleaned: list[CleanArticle], emit: ProgressCallback, check_cancel: Callable[[], None]
    ) -> list[TranslatedArticle | None]:
        keys = [translation_key(self.config, c) for c in cleaned]
        out: list[TranslatedArticle | None] = [
            self.cache.get("translate", k, TranslatedArticle) for k in keys
        ]
        todo = [i for i, t in enumerate(out) if t is None]
        done = len(cleaned) - len(todo)
        emit(
            ProgressEvent(
                "translate", done, len(cleaned), message=f"{done} from the cache" if done else ""
            )
        )
        # One article per call: an interrupted run keeps what it finished, and progress is per article.
        for i in todo:
            check_cancel()
            (tr,) = self.translator().translate_articles([cleaned[i]])
            self.cache.put("translate", keys[i], tr)
            out[i] = tr
            done += 1
            emit(ProgressEvent("translate", done, len(cleaned), cleaned[i].id))
        return out

    def _summarize(
        self,
        strategy: str,
        cleaned: list[CleanArticle],
        translations: list[TranslatedArticle | None],
        emit: ProgressCallback,
    ) -> list[ArticleSummary]:
        stage = f"summarize:{strategy}"
        keys = [
            summary_key(self.config, strategy, c, t)
            for c, t in zip(cleaned, translations, strict=True)
        ]
        out: list[ArticleSummary | None] = [
            self.cache.get("summarize", k, ArticleSummary) for k in keys
        ]
        todo = [i for i, s in enumerate(out) if s is None]
        done = len(cleaned) - len(todo)
        emit(
            ProgressEvent(
                stage, done, len(cleaned), message=f"{done} from the cache" if done else ""
            )
        )
        if todo:

            def step(n: int, total: int, article_id: str | None = None) -> None:
                emit(ProgressEvent(stage, done + n, len(cleaned), article_id))

            fresh = create_strategy(strategy).summarize(
                [cleaned[i] for i in todo], [translations[i] for i in todo], self._context(step)
            )
            for i, s in zip(todo, fresh, strict=True):
                self.cache.put("summarize", keys[i], s)
                out[i] = s
        return [s for s in out if s is not None]

    def _merge(
        self, cleaned: list[CleanArticle], translations: list[TranslatedArticle | None]
    ) -> MergedSummary:
        from summarize.merge import merge_articles

        mc = self.config.merge
        fuse = None
        if mc.fusion == "abstractive":
            if self.config.summarization.summarizer is None:
                raise ConfigError("merge.fusion: abstractive needs `summarization.summarizer`")
            fuse = self._fuse
        from summarize.merge.coverage import coverage_table

        key = merge_key(self.config, cleaned, translations)
        merged = self.cache.get("merge", key, MergedSummary)
        if merged is None:
            merged = merge_articles(
                cleaned,
                translations if self.translation_on else None,
                self.embedder(),
                mc,
                fuse=fuse,
            )
            self.cache.put("merge", key, merged)
        # derived from the merge (never cached apart): who covered what (issue 12)
        merged.coverage = coverage_table(merged, cleaned)
        return merged

    def _fuse(self, texts: list[str]) -> list[str]:
        return self.engine("summarization.summarizer").generate(texts)
