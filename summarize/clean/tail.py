"""Passes 6-10 of the cleaner: link lists, duplicates, the end of the page, coherence flags
and the spans cut out of kept lines.

6. **Link lists**: headlines under an "Also read"/"Related" heading; a poll widget.
7. **Duplicates**: a line that repeats the title (also with a site name added) or an
   earlier line.
8. **The end of the page**: a closing author bio (role and career words, third person, the
   byline's name) or a last line of text about a writer or host named nowhere above ("X
   ... पर लिखती हैं", "X writes on cities"), then short non-sentence lines after the last sentence (footers, tag
   lists, other stories' headlines).
9. **Coherence**: long kept lines far from the topic are flagged (never removed).
10. **Cuts inside kept lines**: a leading dateline (``नई दिल्ली, 2 जुलाई (भाषा)।``,
    ``NEW DELHI:``), a CMS placeholder, a stray foreign article (``La``), an inline photo
    credit, a trailing ``[…]``/"Read more".
"""

from __future__ import annotations

import re
from itertools import pairwise

from summarize.clean.page import Line, Page
from summarize.clean.patterns import (
    ABOUT_AUTHOR_RE,
    ALSO_READ_HEADING_RE,
    AUTHOR_NOTE_RE,
    BARE_CREDIT_TAIL_RE,
    BIO_IDENTITY_RE,
    BIO_ROLE_RE,
    BIO_STANDING_RE,
    BIO_TRAIT_RE,
    BYLINE_NAME_RE,
    CONTACT_RE,
    CREDIT_PAREN_RE,
    CREDIT_TAIL_RE,
    DANGLING_START,
    DEV_RE,
    DISCLAIMER_TEXT_RE,
    DURATION_TAIL_RE,
    FIGURE_ITEM_RE,
    FIRST_PERSON_RE,
    KEY_VALUE_RE,
    LIST_HEADING_RE,
    LIST_RANK_RE,
    MEDIA_LEAD_RE,
    OPINION_NOTE_RE,
    PLACEHOLDER_PREFIX_RE,
    POLL_RE,
    RELATED_HEADING_RE,
    SITE_WORD_RE,
    SOURCE_TAIL_RE,
    STRAY_LATIN_FUNC,
    TAG_HEADINGS,
    WRITER_LEAD_RE,
    WRITER_WORK_RE,
)
from summarize.clean.shapes import (
    LONG_LINE,
    bio_score,
    ends_sentence,
    glue_points,
    is_function_word,
    is_headline_shape,
    is_paragraph_like,
    is_text_line,
    list_rank,
    norm,
    opening_dateline,
    opening_en_dateline,
    split_words,
    terminal_count,
)
from summarize.lang.dates import parse_date
from summarize.lang.lexicon import NOT_NAMES_EN, is_common_hindi
from summarize.lang.script import DEVANAGARI as DEV
from summarize.lang.script import nfc
from summarize.lang.wellformed import is_caption_phrase
from summarize.types import Removed

__all__ = ["mark_link_lists", "mark_duplicates", "mark_page_end", "flag_incoherent", "cut_inline"]

_TRUNCATION_RE = re.compile(
    r"\s*(\[\s*(…|\.\.\.)\s*\]|(read\s+more|आगे\s+पढ़ें|और\s+पढ़ें)\s*[»>]*)\s*$", re.I
)
_STRAY_LATIN_RE = re.compile(rf"^([A-Za-z]{{1,4}})\s+(?=[{DEV}])")


# --- pass 6 -----------------------------------------------------------------------------------


def _mark_related(page: Page) -> None:
    """Headlines right under an "Also read" / "Related" heading, or a list's heading
    (:data:`~.patterns.LIST_HEADING_RE`), are links."""
    lines, tfidf = page.lines, page.tfidf
    for k, ln in enumerate(lines):
        if ln.label != "navigation":
            continue
        also = bool(ALSO_READ_HEADING_RE.match(ln.text))
        related = bool(RELATED_HEADING_RE.search(ln.text))
        # a list's heading with a word of haste ("ताज़ा ख़बरें फटाफट", "टॉप न्यूज़ अभी"): its
        # links run together, and a blank line ends them (the article's subhead may follow)
        listed = not (also or related) and bool(LIST_HEADING_RE.match(ln.text))
        if not (also or related or listed):
            continue
        j = k + 1
        while j < len(lines) and not lines[j].label and is_headline_shape(lines[j].text):
            if listed and j > k + 1 and lines[j].blank_before:
                break
            # the first headline after "Also read", and every headline of a "Related"
            # list, is a link; further lines after "Also read" only when off the topic
            sim = tfidf.cos(tfidf.text_vec(lines[j].text), page.ref_vec)
            if related or listed or j == k + 1 or sim < page.off_bar:
                lines[j].label = "related-link"
            else:
                lines[j].flags.append("related-link")
                break
            j += 1


