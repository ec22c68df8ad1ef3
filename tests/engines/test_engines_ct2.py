"""CTranslate2 conversion and engine: parity with hf-seq2seq on tiny models (no network).

Greedy agreement alone would hide a uniform scaling of the logits (exactly how CTranslate2's
T5 loader mis-converts every mT5 checkpoint on transformers 5.x), so each model is checked
with beam search at the model's length penalty and with per-token log-probabilities.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ct2 = pytest.importorskip("ctranslate2")

from summarize.engines.ctranslate2.convert import (  # noqa: E402
    ConversionError,
    check_tokenizer_size,
    convert_model,
    is_ctranslate2_dir,
    target_vocab_size,
    transformers_scales_decoder_output,
    write_vmap,
)
from summarize.errors import ConfigError, ModelUnavailableError  # noqa: E402

FLORES_HI = Path(__file__).resolve().parents[2] / "data" / "flores200-dev" / "flores-dev.hi"
SOURCES = [ln.strip() for ln in FLORES_HI.read_text(encoding="utf-8").splitlines()[:10]] + [
    "नमस्ते",
    "इस योजना से 1,00,000 किसानों को 12 महीने में लाभ होगा।",
]
# Beam 4 with each model family's published length penalty (XL-Sum: 0.6).
LENGTH_PENALTY = {"tiny_marian": 1.0, "tiny_nllb": 1.0, "tiny_mt5": 0.6}
MODELS = list(LENGTH_PENALTY)


@pytest.fixture(scope="module")
def converted(tmp_path_factory, request):
    """fixture name -> (hf dir, CTranslate2 float32 dir); converted once per module."""
    out = {}
    root = tmp_path_factory.mktemp("ct2")
    for name in MODELS:
        src = request.getfixturevalue(name)
        out[name] = (src, convert_model(str(src), root / name, quantization="float32"))
    return out


def _pair(src, dst, name, **gen):
    from summarize.engines.ctranslate2 import CTranslate2Engine
    from summarize.engines.hf_seq2seq import HFSeq2SeqEngine

    generation = {"num_beams": 4, "max_length": 40, "length_penalty": LENGTH_PENALTY[name], **gen}
    langs = {"src_lang": "hin_Deva", "tgt_lang": "eng_Latn"}
    hf = HFSeq2SeqEngine(str(src), generation=generation, **langs)
    ct = CTranslate2Engine(str(dst), dtype="float32", generation=generation, **langs)
    return hf, ct


@pytest.mark.parametrize("name", MODELS)
def test_beam_search_outputs_identical(converted, name):
    src, dst = converted[name]
    hf, ct = _pair(src, dst, name)
    a, b = hf.generate(SOURCES), ct.generate(SOURCES)
    assert len(a) == len(b) == len(SOURCES)
    assert a == b
    assert len(set(a)) > 1  # the tiny model's outputs depend on the input


@pytest.mark.parametrize("name", MODELS)
def test_xlsum_settings_identical_up_to_renormalisation(converted, name):
    """XL-Sum decoding (beam 4, no_repeat_ngram_size 2, length_penalty 0.6) and min_length.

    transformers applies these constraints to log-probabilities inside beam search without
    renormalising; CTranslate2 renormalises.  With ``renormalize_logits=True`` on the
    transformers side the two agree exactly, so that is the only difference.
    """
    src, dst = converted[name]
    hf, ct = _pair(
        src, dst, name, max_length=60, no_repeat_ngram_size=2, length_penalty=0.6, min_length=12
    )
    assert hf.generate(SOURCES, renormalize_logits=True) == ct.generate(SOURCES)


@pytest.mark.parametrize("name", MODELS)
def test_greedy_outputs_identical(converted, name):
    src, dst = converted[name]
    hf, ct = _pair(src, dst, name, num_beams=1)
    assert hf.generate(SOURCES) == ct.generate(SOURCES)


@pytest.mark.parametrize("name", MODELS)
def test_log_probs_agree(converted, name):
    src, dst = converted[name]
    hf, ct = _pair(src, dst, name)
    targets = hf.generate(SOURCES[:8])
    a, b = hf.score(SOURCES[:8], targets), ct.score(SOURCES[:8], targets)
    assert [len(x) for x in a] == [len(x) for x in b]
    worst = max(abs(p - q) for x, y in zip(a, b, strict=True) for p, q in zip(x, y, strict=True))
    assert worst < 1e-4


@pytest.mark.parametrize("name", MODELS)
def test_converted_vocabulary_size_equals_model(converted, name):
    from transformers import AutoConfig

    src, dst = converted[name]
    cfg = AutoConfig.from_pretrained(str(src))
    expected = cfg.vocab_size - (1 if cfg.model_type == "marian" else 0)  # CT2 drops Marian's <pad>
    assert target_vocab_size(dst) == expected
    assert is_ctranslate2_dir(dst)
    # the tokenizer and the published generation defaults travel with the model
    assert (dst / "tokenizer_config.json").is_file()
    assert (dst / "generation_config.json").is_file()


def test_mt5_output_scaling_trap_is_detected_and_fixed(converted, tmp_path):
    """CTranslate2's own conversion of an (untied) mT5 is wrong; ours is right."""
    from ctranslate2.converters import TransformersConverter

    from summarize.engines.ctranslate2 import CTranslate2Engine
    from summarize.engines.hf_seq2seq import HFSeq2SeqEngine

    src, dst = converted["tiny_mt5"]
    info = json.loads((dst / "summarize-conversion.json").read_text())
    assert any("scaling" in f for f in info["fixes"])
    hf = HFSeq2SeqEngine(str(src))
    assert transformers_scales_decoder_output(hf.model) is False

    plain = tmp_path / "plain"
    TransformersConverter(str(src)).convert(str(plain), quantization="float32")
    for f in ("tokenizer.json", "tokenizer_config.json", "spiece.model"):
        shutil.copy(src / f, plain / f)
    bad = CTranslate2Engine(
        str(plain),
        dtype="float32",
        generation={"num_beams": 4, "length_penalty": 0.6, "max_length": 40},
    )
    targets = hf.generate(SOURCES[:4], num_beams=1, max_length=40)
    a, b = hf.score(SOURCES[:4], targets), bad.score(SOURCES[:4], targets)
    worst = max(abs(p - q) for x, y in zip(a, b, strict=True) for p, q in zip(x, y, strict=True))
    assert worst > 1e-2  # the parity test above would catch an unfixed conversion


