"""The web app's process-wide state: the configs on offer, one Pipeline per config, model checks.

Every browser session shares one :class:`AppState`: the configs found at startup (the one
the app was started with first, then the profiles of the config directory), one
:class:`~summarize.pipeline.Pipeline` per config (so each model loads once per process),
the cached model checks shown in the banner, and one cancel event per session.  Which
strategies a config can run comes from the strategy registry's needs
(:data:`summarize.strategies.registry.STRATEGIES`), never from a list of our own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from summarize.app import render
from summarize.app.banner import OFFLINE_CONFIG, can_run, missing_models_html
from summarize.config import CONFIG_DIR, Config, find_config, load_config
from summarize.errors import ConfigError, SummarizeError
from summarize.report.html import esc
from summarize.strategies.registry import NEED_KEYS, STRATEGIES
from summarize.types import Article, RunResult

if TYPE_CHECKING:
    from summarize.pipeline import ProgressEvent

log = logging.getLogger(__name__)

ConfigSource = str | Path | dict[str, Any] | Config


class AppPipeline(Protocol):
    """What the app needs of a pipeline (a :class:`~summarize.pipeline.Pipeline`, or a fake in tests)."""

    def check_models(self) -> Mapping[str, str | None]: ...

    def run_iter(
        self,
        inputs: Sequence[Article],
        *,
        strategies: list[str] | None = None,
        progress: Callable[[ProgressEvent], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[tuple[str, RunResult]]: ...


PipelineFactory = Callable[[Config], AppPipeline]


class StartupTask(Protocol):
    """Work that must finish before the startup config's models are checked: the Space's
    one-time conversion to CTranslate2 (:class:`summarize.app.space.FastSetup`).  It runs in
    the background model check of that config; the banner shows its progress meanwhile."""

    def run(self) -> None: ...

    def progress(self) -> str | None: ...  # what the banner says while it runs, else None

    def wait(self, seen: str | None, timeout: float) -> None: ...  # until progress != seen

    def problems(self) -> dict[str, str]: ...  # config key -> why its model is missing


# --- configs ----------------------------------------------------------------------------


@dataclass
class ConfigChoice:
    """A config in the dropdown: loaded, or the reason it could not be."""

    label: str
    config: Config | None
    error: str | None = None


def _label_for(source: ConfigSource) -> str:
    if isinstance(source, Config):
        return source.name
    if isinstance(source, dict):
        return str(source.get("name") or "custom")
    p = Path(source)
    return p.stem if p.suffix in {".yaml", ".yml"} else str(source)


def _resolved_path(source: ConfigSource) -> Path | None:
    """The file a named or path config comes from (None for a dict, a Config or a bad name)."""
    if isinstance(source, dict | Config):
        return None
    try:
        return find_config(source).resolve()
    except SummarizeError:
        return None


def discover_configs(
    initial: ConfigSource, configs_dir: Path = CONFIG_DIR
) -> tuple[str, dict[str, ConfigChoice]]:
    """The startup config (first) and the profiles in ``configs_dir``, by label."""
    choices: dict[str, ConfigChoice] = {}

    def add(label: str, source: ConfigSource) -> str:
        if label in choices:
            label = (
                f"{label} (given)" if isinstance(source, dict | Config) else f"{label} ({source})"
            )
        try:
            choices[label] = ConfigChoice(label, load_config(source))
        except SummarizeError as exc:
            choices[label] = ConfigChoice(label, None, str(exc))
        return label

    first = add(_label_for(initial), initial)
    initial_path = _resolved_path(initial)
    if configs_dir.is_dir():
        for path in sorted(configs_dir.glob("*.yaml")):
            if isinstance(initial, Config) and path.stem == first:
                continue  # a built config stands in for the file of its name (space.py)
            if initial_path is None or path.resolve() != initial_path:
                add(path.stem, path)
    return first, choices


def _has_model_for(cfg: Config, need: str) -> bool:
    """Whether ``cfg`` provides what a strategy ``need`` names (its NEED_KEYS config key is set)."""
    if need == "translation" and not cfg.translation.enabled:
        return False
    value: object = cfg
    for part in NEED_KEYS[need].split("."):
        value = getattr(value, part, None)
    return value is not None


def available_strategies(cfg: Config) -> list[str]:
    """The strategies this config has the models for, in registry order."""
    return [
        name
        for name, info in STRATEGIES.items()
        if all(_has_model_for(cfg, need) for need in info.needs)
    ]


def config_notices(cfg: Config) -> list[str]:
    """What the banner says about a config: its description, and that translation is off."""
    notes = []
    if cfg.description:
        notes.append(f"Config '{cfg.name}': {cfg.description}")
    if not cfg.translation.enabled:
        notes.append(
            "Translation is OFF in this config: you see the cleaned Hindi text and Hindi summaries, "
            "with no English translation. Choose a config with translation enabled (e.g. 'default') "
            "for English."
        )
    return notes


# --- the app state shared by all sessions ---------------------------------------------------


def default_pipeline_factory(cfg: Config) -> AppPipeline:
    from summarize.pipeline import Pipeline

    return Pipeline(cfg)


@dataclass
class AppState:
    """Per-process state: configs, model checks, per-session cancel events."""

    choices: dict[str, ConfigChoice]
    initial: str
    pipeline_factory: PipelineFactory = default_pipeline_factory
    seeds: list[Path] = field(default_factory=list)
    startup: StartupTask | None = None  # run before the initial config's model check
    _pipelines: dict[str, AppPipeline] = field(default_factory=dict)
    _checks: dict[str, dict[str, str | None]] = field(default_factory=dict)
    _check_locks: dict[str, threading.Lock] = field(default_factory=dict)
    _cancels: dict[str, threading.Event] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def config(self, label: str | None) -> ConfigChoice:
        choice = self.choices.get(label or self.initial)
        if choice is None:
            return ConfigChoice(str(label), None, f"Unknown config '{label}'")
        return choice

    def pipeline(self, label: str) -> AppPipeline:
        """One Pipeline per config, shared by all sessions (its engines load once)."""
        choice = self.config(label)
        if choice.config is None:
            raise ConfigError(choice.error or f"config '{label}' cannot be loaded")
        with self._lock:
            if label not in self._pipelines:
                self._pipelines[label] = self.pipeline_factory(choice.config)
            return self._pipelines[label]

    def check_models(self, label: str) -> dict[str, str | None]:
        """Config key -> error message (None when the model is available); cached per config."""
        if self.config(label).config is None:
            return {}
        with self._lock:
            if label in self._checks:
                return self._checks[label]
            lock = self._check_locks.setdefault(label, threading.Lock())
        with lock:  # one check per config at a time; the others wait for its answer
            if label not in self._checks:
                self._checks[label] = self._run_check(label)
            return self._checks[label]

    def _run_check(self, label: str) -> dict[str, str | None]:
        startup = self.startup if label == self.initial else None
        if startup is not None:
            try:
                startup.run()
            except Exception:  # noqa: BLE001 - the app must start whatever fails here
                log.exception("startup task failed")
        try:
            checks = dict(self.pipeline(label).check_models())
        except SummarizeError as exc:
            return {"pipeline": str(exc)}
        except Exception as exc:  # noqa: BLE001 - the app must start whatever fails here
            log.exception("model check failed")
            return {"pipeline": f"{type(exc).__name__}: {exc}"}
        if startup is not None:  # why a model is missing, as the startup task knows it
            checks.update({k: m for k, m in startup.problems().items() if checks.get(k)})
        return checks

    def startup_progress(self, label: str) -> str | None:
        """The startup task's progress while it runs for this config (else None)."""
        if self.startup is None or label != self.initial:
            return None
        with self._lock:
            if label in self._checks:
                return None
        return self.startup.progress()

    def wait_startup(self, seen: str | None, timeout: float) -> None:
        """Until the startup task's progress is no longer ``seen`` (or ``timeout`` seconds)."""
        if self.startup is not None:
            self.startup.wait(seen, timeout)

    def cancel_event(self, session: str) -> threading.Event:
        """The session's cancel event; a fresh one when the last run was cancelled."""
        with self._lock:
            ev = self._cancels.get(session)
            if ev is None or ev.is_set():
                ev = self._cancels[session] = threading.Event()
            return ev

    def cancel(self, session: str) -> None:
        with self._lock:
            ev = self._cancels.get(session)
        if ev is not None:
            ev.set()