def _mark_poll(page: Page) -> None:
    """A poll widget: its heading, the question and the short answer options."""
    lines = page.lines
    for k, ln in enumerate(lines):
        # (only when a question follows: "सर्वे" may also head a real paragraph)
        if (
            ln.label in ("", "navigation")
            and POLL_RE.match(ln.text)
            and k + 1 < len(lines)
            and lines[k + 1].text.rstrip().endswith("?")
        ):
            ln.label = "navigation"
            j = k + 1
            while (
                j < len(lines)
                and not lines[j].label
                and len(split_words(lines[j].text)) <= 10
                and len(lines[j].text) < 80
            ):
                lines[j].label = "navigation"
                j += 1


def mark_link_lists(page: Page) -> None:
    """Pass 6."""
    _mark_related(page)
    _mark_poll(page)
    _mark_closing_link_list(page)


_LINK_HEADING_WORDS = 6  # "आज सबसे ज़्यादा खोली गई ख़बरें"
_LINK_WORDS = 5  # a headline offered as a link: 5+ words (a list of items is shorter)
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_RANKED_HEADING_WORDS = 8


def _mark_closing_link_list(page: Page) -> None:
    """A list of other stories' headlines under a short heading after the article's text,
    in any wording ("इसी अंक से", "Also from the city desk", "ताज़ा ख़बरें फटाफट"): a heading
    of up to six words (eight over headlines ranked 1, 2, 3 ...) with no sentence end, after
    the first paragraph, then two or more headlines of 5+ words (no sentence end, at most two numbers; a rank before each, "2. ",
    is no sentence end unless the heading ends in a colon), and no text after them
    (:func:`~.shapes.is_text_line`; mid-text, a heading over short lines is a subhead over
    key points), and no line an early pass established as text (``page.protected``: the
    last line of a story's contact box) as the heading.  The heading is navigation, the
    headlines related links."""
    lines = page.lines
    paras = [k for k, ln in enumerate(lines) if not ln.label and is_paragraph_like(ln.text)]
    if not paras:
        return
    for k in range(paras[0] + 1, len(lines)):
        head = lines[k]
        words = split_words(head.text)
        if (
            head.label not in ("", "navigation", "section-label")
            or head.idx in page.protected
            or not words
            or len(words) > _RANKED_HEADING_WORDS
            or ends_sentence(head.text)
            or head.text.rstrip().endswith("?")
        ):
            continue
        run: list[Line] = []
        ranks: list[int] = []
        intro = head.text.rstrip().endswith((":", "："))
        for ln in lines[k + 1 :]:
            # a most-read list numbers its headlines ("2. Chitrakoot ghats: ..."); under a
            # list's intro (a final colon) numbered lines are the article's steps
            rank = LIST_RANK_RE.match(ln.text)
            text = ln.text[rank.end() :] if rank and not intro else ln.text
            if rank:
                ranks.append(list_rank(ln.text) or 0)
            if ln.label or not is_headline_shape(text):
                break
            if (
                len(split_words(text)) < _LINK_WORDS
                or len(_NUMBER_RE.findall(text)) > 2
                or FIGURE_ITEM_RE.match(text)
            ):
                break  # a short item, or a line of figures (a box of scores: the text's)
            run.append(ln)
        after = lines[k + 1 + len(run) :]
        # one headline is a list too when another story (found by pass 5b) follows it
        # at once: that story's headline was the list's next item
        into_story = len(run) == 1 and bool(after) and after[0].label == "off-topic"
        if (len(run) < 2 and not into_story) or any(
            not x.label and is_text_line(x.text) for x in after
        ):
            continue
        if len(words) > _LINK_HEADING_WORDS and ranks != list(range(1, len(run) + 1)):
            continue  # a longer heading only over a ranking: "आज जबलपुर में सबसे ज़्यादा खोली गईं"
        head.label = head.label or "navigation"
        for ln in run:
            ln.label = "related-link"
        return


# --- pass 7 -----------------------------------------------------------------------------------


