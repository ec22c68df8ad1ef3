"""hf-seq2seq engine on tiny random models with the real architectures (no network)."""

from __future__ import annotations

import pytest

from summarize.engines import base
from summarize.engines.base import create_engine
from summarize.engines.batching import plan_batches, run_batched
from summarize.errors import ConfigError, ModelUnavailableError

pytest.importorskip("transformers")

HI = [
    "केंद्र सरकार ने मंगलवार को नई योजना की घोषणा की।",
    "मौसम विभाग के अनुसार अगले तीन दिनों में भारी बारिश की संभावना है, और 12 जिलों में अलर्ट जारी किया गया है।",
    "नमस्ते",
    "प्रधानमंत्री ने कहा कि यह फैसला देश के विकास के लिए महत्वपूर्ण है।",
    "इस योजना से 1,00,000 किसानों को लाभ होगा।",
]


def _engine(path, **kw):
    from summarize.engines.hf_seq2seq import HFSeq2SeqEngine

    kw.setdefault("generation", {"num_beams": 1, "max_length": 24})
    return HFSeq2SeqEngine(str(path), **kw)


# --- batching ------------------------------------------------------------------------


def test_plan_batches_covers_every_index_once_within_budget():
    lengths = [5, 40, 3, 3, 17, 80, 1, 22, 9, 9, 9]
    batches = plan_batches(lengths, budget=60)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(lengths)))
    for b in batches:
        longest = max(lengths[i] for i in b)
        assert len(b) == 1 or longest * len(b) <= 60
    # longest first, similar lengths together
    assert batches[0] == [5]
    assert [lengths[i] for i in flat] == sorted(lengths, reverse=True)


def test_plan_batches_oversized_input_gets_own_batch_and_max_batch():
    assert plan_batches([500, 2, 2], budget=10) == [[0], [1, 2]]
    assert plan_batches([2, 2, 2, 2, 2], budget=1000, max_batch=2) == [[0, 1], [2, 3], [4]]
    assert plan_batches([], budget=10) == []


def test_run_batched_restores_order_and_reports_progress():
    items = ["aaaa", "b", "cc", "dddddd", "e"]
    seen = []
    out = run_batched(
        items,
        [len(x) for x in items],
        6,
        lambda b: [x.upper() for x in b],
        progress=lambda d, t: seen.append((d, t)),
    )
    assert out == [x.upper() for x in items]
    assert seen[-1] == (5, 5) and all(t == 5 for _, t in seen)


def test_plan_batches_min_batches_gives_every_worker_a_batch():
    # one batch by the budget alone; with two workers, two batches of similar length
    assert plan_batches([5, 5, 5, 5], budget=1000) == [[0, 1, 2, 3]]
    assert plan_batches([5, 5, 5, 5], budget=1000, min_batches=2) == [[0, 1], [2, 3]]
    assert plan_batches([9, 1, 5, 3, 7], budget=1000, min_batches=2) == [[0, 4, 2], [3, 1]]
    # enough batches already, or fewer inputs than workers: the budget decides
    assert plan_batches([5, 5, 5], budget=5, min_batches=2) == [[0], [1], [2]]
    assert plan_batches([5], budget=1000, min_batches=2) == [[0]]


def test_run_batched_parallel_keeps_order_and_runs_batches_at_once():
    import threading

    items = [f"x{i}" * (i % 5 + 1) for i in range(23)]
    active, peak, calls, lock = [0], [0], [0], threading.Lock()
    both = threading.Barrier(2, timeout=10)

    def fn(batch: list[str]) -> list[str]:
        with lock:
            active[0] += 1
            calls[0] += 1
            first_two = calls[0] <= 2
            peak[0] = max(peak[0], active[0])
        if first_two:
            both.wait()  # the first two batches meet: they run at the same time
        with lock:
            active[0] -= 1
        return [x.upper() for x in batch]

    seen: list[tuple[int, int]] = []
    calling = threading.current_thread()
    threads: set[threading.Thread] = set()

    def progress(d: int, t: int) -> None:
        threads.add(threading.current_thread())
        seen.append((d, t))

    out = run_batched(items, [len(x) for x in items], 12, fn, progress=progress, parallel=2)
    assert out == [x.upper() for x in items]
    assert peak[0] == 2
    assert threads == {calling}  # progress is reported from the calling thread
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (23, 23)


def test_run_batched_parallel_raises_the_batch_error():
    def fn(batch: list[str]) -> list[str]:
        if "bad" in batch:
            raise RuntimeError("batch failed")
        return batch

    items = ["a", "b", "bad", "c"]
    with pytest.raises(RuntimeError, match="batch failed"):
        run_batched(items, [1, 1, 1, 1], 1, fn, parallel=2)


# --- generation ----------------------------------------------------------------------


def test_generate_keeps_order_and_count_across_batches(tiny_marian):
    eng = _engine(tiny_marian, batch_tokens=40)  # forces several batches
    lengths = eng.count_tokens(HI)
    assert len(plan_batches(lengths, 40)) > 1
    out = eng.generate(HI)
    assert len(out) == len(HI) and all(isinstance(t, str) for t in out)
    singles = [eng.generate([t])[0] for t in HI]
    assert out == singles
    assert eng.generate([]) == []


