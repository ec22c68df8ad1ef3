"""Passes 1-5 of the cleaner: line shapes, the next-story marker, the title, the header, and
the story after a next-story marker.

1. **Shapes**: each line on its own (:mod:`summarize.clean.shapes`).
2. **Next story**: a "Next Post"/"Related" marker, after which the page may hold other stories.
3. **Title**: the earliest headline-shaped line (3+ words, no sentence end) above the first
   paragraph that is lexically close to the body; ``Article.title`` wins when given (then it
   is looked for on the page, also in other words).  A site name after it is cut.
4. **Header**: section labels, stray fragments and other headlines above the title, desk
   credits, stamps, a short dateline beside them and a byline right under the title.
5. **After the next story**: the block is ``off-topic`` when its similarity to the article
   is under the off-topic bar, else kept and flagged.
"""

from __future__ import annotations

import re
from collections import Counter

from summarize.clean.coherence import TfIdf, ngrams, off_topic_bar
from summarize.clean.page import Line, Page
from summarize.clean.patterns import (
    COPYRIGHT_RE,
    DESK_RE,
    DEV_RE,
    END_MARK_RE,
    NEXT_STORY_GLUED_RE,
    NEXT_STORY_RE,
    PHOTO_LEAD_RE,
    PLACEHOLDER_RE,
    RELATED_HEADING_RE,
    SECTION_WORDS,
    SHORTCODE_RE,
    SITE_SUFFIX_RE,
)
from summarize.clean.shapes import (
    LONG_LINE,
    ends_sentence,
    is_caption,
    is_embed_residue,
    is_function_word,
    is_heading_label,
    is_headline_shape,
    is_metadata,
    is_navigation,
    is_paragraph_like,
    is_related,
    is_ticker,
    is_tracking,
    norm,
    split_words,
    terminal_count,
)

__all__ = ["mark_shapes", "find_next_story", "find_title", "mark_header", "mark_next_story"]


# --- pass 1 -----------------------------------------------------------------------------------


def _shape_label(t: str) -> str:
    """The removal reason a line's shape alone gives ("" = none)."""
    if is_tracking(t):
        return "tracking"
    if (
        PLACEHOLDER_RE.match(t)
        or END_MARK_RE.match(t)
        or SHORTCODE_RE.match(t)
        or is_embed_residue(t)
    ):
        return "artefact"
    if is_ticker(t):
        return "ticker"
    if is_related(t):
        return "related-link"
    if is_metadata(t, header=False):
        return "metadata"
    if is_navigation(t):
        return "navigation"
    if norm(t) in SECTION_WORDS or is_heading_label(t):
        return "section-label"
    if is_caption(t):
        return "caption"
    return ""


def mark_shapes(page: Page) -> None:
    """Pass 1: labels from line shapes."""
    for ln in page.lines:
        t = ln.text
        if len(t) > LONG_LINE:
            continue  # a whole article on one line: no boilerplate shape is this long
        ln.label = _shape_label(t)
        if not ln.label and PHOTO_LEAD_RE.match(t) and len(t) < 250:
            ln.maybe = "caption"  # "Photo: <description>" ... or a gallery's headline


# --- pass 2 -----------------------------------------------------------------------------------


def find_next_story(page: Page) -> None:
    """Pass 2: the first "next story" marker; the lines before it are the article proper."""
    for k, ln in enumerate(page.lines):
        if ln.label == "navigation" and (
            NEXT_STORY_RE.match(ln.text) or NEXT_STORY_GLUED_RE.match(ln.text)
        ):
            page.next_at = k
            break
    end = page.next_at if page.next_at is not None else len(page.lines)
    page.main = page.lines[:end]
    page.body_like = [ln for ln in page.main if not ln.label and is_paragraph_like(ln.text)]
    page.first_para = next(
        (k for k, ln in enumerate(page.main) if ln in page.body_like), len(page.main)
    )
    page.tfidf = TfIdf([ln.text for ln in page.lines if not ln.label] or [""])


# --- pass 3 -----------------------------------------------------------------------------------


