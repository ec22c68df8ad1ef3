"""The one registry of summarisation strategies: name, label, what each needs, where it lives.

Everything that asks "which strategies are there, what are they called, which models do
they need" reads this table: config validation, the Pipeline (which models to load and to
key the stage cache on), the reports and the web app.  Following sacrebleu's metric
registry, each entry names its implementation by dotted path, imported only when the
strategy runs, so reading the table never imports numpy or torch.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.errors import ConfigError

if TYPE_CHECKING:
    from summarize.strategies.base import Strategy

# What a strategy can need, and the config key of the model that provides it.
NEED_KEYS: dict[str, str] = {
    "translation": "translation.engine",
    "summarizer": "summarization.summarizer",
    "cross_lingual": "summarization.cross_lingual",
    "embeddings": "embeddings",
}
# The same needs in words, for the messages that say what a config lacks.
NEED_WORDS: dict[str, str] = {
    "translation": "a translation model",
    "summarizer": "a summariser model",
    "cross_lingual": "a cross-lingual summariser model",
    "embeddings": "a sentence embedder",
}


@dataclass(frozen=True)
class StrategyInfo:
    """One strategy: its config name, the label people read, its needs, its class."""

    name: str
    label: str
    needs: tuple[str, ...]  # keys of NEED_KEYS
    impl: str  # "module:Class", imported lazily
    description: str = ""

    def model_keys(self) -> list[str]:
        """Config keys of the models this strategy uses."""
        return [NEED_KEYS[n] for n in self.needs]

    def load(self) -> type[Strategy]:
        """The strategy's class (its module is imported now, not before)."""
        module, _, attr = self.impl.partition(":")
        cls: type[Strategy] = getattr(importlib.import_module(module), attr)
        return cls


STRATEGIES: dict[str, StrategyInfo] = {
    info.name: info
    for info in (
        StrategyInfo(
            "extractive",
            "Extractive",
            ("embeddings",),
            "summarize.strategies.extractive:ExtractiveStrategy",
            "the article's most central sentences, in Hindi (no generator)",
        ),
        StrategyInfo(
            "translate-then-summarize",
            "Translate → summarize",
            ("translation", "summarizer", "embeddings"),
            "summarize.strategies.translate_then_summarize:TranslateThenSummarize",
            "translate the article, then summarise the English text",
        ),
        StrategyInfo(
            "summarize-then-translate",
            "Summarize → translate",
            ("translation", "summarizer", "embeddings"),
            "summarize.strategies.summarize_then_translate:SummarizeThenTranslate",
            "summarise the Hindi article, then translate the summary",
        ),
        StrategyInfo(
            "cross-lingual",
            "Cross-lingual",
            ("cross_lingual", "embeddings"),
            "summarize.strategies.cross_lingual:CrossLingual",
            "one model reads Hindi and writes an English summary",
        ),
    )
}
STRATEGY_NAMES: tuple[str, ...] = tuple(STRATEGIES)


def strategy_info(name: str) -> StrategyInfo:
    """The registry entry of ``name``; an unknown name is a ConfigError listing the allowed ones."""
    try:
        return STRATEGIES[name]
    except KeyError:
        raise ConfigError(
            f"unknown strategy '{name}'; allowed: {', '.join(STRATEGY_NAMES)}"
        ) from None


def create_strategy(name: str) -> Strategy:
    """An instance of the strategy called ``name`` (a ConfigError for an unknown name)."""
    return strategy_info(name).load()()


def strategy_label(name: str) -> str:
    """The label people read for a strategy (the name itself for one we do not know)."""
    info = STRATEGIES.get(name)
    return info.label if info else name


__all__ = [
    "NEED_KEYS",
    "NEED_WORDS",
    "STRATEGIES",
    "STRATEGY_NAMES",
    "StrategyInfo",
    "create_strategy",
    "strategy_info",
    "strategy_label",
]
