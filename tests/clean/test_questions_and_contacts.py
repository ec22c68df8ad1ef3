"""A reader's signed question in a Q&A (pass 1b), a box of figures with a unit (pass 1c), and a
story's contact line near the page's end (passes 5b and 8): text, not furniture.

Every line here was written for these tests (the article is :data:`SOLAR_PUMPS`); none comes
from an evaluation set."""

from __future__ import annotations

from summarize.clean import _PASSES
from summarize.clean.page import Line, read_page
from summarize.clean.patterns import CONTACT_RE
from summarize.clean.story_blocks import _is_story_headline
from summarize.clean.tail import _trailing_label, mark_page_end
from summarize.types import Article
from tests.clean.cleaner_texts import SOLAR_PUMPS, clean_lines

QUESTION = "प्रश्न 3: मेरे सौर पंप की बैटरी दो साल में ही कमज़ोर हो गई है। — हरीश पटेल, सिवनी"
ANSWER = (
    "उत्तर: पंप के साथ मिलने वाली बैटरी की गारंटी पांच साल की है, इसलिए कंपनी के सेवा केंद्र में शिकायत दर्ज कराएं।"
)


def test_a_readers_signed_question_in_a_qa_is_text() -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS, QUESTION, ANSWER])
    assert QUESTION in kept and ANSWER in kept
    # the same sentence and credit with no question label is a caption
    caption = QUESTION.removeprefix("प्रश्न 3: ")
    _, removed = clean_lines([*SOLAR_PUMPS, caption, ANSWER])
    assert removed.get(caption) == "caption"


ARTICLE_EN = [
    "Solar pumps cut diesel bills in 12 Narmada villages, 40 more to follow",
    "HOSHANGABAD: Farmers in twelve villages along the Narmada have started irrigating their "
    "wheat with solar pumps this season, and the agriculture department says diesel bills have "
    "all but disappeared.",
    "Each pump runs for about eight hours a day; the state and central schemes paid ninety per "
    "cent of the cost and farmers paid the rest in instalments.",
]


def test_a_box_of_figures_with_a_unit_that_says_share_is_text() -> None:
    box = [
        "Key figures",
        "Pumps installed: 340",
        "Subsidy paid: Rs 4.2 crore",
        "Interim dividend: Rs 3 per share",
    ]
    closing = (
        "The department said the next forty villages would get their pumps by October this year."
    )
    kept, removed = clean_lines([*ARTICLE_EN, *box, closing])
    assert box[3] in kept
    # a share counter under a key that asks for sharing stays furniture
    counter = "Share this: 1,204 times"
    _, removed = clean_lines([*ARTICLE_EN, *box[:3], counter, closing])
    assert counter in removed


def test_a_contact_line_and_a_link_are_no_story_headline() -> None:
    contact = Line(1, "पंप हेल्पलाइन: 0757-226-4410 · सेवा केंद्र: 0757-226-4411 (सुबह दस से शाम छह)")
    link = Line(2, "📸 सौर पंपों की 14 तस्वीरें, एक-एक कर देखें ›")
    headline = Line(3, "इटारसी में नहर की मरम्मत के चलते बीस दिन बंद रहेगा पानी, किसानों ने मांगी मोहलत")
    lines = [Line(0, "टैग: #सौरपंप", label="navigation"), contact, link, headline]
    assert CONTACT_RE.search(contact.text)
    assert not _is_story_headline(lines, contact)
    assert not _is_story_headline(lines, link)
    assert _is_story_headline(lines, headline)


def test_a_contact_line_at_the_pages_end_is_no_other_storys_headline() -> None:
    contact = "चोरी या खोया पंप: 0757-226-441 · सेवा कक्ष: 0757-226-442"
    link = "इंदौर में मेट्रो का ट्रायल रन अगले महीने, दस स्टेशन तैयार"
    page = read_page(
        Article(id="t", source="test", raw_text="\n\n".join([*SOLAR_PUMPS, contact, link])), None
    )
    for run_pass in _PASSES[: _PASSES.index(mark_page_end)]:
        run_pass(page)
    by_text = {ln.text: ln for ln in page.lines}
    by_text[contact].label = ""  # (as a contact line the earlier passes leave to the text)
    last = by_text[SOLAR_PUMPS[-1]]
    assert _trailing_label(page, by_text[link], False, by_text[contact]) == "?"  # a headline?
    assert _trailing_label(page, by_text[contact], False, last) != "?"


def test_a_masked_phone_number_is_a_contact() -> None:
    assert CONTACT_RE.search("शिकायत के लिए 98XXXXXX12 पर लिखें")
    assert CONTACT_RE.search("write to desk@paper.example")
    assert not CONTACT_RE.search("पंपों पर 2026 में 4,20,000 रुपये ख़र्च हुए")


def test_a_keyed_line_of_figures_in_the_text_is_a_fact_not_a_stat_card() -> None:
    facts = "Pumps by district: Hoshangabad 140 | Harda 110 | Betul 90"
    closing = "The department said the next forty villages would get their pumps by October."
    kept, _ = clean_lines([*ARTICLE_EN, facts, closing])
    assert facts in kept
    # above the article's first paragraph it is a strip of readings; a menu of bare numbers
    # and a card with no key stay furniture in the text too
    _, removed = clean_lines([facts, *ARTICLE_EN, closing])
    assert facts in removed
    for line in ("Jump to question: 1 | 2 | 3 | 4", "Rohit Sharma · 141* (248) · 17x4, 2x6"):
        _, removed = clean_lines([*ARTICLE_EN, line, closing])
        assert line in removed


def test_a_case_number_is_no_phone_number() -> None:
    assert CONTACT_RE.search("WP-20417-2025 (O&M), with WP-20533-2025") is None
    assert CONTACT_RE.search("Helpline: 0755-2551234") is not None
    assert CONTACT_RE.search("Tel-0755-2551234") is not None
