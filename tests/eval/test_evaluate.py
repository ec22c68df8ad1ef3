"""summarize.eval: published FLORES scores reproduced, Unicode-aware ROUGE, test-set runs."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml

from summarize.errors import ConfigError, InputError, SummarizeError
from summarize.eval import (
    MultilingualRougeTokenizer,
    TranslationScores,
    evaluate_dataset,
    load_parallel_set,
    read_lines,
    score_summaries,
    score_translation,
    score_translation_files,
)
from summarize.lang.lexicon import HindiLightStemmer
from summarize.testing.fakes import FakeEngine
from summarize.translate import Translator

# --- published FLORES-200 dev scores (data/flores200-dev/README.md) ---------------------------

PUBLISHED = {
    # system file -> (BLEU, chrF++) as published, one decimal
    "flores-dev.nllb.en": ("38.5", "62.1"),
    "flores-dev.opusmt.en": ("20.1", "44.9"),
    "flores-dev.argos.en": ("28.7", "55.5"),
    "flores-dev.bergamot-tiny.en": ("36.2", "61.2"),
}


def _readme_signatures(flores_dir: Path) -> dict[str, str]:
    text = (flores_dir / "README.md").read_text(encoding="utf-8")
    bleu = re.search(r"BLEU signature: `([^`]+)`", text)
    chrf = re.search(r"chrF\+\+ signature: `([^`]+)`", text)
    assert bleu and chrf, "the README's signature lines moved"
    return {"bleu": bleu.group(1), "chrf": chrf.group(1)}


@pytest.mark.parametrize("system", ["flores-dev.nllb.en", "flores-dev.opusmt.en"])
def test_published_flores_scores_reproduced(flores_dir: Path, system: str) -> None:
    scores = score_translation_files(flores_dir / system, [flores_dir / "flores-dev.en"])
    bleu, chrf = PUBLISHED[system]
    assert f"{scores.bleu:.1f}" == bleu
    assert f"{scores.chrf:.1f}" == chrf
    assert scores.n_segments == 997 and scores.n_refs == 1


@pytest.mark.parametrize("system", ["flores-dev.argos.en", "flores-dev.bergamot-tiny.en"])
def test_other_published_flores_scores(flores_dir: Path, system: str) -> None:
    scores = score_translation_files(flores_dir / system, [flores_dir / "flores-dev.en"])
    assert (f"{scores.bleu:.1f}", f"{scores.chrf:.1f}") == PUBLISHED[system]


def test_signatures_match_readme(flores_dir: Path) -> None:
    expected = _readme_signatures(flores_dir)
    scores = score_translation_files(
        flores_dir / "flores-dev.nllb.en", [flores_dir / "flores-dev.en"]
    )
    for key in ("bleu", "chrf"):
        # the README gives the signature without sacreBLEU's version field
        assert scores.signatures[key].startswith(expected[key] + "|version:"), scores.signatures[
            key
        ]


def test_score_translation_api_and_multiple_references(flores_dir: Path) -> None:
    hyps = read_lines(flores_dir / "flores-dev.nllb.en")[:50]
    ref = read_lines(flores_dir / "flores-dev.en")[:50]
    other = read_lines(flores_dir / "flores-dev.bergamot-tiny.en")[:50]
    one = score_translation(hyps, [ref])
    two = score_translation(hyps, [ref, other])
    assert isinstance(one, TranslationScores)
    assert two.bleu > one.bleu and two.chrf > one.chrf
    assert "nrefs:2" in two.signatures["bleu"] and "nrefs:2" in two.signatures["chrf"]
    perfect = score_translation(ref, [ref])
    assert perfect.bleu == pytest.approx(100.0) and perfect.chrf == pytest.approx(100.0)
    d = one.to_dict()
    assert d["bleu"]["rounded"] == round(one.bleu, 1)
    json.dumps(d)


def test_score_translation_rejects_bad_input() -> None:
    with pytest.raises(InputError, match="different numbers of lines"):
        score_translation(["a", "b"], [["a"]])
    with pytest.raises(TypeError):
        score_translation(["a"], ["a"])  # a flat list is not a list of reference streams
    with pytest.raises(InputError):
        score_translation([], [[]])
    with pytest.raises(ConfigError, match="allowed"):
        score_translation(["a"], [["a"]], tokenize="flores200")


# --- reading files ----------------------------------------------------------------------------


def test_read_lines_newlines_bom_and_whitespace(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffone \r\ntwo\u2028still two\n\nfour\n".encode())
    assert read_lines(p) == ["one", "two\u2028still two", "", "four"]
    q = tmp_path / "b.txt"
    q.write_bytes(b"no final newline")
    assert read_lines(q) == ["no final newline"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        (b"", "is empty"),
        (b"\n  \n", "is empty"),
        (b"fine\n\xe0\xa4 broken\n", r"not valid UTF-8 \(line 2"),
        ("\ufeffutf16".encode("utf-16"), "UTF-16"),
    ],
)
def test_read_lines_errors_name_the_file(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    p = tmp_path / "hyp.txt"
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_lines(p, "hypothesis")
    assert str(p) in str(info.value) and "hypothesis" in str(info.value)


def test_read_lines_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_lines(tmp_path)


def test_line_count_mismatch_names_both_files(tmp_path: Path, flores_dir: Path) -> None:
    hyp = tmp_path / "short.en"
    hyp.write_text("one\ntwo\n", encoding="utf-8")
    ref = flores_dir / "flores-dev.en"
    with pytest.raises(InputError) as info:
        score_translation_files(hyp, [ref])
    msg = str(info.value)
    assert str(hyp) in msg and str(ref) in msg and "2" in msg and "997" in msg


# --- ROUGE ------------------------------------------------------------------------------------

needs_rouge = pytest.mark.skipif(
    importlib.util.find_spec("rouge_score") is None, reason="rouge-score is not installed"
)

HI_SUMMARY = (
    "भारत सरकार ने बुधवार को नई शिक्षा नीति की घोषणा की, जिसमें 2025 तक सभी बच्चों को स्कूल भेजने का लक्ष्य है।"
)
HI_UNRELATED = "मुंबई में भारी बारिश के कारण लोकल ट्रेनें रुक गईं और कई इलाकों में पानी भर गया।"


def test_multilingual_tokenizer_keeps_devanagari() -> None:
    tok = MultilingualRougeTokenizer()
    text = "भारत ने 2020में ₹500 करोड़ खर्च किए। क्ष\u200dत्रिय, “हिंदी” ABC-def"
    assert tok.tokenize(text) == [
        "भारत",
        "ने",
        "2020",
        "में",
        "₹",
        "500",
        "करोड़",
        "खर्च",
        "किए",
        "क्षत्रिय",
        "हिंदी",
        "abc",
        "def",
    ]
    assert tok("") == [] and tok(" ।,") == []
    # Devanagari digits are digits: split from letters, kept
    assert tok("२०२४में") == ["२०२४", "में"]
    assert tok("中文ab") == ["中", "文", "ab"]


@needs_rouge
def test_hindi_summary_against_itself_is_100() -> None:
    s = score_summaries([HI_SUMMARY], [HI_SUMMARY], "hi")
    assert (s.rouge1, s.rouge2, s.rougeL) == (100.0, 100.0, 100.0)
    assert "XL-Sum" in s.tokenization and "Unicode" in s.tokenization
    assert s.empty_refs == 0


@needs_rouge
def test_hindi_summary_against_unrelated_text_is_low() -> None:
    s = score_summaries([HI_SUMMARY], [HI_UNRELATED], "hi")
    assert s.rouge1 < 20 and s.rouge2 < 5 and s.rougeL < 20


@needs_rouge
def test_hindi_unrelated_flores_sentences_low(flores_dir: Path) -> None:
    hi = read_lines(flores_dir / "flores-dev.hi")
    s = score_summaries(hi[:20], hi[500:520], "hi")
    assert 0 < s.rouge1 < 30 and s.rouge2 < 10


@needs_rouge
def test_default_rouge_tokenizer_scores_devanagari_zero() -> None:
    """The reason for the Unicode-aware tokenizer: rouge-score's own drops all Devanagari."""
    s = score_summaries(
        [HI_SUMMARY.replace("2025", "")],
        [HI_SUMMARY.replace("2025", "")],
        "hi",
        tokenizer="rouge-score",
    )
    assert s.rouge1 == 0.0 and s.empty_refs == 1


