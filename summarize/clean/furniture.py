"""Pass 1b of the cleaner: page furniture of layouts the line shapes of pass 1 do not know.

Issue 15 measured the cleaner on 44 pages of layouts it had never seen
(``tests/data/unseen/``) and found it kept much of their furniture.  These rules were written
against the *dev* half only, and each names a kind of furniture, not a site's string:

* **Gallery**: slide counters (``9 में से 3``, ``3 of 9``) and the caption right after each
  counter when a page has three or more and the line is a caption's noun phrase (no finite
  verb: a sentence under a counter is the gallery's own text and stays); "next gallery" links.  Not done: a box of ``key: value`` lines, which is
  furniture on some pages (a player's card) and body on others (a phone's specifications).
* **Widgets and prompts**: feedback polls on one line (``...? 👍 हां | 👎 नहीं``), comment
  prompts ("आपकी क्या राय है? नीचे बताइए"), newsletter, paywall, tip-line and write-to-us boxes
  (a short line with an e-mail address or a phone number and an invitation), article buttons
  (``Save article``), "tap here to refresh", a short line ending in an arrow
  (``अगली सुर्ख़ी ⬇``), story-boundary prompts ("scroll for the next story", "अगली ख़बर").
* **Blog platform footers**: "posted by ... on <date>", "No comments:", "Labels: a, b", the
  newer/older-post strip, the feed link, "powered by", a glued share strip.
* **Credits and stamps**: credit lines (``छायाकार: X | शब्द: Y``, "blog hosted by: X, Y"),
  a byline with a reading time (``लेख: X · 6 मिनट का पाठ``), release ids, "entry date:" stamps,
  market disclaimers; captions ending in a credit (``...। ● Paper``, ``सौजन्य: परिवार``) and a
  lone "screenshot of the viral post".
* **Boxes**: a table of contents (a "in this article" heading and the short numbered lines
  under it), a stat card line
  (``Name · 141* (248) · 17x4``), a price ticker (``▲ 3.20%``, ``NSE: X ₹412``).
* **Residue**: mojibake (UTF-8 read as Latin-1: ``à¤•à¥‰``), "your browser does not support
  the audio element", a reading-progress counter (``27% read``).

Every rule asks for a short line (a sentence of the article is never this shape) and leaves
lines the earlier passes labelled alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from summarize.clean.page import Line, Page
from summarize.clean.patterns import (
    CONSENT_RE,
    CONTACT_RE,
    COOKIE_RE,
    LIST_RANK_RE,
    STORY_MARKER_RE,
)
from summarize.clean.shapes import (
    ends_sentence,
    is_paragraph_like,
    is_text_line,
    split_words,
    terminal_count,
)
from summarize.lang.script import nfc
from summarize.lang.wellformed import has_finite_verb

__all__ = ["mark_furniture"]

_KH = "ख\u093c?"  # ख or ख़ (NFC keeps the nukta apart)
_NEWS = rf"(?:{_KH}बर|{_KH}बरें|न्यूज़?|समाचार|स्टोरी|सुर्{_KH}ी)"
_SHORT = 120  # the longest furniture line these rules consider (characters)
_I = re.IGNORECASE

# an advertiser's box: its label alone on a line, and the note under it that says who paid
_AD_LABEL = (
    r"^\W*(?:partner\s+feature|paid\s+(?:content|feature|partnership|post)|brand\s+(?:story|feature)|"
    r"sponsored\s+(?:content|feature|story|post)|promoted(?:\s+(?:content|story))?|"
    r"प्रायोजित\s+(?:सामग्री|लेख|फ़ीचर|फीचर)|पार्टनर\s+(?:कंटेंट|फ़ीचर|फीचर))\W*$"
)
_AD_NOTE = (
    r"\b(?:paid\s+for|sponsored|supplied|provided|produced)\s+by\s+(?:the\s+|an\s+|our\s+)?advertiser|"
    r"विज्ञापनदाता\s+(?:की|के)\s+(?:ओर|सौजन्य|द्वारा)|विज्ञापनदाता\s+ने\s+(?:दी|भेजी|तैयार)"
)
_AD_LABEL_RE = re.compile(_AD_LABEL, _I)
# an advert's, a classified's or a sponsor's text after its label (see ``_NOTE_RULES``)
_AD_TEXT_RE = re.compile(
    r"^\W*(?:vigyapan|advertisement|विज्ञापन|sponsored|प्रायोजित|क्लासीफ़ाइड|क्लासिफ़ाइड|"
    r"classifieds?|छोटे\s+विज्ञापन|वैवाहिक|matrimonial)\s*[—–·:|]\s*\S|"
    rf"^\W*इस\s+(?:{_NEWS}|रिपोर्ट|पन्ने)\s+के\s+(?:सहयोगी|प्रायोजक)\s|"
    r"^\W*(?:this\s+(?:story|report|section)\s+is\s+(?:sponsored|supported|brought\s+to\s+you)|"
    r"sponsored|brought\s+to\s+you)\s+by\b",
    _I,
)
_AD_NOTE_RE = re.compile(_AD_NOTE, _I)
_AD_BOX_LINES = 4

_COUNTER_RE = re.compile(
    r"^\s*(?:(?:photo|image|slide|picture|चित्र|तस्वीर|फ़?फोटो|फ़ोटो|स्लाइड)\s*)?"
    r"[\d०-९]{1,3}\s*(?:में\s+से|of|/)\s*[\d०-९]{1,3}\s*$",
    _I,
)
# (label, pattern) for lines that are furniture on their own, tried in order
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("artefact", re.compile(r"(?:à[¤¥¦§].){2,}")),  # mojibake: UTF-8 read as Latin-1
    (
        "artefact",
        re.compile(r"does\s+not\s+support\s+the\s+(?:audio|video)|^\s*\d{1,3}\s*%\s*read\s*$", _I),
    ),
    (
        "related-link",
        re.compile(
            rf"^\s*(?:(?:सम्बद्ध|संबद्ध|जुड़ी|संबंधित)\s+{_NEWS}|(?:अगली|पिछली)\s+गैलरी|next\s+gallery)\s*[:：▸›»>|-]",
            _I,
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^\s*(?:save|gift|share|print|bookmark|listen\s+to)\s+(?:this\s+)?(?:article|story)\s*$|"
            r"^\s*(?:newer\s+posts?|older\s+posts?|home)(?:\s+(?:newer|older)\s+posts?|\s+home)+\s*$|"
            r"^\s*(?:नई|पुरानी)\s+पोस्ट\s+(?:नई|पुरानी)\s+पोस्ट\s+मुख्यपृष्ठ\s*$|"
            r"^\s*(?:कोई\s+टिप्पणी\s+नहीं|no\s+comments)\s*:?\s*$|"
            r"^\s*(?:लेबल|labels)\s*:\s*\S|"
            r"^\s*(?:सदस्यता\s+लें|subscribe\s+to)\s*:.*\(atom\)\s*$|"
            r"(?:blogger\s+द्वारा\s+संचालित|powered\s+by\s+blogger)",
            _I,
        ),
    ),
    ("navigation", re.compile(r"free\s+stor(?:y|ies)\s+left|subscribe\s+for\s+unlimited", _I)),
    (  # an advertisement's slot or seam, a paywall prompt, a recommender's note
        "navigation",
        re.compile(
            r"(?:विज्ञापन|advertisement)\s+के\s+बाद\s+.{0,12}जारी|story\s+continues\s+(?:below|after)|"
            r"^\W*(?:vigyapan|advertisement|विज्ञापन|sponsored|प्रायोजित|partner\s+content)\W*$|"
            rf"{_AD_LABEL}|{_AD_NOTE}|"
            r"(?:केवल|सिर्फ़?|only\s+for|for)\s+(?:सदस्यों|सब्सक्राइबर्स|subscribers|members)(?![\w\u0900-\u097f])|"
            r"पहले\s+से\s+सदस्य|already\s+a\s+(?:member|subscriber)|साइन\s+इन\s+कर|"
            r"sign\s+in\s+to\s+(?:read|continue)|why\s+am\s+i\s+seeing\s+this|"
            r"\b\d+\s+sources?\s+(?:are\s+)?(?:covering|reporting)\b|\bfull\s+coverage\b|"
            # a prompt's buttons in brackets: "... Only the big ones, we promise. [Sure] [No
            # thanks]" (words in them: a reference's "[1][2]" is no button)
            r"(?:\[\s*[^\W\d][^\[\]]{0,19}\]\s*){2,}$",
            _I,
        ),
    ),
    (  # a machine-made text's disclaimer
        "metadata",
        re.compile(
            r"\b(?:produced|generated|transcribed)\s+automatically\b|"
            r"\b(?:generated|transcribed)\s+by\s+(?:software|a\s+machine|ai)\b|"
            r"\btranscript\s+(?:was\s+)?(?:generated|made|produced)\s+(?:from|by)\b|"
            r"\b(?:machine|ai|auto)[-\s]generated\b|"
            # a note that opens by saying who wrote the box: "Generated by an AI model from this
            # article", "Written by a machine, reviewed by ...", "AI-drafted from the article"
            r"^\W*(?:generated|drafted|written|made|prepared|produced|summari[sz]ed)\s+(?:by|with|using)\s+"
            r"(?:an?\s+)?(?:ai|machine|software|algorithm|language\s+model)\b|"
            r"^\W*ai[-\s](?:drafted|written|made|produced|assisted)\b|\(\s*auto[-\s]?summary\s*\)|"
            # "(एआई से तैयार, संपादकीय जांच के बाद)", "ये बिंदु एक एआई टूल ने ख़बर से छांटे हैं",
            # "यह सार स्वचालित रूप से तैयार हुआ है"
            r"^\W*(?:एआई|ai)\s+से\s+तैयार|स्वचालित\s+रूप\s+से\s+तैयार|"
            r"(?:ये|यह)\s+(?:बिंदु|सार|सारांश|पंक्तियां)\s.{0,20}(?:एआई|स्वचालित|मशीन)",
            _I,
        ),
    ),
    (
        "metadata",
        re.compile(
            r"^\s*(?:छायाकार|छायाचित्र|फोटो|photos?|words|text|शब्द)\s*:\s*[^|]{2,40}\|\s*\S|"
            r"^\s*(?:ब्लॉग|blog)\s.{0,25}:\s*[^\s,]+(?:\s[^\s,]+)?,|"
            r"^\s*(?:लेख|लेखक|by)\s*:?\s*[^·|]{2,40}[·|]\s*\d+\s*(?:मिनट|min)|"
            r"^\s*\(?\s*(?:रिलीज़?|release)\s*(?:आईडी|id)\s*:\s*\d+\s*\)?\s*$|"
            r"^\s*(?:प्रविष्टि\s+तिथि|प्रस्तुतकर्ता|posted\s+by)\b|"
            r"subject\s+to\s+market\s+risks|बाजार\s+जोखिमों\s+के\s+अधीन",
            _I,
        ),
    ),
    (
        "caption",
        re.compile(
            # (a question signed by a reader, "क्या यह सच है? — राकेश, अलवर", is no caption;
            # nor a table's row after an abbreviation: "मेटफ़ॉर्मिन 500 मि.ग्रा. | 96 | 38"; nor
            # a notice quoted with its signature inside the quotes: '"... orders. — Medical
            # Superintendent"')
            r"[।.!]\s*(?:●|•|—|\|)\s*[^\s|]+(?:\s[^\s|]+){0,2}(?<![\"”’'»])\s*$|(?:सौजन्य|courtesy)\s*:\s*\S+(?:\s\S+)?\s*$|"
            r"^\s*\S+(?:\s\S+){0,5}\s(?:का|की|के)\s+(?:स्क्रीनशॉट|screenshot)\s*$",
            _I,
        ),
    ),
    ("ticker", re.compile(r"^\s*[▲▼]|^\s*(?:NSE|BSE|NASDAQ|NYSE)\s*:.*[₹$]\s?\d")),
)
# The site's notes that may run to a few sentences, read on a line of any length (up to
# ``_NOTE_CHARS``): its note that it revised the story (with when) or where the story is
# printed; why a recommender shows the story, a notification prompt, a readers' poll, the
# site's note on how it checks facts; its call for support, its survey, its app's prompt and
# its pointer to its own earlier report; an advert's, a classified's or a sponsor's text after
# its label ("विज्ञापन — शादियों का मौसम लौट आया है। ...", "क्लासीफ़ाइड — किराये पर: ...", "इस
# ख़बर के सहयोगी हैं ...").
_NOTE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (  # the site's note that it revised this story, or where the story is printed
        "metadata",
        re.compile(
            r"^\W*this\s+(?:story|article|piece)\s+(?:was|has\s+been)\s+"
            r"(?:updated|revised|corrected|amended|edited)\b|"
            r"^\W*(?:updated|revised|corrected)\s+(?:on|at)\s+.{3,40}?\s+to\s+"
            r"(?:add|include|correct|reflect|clarify|remove)\b|"
            # (with when: "इस ख़बर में 27 जनवरी शाम 4 बजे बदलाव किया गया")
            # (a blog's post too: "यह पोस्ट रात 9:40 बजे ... जानकारी जोड़कर अपडेट की गई")
            rf"^\W*(?:इस|यह)\s+(?:{_NEWS}|रिपोर्ट|लेख|पोस्ट)\s+(?:में|को)?\s*.{{0,30}}?[\d०-९].{{0,60}}?"
            r"(?:बदलाव|संशोधन|सुधार|संशोधित|अपडेट)\s+(?:किया|की)\s+(?:गया|गई)|"
            rf"^\W*(?:सुधार|correction)\s*[:：]\s*(?:इस|यह|this)\s+(?:{_NEWS}|रिपोर्ट|लेख|story|article)|"
            r"(?:संस्करण|edition)\s*,?\s*(?:में\s+)?(?:पृष्ठ|पेज|page)\s*[\d०-९]+|"
            r"\balso\s+appears?\s+in\s+the\b.{0,40}\bedition\b|"
            # a machine-made summary's note: "यह सार एक कंप्यूटर प्रोग्राम ने ख़बर पढ़कर बनाया
            # है", "मशीन से बना यह सार ...", "This summary was produced by software ..."
            r"(?:यह|ये)\s+(?:सार|सारांश|बिंदु)\s.{0,30}(?:कंप्यूटर|सॉफ़्टवेयर|प्रोग्राम|मशीन|एआई)|"
            r"मशीन\s+से\s+(?:बना|बनी|बने|तैयार)\s+(?:यह|ये)\s+(?:सार|सारांश|बिंदु)|"
            r"\bthis\s+summary\s+was\s+(?:produced|generated|made|written|created)\s+by\s+"
            r"(?:software|a\s+machine|a\s+computer|ai\b|an?\s+(?:program|algorithm|model))",
            _I,
        ),
    ),
    (  # why a recommender shows the story, a notification prompt, a readers' poll, the
        # site's note on how it checks facts
        "navigation",
        re.compile(
            r"\byou(?:'re|\s+are)\s+seeing\s+this\s+because\b|^\W*why\s+this\s+story\b|"
            rf"आपको\s+(?:यह|ये)\s+(?:{_NEWS}\s+)?क्यों\s+दिख|"
            rf"(?:इस|यह)\s+(?:कार्ड|{_NEWS})\s+के\s+यहां\s+होने\s+की\s+वजह|"
            r"\b(?:turn\s+on|allow|enable)\s+notifications?\b|\bnotification\s+chalu\b|"
            r"\bwe\s+can\s+send\s+you\s+an?\s+(?:note|notification|alert)\b|"
            rf"(?:{_NEWS}|सूचनाएं|सूचना|अपडेट)\s.{{0,40}}पाने\s+के\s+लिए\s.{{0,40}}"
            r"(?:बटन|घंटी|🔔|सब्सक्राइब|चालू\s+करें|ऑन\s+करें|दबाएं|दबाइए|अनुमति\s+(?:दें|दीजिए))|"
            r"(?:सूचना|सूचनाएं|नोटिफ़िकेशन|अपडेट)\s.{0,40}फ़?ोन\s+पर\s.{0,60}(?:अनुमति\s+(?:दें|दीजिए)|घंटी)|"
            r"^\W*(?:reader'?s?'?\s+poll|readers'\s+poll|पाठक\s+(?:राय|सर्वे|सर्वेक्षण))\s*[:：]|"
            r"^\W*how\s+we\s+(?:check|report|verify|work)\b|\bwe\s+correct\s+our\s+mistakes\b|"
            # a poll's count and close ("2,316 लोगों ने राय दी · मतदान रविवार रात 12 बजे बंद होगा")
            r"^\W*[\d,०-९]+\s+(?:लोगों|पाठकों)\s+ने\s+(?:राय|वोट|मत)\s+(?:दी|दिया|दिए)\s*[·|]|"
            r"मतदान\s.{0,30}बंद\s+होगा|\bpoll\s+closes\b|"
            # what others read now ("लोग अभी पढ़ रहे हैं: ..."), Roman-Hindi prompts, a data-use note
            r"^\W*(?:लोग|पाठक)\s+(?:अभी\s+)?(?:पढ़|देख)\s+रहे\s+हैं\s*[:：]|"
            r"^\W*(?:people|readers)\s+are\s+(?:reading|watching)\s*[:：]|"
            r"\b(?:download\s+kar(?:ein|en|iye)|abhi\s+khol(?:iye|ein|en)|"
            r"notification\s+on\s+rakh(?:ein|iye|en))\b|"
            r"पढ़ने\s+की\s+आदतें|आपकी\s+जानकारी\s+किसी\s.{0,30}नहीं\s+(?:बेची|दी|बांटी)\s+जाती|"
            r"\bwe\s+(?:never\s+|do\s+not\s+|don't\s+)?(?:sell|share)\s+your\s+data\b",
            _I,
        ),
    ),
    (  # the site asks for its readers' support or their answers to its survey, or tells
        # them what to add in its app ("ऐप में अपना उपभोक्ता नंबर जोड़िए, फिर ...")
        "navigation",
        re.compile(
            r"हम\s+आपसे\s+(?:सहयोग|मदद|समर्थन|साथ)\s.{0,20}(?:मांगते|मांग\s+रहे|चाहते)|"
            r"(?:सदस्यता|सदस्य\s+बनकर|सहयोग\s+देकर)\s.{0,50}"
            r"(?:जारी\s+रखने|हाथ\s+बंटाइए|हाथ\s+बंटाएं|साथ\s+दीजिए|मदद\s+कीजिए)|"
            r"(?:पाठक\s+)?(?:सर्वे|सर्वेक्षण)\s+(?:भरिए|भरें|में\s+हिस्सा\s+(?:लीजिए|लें))|"
            r"^\W*ऐप\s+(?:में|पर)\s.{0,60}(?:जोड़िए|जोड़ें|चुनिए|चुनें|डालिए)|"
            r"\bwhy\s+we\s+ask\s+(?:you\s+)?for\s+(?:your\s+)?support\b|"
            r"\b(?:take|fill\s+in|answer)\s+our\s+(?:\S+\s+){0,2}(?:reader|readers'?)\s+survey\b",
            _I,
        ),
    ),
    (  # the site's pointer to its own earlier report ("इस मुद्दे से जुड़ी हमारी पिछली पड़ताल:
        # ...", "From our archive: ...")
        "related-link",
        re.compile(
            r"^\W*(?:from\s+(?:our|the)\s+archives?|(?:our|read\s+our)\s+(?:earlier|previous)"
            r"\s+(?:report|investigation|story))\s*[:：]\s*\S|"
            r"हमारी\s+(?:\S+\s+){0,4}?(?:रिपोर्ट|पड़ताल|श्रृंखला|सीरीज़)(?:\s+भी)?"
            r"(?:\s+(?:देखिए|पढ़िए|देखें|पढ़ें))?\s*[:：]\s*\S",  # (a fact-check's "हमारी पड़ताल:" heads its text)
            _I,
        ),
    ),
    (  # the site's newsletter pitch, its paywall's lock, its comment policy, the note of its
        # translation widget, its code of conduct and where to report an error
        "navigation",
        re.compile(
            r"^(?=.*\b(?:add|type|enter|leave|drop)\s+your\s+(?:e-?mail|address)\b)"
            r"(?=.*\b(?:every|inbox|free|join|newsletter|subscribe)\b)|"
            r"(?:आपके|अपने)\s+(?:ई-?मेल|ईमेल|इनबॉक्स)\s+(?:पर|में)\s.{0,30}(?:आ\s+सकती|आ\s+सकते|पहुंच)|"
            r"^\s*🔒|\bpremium\s+(?:story|article|members?|subscribers?)\b|"
            r"प्रीमियम\s+(?:सदस्यों|सदस्य|ख़बर|स्टोरी|रिपोर्ट)|"
            r"टिप्पणी\s+(?:लिखने|करने)\s+के\s+लिए\s+(?:लॉग\s*इन|login)|"
            r"टिप्पणियां\s.{0,30}हटा\s+दी\s+जाती|\bcomments?\s+(?:are|is)\s+moderated\b|"
            r"मशीन\s+से\s+(?:हुए|किए\s+गए)\s+अनुवाद|अनुवाद\s+एक\s+बाहरी\s+सेवा|"
            r"संपादकीय\s+आचार\s+संहिता|(?:ग़लती|गलती|ग\u093cलती|त्रुटि)\s+दिखे\s+तो",
            _I,
        ),
    ),
    ("navigation", _AD_TEXT_RE),
)
_NOTE_CHARS = 400
# prompts and boundaries: only on a line that does not end as a sentence does
_PROMPT_RE = re.compile(
    rf"(?:स्क्रॉल|scroll).{{0,30}}(?:अगली|next)|(?:अगली|अगला)\s+{_NEWS}|(?:^\W*|[·|:—–]\s*)up\s+next\b|"
    r"next\s+story\b|\bnext\s+video\s+in\s+\d|अगला\s+वीडियो\s+[\d०-९]+\s+सेकंड|(?:यहां|यहाँ)\s+(?:टैप|क्लिक)\s+करें|\b(?:tap|click)\s+here\b|"
    r"in\s+your\s+inbox|आपकी\s+(?:क्या\s+)?राय|^\s*follow\s+(?:every|all|our|live)\b|"
    rf"से\s+जुड़ी\s+(?:सभी\s+)?{_NEWS}\s*$",
    _I,
)
_INVITE_RE = re.compile(r"\?|(?:लिखें|भेजें|करें|write\s+to|send|email|e-mail|whatsapp)\s*:?", _I)
_TOC_HEADING_RE = re.compile(
    r"^\s*(?:इस\s+(?:लेख|अंक|ख़?बर)\s+में|in\s+this\s+(?:article|story|issue)|contents|विषय\s+सूची)\s*:?\s*$",
    _I,
)
# a question of a Q&A: "प्रश्न 2:", "सवाल:", "Q3.", "Question:"
_QUESTION_LEAD_RE = re.compile(r"^\s*(?:प्रश्न|सवाल|question|q)\s*[\d०-९]{0,2}\s*[:.)]\s", _I)
_CARD_SEP_RE = re.compile(r"\s[·|]\s")
# a box's key opening a line of figures: up to four words and a colon, no separator in it
_BOX_KEY_RE = re.compile(r"^\s*[^:：|·]{1,40}[:：]\s+\S")


def _short(ln: Line, words: int = 14) -> bool:
    return not ln.label and len(ln.text) <= _SHORT and len(split_words(ln.text)) <= words


def _is_box_of_figures(t: str) -> bool:
    """A key and cells of a word and a figure each: "Category-wise vacancies: Unreserved 1,104
    | OBC 733 | SC 570", "तैयारी: 8 घंटे भिगोना · पकाने का समय: 60 मिनट" (not a menu of bare
    numbers: "सीधे सवाल पर जाएं: 1 | 2 | 3")."""
    m = _BOX_KEY_RE.match(t)
    if m is None:
        return False
    cells = [c for c in _CARD_SEP_RE.split(t[m.end() - 1 :]) if c.strip()]
    return all(re.search(r"\d", c) and re.search(r"[^\W\d_]", c) for c in cells)


def _line_label(ln: Line, in_text: bool = False) -> str:
    """``in_text``: a paragraph of the article is above the line (a box of figures there is
    the story's; a strip of prices above the headline is a ticker)."""
    t = nfc(ln.text)
    for label, pattern in _LINE_RULES:
        if label == "caption" and _QUESTION_LEAD_RE.match(t):
            continue  # a reader's question signed "— रेखा बाई, इछावर" under "प्रश्न 2:"
        if pattern.search(t):
            return label
    if _PROMPT_RE.search(t) and not ends_sentence(t):
        return "navigation"
    if STORY_MARKER_RE.search(t) and not ends_sentence(t) and len(split_words(t)) <= 8:
        return "navigation"  # "— इसी चैनल पर अगली पोस्ट —", "Agli Khabar ›" (pass 5b reads it too)
    if CONTACT_RE.search(t) and _INVITE_RE.search(t):
        return "navigation"  # "write to us: x@y", "WhatsApp us: 98..."
    if (
        len(_CARD_SEP_RE.findall(t)) >= 2
        and re.search(r"\d", t)
        and not ends_sentence(t)
        and not (in_text and _is_box_of_figures(t))
    ):
        return "navigation"  # a stat card: "Name · 141* (248) · 17x4, 2x6"
    if t.rstrip().endswith(("⬇", "↓", "→", "⟶")) and len(split_words(t)) <= 5:
        return "navigation"
    return ""


def _runs(page: Page, start: Callable[[Line], bool], member: Callable[[Line], bool]) -> None:
    """Label ``navigation`` the lines after a ``start`` line while they are ``member``."""
    lines = page.lines
    for k, ln in enumerate(lines):
        if not start(ln):
            continue
        ln.label = ln.label or "navigation"
        j = k + 1
        while j < len(lines) and member(lines[j]):
            lines[j].label = "navigation"
            j += 1


def _under_counters(page: Page, k: int) -> bool:
    """Whether the line after counter ``k`` is the one-sentence caption of a slide show: the
    gallery's own text (several sentences, or a line after the caption) sits elsewhere."""
    nxt = page.lines[k + 1]
    after = page.lines[k + 2] if k + 2 < len(page.lines) else None
    return (
        len(nxt.text) < 100
        and ends_sentence(nxt.text)
        and (after is None or bool(_COUNTER_RE.match(after.text)) or is_paragraph_like(after.text))
    )


def _gallery(page: Page) -> None:
    """Slide counters, and the caption right after each when there are three or more."""
    counters = [k for k, ln in enumerate(page.lines) if _COUNTER_RE.match(ln.text)]
    for k in counters:
        page.lines[k].label = page.lines[k].label or "navigation"
        nxt = page.lines[k + 1] if k + 1 < len(page.lines) else None
        if (
            len(counters) >= 3
            and nxt is not None
            and _short(nxt, 20)
            and not is_paragraph_like(nxt.text)
            and terminal_count(nxt.text) <= 1
            and (not has_finite_verb(nxt.text, page.lang) or _under_counters(page, k))
        ):
            nxt.label = "caption"  # (a sentence under a counter is the gallery's text)


_CONSENT_TOP = 3  # a consent box opens the page: it is among the page's first lines
_CONSENT_WORDS = 45
_CHOICE_SEP_RE = re.compile(r"\s[|·/]\s")
_CHOICE_WORDS = 4


def _is_choice_row(t: str) -> bool:
    """A row of three or more short buttons: "Agree and carry on | Essentials only | ..."."""
    parts = _CHOICE_SEP_RE.split(t)
    return len(parts) >= 3 and all(1 <= len(split_words(p)) <= _CHOICE_WORDS for p in parts)


def _consent_box(page: Page) -> None:
    """The text of a cookie box at the top of the page, beside its row of choices (labelled by
    pass 1): the text names the cookies ("हम कुकीज़ से समझते हैं ...") or the row does ("... |
    How we use cookies"; "The Courier and a handful of partners save small files on your
    device").  Without it the box's text is the page's first paragraph, and the headline under
    it is never a candidate for the title."""
    lines = page.lines
    for k, ln in enumerate(lines[:_CONSENT_TOP]):
        if ln.label or len(split_words(ln.text)) > _CONSENT_WORDS:
            continue
        for j in (k - 1, k + 1):
            row = lines[j] if 0 <= j < len(lines) else None
            if (
                row is not None
                and row.label == "navigation"
                and _is_choice_row(row.text)
                and (CONSENT_RE.search(row.text) or COOKIE_RE.search(ln.text))
            ):
                ln.label = "navigation"
                break


# a sign-up row's field: "Type an address here | Put me on the list", "ईमेल लिखें | जुड़ें"
_FIELD_RE = re.compile(r"e-?mail|\baddress\b|ई-?मेल|ईमेल", _I)
_FIELD_CELL_WORDS = 6
# what a newsletter box says about itself: "one Tuesday email on ...", "No spam."
_MAIL_WORDS_RE = re.compile(
    r"\be-?mails?\b|\binbox\b|\bspam\b|newsletter|subscrib|\boff\s+the\s+list\b|"
    r"ई-?मेल|ईमेल|इनबॉक्स|न्यूज़?लेटर|स्पैम|सब्सक्राइब",
    _I,
)
_PITCH_WORDS = 25


def _is_signup_row(ln: Line) -> bool:
    """An e-mail field and its button, in cells of a few words: "Your email address | Count
    me in" (no figure, no "@": a contact line is the story's)."""
    cells = [c for c in _CHOICE_SEP_RE.split(ln.text) if c.strip()]
    return (
        ln.label in ("", "navigation")
        and 2 <= len(cells) <= 3
        and all(len(split_words(c)) <= _FIELD_CELL_WORDS for c in cells)
        and _FIELD_RE.search(ln.text) is not None
        and not re.search(r"[\d०-९@]", ln.text)
        and not ends_sentence(ln.text)
    )


def _signup_box(page: Page) -> None:
    """A newsletter box around its sign-up row (an e-mail field and a button, labelled by pass
    1 or not): the row, the pitch above it and the promise under it, short lines that speak of
    the e-mail ("Campus Notes lands every Friday: ... in one email", "No spam. One click and you are off
    the list.")."""
    lines = page.lines
    for k, row in enumerate(lines):
        if not _is_signup_row(row):
            continue
        row.label = "navigation"
        for j in (k - 1, k + 1):
            ln = lines[j] if 0 <= j < len(lines) else None
            if (
                ln is not None
                and not ln.label
                and len(split_words(ln.text)) <= _PITCH_WORDS
                and _MAIL_WORDS_RE.search(ln.text)
            ):
                ln.label = "navigation"


# a calculator widget's heading ("Gold loan calculator", "MSME लोन EMI कैलकुलेटर")
_CALCULATOR_RE = re.compile(r"^\W*(?:\S+\s+){0,5}(?:calculator|कैलकुलेटर)\s*[:：]?\s*$", _I)
_CALCULATOR_ROW_WORDS = 20


def _calculator_box(page: Page) -> None:
    """A calculator widget: its heading and the rows right under it that are no text (its
    fields and result, a figure or a cell separator in each: "Gold weight 20 g · Purity 22
    carat", "You could borrow up to ₹1,23,000 · Compare lenders"), up to the next line of text
    or a line with neither (the article's next subhead)."""
    lines = page.lines
    for k, head in enumerate(lines):
        if head.label not in ("", "navigation") or not _CALCULATOR_RE.match(nfc(head.text)):
            continue
        head.label = "navigation"
        for ln in lines[k + 1 :]:
            if not ln.text.strip():
                continue
            if (
                ln.label not in ("", "navigation")
                or is_text_line(ln.text)
                or len(split_words(ln.text)) > _CALCULATOR_ROW_WORDS
                or not (re.search(r"[\d०-९]", ln.text) or _CARD_SEP_RE.search(ln.text))
            ):
                break
            ln.label = "navigation"


def _ad_box(page: Page) -> None:
    """An advertiser's box: the lines between its label ("Partner feature", labelled by
    :func:`_line_label`) and the note under it that says who paid ("This slot is paid for by
    the advertiser ..."), up to :data:`_AD_BOX_LINES` apart.  (A label alone, "Advertisement",
    often stands over nothing but an image: the line after it is the article's.)"""
    lines = page.lines
    for k, ln in enumerate(lines):
        if not _AD_LABEL_RE.search(nfc(ln.text)):
            continue
        for j in range(k + 1, min(len(lines), k + 1 + _AD_BOX_LINES)):
            if _AD_NOTE_RE.search(nfc(lines[j].text)):
                for box in lines[k : j + 1]:
                    box.label = box.label or "navigation"
                break


def mark_furniture(page: Page) -> None:
    """Pass 1b (see the module)."""
    in_text = False
    for ln in page.lines:
        if _short(ln, 25):
            ln.label = _line_label(ln, in_text)
        if not ln.label and len(ln.text) <= _NOTE_CHARS:
            t = nfc(ln.text)
            ln.label = next((label for label, rule in _NOTE_RULES if rule.search(t)), "")
        in_text = in_text or is_paragraph_like(ln.text)
    _consent_box(page)
    _signup_box(page)
    _calculator_box(page)
    _ad_box(page)
    _gallery(page)
    _runs(
        page,
        lambda ln: not ln.label and bool(_TOC_HEADING_RE.match(nfc(ln.text))),
        lambda ln: _short(ln, 10) and bool(LIST_RANK_RE.match(ln.text)),
    )
