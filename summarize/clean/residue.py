"""Pass 1c of the cleaner: general shapes of furniture and residue, for any layout.

Pass 1b (:mod:`.furniture`) was written against the dev pages of issue 15 and did not carry
over to layouts it had not seen.  The rules here name no layout; each is a *shape* that page
furniture of any site has and a sentence of an article does not:

* **CMS and template residue**: a line that is a shortcode (``[gallery ids="3,4"]``,
  ``[/caption]``), a template tag (``{{ title }}``, ``{% include %}``) or a configuration
  object (``{"event": "view", ...}``, ``key: value; key: value``); ``artefact``, or
  ``tracking`` when it names an analytics tool.
* **Action lines**: a short line (up to 8 words) with no finite verb that asks the reader to
  act on the page or the site (share, follow, subscribe, sign in, download, bookmark, print,
  copy link, skip to, back to top, add to a reading list; शेयर, फॉलो, सब्सक्राइब, डाउनलोड,
  क्लिक ...): ``navigation``.  (The vocabulary is :data:`~.patterns.ACTION_RE`.)
* **Contact lines**: a short line with an e-mail address, a phone number or a web address and
  no finite verb (a media contact, a helpline card), or an office's address ending in its
  postal code: ``metadata``; a short line with a number where the site asks the reader to
  write to it ("... 90000-41122 पर भेजिए, हम जांचेंगे", a tipline): ``navigation``.
* **Links, reading times, widget readings**: a short line ending in an arrow or a chevron
  (``Next photo ›``, ``आगे पढ़ें ↓``) is ``navigation``; a reading time in any wording is
  ``metadata``; a line of two or more readings (prices with ``▲``/``▼``, temperatures,
  percentages, AQI) between separators, with no finite verb, is a ``ticker``.
* **Interface glyphs**: a line of up to 15 words with a pictograph or an arrow of an interface
  (``↻``, ``⊞``, ``☆``, ``🔔``, ``↗``, ``➜``, ``🙏``; not ``°`` or ``©``) that does not end as a
  sentence, or that ends in the glyph, and is no ``key: value`` line ("हमारा फ़ैसला: ✖ ग़लत" is
  a verdict): a button, a widget or a reader's reaction, ``navigation``.  An article's list
  item led by an emoji ends as a sentence ("👉 ... इंटरसिटी ट्रेनें चलेंगी।").
* **Stamps and desk codes**: a short line (up to 7 words) with a time or a date, no finite
  verb and no sentence end (a live blog's entry stamp, a wire timestamp); a line of initials
  joined by slashes (``RK/AB``), an office's reference number (``Ref. No. PRO/WS/2025/318``,
  ``पत्रांक ...``): ``metadata``.

* **Almanac and horoscope boxes**: the heading of the day's almanac or horoscope, the lines
  under it that read the almanac or a sign's forecast, and a run of three or more forecasts
  led by a sign's name are ``navigation`` (not on a page whose headline names them: there
  they are the story).

* **Readers' comments**: a line between its commenter ("अमन राज · आज सुबह 7:48", "Name,
  place · 2 hours ago": ``metadata``) and its reply row ("👍 34 · 👎 2 · जवाब", "♥ 21 · उत्तर
  दें") is a reader's comment, not the article's text: ``navigation``.

* **Tables**: a header of short cells over two or more rows with as many cells and a
  figure each goes back to the text (a menu rule took it), and the rows are protected.

Each rule leaves lines the earlier passes labelled alone, with three exceptions that give text
back: a box of dates or facts (:func:`_keep_date_boxes`), a list of figures under the sentence
that introduces it (:func:`_keep_intro_lists`), a story's contact lines between its own lines
(:func:`_keep_contact_boxes`) and a table, its header and source line (:func:`_keep_tables`).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import islice, pairwise

from summarize.clean.coherence import content_words
from summarize.clean.page import Line, Page
from summarize.clean.patterns import (
    ACTION_RE,
    ALMANAC_HEAD_RE,
    ALMANAC_LINE_RE,
    ALSO_READ_HEADING_RE,
    CLOCK_RE,
    CONTACT_RE,
    COPYRIGHT_RE,
    KEY_VALUE_RE,
    LIST_HEADING_RE,
    POLL_LINE_RE,
    RASHI_RE,
    READER_REQUEST_RE,
    RELATED_HEADING_RE,
    SITE_VOICE_RE,
    SOCIAL_RE,
    STAMP_RE,
    TRACKING_WORDS,
    WORD_RE,
)
from summarize.clean.shapes import ends_sentence, is_function_word, split_words
from summarize.lang.dates import parse_date
from summarize.lang.script import nfc
from summarize.lang.wellformed import has_finite_verb

__all__ = ["mark_residue"]

_SHORTCODE_RE = re.compile(r"^\s*(?:\[/?[a-z][\w-]*(?:\s+[^\]]*)?\]\s*)+$", re.IGNORECASE)
_SHORTCODE_IN_RE = re.compile(
    r"\[/?[a-z][\w-]*(?:\s+[\w-]+\s*=\s*[\"'][^\"'\]]*[\"'])+\s*/?\]", re.I
)
_TEMPLATE_RE = re.compile(r"\{\{.{0,80}?\}\}|\{%.{0,80}?%\}|\$\{\w+\}")
_CONFIG_RE = re.compile(
    # (a style's keys are lower-case ASCII: "color: red; margin: 0 auto;", not the facts of a
    # box, "Length: 212 m; width: 6 m; cost: Rs 38 crore")
    r"^\s*[\[{]\s*[\"']?\w[\w.-]*[\"']?\s*:|(?:(?<![\w-])[a-z][a-z0-9_-]*\s*:\s*[^;:]{1,30};\s*){2,}"
)
# initials and desk codes: "जसं/एसकेपी", "RK/AB", "(वार्ता) एबीसी"
_INITIALS_RE = re.compile(
    r"^\s*(?:\([^\s()]{1,8}\)\s+)?\(?[^\s/()]{1,6}\)?(?:\s*/\s*\(?[^\s/()]{1,6}\)?)+\s*$"
)
# a wire's slug line: desk codes and a filing time ("BNW ASN RP 1925 KOL")
_DESK_CODE_RE = re.compile(r"^\s*(?:[A-Z]{2,5}\s+){2,6}\d{3,4}(?:\s+[A-Z]{2,5}){0,2}\s*$")
# a polite imperative ("देखें", "पढ़ें", "जुड़ें") or an English one opening the line, and a
# line ending in a link arrow
_IMPERATIVE_RE = re.compile(
    r"[\u0915-\u0939\u093c]ें(?=[\s:：]|$)|^\W*(?:see|read|watch|view|join|get|explore)\s",
    re.IGNORECASE,
)
_LINK_END_RE = re.compile(r"[›»→]\s*$")
# a link or a prompt: a short line that ends in an arrow or a chevron, or opens with a back one
_ARROW_RE = re.compile(r"[›»→⟶➜➔↓⬇▶▸]\s*$|^\s*[‹«←]")
_READING_TIME_RE = re.compile(
    r"[\d०-९]+\s*(?:min(?:ute)?s?|मिनट)\b.{0,20}(?:read|पढ़|पाठ)|(?:read|reading|पढ़ने).{0,20}[\d०-९]+\s*(?:min|मिनट)",
    re.IGNORECASE,
)
# a widget's readings: prices with a rise/fall mark, temperatures, humidity, AQI
_READING_RE = re.compile(r"[▲▼]|[₹$€£]\s?[\d,.]+|[\d.]+\s?°\s?[CF]?|\bAQI\b|[\d.]+\s?%", re.I)
# a card's row strings its fields with separators: "ट्रस्ट कार्यालय: 07574-... · सुबह 9 से 6 बजे";
# a widget's readings may also be parted by dashes
_CARD_SEP = r"\s[·|•]\s"
_CARD_SEP_RE = re.compile(_CARD_SEP)
_SEPARATOR_RE = re.compile(rf"{_CARD_SEP}|\s[-–—]\s")
_STAMP_WORDS = 7
_TIPLINE_WORDS = 20
_REF_WORDS = 12
# an office's reference number on a letter or a release: "Ref. No. PRO/WS/2025/318 Date: ...",
# "पत्रांक/जसं/2025/118", "ज्ञापन क्रमांक 4411"
_REF_NO_RE = re.compile(
    r"^\W*(?:ref(?:erence)?\.?\s*no\.?|(?:memo|letter|file|f)\.?\s*no\.|पत्रांक|(?:पत्र|ज्ञापन|आदेश)\s+क्रमांक|"
    r"संदर्भ\s+(?:सं\.|संख्या))\s*[:：/-]?\s*\S*[\d०-९]",
    re.IGNORECASE,
)
_ADDRESS_WORDS = 20
# a postal code at the end of an address ("Pune – 411005", "सागर (म.प्र.) - 470 001")
_PIN_END_RE = re.compile(r"(?<![\d,.])\d{3}\s?\d{3}\s*\.?\s*$")
_ACTION_WORDS = 8
_GLYPH_WORDS = 15
_GLYPH_GROUP = 2  # buttons under one heading
_GLYPH_HEADING_WORDS = 5
# A pictograph, dingbat or arrow of an interface.  Written by hand: no library names the
# glyphs a page's buttons and widgets use; Unicode's "Symbol, other" category holds them, with
# the few that are text (degrees, copyright, trade marks) left out, plus the arrows and the
# boxed operators ("⊞") of the math blocks, and the fullwidth plus of a "फ़ॉलो ＋" button (no
# text uses it: a sum is written with "+").
_GLYPH_TEXT = frozenset("°©®™℃℉❛❜❝❞❟❠")  # (and a pull quote's ornaments)
_GLYPH_RANGES = (
    ("\u2190", "\u21ff"),
    ("\u2295", "\u22a1"),
    ("\u27f0", "\u27ff"),
    ("\u2900", "\u297f"),
    ("\uff0b", "\uff0b"),
)
_KEY_RE = re.compile(r"^[^:：]{1,30}[:：]")
# a list's bullet ("■ ", "▸ ", "▪️ " with its emoji variation selector): no glyph of its own
_BULLET_RE = re.compile(r"^[\u25a0-\u25ff]\ufe0f?\s")
_SENTENCE_END = ("।", ".", "!", "?", "॥")
_CONTACT_WORDS = 12


def _residue_label(t: str) -> str:
    if _SHORTCODE_RE.match(t) or _SHORTCODE_IN_RE.search(t) or _TEMPLATE_RE.search(t):
        return "tracking" if TRACKING_WORDS.search(t) else "artefact"
    if _CONFIG_RE.search(t) and not ends_sentence(t):
        return "tracking" if TRACKING_WORDS.search(t) else "artefact"
    return ""


def _is_stamp(t: str) -> bool:
    """A time or a date, and around it at most three words, none a function word
    ("15 अगस्त 1947 को आजादी" is a subhead with a date, not a stamp)."""
    dm = parse_date(t)
    if dm is not None:
        rest = t[: dm.start] + " " + t[dm.end :]
    elif m := CLOCK_RE.search(t):
        rest = t[: m.start()] + " " + t[m.end() :]
    else:
        return False
    words = [w.strip(".,:;|()[]").lower() for w in rest.split()]
    words = [w for w in words if w]
    return len(words) <= 3 and not any(is_function_word(w) for w in words)


def _glyphs(t: str) -> set[str]:
    return {
        c
        for c in t
        if (unicodedata.category(c) == "So" and c not in _GLYPH_TEXT)
        or any(lo <= c <= hi for lo, hi in _GLYPH_RANGES)
    }


def _is_glyph_line(t: str, words: int) -> bool:
    """A button, a widget or a reaction (see the module): an interface glyph, up to
    :data:`_GLYPH_WORDS` words, no ``key: value`` opening, and no sentence end (the glyphs
    and separators aside) unless the glyph ends the line ("... विनम्र नमन 🙏")."""
    core = t.strip()
    bullet = _BULLET_RE.match(core)
    glyphs = _glyphs(core[bullet.end() :] if bullet else core)
    if not glyphs or words > _GLYPH_WORDS or _KEY_RE.match(core):
        return False
    rest = "".join(c for c in core if c not in glyphs).strip(" ·|•")
    return core[-1] in glyphs or not rest.endswith(_SENTENCE_END)


def _line_label(ln: Line, lang: str) -> str:
    t = nfc(ln.text)
    if len(t) > 400:
        return ""
    label = _residue_label(t)
    if label:
        return label
    words = len(split_words(t))
    verb = has_finite_verb(t, lang)
    if words <= _ACTION_WORDS and not verb and ACTION_RE.search(t):
        return "navigation"
    if words <= _CONTACT_WORDS and not verb and CONTACT_RE.search(t) and not ends_sentence(t):
        return "metadata"
    if (
        words <= _TIPLINE_WORDS
        and CONTACT_RE.search(t)
        and SITE_VOICE_RE.search(t)
        and READER_REQUEST_RE.search(t)
    ):
        return "navigation"  # "कोई संदिग्ध संदेश मिला? 90000-41122 पर भेजिए, हम जांचेंगे"
    if words <= _ADDRESS_WORDS and not verb and t.count(",") >= 2 and _PIN_END_RE.search(t):
        return "metadata"  # an office's address: "..., Shivajinagar, Pune – 411005"
    if (
        words <= _STAMP_WORDS
        and (not verb or STAMP_RE.match(t))  # ("Posted 05:40 AM": the verb is the stamp's)
        and not ends_sentence(t)
        and _is_stamp(t)
    ):
        return "metadata"  # a stamp: "14.30 बजे", "Filed 6:05 pm", "12 जुलाई | अपडेट"
    if (
        _INITIALS_RE.match(t)
        or _DESK_CODE_RE.match(t)
        or (words <= _REF_WORDS and _REF_NO_RE.match(t))
    ):
        return "metadata"
    if words <= 6 and not verb and not ends_sentence(t) and _ARROW_RE.search(t):
        return "navigation"
    if words <= 10 and _IMPERATIVE_RE.search(t) and not ends_sentence(t) and _LINK_END_RE.search(t):
        return "navigation"  # a link: "सीटवार नतीजे देखें: सभी 9 सीटें ›", "Read all results »"
    if words <= 10 and _READING_TIME_RE.search(t) and not ends_sentence(t):
        return "metadata"  # "पढ़ने का समय: 4 मिनट", "6 min read · Updated"
    readings = len(_READING_RE.findall(t))
    if readings >= 2 and _SEPARATOR_RE.search(t) and not verb and not ends_sentence(t):
        return "ticker"  # "गेहूं ₹2,275 ▲ | चना ₹5,400 ▼", "Delhi 31°C · Haze · AQI 212"
    return ""


def mark_glyph_lines(page: Page) -> None:
    """Pass 8a: a free line that is a button, a widget or a reaction by its interface glyph
    (:func:`_is_glyph_line`) is ``navigation``.  It runs after the page's structure is read
    (passes 5 to 8 read labelled lines as boundaries, contents entries and closing blocks,
    and a pull quote in ornaments "❝ ... ❞" is a duplicate, not a boundary), so it takes only
    what they left.  The heading of a group of two or more of them that closes its block is
    ``navigation`` too."""
    lines = page.lines
    glyph = []
    for ln in lines:
        t = nfc(ln.text)
        glyph.append(_is_glyph_line(t, len(split_words(t))))
        if glyph[-1] and not ln.label and ln.idx not in page.protected:
            ln.label = "navigation"
    # the heading of a group of such buttons ("Links for this recruitment" over "Apply online
    # → button", "Notification, PDF → open"): a short free line with no sentence end, no key
    # and no question right above two or more of them, the group closing its block
    for k, head in enumerate(lines):
        if head.label or head.idx in page.protected or not _is_group_heading(head.text):
            continue
        end = k + 1
        while end < len(lines) and glyph[end] and lines[end].label == "navigation":
            end += 1
        closes = end == len(lines) or lines[end].label or lines[end].blank_before
        if end - k - 1 >= _GLYPH_GROUP and closes:
            head.label = "navigation"


def _is_group_heading(t: str) -> bool:
    core = t.strip()
    return (
        0 < len(split_words(core)) <= _GLYPH_HEADING_WORDS
        and not core.endswith(_SENTENCE_END)
        and not core.endswith((":", "："))
        and _KEY_RE.match(core) is None
    )


def mark_residue(page: Page) -> None:
    """Pass 1c (see the module)."""
    for ln in page.lines:
        if not ln.label:
            ln.label = _line_label(ln, page.lang)
    _mark_almanac(page)
    _keep_date_boxes(page)
    _keep_intro_lists(page)
    _keep_contact_boxes(page)
    _keep_closing_contacts(page)
    _keep_story_contacts(page)
    _keep_tables(page)
    _keep_headless_tables(page)
    _mark_comments(page)
    _polls(page)
    _mark_site_lines(page)


# The site's own name, from its copyright line ("© 2026 जनपद ज्योति प्रकाशन प्रा. लि. · ...",
# "PadosPal Media © 2026 · शर्तें"): the words after the mark and the year (or before them),
# up to the first separator, without a company's suffixes.
_SITE_SUFFIX_RE = re.compile(
    r"(?:\s+(?:प्रकाशन|प्रा\.?|लि\.?|प्राइवेट|लिमिटेड|मीडिया|समूह|नेटवर्क|डिजिटल|न्यूज़?|ऑनलाइन|टीवी|"
    r"हिंदी|सेवाएं|ट्रस्ट|publications?|media|pvt\.?|ltd\.?|private|limited|group|network|digital|"
    r"news|online|tv|hindi|trust|corp\.?|inc\.?))+\s*$",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_SITE_PART_RE = re.compile(r"\s*[·|•]\s*|\s[-–—]\s|[,:।]|\.\s")
_SITE_NAME_CHARS = (3, 40)
_SITE_NAME_WORDS = 4
_RIGHTS_RE = re.compile(
    r"\b(?:all\s+(?:rights|images|photos)\b.*|reserved)|(?:सभी\s+)?(?:अधिकार|सुरक्षित)", re.IGNORECASE
)
# a story's line that names the site: what someone told it, its own earlier report, a
# channel's greeting in a transcript ("... told Anchal Darpan", "... ने जनपद ज्योति को बताया",
# "जनपद ज्योति ने 12 मार्च के अंक में यह मामला उठाया था", "आप देख रहे हैं सुर्ख़ी भारत")
_TOLD_SITE_RE = re.compile(
    r"\b(?:told|(?:said|spoke|speaking|talking)\s+to|interview\s+with)\s+(?:the\s+)?$|"
    r"(?:देख|सुन)\s+रहे\s+हैं\s+$|\b(?:watching|listening\s+to)\s+$",
    re.IGNORECASE,
)
_SITE_REPORTED_RE = re.compile(
    r"^\s*(?:को|से)\s+(?:बताया|कहा)|^\s*(?:ने|की\s+ख़?बर)\s.{0,60}(?:उठाया|छापा|प्रकाशित|असर)|"
    r"^\s*(?:had|first|earlier)?\s*(?:reported|revealed)\b",
    re.IGNORECASE,
)
_QUOTE_MARKS = '"“”‘’'
_SITE_LINE_WORDS = 36  # (a note of the site runs to two short sentences; a paragraph is longer)


# the page's first line and its footer begin with the site's name ("PadosPal ☰ ग्वालियर-चंबल"
# over "PadosPal Media · हमारे बारे में"): the words up to the first separator or menu mark
_MASTHEAD_PART_RE = re.compile(r"\s*[·|•☰›‹»→⇄●▾]\s*|\s[-–—]\s")
_FOOTER_LINES = 3
# the lead: the page's first three lines of 15+ words (a deck, a summary, the first paragraph)
_LEAD_WORDS = 15
_LEAD_LINES = 3


def _masthead_name(page: Page) -> str:
    """The words that begin both the page's first line and one of its last three lines, up
    to a separator in one of the two (neither a sentence), when no copyright line names the
    site; "" when they also stand in the article's lead (a city's or a subject's name over its
    page: "Chennai · Weather", "मौसम | आज | अगले 7 दिन" over "मौसम केंद्र ने ... अलर्ट जारी
    किया")."""
    if len(page.lines) <= 2 * _FOOTER_LINES:
        return ""

    def first_part(text: str) -> list[str]:
        return _MASTHEAD_PART_RE.split(text.strip())[0].split()

    if ends_sentence(page.lines[0].text):
        return ""
    top = first_part(page.lines[0].text)
    name = ""
    for ln in page.lines[-_FOOTER_LINES:]:
        if ends_sentence(ln.text):
            continue
        foot = first_part(ln.text)
        n = 0
        while n < min(len(top), len(foot)) and top[n] == foot[n]:
            n += 1
        if n and n in (len(top), len(foot)):
            name = " ".join(top[:n])
    long_lines = (ln.text for ln in page.lines[1:] if len(split_words(ln.text)) >= _LEAD_WORDS)
    lead = list(islice(long_lines, _LEAD_LINES))
    if len(name) < _SITE_NAME_CHARS[0] or any(name in t for t in lead):
        return ""
    return name


