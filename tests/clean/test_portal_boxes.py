"""Boxes of a portal's page (session 32): a cookie box at the top of the page, a readers' poll
with its results (also on one line under its question), a newsletter box around its sign-up row, a "follow ＋" button, a prompt with
bracketed buttons, a desk credit under the deck, notes on the text's length and the reporter's
disclosure, rows of the story's topics, a ranked most-read list, an advertiser's box,
readers' cards, a masthead.  Lines and
pages are written for these tests, not taken from any evaluation set; each rule has its
converse, text of the article that stays."""

from __future__ import annotations

import pytest
from cleaner_texts import SOLAR_PUMPS, clean_lines

from summarize.clean import _PASSES, clean_page
from summarize.clean.page import read_page
from summarize.clean.passes import _title_candidates, find_title
from summarize.types import Article

BODY = SOLAR_PUMPS


def _kept_all(kept: list[str], lines: list[str]) -> bool:
    return all(any(t[-40:] in k for k in kept) for t in lines)


def test_a_cookie_box_over_the_headline_goes_and_the_headline_is_the_title() -> None:
    box = [
        "हम कुकीज़ से यह जानते हैं कि पाठक कौन-से लेख पढ़ते हैं। आप इन्हें कभी भी बंद कर सकते हैं।",
        "ठीक है | मना करें | पसंद बदलें",
    ]
    kept, removed = clean_lines([*box, *BODY])
    assert all(removed.get(t) == "navigation" for t in box)
    assert removed.get(BODY[0]) is None and _kept_all(kept, BODY[1:])


def test_a_consent_row_naming_cookies_takes_the_text_above_it() -> None:
    box = [
        "We and our partners keep small files on your device. Choose what you share with us.",
        "Accept and continue | Only essentials | Manage choices | About our cookies",
    ]
    kept, removed = clean_lines([*box, *BODY])
    assert all(removed.get(t) == "navigation" for t in box)
    assert _kept_all(kept, BODY[1:])


def test_a_sentence_about_cookies_in_the_story_stays() -> None:
    line = (
        "बेकरी संचालक ने बताया कि दीवाली पर कुकीज़ की मांग दोगुनी हो जाती है और इस बार "
        "सौर ओवन से बिजली का खर्च भी घटा है।"
    )
    kept, _ = clean_lines([*BODY[:2], line, *BODY[2:]])
    assert _kept_all(kept, [line, *BODY[1:]])


POLL = [
    "आपकी क्या सोच है: क्या हर गांव में सौर पंप पर अनुदान मिलना चाहिए?",
    "हां, सबको — 61%",
    "सिर्फ़ छोटे किसानों को — 33%",
    "नहीं — 6%",
    "2,418 पाठकों ने राय दी | नतीजे देखें",
]


def test_a_readers_poll_with_its_shares_and_count_goes() -> None:
    kept, removed = clean_lines([*BODY[:2], *POLL, *BODY[2:]])
    assert all(removed.get(t) == "navigation" for t in POLL)
    assert _kept_all(kept, BODY[1:])


def test_an_english_poll_under_its_heading_goes_without_a_count() -> None:
    poll = [
        "Readers' poll: Which district should get solar pumps next?",
        "Betul — 48%",
        "Harda — 37%",
        "Raisen — 15%",
    ]
    kept, removed = clean_lines([*BODY[:2], *poll, *BODY[2:]])
    assert all(removed.get(t) == "navigation" for t in poll)


def test_a_surveys_figures_in_the_story_stay() -> None:
    # the same shares under a question of the article, with no count of votes under them
    survey = [
        "विभाग के सर्वे में किसानों से पूछा गया: सौर पंप से सिंचाई का खर्च कितना घटा?",
        "आधे से ज़्यादा — 61%",
        "एक-चौथाई तक — 33%",
        "कोई फ़र्क नहीं — 6%",
    ]
    kept, removed = clean_lines([*BODY[:2], *survey, *BODY[2:]])
    assert not any(t in removed for t in survey[1:])


def test_a_polls_results_on_one_line_go_with_its_question() -> None:
    question = "एक सवाल: क्या आपके गांव का सौर पंप सचमुच आठ घंटे पानी देता है?"
    results = "हां 52% · नहीं 30% · कभी देखा नहीं 18% · 1,204 वोट"
    kept, removed = clean_lines([*BODY[:2], question, results, *BODY[2:]])
    assert removed.get(question) == removed.get(results) == "navigation", removed
    assert _kept_all(kept, BODY[1:])
    # the question with no results under it is the story's own
    kept, removed = clean_lines([*BODY[:2], question, *BODY[2:]])
    assert question in kept, removed


NEWSLETTER = [
    "खेत-खलिहान: हर सोमवार सुबह एक ई-मेल, मंडी के भाव और मौसम की सलाह के साथ",
    "अपना ई-मेल पता लिखें | मुझे जोड़ें",
    "कोई स्पैम नहीं। एक क्लिक में सूची से बाहर हो जाइए।",
]


