"""IndicTrans2 checkpoint -> CTranslate2 model directory, on CTranslate2's Python spec API.

CTranslate2's transformers converter does not know ``model_type: "IndicTrans"`` (and its
fairseq converter needs the fairseq checkpoint and fairseq itself), so the spec is filled
here from the published Hugging Face weights:

* ``TransformerEncoderSpec`` / ``TransformerDecoderSpec`` with ``pre_norm`` from
  ``encoder_normalize_before`` / ``decoder_normalize_before`` (final layer norms then),
  ``layernorm_embedding``, the activation of the config;
* separate source and target vocabularies (``dict.SRC.json`` / ``dict.TGT.json``, padded
  with unique filler tokens to the embedding sizes);
* ``scale_embeddings`` = sqrt(embed_dim) (or 1), and the fairseq sinusoidal table stored as
  the position encodings, starting at row ``pad + 1`` (CTranslate2 counts positions from 0);
* self-attention q/k/v fused into one linear, cross-attention k/v fused, ``lm_head`` as the
  output projection (the target embedding when it is shared and not stored);
* decoding starts from ``</s>``; the codec adds ``</s>`` to the source itself.

The tokenizer files (``model.SRC``, ``model.TGT``, ``dict.SRC.json``, ``dict.TGT.json``)
are copied next to ``model.bin`` so that ``load_codec`` gives the IndicTrans2 codec there.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

from summarize.convert import QUANTIZATIONS
from summarize.engines.indictrans2.tokenization import TOKENIZER_FILES

# Position rows written to the CTranslate2 model (the published limit is 256; fairseq and
# transformers extend the table on demand, so give CTranslate2 room as well).
MIN_POSITIONS = 1024


def is_indictrans2_checkpoint(model_dir: str | Path) -> bool:
    """A transformers-layout IndicTrans2 checkpoint (``model_type: IndicTrans``)."""
    path = Path(model_dir) / "config.json"
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f).get("model_type") == "IndicTrans"
    except (OSError, ValueError):
        return False


def load_state_dict(model_dir: str | Path) -> dict[str, Any]:
    """The checkpoint's tensors by their published names (``model.safetensors`` or ``.bin``)."""
    model_dir = Path(model_dir)
    st = model_dir / "model.safetensors"
    if st.is_file():
        from safetensors.torch import load_file

        return dict(load_file(str(st)))
    bin_path = model_dir / "pytorch_model.bin"
    if bin_path.is_file():
        import torch

        return dict(torch.load(str(bin_path), map_location="cpu", weights_only=True))
    raise FileNotFoundError(f"{model_dir}: no model.safetensors or pytorch_model.bin")


def _activation(name: str) -> Any:
    from ctranslate2.specs import common_spec

    act = common_spec.Activation
    table = {
        "gelu": act.GELU,
        "relu": act.RELU,
        "gelu_new": act.GELUTanh,
        "gelu_fast": act.GELUTanh,
        "gelu_pytorch_tanh": act.GELUTanh,
        "silu": act.SWISH,
        "swish": act.SWISH,
        "tanh": act.Tanh,
    }
    try:
        return table[name]
    except KeyError:
        raise ValueError(f"activation '{name}' has no CTranslate2 equivalent") from None


def _numpy(tensor: Any) -> Any:
    return tensor.detach().to("cpu").float().contiguous().numpy()


def _vocabulary(vocab: dict[str, int], size: int) -> list[str]:
    """Tokens in id order, padded to the embedding size with unique filler tokens."""
    tokens: list[str | None] = [None] * max(size, max(vocab.values()) + 1)
    for tok, idx in vocab.items():
        tokens[idx] = tok
    return [t if t is not None else f"madeupword{i:05d}" for i, t in enumerate(tokens)][:size]


class _Filler:
    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state
        self.used: set[str] = set()

    def get(self, name: str) -> Any:
        self.used.add(name)
        return _numpy(self.state[name])

    def linear(self, spec: Any, prefix: str, bias: bool = True) -> None:
        spec.weight = self.get(f"{prefix}.weight")
        if bias:
            spec.bias = self.get(f"{prefix}.bias")

    def fused(self, spec: Any, prefixes: list[str]) -> None:
        import numpy as np

        spec.weight = np.concatenate([self.get(f"{p}.weight") for p in prefixes])
        spec.bias = np.concatenate([self.get(f"{p}.bias") for p in prefixes])

    def norm(self, spec: Any, prefix: str) -> None:
        spec.gamma = self.get(f"{prefix}.weight")
        spec.beta = self.get(f"{prefix}.bias")


