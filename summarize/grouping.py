"""Automatic event grouping of an article stream (``--group-by auto``).

A feed holds many stories at once; a multi-source summary needs the articles of one story.
This module groups a stream into events by online clustering in the spirit of Miranda et
al., "Multilingual Clustering of Streaming News" (EMNLP 2018): one pass over the articles in
publication order; each article joins the most similar *live* event or starts a new one.
There is no fixed number of events, and an event of one article is kept like any other.

Similarity of an article to an event (:func:`event_similarity`), in [0, 1]-ish:

* ``embedding``: cosine of the article's multilingual embedding (the configured embedder,
  e5 ``query:`` prefix, of title + lead) with the event's centroid (mean of its members'
  unit vectors).  This is what makes a Hindi and an English article about one event meet.
* ``numbers``: the best overlap coefficient (``|A & B| / min(|A|, |B|)``) between the
  article's numbers and a member's (:func:`summarize.lang.numbers.extract_numbers` and number
  words, so ``२७४``, ``274`` and ``दो सौ`` compare equal across languages and scripts; years
  left out, they say when, not what).  Numbers are the entities that cross languages.
* ``words``: the same over content stems of title + lead
  (:func:`summarize.lang.numbers.content_stems`, which include the names: Hindi has no
  capitals to find names by, so every content word counts; within one language only).
  Shared specifics separate look-alikes (the same leaders, a different summit).
* ``score = embedding + NUMBER_WEIGHT * numbers + WORD_WEIGHT * words``; an article joins
  the best-scoring live event when ``score >= threshold``, else it starts a new event.
* Time: an event whose time (``window_from``: its first, mean or newest member's) is more
  than ``window_days`` older than the article is stale and cannot be joined; articles
  without a date ignore the window, and so do events without a dated member.

Stability: the order is (publication time, article id), never the order of the files, so
the same articles in any file order give the same events; an event's id is made from its
first member (``ev-<date>-<hash>``), so adding later articles extends events and never
renumbers them.  Every member records the similarity that put it there
(:class:`Membership`), written to ``events.jsonl``.

The weights and the threshold were chosen on the labelled mixture in ``tests/data/events/``
(see ``benchmarks/grouping.py`` for how, and for the held-out check).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import numpy as np

from summarize.engines.embeddings import Embedder
from summarize.errors import SummarizeError
from summarize.lang.dates import iso_datetime
from summarize.lang.numbers import content_stems, extract_numbers, word_numbers
from summarize.types import Article, CleanArticle

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "NUMBER_WEIGHT",
    "WORD_WEIGHT",
    "Event",
    "GroupingOptions",
    "Membership",
    "StreamGrouper",
    "anchors",
    "group_stream",
    "lead_text",
]

DEFAULT_THRESHOLD = 0.84
NUMBER_WEIGHT = 0.0
WORD_WEIGHT = 0.0
DEFAULT_WINDOW_DAYS = 2.0
DEFAULT_WINDOW_FROM = "mean"
WINDOW_FROM = ("first", "mean", "last")
LEAD_SENTENCES = 2
LEAD_CHARS = 400


@dataclass(frozen=True)
class GroupingOptions:
    """The grouper's settings (defaults chosen on tests/data/events/, see the module doc)."""

    threshold: float = DEFAULT_THRESHOLD
    number_weight: float = NUMBER_WEIGHT
    word_weight: float = WORD_WEIGHT
    window_days: float | None = DEFAULT_WINDOW_DAYS  # None: no time window
    # the event's time the window counts from: its first, mean or newest member's
    window_from: str = DEFAULT_WINDOW_FROM

    def __post_init__(self) -> None:
        if self.window_from not in WINDOW_FROM:
            allowed = ", ".join(WINDOW_FROM)
            raise ValueError(f"window_from: '{self.window_from}' is not one of {allowed}")
        if self.window_days is not None and self.window_days <= 0:
            raise ValueError(f"window_days: {self.window_days} must be positive (None: no window)")


@dataclass
class Membership:
    """One member of an event and the similarity that put it there (0 for the founder)."""

    article_id: str
    date: str | None
    score: float
    embedding: float
    numbers: float
    words: float
    founded: bool = False


@dataclass
class Event:
    """An event of the stream: its members in arrival order and what the grouper compares."""

    id: str
    members: list[Membership] = field(default_factory=list)
    centroid: np.ndarray | None = None
    member_anchors: list[tuple[frozenset[str], frozenset[str]]] = field(default_factory=list)
    times: list[datetime] = field(default_factory=list)

    def time(self, which: str) -> datetime | None:
        """The event's first, mean or last member time (None when no member is dated)."""
        if not self.times:
            return None
        if which == "first":
            return min(self.times)
        if which == "last":
            return max(self.times)
        base = min(self.times)
        return base + sum((t - base for t in self.times), timedelta()) / len(self.times)

    @property
    def article_ids(self) -> list[str]:
        return [m.article_id for m in self.members]


def lead_text(article: CleanArticle) -> str:
    """Title + the first sentences of the body: what the article is about."""
    lead: list[str] = []
    for sentence in article.sentences()[:LEAD_SENTENCES]:
        lead.append(sentence)
        if sum(len(s) for s in lead) >= LEAD_CHARS:
            break
    return ". ".join(x for x in [article.title or "", " ".join(lead)] if x)[: LEAD_CHARS * 2]


