"""Inline markup is cut out of a line and recorded; the sentences around it are kept (issue 14)."""

from __future__ import annotations

import pytest

from summarize.clean import REASONS, clean_article
from summarize.clean.markup import strip_markup
from summarize.types import Article

TITLE = "दिल्ली में भारी बारिश से जनजीवन प्रभावित"
SENTS = [
    "दिल्ली में सोमवार को भारी बारिश हुई।",
    "कई इलाकों में पानी भर गया।",
    "यातायात घंटों तक बाधित रहा।",
    "मौसम विभाग ने अगले दो दिन और बारिश का अनुमान जताया है।",
]
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
SECOND = "राहत दल रात भर प्रभावित इलाकों में काम करते रहे। स्कूलों में मंगलवार को छुट्टी रहेगी।"


def _clean(body: str):
    return clean_article(Article(id="a", source="t", raw_text=f"{TITLE}\n{body}\n{SECOND}\n"))


def _sentences(ca) -> list[str]:
    return [s for p in ca.paragraphs for s in p]


@pytest.mark.parametrize(
    "body",
    [
        SCRIPT + IMG + " " + " ".join(SENTS),  # before (the reported case)
        " ".join(SENTS[:2]) + " " + SCRIPT + IMG + " " + " ".join(SENTS[2:]),  # between
        " ".join(SENTS) + " " + IMG + SCRIPT,  # after
    ],
    ids=["before", "between", "after"],
)
def test_markup_is_cut_and_the_sentences_around_it_are_kept(body: str) -> None:
    ca = _clean(body)
    assert ca.title == TITLE
    kept = _sentences(ca)
    for s in SENTS:
        assert s in kept
    assert not any("<" in s or "alert" in s for s in kept)
    markup = [r for r in ca.removed if r.reason == "markup"]
    assert sorted(r.text for r in markup) == sorted([SCRIPT, IMG])
    assert all(r.line == 1 for r in markup)
    # nothing but the markup went: no removal of any kind holds a body sentence
    for r in ca.removed:
        assert not any(s in r.text for s in SENTS), r


def test_markup_inside_a_sentence_keeps_the_text_between_tags() -> None:
    ca = _clean('दिल्ली में सोमवार को <b class="x">भारी</b> बारिश हुई। ' + " ".join(SENTS[1:]))
    assert _sentences(ca)[0] == SENTS[0]
    assert [r.text for r in ca.removed if r.reason == "markup"] == ['<b class="x">', "</b>"]


def test_an_open_script_runs_to_the_end_of_the_line_and_comments_go_whole() -> None:
    ca = _clean(" ".join(SENTS) + " <!-- ad slot --> <script>var a = {b: 1}; track(a)")
    assert _sentences(ca)[: len(SENTS)] == SENTS
    assert [r.text for r in ca.removed if r.reason == "markup"] == [
        "<!-- ad slot -->",
        "<script>var a = {b: 1}; track(a)",
    ]


def test_a_line_of_markup_alone_is_still_removed_whole_as_tracking() -> None:
    ca = _clean(" ".join(SENTS) + "\n" + SCRIPT + IMG)
    assert [r.reason for r in ca.removed if SCRIPT in r.text] == ["tracking"]
    assert not [r for r in ca.removed if r.reason == "markup"]


def test_a_sentence_quoting_code_characters_is_not_tracking() -> None:
    quoted = 'नई नीति में लिखा है कि शुल्क => दो गुना होगा और आवेदन {"ऑनलाइन"} होंगे। ' + SENTS[0]
    ca = _clean(quoted)
    assert "दो गुना" in " ".join(_sentences(ca))
    assert not [r for r in ca.removed if r.reason == "tracking"]


@pytest.mark.parametrize(
    "text",
    ["तापमान <5 डिग्री रहा।", "अगर x < y और y > z तो", "कीमत <अनुमान> से ऊपर"],
)
def test_text_that_only_looks_like_markup_is_untouched(text: str) -> None:
    assert strip_markup(text) == (text, [])


def test_strip_markup_leaves_no_space_before_punctuation() -> None:
    assert strip_markup("बारिश <b>हुई</b>। फिर<br/>धूप") == (
        "बारिश हुई। फिर धूप",
        ["<b>", "</b>", "<br/>"],
    )


def test_markup_is_a_documented_reason() -> None:
    assert "markup" in REASONS
