"""The site's own notes among an article's lines (passes 1 and 8): a sponsored slot after a
dot, an opinion column's disclaimer and a site's "not affiliated" note, the site's news on the
reader's phone, pass-it-on prompts, a newsletter sign-up that names the inbox, a paywall's
meter, premium badge and gate, a machine-made box's note, a call for readers' letters, a CMS
shortcode, a player's error and its autoplay prompt, notes on prices, names and the official
notification at the page's end, a wire note right under the byline, and any line that names
the site itself (its name read from the copyright line, or else from the masthead and the
footer that both begin with it).

Every line here was written for these tests (the article is :data:`SOLAR_PUMPS`); none comes
from an evaluation set.  Each furniture line has a sentence of the story beside it that uses
the same words and stays."""

from __future__ import annotations

import pytest

from summarize.clean.page import Line, read_page
from summarize.clean.patterns import BYLINE_RE, DISCLAIMER_RE
from summarize.clean.residue import _line_label, _site_name
from summarize.clean.shapes import is_navigation, is_related, is_tracking
from summarize.types import Article
from tests.clean.cleaner_texts import SOLAR_PUMPS, clean_lines

FURNITURE = [
    ("प्रायोजित · अपनी दुकान का प्रचार यहां करवाने के लिए 'विज्ञापन दें' दबाएं", "navigation"),
    ("The opinions in this column are the author's own.", "metadata"),
    ("खेती दर्पण किसी सरकारी संस्था से जुड़ा नहीं है। योजना की जानकारी विभाग से ही पक्की करें।", "metadata"),
    ("मंडी की हर ख़बर अपने फ़ोन पर: खेती दर्पण ऐप आज ही इंस्टॉल करें", "navigation"),
    ("यह ख़बर उन दोस्तों तक पहुंचाएं जो खेती करते हैं", "navigation"),
    ("गांव की पांच बड़ी ख़बरें, हर सुबह सीधे आपके इनबॉक्स में", "navigation"),
    ("You have read 2 of your 5 free stories this month. Subscribe to read on.", "navigation"),
    ("★ KHETI PLUS · Subscribers only", "navigation"),
    ("🔓 आगे पढ़ने के लिए अपने खाते से लॉग-इन कीजिए, इसमें कोई शुल्क नहीं लगता है", "navigation"),
    ("To keep reading this story, sign in with your free account", "navigation"),
    ("Agree or disagree? Send a letter of up to 150 words to mail@kheti.example.", "navigation"),
    (
        "Ask us: send the farm question you want answered next, and our desk may take it up",
        "navigation",
    ),
    ("[[calculator-box id=pump-cost]]", "artefact"),
    ("Player could not start. Error 2041 · Retry", "navigation"),
    ("Next video in 8 seconds: Farmers on the new canal gates · Cancel", "navigation"),
    ("अगला वीडियो 8 सेकंड में: नहर के नए फाटक पर किसानों की राय", "navigation"),
    ("नोट: पंपों के दाम कंपनी के हैं। स्थानीय बाज़ार में दाम कुछ अलग हो सकते हैं।", "metadata"),
    ("ध्यान दें: कंपनियों के नाम केवल जानकारी के लिए दिए गए हैं।", "metadata"),
    ("ज़रूरी सूचना: आवेदन से पहले विभाग की आधिकारिक अधिसूचना एक बार ज़रूर पढ़ लें।", "metadata"),
    ("यह पूर्वानुमान मौसम केंद्र के बुलेटिन पर आधारित है, अपने इलाके की जानकारी लेते रहें।", "metadata"),
    ("Summarised by an AI model from this report; the report itself is what counts.", "metadata"),
    ("AI-written from the story above and checked by our farm desk", "metadata"),
    ("(एआई से तैयार, डेस्क ने पढ़ा है)", "metadata"),
    ("ये बिंदु एआई ने ख़बर से निकाले हैं, चूक हो सकती है", "metadata"),
    # the site's note that it revised the story, or where it is printed
    ("This article was updated at 4:20 pm to add the department's reply.", "metadata"),
    ("Updated on May 3 at 9:10 am to correct the number of pumps.", "metadata"),
    ("इस ख़बर में 12 मई दोपहर 2 बजे बदलाव किया गया, पंपों की संख्या ठीक की गई।", "metadata"),
    ("सुधार: इस ख़बर के पहले रूप में गांवों की संख्या ग़लत छपी थी।", "metadata"),
    ("प्रिंट में पढ़ें: होशंगाबाद संस्करण, पृष्ठ 5", "metadata"),
    ("This report also appears in the Narmadapuram edition of our paper.", "metadata"),
    # a recommender's reason, a notification prompt, a readers' poll, how the site checks facts
    ("You are seeing this because you follow farm news from Narmadapuram.", "navigation"),
    ("आपको यह ख़बर क्यों दिख रही है: आपने खेती की ख़बरें चुनी हैं।", "navigation"),
    ("Turn on notifications to hear first when the canal opens.", "navigation"),
    ("मंडी की हर नई ख़बर की सूचना पाने के लिए ऊपर घंटी वाला बटन दबाइए।", "navigation"),
    (
        "Reader poll: should every village get solar pumps before the next rabi season?",
        "navigation",
    ),
    ("पाठक राय: क्या हर गांव में सौर पंप लगने चाहिए?", "navigation"),
    ("How we check: every figure in our farm reports is matched with the order.", "navigation"),
    (  # (notes of two sentences, longer than a line of furniture usually is)
        "You are seeing this because you follow farm news from Narmadapuram and read two "
        "stories on irrigation this week. You can change this in your settings at any time.",
        "navigation",
    ),
    (
        "इस ख़बर में 12 मई दोपहर 2 बजे बदलाव किया गया, क्योंकि विभाग ने पंपों की संख्या "
        "340 से बढ़ाकर 352 बताई। पहले रूप में पुरानी संख्या छपी थी, जिसके लिए हमें खेद है।",
        "metadata",
    ),
    ("यह सार एक कंप्यूटर प्रोग्राम ने ख़बर पढ़कर बनाया है, चूक हो सकती है।", "metadata"),
    ("मशीन से बना यह सार किसी संपादक ने नहीं पढ़ा है।", "metadata"),
    ("This summary was produced by software from the report below.", "metadata"),
    ("1,204 पाठकों ने राय दी · मतदान शुक्रवार रात 10 बजे बंद होगा", "navigation"),
    ("लोग अभी पढ़ रहे हैं: सौर पंप · नहर · मंडी भाव", "navigation"),
    ("Narmadapuram ki har khabar sabse pehle — app download karein", "navigation"),
    ("इस पन्ने पर हम आपकी पढ़ने की आदतें सिर्फ़ ख़बरें सुझाने के लिए दर्ज करते हैं।", "navigation"),
    # the site's call for support, its survey, its app's prompt, its pointer to its reports
    (
        "हम आपसे सहयोग क्यों मांगते हैं? क्योंकि गांव की ख़बर निकालने में समय और पैसा दोनों लगते हैं।",
        "navigation",
    ),
    ("अगर यह ख़बर काम की लगी, तो सदस्यता लेकर इस काम को जारी रखने में हाथ बंटाइए।", "navigation"),
    ("हम खेती के पन्ने को बेहतर बनाना चाहते हैं। दो मिनट निकालकर पाठक सर्वे भरिए।", "navigation"),
    ("ऐप में अपना गांव जोड़िए, फिर मंडी भाव और नहर की सूचना फ़ोन पर आएगी।", "navigation"),
    ("Why we ask for your support: farm reporting takes time and money.", "navigation"),
    ("Take our two-minute reader survey and tell us what to cover next.", "navigation"),
    ("इस मुद्दे से जुड़ी हमारी पिछली पड़ताल: नहर के फाटक तीन साल से क्यों बंद हैं", "related-link"),
    ("From our archive: how the canal gates were shut in 2023", "related-link"),
    # an advert's, a classified's or a sponsor's text after its label, however long
    (
        "विज्ञापन — रबी की बुवाई का समय आ गया है। किसान सेवा केंद्र पर इस हफ़्ते हर बीज की बोरी पर "
        "छूट मिल रही है, ऑफ़र रविवार तक है।",
        "navigation",
    ),
    ("क्लासीफ़ाइड — बिकाऊ: पुराना डीजल इंजन, अच्छी हालत में, इटारसी रोड", "navigation"),
    ("इस ख़बर के सहयोगी हैं नर्मदा कृषि केंद्र। पंप और पाइप यहां उचित दाम पर मिलते हैं।", "navigation"),
]