def offline_label(state: AppState) -> str | None:
    """The dropdown label of the offline config (the one-click alternative), if offered."""
    for label, choice in state.choices.items():
        if choice.config is not None and choice.config.name == OFFLINE_CONFIG:
            return label
    return None


def can_run_config(state: AppState, label: str) -> bool:
    """Whether Run can work with this config: it loads and none of its models is missing."""
    return state.config(label).config is not None and can_run(state.check_models(label))


def startup_banner_html(state: AppState, label: str, progress: str) -> str:
    """The banner while the startup task runs: its progress and the config's notices."""
    return banner_html(state, label, check=False) + (
        f'<div class="sm-msg sm-muted" id="sm-startup">{esc(progress)}</div>'
    )


def banner_html(state: AppState, label: str, *, check: bool = True) -> str:
    """The banner above the inputs: the config's notices and which of its models are missing."""
    choice = state.config(label)
    if choice.config is None:
        return render.render_messages(
            problems=[choice.error or f"Config '{label}' cannot be loaded"]
        )
    missing = state.check_models(label) if check else {}
    offline = offline_label(state) is not None
    html = missing_models_html(choice.config, missing, offline)  # one box for all of them
    if check and state.startup is not None and label == state.initial:
        html += render.render_messages(problems=state.startup.problems().values())
    html += render.render_messages(notices=config_notices(choice.config))
    if check and not any(missing.values()):
        models = ", ".join(f"{k}: {v}" for k, v in choice.config.models().items())
        html += f'<div class="sm-msg sm-ok">All models of this config are available ({esc(models)}).</div>'
    return html
