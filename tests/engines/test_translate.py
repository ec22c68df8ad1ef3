"""Translator: batching, alignment, long-sentence splitting, number check (no network)."""

from __future__ import annotations

import pytest

from summarize.engines.base import Engine
from summarize.translate import Translator, split_long_sentence
from summarize.types import CleanArticle


class WordEngine(Engine[str]):
    """A fake engine: one token per word (+1 for EOS); 'translates' by tagging each text."""

    name = "fake"

    def __init__(
        self, batch_tokens: int = 2048, window: int = 512, drop_numbers: bool = False
    ) -> None:
        super().__init__("fake-model", batch_tokens=batch_tokens, max_input_tokens=window)
        self.drop_numbers = drop_numbers
        self.calls: list[list[str]] = []  # one entry per batch the engine ran

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) + 1 for t in texts]

    def describe(self) -> str:
        return "fake"

    def _load(self) -> None:
        pass

    def _generate_batch(self, texts: list[str], settings: dict) -> list[str]:
        self.calls.append(list(texts))
        out = []
        for t in texts:
            if self.drop_numbers:
                t = "".join(c for c in t if not c.isdigit() and c not in "०१२३४५६७८९")
            out.append(f"<{t}>")
        return out


def _article(aid: str, paragraphs: list[list[str]]) -> CleanArticle:
    return CleanArticle(
        id=aid, source="test", title=None, date=None, url=None, paragraphs=paragraphs
    )


ARTICLES = [
    _article("a", [["पहला वाक्य।", "दूसरा वाक्य है यह।"], ["तीसरा।"]]),
    _article("b", [["एक।"], ["दो वाक्य यहाँ हैं।", "तीन चार पांच छह सात।", "आठ।"]]),
]


def test_alignment_and_paragraph_structure_kept():
    tr = Translator(WordEngine())
    out = tr.translate_articles(ARTICLES)
    assert [t.article_id for t in out] == ["a", "b"]
    for art, t in zip(ARTICLES, out, strict=True):
        assert [(p.paragraph, p.sentence) for p in t.pairs] == art.sentence_index()
        assert [p.src for p in t.pairs] == art.sentences()
        assert all(p.tgt == f"<{p.src}>" for p in t.pairs)
        assert [len(p) for p in t.paragraphs] == [len(p) for p in art.paragraphs]
        assert (
            t.engine == "fake"
            and t.model == "fake-model"
            and t.src_lang == "hi"
            and t.tgt_lang == "en"
        )


def test_all_articles_batched_together_by_length_with_budget():
    eng = WordEngine(batch_tokens=8)
    out = Translator(eng).translate_articles(ARTICLES)
    sent = [s for a in ARTICLES for s in a.sentences()]
    flat = [x for call in eng.calls for x in call]
    assert sorted(flat) == sorted(sent)  # every sentence once, across articles
    lengths = [len(x.split()) + 1 for x in flat]
    assert lengths == sorted(lengths, reverse=True)  # sorted by length
    for call in eng.calls:
        longest = max(len(x.split()) + 1 for x in call)
        assert len(call) == 1 or longest * len(call) <= 8
    assert sum(len(t.pairs) for t in out) == len(sent)


def test_duplicate_sentences_translated_once():
    eng = WordEngine()
    arts = [_article("a", [["वही वाक्य।", "वही वाक्य।"]]), _article("b", [["वही वाक्य।"]])]
    out = Translator(eng).translate_articles(arts)
    assert sum(len(c) for c in eng.calls) == 1
    assert [p.tgt for t in out for p in t.pairs] == ["<वही वाक्य।>"] * 3


def test_progress_callback_reaches_total():
    seen = []
    Translator(WordEngine(batch_tokens=6)).translate_articles(
        ARTICLES, progress=lambda d, t: seen.append((d, t))
    )
    assert len(seen) > 1
    assert seen[-1][0] == seen[-1][1] == 7
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_empty_inputs():
    tr = Translator(WordEngine())
    assert tr.translate_articles([]) == []
    (t,) = tr.translate_articles([_article("e", [])])
    assert t.pairs == []
    assert tr.translate_texts([]) == []
    assert tr.translate_texts(["", "  "]) == ["", ""]


# --- long sentences ------------------------------------------------------------------

LONG = (
    "सरकार ने मंगलवार को कहा कि नई योजना से देश के सभी राज्यों के किसानों को लाभ होगा, "
    "लेकिन इसके लिए उन्हें पहले पंजीकरण कराना होगा; पंजीकरण की अंतिम तिथि 31 मार्च है "
    "और इसके बाद आवेदन स्वीकार नहीं किए जाएंगे क्योंकि बजट सीमित है"
)