def _site_name(page: Page) -> str:
    """The site's name in its copyright line, or else the one its masthead and footer share
    (:func:`_masthead_name`), or "" (none found)."""
    for ln in page.lines:
        m = COPYRIGHT_RE.search(ln.text)
        if m is None:
            continue
        after = _SITE_PART_RE.split(_YEAR_RE.sub(" ", ln.text[m.end() :]))[0]
        before = _SITE_PART_RE.split(_YEAR_RE.sub(" ", ln.text[: m.start()]))[-1]
        for side in (after, before):
            side = _RIGHTS_RE.sub(" ", COPYRIGHT_RE.sub(" ", side))
            name = _SITE_SUFFIX_RE.sub("", " ".join(side.split())).strip(" .")
            if (
                _SITE_NAME_CHARS[0] <= len(name) <= _SITE_NAME_CHARS[1]
                and len(name.split()) <= _SITE_NAME_WORDS
                and not name[0].islower()  # ("All images © their photographers")
            ):
                return name
    return _masthead_name(page)


def _mark_site_lines(page: Page) -> None:
    """A free line that names the site itself (:func:`_site_name`) is the site's furniture,
    however it is worded: its pitch for members or an app written as sentences ("Janpad Jyoti
    English is free to read because members pay for it."), a note on how it checks facts, a
    print edition's note ("यह ख़बर जनपद ज्योति के वाराणसी संस्करण में पृष्ठ 7 पर भी छपी है।"),
    "Also on PadosPal", a byline's desk.  A story does not name the site that publishes it,
    but where someone told it something ("... told Anchal Darpan", "... ने जनपद ज्योति को
    बताया"), where it recalls the site's own earlier report, in a transcript's greeting ("आप
    देख रहे हैं ...") and in quotation marks; such lines, lines the earlier rules protected
    and paragraphs of 36+ words stay."""
    name = _site_name(page)
    if not name:
        return
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    for ln in page.lines:
        if ln.label or ln.idx in page.protected or COPYRIGHT_RE.search(ln.text):
            continue
        m = pattern.search(ln.text)
        if (
            m is None
            or any(q in ln.text for q in _QUOTE_MARKS)
            or len(split_words(ln.text)) >= _SITE_LINE_WORDS
            or _TOLD_SITE_RE.search(ln.text[: m.start()])
            or _SITE_REPORTED_RE.search(ln.text[m.end() :])
        ):
            continue
        ln.label = "navigation"