@needs_rouge
@pytest.mark.parametrize("stem", [False, True])
def test_english_matches_rouge_score(flores_dir: Path, stem: bool) -> None:
    from rouge_score import rouge_scorer

    hyps = read_lines(flores_dir / "flores-dev.nllb.en")[:40]
    refs = read_lines(flores_dir / "flores-dev.en")[:40]
    ours = score_summaries(hyps, refs, "en", stem=stem)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=stem)
    results = [scorer.score(r, h) for h, r in zip(hyps, refs, strict=True)]
    for key in ("rouge1", "rouge2", "rougeL"):
        expected = 100 * sum(x[key].fmeasure for x in results) / len(results)
        assert getattr(ours, key) == pytest.approx(expected, abs=1e-9)
        assert ours.precision[key] == pytest.approx(
            100 * sum(x[key].precision for x in results) / 40
        )
    assert "rouge-score" in ours.tokenization
    assert ("Porter" in ours.tokenization) == stem


@needs_rouge
def test_rouge_edge_cases() -> None:
    empty = score_summaries([], [], "hi")
    assert empty.rouge1 == 0.0 and empty.n_pairs == 0
    with pytest.raises(InputError):
        score_summaries(["a"], [], "en")
    with pytest.raises(ConfigError, match="allowed"):
        score_summaries(["a"], ["a"], "fr")
    with pytest.raises(ConfigError):
        score_summaries(["a"], ["a"], "hi", tokenizer="rouge-score", stem=True)
    with pytest.raises(ConfigError):
        score_summaries(["a"], ["a"], "en", tokenizer="xlsum", stem=True)
    # an empty hypothesis scores 0, it does not crash
    assert score_summaries([""], [HI_SUMMARY], "hi").rouge1 == 0.0