def anchors(article: CleanArticle) -> tuple[frozenset[str], frozenset[str]]:
    """(numbers of the whole text, not years; content stems of title + lead, not numbers)."""
    text = article.text
    nums = frozenset(n for n in extract_numbers(text) + word_numbers(text) if not _is_year(n))
    stems = frozenset(s for s in content_stems(lead_text(article)) if not s[:1].isdigit())
    return nums, stems


def _is_year(number: str) -> bool:
    return number.isdigit() and len(number) == 4 and 1900 <= int(number) <= 2100


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def event_similarity(
    vec: np.ndarray,
    marks: tuple[frozenset[str], frozenset[str]],
    event: Event,
    options: GroupingOptions,
) -> tuple[float, float, float, float]:
    """(score, cosine with the centroid, best number overlap, best word overlap with a member)."""
    assert event.centroid is not None
    centroid = event.centroid / (np.linalg.norm(event.centroid) or 1.0)
    emb = float(vec @ centroid)
    nums = max((_overlap(marks[0], m[0]) for m in event.member_anchors), default=0.0)
    words = max((_overlap(marks[1], m[1]) for m in event.member_anchors), default=0.0)
    score = emb + options.number_weight * nums + options.word_weight * words
    return score, emb, nums, words


def _event_id_of(article_id: str, time: datetime | None) -> str:
    """``ev-<UTC day of the first member>-<hash of its id>``: fixed once the event starts."""
    day = time.astimezone(timezone.utc).strftime("%Y%m%d") if time else "nodate"
    return f"ev-{day}-{hashlib.sha256(article_id.encode('utf-8')).hexdigest()[:8]}"


def stream_order(articles: Sequence[CleanArticle]) -> list[CleanArticle]:
    """Publication order (dated first, by time), ties and undated ones by id: never file order."""
    far = datetime.max.replace(tzinfo=timezone.utc)
    return sorted(articles, key=lambda a: (iso_datetime(a.date) or far, a.id))


class StreamGrouper:
    """The online clusterer: ``add`` articles in publication order, read ``events``."""

    def __init__(self, embedder: Embedder, options: GroupingOptions | None = None) -> None:
        self.embedder = embedder
        self.options = options or GroupingOptions()
        self.events: list[Event] = []

    def add(self, articles: Sequence[CleanArticle]) -> None:
        """Add a batch (sorted here into stream order); earlier assignments never change."""
        ordered = stream_order(articles)
        if not ordered:
            return
        vecs = self.embedder.embed([lead_text(a) for a in ordered], kind="query")
        self.add_embedded(ordered, np.asarray(vecs, dtype=np.float64))

    def add_embedded(self, ordered: Sequence[CleanArticle], vecs: np.ndarray) -> None:
        """Add articles already in stream order with their embeddings (one row each)."""
        for article, vec in zip(ordered, vecs, strict=True):
            self._add_one(article, vec)

    def _live(self, time: datetime | None) -> list[Event]:
        window = self.options.window_days
        if window is None or time is None:
            return self.events
        live = []
        for event in self.events:
            since = event.time(self.options.window_from)
            if since is None or (time - since).total_seconds() <= window * 86400:
                live.append(event)
        return live

    def _add_one(self, article: CleanArticle, vec: np.ndarray) -> None:
        vec = vec / (np.linalg.norm(vec) or 1.0)
        marks = anchors(article)
        time = iso_datetime(article.date)
        best: tuple[float, float, float, float] | None = None
        chosen: Event | None = None
        for event in self._live(time):
            sim = event_similarity(vec, marks, event, self.options)
            if best is None or sim[0] > best[0]:
                best, chosen = sim, event
        if chosen is None or best is None or best[0] < self.options.threshold:
            chosen = Event(id=_event_id_of(article.id, time), centroid=np.zeros_like(vec))
            self.events.append(chosen)
            member = Membership(article.id, article.date, 0.0, 0.0, 0.0, 0.0, founded=True)
        else:
            score, emb, nums, words = (round(x, 4) for x in best)
            member = Membership(article.id, article.date, score, emb, nums, words)
        chosen.members.append(member)
        chosen.member_anchors.append(marks)
        assert chosen.centroid is not None
        chosen.centroid = chosen.centroid + vec
        if time is not None:
            chosen.times.append(time)


def group_stream(
    articles: Sequence[Article],
    clean: Callable[[Article], CleanArticle],
    embedder: Embedder,
    options: GroupingOptions | None = None,
) -> tuple[dict[str, list[Article]], dict[str, Event]]:
    """Event id -> its articles (events in order of their first article's time), and the events.

    ``clean`` is the pipeline's cleaner (through its cache): the title a scraped page's
    cleaner finds and the cleaned lead are what is compared, never menus or tickers.
    """
    by_id = {a.id: a for a in articles}
    grouper = StreamGrouper(embedder, options)
    cleaned, unreadable = [], []
    for a in articles:
        try:
            cleaned.append(clean(a))
        except SummarizeError:  # the pipeline reports it; the article is kept, on its own
            unreadable.append(a)
    grouper.add(cleaned)
    for a in sorted(unreadable, key=lambda a: a.id):
        founder = Membership(a.id, a.date, 0.0, 0.0, 0.0, 0.0, founded=True)
        grouper.events.append(Event(id=_event_id_of(a.id, None), members=[founder]))
    groups = {e.id: [by_id[m.article_id] for m in e.members] for e in grouper.events}
    return groups, {e.id: e for e in grouper.events}