def test_a_newsletter_box_goes_with_its_pitch_and_promise() -> None:
    kept, removed = clean_lines([*BODY[:3], *NEWSLETTER, *BODY[3:]])
    assert all(removed.get(t) == "navigation" for t in NEWSLETTER)
    assert _kept_all(kept, BODY[1:])


def test_a_line_about_e_mail_beside_a_contact_stays() -> None:
    # a contact of the story is no sign-up row (an address, a figure), and the line above it
    # stays with it
    box = [
        "शिकायतें ई-मेल से भी भेजी जा सकती हैं, विभाग सात दिन में जवाब देगा",
        "ई-मेल: krishi.hoshangabad@mp.example | फ़ोन: 07574-250311",
    ]
    kept, removed = clean_lines([*BODY[:3], *box, *BODY[3:]])
    assert box[0] not in removed


def test_a_follow_button_with_a_fullwidth_plus_goes() -> None:
    button = "नसरीन बानो की सारी रिपोर्ट · फ़ॉलो ＋"
    kept, removed = clean_lines([*BODY, button])
    assert removed.get(button) == "navigation"
    assert _kept_all(kept, BODY[1:])


def test_a_prompt_with_bracketed_buttons_over_the_headline_goes() -> None:
    prompt = "Let the Valley Ledger send you alerts? Only the big ones. [Yes please] [Not now]"
    kept, removed = clean_lines([prompt, *BODY])
    assert removed.get(prompt) == "navigation"
    assert removed.get(BODY[0]) is None and _kept_all(kept, BODY[1:])


def test_references_in_brackets_are_no_buttons() -> None:
    line = "पंपों का रखरखाव अब पंचायत करेगी, यह योजना के दूसरे चरण का हिस्सा है। [1] [2]"
    kept, removed = clean_lines([*BODY, line])
    assert line not in removed or removed[line] != "navigation"


def test_a_desk_credit_under_the_deck_is_metadata() -> None:
    deck = (
        "बारह गांवों के किसानों का डीजल खर्च घटा, विभाग अगले साल बीस और गांवों में पंप "
        "लगाएगा; हर पंप पर नब्बे प्रतिशत अनुदान, बाकी राशि किसानों ने किस्तों में जमा की, "
        "दिन में आठ घंटे पानी"
    )
    credit = "नर्मदा दर्पण संवाददाता | होशंगाबाद"
    kept, removed = clean_lines([BODY[0], deck, credit, *BODY[1:]])
    assert removed.get(credit) == "metadata"
    assert _kept_all(kept, BODY[1:])


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("About 740 words, roughly three minutes", "metadata"),
        ("लगभग 900 शब्द, पढ़ने में 4 मिनट", "metadata"),
        (
            "Disclosure: Our reporter visited the villages on a trip arranged by the "
            "agriculture department.",
            "metadata",
        ),
        ("ट्रेंड में इस वक़्त: #सौर_पंप #नर्मदा #रबी_सीजन", "navigation"),
    ],
)
def test_notes_and_topic_rows(line: str, label: str) -> None:
    kept, removed = clean_lines([*BODY, line])
    assert removed.get(line) == label
    assert _kept_all(kept, BODY[1:])


@pytest.mark.parametrize(
    "line",
    [
        "Also in this story: Narmada · Solar pumps · Irrigation · Hoshangabad",
        "इस ख़बर में: नर्मदा · सौर पंप · सिंचाई · होशंगाबाद · अनुदान",
    ],
)
def test_a_row_of_the_storys_topics_between_paragraphs_goes(line: str) -> None:
    kept, removed = clean_lines([*BODY[:3], line, *BODY[3:]])
    assert removed.get(line) == "navigation"
    assert _kept_all(kept, BODY[1:])


def test_a_sentence_with_words_and_minutes_stays() -> None:
    line = "मंत्री ने 900 शब्दों का भाषण 12 मिनट में पढ़ा और अनुदान बढ़ाने की घोषणा की।"
    kept, _ = clean_lines([*BODY, line])
    assert _kept_all(kept, [line])


MOST_READ = [
    "आज होशंगाबाद में सबसे ज़्यादा खोली गईं",
    "1. इटारसी रेलवे स्टेशन पर नए फुट ओवरब्रिज का काम दूसरे हफ़्ते भी जारी",
    "2. सेठानी घाट पर नर्मदा जयंती की तैयारियां 20 जनवरी से",
    "3. पिपरिया मंडी में चने की आवक बढ़ी, भाव स्थिर",
]


def test_a_ranked_most_read_list_at_the_end_goes() -> None:
    kept, removed = clean_lines([*BODY, *MOST_READ])
    assert all(removed.get(t) == "related-link" for t in MOST_READ[1:])
    assert MOST_READ[0] in removed
    assert _kept_all(kept, BODY[1:])


