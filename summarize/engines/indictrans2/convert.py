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

from summarize.engines.indictrans2.tokenization import TOKENIZER_FILES
from summarize.engines.registry import CTRANSLATE2_TYPES

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


def _transformer_spec(config: Any) -> Any:
    """An empty ``TransformerSpec`` of the checkpoint's shape."""
    from ctranslate2.specs import transformer_spec

    activation = _activation(config.activation_function)
    sides = [
        (transformer_spec.TransformerEncoderSpec, "encoder"),
        (transformer_spec.TransformerDecoderSpec, "decoder"),
    ]
    encoder, decoder = (
        cls(
            getattr(config, f"{side}_layers"),
            getattr(config, f"{side}_attention_heads"),
            pre_norm=getattr(config, f"{side}_normalize_before"),
            activation=activation,
            layernorm_embedding=config.layernorm_embedding,
        )
        for cls, side in sides
    )
    return transformer_spec.TransformerSpec(encoder, decoder)


def _fill_stack(fill: _Filler, stack: Any, config: Any, side: str) -> None:
    """Scale, positions and norms of the encoder or decoder (``side``) spec."""
    from summarize.engines.indictrans2.layers import sinusoidal_table

    prefix = f"model.{side}"
    dim = getattr(config, f"{side}_embed_dim")
    count = config.max_source_positions if side == "encoder" else config.max_target_positions
    pad = config.pad_token_id
    rows = max(count, MIN_POSITIONS)
    stack.scale_embeddings = math.sqrt(dim) if config.scale_embedding else False
    stack.position_encodings.encodings = _numpy(
        sinusoidal_table(rows + pad + 1, dim, pad)[pad + 1 :]
    )
    if config.layernorm_embedding:
        fill.norm(stack.layernorm_embedding, f"{prefix}.layernorm_embedding")
    if getattr(config, f"{side}_normalize_before"):
        fill.norm(stack.layer_norm, f"{prefix}.layer_norm")


def _fill_self_attention(fill: _Filler, layer: Any, p: str) -> None:
    fill.fused(layer.self_attention.linear[0], [f"{p}.self_attn.{x}_proj" for x in "qkv"])
    fill.linear(layer.self_attention.linear[1], f"{p}.self_attn.out_proj")
    fill.norm(layer.self_attention.layer_norm, f"{p}.self_attn_layer_norm")


def _fill_ffn(fill: _Filler, layer: Any, p: str) -> None:
    fill.linear(layer.ffn.linear_0, f"{p}.fc1")
    fill.linear(layer.ffn.linear_1, f"{p}.fc2")
    fill.norm(layer.ffn.layer_norm, f"{p}.final_layer_norm")


def build_spec(
    config: Any, state: dict[str, Any], src_vocab: dict[str, int], tgt_vocab: dict[str, int]
) -> Any:
    """The filled ``TransformerSpec`` of an IndicTrans2 checkpoint."""
    spec = _transformer_spec(config)
    encoder, decoder = spec.encoder, spec.decoder
    fill = _Filler(state)

    encoder.embeddings[0].weight = fill.get("model.encoder.embed_tokens.weight")
    _fill_stack(fill, encoder, config, "encoder")
    for i, layer in enumerate(encoder.layer):
        _fill_self_attention(fill, layer, f"model.encoder.layers.{i}")
        _fill_ffn(fill, layer, f"model.encoder.layers.{i}")

    dec = "model.decoder"
    decoder.embeddings.weight = fill.get(f"{dec}.embed_tokens.weight")
    _fill_stack(fill, decoder, config, "decoder")
    head = "lm_head.weight" if "lm_head.weight" in state else f"{dec}.embed_tokens.weight"
    if head != "lm_head.weight" and not config.share_decoder_input_output_embed:
        raise ValueError("checkpoint has no lm_head.weight and does not share the target embedding")
    decoder.projection.weight = fill.get(head)
    for i, layer in enumerate(decoder.layer):
        p = f"{dec}.layers.{i}"
        _fill_self_attention(fill, layer, p)
        fill.linear(layer.attention.linear[0], f"{p}.encoder_attn.q_proj")
        fill.fused(layer.attention.linear[1], [f"{p}.encoder_attn.{x}_proj" for x in "kv"])
        fill.linear(layer.attention.linear[2], f"{p}.encoder_attn.out_proj")
        fill.norm(layer.attention.layer_norm, f"{p}.encoder_attn_layer_norm")
        _fill_ffn(fill, layer, p)

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


def _check_convertible(
    model_dir: Path, out_dir: Path, quantization: str | None, force: bool
) -> None:
    """Refuse what cannot be converted; clear ``out_dir`` when ``force`` allows it."""
    if quantization is not None and quantization not in CTRANSLATE2_TYPES:
        raise ValueError(
            f"quantization '{quantization}' not supported; allowed: {', '.join(CTRANSLATE2_TYPES)}"
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


def _save(spec: Any, model_dir: Path, out_dir: Path, info: dict[str, object]) -> None:
    """Write the model, the tokenizer files and the conversion record; ``out_dir`` appears whole."""
    tmp = out_dir.with_name(out_dir.name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    spec.save(str(tmp))
    for name in TOKENIZER_FILES:
        shutil.copy2(model_dir / name, tmp / name)
    if (model_dir / "generation_config.json").is_file():
        shutil.copy2(model_dir / "generation_config.json", tmp / "generation_config.json")
    (tmp / "summarize-conversion.json").write_text(
        json.dumps(info, indent=2) + "\n", encoding="utf-8"
    )
    if out_dir.exists():
        out_dir.rmdir()
    tmp.rename(out_dir)


def convert_indictrans2(
    model_dir: str | Path,
    out_dir: str | Path,
    quantization: str | None = "int8",
    force: bool = False,
) -> Path:
    """Convert an IndicTrans2 checkpoint directory to a CTranslate2 model in ``out_dir``.

    ``quantization``: one of CTranslate2's types (``None`` = float32).  An existing
    ``out_dir`` is replaced only with ``force``.
    """
    from summarize.engines.indictrans2.configuration import IndicTransConfig
    from summarize.engines.indictrans2.tokenization import _load_vocab

    model_dir, out_dir = Path(model_dir), Path(out_dir)
    _check_convertible(model_dir, out_dir, quantization, force)
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
    info: dict[str, object] = {
        "source_model": str(model_dir),
        "quantization": quantization or "float32",
        "architecture": "IndicTransConfig",
        "vocabulary_size": config.decoder_vocab_size,
        "fixes": [],
    }
    _save(spec, model_dir, out_dir, info)
    return out_dir


__all__ = [
    "build_spec",
    "convert_indictrans2",
    "is_indictrans2_checkpoint",
    "load_state_dict",
]