def _count(texts):
    return [len(t.split()) + 1 for t in texts]


def _norm(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("limit", [4, 8, 12, 20, 100])
def test_split_long_sentence_fits_and_loses_nothing(limit):
    pieces = split_long_sentence(LONG, limit, _count)
    assert all(_count([p])[0] <= limit for p in pieces)
    assert _norm(" ".join(pieces)) == _norm(LONG)
    if _count([LONG])[0] <= limit:
        assert pieces == [LONG]


def test_split_prefers_clause_punctuation_then_conjunctions():
    pieces = split_long_sentence(LONG, 20, _count)
    # first cut after the comma, the next after the semicolon
    assert pieces[0].endswith(",")
    assert pieces[1].endswith(";")
    pieces = split_long_sentence("राम ने खाना खाया और श्याम ने पानी पिया लेकिन मोहन सो गया", 6, _count)
    assert pieces == ["राम ने खाना खाया", "और श्याम ने पानी पिया", "लेकिन मोहन सो गया"]


def test_split_at_whitespace_then_characters():
    words = " ".join(f"शब्द{i}" for i in range(30))
    pieces = split_long_sentence(words, 5, _count)
    assert all(_count([p])[0] <= 5 for p in pieces) and _norm(" ".join(pieces)) == words

    def char_count(texts):
        return [len(t) for t in texts]

    blob = "क" * 50
    pieces = split_long_sentence(blob, 8, char_count)
    assert "".join(pieces) == blob and all(len(p) <= 8 for p in pieces)


def test_long_sentence_translated_piecewise_and_recorded():
    eng = WordEngine(window=10)
    (t,) = Translator(eng, max_sentence_tokens=200).translate_articles(
        [_article("x", [["छोटा।", LONG]])]
    )
    short, long_pair = t.pairs
    assert short.pieces == []
    assert len(long_pair.pieces) > 1
    assert _norm(" ".join(long_pair.pieces)) == _norm(LONG)
    assert long_pair.tgt == " ".join(f"<{p}>" for p in long_pair.pieces)
    assert all(len(x.split()) + 1 <= 10 for c in eng.calls for x in c)  # never over the window


def test_max_sentence_tokens_limits_below_window():
    eng = WordEngine(window=512)
    tr = Translator(eng, max_sentence_tokens=9)
    assert tr.limit == 9
    (t,) = tr.translate_articles([_article("x", [[LONG]])])
    assert len(t.pairs[0].pieces) > 1


# --- number check --------------------------------------------------------------------


def test_number_check_reports_misses_per_sentence():
    arts = [_article("n", [["इसमें 12 बैंक और ८.५% ब्याज है।", "कोई संख्या नहीं।"], ["1,00,000 रुपये।"]])]
    (t,) = Translator(WordEngine(drop_numbers=True)).translate_articles(arts)
    assert t.pairs[0].missing_numbers == ["12", "8.5"]
    assert t.pairs[1].missing_numbers == []
    assert t.pairs[2].missing_numbers == ["100000"]
    (ok,) = Translator(WordEngine()).translate_articles(arts)
    assert all(p.missing_numbers == [] for p in ok.pairs)  # Devanagari digits normalised
    (off,) = Translator(WordEngine(drop_numbers=True), check_numbers=False).translate_articles(arts)
    assert all(p.missing_numbers == [] for p in off.pairs)


def test_translate_texts_splits_sentences_and_rejoins():
    eng = WordEngine()
    out = Translator(eng).translate_texts(["पहला वाक्य। दूसरा वाक्य।", "एक।"])
    assert out == ["<पहला वाक्य।> <दूसरा वाक्य।>", "<एक।>"]


# --- with a real (tiny) model ----------------------------------------------------------


def test_translate_articles_with_tiny_marian(tiny_marian, seed_paths):
    from summarize.engines.hf_seq2seq import HFSeq2SeqEngine
    from summarize.lang.segment import split_paragraphs, split_sentences

    text = seed_paths[0].read_text(encoding="utf-8")
    paragraphs = [split_sentences(p, "hi") for p in split_paragraphs(text)][:4]
    art = _article("seed", [p for p in paragraphs if p])
    eng = HFSeq2SeqEngine(
        str(tiny_marian), generation={"num_beams": 1, "max_length": 16}, batch_tokens=256
    )
    (t,) = Translator(eng, max_sentence_tokens=24).translate_articles([art])
    assert [(p.paragraph, p.sentence) for p in t.pairs] == art.sentence_index()
    assert all(isinstance(p.tgt, str) for p in t.pairs)
    assert all(n <= 24 for p in t.pairs for n in eng.count_tokens(p.pieces or [p.src]))