STAY = [
    "कृषि विभाग ने बताया कि पंप योजना का पूरा ब्योरा उसकी वेबसाइट और किसान ऐप पर डाल दिया गया है।",
    "पिछले साल विभाग को किसानों के सवालों वाली चार सौ चिट्ठियां मिली थीं, जिनका जवाब ई-मेल से दिया गया।",
    "योजना से जुड़े एक अधिकारी ने कहा कि पंप किसी निजी कंपनी से नहीं, सरकारी निविदा से ख़रीदे गए हैं।",
    "आवेदन के लिए किसान पोर्टल पर अपने मोबाइल नंबर से लॉग-इन करें और खसरा नंबर भरें।",
    "विभाग ने पंपों के लिए गांवों की सूची एआई से तैयार नक्शों की मदद से बनाई है।",
    "इस योजना में पिछले साल बदलाव किया गया था, अब अनुदान सीधे किसानों के खाते में आता है।",
    "The department's report was revised in March after farmers objected to its figures.",
    "पंपों की सूचना पाने के लिए किसान अपने मोबाइल नंबर से पोर्टल पर पंजीयन करा सकते हैं।",
    "गांव के स्कूल में हुए किसान सम्मेलन का ख़र्च एक सहकारी बैंक ने उठाया।",
    "किसानों ने कहा कि हम विभाग से सहयोग चाहते हैं, ताकि अगले साल और पंप लगें।",
    "विभाग ने एक सर्वे भी कराया, जिसमें गांव के हर किसान से पंप के बारे में पूछा गया।",
    "उपसंचालक ने कहा, “किसान पोर्टल के ऐप में अपना खसरा नंबर जोड़ें, फिर आवेदन की स्थिति दिखेगी।”",
    "हमारी टीम ने गांव में जाकर देखा कि पंप दिन में आठ घंटे चलते हैं।",
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_a_sites_own_note_is_removed_and_the_story_stays(line: str, reason: str) -> None:
    # (a disclaimer is read among the article's last lines; the rest anywhere)
    page = [*SOLAR_PUMPS, *STAY, line] if reason == "metadata" else [*SOLAR_PUMPS, line, *STAY]
    kept, removed = clean_lines(page)
    assert removed.get(line) == reason
    assert all(s in kept for s in STAY)


def test_a_disclaimer_with_a_word_of_its_kind_before_it() -> None:
    note = "स्वास्थ्य अस्वीकरण: यह जानकारी केवल जागरूकता के लिए है, पंप या दवा से जुड़ा फ़ैसला विशेषज्ञ से पूछकर लें।"
    _, removed = clean_lines([*SOLAR_PUMPS, note])
    assert removed.get(note) == "metadata"
    assert DISCLAIMER_RE.search("Legal disclaimer: figures are from the department's release.")
    assert not DISCLAIMER_RE.search("किसानों ने कहा अस्वीकरण की बात बाद में होगी")


def test_a_disclaimer_right_under_the_byline_is_metadata_and_the_lead_stays() -> None:
    english = [
        "Solar pumps reach twelve villages on the Narmada, cutting diesel bills",
        "Farm Desk | January 12, 2026",
        "This story is carried as received from the news service. The site has not edited it.",
        "Twelve villages on the Narmada now water their wheat with solar pumps, and farmers say "
        "their diesel bills have almost vanished this winter.",
        "The agriculture department paid ninety per cent of the cost of each pump, and farmers "
        "paid the rest in four instalments over two years.",
        "Each pump runs for about eight hours on a sunny day, enough to water an acre of wheat "
        "twice a week.",
        "The department plans to take the scheme to twenty more villages next year.",
    ]
    kept, removed = clean_lines(english)
    assert removed.get(english[2]) == "metadata"  # (not among the page's last lines)
    assert all(line in kept for line in english[3:])


def test_a_stamp_whose_word_is_a_verb_and_a_line_with_a_time() -> None:
    _, removed = clean_lines([*SOLAR_PUMPS, "Posted 06:15 PM", SOLAR_PUMPS[2]])
    assert removed.get("Posted 06:15 PM") == "metadata"
    assert _line_label(Line(0, "Posted 06:15 PM"), "en") == "metadata"
    # a verb that is no stamp's word: text
    assert _line_label(Line(0, "Pumps started 6 am"), "en") == ""


def test_photos_and_words_credit_is_a_byline() -> None:
    assert BYLINE_RE.search("फ़ोटो और शब्द: रचना सोलंकी")
    assert BYLINE_RE.search("Photos and words: Rachna Solanki")


# The site's name from its copyright line (pass 1c): any line that names the site is its own
# furniture, in whatever words, unless the story reports something told to the site, its own
# earlier report, or quotes it.
FOOTER = "© 2026 नर्मदा दर्पण डिजिटल प्रा. लि. · निजता नीति · हमसे जुड़ें"


@pytest.mark.parametrize(
    ("footer", "name"),
    [
        (FOOTER, "नर्मदा दर्पण"),
        ("PadosPal Media © 2026 · शर्तें · निजता", "PadosPal"),
        ("Offices: Bhopal · Indore | © 2025 Narmada Darpan Publications", "Narmada Darpan"),
        ("All images © their photographers.", ""),
        ("© 2026 · सर्वाधिकार सुरक्षित", ""),
    ],
)
def test_the_sites_name_is_read_from_its_copyright_line(footer: str, name: str) -> None:
    page = read_page(
        Article(id="t", source="test", raw_text="\n\n".join([*SOLAR_PUMPS, footer])), None
    )
    assert _site_name(page) == name


@pytest.mark.parametrize(
    "note",
    [
        "नर्मदा दर्पण हर आंकड़े का मिलान विभाग के आदेश से करता है। कोई ग़लती दिखे तो लिखें।",
        "नर्मदा दर्पण गांव की ख़बर को शहर जितनी जगह देता है, और यह काम पाठकों के भरोसे चलता है।",
        "नर्मदा दर्पण पर यह भी",
    ],
)
def test_a_line_that_names_the_site_is_its_furniture(note: str) -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], note, SOLAR_PUMPS[3], FOOTER])
    assert removed.get(note) == "navigation", removed
    assert SOLAR_PUMPS[3] in kept


