"""Boxes of a portal's page (session 32): a cookie box at the top of the page, a readers' poll
with its results, a newsletter box around its sign-up row, a "follow ＋" button.  Lines and
pages are written for these tests, not taken from any evaluation set; each rule has its
converse, text of the article that stays."""

from __future__ import annotations

from cleaner_texts import SOLAR_PUMPS, clean_lines

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
