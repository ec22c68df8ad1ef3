"""Summarisation strategies: one file per strategy over one base class, one registry.

:mod:`.registry` is the table every other part reads (names, labels, needs); the strategy
classes are imported from it by dotted path only when a strategy runs, so importing this
package (as :mod:`summarize.config` does) stays light.  The pieces: :mod:`.base` (the
``Strategy`` template and its ``StrategyContext``), :mod:`.fit` (fitting long articles into
a model's window), :mod:`.select` (salient sentences), :mod:`.abstractive` and one module
per strategy.
"""

from summarize.strategies.registry import (
    NEED_KEYS,
    NEED_WORDS,
    STRATEGIES,
    STRATEGY_NAMES,
    StrategyInfo,
    create_strategy,
    strategy_info,
    strategy_label,
)

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