# --- test sets and runs -----------------------------------------------------------------------


def test_load_flores_dev_and_limit(flores_dir: Path) -> None:
    data = load_parallel_set("flores-dev", data_dir=flores_dir)
    assert len(data.sources) == 997 and len(data.refs) == 1 and len(data.refs[0]) == 997
    assert (data.src_lang, data.tgt_lang) == ("hi", "en")
    small = data.limit(5)
    assert len(small.sources) == 5 and len(small.refs[0]) == 5 and small.origin["limit"] == 5
    with pytest.raises(InputError, match="unknown dataset 'nope'"):
        load_parallel_set("nope")
    with pytest.raises(InputError):
        load_parallel_set(None)


def test_load_hf_dataset_with_injected_loader() -> None:
    rows = [
        {"translation": {"hi": "नमस्ते", "en": "Hello"}},
        {"translation": {"hi": "धन्यवाद", "en": "Thanks"}},
    ]
    calls = []

    def fake_load(name, config, split):
        calls.append((name, config, split))
        return rows

    data = load_parallel_set("hf:some/wmt:hi-en", split="validation", load_dataset=fake_load)
    assert calls == [("some/wmt", "hi-en", "validation")]
    assert data.sources == ["नमस्ते", "धन्यवाद"] and data.refs == [["Hello", "Thanks"]]
    flat = load_parallel_set(
        "hf:flat",
        src_field="src",
        ref_field="tgt",
        load_dataset=lambda *a, **k: [{"src": "a", "tgt": "b"}],
    )
    assert flat.sources == ["a"] and flat.origin["split"] == "test"
    with pytest.raises(InputError, match="no field 'hi'.*src, tgt"):
        load_parallel_set("hf:flat", load_dataset=lambda *a, **k: [{"src": "a", "tgt": "b"}])


def test_hf_dataset_unavailable_is_a_clear_error() -> None:
    def offline(*args, **kwargs):
        raise ConnectionError("Couldn't reach the Hub (OfflineModeIsEnabled)")

    with pytest.raises(InputError, match="could not load dataset 'x/y'.*--src/--ref"):
        load_parallel_set("hf:x/y", load_dataset=offline)


class _EchoEngine(FakeEngine):
    """A fake for orchestration only: returns its input."""

    def _generate_batch(self, batch: list[str], settings: dict[str, object]) -> list[str]:
        return [f"{t}\n" for t in batch]  # a stray newline must not break the hypothesis file


def test_load_flores_dev_from_the_working_directory(
    tmp_path: Path, flores_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "flores200-dev").symlink_to(flores_dir)
    monkeypatch.chdir(tmp_path)
    assert len(load_parallel_set("flores-dev").sources) == 997


