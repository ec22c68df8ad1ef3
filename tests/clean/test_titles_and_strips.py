"""The title under a section's name, a headline of 120+ characters (under a masthead far
from the body too), a headline that says "up next week", headline strips opened by their own
word and a bullet, and a consent banner in Hindi (passes 1, 1b and 3).

Every line here was written for these tests (the article is :data:`SOLAR_PUMPS`); none comes
from an evaluation set."""

from __future__ import annotations

from summarize.clean import clean_article, clean_page
from summarize.clean.page import read_page
from summarize.clean.passes import _headline_under_label
from summarize.clean.shapes import is_paragraph_like, is_ticker
from summarize.types import Article
from tests.clean.cleaner_texts import SOLAR_PUMPS, clean_lines

MENU = "होम | राज्य | खेती | मौसम | वीडियो | ई-पेपर"
BYLINE = "संवाददाता, होशंगाबाद | 12 जनवरी 2026"


def _title(lines: list[str]) -> str | None:
    raw = "\n".join(lines)
    return clean_article(Article(id="t", source="test", raw_text=raw)).title


def test_a_section_name_over_the_headline_is_not_the_title() -> None:
    # the section's name shares the story's words, but a full headline closer to the body
    # follows it
    title = _title([MENU, "सौर पंप · सिंचाई", SOLAR_PUMPS[0], BYLINE, *SOLAR_PUMPS[1:]])
    assert title == SOLAR_PUMPS[0]


def test_a_short_headline_over_its_long_deck_stays_the_title() -> None:
    deck = "बारह गांवों के किसानों का डीजल खर्च घटा, कृषि विभाग ने नब्बे प्रतिशत अनुदान पर लगाए पंप"
    title = _title([MENU, "नर्मदा किनारे सौर सिंचाई", deck, BYLINE, *SOLAR_PUMPS[1:]])
    assert title == "नर्मदा किनारे सौर सिंचाई"


def test_a_headline_of_more_than_120_characters_is_a_candidate() -> None:
    long_head = (
        "नर्मदा किनारे के बारह गांवों में सौर पंपों से सिंचाई शुरू, किसानों का डीजल खर्च घटा "
        "और कृषि विभाग ने अगले साल बीस और गांवों में योजना लाने की तैयारी की"
    )
    assert len(long_head) >= 120
    title = _title([MENU, "ग्राम दर्पण", long_head, BYLINE, *SOLAR_PUMPS[1:]])
    assert title == long_head


def test_a_masthead_far_from_the_body_is_not_the_title_over_a_long_headline() -> None:
    # a long headline is the first paragraph-shaped line; the lines above it, none near the
    # body, set no bar of their own
    long_head = (
        "नर्मदा किनारे के बारह गांवों में सौर पंपों से सिंचाई शुरू, किसानों का डीजल खर्च घटा "
        "और कृषि विभाग ने अगले साल बीस और गांवों में योजना लाने की तैयारी की"
    )
    masthead = "ग्राम दर्पण — हर सुबह आपके द्वार"
    title = _title([masthead, MENU, long_head, BYLINE, *SOLAR_PUMPS[1:]])
    assert title == long_head


def test_a_row_of_short_questions_is_no_paragraph() -> None:
    # a widget's questions in cells are no first paragraph (the title is looked for above it)
    assert not is_paragraph_like("पंप कहां लगेगा? | कितना अनुदान? | कब तक आवेदन?")
    assert is_paragraph_like("पंप कहां लगेगा? विभाग ने बताया कि हर गांव में दो पंप लगेंगे।")
    assert is_paragraph_like("योजना बड़ी है। | ज़िले के सभी गांव इसमें आएंगे। | किसान ख़ुश हैं।")


def test_a_headline_that_says_up_next_week_is_no_prompt() -> None:
    head = "Solar pumps for twelve Narmada villages, first panels go up next week"
    kept, removed = clean_lines([head, *SOLAR_PUMPS[1:]])
    assert removed.get(head) != "navigation"
    _, removed = clean_lines([*SOLAR_PUMPS, "Up next: the canal's new gates"])
    assert removed.get("Up next: the canal's new gates") == "navigation"


def test_a_strip_opened_by_its_word_and_a_bullet_is_a_ticker() -> None:
    strips = [
        "अपडेट ● मंडी में गेहूं की आवक बढ़ी ● नहर से पानी छोड़ने की तारीख़ तय",
        "LIVE ● Canal gates open at 6 pm ● Power cut in two feeders",
        "रिज़ल्ट अलर्ट ▶ कृषि डिप्लोमा के नतीजे जारी ▶ काउंसलिंग अगले हफ़्ते",
    ]
    kept, removed = clean_lines([SOLAR_PUMPS[0], *strips, *SOLAR_PUMPS[1:]])
    assert all(removed.get(s) == "ticker" for s in strips)
    assert len(kept) == len(SOLAR_PUMPS) - 1  # the three paragraphs