# a poll's option with its share: "Ishaan Bhowmik — 58%", "आज तक नहीं आई — 44%"
_OPTION_RE = re.compile(r"[—–:-]\s*(\d{1,3}(?:[.,]\d)?)\s*%\s*$")
_OPTION_WORDS = 8
_SHARES = (97.0, 101.0)  # the shares of all options, rounded: about a hundred
# the count under a poll: "1,942 votes so far", "3,208 पाठकों ने राय दी"
_VOTES_RE = re.compile(
    r"\d.*(?:\bvot(?:es?|ed|ing)\b|\bresponses\b|वोट|राय\s+दी|मत\s+(?:पड़े|दिए))", re.IGNORECASE
)
_VOTES_WORDS = 15
_QUESTION_WORDS = 30


def _polls(page: Page) -> None:
    """A readers' poll with its results: two or more options with their shares (summing to
    about 100%) right under the poll's question, and the count of votes under them; all of it
    ``navigation`` when the question is a poll's heading or the count follows (a survey's
    figures in the article have neither).  Run after the table rule, which takes the options
    for a table's rows."""
    lines = page.lines
    k = 1
    while k < len(lines):
        j = k
        while (
            j < len(lines)
            and lines[j].label in ("", "navigation")
            and len(split_words(lines[j].text)) <= _OPTION_WORDS
            and _OPTION_RE.search(lines[j].text)
        ):
            j += 1
        if j - k < 2:
            k += 1
            continue
        shares = sum(
            float(m.group(1).replace(",", "."))
            for ln in lines[k:j]
            if (m := _OPTION_RE.search(ln.text)) is not None
        )
        head, after = lines[k - 1], lines[j] if j < len(lines) else None
        count = (
            after is not None
            and after.label in ("", "navigation")  # (pass 1b may have read the count already)
            and len(split_words(after.text)) <= _VOTES_WORDS
            and _VOTES_RE.search(after.text) is not None
            and not ends_sentence(after.text)
        )
        asked = head.text.rstrip().endswith("?") and len(split_words(head.text)) <= _QUESTION_WORDS
        polled = bool(POLL_LINE_RE.search(head.text)) or (asked and count)
        if (
            _SHARES[0] <= shares <= _SHARES[1]
            and polled
            and not (head.label and head.label != "navigation")
        ):
            poll = [*lines[k - 1 : j], *([after] if count and after is not None else [])]
            for ln in poll:
                ln.label = "navigation"
                page.protected.discard(ln.idx)  # (its options are cells of a table's shape)
        k = j
    _one_line_polls(page)