def test_missing_data_dir_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"data/flores200-dev \(under .*\).*--data-dir"):
        load_parallel_set("flores-dev")
    with pytest.raises(InputError, match=r"none at /no/such/dir;.*--data-dir"):
        evaluate_dataset("offline", "flores-dev", data_dir="/no/such/dir")


def test_evaluate_dataset_writes_outputs(tmp_path: Path, flores_dir: Path) -> None:
    engine = _EchoEngine("echo", window=512)
    fake = Translator(engine, src_lang="en")
    out = tmp_path / "run"
    result = evaluate_dataset(
        "offline",
        src=flores_dir / "flores-dev.en",
        refs=[flores_dir / "flores-dev.en"],
        limit=7,
        out_dir=out,
        translator=fake,
    )
    assert len(engine.calls) == 1 and len(engine.calls[0]) == 7
    assert result.scores.bleu == pytest.approx(100.0)
    assert result.translator == "fake:echo" and result.config_name == "offline"
    hyps = (out / "hypotheses.txt").read_text(encoding="utf-8").splitlines()
    assert len(hyps) == 7 and hyps == read_lines(flores_dir / "flores-dev.en")[:7]
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert scores["segments"] == 7 and scores["bleu"]["signature"].startswith("nrefs:1|")
    assert scores["origin"]["limit"] == 7
    cfg = yaml.safe_load((out / "config.yaml").read_text(encoding="utf-8"))
    assert cfg["name"] == "offline"
    assert (out / "sources.txt").exists() and (out / "references.txt").exists()
    segments = [
        json.loads(x) for x in (out / "segments.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(segments) == 7 and segments[0]["chrf++"] == 100.0
    assert segments[3]["hypothesis"] == hyps[3] and segments[3]["references"] == [hyps[3]]


def test_evaluate_dataset_needs_translation_in_config(flores_dir: Path) -> None:
    with pytest.raises(ConfigError, match="translation off"):
        evaluate_dataset("offline", "flores-dev", limit=2, data_dir=flores_dir)


def test_evaluate_dataset_translator_count_mismatch(flores_dir: Path) -> None:
    class Short(Translator):
        def translate_texts(self, texts: list[str], lang: str | None = None) -> list[str]:
            return texts[:-1]

    with pytest.raises(SummarizeError, match="returned 1 translations for 2"):
        evaluate_dataset(
            "offline", "flores-dev", limit=2, translator=Short(FakeEngine()), data_dir=flores_dir
        )


def test_evaluate_dataset_rejects_wrong_direction(flores_dir: Path) -> None:
    cfg = {
        "name": "en-hi",
        "translation": {
            "engine": {
                "engine": "hf-seq2seq",
                "model": "x",
                "src_lang": "eng_Latn",
                "tgt_lang": "hin_Deva",
            }
        },
    }
    with pytest.raises(ConfigError, match="src_lang is 'eng_Latn'.*hi->en"):
        evaluate_dataset(cfg, "flores-dev", limit=2, data_dir=flores_dir)


def test_hindi_light_stemmer() -> None:
    stem = HindiLightStemmer()
    assert stem("लड़कियों") == "लड़क"  # -ियों
    assert stem("जाएंगे") == "जा"  # -एंगे (-ाएंगे would leave one character)
    assert stem("किताबें") == "किताब"  # -ें
    assert stem("घर") == "घर"  # too short to strip
    assert stem("भारत") == "भारत"  # no suffix


@needs_rouge
def test_hindi_stemming_matches_inflections() -> None:
    hyp, ref = "लड़कियों ने किताबें पढ़ीं", "लड़कियां किताब पढ़ती"
    plain = score_summaries([hyp], [ref], "hi")
    stemmed = score_summaries([hyp], [ref], "hi", stem=True)
    assert stemmed.rouge1 > plain.rouge1
    assert "Ramanathan" in stemmed.tokenization and "no stemming" in plain.tokenization
    tok = MultilingualRougeTokenizer(HindiLightStemmer())
    assert tok.tokenize("लड़कियों ने") == ["लड़क", "ने"]  # short tokens are not stemmed


def test_rouge_without_rouge_score_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "rouge_score", None)  # as if not installed
    with pytest.raises(SummarizeError, match=r"rouge-score.*pip install -e '\.\[eval\]'"):
        score_summaries(["a"], ["a"], "en")