def test_numbered_steps_under_a_lists_intro_at_the_end_stay() -> None:
    steps = [
        "पंप के लिए आवेदन इस तरह करें:",
        "1. किसान पोर्टल पर खसरा नंबर और आधार के साथ पंजीकरण करवाएं",
        "2. ग्राम सेवक से खेत का सत्यापन दस दिन के भीतर करवाएं",
        "3. स्वीकृति मिलने पर दस प्रतिशत अंशदान बैंक में जमा करवाएं",
    ]
    kept, _ = clean_lines([*BODY, *steps])
    assert _kept_all(kept, steps[1:])


AD_BOX = [
    "Partner feature",
    "Solar pumps at 40% off this rabi season: call Suryakiran Agro for a free field survey",
    "This space is paid for by the advertiser. Our newsroom had no part in preparing it.",
]


def test_an_advertisers_box_between_its_label_and_note_goes() -> None:
    kept, removed = clean_lines([*BODY[:3], *AD_BOX, *BODY[3:]])
    assert all(removed.get(t) == "navigation" for t in AD_BOX)
    assert _kept_all(kept, BODY[1:])


def test_the_line_under_an_advertisement_label_alone_stays() -> None:
    kept, removed = clean_lines([*BODY[:2], "Advertisement", *BODY[2:]])
    assert removed.get("Advertisement") == "navigation"
    assert _kept_all(kept, BODY[1:])


def test_readers_cards_with_a_place_and_a_reaction_count_go() -> None:
    cards = [
        "रामकिशोर पटेल · बाबई · 2 घंटे पहले",
        "हमारे गांव में पंप तो लग गया, पर बादल वाले दिन पानी आधा ही निकलता है।",
        "👍 सहमत 58 · 💬 6",
        "सुनीता कुशवाहा · सोहागपुर · कल",
        "किस्त जमा करने की रसीद अब तक नहीं मिली, विभाग में कोई सुनता नहीं।",
        "👍 सहमत 41 · 💬 3",
    ]
    kept, removed = clean_lines([*BODY, *cards])
    assert removed.get(cards[1]) == "navigation" and removed.get(cards[4]) == "navigation"
    assert _kept_all(kept, BODY[1:])


def test_a_masthead_named_in_the_copyright_line_is_no_candidate_for_the_title() -> None:
    page = [
        "नर्मदा दर्पण हिंदी",
        "होम | मध्यप्रदेश | खेती | शहर",
        *BODY,
        "© 2026 नर्मदा दर्पण मीडिया प्रा. लि.",
    ]
    state = read_page(Article(id="t", source="test", raw_text="\n\n".join(page)), None)
    for run_pass in _PASSES[: _PASSES.index(find_title)]:
        run_pass(state)
    assert [ln.text for _, ln in _title_candidates(state)][:1] == [BODY[0]]
    clean, _ = clean_page(Article(id="t", source="test", raw_text="\n\n".join(page)), None)
    assert clean.title == BODY[0]


@pytest.mark.parametrize(
    "caption",
    [
        "सुरेश चौरसिया (1942–2024)। फ़ाइल फ़ोटो",
        "▶ VIDEO: नर्मदा किनारे खेत में पानी देता सौर पंप (01:40)",
    ],
)
def test_a_caption_with_a_bare_credit_or_a_media_label_goes(caption: str) -> None:
    kept, removed = clean_lines([*BODY[:2], caption, *BODY[2:]])
    assert removed.get(caption) == "caption"
    assert _kept_all(kept, BODY[1:])


def test_a_sentence_with_its_source_after_it_stays() -> None:
    line = "ज़िले में इस साल 1,200 किसानों ने सौर पंप के लिए आवेदन किया है। स्रोत: कृषि विभाग"
    kept, removed = clean_lines([*BODY[:2], line, *BODY[2:]])
    assert line not in removed


def test_the_scorer_leaves_items_of_a_numbered_or_bulleted_list_alone() -> None:
    from summarize.clean.page import read_page
    from summarize.clean.scorer import _list_items
    from summarize.types import Article

    bullets = ["• अनुदान नब्बे प्रतिशत, बाकी चार किस्तों में", "• पांच एकड़ तक के किसान पात्र"]
    steps = ["1. पोर्टल पर पंजीकरण करवाएं", "2. खेत का सत्यापन करवाएं"]
    lone = "• पंप योजना की पूरी सूची"
    lines = [*SOLAR_PUMPS, *bullets, SOLAR_PUMPS[1], *steps, SOLAR_PUMPS[2], lone, SOLAR_PUMPS[3]]
    page = read_page(Article(id="t", source="test", raw_text="\n\n".join(lines)), None)
    items = {ln.text for ln in page.lines if ln.idx in _list_items(page)}
    assert items == {*bullets, *steps}
