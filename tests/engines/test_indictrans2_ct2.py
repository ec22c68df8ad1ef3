"""IndicTrans2 on CTranslate2: the spec-API converter against our transformers implementation.

Beam-search outputs must be identical and per-token log-probabilities within 1e-4: greedy
agreement alone would not catch a uniformly scaled output layer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("ctranslate2")
torch = pytest.importorskip("torch")

HINDI = [
    "सरकार ने मंगलवार को नई योजना की घोषणा की, जिससे 12 राज्यों के किसानों को लाभ होगा।",
    "मौसम विभाग के अनुसार अगले तीन दिनों में भारी बारिश की संभावना है।",
    "प्रधानमंत्री ने कहा कि यह फैसला देश के विकास के लिए महत्वपूर्ण है।",
    "दर 12.5% रही और तारीख 15/08/2024 थी, लिखें mail@example.org",
    "बैठक",
]
ENGLISH = [
    "The government announced a new scheme on Tuesday.",
    "Heavy rain is likely in the next three days.",
    "The Prime Minister said the decision is important.",
    "The rate was 12.5% on 15/08/2024.",
    "Meeting",
]
GENERATION = {"num_beams": 5, "max_length": 32}


def _convert(model_dir: Path, out_dir: Path, quantization: str) -> Path:
    from summarize.engines.ctranslate2.convert import convert_model

    return convert_model(str(model_dir), out_dir, quantization=quantization)


@pytest.fixture(scope="module")
def ct2_fp32(tiny_indictrans2: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _convert(tiny_indictrans2, tmp_path_factory.mktemp("it2-ct2") / "fp32", "float32")


def _engines(model_dir: Path, ct2_dir: Path):
    from summarize.engines.base import create_engine

    common = {"src_lang": "hin_Deva", "tgt_lang": "eng_Latn", "generation": dict(GENERATION)}
    hf = create_engine({"engine": "indictrans2", "model": str(model_dir), **common})
    ct = create_engine(
        {
            "engine": "ctranslate2",
            "model": str(ct2_dir),
            "dtype": "float32",
            **common,
            "options": {"intra_threads": 1},
        }
    )
    return hf, ct


def test_converted_directory_has_the_codec_files(ct2_fp32: Path) -> None:
    from summarize.engines.ctranslate2.codecs import load_codec
    from summarize.engines.indictrans2.codec import IndicTrans2Codec

    for name in ("model.bin", "model.SRC", "model.TGT", "dict.SRC.json", "dict.TGT.json"):
        assert (ct2_fp32 / name).is_file(), name
    assert isinstance(
        load_codec(ct2_fp32, src_lang="hin_Deva", tgt_lang="eng_Latn"), IndicTrans2Codec
    )
    config = json.loads((ct2_fp32 / "config.json").read_text())
    assert config["decoder_start_token"] == "</s>"


def test_beam_search_outputs_are_identical(tiny_indictrans2: Path, ct2_fp32: Path) -> None:
    hf, ct = _engines(tiny_indictrans2, ct2_fp32)
    tokens, _ = hf.codec.prepare(HINDI)
    hf_tokens = hf.generate_tokens(tokens, **GENERATION)
    ct_tokens = ct.generate_tokens(HINDI)
    assert hf_tokens == ct_tokens
    assert any(len(set(t)) > 1 for t in hf_tokens)  # not a degenerate single-token output
    assert hf.generate(HINDI) == ct.generate(HINDI)


def test_per_token_log_probs_agree(tiny_indictrans2: Path, ct2_fp32: Path) -> None:
    hf, ct = _engines(tiny_indictrans2, ct2_fp32)
    # on reference texts, through both engines' public score()
    hf_scores = hf.score(HINDI, ENGLISH)
    ct_scores = ct.score(HINDI, ENGLISH)
    assert [len(s) for s in hf_scores] == [len(s) for s in ct_scores]
    worst = max(
        abs(a - b)
        for hs, cs in zip(hf_scores, ct_scores, strict=True)
        for a, b in zip(hs, cs, strict=True)
    )
    assert worst < 1e-4
    # on the model's own beam outputs, token for token (the final </s> scored as well)
    tokens, _ = hf.codec.prepare(HINDI)
    hyps = hf.generate_tokens(tokens, **GENERATION)
    hf_scores = hf.score_tokens(tokens, [h + ["</s>"] for h in hyps])
    results = ct.translator.score_batch(tokens, hyps)
    for hs, r in zip(hf_scores, results, strict=True):
        assert len(hs) == len(r.log_probs)
        assert max(abs(a - b) for a, b in zip(hs, r.log_probs, strict=True)) < 1e-4


def test_untied_layout_without_layernorm_embedding(tmp_path: Path, tiny_texts: list[str]) -> None:
    """The 1B checkpoints: separate lm_head, no layernorm_embedding."""
    from summarize.engines.indictrans2.engine import IndicTrans2Engine
    from summarize.testing.tiny_indictrans2 import build_tiny_indictrans2

    model_dir = build_tiny_indictrans2(
        tmp_path / "untied",
        seed=1,
        texts=tiny_texts,
        share_decoder_input_output_embed=False,
        layernorm_embedding=False,
    )
    ct2_dir = _convert(model_dir, tmp_path / "untied-ct2", "float32")
    hf, ct = _engines(model_dir, ct2_dir)
    assert isinstance(hf, IndicTrans2Engine)
    assert not torch.equal(hf.model.lm_head.weight, hf.model.model.decoder.embed_tokens.weight)
    worst = max(
        abs(a - b)
        for hs, cs in zip(hf.score(HINDI, ENGLISH), ct.score(HINDI, ENGLISH), strict=True)
        for a, b in zip(hs, cs, strict=True)
    )
    assert worst < 1e-4
    tokens, _ = hf.codec.prepare(HINDI)
    assert hf.generate_tokens(tokens, **GENERATION) == ct.generate_tokens(HINDI)


def test_int8_conversion_translates(tiny_indictrans2: Path, tmp_path: Path) -> None:
    from summarize.engines.base import create_engine

    ct2_dir = _convert(tiny_indictrans2, tmp_path / "int8", "int8")
    engine = create_engine(
        {
            "engine": "ctranslate2",
            "model": str(ct2_dir),
            "dtype": "int8",
            "src_lang": "hin_Deva",
            "tgt_lang": "eng_Latn",
            "generation": dict(GENERATION),
        }
    )
    out = engine.generate(HINDI)
    assert len(out) == len(HINDI) and all(isinstance(t, str) for t in out)
    info = json.loads((ct2_dir / "summarize-conversion.json").read_text())
    assert info["quantization"] == "int8"


def test_existing_output_needs_force(tiny_indictrans2: Path, tmp_path: Path) -> None:
    from summarize.engines.indictrans2.convert import convert_indictrans2

    out = convert_indictrans2(tiny_indictrans2, tmp_path / "o", quantization="float32")
    with pytest.raises(FileExistsError):
        convert_indictrans2(tiny_indictrans2, out, quantization="float32")
    assert convert_indictrans2(tiny_indictrans2, out, quantization="int8", force=True) == out


def test_ctranslate2_engine_restores_placeholders_in_any_order(
    tiny_indictrans2: Path, ct2_fp32: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, ct = _engines(tiny_indictrans2, ct2_fp32)
    pieces = ct.codec.prepare_target(["the < ID3 > , then < ID2 > and < ID1 > ."])[0]

    class Result:
        hypotheses = [pieces]

    class FakeTranslator:
        def translate_batch(self, tokens, **kwargs):
            return [Result() for _ in tokens]

    monkeypatch.setitem(ct._parts, "translator", FakeTranslator())  # the loaded translator
    out = ct.generate(["दर 12.5% रही और तारीख 15/08/2024 थी, लिखें mail@example.org"])
    assert out == ["the mail@example.org, then 15/08/2024 and 12.5%."]


@pytest.mark.slow
def test_dist200m_shape_parity(
    tmp_path_factory: pytest.TempPathFactory, tiny_texts: list[str]
) -> None:
    """The real dist-200M shape (random weights): loads with no missing keys, converts, agrees."""
    from summarize.engines.indictrans2.modeling import IndicTransForConditionalGeneration
    from summarize.testing.tiny_indictrans2 import build_tiny_indictrans2

    keys = json.loads(
        (Path(__file__).parents[1] / "data" / "indictrans2_dist200m_keys.json").read_text()
    )
    sizes = {
        k: v
        for k, v in keys["config"].items()
        if k.endswith(("_dim", "_layers", "_heads", "_vocab_size"))
    }
    work = tmp_path_factory.mktemp("dist200m")
    model_dir = build_tiny_indictrans2(work / "hf", texts=tiny_texts, **sizes)
    _, info = IndicTransForConditionalGeneration.from_pretrained(
        str(model_dir), output_loading_info=True
    )
    assert not info["missing_keys"] and not info["unexpected_keys"]
    ct2_dir = _convert(model_dir, work / "ct2", "float32")
    hf, ct = _engines(model_dir, ct2_dir)
    worst = max(
        abs(a - b)
        for hs, cs in zip(hf.score(HINDI, ENGLISH), ct.score(HINDI, ENGLISH), strict=True)
        for a, b in zip(hs, cs, strict=True)
    )
    assert worst < 1e-3
    tokens, _ = hf.codec.prepare(HINDI[:2])
    assert hf.generate_tokens(tokens, num_beams=5, max_length=12) == ct.generate_tokens(
        HINDI[:2], max_length=12
    )
