"""Summarisation strategies: one file per strategy over one base class, one registry.

:mod:`.registry` is the table every other part reads (names, labels, needs); the strategy
classes are imported from it by dotted path only when a strategy runs.
"""

from summarize.strategies.registry import (
    STRATEGIES,
    STRATEGY_NAMES,
    StrategyInfo,
    strategy_info,
    strategy_label,
)

__all__ = ["STRATEGIES", "STRATEGY_NAMES", "StrategyInfo", "strategy_info", "strategy_label"]