@pytest.mark.parametrize(
    "line",
    [
        "कृषि उपसंचालक ने नर्मदा दर्पण को बताया कि अगले साल बीस और गांवों में पंप लगेंगे।",
        "नर्मदा दर्पण ने पिछले महीने पंपों की ख़राबी का मामला उठाया था, जिसके बाद जांच शुरू हुई।",
        "“हमने नर्मदा दर्पण की ख़बर पढ़कर ही आवेदन किया,” किसान रामदीन ने कहा।",
        "नमस्कार, आप देख रहे हैं नर्मदा दर्पण। आज की बड़ी ख़बर होशंगाबाद से।",  # (a transcript)
    ],
)
def test_a_story_line_that_names_the_site_stays(line: str) -> None:
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], line, SOLAR_PUMPS[3], FOOTER])
    assert line in kept, removed


def test_what_someone_told_the_site_is_the_storys() -> None:
    told = "The deputy director told Narmada Darpan that twenty more villages would get pumps."
    pitch = "Narmada Darpan is free to read because members pay for it. Join for Rs 99."
    footer = "© 2026 Narmada Darpan Digital · Privacy"
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], told, pitch, SOLAR_PUMPS[3], footer])
    assert told in kept, removed
    assert removed.get(pitch) == "navigation"


# With no copyright line, the name the masthead (the page's first line) and the footer (one of
# its last three lines) both begin with.
MASTHEAD = "GaonDoot ☰ होशंगाबाद › खेती"
SIGNOFF = "GaonDoot Media · हमारे बारे में · संपर्क"