def build_spec(
    config: Any, state: dict[str, Any], src_vocab: dict[str, int], tgt_vocab: dict[str, int]
) -> Any:
    """The filled ``TransformerSpec`` of an IndicTrans2 checkpoint."""
    from ctranslate2.specs import transformer_spec

    from summarize.engines.indictrans2.modeling import sinusoidal_table

    activation = _activation(config.activation_function)
    encoder = transformer_spec.TransformerEncoderSpec(
        config.encoder_layers,
        config.encoder_attention_heads,
        pre_norm=config.encoder_normalize_before,
        activation=activation,
        layernorm_embedding=config.layernorm_embedding,
    )
    decoder = transformer_spec.TransformerDecoderSpec(
        config.decoder_layers,
        config.decoder_attention_heads,
        pre_norm=config.decoder_normalize_before,
        activation=activation,
        layernorm_embedding=config.layernorm_embedding,
    )
    spec = transformer_spec.TransformerSpec(encoder, decoder)
    fill = _Filler(state)
    pad = config.pad_token_id

    def positions(count: int, dim: int) -> Any:
        rows = max(count, MIN_POSITIONS)
        return _numpy(sinusoidal_table(rows + pad + 1, dim, pad)[pad + 1 :])

    # encoder
    enc = "model.encoder"
    dim = config.encoder_embed_dim
    encoder.embeddings[0].weight = fill.get(f"{enc}.embed_tokens.weight")
    encoder.scale_embeddings = math.sqrt(dim) if config.scale_embedding else False
    encoder.position_encodings.encodings = positions(config.max_source_positions, dim)
    if config.layernorm_embedding:
        fill.norm(encoder.layernorm_embedding, f"{enc}.layernorm_embedding")
    if config.encoder_normalize_before:
        fill.norm(encoder.layer_norm, f"{enc}.layer_norm")
    for i, layer in enumerate(encoder.layer):
        p = f"{enc}.layers.{i}"
        fill.fused(layer.self_attention.linear[0], [f"{p}.self_attn.{x}_proj" for x in "qkv"])
        fill.linear(layer.self_attention.linear[1], f"{p}.self_attn.out_proj")
        fill.norm(layer.self_attention.layer_norm, f"{p}.self_attn_layer_norm")
        fill.linear(layer.ffn.linear_0, f"{p}.fc1")
        fill.linear(layer.ffn.linear_1, f"{p}.fc2")
        fill.norm(layer.ffn.layer_norm, f"{p}.final_layer_norm")

    # decoder
    dec = "model.decoder"
    dim = config.decoder_embed_dim
    decoder.embeddings.weight = fill.get(f"{dec}.embed_tokens.weight")
    decoder.scale_embeddings = math.sqrt(dim) if config.scale_embedding else False
    decoder.position_encodings.encodings = positions(config.max_target_positions, dim)
    if config.layernorm_embedding:
        fill.norm(decoder.layernorm_embedding, f"{dec}.layernorm_embedding")
    if config.decoder_normalize_before:
        fill.norm(decoder.layer_norm, f"{dec}.layer_norm")
    head = "lm_head.weight" if "lm_head.weight" in state else f"{dec}.embed_tokens.weight"
    if head != "lm_head.weight" and not config.share_decoder_input_output_embed:
        raise ValueError("checkpoint has no lm_head.weight and does not share the target embedding")
    decoder.projection.weight = fill.get(head)
    for i, layer in enumerate(decoder.layer):
        p = f"{dec}.layers.{i}"
        fill.fused(layer.self_attention.linear[0], [f"{p}.self_attn.{x}_proj" for x in "qkv"])
        fill.linear(layer.self_attention.linear[1], f"{p}.self_attn.out_proj")
        fill.norm(layer.self_attention.layer_norm, f"{p}.self_attn_layer_norm")
        fill.linear(layer.attention.linear[0], f"{p}.encoder_attn.q_proj")
        fill.fused(layer.attention.linear[1], [f"{p}.encoder_attn.{x}_proj" for x in "kv"])
        fill.linear(layer.attention.linear[2], f"{p}.encoder_attn.out_proj")
        fill.norm(layer.attention.layer_norm, f"{p}.encoder_attn_layer_norm")
        fill.linear(layer.ffn.linear_0, f"{p}.fc1")
        fill.linear(layer.ffn.linear_1, f"{p}.fc2")
        fill.norm(layer.ffn.layer_norm, f"{p}.final_layer_norm")

    unused = set(state) - fill.used - {"lm_head.weight"}
    if unused:
        raise ValueError(f"checkpoint tensors the converter does not know: {sorted(unused)[:5]}")

    spec.register_source_vocabulary(_vocabulary(src_vocab, config.encoder_vocab_size))
    spec.register_target_vocabulary(_vocabulary(tgt_vocab, config.decoder_vocab_size))
    spec.config.bos_token = "<s>"
    spec.config.eos_token = "</s>"
    spec.config.unk_token = "<unk>"
    spec.config.decoder_start_token = "</s>"
    spec.config.add_source_bos = False
    spec.config.add_source_eos = False
    spec.config.layer_norm_epsilon = 1e-5
    return spec