def _title_candidates(page: Page) -> list[tuple[int, Line]]:
    """Headline-shaped free lines above the first paragraph, or the first short free line."""
    main = page.main
    # (the first paragraph-shaped line too: a headline of 120+ characters is one, and it has
    # no sentence end)
    cands = [
        (k, ln)
        for k, ln in enumerate(main[: max(page.first_para + 1, 1)])
        if not ln.label and is_headline_shape(ln.text)
    ]
    if cands:
        site = _site_names(page)
        named = [
            (k, ln)
            for k, ln in cands
            if not _names_a_place_on_the_site(ln.text) and not _is_site_name(ln.text, site)
        ]
        return named or cands
    # no headline-shaped line: take the first short line, unless it is the only text
    free = [(k, ln) for k, ln in enumerate(main) if not ln.label]
    if len(free) < 2:
        return []
    first = free[0][1].text
    if (
        len(split_words(first)) >= 2
        and len(first) <= 200
        and terminal_count(first.rstrip("।.!? ")) == 0
        and not first.rstrip().endswith(("।", ".", "|", "॥", ":", ";", ","))
    ):
        return free[:1]
    return []


_CRUMB_SEP_RE = re.compile(r"\s[›»>]\s")
_CRUMB_PART_WORDS = 3
_LETTERHEAD_WORDS = 4


def _names_a_place_on_the_site(t: str) -> bool:
    """A breadcrumb of short parts ("खेल › कबड्डी मैट") or a letterhead in capitals ("PUNE
    MUNICIPAL CORPORATION", "PRESS COMMUNIQUE"): headline-shaped, but it names where the page
    sits or who issued it, not the story (passed over while another candidate is left)."""
    parts = _CRUMB_SEP_RE.split(t)
    if len(parts) >= 2 and all(1 <= len(split_words(x)) <= _CRUMB_PART_WORDS for x in parts):
        return True
    letters = re.sub(r"[^A-Za-z]", "", t)
    return (
        bool(letters)
        and letters.isupper()
        and not DEV_RE.search(t)
        and len(split_words(t)) <= _LETTERHEAD_WORDS
    )


_MASTHEAD_WORDS = 4


def _site_names(page: Page) -> list[str]:
    """The lines of the page that name its owner: "© 2026 संध्या कूरियर मीडिया प्रा. लि."."""
    return [ln.text for ln in page.lines if COPYRIGHT_RE.search(ln.text)]


def _is_site_name(t: str, site: list[str]) -> bool:
    """A masthead: a line of up to four words whose first two words open the name in the
    page's copyright line ("संध्या कूरियर हिंदी" over a page signed "© 2026 संध्या कूरियर
    मीडिया"); headline-shaped, but no story's headline."""
    words = split_words(t)
    if not 2 <= len(words) <= _MASTHEAD_WORDS:
        return False
    head = " ".join(words[:2]).lower()
    return any(head in " ".join(split_words(x)).lower() for x in site)


_CLOSED = ("।", ".", "|", "॥", ":", ";", ",", "!", "?", ")", "]", '"', "”", "’", "'")


def _two_part_candidates(page: Page) -> list[tuple[int, Line]]:
    """Free lines above the first paragraph shaped like a two-part headline: one sentence end
    inside, none at the end (nor a closing quote or bracket), at most 160 characters, a second
    part of 3 to 12 words ("Our towns don't need flyovers. They need bus depots"), on a page
    with furniture (some line already removed: clean text of sentences has no such headline).
    Tried only when no headline-shaped line is close enough to the body."""
    if not any(ln.label for ln in page.lines):
        return []
    out = []
    for k, ln in enumerate(page.main[: max(page.first_para, 1)]):
        t = ln.text.rstrip()
        if ln.label or len(t) > 160 or t.endswith(_CLOSED):
            continue
        parts = re.split(r"(?<=[.।!?])\s+", t)
        if terminal_count(t) == 1 and len(parts) == 2 and 3 <= len(split_words(parts[1])) <= 12:
            out.append((k, ln))
    return out


def title_from_page(page: Page) -> None:
    """The first candidate close enough to the body (a "Photo: ..." line only as a last
    resort); then a two-part headline (:func:`_two_part_candidates`)."""
    for find in (_title_candidates, _two_part_candidates):
        cands = find(page)
        if cands:
            _take_title(page, cands)
        if page.title_idx is not None:
            return


