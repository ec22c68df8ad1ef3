"""The one registry of summarisation strategies: name, label, what each needs, where it lives.

Everything that asks "which strategies are there, what are they called, which models do
they need" reads this table: config validation, the Pipeline (which models to load and to
key the stage cache on), the reports and the web app.  Following sacrebleu's metric
registry, each entry names its implementation by dotted path, imported only when the
strategy runs, so reading the table never imports numpy or torch.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarize.errors import ConfigError

# What a strategy can need, and the config key of the model that provides it.
NEED_KEYS: dict[str, str] = {
    "translation": "translation.engine",
    "summarizer": "summarization.summarizer",
    "cross_lingual": "summarization.cross_lingual",
    "embeddings": "embeddings",
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


def strategy_label(name: str) -> str:
    """The label people read for a strategy (the name itself for one we do not know)."""
    info = STRATEGIES.get(name)
    return info.label if info else name


__all__ = [
    "NEED_KEYS",
    "STRATEGIES",
    "STRATEGY_NAMES",
    "StrategyInfo",
    "strategy_info",
    "strategy_label",
]
