"""Line shapes of scraped pages: is this line a stamp, a caption, a ticker, a menu ...?

Each predicate looks at one line of a page in isolation: its length, punctuation, script
mix, a date pattern, a credit in parentheses, words glued across scripts, and the
vocabularies of :mod:`summarize.clean.patterns`.  The passes of :mod:`summarize.clean`
combine them with the line's position on the page and the article's topic.
"""

from __future__ import annotations

import re

from summarize.clean.patterns import (
    AD_LEAD_RE,
    AD_RE,
    AGENCY_CREDIT_RE,
    ALSO_READ_HEADING_RE,
    ASKS_READER_RE,
    BIO_PRONOUN_RE,
    BIO_ROLE_RE,
    BIO_TRAIT_RE,
    BYLINE_RE,
    CLICK_HERE_RE,
    CODE_RE,
    COMMENT_FORM_RE,
    CONSENT_RE,
    CORRECTION_RE,
    CREDIT_LEAD_RE,
    CREDIT_ONLY_RE,
    CREDIT_PAREN_RE,
    CREDIT_TAIL_RE,
    CRUMB_END_RE,
    CTA_RE,
    DANGLING_START,
    DATELINE_RE,
    DEV_RE,
    DISCLAIMER_RE,
    EN_DATELINE_RE,
    FOLLOW_ON_RE,
    FOOTER_RE,
    HEADING_LABELS,
    INLINE_CONTENTS_RE,
    JUMP_FROM_RE,
    LAT_RE,
    LIST_HEADING_RE,
    LIST_RANK_RE,
    LIVE_WIDGET_RE,
    LOADING_RE,
    META_KEYWORDS,
    MOST_READ_RE,
    NAV_WORDS,
    NEWSLETTER_RE,
    NEXT_STORY_GLUED_RE,
    NEXT_STORY_RE,
    OFFICE_SIGN_OFF_RE,
    PAGE_CONTROL_RE,
    POLL_LINE_RE,
    POST_LINK_RE,
    PROMO_RE,
    QUOTE_MARK_RE,
    READ_HERE_TAIL_RE,
    READ_TIME_RE,
    READER_REQUEST_RE,
    RELATED_RE,
    RELATIVE_TIME_RE,
    REPORTED_RE,
    SHARE_NETWORK_RE,
    SIGN_OFF_RE,
    SITE_NOTE_RE,
    SITE_VOICE_RE,
    SOCIAL_RE,
    SPONSOR_RE,
    STAMP_RE,
    TAGS_RE,
    TERMINAL_RE,
    TICKER_LEAD_RE,
    TIME_ONLY_RE,
    TO_GET_NEWS_RE,
    TRACKING_WORDS,
    TRANSLATED_RE,
    VIEW_COUNT_RE,
    VISITOR_COUNTER_RE,
    ZOOM_RE,
)
from summarize.lang.dates import parse_date
from summarize.lang.lexicon import TOPIC_STOP
from summarize.lang.script import DEVANAGARI as DEV
from summarize.lang.script import nfc, to_ascii_digits
from summarize.lang.wellformed import has_finite_verb

LONG_LINE = 5000  # lines longer than this skip the line-shape rules


def norm(text: str) -> str:
    if len(text) > LONG_LINE:  # (only used to compare short lines; keep long ones cheap)
        return f"#{hash(text)}"
    t = nfc(text).lower()
    t = re.sub(rf"[^{DEV}\w]+", " ", t)
    return " ".join(t.split())


def split_words(text: str) -> list[str]:
    return text.split()


def list_rank(text: str) -> int | None:
    """The number of an item of a numbered list ("2. ग्राम सेवक से ...", "३) ..."), or None."""
    m = LIST_RANK_RE.match(text)
    return int(to_ascii_digits(m.group(1))) if m else None


# a list item's mark: "• ", "– ", "▪ " (the same mark on the lines around it makes a list)
_BULLET_RE = re.compile(r"^\s*([•●▪◦‣∙\-–*])\s+\S")


