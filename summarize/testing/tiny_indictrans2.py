"""A tiny random-weight IndicTrans2 saved in the published checkpoint layout.

``build_tiny_indictrans2(out_dir)`` writes what ``ai4bharat/indictrans2-indic-en-dist-200M``
ships, at toy size:

- ``config.json``: ``model_type: "IndicTrans"``, the published keys (including the
  ``auto_map`` / ``tokenizer_class`` that pointed at the remote code, which we ignore), the
  dist-200M choices (pre-norm, ``layernorm_embedding``, GELU, scaled embeddings, output
  projection shared with the target embedding) and tiny sizes;
- ``model.safetensors``: every published parameter name, ``lm_head.weight`` stored as its own
  tensor next to ``model.decoder.embed_tokens.weight`` (equal values), as in the published
  file (913 MB = 228.3 M float32 parameters, i.e. including the output projection);
- ``model.SRC`` / ``model.TGT``: SentencePiece models trained in about a second on the
  Hindi / English lines of the given texts (the test suite passes the seed articles and
  FLORES-200 dev, :func:`~summarize.testing.tiny.training_texts`);
- ``dict.SRC.json`` / ``dict.TGT.json``: fairseq dictionaries (``<s> <pad> </s> <unk>`` =
  0..3, then the pieces; the source side also has the FLORES language tags).

Weights are random with a fixed seed, but not the library's near-zero init: layer norms and
biases are random too (so a converter that mixes up gamma/beta or drops a bias fails the
parity tests), and every matrix has unit-scale rows (std 1/sqrt(fan_in)) so that logits
spread over several units: beam search then has no near-ties for float rounding to flip.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.engines.indictrans2.processor import LANGUAGES
from summarize.testing.tiny import _MARKER, _start, train_sentencepiece, training_texts

if TYPE_CHECKING:
    import torch

BUILD_VERSION = "tiny-indictrans2-v2"

TINY_CONFIG = {
    "encoder_embed_dim": 64,
    "decoder_embed_dim": 64,
    "encoder_layers": 2,
    "decoder_layers": 2,
    "encoder_attention_heads": 4,
    "decoder_attention_heads": 4,
    "encoder_ffn_dim": 128,
    "decoder_ffn_dim": 128,
}

# Lines with placeholders, so both SentencePiece models know "<", ">", "[", "]", "I", "D".
_PLACEHOLDER_LINES = [
    "< ID1 > < ID2 > < ID3 > [ ID4 ] < ID5 > < ID6 > < ID7 > < ID8 > < ID9 >",
    "<ID1> <ID2> <ID3> [ID4] # @ % / : - ( ) \" ' , . ? !",
]


def _published_config(src_size: int, tgt_size: int, **sizes: int | bool) -> dict[str, Any]:
    cfg: dict[str, Any] = {
        "_name_or_path": "tiny-indictrans2-indic-en",
        "activation_dropout": 0.0,
        "activation_function": "gelu",
        "architectures": ["IndicTransForConditionalGeneration"],
        "auto_map": {
            "AutoConfig": "configuration_indictrans.IndicTransConfig",
            "AutoModelForSeq2SeqLM": "modeling_indictrans.IndicTransForConditionalGeneration",
        },
        "tokenizer_class": "IndicTransTokenizer",
        "attention_dropout": 0.0,
        "bos_token_id": 0,
        "decoder_layerdrop": 0,
        "decoder_normalize_before": True,
        "decoder_start_token_id": 2,
        "decoder_vocab_size": tgt_size,
        "dropout": 0.2,
        "encoder_layerdrop": 0,
        "encoder_normalize_before": True,
        "encoder_vocab_size": src_size,
        "eos_token_id": 2,
        "init_std": 0.02,
        "is_encoder_decoder": True,
        "layernorm_embedding": True,
        "max_source_positions": 256,
        "max_target_positions": 256,
        "model_type": "IndicTrans",
        "pad_token_id": 1,
        "scale_embedding": True,
        "share_decoder_input_output_embed": True,
        "torch_dtype": "float32",
        "transformers_version": "4.32.1",
        "use_cache": True,
        "attn_implementation": "eager",
    }
    cfg.update(TINY_CONFIG)
    cfg.update(sizes)
    cfg["num_hidden_layers"] = cfg["encoder_layers"]
    return dict(sorted(cfg.items()))


def _fairseq_dict(spm_path: Path, extra: list[str]) -> dict[str, int]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(spm_path))
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for i in range(sp.get_piece_size()):
        if sp.is_control(i) or sp.is_unknown(i):
            continue
        vocab.setdefault(sp.id_to_piece(i), len(vocab))
    for tok in extra:
        vocab.setdefault(tok, len(vocab))
    return vocab


def random_state_dict(model: torch.nn.Module, seed: int = 0) -> dict[str, torch.Tensor]:
    """Random weights: unit-scale matrices, random layer norms and biases (see module doc)."""
    import torch

    gen = torch.Generator().manual_seed(seed)
    sd = {}
    for name, tensor in model.state_dict().items():
        shape = tuple(tensor.shape)
        if name.endswith("embed_tokens.weight") or name == "lm_head.weight":
            value = torch.randn(shape, generator=gen) * (1.0 / shape[-1] ** 0.5)
            value[1] = 0.0  # the padding row, as fairseq initialises it
        elif "layer_norm" in name or "layernorm" in name:
            base = 1.0 if name.endswith("weight") else 0.0
            value = base + torch.randn(shape, generator=gen) * 0.1
        elif name.endswith("bias"):
            value = torch.randn(shape, generator=gen) * 0.05
        else:
            value = torch.randn(shape, generator=gen) * (1.0 / shape[-1] ** 0.5)
        sd[name] = value.contiguous()
    if getattr(model.config, "share_decoder_input_output_embed", False):
        sd["lm_head.weight"] = sd["model.decoder.embed_tokens.weight"].clone()
    return sd


def _write_tokenizer(
    out_dir: Path, lines: Sequence[str], sizes: Mapping[str, int | bool]
) -> tuple[int, int]:
    """model.SRC/TGT and dict.SRC/TGT.json from the Hindi and English lines; the vocab sizes."""
    hindi = [ln for ln in lines if any("\u0900" <= ch <= "\u097f" for ch in ln)]
    english = [ln for ln in lines if ln not in set(hindi)]
    src_spm = train_sentencepiece(
        out_dir / "model.SRC", hindi + _PLACEHOLDER_LINES, 600, unk_id=0, bos_id=-1, eos_id=-1
    )
    tgt_spm = train_sentencepiece(
        out_dir / "model.TGT", english + _PLACEHOLDER_LINES, 500, unk_id=0, bos_id=-1, eos_id=-1
    )
    src_vocab = _fairseq_dict(src_spm, sorted(LANGUAGES))
    tgt_vocab = _fairseq_dict(tgt_spm, [])
    # Larger embedding tables (the real-size shape) get fairseq-style filler tokens, so that
    # every id has a token on both backends.
    for vocab, key in ((src_vocab, "encoder_vocab_size"), (tgt_vocab, "decoder_vocab_size")):
        for idx in range(len(vocab), int(sizes.get(key, 0))):
            vocab[f"madeupword{idx:05d}"] = idx
    for name, vocab in (("dict.SRC.json", src_vocab), ("dict.TGT.json", tgt_vocab)):
        (out_dir / name).write_text(
            json.dumps(vocab, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    return len(src_vocab), len(tgt_vocab)


def build_tiny_indictrans2(
    out_dir: str | Path,
    *,
    seed: int = 0,
    texts: Sequence[str] | None = None,
    **sizes: int | bool,
) -> Path:
    """Write a tiny IndicTrans2 (indic -> en) checkpoint directory; returns it.

    ``texts`` train the tokenizers (default: the built-in sentences).  ``sizes`` override
    :data:`TINY_CONFIG` keys (or any config key, e.g.
    ``share_decoder_input_output_embed=False, layernorm_embedding=False`` for the 1B layout).
    """
    import torch
    from safetensors.torch import save_file

    from summarize.engines.indictrans2.configuration import IndicTransConfig
    from summarize.engines.indictrans2.modeling import IndicTransForConditionalGeneration

    out_dir = Path(out_dir)
    marker = out_dir / _MARKER
    stamp = f"{BUILD_VERSION} {json.dumps(sizes, sort_keys=True)} seed={seed}"
    if marker.is_file() and marker.read_text().strip() == stamp:
        return out_dir
    out_dir = _start(out_dir)

    lines = list(texts) if texts is not None else training_texts()
    src_size, tgt_size = _write_tokenizer(out_dir, lines, sizes)
    cfg_dict = _published_config(src_size, tgt_size, **sizes)
    (out_dir / "config.json").write_text(json.dumps(cfg_dict, indent=2) + "\n", encoding="utf-8")
    generation = {
        "_from_model_config": True,
        "bos_token_id": 0,
        "decoder_start_token_id": 2,
        "eos_token_id": 2,
        "pad_token_id": 1,
        "transformers_version": "4.32.1",
    }
    (out_dir / "generation_config.json").write_text(json.dumps(generation, indent=2) + "\n")

    config = IndicTransConfig(**cfg_dict)
    with torch.device("meta"):
        skeleton = IndicTransForConditionalGeneration(config)
    state = random_state_dict(skeleton, seed=seed)
    save_file(state, str(out_dir / "model.safetensors"), metadata={"format": "pt"})
    marker.write_text(stamp)
    return out_dir


__all__ = ["BUILD_VERSION", "TINY_CONFIG", "build_tiny_indictrans2", "random_state_dict"]