def test_count_tokens_includes_special_tokens(tiny_marian, tiny_nllb):
    eng = _engine(tiny_marian)
    ids = eng.tokenizer(HI[0])["input_ids"]
    assert eng.count_tokens([HI[0]]) == [len(ids)]
    assert ids[-1] == eng.tokenizer.eos_token_id
    nllb = _engine(tiny_nllb, src_lang="hin_Deva", tgt_lang="eng_Latn")
    ids = nllb.tokenizer(HI[0])["input_ids"]
    assert nllb.tokenizer.convert_ids_to_tokens(ids[0]) == "hin_Deva"


def test_nllb_forced_bos_is_target_language(tiny_nllb):
    import torch

    eng = _engine(tiny_nllb, src_lang="hin_Deva", tgt_lang="eng_Latn")
    eng_id = eng.tokenizer.convert_tokens_to_ids("eng_Latn")
    assert eng.forced_bos_token_id() == eng_id
    enc = eng.tokenizer(HI[:2], return_tensors="pt", padding=True)
    with torch.inference_mode():
        out = eng.model.generate(**enc, **eng.generation_kwargs())
    assert out[:, 1].tolist() == [eng_id, eng_id]  # after the decoder start token
    texts = eng.generate(HI[:2])
    assert all("eng_Latn" not in t for t in texts)


def test_marian_and_mt5_have_no_forced_bos(tiny_marian, tiny_mt5):
    assert _engine(tiny_marian, tgt_lang="eng_Latn").forced_bos_token_id() is None
    assert _engine(tiny_mt5, tgt_lang="eng_Latn").forced_bos_token_id() is None


def test_tiny_mt5_has_untied_output_layer(tiny_mt5):
    import json

    import torch

    eng = _engine(tiny_mt5)
    assert not torch.equal(eng.model.lm_head.weight, eng.model.shared.weight)
    assert json.loads((tiny_mt5 / "config.json").read_text())["tie_word_embeddings"] is False
    assert eng.model.config.vocab_size > len(eng.tokenizer)  # padded embedding matrix, like mT5


def test_generation_settings_from_config_with_overrides(tiny_mt5):
    eng = _engine(
        tiny_mt5,
        generation={
            "num_beams": 4,
            "max_length": 84,
            "no_repeat_ngram_size": 2,
            "length_penalty": 0.6,
        },
    )
    kw = eng.generation_kwargs()
    assert kw["num_beams"] == 4 and kw["length_penalty"] == 0.6 and kw["no_repeat_ngram_size"] == 2
    kw = eng.generation_kwargs(num_beams=1, max_length=10)
    assert kw["num_beams"] == 1 and kw["max_length"] == 10 and "length_penalty" not in kw
    a = eng.generate(HI[:2], max_length=10)
    assert all(len(eng.tokenizer(t)["input_ids"]) <= 12 for t in a)


def test_create_engine_from_config_section(tiny_marian):
    from summarize.config import EngineSpec

    spec = EngineSpec(
        engine="hf-seq2seq", model=str(tiny_marian), generation={"num_beams": 2, "max_length": 16}
    )
    eng = create_engine(spec, config_key="translation.engine")
    assert eng.name == "hf-seq2seq" and eng.config_key == "translation.engine"
    assert len(eng.generate(HI[:3])) == 3


@pytest.mark.parametrize("dtype", ["bfloat16", "int8"])
def test_other_dtypes_generate(tiny_marian, dtype):
    eng = _engine(tiny_marian, dtype=dtype)
    out = eng.generate(HI[:2])
    assert len(out) == 2
    if dtype == "bfloat16":
        import torch

        assert next(eng.model.parameters()).dtype == torch.bfloat16


def test_unknown_dtype_rejected(tiny_marian):
    with pytest.raises(ConfigError, match="dtype"):
        _engine(tiny_marian, dtype="float64")
    with pytest.raises(ConfigError, match="int8_float16"):
        _engine(tiny_marian, dtype="int8_float16")  # a CTranslate2 type, not a torch one


# --- model cache ---------------------------------------------------------------------


def test_model_cache_reuses_loaded_weights(tiny_marian):
    a = _engine(tiny_marian)
    b = _engine(tiny_marian, generation={"num_beams": 3})
    assert a.model is b.model
    n = base.cache_size()
    _ = b.tokenizer
    assert base.cache_size() == n
    c = _engine(tiny_marian, dtype="bfloat16")
    assert c.model is not a.model  # different dtype, different cache entry


# --- scoring -------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["tiny_marian", "tiny_nllb", "tiny_mt5"])
def test_score_gives_one_log_prob_per_target_token(request, fixture):
    path = request.getfixturevalue(fixture)
    eng = _engine(path, src_lang="hin_Deva", tgt_lang="eng_Latn")
    targets = eng.generate(HI[:3])
    scores = eng.score(HI[:3], targets)
    ids = eng.target_ids(targets)
    assert [len(s) for s in scores] == [len(i) for i in ids]
    assert all(p <= 0.0 for s in scores for p in s)


# --- offline error path --------------------------------------------------------------


def test_hub_id_offline_gives_one_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))
    eng = _engine("summarize-tests/no-such-model", config_key="translation.engine")
    with pytest.raises(ModelUnavailableError) as info:
        eng.generate(["नमस्ते"])
    msg = str(info.value)
    assert "summarize-tests/no-such-model" in msg
    assert "translation.engine" in msg
    assert "summarize models pull" in msg
    assert "local directory" in msg
    assert "HF_HOME" in msg or "HF_HUB_CACHE" in msg