def test_a_sentence_that_opens_with_the_word_update_stays() -> None:
    line = "अपडेट के मुताबिक़ पंपों की मरम्मत के लिए हर ब्लॉक में एक मैकेनिक रखा जाएगा।"
    kept, _ = clean_lines([*SOLAR_PUMPS, line])
    assert line in kept


def test_a_hindi_consent_banner_is_navigation_and_a_biscuit_is_not() -> None:
    banner = "यह पोर्टल आपका अनुभव अच्छा करने के लिए कुकी रखता है। पढ़ते रहकर आप इसकी सहमति देते हैं। [ठीक है]"
    biscuit = "स्वयं सहायता समूह की महिलाएं अब पंप के पानी से उगे बाजरे की कुकी भी बनाती हैं।"
    kept, removed = clean_lines([banner, *SOLAR_PUMPS, biscuit])
    assert removed.get(banner) == "navigation"
    assert biscuit in kept


def test_a_name_under_a_long_deck_beside_the_stamp_is_the_byline() -> None:
    deck = (
        "कृषि विभाग ने इस रबी सीजन में नर्मदा किनारे 340 पंप लगाए, हर पंप पर नब्बे प्रतिशत "
        "अनुदान; अगले साल बीस और गांवों में योजना"
    )
    assert len(deck) >= 120  # a paragraph's length: the header region ends above it
    page = [SOLAR_PUMPS[0], deck, "सविता राजपूत", "होशंगाबाद, 12 जनवरी 2026, 10:40 IST"]
    kept, removed = clean_lines([*page, *SOLAR_PUMPS[1:]])
    assert removed.get("सविता राजपूत") == "metadata"
    assert deck in kept


STRIP = "अभी-अभी ▸ सीहोर में गेहूं की ख़रीद कल से ▸ नर्मदापुरम में पारा आठ डिग्री ▸ इटारसी स्टेशन पर दो ट्रेनें रद्द"
SCORES = "आज के मुक़ाबले ▸ भोपाल 31-28 इंदौर (समाप्त) · जबलपुर 26-26 ग्वालियर (समाप्त) · कल: सागर बनाम रीवा"


def test_a_short_strip_between_pointer_marks_is_no_title() -> None:
    assert _title([MENU, STRIP, SOLAR_PUMPS[0], BYLINE, *SOLAR_PUMPS[1:]]) == SOLAR_PUMPS[0]
    assert _title([MENU, SCORES, SOLAR_PUMPS[0], BYLINE, *SOLAR_PUMPS[1:]]) == SOLAR_PUMPS[0]
    _, removed = clean_lines([MENU, STRIP, *SOLAR_PUMPS])
    assert removed.get(STRIP) == "ticker"


def test_a_days_schedule_in_dots_is_no_headline_strip() -> None:
    schedule = (
        "कार्यक्रम: सुबह 9 बजे पंपों का उद्घाटन · 10 बजे किसान सभा · 11 बजे खेती की प्रदर्शनी · "
        "दोपहर 1 बजे सामूहिक भोज"
    )
    assert 100 <= len(schedule) < 150
    assert not is_ticker(schedule)
    assert is_ticker(STRIP)


def test_a_sections_path_over_the_headline_gives_way_to_it_however_close() -> None:
    """A section's path ("होशंगाबाद · खेती") shares the story's place names and may be closer
    to the body in wording than the headline under it; its marks say what it is.  A short
    line with no such mark over a full headline is taken as the headline when it is closer."""
    headline = "नर्मदा किनारे के बारह गांवों में सौर पंपों से सिंचाई शुरू, डीजल का ख़र्च घटा"
    for label, taken in (("होशंगाबाद · खेती", headline), ("सौर पंपों से सिंचाई", "सौर पंपों से सिंचाई")):
        text = "\n".join([label, headline, *SOLAR_PUMPS[1:]])
        page = read_page(Article(id="t", source="test", raw_text=text), None)
        cands = [(0, page.lines[0]), (1, page.lines[1])]
        assert _headline_under_label(page, cands, [0.6, 0.4])[1].text == taken


def test_a_just_in_strip_above_the_headline_is_a_ticker_not_the_title() -> None:
    strip = (
        "JUST IN • Itarsi overbridge shut to heavy vehicles • Pachmarhi gets a tourist bus "
        "• Wheat procurement extended to May 31"
    )
    raw = "\n\n".join([strip, *SOLAR_PUMPS])
    clean, _ = clean_page(Article(id="t", source="test", raw_text=raw), None)
    assert clean.title == SOLAR_PUMPS[0]
    assert {r.text: r.reason for r in clean.removed}.get(strip) == "ticker"