def mark_duplicates(page: Page) -> None:
    """Pass 7: repeats of the title or of an earlier line.  Of a short line and its repeat,
    the one that heads a paragraph stays (a subhead) and the other goes (its entry in a list
    of contents above), as does an entry with a link's mark ("→ Who has to register") beside
    its unmarked subhead; otherwise the later one goes.  Then the heading of such a list
    (:func:`_mark_contents_heading`)."""
    seen: dict[str, Line | None] = {}
    tkey = norm(page.title or "")
    if page.title:
        seen[tkey] = None
    for ln in page.lines:
        if ln.label:
            continue
        key = norm(ln.text)
        repeats_title = bool(
            tkey
            and len(tkey) >= 20
            and is_headline_shape(ln.text)
            and tkey in key
            and len(key) <= len(tkey) + 40
        )
        if key and (key in seen or repeats_title):
            first = seen.get(key)
            if first is not None and (
                (_heads_paragraph(page, ln) and not _heads_paragraph(page, first))
                or (_LINK_MARK_RE.match(first.text) and not _LINK_MARK_RE.match(ln.text))
            ):
                first.label = "duplicate"  # a contents entry; its subhead below stays
                seen[key] = ln
            else:
                ln.label = "duplicate"  # (also the headline again with a site name added)
        else:
            seen[key] = ln
    _mark_contents_heading(page)
    _mark_pull_quotes(page)


# a contents entry's mark: "→ Who has to register", "▸ योजना क्या है", "• Eligibility"
_LINK_MARK_RE = re.compile(r"^\s*[→➜⟶▸►▶»›•·\-–]\s*\S")
_CONTENTS_HEADING_WORDS = 5


def _mark_contents_heading(page: Page) -> None:
    """The heading of a list of contents ("In this explainer", "इस लेख में"): a short free
    line with no sentence end right above two or more entries that pass 7 took for repeats
    of the article's subheads (``duplicate``) and nothing else."""
    lines = page.lines
    for k, ln in enumerate(lines[:-2]):
        if ln.label or ends_sentence(ln.text):
            continue
        if len(split_words(ln.text)) > _CONTENTS_HEADING_WORDS:
            continue
        run = 0
        for nxt in lines[k + 1 :]:
            if nxt.label != "duplicate":
                break
            run += 1
        if run >= 2:
            ln.label = "navigation"


def _heads_paragraph(page: Page, ln: Line) -> bool:
    """A short line (no paragraph itself) whose next free line is the text: a paragraph, or
    a sentence of six words or more (:func:`~.shapes.is_text_line`)."""
    if is_paragraph_like(ln.text):
        return False
    k = page.lines.index(ln)
    nxt = next((x for x in page.lines[k + 1 :] if not x.label), None)
    return nxt is not None and is_text_line(nxt.text)


_QUOTES = "\"'“”‘’«»„"


def _mark_pull_quotes(page: Page) -> None:
    """A pull quote: a short free line, quoted, whose words all stand inside a longer kept
    line elsewhere on the page (the answer it was lifted from).  Repeated text loses
    nothing when it goes; the line it repeats stays.  (Not an unquoted sentence: clean text
    may repeat one of its sentences, and nothing of clean text may go.)"""
    free = [ln for ln in page.lines if not ln.label]
    for ln in free:
        t = ln.text.strip()
        if t[:1] not in _QUOTES or len(split_words(t)) < 5 or len(split_words(t)) > 40:
            continue
        key = norm(t.strip(_QUOTES + " —–-").rstrip(".।!?" + _QUOTES))
        if len(key) < 25:
            continue
        if any(o is not ln and len(o.text) > len(t) and key in norm(o.text) for o in free):
            ln.label = "duplicate"


# --- pass 8 -----------------------------------------------------------------------------------


def _byline_names(page: Page) -> set[str]:
    names = set()
    for ln in page.main:
        if ln.label == "metadata":
            for m in BYLINE_NAME_RE.finditer(ln.text):
                name = m.group("name").strip()
                if len(name) >= 4 and not parse_date(name):
                    names.add(name)
    return names


def _header_names(page: Page) -> dict[str, Line]:
    """Short lines of the header (between the title and the second line of text: a deck may
    come first), or their first part before a "|", as names: a byline the earlier passes did not recognise ("Kavya Sundararajan"
    on a line of its own)."""
    if page.title_idx is None:
        return {}
    names: dict[str, Line] = {}
    texts = 0
    for ln in page.main[page.title_idx + 1 :]:
        if is_text_line(ln.text):
            texts += 1
            if texts == 2:
                break
            continue
        first = re.split(r"\s*[|·•,]\s*", ln.text)[0]  # "मधुरिमा सेनगुप्ता | 16 मई 2025"
        words = split_words(first)
        if (
            2 <= len(words) <= 4
            and not re.search(r"\d", first)
            and not all(is_common_hindi(w) or w.lower() in NOT_NAMES_EN for w in words[:2])
        ):
            names.setdefault(" ".join(words[:2]), ln)
    return names