def list_bullet(text: str) -> str | None:
    """The mark of an item of a bulleted list ("• अनुदान नब्बे प्रतिशत" -> "•"), or None."""
    m = _BULLET_RE.match(text)
    return m.group(1) if m else None


_WORDLIKE_RE = re.compile(r"\w")


def word_count(text: str) -> int:
    """Words with a letter or digit in them: the separators of a row ("·", "|", "—") are none
    ("यह रिपोर्ट भेजें ↗ व्हाट्सऐप · फ़ेसबुक · टेलीग्राम" has seven)."""
    return sum(1 for w in split_words(text) if _WORDLIKE_RE.search(w))


def terminal_count(text: str) -> int:
    return len(TERMINAL_RE.findall(text))


def ends_sentence(text: str) -> bool:
    return bool(re.search(r"([।॥?!.|]|[.।?!][\"'’”)\]]+|\[…\]|…)\s*$", text.strip()[-12:]))


def glue_points(text: str) -> tuple[int, int]:
    """(strong, weak) places where two headlines look glued together without a space."""
    strong = len(re.findall(rf"[{DEV}][A-Z]", text))  # ...लेनदेनChhattisgarh
    strong += len(re.findall(r"[?!%)][A-Z]", text))  # राय?Reliance (not "है।उन्होंने": a typo)
    strong += len(re.findall(r"[a-z]{3,}[A-Z]{2,}", text))  # ...scamED
    weak = len(re.findall(r"[a-z][A-Z][a-z]", text))  # camelCase (also brand names: YouTube)
    return strong, weak


def is_embed_residue(text: str) -> bool:
    """What is left of an embedded post: ``pic.twitter.com/...``, ``— Name (@handle) date``."""
    if len(text) > 200:
        return False
    if re.search(
        r"(pic\.twitter\.com/|https?://|www\.|\bt\.co/|instagram\.com/|youtu\.?be)", text, re.I
    ):
        return len(split_words(text)) <= 6 or not ends_sentence(text)
    return bool(re.match(r"^\s*[—–-]\s*.{0,60}\(@\w+\)", text))


_STRIP_CHARS = 100  # a strip of four short headlines
_STRIP_NAME_RE = re.compile(r"^\W*[^►▸▶●·|:]{1,30}\s[►▸▶●]\s")


# a strip under a glyph and its name: "🟥 इस घड़ी | ... | ... | ...", "⚡ ताज़ा: ... • ... • ..."
_GLYPH_STRIP_RE = re.compile(
    r"^\s*[^\w\s\"'“‘(\[]{1,3}\s*(?P<name>[^:：|•·]{2,30}?)\s*[:：|]\s*(?P<items>.+)$"
)
_GLYPH_STRIP_ITEMS = 3
_GLYPH_STRIP_ITEM_WORDS = 5  # headlines, not a day's programme ("11 बजे सभा • 2 बजे ...")


def _is_glyph_strip(text: str) -> bool:
    m = _GLYPH_STRIP_RE.match(text)
    if m is None or len(split_words(m["name"])) > 3:
        return False
    items = [s for s in re.split(r"\s*[•·|]\s*", m["items"]) if s.strip()]
    return len(items) >= _GLYPH_STRIP_ITEMS and all(
        len(split_words(s)) >= _GLYPH_STRIP_ITEM_WORDS and not ends_sentence(s) for s in items
    )


