"""The one pipeline behind the CLI, the batch runner and the web app.

``Pipeline(config).run(inputs)`` takes articles (or paths/records to read them from) through
the stages ingest -> clean -> translate -> summarize (one step per strategy) -> merge and
returns a :class:`~summarize.types.RunResult`.  ``run_iter`` is the same run as a generator
that yields ``(stage, partial result)`` each time a stage finishes, and ``("article", partial
result)`` each time one more article's cleaned text or translation exists, so the app shows
results as they become ready; each stage is one method.

Speed on a 2-core CPU (issue 13; ``benchmarks/pipeline.py``): the models of a cold run load in
a background thread while cleaning and translation compute (:meth:`Pipeline._preload`);
translation is one engine call for all articles after the first (which goes alone, to be shown
early); strategies that write with the same model share one engine call
(:mod:`summarize.strategies.joint`); a model that does not read translations (cross-lingual)
generates while translation runs (:class:`_Early`); and a CTranslate2 engine runs two
single-threaded batches at once (:mod:`summarize.engines.batching`).

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

import logging
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
from summarize.strategies.joint import (
    Generated,
    Request,
    generate_shared,
    model_key,
    needs_translation,
    summarize_group,
)
from summarize.strategies.joint import groups as strategy_groups
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
# Yielded within the clean and translate stages when one more article's cleaned text or
# translation exists (the app shows it at once); the stage itself is yielded when it ends.
ARTICLE = "article"

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
log = logging.getLogger(__name__)


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
    early: dict[tuple[str, ...], _Early] = field(default_factory=dict)

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise RunCancelled("the run was cancelled")


class _Early:
    """A group's generation started while translation runs, in a thread of its own.

    Only for models that do not read the translation (cross-lingual) and only where both that
    model and the translator run batches on CTranslate2 workers, which compute without the
    GIL: the group's batches then fill the cores whenever a translation batch leaves one
    idle.  The summaries are completed (faithfulness check against the translation, cache)
    in the group's own stage, in the run's order; an error here is left for that stage,
    which generates again and raises it in the run.
    """

    def __init__(self, requests: list[Request], indices: list[int]) -> None:
        self.requests = requests
        self.indices = indices  # the articles (positions in run.cleaned) it generates for
        self._stopped = threading.Event()
        self._result: list[Generated] | None = None
        self._thread = threading.Thread(target=self._work, name="summarize-early", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        def stop_between_batches(done: int, total: int) -> None:
            if self._stopped.is_set():
                raise RunCancelled("stopped")

        try:
            self._result = generate_shared(self.requests, progress=stop_between_batches)
        except Exception:  # noqa: BLE001 - the group's stage generates again and raises there
            log.debug("early generation failed; the stage will run it again", exc_info=True)

    def result(self) -> list[Generated] | None:
        self._thread.join()
        return self._result

    def stop(self) -> None:
        """No further batch (the run ended or was cancelled)."""
        self._stopped.set()


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
        self._preload(run, strategies)
        yield from self._stage_clean(run)
        groups = strategy_groups(strategies)
        self._start_early(run, groups)
        try:
            yield from self._stage_translate(run)
            for group in groups:
                yield from self._stage_summarize(run, group)
        finally:
            for early in run.early.values():
                early.stop()
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
                cleaned = self._clean(article)
            except SummarizeError as exc:
                error = SkippedInput(article.source, f"article {article.id}", str(exc))
                run.result.errors.append(error)
                cleaned = None
            run.emit(ProgressEvent("clean", n, len(run.articles), article.id))
            if cleaned is not None:
                run.cleaned.append(cleaned)
                run.translations.append(None)
                run.result.articles.append(ArticleResult(article=cleaned))
                if n < len(run.articles):
                    yield ARTICLE, run.result  # shown while the others are cleaned
        run.result.timings["clean"] = time.perf_counter() - t0
        yield "clean", run.result

    def _stage_translate(self, run: _Run) -> Iterator[tuple[str, RunResult]]:
        if not (self.translation_on and run.cleaned):
            return
        run.check_cancel()
        t0 = time.perf_counter()
        for done in self._translate_waves(
            run.cleaned, run.translations, run.emit, run.check_cancel
        ):
            for i in done:
                run.result.articles[i].translation = run.translations[i]
            if any(t is None for t in run.translations):
                yield ARTICLE, run.result
        run.result.timings["translate"] = time.perf_counter() - t0
        yield "translate", run.result

    def _stage_summarize(self, run: _Run, group: list[str]) -> Iterator[tuple[str, RunResult]]:
        """The strategies of one group (they share a model: one engine call), then a yield each."""
        run.check_cancel()
        t0 = time.perf_counter()
        early = run.early.pop(tuple(group), None)
        try:
            summaries = self._summarize(group, run.cleaned, run.translations, run.emit, early)
        finally:
            if early is not None:
                early.stop()  # when all was cached after all, its remaining batches are not run
        # a shared engine call is split evenly between the members: the timings still add up
        share = (time.perf_counter() - t0) / len(group)
        for strategy, per_article in zip(group, summaries, strict=True):
            for ar, s in zip(run.result.articles, per_article, strict=True):
                ar.summaries.append(s)
            run.result.timings[f"summarize:{strategy}"] = share
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

    def _start_early(self, run: _Run, groups: list[list[str]]) -> None:
        """Start the groups whose model does not read translations (see :class:`_Early`),
        for the articles whose translation is not cached (the others' summaries may be)."""
        if not (self.translation_on and run.cleaned):
            return
        if self.engine("translation.engine").parallel_batches < 2:
            return
        todo = [
            i
            for i, c in enumerate(run.cleaned)
            if not self.cache.has("translate", translation_key(self.config, c))
        ]
        if not todo:
            return
        for group in groups:
            if needs_translation(group):
                continue
            requests = [
                Request(
                    create_strategy(name),
                    [run.cleaned[i] for i in todo],
                    [None] * len(todo),
                    self._context(),
                )
                for name in group
            ]
            key = model_key(requests[0].strategy)
            if key is not None and self.engine(key).parallel_batches >= 2:
                run.early[tuple(group)] = _Early(requests, todo)

    def _preload(self, run: _Run, strategies: list[str]) -> None:
        """Start loading the run's generators in the background when the run will use them.

        A cold run (some article not in the clean cache, so nothing after it is either) loads
        the models of every selected strategy (:meth:`needed_models`), in the order the stages
        use them, while cleaning and translation compute.  A run whose cleaning is all cached
        loads nothing ahead: its stages load what they need when they miss the cache, and a
        fully cached rerun loads no model at all.
        """
        if any(not self.cache.has("clean", clean_key(self.config, a)) for a in run.articles):
            self.preload(self.needed_models(strategies))

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
        """The translation of each article, through the cache."""
        out: list[TranslatedArticle | None] = [None] * len(cleaned)
        for _ in self._translate_waves(cleaned, out, emit, check_cancel):
            pass
        return out

    def _translate_waves(
        self,
        cleaned: list[CleanArticle],
        out: list[TranslatedArticle | None],
        emit: ProgressCallback,
        check_cancel: Callable[[], None],
    ) -> Iterator[list[int]]:
        """Fill ``out`` with the translations of ``cleaned``; yield the indices done each wave.

        Cached articles come first.  Of the others, the first is translated alone, so that
        its translation can be shown within seconds, then all the rest in one engine call
        (batches planned over every sentence of those articles: with several CTranslate2
        workers, two batches of different articles run at once).  Each article is cached as
        soon as its wave ends, so an interrupted run keeps what it finished.
        """
        keys = [translation_key(self.config, c) for c in cleaned]
        hits = [self.cache.get("translate", k, TranslatedArticle) for k in keys]
        todo = [i for i, t in enumerate(hits) if t is None]
        cached = [i for i, t in enumerate(hits) if t is not None]
        for i in cached:
            out[i] = hits[i]
        done = len(cached)
        total = len(cleaned)
        emit(
            ProgressEvent(
                "translate", done, total, message=f"{done} from the cache" if done else ""
            )
        )
        if cached:
            yield cached
        for wave in (todo[:1], todo[1:]):
            if not wave:
                continue
            check_cancel()

            def batches(n: int, of: int, wave: list[int] = wave, done: int = done) -> None:
                check_cancel()  # stops between two batches
                names = cleaned[wave[0]].id if len(wave) == 1 else f"{len(wave)} articles"
                emit(
                    ProgressEvent("translate", done, total, message=f"{names}: {n}/{of} sentences")
                )

            translated = self.translator().translate_articles(
                [cleaned[i] for i in wave], progress=batches
            )
            for i, tr in zip(wave, translated, strict=True):
                self.cache.put("translate", keys[i], tr)
                out[i] = tr
                done += 1
                emit(ProgressEvent("translate", done, total, cleaned[i].id))
            yield wave

    def _summarize(
        self,
        group: list[str],
        cleaned: list[CleanArticle],
        translations: list[TranslatedArticle | None],
        emit: ProgressCallback,
        early: _Early | None = None,
    ) -> list[list[ArticleSummary]]:
        """Each strategy's summary of each article, through the cache; the strategies of
        ``group`` that miss it share one engine call (:mod:`summarize.strategies.joint`),
        or take the outputs of ``early`` for the articles it generated."""
        outs: list[list[ArticleSummary | None]] = []
        keys: list[list[str]] = []
        todos: list[list[int]] = []
        for strategy in group:
            stage = f"summarize:{strategy}"
            ks = [
                summary_key(self.config, strategy, c, t)
                for c, t in zip(cleaned, translations, strict=True)
            ]
            out: list[ArticleSummary | None] = [
                self.cache.get("summarize", k, ArticleSummary) for k in ks
            ]
            todo = [i for i, s in enumerate(out) if s is None]
            done = len(cleaned) - len(todo)
            emit(
                ProgressEvent(
                    stage, done, len(cleaned), message=f"{done} from the cache" if done else ""
                )
            )
            outs.append(out)
            keys.append(ks)
            todos.append(todo)
        made = early.result() if early is not None and any(todos) else None
        ready = set(early.indices) if early is not None and made is not None else set()
        first = f"summarize:{group[0]}"
        others = ", ".join(group[1:])
        note = f" (one model call, shared with {others})" if others else ""

        def generating(done: int, total: int) -> None:
            emit(
                ProgressEvent(first, 0, len(cleaned), message=f"batch: {done}/{total} inputs{note}")
            )

        # two passes: what the early generation made, then the rest (one shared call)
        for use_early in (True, False):
            parts = [[i for i in todo if (i in ready) == use_early] for todo in todos]
            if not any(parts):
                continue
            requests = [
                Request(
                    create_strategy(strategy),
                    [cleaned[i] for i in part],
                    [translations[i] for i in part],
                    self._context(
                        self._step(
                            f"summarize:{strategy}", len(cleaned) - len(todo), len(cleaned), emit
                        )
                    ),
                )
                for strategy, part, todo in zip(group, parts, todos, strict=True)
            ]
            generated = None
            if use_early:
                assert early is not None and made is not None
                generated = [
                    gen.take([early.indices.index(i) for i in part])
                    for gen, part in zip(made, parts, strict=True)
                ]
            fresh = summarize_group(requests, progress=generating, generated=generated)
            for out, ks, part, summaries in zip(outs, keys, parts, fresh, strict=True):
                for i, s in zip(part, summaries, strict=True):
                    self.cache.put("summarize", ks[i], s)
                    out[i] = s
        return [[s for s in out if s is not None] for out in outs]

    @staticmethod
    def _step(stage: str, done: int, total: int, emit: ProgressCallback) -> ProgressFn:
        def step(n: int, _total: int, article_id: str | None = None) -> None:
            emit(ProgressEvent(stage, done + n, total, article_id))

        return step

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