def _mark_author_bio(page: Page) -> None:
    """A closing paragraph about the writer (the last two kept lines of the article)."""
    main = page.main
    names = _byline_names(page)
    header = _header_names(page)
    # the last two free lines of text: a follow or comments row under the bio is marked later
    free = [k for k, ln in enumerate(main) if not ln.label and is_text_line(ln.text)]
    for k in reversed(free[-2:]):
        ln = main[k]
        score = bio_score(ln.text) if len(ln.text) < 1500 else 0
        opening = " ".join(split_words(ln.text)[:2])
        about_writer = BIO_ROLE_RE.search(ln.text) or BIO_TRAIT_RE.search(ln.text)
        byline = header.get(opening) if about_writer else None
        if any(ln.text.startswith(n) for n in names) or byline is not None:
            score += 3  # a closing paragraph about the person in the byline
        elif WRITER_LEAD_RE.match(ln.text):
            score += 3  # "लेखक ... संवाददाता हैं": about the writer, unnamed
        after_heading = k > 0 and ABOUT_AUTHOR_RE.match(main[k - 1].text or "") is not None
        if AUTHOR_NOTE_RE.match(ln.text) and len(ln.text) < 400:
            ln.label = "author-bio"  # "(लेखक वरिष्ठ पत्रकार हैं ...)"
        elif (
            (score >= 4 or (after_heading and score >= 2))
            and len(ln.text) < 600
            and not FIRST_PERSON_RE.search(ln.text[:200])
        ):
            ln.label = "author-bio"
            if byline is not None and not byline.label:
                byline.label = "metadata"  # the bio names the header's bare name line: a byline
        elif score >= 3:
            ln.flags.append("author-bio")
            break
        else:
            break


_MID_BIO_CHARS = 600
_TURN_RE = re.compile(r"\s*[:：]")  # an interview's turn: "शालिनी मिश्र: अब भी लिखते हैं?"


def _mark_mid_bio(page: Page) -> None:
    """A paragraph about the writer in the middle of the article (an opinion column's box
    between its paragraphs): a kept line of text, not the first, that opens with a name of
    the byline (:func:`_byline_names`) and says what the person is or does
    (:data:`BIO_ROLE_RE`, :data:`BIO_TRAIT_RE`: with the name, the score of a closing bio,
    :func:`_mark_author_bio`), in no first person, under 600 characters; not the writer's
    turn in an interview (the name before a colon) nor a question."""
    names = _byline_names(page) | set(_header_names(page))
    if not names:
        return
    free = [ln for ln in page.main if not ln.label and is_text_line(ln.text)]
    for ln in free[1:]:
        t = ln.text
        if (
            len(t) < _MID_BIO_CHARS
            and any(t.startswith(n) and not _TURN_RE.match(t[len(n) :]) for n in names)
            and not t.rstrip().endswith("?")
            and (BIO_ROLE_RE.search(t) or BIO_TRAIT_RE.search(t))
            and not FIRST_PERSON_RE.search(t[:200])
        ):
            ln.label = "author-bio"


_WRITER_LINE_CHARS = 400
_IS_A_RE = re.compile(r"\bis\s+(?:a|an|the)\s", re.IGNORECASE)


def _mark_closing_writer(page: Page) -> None:
    """The article's last line of text about the person who wrote or presents it, named
    nowhere above: "अदिति जोशी इंदौर में रहती हैं और हस्तशिल्प पर लिखती हैं।", "नेहा त्रिपाठी इस
    पॉडकास्ट की मेज़बान हैं ...", "Farhan Qureshi is an urban planner ... He writes a monthly
    column on cities."  It opens with a name, says what the person is (present tense) and
    names a writer's or a host's work or role.  A profile's closing line is about its
    subject, who is named in the story above, so it stays."""
    main = page.main
    free = [k for k, ln in enumerate(main) if not ln.label and is_text_line(ln.text)]
    if len(free) < 3:
        return
    ln = main[free[-1]]
    t = ln.text
    if len(t) >= _WRITER_LINE_CHARS or terminal_count(t) > 2 or FIRST_PERSON_RE.search(t):
        return
    words = split_words(t)
    if len(words) < 4 or not _name_like(words[:2]):
        return
    # a writer's or a host's work, or a role said of the person ("... संवाददाता हैं", "is a")
    is_role = BIO_ROLE_RE.search(t) and (BIO_IDENTITY_RE.search(t) or _IS_A_RE.search(t))
    if not (WRITER_WORK_RE.search(t) or is_role):
        return
    if _named_above(page, words, [main[k] for k in free[:-1]]):
        return  # the story's own subject
    ln.label = "author-bio"