def _masthead_page(*lines: str) -> list[str]:
    return [MASTHEAD, *lines, "इसी विषय पर और", "टिप्पणियां (4)", SIGNOFF]


def test_the_sites_name_is_read_from_its_masthead_and_footer() -> None:
    text = "\n\n".join(_masthead_page(*SOLAR_PUMPS))
    assert _site_name(read_page(Article(id="t", source="test", raw_text=text), None)) == "GaonDoot"
    # a masthead that the footer does not sign is no site's name
    text = "\n\n".join([MASTHEAD, *SOLAR_PUMPS, "इसी विषय पर और", "टिप्पणियां (4)", "संपर्क · निजता"])
    assert _site_name(read_page(Article(id="t", source="test", raw_text=text), None)) == ""


def test_a_line_that_names_the_masthead_site_is_its_furniture() -> None:
    note = "GaonDoot पर आने वाली हर ख़बर को हमारी डेस्क एक सरकारी दस्तावेज़ से मिलाती है।"
    kept, removed = clean_lines(_masthead_page(*SOLAR_PUMPS[:3], note, SOLAR_PUMPS[3]))
    assert removed.get(note) == "navigation", removed
    assert SOLAR_PUMPS[3] in kept


def test_a_masthead_name_that_the_lead_uses_is_the_pages_subject() -> None:
    """A city's or a subject's page begins with its name ("होशंगाबाद · मौसम"), and so may its
    footer; the lead names it too, and the lines that name it stay."""
    city = "होशंगाबाद"  # (the lead's dateline)
    assert SOLAR_PUMPS[1].startswith(city)
    line = f"{city} की दूसरी तहसीलों में भी किसानों ने सौर पंप के लिए आवेदन दिए हैं।"
    lines = [f"{city} · मौसम", *SOLAR_PUMPS[:3], line, SOLAR_PUMPS[3], "इसी विषय पर और"]
    lines += ["टिप्पणियां (4)", f"{city} · हमारे बारे में"]
    kept, removed = clean_lines(lines)
    assert line in kept, removed


