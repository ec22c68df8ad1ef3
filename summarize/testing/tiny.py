"""Tiny random-weight seq2seq models with the real architectures: Marian, NLLB (M2M100), mT5.

Each builder writes a directory that ``AutoTokenizer.from_pretrained`` and
``AutoModelForSeq2SeqLM.from_pretrained`` load exactly like a published checkpoint:
``config.json`` + ``model.safetensors`` + the tokenizer files of that family, with a real
SentencePiece model trained (about a second) on given texts -- the test suite passes the
repository's seed articles and FLORES-200 dev lines (:func:`training_texts`) -- or, without
them, on a few built-in sentences.
Weights are random with a fixed seed, so outputs are nonsense but deterministic: tests
assert structure (counts, order, HF vs CTranslate2 agreement), never wording.

The layouts follow the published checkpoints they stand in for:

- Marian (``Helsinki-NLP/opus-mt-hi-en``): ``source.spm``/``target.spm``/``vocab.json``,
  ``</s>`` = 0, ``<unk>`` = 1, ``<pad>`` last (the decoder start token), swish activation,
  post-norm, sinusoidal positions, shared embeddings.
- NLLB-200 (``facebook/nllb-200-distilled-600M``): ``M2M100Config`` + ``NllbTokenizer`` on
  ``sentencepiece.bpe.model`` with the fairseq id offset and language codes as special
  tokens, so ``src_lang="hin_Deva"`` and a forced BOS ``eng_Latn`` work.
- mT5 (``csebuetnlp/mT5_multilingual_XLSum``): ``MT5Config``, gated-GELU, ``spiece.model``
  with pad = 0, eos = 1, unk = 2, an embedding matrix padded beyond the tokenizer's size,
  and an UNTIED ``lm_head`` (``tie_word_embeddings: false`` in config.json), as in the real
  checkpoints; transformers 5.x forces ``tie_word_embeddings=True`` on ``MT5Config`` but
  keeps the two matrices apart when the checkpoint has both, and CTranslate2's converter is
  misled by that flag (see :mod:`summarize.engines.ctranslate2.convert`).

A finished build leaves a marker file; calling a builder again on the same directory
returns at once (the test session fixtures call them once per session anyway).
"""

from __future__ import annotations

import io
import json
import shutil
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

BUILD_VERSION = "tiny-v2"
_MARKER = ".tiny-model"

# Used when no texts are given (e.g. from an installed wheel, without the repository).
_FALLBACK_TEXTS = [
    "केंद्र सरकार ने मंगलवार को नई योजना की घोषणा की, जिससे 12 राज्यों के किसानों को लाभ होगा।",
    "प्रधानमंत्री ने कहा कि यह फैसला देश के विकास के लिए महत्वपूर्ण है और इसे जल्द लागू किया जाएगा।",
    "मौसम विभाग के अनुसार अगले तीन दिनों में भारी बारिश की संभावना है।",
    "The government announced a new scheme on Tuesday that will benefit farmers in 12 states.",
    "The Prime Minister said the decision is important for the development of the country.",
    "According to the weather department, heavy rain is likely in the next three days.",
]


def training_texts(root: str | Path | None = None, limit_flores: int = 400) -> list[str]:
    """Lines to train the tiny tokenizers on.

    ``root`` is a checkout of this repository: its ``seeds/*.txt`` articles and the first
    ``limit_flores`` lines of FLORES-200 dev hi/en (``data/flores200-dev/``).  Without a
    root, or when it has none of them, the built-in sentences.
    """
    lines: list[str] = []
    if root is not None:
        root = Path(root)
        for path in sorted((root / "seeds").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            lines += [ln.strip() for ln in text.splitlines() if ln.strip()]
        for name in ("flores-dev.hi", "flores-dev.en"):
            path = root / "data" / "flores200-dev" / name
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                lines += [ln.strip() for ln in text.splitlines()[:limit_flores]]
    return [ln for ln in lines if ln] or list(_FALLBACK_TEXTS)


def train_sentencepiece(
    out_path: str | Path,
    texts: Iterable[str] | None = None,
    vocab_size: int = 800,
    model_type: str = "unigram",
    *,
    unk_id: int = 0,
    bos_id: int = 1,
    eos_id: int = 2,
    pad_id: int = -1,
    user_defined_symbols: list[str] | None = None,
) -> Path:
    """Train a SentencePiece model on ``texts`` and write it to ``out_path``.

    ``out_path`` is the model file (``spiece.model``, ``model.SRC``...), or a directory (a
    path without a suffix), which gets ``spm.model``.  Returns the model file.  ``texts``
    default to the built-in sentences (:func:`training_texts` without a root).
    Deterministic (one thread, full character coverage so every Devanagari sign gets a
    piece).  Takes about a second on the seeds + 800 FLORES lines.
    """
    import sentencepiece as spm

    out_path = Path(out_path)
    if out_path.is_dir() or not out_path.suffix:
        out_path = out_path / "spm.model"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    lines = list(texts) if texts is not None else training_texts()
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buf,
        vocab_size=vocab_size,
        model_type=model_type,
        character_coverage=1.0,
        num_threads=1,
        minloglevel=2,
        unk_id=unk_id,
        bos_id=bos_id,
        eos_id=eos_id,
        pad_id=pad_id,
        user_defined_symbols=user_defined_symbols or [],
        hard_vocab_limit=False,
    )
    out_path.write_bytes(buf.getvalue())
    return out_path