def _named_above(page: Page, words: list[str], above: list[Line]) -> bool:
    """Whether the name in the first two of ``words`` stands in the title or in ``above``:
    then a line about that person is about the story's own subject, not its writer."""
    name = " ".join(words[:2])
    return name in " ".join([page.title or "", *(ln.text for ln in above)])


_BOX_NAME_WORDS = 3
# (not patterns.BIO_PRONOUN_RE: its \b does not match after a Hindi vowel sign, so it finds
# no Hindi pronoun, and this one must open the line)
_BOX_PRONOUN_RE = re.compile(r"^\W*(?:वे|वह|ये|यह|he|she|they)\s", re.IGNORECASE)


def _mark_author_box(page: Page) -> None:
    """An author's box after the article's end furniture: the writer's name on a line of its
    own (two or three words, name-like, no sentence end) right after a removed line, and
    under it a line that opens with a pronoun and names a writer's work or role ("वे आठ साल
    से ... ख़बरें लिखते हैं।", "She writes on cities."), the name nowhere above.  Both lines are
    ``author-bio``; what follows them may be another story (pass 8d)."""
    lines = page.lines
    for k in range(1, len(lines) - 1):
        name, bio = lines[k], lines[k + 1]
        if name.label or bio.label or not lines[k - 1].label:
            continue
        words = split_words(name.text)
        if not 2 <= len(words) <= _BOX_NAME_WORDS or ends_sentence(name.text):
            continue
        if re.search(r"[\d०-९]", name.text) or not _name_like(words[:2]):
            continue
        t = bio.text
        if len(t) >= _WRITER_LINE_CHARS or terminal_count(t) > 3 or FIRST_PERSON_RE.search(t):
            continue
        if not _BOX_PRONOUN_RE.match(t) or not (WRITER_WORK_RE.search(t) or BIO_ROLE_RE.search(t)):
            continue
        if _named_above(page, words, [x for x in lines[:k] if not x.label]):
            continue  # the story's own subject
        name.label = bio.label = "author-bio"
        return


def _name_like(words: list[str]) -> bool:
    """Two words that may be a person's name: no function word and one uncommon Hindi word
    (a surname may be common: "जोशी"), or capitalised Latin."""
    if all(DEV_RE.search(w) for w in words):
        if any(is_function_word(w) for w in words):
            return False
        return not all(is_common_hindi(w) for w in words)
    return all(w[:1].isupper() and w.lower() not in NOT_NAMES_EN for w in words)


def _mark_header_bio(page: Page) -> None:
    """A paragraph about the writer *above* the text (an opinion page's "X is a professor
    of ..."): the first kept line after the title, or one of the next two when it follows a
    removed line (the byline under a deck); third-person present-tense identity
    (:data:`BIO_IDENTITY_RE`), role or standing words (:func:`bio_score` with
    :data:`BIO_STANDING_RE`), no first person, short, and more paragraphs after it.  A short
    disclaimer right under it ("Views are personal.") is metadata."""
    main = page.main
    free = _free_after_title(page)
    if len(free) < 3:
        return
    for n, k in enumerate(free[:3]):
        if n and not main[k - 1].label:
            continue
        ln = main[k]
        if _is_header_bio(ln.text):
            ln.label = "author-bio"
            nxt = main[k + 1] if k + 1 < len(main) else None
            if nxt is not None and not nxt.label and _is_short_disclaimer(nxt.text):
                nxt.label = "metadata"
            return


def _free_after_title(page: Page) -> list[int]:
    """Indices in ``page.main`` of the kept lines after the title (none without a title)."""
    if page.title_idx is None:
        return []
    title = page.title_idx
    return [k for k, ln in enumerate(page.main) if not ln.label and k > title]


def _mark_header_disclaimer(page: Page) -> None:
    """A disclaimer right under the header (:data:`DISCLAIMER_TEXT_RE`: "This report is
    carried as received through automated syndication. ... has not edited its headline or
    text."): the first kept line after the title, right under a stamp or byline the earlier
    passes labelled ``metadata``, up to three sentences, with the article's text after it.
    It is ``metadata``, as the same note at the page's end is."""
    main = page.main
    free = _free_after_title(page)
    if len(free) < 2:
        return
    k = free[0]
    ln = main[k]
    if (
        main[k - 1].label == "metadata"
        and len(ln.text) < 400
        and terminal_count(ln.text) <= 3
        and DISCLAIMER_TEXT_RE.search(ln.text)
        and any(is_paragraph_like(main[j].text) for j in free[1:])
    ):
        ln.label = "metadata"


