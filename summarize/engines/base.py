"""The one interface of every text-to-text backend, written once as a template.

Translation and summarisation are both text-to-text, so every backend (transformers
seq2seq, IndicTrans2, CTranslate2) is an :class:`Engine`.  As in sacrebleu's
``metrics/base.py``, the public method is written once over small steps that each backend
fills in::

    generate(texts) = prepare -> plan batches by token budget -> generate each batch -> finish

:meth:`Engine.generate` owns the order-keeping batching (:mod:`summarize.engines.batching`),
so callers (:mod:`summarize.translate`, the summarisation strategies) pass all their texts
in one call.  The constructor, the settings every engine shares, lazy loading, the model
directory and the process-wide model cache live here too; a backend implements ``_load``,
``_generate_batch`` and ``count_tokens``, and overrides ``_prepare`` / ``_finish`` /
``budget`` / ``generation_kwargs`` where it needs to.

What an engine accepts (dtypes, ``options``) is declared in :mod:`summarize.engines.registry`
and checked by the constructor.  Loaded weights are cached per process by key
((engine, model, device, dtype, ...)) so a second :class:`~summarize.pipeline.Pipeline` (or
a second user of the web app) reuses them.
"""

from __future__ import annotations

import importlib
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Generic, Protocol, TypeVar, cast

from summarize.engines.batching import run_batched
from summarize.engines.hub import hub_offline, is_gated_error, resolve_model_dir
from summarize.engines.registry import EMBEDDER_REGISTRY, ENGINES, EngineInfo, engine_info
from summarize.errors import ConfigError

# --- the defaults every engine shares (the config's defaults are these) -------------------

BATCH_TOKENS = 2048  # padded source tokens per batch (inputs sorted by length)
WINDOW = 512  # input tokens a model sees when neither the config nor the tokenizer says
# Decoding when the settings say nothing: the config's GenerationSpec defaults.  Published
# per-model settings (IndicTrans2: 5 beams; XL-Sum: 4 beams, max_length 84) live in configs/.
GENERATION_DEFAULTS: dict[str, int] = {"num_beams": 4, "max_length": 256}

# Keys of GenerationSpec that map 1:1 onto transformers' generate() arguments.
GENERATION_KEYS = (
    "num_beams",
    "max_length",
    "min_length",
    "max_new_tokens",
    "no_repeat_ngram_size",
    "length_penalty",
    "repetition_penalty",
    "early_stopping",
)

ProgressFn = Callable[[int, int], None]
UnitT = TypeVar("UnitT")
PartT = TypeVar("PartT")
EngineT = TypeVar("EngineT", bound="Engine[Any]")


def generate_kwargs(settings: Mapping[str, Any]) -> dict[str, Any]:
    """transformers ``generate()`` keyword arguments from generation settings.

    Deterministic decoding always; beam-only settings are dropped for greedy search
    (transformers warns about them); ``max_new_tokens`` wins over ``max_length``; any other
    non-None key (e.g. ``suppress_tokens``) is passed through.
    """
    kwargs: dict[str, Any] = {
        k: settings[k] for k in GENERATION_KEYS if settings.get(k) is not None
    }
    if kwargs.get("max_new_tokens") is not None:
        kwargs.pop("max_length", None)
    kwargs["do_sample"] = False
    if kwargs.get("num_beams", 1) == 1:
        kwargs.pop("early_stopping", None)
        kwargs.pop("length_penalty", None)
    for key, value in settings.items():
        if key not in GENERATION_KEYS and key not in kwargs and value is not None:
            kwargs[key] = value
    return kwargs


