"""Generation with the key/value cache equals generation without it, for every generator.

The cache is where a transformers release breaks a model silently: 5.24 renamed the keyword
that carries it (``past_key_values`` -> ``cache``), and a model that did not follow decoded
every step without context while all shape checks still passed.  Running the same padded
batch with ``use_cache=True`` and ``use_cache=False`` (greedy and beam search) catches that
class of break on the day it happens, whatever the next rename is.  Tiny random models with
the real architectures: Marian, NLLB (M2M100), mT5 and our IndicTrans2 (both published
layouts: tied as dist-200M, untied as the 1B models).
"""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

HINDI = [
    "सरकार ने मंगलवार को नई योजना की घोषणा की, जिससे 12 राज्यों के किसानों को लाभ होगा।",
    "बैठक",
    "मौसम विभाग के अनुसार अगले तीन दिनों में भारी बारिश की संभावना है।",
    "प्रधानमंत्री ने कहा कि यह फैसला महत्वपूर्ण है।",
]
MODELS = ["tiny_marian", "tiny_nllb", "tiny_mt5", "tiny_indictrans2", "tiny_indictrans2_untied"]
MODES = {"greedy": {"num_beams": 1}, "beam": {"num_beams": 4}}


def _inputs(name: str, model_dir: Path):
    """(model, padded input_ids, attention_mask, extra generate kwargs) for a tiny model."""
    if name.startswith("tiny_indictrans2"):
        from summarize.engines.indictrans2.engine import IndicTrans2Engine

        engine = IndicTrans2Engine(str(model_dir), src_lang="hin_Deva", tgt_lang="eng_Latn")
        tokens, _ = engine.codec.prepare(HINDI)
        ids, mask = engine._source_batch(tokens)
        return engine.model, ids, mask, {}
    from transformers import AutoTokenizer

    from summarize.engines.hf_seq2seq import load_seq2seq_model

    tok = AutoTokenizer.from_pretrained(str(model_dir))
    extra = {}
    if name == "tiny_nllb":
        tok.src_lang = "hin_Deva"
        extra["forced_bos_token_id"] = tok.convert_tokens_to_ids("eng_Latn")
    enc = tok(HINDI, return_tensors="pt", padding=True)
    return load_seq2seq_model(model_dir), enc["input_ids"], enc["attention_mask"], extra


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("name", MODELS)
def test_cache_changes_nothing(request: pytest.FixtureRequest, name: str, mode: str) -> None:
    model, ids, mask, extra = _inputs(name, request.getfixturevalue(name))
    assert int((mask == 0).sum()) > 0, "the batch must be padded"
    outputs = {}
    for use_cache in (True, False):
        with torch.no_grad():
            outputs[use_cache] = model.generate(
                input_ids=ids,
                attention_mask=mask,
                max_new_tokens=24,
                do_sample=False,
                use_cache=use_cache,
                **MODES[mode],
                **extra,
            ).tolist()
    assert outputs[True] == outputs[False]
    # A degenerate output (every row the same, or empty) would make the check vacuous.
    rows = outputs[True]
    assert len({tuple(r) for r in rows}) > 1
    assert all(len(r) > 3 for r in rows)