def is_ticker(text: str) -> bool:
    # sentence ends other than "|" (which is also a separator of headline strips)
    terms = len(re.findall(r"[।॥?!]|\.(?=\s|$)", text))
    if TICKER_LEAD_RE.match(text) and terms <= 2:
        return True
    if terms == 0 and _is_glyph_strip(text):
        return True
    n = len(text)
    # headlines separated by bullets / pipes, none of them a sentence ("अभी-अभी ▸ ... ▸ ...")
    segs = [s for s in re.split(r"\s*[•·◆■▪►▸▶●»|]\s*", text) if s.strip()]
    if (
        n >= _STRIP_CHARS
        and len(segs) >= 4
        # (the first may be the strip's own name: "अभी-अभी")
        and all(len(s) < 120 and len(split_words(s)) >= 2 for s in segs[1:])
        and len(segs[0]) < 120
        and terms <= 1
        # (a short one between pointer marks, or after its name and one: "आज की भिड़ंत ▸ ... ·
        # ..."; a day's schedule in dots is the story's)
        and (n >= 150 or len(re.findall(r"[►▸▶●]", text)) >= 2 or bool(_STRIP_NAME_RE.match(text)))
    ):
        return True
    if n < 150:
        return False
    strong, weak = glue_points(text)
    colon_frags = len(re.findall(r"\S:\s", text))
    if strong >= 3 and strong + weak / 2 >= n / 250:
        return True
    # long run without sentence ends, made of several "Topic: headline" fragments
    if n >= 200 and terms <= n / 300 and (colon_frags + strong) >= 3:
        return True
    return False


def _is_menu(text: str) -> bool:
    """``होम | देश | खेल``, ``Home » World » Asia``: several one-to-three-word items."""
    segs = [s for s in re.split(r"\s*[|•·»>]\s*|\s+/\s+", text) if s.strip()]
    return (
        len(segs) >= 3
        and len(text) < 200
        and all(len(split_words(s)) <= 3 and re.search(rf"[A-Za-z{DEV}]", s) for s in segs)
    )


_CODE_CHARS_RE = re.compile(r"[{}();=<>\[\]]")