class Engine(ABC, Generic[UnitT]):
    """Base class of the text-to-text backends (see the module docstring).

    The constructor takes the keys of a config engine section as keyword arguments;
    ``options`` of the section arrive as further keyword arguments, which a backend takes
    in its own signature.  Anything left over is an unknown option: a
    :class:`~summarize.errors.ConfigError` naming it, the engine and the allowed options.
    ``UnitT`` is what one input becomes after :meth:`_prepare` (the text itself unless a
    backend prepares more).
    """

    name: ClassVar[str] = ""
    max_batch_examples: int | None = None  # at most this many inputs per batch, if set

    def __init__(
        self,
        model: str,
        *,
        device: str = "cpu",
        dtype: str | None = None,
        generation: Mapping[str, Any] | None = None,
        max_input_tokens: int | None = None,
        config_key: str | None = None,
        tokenizer: str | None = None,
        src_lang: str | None = None,
        tgt_lang: str | None = None,
        batch_tokens: int = BATCH_TOKENS,
        **options: object,
    ) -> None:
        info = self.info()
        info.check(dtype, options, tokenizer=tokenizer, where=config_key)
        self.model_id = model
        self.device = device
        self.dtype = dtype or info.default_dtype
        self.generation: dict[str, Any] = dict(generation or {})
        self.max_input_tokens = max_input_tokens
        self.config_key = config_key
        self.tokenizer_id = tokenizer
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.batch_tokens = int(batch_tokens)
        self._model_dir: Path | None = None
        self._tokenizer_dir: Path | None = None
        self._parts: dict[str, object] = {}

    @classmethod
    def info(cls) -> EngineInfo:
        """This engine's declaration in the registry (unregistered fakes: torch dtypes, no options)."""
        return ENGINES.get(cls.name) or EngineInfo(cls.name, f"{cls.__module__}:{cls.__qualname__}")

    # --- the template ------------------------------------------------------------------

    def generate(
        self, texts: Sequence[str], *, progress: ProgressFn | None = None, **overrides: Any
    ) -> list[str]:
        """One output per input text, in order.  ``overrides`` update the generation settings.

        Inputs are batched by :meth:`budget` (padded tokens), longest first, and
        :attr:`parallel_batches` batches run at once; ``progress(done, total)`` is called
        after each batch.
        """
        texts = list(texts)
        if not texts:
            return []
        settings = self.generation_kwargs(**overrides)
        units, lengths = self._prepare(texts)
        outputs = run_batched(
            units,
            lengths,
            self.budget(settings),
            lambda batch: self._generate_batch(batch, settings),
            max_batch=self.max_batch_examples,
            progress=progress,
            parallel=self.parallel_batches,
        )
        return self._finish(outputs)

    @property
    def parallel_batches(self) -> int:
        """How many batches this engine computes at once (1 unless the backend has workers)."""
        return 1

    def _prepare(self, texts: list[str]) -> tuple[Sequence[UnitT], list[int]]:
        """The units to generate from and their lengths in tokens (default: the texts)."""
        return cast("list[UnitT]", texts), self.count_tokens(texts)

    @abstractmethod
    def _generate_batch(self, batch: list[UnitT], settings: dict[str, Any]) -> list[str]:
        """Outputs of one batch of units, in order; ``settings`` from :meth:`generation_kwargs`."""

    def _finish(self, outputs: list[str]) -> list[str]:
        """Final outputs; by default whitespace runs collapsed (as XL-Sum's scoring does)."""
        return [" ".join(t.split()) for t in outputs]

    def budget(self, settings: Mapping[str, Any]) -> int:
        """Padded source tokens per batch."""
        return self.batch_tokens

    # --- settings ----------------------------------------------------------------------

    def settings(self, **overrides: Any) -> dict[str, Any]:
        """Generation settings: the shared defaults, the config's, then per-call overrides."""
        return {**GENERATION_DEFAULTS, **self.generation, **overrides}

    def generation_kwargs(self, **overrides: Any) -> dict[str, Any]:
        """The backend's decoding keyword arguments (default: transformers ``generate()``'s)."""
        return generate_kwargs(self.settings(**overrides))

    @abstractmethod
    def count_tokens(self, texts: list[str]) -> list[int]:
        """Number of model input tokens of each text (special tokens included)."""

    def window(self) -> int:
        """How many input tokens the model sees at most."""
        return int(self.max_input_tokens or WINDOW)

    def describe(self) -> str:
        return f"{self.name}:{self.model_id}"

    # --- loading -----------------------------------------------------------------------

    @property
    def model_dir(self) -> Path:
        """The local model directory (resolved once; :class:`ModelUnavailableError` if none)."""
        if self._model_dir is None:
            self._model_dir = self._resolve_model_dir()
        return self._model_dir

    def _resolve_model_dir(self) -> Path:
        return resolve_model_dir(self.model_id, self.config_key)

    def tokenizer_dir(self) -> Path:
        """Where the tokenizer lives: ``tokenizer:`` of the config, else the model directory."""
        if not self.tokenizer_id:
            return self.model_dir
        if self._tokenizer_dir is None:
            self._tokenizer_dir = resolve_model_dir(self.tokenizer_id, self.config_key)
        return self._tokenizer_dir

    def check(self) -> None:
        """Find the model (and tokenizer) as loading would, without loading any weights."""
        _ = self.model_dir
        if self.tokenizer_id:
            self.tokenizer_dir()

    def load(self: EngineT) -> EngineT:
        """Load the model and its text side now (they load on first use otherwise)."""
        self._load()
        return self

    @abstractmethod
    def _load(self) -> None:
        """Load every part the engine needs (each through :meth:`_part`)."""

    def _weights(self, load: Callable[[Path, str, str], PartT]) -> PartT:
        """The model weights, ``load(model_dir, device, dtype)``; shared per process by
        (engine, model, device, dtype)."""
        return self._part(
            "model",
            lambda: (self.name, str(self.model_id), self.device, self.dtype),
            lambda: load(self.model_dir, self.device, self.dtype),
        )

    def _part(
        self, what: str, key: Callable[[], tuple[Hashable, ...]], loader: Callable[[], PartT]
    ) -> PartT:
        """A loaded part (weights, tokenizer, codec), once per engine.

        Shared per process under ``key()`` (computed on the first use only, since it may
        resolve directories): engines with the same key get the same object.
        """
        if what not in self._parts:
            self._parts[what] = cached_load(key(), loader)
        return cast(PartT, self._parts[what])


