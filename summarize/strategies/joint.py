"""Several strategies over the same articles: one engine call per model, not per strategy.

``translate-then-summarize`` and ``summarize-then-translate`` both write with the summariser
(mT5 XL-Sum).  Run one after the other, the model decodes the English inputs, then the
Hindi ones, each call in batches of one strategy's articles.  Here the strategies of a run
are put in :func:`groups` (those whose model is the same engine, in the order the run names
them), and :func:`summarize_group` fits every member's inputs, hands them all to the engine
in one ``generate`` call (batched by length within the engine's token budget, so on a
CTranslate2 engine with two workers both cores get a full batch), then lets each member
complete its own summaries (translation of the Hindi summaries, sentence splitting, the
faithfulness check).  A strategy without a generator (``extractive``) is a group of its own.

A group whose model does not read translations (``cross-lingual``; see
:func:`needs_translation`) can be generated while translation still runs
(:func:`generate_shared` in a thread, issue 13) and completed later with
``summarize_group(..., generated=...)``: the faithfulness check, which reads the translation,
runs then.

Outputs are what each strategy gives alone, up to the batch a text is decoded in: decoding
in a different batch can move a float by an ulp, as any change of batch size can.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarize.strategies.abstractive import AbstractiveStrategy
from summarize.strategies.base import Strategy, StrategyContext, Translations
from summarize.strategies.fit import FittedInput, abstractive_summaries
from summarize.strategies.registry import create_strategy
from summarize.types import ArticleSummary, CleanArticle

ProgressFn = Callable[[int, int], None]


@dataclass
class Request:
    """One strategy's share of a group: its articles (those not cached) and its context."""

    strategy: Strategy
    articles: list[CleanArticle]
    translations: Translations
    ctx: StrategyContext


def model_key(strategy: Strategy) -> str | None:
    """Config key of the model that writes the strategy's summaries (None: no generator)."""
    return strategy.config_key if isinstance(strategy, AbstractiveStrategy) else None


def groups(names: Sequence[str]) -> list[list[str]]:
    """``names`` in groups that share a writing model, each group where its first member is."""
    out: list[list[str]] = []
    by_model: dict[str, list[str]] = {}
    for name in names:
        key = model_key(create_strategy(name))
        if key is None:
            out.append([name])
        elif key in by_model:
            by_model[key].append(name)
        else:
            by_model[key] = [name]
            out.append(by_model[key])
    return out


@dataclass
class Generated:
    """One abstractive member's model outputs: what it saw of each article, what came out."""

    fitted: list[FittedInput]
    results: list[tuple[str, list[str]]]

    def take(self, rows: Sequence[int]) -> Generated:
        return Generated([self.fitted[r] for r in rows], [self.results[r] for r in rows])


def needs_translation(group: Sequence[str]) -> bool:
    """Whether a group's model reads translations (or has no model: extractive gives English)."""
    for name in group:
        strategy = create_strategy(name)
        if not isinstance(strategy, AbstractiveStrategy) or strategy.reads_translation:
            return True
    return False


def generate_shared(
    requests: Sequence[Request], progress: ProgressFn | None = None
) -> list[Generated]:
    """Fit every (abstractive) request's articles, then one engine call for all of them."""
    strategies: list[AbstractiveStrategy] = []
    for r in requests:
        if not isinstance(r.strategy, AbstractiveStrategy):
            raise ValueError(f"{r.strategy.name} has no model to share")
        strategies.append(r.strategy)
    keys = {s.config_key for s in strategies}
    if len(keys) != 1:
        raise ValueError(f"a group shares one model; these use {sorted(keys)}")
    engine = requests[0].ctx.engine(strategies[0].config_key)
    fitted = [
        s.prepare(r.articles, r.translations, r.ctx)
        for s, r in zip(strategies, requests, strict=True)
    ]
    flat = [f for fs in fitted for f in fs]
    results = abstractive_summaries(engine, flat, progress=progress)
    out, start = [], 0
    for fs in fitted:
        out.append(Generated(fs, results[start : start + len(fs)]))
        start += len(fs)
    return out


def summarize_group(
    requests: Sequence[Request],
    progress: ProgressFn | None = None,
    generated: Sequence[Generated] | None = None,
) -> list[list[ArticleSummary]]:
    """The summaries of each request, in order; abstractive members share one engine call.

    ``progress(done, total)`` reports the shared generation batch by batch.  ``generated``
    (one per request, from :func:`generate_shared` run earlier on the same articles) skips
    the generation: the members only complete and check their summaries.
    """
    out: list[list[ArticleSummary]] = [[] for _ in requests]
    shared: list[int] = []
    for k, r in enumerate(requests):
        if len(r.articles) != len(r.translations):
            raise ValueError("one translation (or None) per article is needed")
        if not r.articles:
            continue
        if isinstance(r.strategy, AbstractiveStrategy):
            shared.append(k)
        else:
            out[k] = r.strategy.summarize(r.articles, r.translations, r.ctx)
    if not shared:
        return out
    if generated is None:
        made = generate_shared([requests[k] for k in shared], progress)
    else:
        made = [generated[k] for k in shared]
    for k, gen in zip(shared, made, strict=True):
        r = requests[k]
        assert isinstance(r.strategy, AbstractiveStrategy)
        summaries = r.strategy.complete(r.articles, r.translations, gen.fitted, gen.results, r.ctx)
        r.strategy.check(summaries, r.articles, r.translations)
        out[k] = summaries
    return out


__all__ = [
    "Generated",
    "Request",
    "generate_shared",
    "groups",
    "model_key",
    "needs_translation",
    "summarize_group",
]