def is_prose(text: str) -> bool:
    """Sentences of words rather than code: 6+ words, a sentence end, and almost none of
    code's punctuation (a Hindi paragraph quoting ``=>`` or ``{"`` stays prose)."""
    t = text.strip()
    return (
        len(split_words(t)) >= 6
        and terminal_count(t) >= 1
        and len(_CODE_CHARS_RE.findall(t)) <= max(2, len(t) // 20)
    )


def is_tracking(text: str) -> bool:
    t = text.strip()
    if VISITOR_COUNTER_RE.match(t):
        return True
    if CODE_RE.search(t):
        return not is_prose(t)  # never remove a real sentence for a code-like bit in it
    if " " not in t and LAT_RE.search(t) and not DEV_RE.search(t):
        if TRACKING_WORDS.search(t):
            return True
        # a lone id-like token: lowercase/digits/underscores, long, no vowels pattern of a word
        if len(t) >= 12 and re.fullmatch(r"[a-z0-9_\-.]+", t):
            return True
    return False


def is_metadata(text: str, *, header: bool) -> bool:
    t = text.strip()
    if len(t) > 600:
        return False  # stamps, bylines and credits are short
    dm = parse_date(t)
    if dm is not None:
        segs = [x for x in re.split(r"\s+[|•·]\s+", t) if x.strip()]
        if len(segs) >= 2 and len(t) < 200 and all(len(split_words(x)) <= 8 for x in segs):
            return True  # "aajtak.in | जयपुर | 26 मई 2024, अपडेटेड 11:30 AM IST"
        st = STAMP_RE.search(t)
        if st and len(t) < 400 and dm.start - st.end() <= 40:
            return True
        # "... Published by: X Updated Mon, 14 Oct 2024 11:20 AM IST"
        kw = META_KEYWORDS.search(t[max(0, dm.start - 25) : dm.start])
        if kw and len(t) < 250 and not ends_sentence(t):
            return True
        # a line that is (almost) only a date/time
        rest = (to_ascii_digits(t)[: dm.start] + to_ascii_digits(t)[dm.end :]).strip(" ,|-–—:()")
        rest_words = rest.lower().split()
        if (len(rest) <= 12 or len(rest_words) <= 2) and not any(
            is_function_word(w) for w in rest_words
        ):
            return True  # (not "15 अगस्त 1947 को आजादी": a subheading with a date)
        # "By X | September 13, 2023"
        if BYLINE_RE.match(t) and len(t) < 200:
            return True
    if len(t) < 120 and (BYLINE_RE.match(t) and not ends_sentence(t)):
        return True
    if len(t) < 160 and all(BYLINE_RE.match(x) for x in re.split(r"(?<=[.।])\s+", t)):
        return True  # credits in sentences: "Hosted by X. Produced by Y."
    if len(t) < 80 and AGENCY_CREDIT_RE.match(t):
        return True
    if READ_TIME_RE.match(t):
        return True
    if header and STAMP_RE.match(t) and len(t) < 80 and re.search(r"\d", t):
        return True
    if len(t) < 60 and (RELATIVE_TIME_RE.match(t) or TIME_ONLY_RE.match(t)):
        return True  # "2 घंटे पहले", a live blog's "11:45 AM"
    if DISCLAIMER_RE.match(t) and len(t) < 600:
        return True
    if len(t) < 300 and SIGN_OFF_RE.search(t):
        return True  # a live page's sign-off
    if len(split_words(t)) <= _OFFICE_WORDS and OFFICE_SIGN_OFF_RE.match(t):
        return True  # "— जनसंपर्क शाखा, पुलिस अधीक्षक कार्यालय, सागर"
    if len(split_words(t)) <= 10 and TRANSLATED_RE.search(t):
        return True
    if len(split_words(t)) <= 40 and CORRECTION_RE.search(t):
        return True
    return False


def is_caption(text: str) -> bool:
    t = text.strip()
    n = len(t)
    if n < 40 and CREDIT_ONLY_RE.match(t):
        return True  # "फाइल फोटो", "Representational image"
    m = CREDIT_LEAD_RE.match(t)
    if m and n < 250 and len(split_words(t[m.end() - 1 :])) <= 4:
        return True  # "Photo: Reuters" ("Photos: <a headline>" is decided after the title)
    m = CREDIT_PAREN_RE.search(t)
    if m and n < 400 and terminal_count(t[: m.start()]) <= 2:
        # a short description ending in a credit
        return len(t[m.end() :].strip(" .।")) <= 3
    if n < 200 and CREDIT_TAIL_RE.search(t) and terminal_count(t) <= 1:
        return True
    return _is_bilingual(t)


def _is_bilingual(t: str) -> bool:
    """An English sentence followed by a Hindi one (or the reverse): an image alt text."""
    if len(t) > 500:
        return False
    # (":" is no separator here: "Lok Sabha Election Result 2024: ..." is a headline)
    m = re.match(rf"^([A-Za-z0-9][A-Za-z0-9 ,'’‘\-–;%&()]+?)\s*[,.|\-–—]\s*([{DEV}].*)$", t)
    if m:
        eng, hin = m.group(1), m.group(2)
        lower = sum(
            1 for w in split_words(eng) if w[:1].islower()
        )  # a sentence, not a Title Case topic
        if (
            len(split_words(eng)) >= 5
            and lower >= 3
            and len(split_words(hin)) >= 4
            and not LAT_RE.search(hin[:40])
        ):
            if terminal_count(hin) <= 1:
                return True
    m = re.match(
        rf"^([{DEV}][^A-Za-z]+?)\s*[,.|।\-–—]\s*([A-Z][A-Za-z0-9 ,'’‘\-–:;%&()]+[.!?]?)$", t
    )
    if m:
        hin, eng = m.group(1), m.group(2)
        lower = sum(1 for w in split_words(eng) if w[:1].islower())
        if (
            len(split_words(eng)) >= 5
            and lower >= 3
            and len(split_words(hin)) >= 4
            and terminal_count(hin) <= 1
        ):
            return True
    return False


def _is_promo(text: str) -> bool:
    """The site talking about itself: "हमारे व्हाट्सएप चैनल से जुड़ें", "Download the app",
    "Catch all the Business News ... on <site>", "ताजा अपडेट के लिए हमारे साथ जुड़े रहें"."""
    if PROMO_RE.search(text):
        return True
    if (
        re.search(r"(\bour\b|\bus\b|हमारे|हमसे|हमें|हमारी|हमारा)", text, re.I)
        and SOCIAL_RE.search(text)
        and CTA_RE.search(text)  # a call to action, not a quote ("हमारे ऐप से किसानों को ...")
    ):
        return len(split_words(text)) <= 15
    if SOCIAL_RE.search(text) and FOLLOW_ON_RE.search(text):
        return len(split_words(text)) <= 20  # "Follow The Western Dispatch on WhatsApp, ..."
    if SOCIAL_RE.search(text) and CTA_RE.search(text) and TO_GET_NEWS_RE.search(text):
        return len(split_words(text)) <= 20  # "... रोज़ सुबह शहर की सुर्खियां पाने के लिए जुड़िए"
    if (
        ASKS_READER_RE.search(text)
        and READER_REQUEST_RE.search(text)
        and SITE_VOICE_RE.search(text)
        and not QUOTE_MARK_RE.search(text)
        and not REPORTED_RE.search(text)  # a minister's words, reported: "... ने कहा कि आप ..."
    ):
        return len(split_words(text)) <= 20  # "क्या आपकी गली में भी ...? फोटो भेजिए, हम पहुंचाएंगे"
    return len(re.findall(r"\bnews\b|न्यूज़|न्यूज", text, re.I)) >= 3


# a video offered as a link: a play mark, its length, then its headline ("▶ 02:31 | ...")
_VIDEO_LINK_RE = re.compile(r"^\W{0,2}[▶►▷⏵]\s*\d{1,2}:\d\d(?::\d\d)?\s*[|·•]\s*\S")


# a bare "पढ़ें:" before a sentence of the story that tells the reader what to read: "पढ़ें:
# अर्ज़ी पर मिली पर्ची में सबसे ऊपर जो संख्या छपी है, वही शिकायत संख्या है।" (a headline has
# no danda, and "यह भी पढ़ें:" always points to another story)
_BARE_READ = frozenset(nfc(w) for w in ("पढ़ें", "पढें", "पढ़िए", "पढ़िये"))
_READ_SENTENCE_WORDS = 12


def is_related(text: str) -> bool:
    if len(text) < 150 and READ_HERE_TAIL_RE.search(text):
        return True  # "Budget 2024: बजट से जुड़ी सभी खबरें यहां पढ़ें"
    if len(text) < 200 and _VIDEO_LINK_RE.match(text) and not re.search(r"[।.]\s*$", text):
        return True
    if (
        len(text) < 200
        and POST_LINK_RE.match(text)
        and not NEXT_STORY_GLUED_RE.match(text)  # (a next-story marker: navigation, pass 2)
        and not ends_sentence(text.rstrip(" »"))
    ):
        return True  # the post before or after this one: "← Older post: ...", "« ..."
    m = RELATED_RE.match(text)
    if m is None:
        return False
    rest = text[m.end() - 1 :]
    return not (
        nfc(m.group(1)).strip() in _BARE_READ
        and rest.rstrip().endswith("।")
        and len(split_words(rest)) >= _READ_SENTENCE_WORDS
        and has_finite_verb(rest, "hi")
    )


def _nav_key(text: str) -> str:
    return norm(text)


def is_heading_label(text: str) -> bool:
    """A label of a part of the article ("Highlights", "एक नज़र में"), also with the topic
    before it ("योजना: एक नज़र में") or the live page's "so far" after it ("Top points so far")."""
    head, sep, rest = text.partition(":")
    if sep and len(split_words(head)) <= 2 and norm(rest) in HEADING_LABELS:
        return True
    key = re.sub(r"\s+(so\s+far|अब\s+तक)$", "", norm(text))
    return key in HEADING_LABELS


_CONTROL_WORDS = 10
_OFFICE_WORDS = 12
_CRUMB_WORDS = 3
_LOADING_WORDS = 16  # "यह वीडियो इस समय नहीं चल पा रहा। थोड़ी देर बाद फिर कोशिश करें।"
_SHARE_BAR_WORDS = 12
_CONTINUED_WORDS = 14  # a continuation's head: the story's headline and "पेज पांच से आगे"
_ZOOM_WORDS = 16


def is_navigation(text: str) -> bool:
    key = _nav_key(text)
    if len(text) < 200 and COMMENT_FORM_RE.search(text):
        return True
    if len(text) <= 12 and not re.search(r"[A-Za-z\u0900-\u0963\u0971-\u097f]", text):
        return True  # "1/5", "»", "***": counters and symbols
    if CONSENT_RE.search(text) and len(text) < 300:
        return True  # cookie / consent banner
    if CLICK_HERE_RE.match(text) and len(split_words(text)) <= 10:
        return True
    if len(text) < 300 and _is_promo(text):
        return True
    if LIST_HEADING_RE.match(text) or ALSO_READ_HEADING_RE.match(text):
        return True
    if len(text) < 250 and POLL_LINE_RE.search(text):
        return True
    if (
        len(split_words(text)) <= _CONTROL_WORDS
        and not ends_sentence(text)
        and PAGE_CONTROL_RE.search(text)
    ):
        return True
    if len(split_words(text)) <= _ZOOM_WORDS and not ends_sentence(text) and ZOOM_RE.search(text):
        return True  # "RADAR NOW · Cloud bands over the Bay · tap the map to zoom"
    if len(text) < 250 and INLINE_CONTENTS_RE.match(text):
        return True
    if len(split_words(text)) <= _CRUMB_WORDS and CRUMB_END_RE.search(text):
        return True  # "Chandigarh |": a breadcrumb cut after its first part
    if len(text) < 300 and SPONSOR_RE.search(text):
        return True  # "This section is supported by X.", "यह अपडेट आप तक पहुंचाने में सहयोगी: X"
    if len(text) < 250 and NEWSLETTER_RE.search(text):
        return True
    if len(text) < 300 and SITE_NOTE_RE.search(text):
        return True  # a paywall's meter, a premium badge, a call for readers' letters
    if (
        word_count(text) <= _SHARE_BAR_WORDS
        and not ends_sentence(text)
        and len(SHARE_NETWORK_RE.findall(text)) >= 2
    ):
        return True  # "इस ख़बर को आगे बढ़ाएं: फ़ेसबुक / एक्स / व्हाट्सऐप"
    if len(split_words(text)) <= _LOADING_WORDS and LOADING_RE.search(text):
        return True  # (a loading notice may end in a sentence's mark: "... तैयार हो रहा है…")
    if (
        len(split_words(text)) <= 10
        and not ends_sentence(text)
        and (AD_RE.search(text) or LIVE_WIDGET_RE.search(text) or VIEW_COUNT_RE.search(text))
    ):
        return True
    if len(split_words(text)) <= 30 and not ends_sentence(text) and MOST_READ_RE.match(text):
        return True
    if len(text) < 300 and AD_LEAD_RE.match(text):
        return True  # "Sponsored: <an advertiser's headline>"
    if len(text) < 80 and not re.search(r"[A-Za-z\u0900-\u097f]", text):
        return True  # a row of reactions and counts: "👍 412 🙏 96 😡 38"
    if is_heading_label(text):
        return False  # a label of a part of the article (see section-label)
    if not key:
        return True  # only punctuation / symbols
    if FOOTER_RE.search(text) and len(text) < 250:
        return True
    if (
        word_count(text) <= _CONTINUED_WORDS
        and not ends_sentence(text)
        and JUMP_FROM_RE.search(text)
    ):
        return True  # where a printed story goes on: "पृष्ठ 5 का शेष", "<headline> | पेज पांच से आगे"
    # a line of hashtags, also under a short key ("ट्रेंड में इस वक़्त: #सूर्य_ग्रहण #सूतक")
    if re.fullmatch(r"(?:[^#:：]{1,40}[:：])?(\s*#\S+){2,}\s*", text):
        return True
    if NEXT_STORY_GLUED_RE.match(text):
        return True
    if key in NAV_WORDS:
        return True
    if NEXT_STORY_RE.match(text):
        return True
    if TAGS_RE.match(text) and not ends_sentence(text):
        return True
    if (
        len(key.split()) <= 6
        and re.match(r"^(share|follow|शेयर|फॉलो|फ़ॉलो|हमें\s+फॉलो|हमें\s+फ़ॉलो)", key)
        and not ends_sentence(text)
        # (a subhead's idiom, "Follow the trunk", "Follow the money", is no prompt; "Follow the
        # Tribune" names the site)
        and not re.match(r"\W*[Ff]ollow\s+the\s+[a-z]", text)
    ):
        return True
    return _is_menu(text)


def bio_score(text: str) -> int:
    s = 0
    if BIO_ROLE_RE.search(text):
        s += 2
    s += min(2, len(BIO_TRAIT_RE.findall(text)))
    if BIO_PRONOUN_RE.search(text):
        s += 1
    # "X works at <news org>" / "X न्यूज़18 में ... हैं"
    if re.search(
        r"(न्यूज़|न्यूज|news|times|टाइम्स|डॉट\s*कॉम|\.com|डिजिटल|digital)\S*\s+(में|with|at|के\s+साथ)",
        text,
        re.IGNORECASE,
    ):
        s += 1
    return s


_CELL_SEP_RE = re.compile(r"\s[|·]\s")
_ROW_CELLS = 3
_CELL_WORDS = 4


def is_paragraph_like(text: str) -> bool:
    """Long, or two sentences ("|" counts as a danda only on a line that also has "।"); not a
    row of three or more short cells (up to four words each, between " | " or " · "): a
    widget's questions or tabs, "गाड़ी अभी कहां है? | कौन-सा प्लेटफ़ॉर्म? | कितनी बर्थ ख़ाली?"."""
    if len(text) >= 120:
        return True
    cells = _CELL_SEP_RE.split(text)
    if len(cells) >= _ROW_CELLS and all(len(split_words(c)) <= _CELL_WORDS for c in cells):
        return False
    n = terminal_count(text)
    if "।" not in text:
        n -= len(re.findall(r"\|(?=\s|$)", text))
    return n >= 2


def is_text_line(text: str) -> bool:
    """A line of an article's text: a paragraph, or one sentence of six words or more."""
    return is_paragraph_like(text) or (ends_sentence(text) and len(split_words(text)) >= 6)


def is_headline_shape(text: str) -> bool:
    """One line, 3+ words, no sentence end inside or at the end (a final ? or ! is allowed,
    and one ? inside)."""
    n = len(text)
    w = len(split_words(text))
    t = text.rstrip()
    if t.endswith(("।", ".", "|", "॥", ":", ";", ",")) and not t.endswith("..."):
        return False
    inner = t.rstrip("!?\"'’”) ")
    # one question inside is still a headline: "क्या पुल बह गया? वायरल वीडियो का सच"
    asks = len(re.findall(r"\?(?=\s)", inner))
    return 15 <= n <= 250 and w >= 3 and terminal_count(inner) - min(asks, 1) == 0


def is_function_word(w: str) -> bool:
    """A word that cannot be a place's name or a stamp's word ("को", "में", "the")."""
    return w in TOPIC_STOP or w in DANGLING_START


def opening_dateline(t: str, opening: bool) -> re.Match[str] | None:
    """A Hindi dateline opening ``t`` ("नई दिल्ली, 2 जुलाई (भाषा)।", "मास्को (Moscow)।")."""
    m = DATELINE_RE.match(t)
    if not m or len(split_words(t[m.end() :])) < 5:
        return None
    if m.group("latin") or m.group("date") or m.group("agency") or m.group("credit"):
        return m
    # a bare place: 1-2 words, no function word ("मुंबई:", not "उन्होंने कहा:"), only where
    # datelines are (the first paragraph)
    place = m.group("place").split()
    bare = len(place) <= 2 and not any(is_function_word(w) for w in place)
    return m if opening and bare and m.group(0).rstrip().endswith((":", "।")) else None


def opening_en_dateline(t: str, opening: bool) -> re.Match[str] | None:
    """An English dateline: "NEW DELHI:", "Mumbai, Nov 3 (PTI) -"."""
    m = EN_DATELINE_RE.match(t)
    if not m or len(split_words(t[m.end() :])) < 5:
        return None
    return m if (m.group("date") or m.group("agency") or (opening and m.group("caps"))) else None