_SHARE_RE = re.compile(r"(\d{1,3}(?:[.,]\d)?)\s*%")
_POLL_CELL_RE = re.compile(r"\s[·|•]\s|\s[—–]\s")


def _one_line_polls(page: Page) -> None:
    """A poll's results on one line ("हां 46% · नहीं 31% · कभी जांचा नहीं 23% · 3,870 वोट":
    two or more options with shares summing to about 100% and the count of votes) under its
    question (a line that asks, up to 30 words): both ``navigation``."""
    for head, ln in pairwise(page.lines):
        if ln.label not in ("", "navigation") or head.label not in ("", "navigation"):
            continue
        cells = _POLL_CELL_RE.split(ln.text)
        shares = [m for c in cells if (m := _SHARE_RE.search(c)) is not None]
        if (
            len(shares) >= 2
            and any(_VOTES_RE.search(c) and not _SHARE_RE.search(c) for c in cells)
            and _SHARES[0] <= sum(float(m.group(1).replace(",", ".")) for m in shares) <= _SHARES[1]
            and head.text.rstrip().endswith("?")
            and len(split_words(head.text)) <= _QUESTION_WORDS
        ):
            head.label = ln.label = "navigation"
            page.protected.discard(head.idx)
            page.protected.discard(ln.idx)


_CELL_RE = re.compile(r"\s[|/—–·]\s")
_PIPE_RE = re.compile(r"\s\|\s")
_TABLE_ROWS = 2


def _cells(t: str, sep: re.Pattern[str] = _CELL_RE) -> int:
    return len([c for c in sep.split(t) if c.strip()])


