"""Pass 1c (general furniture shapes), pass 8b (the learned line scorer) and the short story
block after an explicit next-story marker (pass 5b).  Pages and lines are written for these
tests, not taken from any evaluation set."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from cleaner_texts import SOLAR_PUMPS

from summarize.clean import clean_page
from summarize.clean.page import Line
from summarize.clean.residue import _line_label
from summarize.clean.scorer import FEATURES, score
from summarize.types import Article

BODY = SOLAR_PUMPS


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ('[gallery ids="12,13,14"]', "artefact"),
        ('{"event": "pageview", "section": "city"}', "artefact"),
        ("{{ article.title }}", "artefact"),
        ("Skip to main content", "navigation"),
        ("Add to reading list", "navigation"),
        ("अगली तस्वीर ›", "navigation"),
        ("Media contact: Priya Rao, priya.rao@sunco.example", "metadata"),
        ("14.30 बजे", "metadata"),
        ("पढ़ने का समय: 4 मिनट", "metadata"),
        ("RK/AB", "metadata"),
        ("PNW KRS AD 1740 MUM", "metadata"),
        ("गेहूं ₹2,275 ▲ | चना ₹5,400 ▼", "ticker"),
        ("Delhi 31°C · Haze · AQI 212", "ticker"),
        ("Get flood alerts on Telegram: tap to join", "navigation"),
        ("Follow Metro Desk for daily city updates", "navigation"),
    ],
)
def test_general_furniture_shapes(line: str, label: str) -> None:
    assert _line_label(Line(0, line), "hi") == label


@pytest.mark.parametrize(
    "line",
    [
        "15 अगस्त 1947 को आजादी",  # a subhead with a date
        "किसानों ने कहा कि वे 1800 180 1551 पर फोन करके जानकारी ले सकते हैं।",
        "किसान ने बताया कि दाम 5% बढ़कर ₹2,275 हो गए हैं और आगे भी बढ़ेंगे।",
        "Farmers said they would share the water with the next village.",
        "Red alert for 12 districts",
        "Police follow the trail for clues",
        "रेटिंग: 4.5/5",
    ],
)
def test_sentences_and_information_are_not_furniture(line: str) -> None:
    assert _line_label(Line(0, line), "hi") == ""


def test_the_scorer_weights_match_its_features() -> None:
    data = json.loads(
        resources.files("summarize.clean").joinpath("line_scorer.json").read_text("utf-8")
    )
    assert data["features"] == list(FEATURES)
    assert 0.5 < data["threshold"] < 1.0
    assert len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == len(FEATURES)
    assert 0.0 <= score([0.0] * len(FEATURES)) <= 1.0


def test_scored_furniture_in_the_footer_is_removed_with_its_score() -> None:
    footer = ["Gramin Awaz · Every village, every day", "Privacy · Terms · Contact"]
    clean, labels = clean_page(
        Article(id="t", source="test", raw_text="\n\n".join(BODY + footer)), None
    )
    kept = " ".join(" ".join(p) for p in clean.paragraphs)
    assert all(s[-30:] in kept for s in BODY[1:])
    removed = {r.text: r.reason for r in clean.removed}
    assert footer[0] in removed
    scores = {k: v for k, v in clean.meta["clean"].items() if k.startswith("line_score:")}
    assert "line_score:8" in scores and scores["line_score:8"] >= 0.9  # the site's slogan
    for k in scores:
        assert labels[int(k.split(":")[1])] in ("navigation", "metadata")


def test_a_question_or_a_short_sentence_at_the_end_stays() -> None:
    tail = ["आगे क्या होगा?", "जांच जारी है।"]
    clean, _ = clean_page(Article(id="t", source="test", raw_text="\n\n".join(BODY + tail)), None)
    kept = [" ".join(p) for p in clean.paragraphs]
    assert tail[0] in kept and tail[1] in kept


@pytest.fixture(scope="module")
def embedder():
    from summarize.engines.embeddings import load_embedder

    return load_embedder(None)


def test_a_short_story_after_an_explicit_marker_is_removed(embedder) -> None:
    other = [
        "इंदौर में स्कूल बस पलटी, छह बच्चे घायल",
        "इंदौर के बाहरी इलाके में बुधवार सुबह एक स्कूल बस अनियंत्रित होकर पलट गई। बस में "
        "बीस बच्चे सवार थे। पुलिस ने चालक को हिरासत में लिया है।",
    ]
    page = Article(id="t", source="test", raw_text="\n\n".join(BODY + ["अगली ख़बर ↓"] + other))
    clean, labels = clean_page(page, None, embedder=embedder)
    off = [r.text for r in clean.removed if r.reason == "off-topic"]
    assert other[0] in off and other[1] in off
    assert not any(t in off for t in BODY[1:])


@pytest.mark.parametrize(
    "bio",
    [
        "Ananya Rao is a professor of urban planning at a Pune university and writes on transport.",
        "मीरा जोशी पर्यावरण पर काम करने वाली एक संस्था की संस्थापक हैं और दो दशक से नदियों पर शोध कर रही हैं।",
    ],
)
def test_a_bio_above_the_text_is_removed(bio: str) -> None:
    lines = [BODY[0], bio] + BODY[1:]
    clean, _ = clean_page(Article(id="t", source="test", raw_text="\n\n".join(lines)), None)
    assert (bio, "author-bio") in [(r.text, r.reason) for r in clean.removed]
    kept = " ".join(" ".join(p) for p in clean.paragraphs)
    assert all(s[-30:] in kept for s in BODY[1:])


def test_a_lead_about_a_person_stays() -> None:
    lead = "पूर्व मंत्री राम कुमार ने गुरुवार को नर्मदा किनारे के गांवों में सौर पंपों का उद्घाटन किया।"
    lines = [BODY[0], lead] + BODY[1:]
    clean, _ = clean_page(Article(id="t", source="test", raw_text="\n\n".join(lines)), None)
    assert lead in [" ".join(p) for p in clean.paragraphs]