def _is_header_bio(t: str) -> bool:
    if len(t) >= 400 or FIRST_PERSON_RE.search(t) or not BIO_IDENTITY_RE.search(t):
        return False
    standing = sum(1 for _ in BIO_STANDING_RE.finditer(t))
    score = bio_score(t) + (2 + min(2, standing - 1) if standing else 0)
    opens = BIO_IDENTITY_RE.match(t) is not None  # "X is a ..." opens it: a surer shape
    return score >= (3 if opens else 4) and terminal_count(t) <= 2


def _is_short_disclaimer(t: str) -> bool:
    return len(split_words(t)) <= 12 and DISCLAIMER_TEXT_RE.search(t) is not None


def _mark_disclaimer(page: Page) -> None:
    """An opinion or market disclaimer among the last three kept lines of the article; one
    of the last two kept lines, with no sentence after it, when it is a note in brackets
    ("(यह बातचीत संक्षिप्त और संपादित रूप में प्रकाशित की गई है।)", "(With inputs from
    agencies)": an editor's note)."""
    free = [ln for ln in page.main if not ln.label]
    for ln in free[-3:]:
        if (
            len(ln.text) < 400
            and terminal_count(ln.text) <= 3
            and DISCLAIMER_TEXT_RE.search(ln.text)
        ):
            ln.label = "metadata"
    # an opinion note is the page's anywhere after the first paragraph (a business page puts
    # it under the analysts' quotes, above the article's closing paragraphs)
    paras = [k for k, ln in enumerate(free) if is_paragraph_like(ln.text)]
    for ln in free[paras[0] + 1 :] if paras else []:
        if len(ln.text) < 300 and terminal_count(ln.text) <= 2 and OPINION_NOTE_RE.search(ln.text):
            ln.label = "metadata"
    body = [ln for ln in free if not ln.label]
    for k in range(max(len(body) - 2, 3), len(body)):
        after = body[k + 1 :]  # only furniture-shaped lines may follow the note
        if _is_bracket_note(body[k].text) and not any(ends_sentence(a.text) for a in after):
            body[k].label = "metadata"


def _is_bracket_note(t: str) -> bool:
    """A whole line in brackets, 3 to 25 words, no bracket inside."""
    t = t.strip().rstrip(".।")
    return (
        len(t) >= 2
        and (t[0], t[-1]) in (("(", ")"), ("[", "]"))
        and not re.search(r"[()\[\]]", t[1:-1])
        and 3 <= len(split_words(t)) <= 25
    )


def _last_sentence(page: Page) -> int | None:
    """Index of the article's last sentence line (on a Hindi page: a Hindi one)."""
    return max(
        (
            k
            for k, ln in enumerate(page.lines)
            if not ln.label
            and ends_sentence(ln.text)
            and (page.lang != "hi" or DEV_RE.search(ln.text))
        ),
        default=None,
    )


_QUOTE_OPEN = ('"', "“", "‘", "'")


def _trailing_label(page: Page, ln: Line, after_tags: bool, prev: Line) -> str | None:
    """What a short line after the last sentence is: a label, ``"?"`` for a headline off the
    topic (decided with the others), ``"flag:<reason>"`` to flag, or None to keep it."""
    latin_only = page.lang == "hi" and not DEV_RE.search(ln.text)
    if ln.label or ln.idx in page.protected or len(ln.text) > (300 if latin_only else 100):
        return None  # (protected: a box of facts or a list under its intro, the text's)
    if latin_only and ln.text.startswith(_QUOTE_OPEN) and prev.text.rstrip().endswith(":"):
        return None  # a quotation under the line that introduces it ("आदेश में लिखा है:")
    if ends_sentence(ln.text) and not latin_only:
        return None
    n_words = len(split_words(ln.text))
    if SITE_WORD_RE.search(ln.text) or after_tags:
        return "navigation"  # footer: a site name; the items of a tag list
    if n_words <= 3 and re.search(r"[\d०-९]", ln.text) or FIGURE_ITEM_RE.match(ln.text):
        return "flag:artefact"  # "रेटिंग: 4.5/5", "X (सीहोर): 42 रन": numbers are information
    if n_words <= 3:
        return "artefact"  # a lone word or two left at the end of the page
    if (
        is_headline_shape(ln.text)
        and not CONTACT_RE.search(ln.text)  # (no headline gives a phone number)
        and page.tfidf.cos(page.tfidf.text_vec(ln.text), page.ref_vec) < page.off_bar
    ):
        return "?"  # other stories' headlines? (decided below)
    if latin_only:
        return "navigation"  # English boilerplate at the end of a Hindi page
    return "flag:navigation"