def test_conversion_without_tokenizer_is_a_clear_error(tiny_marian, tmp_path):
    bare = tmp_path / "bare"
    bare.mkdir()
    for f in ("config.json", "model.safetensors", "generation_config.json"):
        shutil.copy(tiny_marian / f, bare / f)
    with pytest.raises(ConversionError, match="tokenizer"):
        convert_model(str(bare), tmp_path / "out")
    # with the tokenizer given separately it works
    out = convert_model(str(bare), tmp_path / "out2", tokenizer=str(tiny_marian))
    assert target_vocab_size(out) == 800


def test_tokenizer_size_guard():
    class Tok:
        def __len__(self):
            return 104  # what a default T5 tokenizer has when spiece.model is missing

    class Model:
        class config:  # noqa: N801
            vocab_size = 816

    with pytest.raises(ConversionError, match="104 tokens"):
        check_tokenizer_size(Tok(), Model(), "m")


def test_convert_refuses_existing_output_without_force(converted, tmp_path):
    src, _ = converted["tiny_nllb"]
    out = tmp_path / "o"
    convert_model(str(src), out, quantization="int8")
    with pytest.raises(ConversionError, match="force"):
        convert_model(str(src), out)
    convert_model(str(src), out, quantization="int8", force=True)


def test_int8_engine_runs_with_threads(converted, tmp_path):
    from summarize.engines.ctranslate2 import CTranslate2Engine

    src, _ = converted["tiny_nllb"]
    out = convert_model(str(src), tmp_path / "int8", quantization="int8")
    eng = CTranslate2Engine(
        str(out),
        src_lang="hin_Deva",
        tgt_lang="eng_Latn",
        intra_threads=1,
        inter_threads=1,
        generation={"num_beams": 2, "max_length": 20},
        batch_tokens=30,
    )
    assert eng.dtype == "int8"
    res = eng.generate(SOURCES)
    assert len(res) == len(SOURCES)
    assert eng.count_tokens(SOURCES[:2]) == eng.codec.count_tokens(SOURCES[:2])
    again = CTranslate2Engine(str(out), src_lang="hin_Deva", tgt_lang="eng_Latn", intra_threads=1)
    assert again.translator is eng.translator  # cached per process


@pytest.mark.parametrize("name", MODELS)
def test_parallel_workers_give_the_same_outputs(converted, name):
    """inter_threads=2 runs two single-threaded batches at once (issue 13): same outputs, order."""
    from summarize.engines.ctranslate2 import CTranslate2Engine

    _, dst = converted[name]
    langs = {"src_lang": "hin_Deva", "tgt_lang": "eng_Latn", "dtype": "float32"}
    generation = {"num_beams": 2, "max_length": 24}
    one = CTranslate2Engine(
        str(dst), generation=generation, intra_threads=1, batch_tokens=30, **langs
    )
    two = CTranslate2Engine(
        str(dst), generation=generation, inter_threads=2, intra_threads=1, batch_tokens=30, **langs
    )
    assert one.parallel_batches == 1 and two.parallel_batches == 2
    texts = SOURCES * 3
    assert two.generate(texts) == one.generate(texts)
    assert [two.generate([t])[0] for t in SOURCES] == one.generate(SOURCES)


def test_nllb_target_prefix_and_tokens(converted):
    from summarize.engines.ctranslate2 import CTranslate2Engine

    _, dst = converted["tiny_nllb"]
    eng = CTranslate2Engine(
        str(dst),
        dtype="float32",
        src_lang="hin_Deva",
        tgt_lang="eng_Latn",
        generation={"num_beams": 1, "max_length": 10},
    )
    assert eng.codec.target_prefix(2) == [["eng_Latn"], ["eng_Latn"]]
    toks = eng.generate_tokens(SOURCES[:2])
    assert all(t[0] == "eng_Latn" for t in toks)
    src_tokens, _ = eng.codec.prepare(SOURCES[:1])
    assert src_tokens[0][0] == "hin_Deva" and src_tokens[0][-1] == "</s>"