# what a table's rows may have been taken for (a row of cells is a menu's shape to pass 1b)
_ROW_LABELS = ("", "navigation")
# a row taken for a stamp by its date: "Online registration opens | December 22, 2025"
_DATED_ROW = ("metadata",)
_SOURCE_RE = re.compile(r"^\s*(?:स्रोत|सोर्स|source|sources)\s*[:：]", re.IGNORECASE)


_HEADER_CELL_WORDS = 5  # "1 जून से अब तक"


def _keep_tables(page: Page) -> None:
    """A table scraped row by row: a header of short cells (up to five words: "पद / विजेता /
    अंतर", "ज़िला | 24 घंटे में | 1 जून से अब तक", kept or taken for a menu) over two or more
    rows with as many cells and a figure each ("अध्यक्ष — कविता मीणा (मंच) — 312"; rows taken
    for a menu too, or for a stamp by their date: "Online registration opens | December 22,
    2025").  The header, the rows and a source line right
    under them ("स्रोत: ...") go back to the text and are protected from the learned passes
    (``page.protected``): a table is the story's information."""
    lines = page.lines
    for k, head in enumerate(lines):
        if head.label not in _ROW_LABELS or not _CELL_RE.search(head.text):
            continue
        if not head.label and re.search(r"[\d०-९]", head.text):
            continue  # a kept header names its columns ("Event | Date"); figures are a row's
        # (a header in pipes has rows in pipes: "कमेंट्री | स्कोरकार्ड | आंकड़े" over a live
        # commentary's "रेड 41 — X, 3 अंक | 38-31" is a widget's tabs)
        sep = _PIPE_RE if _PIPE_RE.search(head.text) else _CELL_RE
        n = _cells(head.text, sep)
        if n < 2 or any(len(split_words(c)) > _HEADER_CELL_WORDS for c in sep.split(head.text)):
            continue
        rows = []
        for ln in lines[k + 1 :]:
            if ln.label not in _ROW_LABELS + _DATED_ROW or _cells(ln.text, sep) != n:
                break
            if ln.label in _DATED_ROW and parse_date(ln.text) is None:
                break
            if not re.search(r"[\d०-९]", ln.text):
                break
            rows.append(ln)
        if len(rows) >= _TABLE_ROWS:
            end = k + 1 + len(rows)
            source = lines[end] if end < len(lines) else None
            if source is not None and source.label == "metadata" and _SOURCE_RE.match(source.text):
                rows.append(source)  # the table's own source line: "स्रोत: फुटकर भाव, ..."
            for ln in [head, *rows]:
                ln.label = ""
            page.protected.update(ln.idx for ln in [head, *rows])


_HEADLESS_ROWS = 3
_ROW_KEY_WORDS = 3


def _keep_headless_tables(page: Page) -> None:
    """A table with no header row, under a subhead of the story ("इस हफ़्ते का तय मेन्यू" over
    "सोमवार | रोटी, दाल, दूध", "मंगलवार | चावल, अरहर दाल"): three or more lines in a row, each
    of as many cells between " | " (two or more) and a first cell of up to three words, none a
    sentence, right under a subhead (a free line of up to 8 words, no cells and no sentence
    end; plan prices under a paywall's pitch are no table).  The rows go back to the text and are
    protected from the learned passes, as a table with a header (:func:`_keep_tables`).  A
    site's menu is one line of many cells, not rows of the same shape under a subhead."""
    lines = page.lines
    k = 1
    while k < len(lines):
        n, head = _cells(lines[k].text, _PIPE_RE), lines[k - 1]
        if (
            n < 2
            or head.label
            or _cells(head.text, _CELL_RE) > 1
            or ends_sentence(head.text)
            or len(split_words(head.text)) > _PROSE_WORDS
        ):
            k += 1
            continue
        j = k
        while (
            j < len(lines)
            and lines[j].label in _ROW_LABELS
            and _cells(lines[j].text, _PIPE_RE) == n
            and len(split_words(_PIPE_RE.split(lines[j].text)[0])) <= _ROW_KEY_WORDS
            and not ends_sentence(lines[j].text)
        ):
            j += 1
        if j - k >= _HEADLESS_ROWS:
            for ln in lines[k:j]:
                ln.label = ""
                page.protected.add(ln.idx)
        k = max(j, k + 1)


_ALMANAC_WORD_RE = re.compile(r"पंचांग|पञ्चांग|राशिफल|मुहूर्त|horoscope|panchang|muhurat", re.I)
_TOPIC_WORDS = 4
_ALMANAC_RUN = 3  # signs' forecasts in a row with no heading above them
_ALMANAC_WORDS = 20


def _mark_almanac(page: Page) -> None:
    """An almanac or horoscope widget: its heading, and the short lines under it that read the
    day's almanac or a sign's forecast, are ``navigation``; so is a run of three or more
    forecasts led by a sign's name, with no heading.  Not on a page whose headline names the
    almanac, the horoscope or an auspicious hour ("आज का राशिफल 5 मार्च: ...", "... पूजा का शुभ
    मुहूर्त"): there they are the story."""
    lines = page.lines
    if any(
        _ALMANAC_WORD_RE.search(ln.text) and not ALMANAC_HEAD_RE.match(ln.text)
        for ln in lines
        if len(split_words(ln.text)) >= _TOPIC_WORDS
    ):
        return
    under = False
    k = 0
    while k < len(lines):
        ln = lines[k]
        t = ln.text
        short = len(split_words(t)) <= _ALMANAC_WORDS
        if ALMANAC_HEAD_RE.match(t):
            ln.label = ln.label or "navigation"
            under = True
        elif under and short and (ALMANAC_LINE_RE.search(t) or RASHI_RE.match(t)):
            ln.label = ln.label or "navigation"
        else:
            under = False
            j = k
            while (
                j < len(lines)
                and RASHI_RE.match(lines[j].text)
                and len(split_words(lines[j].text)) <= _ALMANAC_WORDS
            ):
                j += 1
            if j - k >= _ALMANAC_RUN:
                for r in lines[k:j]:
                    r.label = r.label or "navigation"
            k = max(j, k + 1)
            continue
        k += 1


# "key: value" -- and the keys of a publication stamp, which stay stamps in any box (not
# META_KEYWORDS: its "अंतिम"/"last" is "last updated" in a stamp, "last date" in a box)
_PUBLICATION_KEY_RE = re.compile(
    r"updated|published|posted|modified|edited|by|author|अपडेट|प्रकाशित|प्रकाशन|पब्लिश|संशोधित|"
    r"पोस्ट|लेखक|रिपोर्ट|संवाददाता",
    re.IGNORECASE,
)
_BOX_LINES = 3
# a prompt written as "key: value" ("इस ख़बर को भेजें: वॉट्सऐप · लिंक कॉपी करें") is no fact
_PROMPT_WORDS_RE = re.compile(f"{ACTION_RE.pattern}|{SOCIAL_RE.pattern}", re.IGNORECASE)


def _box_key(key: str) -> bool:
    """A key of a box of facts: words only (no "▶", "·"), not a publication stamp's."""
    return not _PUBLICATION_KEY_RE.search(key) and not re.search(r"[^\w\s\u0900-\u097f().,/-]", key)