def _take_title(page: Page, cands: list[tuple[int, Line]]) -> None:
    tfidf = page.tfidf
    body_vec = tfidf.vec(ngrams(" ".join(ln.text for ln in page.body_like[:6])))
    sims = [
        tfidf.cos(tfidf.text_vec(ln.text), body_vec) if page.body_like else 1.0 for _, ln in cands
    ]
    # the bar comes from the lines above the first paragraph when there are any: that
    # paragraph (a long headline, or the deck) is among the lines it is compared with
    top = max([s for (k, _), s in zip(cands, sims, strict=True) if k != page.first_para] or sims)
    if top < page.cfg.off_topic_threshold:
        # ... unless none of them is near the body (a masthead and a widget's lines over a
        # long headline, itself the first paragraph): then the headline sets it too
        top = max(sims)
    bar = max(0.5 * top, min(page.cfg.off_topic_threshold, top))
    n_free = sum(1 for ln in page.main if not ln.label)
    if any(not ln.maybe and s >= bar for (_, ln), s in zip(cands, sims, strict=True)):
        sims = [0.0 if ln.maybe else s for (_, ln), s in zip(cands, sims, strict=True)]
    for n, ((k, ln), s) in enumerate(zip(cands, sims, strict=True)):
        if s >= bar and n_free >= 2:
            k, ln = _headline_under_label(page, cands[n:], sims[n:])
            page.title_idx, page.title = k, ln.text
            ln.label = "title"
            return


_LABEL_WORDS = 5  # "Hyderabad · Old City", "परीक्षा परिणाम 2026": a section's name over the headline
_FULL_HEADLINE_WORDS = 8
_UNDER_LABEL_LINES = 2
# a section's path, a note or a series' year: "Your city: Hyderabad (change)", "छात्रसंघ चुनाव 2025"
_LABEL_MARK_RE = re.compile(r"[·|/›»:：()]|\b(?:19|20)\d\d\s*$")


def _headline_under_label(
    page: Page, cands: list[tuple[int, Line]], sims: list[float]
) -> tuple[int, Line]:
    """The first of ``cands`` (the one taken), or, when it is short (up to
    :data:`_LABEL_WORDS` words) and a full headline (:data:`_FULL_HEADLINE_WORDS`+ words)
    closer to the body follows within two lines, that headline: a section's or a series'
    name stands over the headline, and it shares the story's words too.  A short headline
    over its deck is told apart by the layout: the short line is taken for a section's name
    only when it reads like one (a path's or a note's marks, a year) or when the full headline has a
    deck of its own under it (the deck under a short headline is followed by the byline)."""
    (k, ln), first = cands[0], sims[0]
    if len(split_words(ln.text)) > _LABEL_WORDS:
        return k, ln
    for (k2, ln2), s2 in zip(cands[1:], sims[1:], strict=True):
        if ln2.idx - ln.idx > _UNDER_LABEL_LINES:
            break
        if len(split_words(ln2.text)) < _FULL_HEADLINE_WORDS or (
            s2 <= first and not _LABEL_MARK_RE.search(ln.text)
        ):
            continue  # (a section's path shares the story's place names: no closeness asked)
        at = page.lines.index(ln2)
        deck = page.lines[at + 1] if at + 1 < len(page.lines) else None
        has_deck = (
            deck is not None
            and not deck.label
            and len(split_words(deck.text)) >= _FULL_HEADLINE_WORDS
        )
        if has_deck or _LABEL_MARK_RE.search(ln.text):
            return k2, ln2
    return k, ln


def match_given_title(page: Page, title: str) -> None:
    """Find a given title on the page, also in other words (then a removed duplicate)."""
    tv = page.tfidf.text_vec(title)
    for k, ln in enumerate(page.main[: page.first_para]):
        if ln.label:
            continue
        same = norm(ln.text) == norm(title)
        if same or (
            is_headline_shape(ln.text) and page.tfidf.cos(tv, page.tfidf.text_vec(ln.text)) >= 0.5
        ):
            ln.label = "title" if same else "duplicate"
            page.title_idx = k
            return


def find_title(page: Page) -> None:
    """Pass 3: the title; then the deferred "maybe" labels of lines that are not it."""
    page.title = (page.article.title or "").strip() or None
    if page.title is None:
        title_from_page(page)
    if page.title:
        m = SITE_SUFFIX_RE.search(page.title)
        if m and len(page.title) - len(m.group(0)) >= 15:
            page.title = page.title[: m.start()].rstrip()
    if page.title and page.title_idx is None:
        match_given_title(page, page.title)
    for ln in page.lines:
        if ln.maybe and not ln.label:
            ln.label = ln.maybe


# --- pass 4 -----------------------------------------------------------------------------------


def _above_title_label(ln: Line, n_heads: int) -> str:
    """Section labels, stray fragments and other stories' headlines above the headline."""
    words = len(split_words(ln.text))
    if ln.text.rstrip().endswith(","):
        return ""  # a salutation ("नमस्ते पटना,") opens a letter's text, even above its headline
    if words <= 2 and not ends_sentence(ln.text):
        return "section-label"
    if words <= 6 and not ends_sentence(ln.text):
        return "artefact"
    if is_headline_shape(ln.text):
        return "ticker" if n_heads >= 2 else "off-topic"
    return ""