def convert_indictrans2(
    model_dir: str | Path,
    out_dir: str | Path,
    quantization: str | None = "int8",
    force: bool = False,
) -> Path:
    """Convert an IndicTrans2 checkpoint directory to a CTranslate2 model in ``out_dir``.

    ``quantization``: one of :data:`QUANTIZATIONS` (``None`` = float32).  An existing
    ``out_dir`` is replaced only with ``force``.
    """
    from summarize.engines.indictrans2.configuration import IndicTransConfig
    from summarize.engines.indictrans2.tokenization import _load_vocab

    model_dir, out_dir = Path(model_dir), Path(out_dir)
    if quantization is not None and quantization not in QUANTIZATIONS:
        raise ValueError(
            f"quantization '{quantization}' not supported; allowed: {', '.join(QUANTIZATIONS)}"
        )
    if not is_indictrans2_checkpoint(model_dir):
        raise ValueError(
            f"{model_dir} is not an IndicTrans2 checkpoint (config.json model_type IndicTrans)"
        )
    missing = [n for n in TOKENIZER_FILES if not (model_dir / n).is_file()]
    if missing:
        raise FileNotFoundError(f"{model_dir}: missing tokenizer files {', '.join(missing)}")
    if out_dir.exists() and any(out_dir.iterdir()):
        if not force:
            raise FileExistsError(
                f"{out_dir} exists and is not empty; pass force=True to replace it"
            )
        shutil.rmtree(out_dir)

    with open(model_dir / "config.json", encoding="utf-8") as f:
        config = IndicTransConfig(**json.load(f))
    state = load_state_dict(model_dir)
    spec = build_spec(
        config,
        state,
        _load_vocab(model_dir / "dict.SRC.json"),
        _load_vocab(model_dir / "dict.TGT.json"),
    )
    del state
    spec.validate()
    spec.optimize(quantization=quantization)
    tmp = out_dir.with_name(out_dir.name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    spec.save(str(tmp))
    for name in TOKENIZER_FILES:
        shutil.copy2(model_dir / name, tmp / name)
    if (model_dir / "generation_config.json").is_file():
        shutil.copy2(model_dir / "generation_config.json", tmp / "generation_config.json")
    info = {
        "source_model": str(model_dir),
        "quantization": quantization or "float32",
        "architecture": "IndicTransConfig",
        "vocabulary_size": config.decoder_vocab_size,
        "fixes": [],
    }
    (tmp / "summarize-conversion.json").write_text(
        json.dumps(info, indent=2) + "\n", encoding="utf-8"
    )
    if out_dir.exists():
        out_dir.rmdir()
    tmp.rename(out_dir)
    return out_dir


__all__ = [
    "QUANTIZATIONS",
    "build_spec",
    "convert_indictrans2",
    "is_indictrans2_checkpoint",
    "load_state_dict",
]