# a box's value that is a figure alone: "41%", "₹1,284", "3.2 / 5"
_FIGURE_VALUE_RE = re.compile(r"[^A-Za-z\u0900-\u097f]*[\d०-९][^A-Za-z\u0900-\u097f]*")
# ... or one that opens with a figure: "₹6.50 per share", "Rs 3 per share"
_FIGURE_LEAD_RE = re.compile(r"(?:rs\.?|inr|रु\.?)?[^A-Za-z\u0900-\u097f]*[\d०-९]", re.IGNORECASE)


def _keep_date_boxes(page: Page) -> None:
    """A box of dates is information, not a stamp: in a run of three or more consecutive
    ``key: value`` lines ("ऑनलाइन आवेदन शुरू: 20 फरवरी 2025", "आवेदन की अंतिम तिथि: 21 मार्च
    2025", "लिखित परीक्षा: मई 2025"), a line taken for ``metadata`` by its date goes back to
    the text, unless its key is a publication stamp's (published, updated, by ...), and so
    does a line taken for a prompt whose value is a figure alone ("Export share of revenue:
    41%": "share" is a noun there); the box's kept lines are the text's, and the learned
    passes leave them alone (``page.protected``)."""
    lines = page.lines
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and KEY_VALUE_RE.match(lines[j].text) and len(lines[j].text) < 120:
            j += 1
        if j - k >= _BOX_LINES and any(not lines[i].label for i in range(k, j)):
            facts = []
            for ln in lines[k:j]:
                m = KEY_VALUE_RE.match(ln.text)
                if (
                    ln.label == "metadata"
                    and m
                    and not _PUBLICATION_KEY_RE.search(m["key"])
                    and parse_date(ln.text[m.end() - 1 :]) is not None
                ):
                    ln.label = ""
                value = ln.text[m.end() - 1 :] if m else ""
                figure = bool(
                    m
                    and (
                        _FIGURE_VALUE_RE.fullmatch(value)
                        # "Final dividend: ₹6.50 per share": a figure and its unit, under a
                        # key that asks nothing (a share counter's key says "Shares")
                        or (_FIGURE_LEAD_RE.match(value) and not _PROMPT_WORDS_RE.search(m["key"]))
                    )
                )
                if ln.label == "navigation" and m and _box_key(m["key"]) and figure:
                    ln.label = ""  # "Export share of revenue: 41%": a figure is no prompt
                if (
                    not ln.label
                    and m
                    and _box_key(m["key"])
                    and (figure or not _PROMPT_WORDS_RE.search(ln.text))
                ):
                    facts.append(ln)
            if len(facts) >= _BOX_LINES:  # (a lone counter among stamps is no box)
                page.protected.update(ln.idx for ln in facts)
        k = max(j, k + 1)


# A list's intro: a line of 3+ words ending in a colon ("How the main indices closed:",
# "अंतिम परिणाम (निर्वाचन अधिकारी के अनुसार):"); a link heading ("इन विषयों पर और पढ़ें:")
# or a call to act is none.
_INTRO_WORDS = 3
_LIST_MAX = 12  # items of one list
_ITEM_WORDS = 15
_DIGIT_RE = re.compile(r"\d")
# labels an early pass gives a line of figures that it takes back under an intro
_FIGURE_LABELS = ("navigation", "ticker", "metadata")
_SENTENCE_THEN_MORE_RE = re.compile(r"[.।!?]\s+[^\W\d]")


def _keep_intro_lists(page: Page) -> None:
    """A list of figures under the line that introduces it is the article's text: after a
    kept line of 3+ words ending in a colon (no link heading, no call to act), a run of two
    or more short lines each with a figure ("Sensex: 79,412.55 | +662.40 | +0.84%") goes
    back to the text when an earlier rule took it for a ticker, a widget or a stamp, and the
    learned passes leave it alone (``page.protected``)."""
    lines = page.lines
    for k, intro in enumerate(lines):
        t = intro.text.rstrip()
        if intro.label or not t.endswith((":", "：")) or len(split_words(t)) < _INTRO_WORDS:
            continue
        if any(
            rx.search(t)
            for rx in (ACTION_RE, RELATED_HEADING_RE, ALSO_READ_HEADING_RE, LIST_HEADING_RE)
        ):
            continue
        run: list[Line] = []
        for ln in lines[k + 1 : k + 1 + _LIST_MAX]:
            if (
                ln.blank_before
                and run
                or not _DIGIT_RE.search(ln.text)
                or len(split_words(ln.text)) > _ITEM_WORDS
                or ln.label not in ("", *_FIGURE_LABELS)
                or _SENTENCE_THEN_MORE_RE.search(ln.text)
            ):
                break  # (two sentences are no item: "You have 2 free stories left. Subscribe ...")
            run.append(ln)
        if len(run) < 2:
            continue
        for ln in run:
            ln.label = ""
            page.protected.add(ln.idx)


_CONTACT_BOX = 6  # lines of one box
_PROSE_WORDS = 8


def _is_contact_fact(ln: Line) -> bool:
    """A ``key: value`` contact line the contact rule took for ``metadata``."""
    m = KEY_VALUE_RE.match(ln.text)
    return (
        ln.label == "metadata"
        and m is not None
        and _box_key(m["key"])
        and CONTACT_RE.search(ln.text[m.end() - 1 :]) is not None
    )


def _keep_contact_boxes(page: Page) -> None:
    """A story's contacts are its text, not the site's card: a run of lines of a box with up
    to six contacts, each a ``key: value`` contact line taken for ``metadata`` by the contact rule
    ("हेल्पलाइन: 1800-233-4417 (सोमवार से शनिवार)", "Tanker requests: 020-2550-1234") or a
    kept ``key: value`` line ("फीवर क्लिनिक: कमरा नंबर 14"), goes back to the text, and the
    learned passes leave it alone (``page.protected``), when it sits inside the article: a
    kept line right above it and a kept sentence of 8+ words right below (or under a kept
    subhead right below: :func:`_prose_follows`), or, where the box closes the text, a heading
    of its own right under the story's last sentence (:func:`_headed_under_prose`; the heading
    goes back to the text too).  A site's contact card has furniture or the page's end around
    it.  (One contact line that closes the story: :func:`_keep_closing_contacts`.)"""
    lines = page.lines
    k = 1
    while k < len(lines):
        if not _is_contact_fact(lines[k]):
            k += 1
            continue
        start = k
        while (
            start - 1 > 0
            and not lines[start - 1].label
            and KEY_VALUE_RE.match(lines[start - 1].text)
        ):
            start -= 1  # (kept box lines above the first contact belong to the box)
        end = k
        while end < len(lines) and (
            _is_contact_fact(lines[end])
            or (not lines[end].label and KEY_VALUE_RE.match(lines[end].text))
        ):
            end += 1
        run = lines[start:end]
        k = end
        contacts = sum(1 for ln in run if _is_contact_fact(ln))
        if contacts > _CONTACT_BOX or start == 0 or end >= len(lines) or lines[start - 1].label:
            continue
        headed = _headed_under_prose(lines, start)
        if not headed and not _prose_follows(lines, end):
            continue
        if headed:
            run = [lines[start - 1], *run]
        for ln in run:
            ln.label = ""
            page.protected.add(ln.idx)