def test_a_fact_checks_own_heading_is_no_pointer_to_another_report() -> None:
    heading = "हमारी पड़ताल:"
    kept, removed = clean_lines([*SOLAR_PUMPS[:3], heading, *SOLAR_PUMPS[3:]])
    assert heading in kept, removed


def test_an_opinion_note_in_the_middle_of_the_page_is_metadata() -> None:
    # under the experts' words, above the article's last paragraphs (not among its last
    # three lines); the reversed order too: "विचार उनके निजी हैं"
    note = "इस ख़बर में विशेषज्ञों के विचार उनके निजी हैं और वेबसाइट उनसे सहमत हो, यह ज़रूरी नहीं।"
    closing = [
        "पंप लगाने वाली कंपनी ने कहा कि हर पंप की पांच साल की मरम्मत उसकी ज़िम्मेदारी रहेगी।",
        "गांव की महिला समूह ने पंपों की देखरेख के लिए दो युवाओं को प्रशिक्षण दिलाने का फ़ैसला किया।",
        "अगले महीने विभाग की टीम हर गांव में पंपों की जांच करेगी।",
    ]
    kept, removed = clean_lines([*SOLAR_PUMPS, note, *closing])
    assert removed.get(note) == "metadata", removed
    assert all(line in kept for line in closing)