def _start(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    return out_dir


def _build(out_dir: str | Path, make: Callable[[Path], None]) -> Path:
    """Run ``make`` on a fresh ``out_dir`` unless a finished build of this version is there."""
    out_dir = Path(out_dir)
    marker = out_dir / _MARKER
    if marker.is_file() and marker.read_text().strip() == BUILD_VERSION:
        return out_dir
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    out_dir = _start(out_dir)
    make(out_dir)
    marker.write_text(BUILD_VERSION + "\n")
    return out_dir


# With the default init (std 0.02) a 32-dim random model emits the same token for every
# input with almost uniform probabilities, and beam search then hinges on rounding noise.
# Larger weights make outputs depend on the input, with top-2 log-prob gaps well above
# float noise, so that comparing two backends' beam search is meaningful.
INIT_STD = 0.4
# The transformer shape all three tiny families share.
_SIZES: dict[str, Any] = {"d_model": 32, "encoder_layers": 2, "decoder_layers": 2, "encoder_attention_heads": 4,
          "decoder_attention_heads": 4, "encoder_ffn_dim": 64, "decoder_ffn_dim": 64,
          "max_position_embeddings": 256}  # fmt: skip


def _tokenizer_class(name: str) -> dict[str, Any]:
    # a PretrainedConfig keyword that the per-model config signatures do not list
    return {"tokenizer_class": name}


def _marian_tokenizer(out_dir: Path, texts: Sequence[str] | None, vocab_size: int) -> int:
    """opus-mt's tokenizer files (``</s>`` = 0, ``<unk>`` = 1, ``<pad>`` last); the vocab size."""
    import sentencepiece as spm
    from transformers import MarianTokenizer

    spm_path = train_sentencepiece(
        out_dir / "source.spm", texts, vocab_size, unk_id=1, eos_id=0, bos_id=-1, pad_id=-1
    )
    shutil.copyfile(spm_path, out_dir / "target.spm")
    sp = spm.SentencePieceProcessor(model_file=str(spm_path))
    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    vocab["<pad>"] = len(vocab)
    (out_dir / "vocab.json").write_text(
        json.dumps(vocab, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    with warnings.catch_warnings():  # "Recommended: pip install sacremoses"
        warnings.simplefilter("ignore")
        tok = MarianTokenizer(
            source_spm=str(out_dir / "source.spm"),
            target_spm=str(out_dir / "target.spm"),
            vocab=str(out_dir / "vocab.json"),
            source_lang="hi",
            target_lang="en",
            model_max_length=512,
        )
    tok.save_pretrained(out_dir)
    return len(vocab)


def build_tiny_marian(
    out_dir: str | Path, *, seed: int = 0, vocab_size: int = 800, texts: Sequence[str] | None = None
) -> Path:
    """A 2+2-layer Marian (opus-mt layout) with a joint hi/en SentencePiece vocabulary."""

    def make(out: Path) -> None:
        import torch
        from transformers import MarianConfig, MarianMTModel

        v = _marian_tokenizer(out, texts, vocab_size)
        config = MarianConfig(
            vocab_size=v,
            decoder_vocab_size=v,
            **_SIZES,
            activation_function="swish",
            scale_embedding=True,
            share_encoder_decoder_embeddings=True,
            pad_token_id=v - 1,
            eos_token_id=0,
            decoder_start_token_id=v - 1,
            init_std=INIT_STD,
        )
        torch.manual_seed(seed)
        model = MarianMTModel(config).eval()
        # The generation defaults opus-mt-hi-en publishes: <pad> never generated, EOS forced
        # at max_length, 4 beams.
        gc = model.generation_config
        gc.bad_words_ids = [[v - 1]]
        gc.forced_eos_token_id = 0
        gc.num_beams = 4
        gc.max_length = 512
        model.save_pretrained(out)

    return _build(out_dir, make)


NLLB_LANG_CODES = ["eng_Latn", "hin_Deva", "ben_Beng", "mar_Deva", "urd_Arab"]


def build_tiny_m2m100(
    out_dir: str | Path, *, seed: int = 0, vocab_size: int = 800, texts: Sequence[str] | None = None
) -> Path:
    """A 2+2-layer NLLB-style M2M100 with an ``NllbTokenizer`` (``hin_Deva``, ``eng_Latn``...)."""

    def make(out: Path) -> None:
        import torch
        from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer

        # NLLB's SentencePiece model is BPE with <unk> = 0, <s> = 1, </s> = 2 (fairseq adds <pad>).
        train_sentencepiece(
            out / "sentencepiece.bpe.model", texts, vocab_size, "bpe",
            unk_id=0, bos_id=1, eos_id=2, pad_id=-1,
        )  # fmt: skip
        tok = NllbTokenizer.from_pretrained(
            out,
            src_lang="hin_Deva",
            tgt_lang="eng_Latn",
            extra_special_tokens=list(NLLB_LANG_CODES),
            model_max_length=512,
        )
        tok.save_pretrained(out)
        config = M2M100Config(
            vocab_size=len(tok),
            **_SIZES,
            activation_function="relu",
            scale_embedding=True,
            pad_token_id=tok.pad_token_id,
            bos_token_id=tok.bos_token_id,
            eos_token_id=tok.eos_token_id,
            decoder_start_token_id=tok.eos_token_id,
            init_std=INIT_STD,
            **_tokenizer_class("NllbTokenizer"),
        )
        torch.manual_seed(seed)
        M2M100ForConditionalGeneration(config).eval().save_pretrained(out)
        # Not a generation default of the real model either: callers force eng_Latn explicitly.
        eng = tok.convert_tokens_to_ids("eng_Latn")
        (out / "tiny-info.json").write_text(json.dumps({"eng_Latn": eng}) + "\n")

    return _build(out_dir, make)


def build_tiny_mt5(
    out_dir: str | Path, *, seed: int = 0, vocab_size: int = 800, texts: Sequence[str] | None = None
) -> Path:
    """A 2+2-layer mT5 with an untied ``lm_head`` and a padded embedding matrix (XL-Sum layout)."""

    def make(out: Path) -> None:
        import torch
        from transformers import MT5Config, MT5ForConditionalGeneration, T5Tokenizer

        # mT5's spiece.model: <pad> = 0, </s> = 1, <unk> = 2, no <s>.
        train_sentencepiece(
            out / "spiece.model", texts, vocab_size, unk_id=2, eos_id=1, pad_id=0, bos_id=-1
        )
        tok = T5Tokenizer.from_pretrained(out, extra_ids=0, model_max_length=512)
        tok.save_pretrained(out)
        # The published mT5 checkpoints pad the embedding matrix beyond the tokenizer
        # (250112 rows for 250100 pieces); keep that property: round up to a multiple of 16.
        v = (len(tok) + 15) // 16 * 16 + 16
        config = MT5Config(
            vocab_size=v,
            d_model=32,
            d_kv=16,
            d_ff=64,
            num_layers=2,
            num_decoder_layers=2,
            num_heads=2,
            relative_attention_num_buckets=32,
            relative_attention_max_distance=128,
            feed_forward_proj="gated-gelu",
            tie_word_embeddings=False,
            pad_token_id=0,
            eos_token_id=1,
            decoder_start_token_id=0,
            **_tokenizer_class("T5Tokenizer"),
        )
        torch.manual_seed(seed)
        model = MT5ForConditionalGeneration(config).eval()
        # MT5Config forces tie_word_embeddings=True, so the fresh model shares lm_head with
        # the input embeddings: give it its own matrix, as the real checkpoints have.
        model.lm_head.weight = torch.nn.Parameter(torch.randn(v, config.d_model) * 0.5)
        model.save_pretrained(out)
        # Write the flag the real checkpoints carry (transformers 5 writes `true`).
        cfg_path = out / "config.json"
        cfg = json.loads(cfg_path.read_text())
        cfg["tie_word_embeddings"] = False
        cfg_path.write_text(json.dumps(cfg, indent=2) + "\n")

    return _build(out_dir, make)


def nllb_lang_id(model_dir: str | Path, code: str) -> int:
    """Token id of an NLLB language code in a tiny (or real) NLLB tokenizer directory."""
    from transformers import AutoTokenizer

    token_id = AutoTokenizer.from_pretrained(str(model_dir)).convert_tokens_to_ids(code)
    assert isinstance(token_id, int)
    return token_id


__all__ = [
    "BUILD_VERSION",
    "NLLB_LANG_CODES",
    "build_tiny_m2m100",
    "build_tiny_marian",
    "build_tiny_mt5",
    "nllb_lang_id",
    "train_sentencepiece",
    "training_texts",
]