def _mark_trailing(page: Page) -> None:
    """Short lines after the last sentence that are no sentence."""
    last = _last_sentence(page)
    if last is None:
        return
    after_tags = False
    tail_heads: list[Line] = []
    for prev, ln in pairwise(page.lines[last:]):
        if ln.label == "navigation" and norm(ln.text) in TAG_HEADINGS:
            after_tags = True
        what = _trailing_label(page, ln, after_tags, prev)
        if what is None:
            continue
        if what == "?":
            tail_heads.append(ln)
        elif what.startswith("flag:"):
            ln.flags.append(what.removeprefix("flag:"))
        else:
            ln.label = what
    # two or more unrelated headlines under the article are a list of links; a single
    # one may be the article's own last line without a full stop: keep it, flagged
    for ln in tail_heads:
        if len(tail_heads) >= 2:
            ln.label = "related-link"
        else:
            ln.flags.append("related-link")


# "About Deccan Power Corporation" / "डेक्कन पावर के बारे में": the heading of an
# organisation's boilerplate paragraph under a press release, and the contact lines after it
_ABOUT_ORG_RE = re.compile(
    r"^(?:about\s+(?:the\s+)?\S+(?:\s+\S+){0,5}|\S+(?:\s+\S+){0,5}\s+के\s+बारे\s+में)\s*[:：]?$",
    re.IGNORECASE,
)
_PRESS_CONTACT_RE = re.compile(
    r"^(?:media|press|investor)\s+(?:contacts?|enquiries|inquiries|queries)\b|"
    r"^(?:मीडिया|प्रेस)\s+(?:संपर्क|पूछताछ)",
    re.IGNORECASE,
)
_ABOUT_WORDS = frozenset(("about", "the", "के", "बारे", "में"))


def _words(t: str) -> list[str]:
    """Lower-cased words with their punctuation stripped (Devanagari signs kept)."""
    return [w.strip(".,:;!?।()\"'’‘“”").lower() for w in split_words(t)]


def _mark_about_block(page: Page) -> None:
    """An "About <organisation>" heading after the article (3+ kept lines above it) and the
    paragraph under it, when that paragraph names the same organisation in its first words
    (an issuer's boilerplate: ``author-bio``, the heading ``navigation``); then the contact
    lines after it (``metadata``)."""
    free = [ln for ln in page.main if not ln.label]
    for n, ln in enumerate(free[3:-1], start=3):
        if ln.text.lower() in ("about", "about us") or not _ABOUT_ORG_RE.match(ln.text):
            continue
        if ends_sentence(ln.text) or ln.text.lower().startswith(
            ("about the author", "about the writer")
        ):
            continue
        name = [w for w in _words(ln.text) if w and w not in _ABOUT_WORDS]
        nxt = free[n + 1]
        opening = _words(nxt.text)[:8]
        if not name or not all(w in opening for w in name[:2]):
            continue
        ln.label, nxt.label = "navigation", "author-bio"
        for rest in free[n + 2 :]:
            if _PRESS_CONTACT_RE.match(rest.text):
                rest.label = "metadata"
        return


_DESCRIPTION_WORDS = 20


def _is_description(t: str) -> bool:
    """What a bare credit closes ("रामनाथ केसरवानी (1939–2025)।" before "फ़ाइल फ़ोटो"): one
    short sentence or phrase, whatever its shape."""
    return len(split_words(t)) <= _DESCRIPTION_WORDS and terminal_count(t) <= 1


