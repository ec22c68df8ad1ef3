"""Conflicts between articles that report the same fact (step 9 of :mod:`summarize.merge`).

Inside one cluster of same-fact sentences, the sentences of different articles are compared
for:

* **numbers** with their unit (the words after the number, as stems: ``दो घंटे`` /
  ``two hours``, :func:`summarize.lang.numbers.quantities`): different values for the same
  unit are a conflict; the same value with a different qualifier (``लगभग``/about,
  ``से अधिक``/more than) is a *conflict of precision*;
* **dates**: weekdays, day-month pairs and years (:func:`summarize.lang.dates.mentions`);
* **names**, on English text only (capitalised sequences, as found by
  :func:`summarize.faithfulness.english_entities`): a conflict when both articles name
  something the other does not, while naming something in common (a shared frame).

A fact is compared in Hindi and in its English translation, so one disagreement may be
found twice; conflicts with the same kind and the same source sentences are reported once.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.lang.dates import mentions
from summarize.lang.numbers import Quantity, format_number, quantities
from summarize.lang.script import is_latin
from summarize.types import Conflict, SourceRef

__all__ = ["find_conflicts"]

# (article id -> [(text, reference)]): the sentences of one cluster, by article
_ByArticle = dict[str, list[tuple[str, SourceRef]]]
_Mention = tuple[Quantity, SourceRef]
_DATE_KINDS = (("weekday", "day of the week"), ("day", "date"), ("year", "year"))


def _plain(q: Quantity) -> str:
    return f"{q.gloss + ' ' if q.gloss else ''}{format_number(q.value)}"


def _units_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(set(a) & set(b))


def _unique_refs(refs: list[SourceRef]) -> list[SourceRef]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for r in refs:
        key = (r.article_id, r.paragraph, r.sentence)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _pairs(keys: Sequence[str]) -> list[tuple[str, str]]:
    return [(x, y) for i, x in enumerate(keys) for y in keys[i + 1 :]]


def _number_conflict(per: dict[str, list[_Mention]]) -> Conflict | None:
    """The conflict among one unit's mentions (article -> mentions), if any."""
    values = {b: {m.value for m, _ in got} for b, got in per.items()}
    quals = {b: {(m.value, m.qualifier) for m, _ in got} for b, got in per.items()}
    shown = {b: "; ".join(m.describe() for m, _ in got) for b, got in per.items()}
    refs = _unique_refs([r for got in per.values() for _, r in got])
    pairs = _pairs(list(per))
    if any(not (values[x] & values[y]) for x, y in pairs):
        plain = dict.fromkeys(_plain(m) for got in per.values() for m, _ in got)
        return Conflict(
            kind="number",
            description=f"Sources report different numbers for the same fact ({' vs '.join(plain)})",
            values=shown,
            refs=refs,
        )
    if any(quals[x] != quals[y] for x, y in pairs):
        glosses = dict.fromkeys(m.gloss or "unqualified" for got in per.values() for m, _ in got)
        value = next(iter(next(iter(values.values()))))
        return Conflict(
            kind="number",
            description=f"Conflict of precision: the sources agree on {format_number(value)} "
            f"but qualify it differently ({' / '.join(glosses)})",
            values=shown,
            refs=refs,
        )
    return None


def _number_conflicts(by_article: _ByArticle) -> list[Conflict]:
    """Numbers grouped by unit across articles; one conflict per unit at most."""
    mentions_of: dict[str, list[_Mention]] = {
        a: [(q, ref) for text, ref in sents for q in quantities(text) if q.unit]
        for a, sents in by_article.items()
    }
    out: list[Conflict] = []
    seen_units: list[tuple[str, ...]] = []
    for got_a in mentions_of.values():
        for q, _ in got_a:
            if any(_units_match(q.unit, u) for u in seen_units):
                continue
            seen_units.append(q.unit)
            per: dict[str, list[_Mention]] = {}
            for b, got_b in mentions_of.items():
                same = [(m, r) for m, r in got_b if _units_match(m.unit, q.unit)]
                if same:
                    per[b] = same
            conflict = _number_conflict(per) if len(per) >= 2 else None
            if conflict is not None:
                out.append(conflict)
    return out


def _date_conflicts(by_article: _ByArticle) -> list[Conflict]:
    """A different weekday, day or year given for the fact by two articles."""
    dmap = {a: [(mentions(text), ref) for text, ref in sents] for a, sents in by_article.items()}
    out: list[Conflict] = []
    for kind, label in _DATE_KINDS:
        per_all = {a: set[str]().union(*(d[kind] for d, _ in dl)) for a, dl in dmap.items()}
        per_d = {a: v for a, v in per_all.items() if v}
        if len(per_d) < 2 or all(per_d[x] & per_d[y] for x, y in _pairs(list(per_d))):
            continue
        refs = [r for a in per_d for d, r in dmap[a] if d[kind]]
        out.append(
            Conflict(
                kind="date",
                description=f"Sources give a different {label} for the same fact ("
                + " vs ".join(", ".join(sorted(v)) for v in per_d.values())
                + ")",
                values={a: ", ".join(sorted(v)) for a, v in per_d.items()},
                refs=_unique_refs(refs),
            )
        )
    return out


def _name_conflicts(by_article: _ByArticle) -> list[Conflict]:
    """Two articles naming different people or places in a shared frame (English only)."""
    from summarize.faithfulness import english_entities, entity_supported

    names = {
        a: [(e, ref) for text, ref in sents if is_latin(text) for e in english_entities(text)]
        for a, sents in by_article.items()
    }
    texts = {a: " ".join(text for text, _ in sents) for a, sents in by_article.items()}
    out: list[Conflict] = []
    for x, y in _pairs(list(by_article)):
        if not names[x] or not names[y]:
            continue
        only_x = list(dict.fromkeys(e for e, _ in names[x] if not entity_supported(e, [texts[y]])))
        only_y = list(dict.fromkeys(e for e, _ in names[y] if not entity_supported(e, [texts[x]])))
        shared = any(entity_supported(e, [texts[y]]) for e, _ in names[x])
        # a conflict only when both name something the other does not, in a shared frame
        if only_x and only_y and shared:
            out.append(
                Conflict(
                    kind="name",
                    description="Sources name different people or places for the same fact ("
                    f"{', '.join(only_x)} vs {', '.join(only_y)})",
                    values={x: ", ".join(only_x), y: ", ".join(only_y)},
                    refs=_unique_refs([r for _, r in names[x] + names[y]]),
                )
            )
    return out


def _dedupe(conflicts: list[Conflict]) -> list[Conflict]:
    """One conflict per kind and set of source sentences (Hindi + English give it twice)."""
    unique: list[Conflict] = []
    seen: set[tuple[str, frozenset[tuple[str, int, int]]]] = set()
    for c in conflicts:
        refs = frozenset((r.article_id, r.paragraph, r.sentence) for r in c.refs)
        if (c.kind, refs) not in seen:
            seen.add((c.kind, refs))
            unique.append(c)
    return unique


def find_conflicts(members: Sequence[tuple[str, str, SourceRef]]) -> list[Conflict]:
    """Conflicts between sentences of different articles that report the same fact.

    ``members``: (article id, text to compare, reference).  The text is the Hindi sentence
    or, where available, its English translation (names are compared on English only).
    """
    by_article: _ByArticle = {}
    for aid, text, ref in members:
        by_article.setdefault(aid, []).append((text, ref))
    if len(by_article) < 2:
        return []
    found = (
        _number_conflicts(by_article) + _date_conflicts(by_article) + _name_conflicts(by_article)
    )
    return _dedupe(found)