def test_a_blog_themes_links_to_the_posts_before_and_after_are_related_links() -> None:
    links = [
        "← पिछली पोस्ट: इटारसी में रेलवे ओवरब्रिज पर दो महीने भारी वाहन बंद",
        "« पचमढ़ी में सैलानियों के लिए नई बस सेवा शुरू होगी",
        "सिवनी मालवा में गेहूं ख़रीद केंद्र पर तौल कांटे बढ़ाए गए »",
    ]
    _, removed = clean_lines([*SOLAR_PUMPS, *links])
    assert all(removed.get(t) == "related-link" for t in links), removed
    english = ["Previous: Itarsi overbridge shut to heavy vehicles for two months",
               "← Older post: New bus service for tourists in Pachmarhi"]  # fmt: skip
    assert all(is_related(t) for t in english)
    # a sentence of the story is none, nor a word that only begins with "Next"
    assert not is_related("Next: the department will take the scheme to twenty villages.")
    assert not is_related("Next-generation pumps arrive in Hoshangabad next month")


def test_a_sites_visitor_counter_is_tracking() -> None:
    counters = ["आज के आगंतुक: 4,518 | कुल: 88,20,115", "Page views today: 2,304 · Total: 9,11,482"]
    _, removed = clean_lines([*SOLAR_PUMPS, *counters])
    assert all(removed.get(t) == "tracking" for t in counters), removed
    assert not is_tracking("Readers: 12 of them wrote to the department.")


def test_the_sites_pitches_and_policies_in_full_sentences_are_furniture() -> None:
    notes = [
        "The Farm Week letter lands every Monday with five stories from the villages. Add your "
        "e-mail below to join; it is free.",
        "हर शाम 6 बजे खेती की पांच ख़बरें आपके ईमेल पर आ सकती हैं। नीचे पता लिखिए।",
        "🔒 आगे की ख़बर हमारे सदस्यों के लिए है। सदस्यता 49 रुपये महीने से।",
        "टिप्पणी लिखने के लिए लॉग इन करें। आपत्तिजनक टिप्पणियां बिना चेतावनी हटा दी जाती हैं।",
        "यह पन्ना मशीन से हुए अनुवाद में दिख रहा है; कुछ शब्द ग़लत हो सकते हैं।",
        "हमारी हर ख़बर संपादकीय आचार संहिता के तहत जांची जाती है। कोई चूक दिखे तो हमें लिखें।",
    ]
    _, removed = clean_lines([*SOLAR_PUMPS[:3], notes[0], notes[2], SOLAR_PUMPS[3], *notes[1:2],
                              *notes[3:]])  # fmt: skip
    assert all(removed.get(t) == "navigation" for t in notes), removed
    revised = "यह पोस्ट शाम 6:10 बजे कृषि उपसंचालक से हुई बातचीत की जानकारी जोड़कर अपडेट की गई।"
    _, removed = clean_lines([SOLAR_PUMPS[0], revised, *SOLAR_PUMPS[1:]])
    assert removed.get(revised) == "metadata", removed


def test_a_calculator_widget_goes_and_the_subhead_under_it_stays() -> None:
    widget = [
        "Pump loan EMI calculator",
        "Loan amount ₹60,000 | Interest 9% a year | Tenure 36 months",
        "You would pay ₹1,908 a month · See other banks",
    ]
    subhead = "What the farmers said"
    english = [
        "Solar pumps reach twelve villages on the Narmada, cutting diesel bills",
        "Twelve villages on the Narmada now water their wheat with solar pumps, and farmers say "
        "their diesel bills have almost vanished this winter.",
        "The agriculture department paid ninety per cent of the cost of each pump, and farmers "
        "paid the rest in four instalments over two years.",
        "\n".join(widget),
        subhead,
        "Each pump runs for about eight hours on a sunny day, enough to water an acre of wheat "
        "twice a week, the farmers said.",
    ]
    kept, removed = clean_lines(english)
    assert all(removed.get(t) == "navigation" for t in widget), removed
    assert subhead in kept


def test_a_blog_posts_categories_and_tags_in_other_words_are_navigation() -> None:
    rows = [
        "Posted in Farming · Energy · Hoshangabad — Tags: solar, pumps, irrigation",
        "Tagged: solar pumps, Narmada, subsidy, rabi",
        "इस ख़बर के भीतर: अनुदान की शर्तें | किसानों की राय | विभाग का नंबर",
    ]
    assert all(is_navigation(t) for t in rows)
    assert not is_navigation("Posted in Hoshangabad, the officer said the pumps work well.")