def _mark_captions(page: Page) -> None:
    """A Hindi photo caption standing alone among the article's lines
    (:func:`~summarize.lang.wellformed.is_caption_phrase`; its credit or source after it and a
    media label before it, "उपग्रह चित्र:", "▶ VIDEO:", are cut first; a short description
    closed by a bare credit, "... । फ़ाइल फ़ोटो", is one whatever its shape): a noun phrase with no verb,
    neither neighbour a short line ending as a sentence (key points come in runs), not an
    item of a numbered list next to another ("2. आधार नंबर ... डालें"), not a ``key: value``
    line (a caption's credit is cut before the test), never the title."""
    if page.lang != "hi":
        return
    free = [ln for ln in page.main if not ln.label]

    def point(j: int) -> bool:  # a short line that ends as a sentence: a key point
        return (
            0 <= j < len(free)
            and ends_sentence(free[j].text)
            and not is_paragraph_like(free[j].text)
        )

    def step(j: int) -> bool:  # an item of a numbered list: "2. आधार नंबर डालें ..."
        return 0 <= j < len(free) and LIST_RANK_RE.match(free[j].text) is not None

    for k, ln in enumerate(free):
        raw = nfc(ln.text)
        bare = BARE_CREDIT_TAIL_RE.search(raw)
        # the photo credit after it is part of a caption ("... स्वयंसेवक। फोटो: आलोक"), and so
        # is a source ("... का नक्शा। स्रोत: ...")
        text = CREDIT_TAIL_RE.sub("", CREDIT_PAREN_RE.sub("", raw)).strip()
        text = SOURCE_TAIL_RE.sub("", text).strip()
        media = MEDIA_LEAD_RE.match(text)
        if media:  # "उपग्रह चित्र: <caption>", "▶ VIDEO: <caption> (01:12)"
            text = DURATION_TAIL_RE.sub("", text[media.end() :]).strip()
            text = text if text.endswith("।") else text + "।"
        described = bare is not None and _is_description(raw[: bare.start()])
        if (
            (described or is_caption_phrase(text))
            and not point(k - 1)
            and not point(k + 1)
            and not (step(k) and (step(k - 1) or step(k + 1)))
            and not DISCLAIMER_TEXT_RE.search(text)  # ("... आधिकारिक वेबसाइट देखें।": a note)
            and not KEY_VALUE_RE.match(text)  # a fact under its key: "अगला लक्ष्य: रागी के लड्डू।"
        ):
            ln.label = "caption"


def mark_page_end(page: Page) -> None:
    """Pass 8."""
    _mark_captions(page)
    _mark_about_block(page)
    _mark_header_bio(page)
    _mark_header_disclaimer(page)
    _mark_author_bio(page)
    _mark_mid_bio(page)
    _mark_closing_writer(page)
    _mark_author_box(page)
    _mark_disclaimer(page)
    _mark_trailing(page)


# --- pass 9 -----------------------------------------------------------------------------------


def flag_incoherent(page: Page) -> None:
    """Pass 9: long kept lines far from the topic are flagged ``off-topic``."""
    page.body_lines = [ln for ln in page.lines if not ln.label]
    body = page.body_lines
    if not page.cfg.topic_check or len(body) < 3:
        return
    sims = page.tfidf.coherence([ln.text for ln in body], page.ref_vec)
    for ln, sim in zip(body, sims, strict=True):
        if (
            len(ln.text) >= 100
            and "off-topic" not in ln.flags
            and sim < page.cfg.off_topic_threshold
        ):
            ln.flags.append("off-topic")


# --- pass 10 ----------------------------------------------------------------------------------


def _cut_line(page: Page, ln: Line, opening: bool) -> str:
    """The text of ``ln`` with its leading and trailing residue cut (recorded in page.cuts)."""
    t = ln.text

    def cut(text: str, reason: str) -> None:
        page.cuts.append(Removed(text, reason, ln.idx))

    if m := PLACEHOLDER_PREFIX_RE.match(t):
        cut(m.group(0).strip(), "artefact")
        t = t[m.end() :]
    if m := opening_dateline(t, opening):
        cut(m.group(0).strip(), "metadata")
        t = t[m.end() :]
    if m := opening_en_dateline(t, opening):
        cut(m.group(0).strip(), "metadata")
        t = t[m.end() :]
    # a stray foreign article glued before a Hindi sentence ("La रूस मदद करेगा ...")
    m = _STRAY_LATIN_RE.match(t)
    if m and m.group(1).lower() in STRAY_LATIN_FUNC and page.lang == "hi":
        cut(m.group(1), "artefact")
        t = t[m.end() :]
    # an inline photo credit in a long paragraph
    if len(t) < LONG_LINE and (m := CREDIT_PAREN_RE.search(t)):
        cut(m.group(0), "caption")
        t = (t[: m.start()] + t[m.end() :]).strip()
    if m := _TRUNCATION_RE.search(t):  # "[…]" / "Read more" truncation marks
        cut(m.group(0).strip(), "navigation")
        t = t[: m.start()].rstrip()
    return t


def cut_inline(page: Page) -> None:
    """Pass 10: cuts inside kept lines, and flags for what looks cut off or glued."""
    first_body = next(
        (ln for ln in page.body_lines if len(ln.text) >= 120 or terminal_count(ln.text) >= 2), None
    )
    for ln in page.body_lines:
        t = _cut_line(page, ln, opening=ln is first_body)
        if t and t.split(" ", 1)[0] in DANGLING_START:
            ln.flags.append("artefact")  # a cut-off link before it?
        strong = glue_points(t)[0] if len(t) < 3000 else 0
        if strong >= 2 and len(t) >= 100:
            ln.flags.append("ticker")
        ln.text = t
        if not t.strip():
            ln.label = "artefact"