_UNDER_DECK_LINES = 3


def _mark_credits(page: Page) -> None:
    """Desk credits, stamps and what sits above the title, in the header."""
    main, title_idx = page.main, page.title_idx
    n_heads = sum(1 for x in main[: title_idx or 0] if not x.label and is_headline_shape(x.text))
    end = page.first_para
    if title_idx is not None and end == title_idx + 1:
        end += _UNDER_DECK_LINES  # a long deck right under the headline: the credit is below it
    for k, ln in enumerate(main[:end]):
        if ln.label:
            continue
        if len(ln.text) < 80 and len(split_words(ln.text)) <= 8 and DESK_RE.search(ln.text):
            ln.label = "metadata"  # "जागरण संवाददाता, नई दिल्ली।", "Web Desk"
        elif k >= page.first_para:
            continue
        elif title_idx is not None and k < title_idx:
            ln.label = _above_title_label(ln, n_heads)
            if not ln.label:
                ln.flags.append("artefact")
        elif is_metadata(ln.text, header=True):
            ln.label = "metadata"


def _mark_dateline_and_byline(page: Page) -> None:
    """A short "City, Country" beside a stamp, and a name right under the headline."""
    main, title_idx = page.main, page.title_idx
    end = page.first_para
    if title_idx is not None and end == title_idx + 1:
        end += _UNDER_DECK_LINES  # a long deck right under the headline: the byline is below it
    for k, ln in enumerate(main[:end]):
        if ln.label or k == page.first_para:
            continue
        near_meta = any(
            0 < abs(j - k) <= 2 and main[j].label == "metadata"
            for j in range(max(0, k - 2), min(len(main), k + 3))
        )
        n_words = len(split_words(ln.text))
        if near_meta and n_words <= 4 and len(ln.text) <= 40 and not ends_sentence(ln.text):
            ln.label = "metadata"
        elif (
            title_idx is not None
            and k == title_idx + 1
            and 2 <= n_words <= 4
            and not re.search(r"[\d०-९]", ln.text)
            and not ends_sentence(ln.text)
            and not any(is_function_word(w) for w in ln.text.lower().split())
        ):
            ln.label = "metadata"  # a name right under the headline: the byline


def mark_header(page: Page) -> None:
    """Pass 4: the header region (above the first body paragraph)."""
    _mark_credits(page)
    _mark_dateline_and_byline(page)


# --- pass 5 -----------------------------------------------------------------------------------


def mark_next_story(page: Page) -> None:
    """Pass 5: the topic (title + lead), the off-topic bar, and the block after the marker."""
    tfidf, title = page.tfidf, page.title
    page.ref_vec = tfidf.vec(
        ngrams(" ".join([title or ""] + [ln.text for ln in page.body_like[:3]]))
    )
    main_lines = [ln for ln in page.main if not ln.label]
    main_total: Counter[str] = Counter()
    for ln in main_lines:
        main_total.update(ngrams(ln.text))
    main_vec = tfidf.vec(main_total + ngrams(title or ""))
    page.off_bar = off_topic_bar(
        tfidf, [ln.text for ln in main_lines], page.ref_vec, page.cfg.off_topic_threshold
    )
    if page.next_at is not None:
        tail = page.lines[page.next_at + 1 :]
        tail_grams: Counter[str] = Counter()
        for ln in tail:
            if ln.label not in ("navigation", "tracking"):
                tail_grams.update(ngrams(ln.text))
        tv = tfidf.vec(tail_grams)
        sim = max(tfidf.cos(tv, page.ref_vec), tfidf.cos(tv, main_vec)) if tail_grams else 0.0
        related_list = bool(RELATED_HEADING_RE.search(page.lines[page.next_at].text))
        for ln in tail:
            if ln.label:
                continue  # boilerplate of its own kind (a date line, "Share" ...)
            if not page.cfg.topic_check or sim < page.off_bar:
                # under a "Related ..." heading a list of headlines; after "Next ..." a story
                ln.label = (
                    "related-link" if related_list and is_headline_shape(ln.text) else "off-topic"
                )
            else:
                ln.flags.append("off-topic")  # after "Next ..." but on topic: keep, mark
        page.diagnostics["next_story_similarity"] = round(sim, 4)
    page.diagnostics["off_topic_bar"] = round(page.off_bar, 4)