_BOX_HEADING_WORDS = 4
# the words of any contact's key: they name no story ("जानकारी के लिए", "Helpline", "शिकायत")
_CONTACT_KEY_WORDS = frozenset(
    """जानकारी संपर्क सम्पर्क हेल्पलाइन हेल्पडेस्क शिकायत शिकायतों सहायता मदद सूचना नंबर नंबरों फ़ोन फोन
    मोबाइल ईमेल ई-मेल व्हाट्सएप टोल-फ्री टोल-फ़्री कॉल contact contacts helpline helpdesk information
    info enquiries enquiry inquiries queries query complaints complaint phone tel mobile email e-mail
    whatsapp toll-free call number numbers help टोल फ्री फ़्री toll free""".split()
)


# a contact line's key, up to the first colon: "ई-चालान से जुड़ी शिकायतों के लिए ... कक्ष: 0141-..."
_CONTACT_KEY_RE = re.compile(r"^\s*(?P<key>[^:：|]{2,80})[:：]\s*\S")


def _keep_closing_contacts(page: Page) -> None:
    """One contact line right under a sentence of the story, taken for ``metadata`` by the
    contact rule, goes back to the text (and the learned passes leave it alone) when its key
    names what the story is about or nothing but a contact ("जानकारी के लिए कृषि विभाग, बंडा:
    07582-201447" under a story on Banda's farmers; "ई-चालान से जुड़ी शिकायतों के लिए यातायात
    नियंत्रण कक्ष: 0141-..." under one on e-challans; "Helpline: 1800-000-0150 (toll-free)"):
    each content word of the key is a word of any contact's key, or one of them is in a kept
    line above.  A site's card names the site or its desks ("अख़बार घर मंगाने के लिए: ..."),
    and a card's row strings its fields with separators ("ट्रस्ट कार्यालय: 07574-000-219 · सुबह
    9 से 6 बजे")."""
    lines = page.lines
    for k in range(1, len(lines) - 1):
        ln = lines[k]
        m = _CONTACT_KEY_RE.match(ln.text)
        if (
            ln.label != "metadata"
            or m is None
            or CONTACT_RE.search(ln.text[m.end() - 1 :]) is None
            or _CARD_SEP_RE.search(ln.text[m.end() - 1 :])
            or lines[k - 1].label
            or not _is_story_sentence(lines[k - 1].text)
            or _is_contact_fact(lines[k + 1])
        ):
            continue
        key = {w for w in content_words(m["key"]) if len(w) > 2 and w not in _CONTACT_KEY_WORDS}
        story = [{x.lower() for x in WORD_RE.findall(s.text)} for s in lines[:k] if not s.label]
        if not key or any(any(w in words for words in story) for w in key):
            ln.label = ""
            page.protected.add(ln.idx)


# A line that is a contact alone: a phone number, an e-mail or a web address (a bare one too:
# "rto-pune-audit.example/schoolbus"), with at most a word and its hours in brackets besides
# ("033-2000-7712 (10 am to 6 pm)", "1800-000-3321 / 1800-000-3322").
_BARE_ADDRESS_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE
)
_BRACKETS_RE = re.compile(r"\([^()]*\)")


def _is_bare_contact(t: str) -> bool:
    t = t.strip()
    if _BARE_ADDRESS_RE.match(t):
        return True
    m = CONTACT_RE.search(t)
    if m is None:
        return False
    if (dm := parse_date(t)) is not None and dm.start <= m.start() < dm.end:
        return False  # a date and time: "05-12-2025 18:45"
    rest = _BRACKETS_RE.sub(" ", CONTACT_RE.sub(" ", t)).strip(" ,;/|·-–—")
    return len(split_words(rest)) <= 1


# a press release's card for the press: "Media contact: Corporate Communications, DPCL"
_PRESS_CONTACT_RE = re.compile(
    r"\b(?:media|press)\s+(?:contacts?|enquiries|inquiries|queries)\b|मीडिया\s+संपर्क", re.I
)


def _is_card_heading(t: str) -> bool:
    """A card's heading: a short line with an interface glyph ("📞 बाढ़ नियंत्रण कक्ष"), one
    that asks the reader to write in ("अपना सवाल भेजें") or a release's contact for the
    press."""
    short = len(split_words(t)) <= _BOX_HEADING_WORDS + 2 and not ends_sentence(t)
    return short and bool(_glyphs(t) or READER_REQUEST_RE.search(t) or _PRESS_CONTACT_RE.search(t))


def _keep_story_contacts(page: Page) -> None:
    """A contact alone on its line among the story's own lines is the story's: a phone number
    under "गन्ना विभाग की शिकायत लाइन:", a web address under "Read the bus-wise list on the
    transport office's audit page:", an office's number under the heading "Farmers' claims
    desk" with the story going on below it.  Such a line goes back to the text (pass 1 took a
    bare number for a counter, the contact rule for a card) and the later passes leave it
    alone (``page.protected``; it is no boundary of another story either), when the line right
    above it (or above the box's other contacts) is free and not the site speaking ("हमें
    लिखें:"), and a sentence of the story (8+ words and a sentence end) is among the two free
    lines below it, or that line above announces it where the story ends (:func:`_announces`).
    A site's card stands under its own heading (:func:`_is_card_heading`) or at the page's
    end.  A ``key: contact`` line ("किसानों के लिए कंट्रोल रूम: 07592-000-640") is its
    own intro: under a free line of the story (a table's last row, a list's last item), with
    a sentence of the story (8+ words) among the two free lines below it, past a reader's
    call that pass 1 took (the closing-contact rule reads the key's words instead).  An
    office's name and its number with no colon between (:func:`_is_named_contact`) is read as
    a bare contact under the free line above it.  An office's address right above a protected
    number is protected with it."""
    lines = page.lines
    for k, ln in enumerate(lines):
        if ln.label not in ("", "navigation", "metadata"):
            continue
        if _is_bare_contact(ln.text):
            j = k - 1
            while j >= 0 and _is_bare_contact(lines[j].text):
                j -= 1  # (the contacts of one box: "0755-...", "ई-मेल: ...")
            head = None if j < 0 or lines[j].label else lines[j]
            intro = head.text if head else ""
        elif (
            (m := _CONTACT_KEY_RE.match(ln.text))
            and _is_bare_contact(value := ln.text[m.end() - 1 :])
            and not _CARD_SEP_RE.search(value)
        ):
            # "किसानों के लिए कंट्रोल रूम: 07592-000-640": the key is the contact's intro, when
            # it asks the reader nothing, however long ("कोई परेशानी? ...", "... लिख भेजें"),
            # and the value is no card's row of fields ("ईमेल: media@... | फोन: ...")
            key = m["key"]
            card = bool(READER_REQUEST_RE.search(key) or re.search(r"[?!]", key))
            head, intro = None, "" if k == 0 or lines[k - 1].label or card else key
        elif _is_named_contact(ln.text) and k > 0 and not lines[k - 1].label:
            head = lines[k - 1]  # an office's name and its number, no colon between
            intro = head.text
        else:
            continue
        below = (b for b in lines[k + 1 :] if not b.label and not _is_bare_contact(b.text))
        if (
            not intro
            or SITE_VOICE_RE.search(intro)
            or _is_card_heading(intro)
            or not (any(_is_story_sentence(b.text) for b in islice(below, 2)) or _announces(intro))
        ):
            continue
        ln.label = ""
        page.protected.add(ln.idx)
        if head is not None and _is_postal_address(head.text, page.lang):
            page.protected.add(head.idx)  # (the office's address above its number)


