"""Cleaning of scraped news pages: title, date, body paragraphs, and what was removed and why.

    from summarize.clean import clean_article
    ca = clean_article(article)            # -> CleanArticle
    ca.title, ca.date (ISO 8601), ca.date_raw, ca.paragraphs ([[sentence, ...], ...])
    ca.removed  # [Removed(text, reason, line)]  every line or span taken out
    ca.flagged  # [Removed(text, reason, line)]  kept in the body, but looked suspicious

A scraped page is a list of lines.  Every non-empty line is classified by its *shape* (length,
punctuation, script mix, a date pattern, a credit in parentheses, its position on the page)
and by a lexical topic-coherence check against the article's own title and lead.  Nothing
here is a string copied from a particular page: the keyword lists below are small
multilingual (English/Hindi) vocabularies of the words web boilerplate is made of
("updated", "अपडेट", "photo", "फोटो", "also read", "यह भी पढ़ें", "share", "next post" ...).

Passes: (1) line-shape rules; (2) find a "Next Post"/"Related" marker, after which the page may
hold other stories; (3) the title: the earliest headline-shaped line (3+ words, no sentence
end) above the first paragraph that is lexically close to the body (``Article.title`` wins
when given; a site name after it, " - Hindi News", is cut); (4) the header: section labels,
stray fragments and other headlines above the title, bylines, the dateline; (5) the block
after a next-story marker is removed as ``off-topic`` when its similarity to the article is
low, else kept and flagged; (6) links under "Also read"/"Related" headings; (7) duplicates;
(8) a closing author bio, footer lines after the last sentence; (9) paragraphs with low
coherence are flagged (never removed); (10) spans cut out of kept lines: a leading dateline
(``नई दिल्ली, 2 जुलाई (भाषा)।``, ``NEW DELHI:``), a stray foreign article (``La``), an
inline photo credit, a trailing ``[…]``.  Each kept line is one paragraph, split into
sentences by :func:`summarize.lang.segment.split_sentences`.  The date is the publication
stamp of the article (published before updated); a date inside the story, or in the story
after "Next Post", is never taken, and none is guessed when the page has none.

Removal reasons (``Removed.reason``)
------------------------------------
``tracking``       tracker / script residue: a lone id-like token (``somethingpixel``), JS code.
``ticker``         headlines of other stories glued into one long line (no sentence punctuation,
                   words glued across scripts ``...लेनदेनChhattisgarh``, ``राय?Reliance``,
                   several ``Topic: headline`` fragments), a ``Breaking:``/``Trending:`` strip
                   or bullet-separated headlines, or a run of headlines above the title.
``metadata``       publication stamps: a date/time with a published/updated keyword in any
                   language (``Last Updated- ...``, ``आखरी अपडेट: ...``, ``First Published -
                   ...``), a line that is only a date, bylines, desk/agency credits, reading
                   time, "2 घंटे पहले", disclaimers, the "Web Title", and datelines.
``caption``        image captions and credits: a short line ending with ``(Photo: X)``,
                   ``(छवि: X)``, ``फोटो: X``; a lone ``फाइल फोटो``; a bilingual line (an
                   English sentence followed by its Hindi version: the shape of an alt text).
``related-link``   ``Also read: ...``, ``यह भी पढ़ें: ...``, ``Read more | ...``, and headlines
                   listed under an "Also read"/"Related"/"Latest ... News" heading.
``navigation``     page furniture: Share, Next/Previous Post, Tags (and the tag list), Follow
                   us, Advertisement, ``संबंधित पोस्ट``, menus and breadcrumbs
                   (``होम | देश | खेल``), hashtags, copyright and site-name footers, cookie
                   banners, the site's promos ("हमारे व्हाट्सएप चैनल से जुड़ें"), poll
                   widgets, comment forms, gallery counters (``1/5``).
``author-bio``     a closing paragraph about the writer: third person, role and career words
                   (लेखक/पत्रकार/संपादक/reporter/editor/years of experience/covers ...), or
                   starting with the name from the byline; ``(लेखक ... हैं।)`` notes.
``duplicate``      a line that repeats the title (also with a site name added) or an earlier
                   body line.
``off-topic``      a block far from the article's topic (TF-IDF cosine of character n-grams
                   under ``max(CleanConfig.off_topic_threshold, 0.3 x the median coherence of
                   the article's own paragraphs)``), e.g. the story after "Next Post", or
                   another headline above the title.
``section-label``  a section name above the headline (``विदेश``, ``World``) and labels of parts
                   of the page (``हाइलाइट्स``, ``सार``; the text under them is kept).
``markup``         HTML markup inside a line that also holds text (``<script>…</script>``,
                   ``<img onerror=…>``, ``<b>``, comments): the markup is cut out and the
                   text around it kept (:mod:`.markup`); a line of markup alone is ``tracking``.
``extraction``     a visible block of an HTML page that extraction (trafilatura) left out of the
                   main text: menus, share bars, comments, rails (:mod:`summarize.ingest.html`
                   records them; they come first in ``removed``, with no line number).
``artefact``       stray scraping / machine-translation residue: a short fragment above the
                   headline or left alone at the end of the page, a stray foreign article
                   (``La``) before a Hindi sentence, CMS placeholders ("Test Post"), what is
                   left of an embedded post (``pic.twitter.com/...``).

Flagged (kept) lines use the same names for what they looked like: ``off-topic`` (low
coherence, or on-topic text after a "Next Post" marker), ``artefact`` (a sentence starting
with a dangling postposition, a cut-off link), ``author-bio`` (bio-like but not sure),
``ticker`` (a few glued words), ``related-link``, ``navigation`` (a short non-sentence line
after the last sentence).  The cleaner never removes a sentence it is unsure of.

The topic check is lexical by default (no model): TF-IDF over character 3–5-grams of
content words (stop-words of Hindi and English removed), which works for Hindi's rich
morphology and for the English names mixed into Hindi news.  Given an embedder
(``clean_page(..., embedder=...)``; the pipeline passes the configured one), pass 5b
(:mod:`.story_blocks`) also removes the story after any story-boundary line when it is far in
meaning (multilingual e5) and in wording (TF-IDF), and a short one (a headline and a
paragraph) after an explicit "next/another story" marker when far in wording; pass 1b
(:mod:`.furniture`) knows page furniture of layouts measured in issue 15 (galleries, widgets,
blog footers, credit lines); pass 1c (:mod:`.residue`) general shapes of furniture of any
layout (CMS shortcodes and config residue, short calls to act, contact lines, stamps, arrow
links, widget readings); pass 8 also takes a writer's bio *above* the text and a closing
opinion/market disclaimer; pass 8a (:func:`.residue.mark_glyph_lines`) a free line of up to
15 words that is a button, a widget or a reaction by its interface glyph (``↻``, ``☆``,
``↗``, ``🙏``) and does not end as a sentence, once the page's structure is read; pass 8b
(:mod:`.scorer`) is a small learned scorer (logistic
regression, weights in ``line_scorer.json``, trained by ``python -m
benchmarks.train_line_scorer`` on the seeds, the held-out pages and the development halves only)
that removes short non-sentence lines in the header and footer zones (before the first and
after the last sentence) when their shape, place and vocabulary say furniture; its score is
in ``CleanArticle.meta["clean"]["line_score:<line>"]``; pass 8c (:mod:`.furniture_bank`, with
an embedder) removes a short non-sentence line whose nearest line in a bank of annotated page
lines is furniture, close in meaning and closer than any annotated body line (similarity in
``meta["clean"]["bank_sim:<line>"]``; bank built by ``python -m
benchmarks.build_furniture_bank``); pass 8d (:func:`.story_blocks.mark_closing_brief`, with or
without an embedder) removes a brief (a headline of 6+ words and one or two sentences) that
closes the page after the article's end furniture (a share row, "• • •"), a bare pointer
("इसी विषय पर और") or a column's name ("हाईकोर्ट डायरी"), once the furniture around it is
labelled; pass 8e (:func:`.story_blocks.mark_briefs`) removes a column of news briefs under
its heading ("BRIEFLY", "खेल की छोटी ख़बरें"), at the page's end or in the middle of the
article, brief by brief while each is far from the article in wording (or, with an embedder,
in meaning), and another story's card in the middle of the article: with its own stamp, or
with none where the text pauses (a full headline of 9+ words under a list or a box).
``summarize clean`` gets the same embedder as the pipeline (:func:`.configured.clean_embedder`).

Measured by ``python -m benchmarks.cleaning`` (gold annotations in ``tests/data/gold/``).

Modules: :mod:`.patterns` (the vocabularies), :mod:`.shapes` (line shapes),
:mod:`.coherence` (the topic check), :mod:`.markup` (inline markup, cut before the passes),
:mod:`.page` (the page state and the assembly),
:mod:`.passes` (passes 1-5), :mod:`.furniture` (pass 1b), :mod:`.residue` (passes 1c and 8a),
:mod:`.story_blocks` (passes 5b, 8d and 8e), :mod:`.tail` (passes 6-10), :mod:`.scorer` (pass 8b),
:mod:`.furniture_bank` (pass 8c),
:mod:`.stamp` (the date), :mod:`.configured` (the embedder a config gives the cleaner).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from summarize.clean.furniture import mark_furniture
from summarize.clean.furniture_bank import mark_like_furniture
from summarize.clean.page import assemble, read_page
from summarize.clean.passes import (
    find_next_story,
    find_title,
    mark_header,
    mark_next_story,
    mark_shapes,
)
from summarize.clean.residue import mark_glyph_lines, mark_residue
from summarize.clean.scorer import mark_scored
from summarize.clean.stamp import find_date
from summarize.clean.story_blocks import mark_briefs, mark_closing_brief, mark_story_blocks
from summarize.clean.tail import (
    cut_inline,
    flag_incoherent,
    mark_duplicates,
    mark_link_lists,
    mark_page_end,
)
from summarize.config import CleanConfig
from summarize.lang.dates import DateMatch, parse_date
from summarize.types import Article, CleanArticle

if TYPE_CHECKING:
    from summarize.engines.embeddings import Embedder

__all__ = [
    "REASONS",
    "clean_article",
    "clean_articles",
    "clean_page",
    "line_labels",
    "parse_date",
    "DateMatch",
]

REASONS = (
    "tracking",
    "ticker",
    "metadata",
    "caption",
    "related-link",
    "navigation",
    "author-bio",
    "duplicate",
    "off-topic",
    "section-label",
    "artefact",
    "markup",
    "extraction",  # dropped by HTML extraction before cleaning (summarize.ingest.html)
)

# The passes in order; each reads and updates the one page state.
_PASSES = (
    mark_shapes,  # 1
    mark_furniture,  # 1b
    mark_residue,  # 1c
    find_next_story,  # 2
    find_title,  # 3
    mark_header,  # 4
    mark_next_story,  # 5
    mark_story_blocks,  # 5b (only with an embedder)
    mark_link_lists,  # 6
    mark_duplicates,  # 7
    mark_page_end,  # 8
    mark_glyph_lines,  # 8a
    mark_scored,  # 8b (learned, lexical)
    mark_like_furniture,  # 8c (only with an embedder: nearest annotated lines)
    mark_closing_brief,  # 8d
    mark_briefs,  # 8e
    flag_incoherent,  # 9
    cut_inline,  # 10
    find_date,
)


def clean_page(
    article: Article, config: CleanConfig | None = None, embedder: Embedder | None = None
) -> tuple[CleanArticle, dict[int, str]]:
    """The cleaned article, and raw line number (0-based) -> ``title``, ``body`` or the
    removal reason for every non-empty line (one run gives both).

    ``embedder`` (optional, injected): sentence embeddings for pass 5b, which finds another
    story after a story-boundary line by meaning and wording; without one the topic check
    is lexical only."""
    page = read_page(article, config)
    page.embedder = embedder
    for run_pass in _PASSES:
        run_pass(page)
    return assemble(page)


def clean_article(
    article: Article, config: CleanConfig | None = None, embedder: Embedder | None = None
) -> CleanArticle:
    """Clean one scraped article: extract title and date, keep the body, record removals.
    ``embedder``: see :func:`clean_page`.

    Never raises on odd text: an empty page or a page that is all boilerplate gives an
    article with no paragraphs and every removed line recorded.
    """
    return clean_page(article, config, embedder)[0]


def line_labels(article: Article, config: CleanConfig | None = None) -> dict[int, str]:
    """Raw line number (0-based) -> ``title``, ``body`` or the removal reason, for every
    non-empty line (used by the gold benchmark, ``benchmarks/cleaning.py``)."""
    return clean_page(article, config)[1]


def clean_articles(
    articles: Iterable[Article], config: CleanConfig | None = None
) -> list[CleanArticle]:
    """:func:`clean_article` over many articles."""
    return [clean_article(a, config) for a in articles]
