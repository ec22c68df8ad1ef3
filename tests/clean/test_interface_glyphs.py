"""Pass 8a: a line that is a button, a widget or a reader's reaction by its interface glyph
is navigation; an article's line with a bullet, a degree sign, a verdict mark or a pull
quote's ornaments is not.

Every line here was written for these tests (the article is :data:`SOLAR_PUMPS`); none comes
from an evaluation set."""

from __future__ import annotations

import pytest

from summarize.clean.residue import _is_glyph_line
from summarize.clean.shapes import split_words
from tests.clean.cleaner_texts import SOLAR_PUMPS, clean_lines

CLOSING = "विभाग ने कहा कि अगले महीने से पंपों की मरम्मत के लिए हर ब्लॉक में एक मिस्त्री तैनात होगा।"


@pytest.mark.parametrize(
    "line",
    [
        "↺ यह सूची हर पांच मिनट में अपने आप बदलती है",
        "★ इस खबर को सहेजें · 🔖 बाद में पढ़ें",
        "योजना की पूरी जानकारी चाहिए? यहां देखें ↗",
        "Check your village's status → link",
        "मेहनत रंग लाई, सभी किसानों को बधाई 👏",
    ],
)
def test_a_line_with_an_interface_glyph_is_navigation(line: str) -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS, line, CLOSING])
    assert removed.get(line) == "navigation"
    assert CLOSING in kept


@pytest.mark.parametrize(
    "line",
    [
        "☀️ सौर पैनल हर साल दो बार साफ़ किए जाएंगे, ताकि बिजली कम न बने।",  # a list item
        "■ पंपों की देखरेख पंचायत करेगी",  # a list's bullet is no glyph
        "होशंगाबाद: अधिकतम 31°, न्यूनतम 14°",  # degrees are text
        "हमारी पड़ताल: ✔ सही",  # a verdict under its key
    ],
)
def test_an_articles_line_with_a_mark_is_no_glyph_line(line: str) -> None:
    assert not _is_glyph_line(line, len(split_words(line)))


def test_a_pull_quote_in_ornaments_stays_a_duplicate_not_a_boundary() -> None:
    quote = "पहले एक एकड़ की सिंचाई में चार हजार रुपये का डीजल लगता था।"
    said = f"एक किसान ने कहा, \"{quote}\" अब खर्च लगभग शून्य है।"
    kept, removed = clean_lines([*SOLAR_PUMPS, said, f"❝ {quote} ❞", CLOSING])
    assert said in kept and CLOSING in kept
    assert removed.get(f"❝ {quote} ❞") != "navigation"