_NAME_WORDS = 5


def _is_named_contact(t: str) -> bool:
    """An office's name of up to five words (no figure, no mark, no verb) and its number or
    address closing the line, no colon between: "कांजी हाउस नियंत्रण कक्ष 01582-000-244"."""
    m = CONTACT_RE.search(t)
    if m is None or t[m.end() :].strip():
        return False
    name = t[: m.start()].strip()
    return (
        0 < len(split_words(name)) <= _NAME_WORDS
        and not re.search(r"[\d:：|·•,;।.!?]", name)
        and not has_finite_verb(name, "hi")
        and not READER_REQUEST_RE.search(name)  # (a call: "संपर्क करें 98...")
    )


_ANNOUNCE_WORDS = 6


def _announces(intro: str) -> bool:
    """A line of the story that announces the contact under it, where the story may end: six
    or more words and a final colon ("अनुमति के लिए आवेदन एसडीएम कार्यालय में या ऑनलाइन:"), not
    the site's call to write in ("विज्ञापन के लिए यहां संपर्क करें:")."""
    return (
        intro.rstrip().endswith((":", "："))
        and len(split_words(intro)) >= _ANNOUNCE_WORDS
        and not READER_REQUEST_RE.search(intro)
    )


# an office's address: "भू-अर्जन शाखा, कमरा नंबर 14, हुज़ूर तहसील परिसर, भोपाल"
_ADDRESS_PARTS = 3
_ADDRESS_PART_WORDS = 4


def _is_postal_address(t: str, lang: str) -> bool:
    """Three or more short parts between commas, no sentence end and no verb."""
    parts = [p for p in t.split(",") if p.strip()]
    return (
        len(parts) >= _ADDRESS_PARTS
        and all(len(split_words(p)) <= _ADDRESS_PART_WORDS for p in parts)
        and not ends_sentence(t)
        and not has_finite_verb(t, lang)
    )


def _headed_under_prose(lines: list[Line], start: int) -> bool:
    """A box that closes the story's text under a heading of its own ("संपर्क के लिए"): a
    kept line of up to four words with no sentence end, figure or call to act ("अपना सवाल
    भेजें" heads a column's card for readers' letters), right under a kept sentence of 8+
    words."""
    if start < 2:
        return False
    head, above = lines[start - 1], lines[start - 2]
    t = head.text
    return (
        not head.label
        and not above.label
        and 0 < len(split_words(t)) <= _BOX_HEADING_WORDS
        and not ends_sentence(t)
        and not _IMPERATIVE_RE.search(t)
        and not any(ch.isdigit() for ch in t)
        and _is_story_sentence(above.text)
    )


def _is_story_sentence(t: str) -> bool:
    """A sentence of the story: 8+ words and a sentence end."""
    return len(split_words(t)) >= _PROSE_WORDS and ends_sentence(t)


def _prose_follows(lines: list[Line], at: int) -> bool:
    """A kept sentence of 8+ words at ``lines[at]``, or right under a kept subhead there (a
    short line with no sentence end: the story's next section)."""
    for j in (at, at + 1):
        if j >= len(lines) or lines[j].label:
            return False
        t = lines[j].text
        if _is_story_sentence(t):
            return True
        if ends_sentence(t) or len(split_words(t)) >= _PROSE_WORDS:
            return False  # (neither a sentence of the story nor a subhead)
    return False


# Readers' comments (:func:`_mark_comments`).  A commenter: a name (a place after a comma) and,
# after a separator, when it was written; a reply row: a reply button or a reaction count.
_COMMENTER_SEP_RE = re.compile(r"\s[·|•—–]\s")
_COMMENTER_NAME_WORDS = 5
_COMMENTER_TIME_WORDS = 4
_COMMENTER_PLACE_WORDS = 3
_WHEN_RE = re.compile(
    r"(?:पहले|ago|आज|कल|today|yesterday|just\s+now|अभी)\b|(?:पहले|आज|कल|अभी)(?=\s|$)", re.IGNORECASE
)
_REPLY_RE = re.compile(
    r"(?:^|[\s·|•])(?:जवाब(?:\s+दें)?|उत्तर\s+दें|reply|replies|respond)(?=$|[\s·|•])|[👍👎♥❤💬]\s*(?:[^\W\d]+\s+)?[\d०-९]+",  # ("👍 सहमत 112 · 💬 9")
    re.IGNORECASE,
)
_REPLY_ROW_WORDS = 8


def _is_commenter(t: str) -> bool:
    """ "रमेश ढुल, जींद · 2 घंटे पहले", "अमन राज · आज सुबह 7:48", "Priya S. | 3 hours ago",
    "नाज़िया परवीन · चमनगंज · कल"."""
    parts = _COMMENTER_SEP_RE.split(t.strip())
    if len(parts) == 3 and len(split_words(parts[1])) <= _COMMENTER_PLACE_WORDS:
        parts = [parts[0], parts[2]]  # "रमेश चंद्र · बर्रा-8 · 2 घंटे पहले": a place between
    if len(parts) != 2 or ends_sentence(t):
        return False
    name, when = parts
    if not 1 <= len(split_words(name)) <= _COMMENTER_NAME_WORDS:
        return False
    if len(split_words(when)) > _COMMENTER_TIME_WORDS:
        return False
    return bool(CLOCK_RE.search(when) or _WHEN_RE.search(when) or parse_date(when) is not None)


def _is_reply_row(ln: Line) -> bool:
    return (
        ln.label in ("", "navigation", "related-link")
        and len(split_words(ln.text)) <= _REPLY_ROW_WORDS
        and not ends_sentence(ln.text)
        and _REPLY_RE.search(ln.text) is not None
    )


def _mark_comments(page: Page) -> None:
    """A reader's comment: one line between its commenter and its reply row (see the module).
    The comment is shaped like a sentence of the story and may share its words, so only its
    place between the two tells it apart."""
    lines = page.lines
    for k in range(1, len(lines) - 1):
        above, ln, below = lines[k - 1], lines[k], lines[k + 1]
        if ln.label or above.label not in ("", "metadata", "navigation"):
            continue  # (a commenter's cells are a menu's shape to pass 1)
        if _is_commenter(above.text) and _is_reply_row(below):
            above.label = "metadata"
            ln.label = "navigation"
            if not below.label:
                below.label = "navigation"
