"""IndicTrans2 on transformers 5.x without trust_remote_code: layout, loading, generation, processing."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

from summarize.engines.indictrans2.processor import (  # noqa: E402
    IndicProcessor,
    normalize_digits,
    restore_placeholders,
    wrap_placeholders,
)

KEYS_FILE = Path(__file__).parents[1] / "data" / "indictrans2_dist200m_keys.json"

HINDI = [
    "सरकार ने 15/08/2024 को 12.5% की वृद्धि की घोषणा की।",
    "मौसम विभाग के अनुसार अगले तीन दिनों में भारी बारिश की संभावना है।",
    "अधिक जानकारी https://pib.gov.in/news पर है, संपर्क: info@pib.gov.in",
]


def _layer_pattern(name: str) -> str:
    return re.sub(r"\.layers\.\d+\.", ".layers.N.", name)


@pytest.fixture(scope="module")
def published() -> dict:
    return json.loads(KEYS_FILE.read_text(encoding="utf-8"))


# --- parameter names and shapes ---------------------------------------------------------


def test_published_config_builds_exactly_the_published_parameters(published: dict) -> None:
    from summarize.engines.indictrans2.configuration import IndicTransConfig
    from summarize.engines.indictrans2.modeling import IndicTransForConditionalGeneration

    config = IndicTransConfig(**published["config"])
    assert config.tie_word_embeddings is True  # share_decoder_input_output_embed
    with torch.device("meta"):
        model = IndicTransForConditionalGeneration(config)
    shapes = {k: list(v.shape) for k, v in model.state_dict().items()}
    assert shapes == published["parameters"]
    assert sum(v.numel() for v in model.state_dict().values()) == published["total_parameters"]


def test_tiny_checkpoint_has_the_published_name_pattern(
    tiny_indictrans2: Path, published: dict
) -> None:
    from safetensors import safe_open

    with safe_open(str(tiny_indictrans2 / "model.safetensors"), "pt") as f:
        names = set(f.keys())
    assert {_layer_pattern(n) for n in names} == {
        _layer_pattern(n) for n in published["parameters"]
    }
    config = json.loads((tiny_indictrans2 / "config.json").read_text())
    assert config["model_type"] == "IndicTrans"
    assert "auto_map" in config  # the published remote-code pointer is there, and ignored
    for name in ("model.SRC", "model.TGT", "dict.SRC.json", "dict.TGT.json"):
        assert (tiny_indictrans2 / name).is_file()


def _load_info(path: Path):
    from summarize.engines.indictrans2.modeling import IndicTransForConditionalGeneration

    return IndicTransForConditionalGeneration.from_pretrained(str(path), output_loading_info=True)


def test_loads_safetensors_with_no_missing_or_unexpected_keys(tiny_indictrans2: Path) -> None:
    model, info = _load_info(tiny_indictrans2)
    assert not info["missing_keys"]
    assert not info["unexpected_keys"]
    assert not info.get("mismatched_keys")
    from safetensors.torch import load_file

    stored = load_file(str(tiny_indictrans2 / "model.safetensors"))
    state = model.state_dict()
    for name, tensor in stored.items():
        assert torch.equal(state[name], tensor), name


def test_loads_pytorch_model_bin_layout(tiny_indictrans2: Path, tmp_path: Path) -> None:
    from safetensors.torch import load_file

    copy = tmp_path / "bin"
    shutil.copytree(tiny_indictrans2, copy)
    state = load_file(str(copy / "model.safetensors"))
    (copy / "model.safetensors").unlink()
    torch.save(state, copy / "pytorch_model.bin")
    model, info = _load_info(copy)
    assert not info["missing_keys"] and not info["unexpected_keys"]
    assert torch.equal(model.lm_head.weight, state["lm_head.weight"])


def test_auto_model_loads_without_trust_remote_code(tiny_indictrans2: Path) -> None:
    from transformers import AutoModelForSeq2SeqLM

    import summarize.engines.indictrans2.modeling  # noqa: F401  (registers the model type)

    model = AutoModelForSeq2SeqLM.from_pretrained(str(tiny_indictrans2))
    assert type(model).__name__ == "IndicTransForConditionalGeneration"


# --- the architecture ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_model(tiny_indictrans2: Path):
    from summarize.engines.indictrans2.engine import load_indictrans2_model

    return load_indictrans2_model(tiny_indictrans2)


def test_sinusoidal_positions_follow_fairseq() -> None:
    from summarize.engines.indictrans2.layers import sinusoidal_table

    table = sinusoidal_table(10, 8, padding_idx=1)
    assert torch.all(table[1] == 0)
    half = 4
    freq = torch.exp(
        torch.arange(half, dtype=torch.float32) * -(torch.log(torch.tensor(10000.0)) / (half - 1))
    )
    assert torch.allclose(table[5], torch.cat([torch.sin(5 * freq), torch.cos(5 * freq)]))


def test_padding_does_not_change_the_encoding(tiny_model) -> None:
    enc = tiny_model.get_encoder()
    ids = torch.tensor([[40, 41, 42, 43, 2]])
    plain = enc(input_ids=ids).last_hidden_state
    right = enc(input_ids=torch.tensor([[40, 41, 42, 43, 2, 1, 1]])).last_hidden_state[:, :5]
    left = enc(input_ids=torch.tensor([[1, 1, 40, 41, 42, 43, 2]])).last_hidden_state[:, 2:]
    assert torch.allclose(plain, right, atol=1e-5)
    assert torch.allclose(plain, left, atol=1e-5)


def test_kv_cache_matches_the_full_forward(tiny_model) -> None:
    src = torch.tensor([[40, 41, 42, 43, 2], [50, 51, 2, 1, 1]])
    mask = src.ne(1).long()
    dec = torch.tensor([[2, 10, 11, 12, 13], [2, 20, 21, 22, 23]])
    with torch.inference_mode():
        full = tiny_model(
            input_ids=src, attention_mask=mask, decoder_input_ids=dec, use_cache=False
        ).logits
        enc = tiny_model.get_encoder()(input_ids=src, attention_mask=mask)
        past = None
        steps = []
        for t in range(dec.shape[1]):
            out = tiny_model(
                encoder_outputs=enc,
                attention_mask=mask,
                decoder_input_ids=dec[:, t : t + 1],
                past_key_values=past,
                use_cache=True,
            )
            past = out.past_key_values
            steps.append(out.logits)
    assert torch.allclose(full, torch.cat(steps, dim=1), atol=1e-4)


def test_greedy_generate_equals_argmax_of_the_full_forward(tiny_model) -> None:
    src = torch.tensor([[40, 41, 42, 43, 2]])
    with torch.inference_mode():
        out = tiny_model.generate(input_ids=src, num_beams=1, do_sample=False, max_length=8)
        logits = tiny_model(input_ids=src, decoder_input_ids=out[:, :-1], use_cache=False).logits
    assert out[0, 0].item() == 2  # decoding starts from </s>
    assert torch.equal(out[0, 1:], logits[0].argmax(-1))


# --- the engine, through the public path ----------------------------------------------


@pytest.fixture(scope="module")
def engine(tiny_indictrans2: Path):
    from summarize.engines.base import create_engine

    return create_engine(
        {
            "engine": "indictrans2",
            "model": str(tiny_indictrans2),
            "src_lang": "hin_Deva",
            "tgt_lang": "eng_Latn",
            "generation": {"num_beams": 5, "max_length": 24},
        }
    )


def test_create_engine_gives_indictrans2(engine) -> None:
    from summarize.engines.indictrans2 import IndicTrans2Engine

    assert isinstance(engine, IndicTrans2Engine)
    assert engine.window() == 256  # max_source_positions of the checkpoint


def test_engine_generates_with_beams(engine, tiny_indictrans2: Path) -> None:
    from summarize.engines.indictrans2 import IndicTrans2Engine

    out = engine.generate(HINDI)
    assert len(out) == len(HINDI) and all(isinstance(t, str) for t in out)
    assert engine.generate(HINDI) == out  # deterministic
    direct = IndicTrans2Engine(
        model=str(tiny_indictrans2), generation={"num_beams": 5, "max_length": 24}
    )
    assert direct.generate(HINDI[::-1]) == out[::-1]  # batch order does not matter
    greedy = engine.generate(HINDI, num_beams=1)
    assert len(greedy) == len(HINDI)


def test_beam_search_keeps_the_best_scoring_hypothesis(engine) -> None:
    tokens, _ = engine.codec.prepare(HINDI[:2])
    beam = engine.generate_tokens(tokens, num_beams=5, max_length=12, length_penalty=0.0)
    greedy = engine.generate_tokens(tokens, num_beams=1, max_length=12)

    def total(hyps):
        scores = engine.score_tokens(tokens, [h + (["</s>"] if len(h) < 11 else []) for h in hyps])
        return [sum(s) for s in scores]

    for b, g in zip(total(beam), total(greedy), strict=True):
        assert b >= g - 1e-4


def test_count_tokens_matches_the_prepared_tokens(engine) -> None:
    tokens, _ = engine.codec.prepare(HINDI)
    assert engine.count_tokens(HINDI) == [len(t) for t in tokens]
    assert all(t[:2] == ["hin_Deva", "eng_Latn"] and t[-1] == "</s>" for t in tokens)


# --- processing and placeholders -------------------------------------------------------


def test_indic_digits_become_ascii() -> None:
    assert normalize_digits("१२३ ৪৫ ੬੭") == "123 45 67"


def test_processor_placeholders_restored_in_any_order() -> None:
    proc = IndicProcessor()
    text = (
        "कुल 1,50,000 रुपये 12.5% ब्याज पर, https://example.com/a?b=1 देखें या mail@example.org लिखें #बजट"
    )
    prepared = proc.preprocess(text, "hin_Deva", "eng_Latn")
    assert prepared.text.startswith("hin_Deva eng_Latn ")
    entities = set(prepared.entities.values())
    assert entities == {
        "1,50,000",
        "12.5%",
        "https://example.com/a?b=1",
        "mail@example.org",
        "#बजट",
    }
    for value in entities:
        assert value not in prepared.text
    ids = sorted(prepared.entities)
    # a fake model output naming the placeholders in reverse order and in assorted spellings
    spellings = ["<ID{}>", "< ID{} >", "[ID{}]", "< ID {} >", "आईडी{}"]
    fake = " and ".join(
        spellings[i % len(spellings)].format(n) for i, n in enumerate(reversed(ids))
    )
    out = proc.postprocess(fake, prepared.entities, "eng_Latn")
    for value in entities:
        assert value in out
    assert "ID" not in out


def test_placeholder_maps_travel_with_the_data_not_a_queue() -> None:
    proc = IndicProcessor()
    a = proc.preprocess_batch(["दर 12.5% रही", "तारीख 15/08/2024 है"], "hin_Deva", "eng_Latn")
    b = proc.preprocess_batch(["ईमेल a.b@c.org पर"], "hin_Deva", "eng_Latn")
    # postprocess the later batch first, then the earlier one reversed: no cross-talk
    assert proc.postprocess_batch(["mail <ID1>"], [p.entities for p in b], "eng_Latn") == [
        "mail a.b@c.org"
    ]
    outs = proc.postprocess_batch(
        ["date <ID1>", "rate <ID1>"], [a[1].entities, a[0].entities], "eng_Latn"
    )
    assert outs == ["date 15/08/2024", "rate 12.5%"]


def test_unknown_placeholder_numbers_are_left_alone() -> None:
    text, entities = wrap_placeholders("दर 12.5% रही")
    assert restore_placeholders("<ID7> and <ID1>", entities) == "<ID7> and 12.5%"
    assert restore_placeholders("VALID 1 IDEA", entities) == "VALID 1 IDEA"


def test_english_detokenisation() -> None:
    proc = IndicProcessor()
    out = proc.postprocess('He said , " it \'s done " ( really ) .', {}, "eng_Latn")
    assert out == 'He said, "it\'s done" (really).'


def test_codec_restores_placeholders_from_permuted_model_tokens(tiny_indictrans2: Path) -> None:
    from summarize.engines.indictrans2.codec import IndicTrans2Codec

    codec = IndicTrans2Codec(tiny_indictrans2, src_lang="hin_Deva", tgt_lang="eng_Latn")
    src = ["संपर्क info@pib.gov.in, दर 12.5% और तारीख 15/08/2024, देखें https://pib.gov.in/x"]
    tokens, state = codec.prepare(src)
    assert len(state[0]) == 4
    # the model "writes" the placeholders as target pieces, last one first
    fake = " ".join(f"< ID{n} >" for n in sorted(state[0], reverse=True))
    out = codec.finish(codec.prepare_target([fake]), state)[0]
    for value in ("info@pib.gov.in", "12.5%", "15/08/2024", "https://pib.gov.in/x"):
        assert value in out
    assert out.index("https://pib.gov.in/x") < out.index("info@pib.gov.in")


def test_engine_restores_placeholders_emitted_in_another_order(engine, monkeypatch) -> None:
    src = ["दर 12.5% रही और तारीख 15/08/2024 थी, लिखें mail@example.org"]

    def fake_generate_tokens(token_lists, **kwargs):
        # a model that names the placeholders in reverse order
        text = "the < ID3 > , then < ID2 > and < ID1 > ."
        return [engine.tokenizer.target_tokens(text, add_eos=False) for _ in token_lists]

    monkeypatch.setattr(engine, "generate_tokens", fake_generate_tokens)
    out = engine.generate(src)[0]
    assert out == "the mail@example.org, then 15/08/2024 and 12.5%."


def test_default_config_uses_the_indictrans2_engine(repo_root: Path) -> None:
    import yaml

    cfg = yaml.safe_load((repo_root / "configs" / "default.yaml").read_text())
    engine = cfg["translation"]["engine"]
    assert engine["engine"] == "indictrans2"
    assert engine["model"] == "ai4bharat/indictrans2-indic-en-dist-200M"
    assert engine["generation"]["num_beams"] == 5 and engine["generation"]["max_length"] == 256


def test_missing_model_is_one_clear_error(tmp_path: Path) -> None:
    from summarize.engines.indictrans2 import IndicTrans2Engine
    from summarize.errors import ModelUnavailableError

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelUnavailableError, match="model.safetensors"):
        IndicTrans2Engine(model=str(empty), config_key="translation.engine").generate(["नमस्ते"])
    with pytest.raises(ModelUnavailableError, match="not-a-real/indictrans2"):
        IndicTrans2Engine(model="not-a-real/indictrans2").generate(["नमस्ते"])


def test_script_unification_round_trip() -> None:
    proc = IndicProcessor()
    bengali = "আমি বাংলায় গান গাই"
    prepared = proc.preprocess(bengali, "ben_Beng", "eng_Latn")
    body = prepared.text.split(" ", 2)[2]
    assert all(not ("\u0980" <= ch <= "\u09ff") for ch in body)  # mapped onto Devanagari
    assert any("\u0900" <= ch <= "\u097f" for ch in body)
    assert proc.postprocess(body, {}, "ben_Beng") == bengali


def test_count_tokens_reports_the_full_length_of_long_inputs(tiny_indictrans2: Path) -> None:
    from summarize.engines.indictrans2.codec import IndicTrans2Codec

    codec = IndicTrans2Codec(tiny_indictrans2, max_source_tokens=12)
    long = "सरकार ने मंगलवार को नई योजना की घोषणा की, जिससे 12 राज्यों के किसानों को लाभ होगा।"
    full = codec.count_tokens([long])[0]
    assert full > 12
    with pytest.warns(UserWarning, match="was cut"):
        tokens, _ = codec.prepare([long])
    assert len(tokens[0]) == 12 and tokens[0][-1] == "</s>"
