"""Fitting a long article into a model's input window, and summarising what was fitted.

mT5 sees 512 input tokens, and many articles are longer.  Nothing is truncated silently:
:func:`fit_input` picks what the model sees, by ``summarization.input_fit``:

* ``extract-then-abstract`` -- the salient sentences that fit the window
  (:func:`summarize.salience.rank_for_window`: centrality + MMR order, taken while the token
  count stays within the window), checked with the engine's own ``count_tokens`` on the
  joined text and given to the model in document order;
* ``chunk`` -- consecutive sentences in chunks that fit, each summarised, the chunk summaries
  then summarised together (recursively, while they do not fit): chunk-summarise-merge.

The sentences the model saw are recorded (:attr:`FittedInput.used`) and what it did not see
is said in :attr:`FittedInput.note`.  A single sentence longer than the window is cut into
pieces at word boundaries (and the note says so).  :func:`abstractive_summaries` batches
generation across articles: one ``generate`` call per round, not one per article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarize.errors import ConfigError

if TYPE_CHECKING:
    from summarize.engines.base import Engine

Index = tuple[int, int]  # (paragraph, sentence)
# select(texts, token_counts, budget) -> indices of the chosen sentences, in document order
Selector = Callable[[list[str], list[int], int], list[int]]


@dataclass
class Doc:
    """One article as a model input: its sentences, their indices, and what salience reads."""

    sentences: list[str]
    index: list[Index]
    salience_texts: list[str] | None = None  # None: judged on ``sentences`` themselves


@dataclass
class Chunk:
    """One model input: its text and the (paragraph, sentence) indices it holds."""

    text: str
    used: list[Index]
    cut: list[Index] = field(default_factory=list)  # sentences cut into pieces to fit


@dataclass
class FittedInput:
    chunks: list[Chunk]
    note: str  # what the model did not see, and why; "" when it saw everything whole

    @property
    def used(self) -> list[Index]:
        seen: list[Index] = []
        for c in self.chunks:
            for i in c.used:
                if i not in seen:
                    seen.append(i)
        return seen


def join_sentences(sentences: Iterable[str]) -> str:
    return " ".join(s.strip() for s in sentences if s.strip())


def split_to_fit(text: str, engine: Engine, window: int) -> list[str]:
    """Cut ``text`` at word boundaries into pieces of at most ``window`` tokens each."""
    words = text.split()
    pieces: list[str] = []
    start = 0
    while start < len(words):
        lo, hi = start + 1, len(words)
        # the largest end such that words[start:end] fits (at least one word per piece)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if engine.count_tokens([" ".join(words[start:mid])])[0] <= window:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(" ".join(words[start:lo]))
        start = lo
    return pieces


def fit_input(
    sentences: Sequence[str],
    index: Sequence[Index],
    engine: Engine,
    mode: str,
    select: Selector | None = None,
    salience_texts: Sequence[str] | None = None,
) -> FittedInput:
    """Choose what ``engine`` sees of an article (see the module docstring).

    ``select(texts, token_counts, budget)`` returns the indices of the salient sentences
    that fit ``budget`` tokens, in document order (:func:`summarize.salience.rank_for_window`
    over embeddings of ``texts``); without it, the leading sentences that fit are taken.
    ``salience_texts`` (aligned with ``sentences``) are what salience is judged on when it is
    not the model input itself: the Hindi source of an English translation, so that every
    strategy picks the same sentences and nothing is embedded twice.
    """
    window = engine.window()
    judged = list(salience_texts) if salience_texts is not None else list(sentences)
    kept = [k for k, s in enumerate(sentences) if s.strip()]
    pairs = [(index[k], sentences[k]) for k in kept]
    if not pairs:
        return FittedInput([Chunk("", [])], "the article has no text")
    texts = [s for _, s in pairs]
    full = join_sentences(texts)
    if engine.count_tokens([full])[0] <= window:
        return FittedInput([Chunk(full, [i for i, _ in pairs])], "")
    if mode == "chunk":
        return _fit_chunks(pairs, engine.count_tokens(texts), engine, window)
    if mode != "extract-then-abstract":
        raise ConfigError(f"unknown input_fit '{mode}'; allowed: extract-then-abstract, chunk")
    rank_texts = [judged[k] for k in kept]
    chosen = _salient_within(texts, rank_texts, engine, window, select)
    total = len(pairs)
    if not chosen:
        return _first_piece(pairs, rank_texts, engine, window, select)
    note = (
        f"the article ({total} sentences) is longer than the model's {window}-token window; "
        f"the model saw the {len(chosen)} most salient sentences that fit, in document order, "
        f"and not the other {total - len(chosen)}"
    )
    used = [pairs[k][0] for k in chosen]
    return FittedInput([Chunk(join_sentences(texts[k] for k in chosen), used)], note)


def _salient_within(
    texts: list[str], rank_texts: list[str], engine: Engine, window: int, select: Selector | None
) -> list[int]:
    """Indices of the sentences to keep, whose joined text fits ``window``; [] if none fits."""
    # count_tokens includes the special tokens (mT5: </s>) once per text: count them once
    specials = engine.count_tokens([""])[0]
    counts = [max(c - specials, 0) for c in engine.count_tokens(texts)]
    budget = window - specials
    while budget > 0:
        chosen = list(select(rank_texts, counts, budget)) if select else _leading(counts, budget)
        if not chosen:
            return []
        # joining can tokenise differently from the parts: check the real input, shrink if over
        over = engine.count_tokens([join_sentences(texts[k] for k in chosen)])[0] - window
        if over <= 0:
            return chosen
        budget -= over
    return []


def _leading(counts: list[int], budget: int) -> list[int]:
    chosen, used = [], 0
    for k, c in enumerate(counts):
        if used + c > budget:
            break
        chosen.append(k)
        used += c
    return chosen


def _first_piece(
    pairs: list[tuple[Index, str]],
    rank_texts: list[str],
    engine: Engine,
    window: int,
    select: Selector | None,
) -> FittedInput:
    """No whole sentence fits: the first piece of the most salient sentence, said plainly."""
    # the single most salient sentence: a budget of one sentence of cost 1
    best = select(rank_texts, [1] * len(pairs), 1)[0] if select is not None else 0
    i, text = pairs[best]
    piece = split_to_fit(text, engine, window)[0]
    note = (
        f"the article ({len(pairs)} sentences) is longer than the model's {window}-token window "
        f"and no single sentence fits it; the model saw only the first part of sentence "
        f"{i[0] + 1}.{i[1] + 1}, cut at a word boundary"
    )
    return FittedInput([Chunk(piece, [i], cut=[i])], note)


def _fit_chunks(
    pairs: list[tuple[Index, str]], counts: list[int], engine: Engine, window: int
) -> FittedInput:
    chunks: list[Chunk] = []
    current: list[tuple[Index, str]] = []
    cut: list[Index] = []

    def close() -> None:
        if current:
            chunks.append(Chunk(join_sentences(s for _, s in current), [i for i, _ in current]))
            current.clear()

    for (i, s), n in zip(pairs, counts, strict=True):
        if n > window:
            close()
            cut.append(i)
            for piece in split_to_fit(s, engine, window):
                chunks.append(Chunk(piece, [i], cut=[i]))
            continue
        candidate = join_sentences([*(x for _, x in current), s])
        if current and engine.count_tokens([candidate])[0] > window:
            close()
        current.append((i, s))
    close()
    note = (
        f"the article is longer than the model's {window}-token window; it was summarised in "
        f"{len(chunks)} chunks of consecutive sentences, and the chunk summaries summarised together"
    )
    if cut:
        where = ", ".join(f"{p + 1}.{s + 1}" for p, s in cut)
        note += (
            f"; sentence(s) {where} longer than the window were cut into pieces at word boundaries"
        )
    return FittedInput(chunks, note)


def abstractive_summaries(
    engine: Engine,
    fitted: list[FittedInput],
    max_rounds: int = 4,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[str, list[str]]]:
    """Summarise each fitted article: one batched ``generate`` per round.

    Returns, per article, the final summary and the intermediate chunk summaries (empty when
    the article fitted in one chunk).  Chunk summaries that together exceed the window are
    chunked and summarised again, at most ``max_rounds`` times.  ``progress(done, total)``
    follows the first round's batches.
    """
    flat = [(a, c.text) for a, f in enumerate(fitted) for c in f.chunks]
    outputs = engine.generate([t for _, t in flat], progress=progress) if flat else []
    per_article: list[list[str]] = [[] for _ in fitted]
    for (a, _), out in zip(flat, outputs, strict=True):
        per_article[a].append(out.strip())
    finals: list[str | None] = [parts[0] if len(parts) == 1 else None for parts in per_article]
    intermediate = [list(parts) if len(parts) > 1 else [] for parts in per_article]
    current = {a: parts for a, parts in enumerate(per_article) if len(parts) > 1}
    window = engine.window()
    for _ in range(max_rounds):
        if not current:
            break
        inputs: list[tuple[int, str]] = []
        for a, parts in current.items():
            pieces = [((0, k), p) for k, p in enumerate(parts)]
            fit = _fit_chunks(pieces, engine.count_tokens(parts), engine, window)
            inputs.extend((a, c.text) for c in fit.chunks)
        outs = engine.generate([t for _, t in inputs])
        nxt: dict[int, list[str]] = {}
        for (a, _), out in zip(inputs, outs, strict=True):
            nxt.setdefault(a, []).append(out.strip())
        current = {}
        for a, parts in nxt.items():
            if len(parts) == 1:
                finals[a] = parts[0]
            else:
                current[a] = parts
    for a, parts in current.items():  # rounds exhausted: keep the chunk summaries in order
        finals[a] = " ".join(parts)
    return [(f or "", inter) for f, inter in zip(finals, intermediate, strict=True)]