def test_use_vmap_restricts_output_vocabulary(converted, tmp_path):
    from transformers import AutoTokenizer

    from summarize.engines.ctranslate2 import CTranslate2Engine

    src, _ = converted["tiny_nllb"]
    tok = AutoTokenizer.from_pretrained(str(src))
    english = [
        "The government announced a new scheme on Tuesday.",
        "Heavy rain is likely in the next three days.",
    ]
    vmap = write_vmap(tok, english, tmp_path / "vmap.txt", copy_source_tokens=False)
    out = convert_model(str(src), tmp_path / "vm", quantization="float32", vmap=vmap)
    assert (out / "vmap.txt").is_file()
    allowed = set(vmap.read_text(encoding="utf-8").splitlines()[0].split("\t")[1].split())
    eng = CTranslate2Engine(
        str(out),
        dtype="float32",
        src_lang="hin_Deva",
        tgt_lang="eng_Latn",
        use_vmap=True,
        generation={"num_beams": 2, "max_length": 16},
    )
    for tokens in eng.generate_tokens(SOURCES[:6]):
        assert set(tokens) <= allowed
    free = CTranslate2Engine(
        str(out),
        dtype="float32",
        src_lang="hin_Deva",
        tgt_lang="eng_Latn",
        generation={"num_beams": 2, "max_length": 16},
    )
    assert any(not set(t) <= allowed for t in free.generate_tokens(SOURCES[:6]))


def test_unsupported_compute_type_is_a_config_error(converted):
    from summarize.engines.ctranslate2 import CTranslate2Engine

    _, dst = converted["tiny_marian"]
    if "bfloat16" in ct2.get_supported_compute_types("cpu"):
        pytest.skip("this CPU runs bfloat16")
    eng = CTranslate2Engine(str(dst), dtype="bfloat16", config_key="translation.engine")
    with pytest.raises(ConfigError, match="bfloat16"):
        eng.generate(["नमस्ते"])


def test_hf_directory_is_not_a_ct2_model(tiny_marian):
    from summarize.engines.ctranslate2 import CTranslate2Engine

    eng = CTranslate2Engine(str(tiny_marian), config_key="translation.engine")
    with pytest.raises(ModelUnavailableError, match="summarize models convert"):
        eng.generate(["नमस्ते"])


def test_load_codec_picks_indictrans2_layout(tmp_path):
    from summarize.engines.ctranslate2 import codecs

    d = tmp_path / "it2"
    d.mkdir()
    (d / "model.SRC").write_bytes(b"")
    assert codecs.is_indictrans2_dir(d)
    assert not codecs.is_indictrans2_dir(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelUnavailableError, match="tokenizer"):
        codecs.load_codec(empty)


def test_load_codec_indictrans2_real(tiny_indictrans2):
    pytest.importorskip("summarize.engines.indictrans2.codec")
    from summarize.engines.ctranslate2.codecs import Codec, load_codec

    codec = load_codec(tiny_indictrans2, src_lang="hin_Deva", tgt_lang="eng_Latn")
    assert type(codec).__name__ == "IndicTrans2Codec"
    assert isinstance(codec, Codec)


def test_mt5_codec_reads_tokenizer_json_alone_and_equals_transformers(converted):
    """mT5 dirs get the tokenizers-only codec (no transformers/torch import, issue 13), and it
    gives exactly what the transformers tokenizer gives; other families keep transformers'."""
    import subprocess
    import sys

    from summarize.engines.ctranslate2.codecs import HFTokenizerCodec, TokenizersCodec, load_codec

    _, dst = converted["tiny_mt5"]
    fast = load_codec(dst)
    assert isinstance(fast, TokenizersCodec)
    assert isinstance(load_codec(converted["tiny_nllb"][1], src_lang="hin_Deva"), HFTokenizerCodec)
    slow = HFTokenizerCodec.from_dir(dst)
    english = ["The minister said on Monday that 1,200 people were moved.", "", "  a \t b \n c  "]
    texts = SOURCES + english + ["अंत। </s> <pad> <unk>"]
    tokens, _ = fast.prepare(texts)
    assert tokens == slow.prepare(texts)[0]
    assert fast.count_tokens(texts) == slow.count_tokens(texts)
    assert fast.prepare_target(texts) == slow.prepare_target(texts)
    assert fast.finish(tokens) == slow.finish(tokens)
    shuffled = [list(reversed(t)) for t in tokens]  # any token sequence decodes the same
    assert fast.finish(shuffled) == slow.finish(shuffled)
    assert fast.vocab_size() == slow.vocab_size()
    assert fast.target_prefix(2) is None and slow.target_prefix(2) is None
    code = (
        "import sys; from summarize.engines.ctranslate2.codecs import load_codec; "
        f"c = load_codec({str(dst)!r}); c.prepare(['नमस्ते']); "
        "print('transformers' in sys.modules, 'torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