# --- the registry: name -> class, imported on first use -----------------------------------


def import_dotted(dotted: str) -> Any:
    """The object a ``"module:attr"`` path names (the registry's lazy import)."""
    module, _, attr = dotted.partition(":")
    return getattr(importlib.import_module(module), attr)


def engine_class(name: str) -> type[Engine[Any]]:
    return cast("type[Engine[Any]]", import_dotted(engine_info(name).path))


def embedder_class(name: str) -> type:
    try:
        dotted = EMBEDDER_REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"Unknown embeddings engine '{name}'. Allowed: {', '.join(sorted(EMBEDDER_REGISTRY))}"
        ) from None
    return cast(type, import_dotted(dotted))


class ModelDump(Protocol):
    """A config section as pydantic gives it (``model_dump()`` -> its keys)."""

    def model_dump(self) -> dict[str, Any]: ...


def create_engine(
    spec: Mapping[str, Any] | ModelDump, config_key: str | None = None
) -> Engine[Any]:
    """Build an engine from a config engine section (a pydantic model or a dict).

    The section's keys map straight onto the engine's constructor; ``options`` are
    spread as further keyword arguments.
    """
    data = dict(spec) if isinstance(spec, Mapping) else spec.model_dump()
    # Unset keys fall back to the engine's own defaults (e.g. int8 for CTranslate2).
    data = {k: v for k, v in data.items() if v is not None}
    name = data.pop("engine")
    options = data.pop("options", None) or {}
    cls = engine_class(name)
    return cls(config_key=config_key, **data, **options)


# --- process-wide model cache ------------------------------------------------------------

_MODEL_CACHE: dict[tuple[Hashable, ...], Any] = {}
_MODEL_LOCKS: dict[tuple[Hashable, ...], threading.Lock] = {}
_CACHE_LOCK = threading.Lock()


def cached_load(key: tuple[Hashable, ...], loader: Callable[[], PartT]) -> PartT:
    """Return the object cached under ``key``, loading it once per process.

    Keyed by (engine, model, device, dtype, ...): a second Pipeline, or a second user of
    the app, gets the already-loaded weights.  Loads of different keys run concurrently;
    loads of the same key happen once.
    """
    with _CACHE_LOCK:
        if key in _MODEL_CACHE:
            return cast(PartT, _MODEL_CACHE[key])
        lock = _MODEL_LOCKS.setdefault(key, threading.Lock())
    with lock:
        if key not in _MODEL_CACHE:
            _MODEL_CACHE[key] = loader()
        return cast(PartT, _MODEL_CACHE[key])


def cache_size() -> int:
    return len(_MODEL_CACHE)


def clear_model_cache() -> None:
    with _CACHE_LOCK:
        _MODEL_CACHE.clear()
        _MODEL_LOCKS.clear()


__all__ = [
    "BATCH_TOKENS",
    "Engine",
    "GENERATION_DEFAULTS",
    "ProgressFn",
    "WINDOW",
    "cached_load",
    "create_engine",
    "embedder_class",
    "engine_class",
    "generate_kwargs",
    "ModelDump",
    "hub_offline",
    "import_dotted",
    "is_gated_error",
    "resolve_model_dir",
]
