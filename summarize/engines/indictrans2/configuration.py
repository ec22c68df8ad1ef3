"""Configuration of the IndicTrans2 architecture, read from a published ``config.json``.

The published checkpoints (``ai4bharat/indictrans2-*``) carry ``"model_type": "IndicTrans"``
and the keys below; their remote code is not needed (and no longer imports on transformers
5.x).  The key names and meanings follow fairseq's transformer options, from which the
checkpoints were converted:

* ``encoder_vocab_size`` / ``decoder_vocab_size``: separate source and target vocabularies
  (``dict.SRC.json`` / ``dict.TGT.json``);
* ``encoder_embed_dim`` / ``decoder_embed_dim``, ``*_layers``, ``*_attention_heads``,
  ``*_ffn_dim``: layer sizes;
* ``encoder_normalize_before`` / ``decoder_normalize_before``: pre-norm layers, with a final
  layer norm after the last layer;
* ``layernorm_embedding``: a layer norm right after token + position embeddings;
* ``scale_embedding``: token embeddings multiplied by sqrt(embed_dim);
* ``share_decoder_input_output_embed``: the output projection is the target embedding;
* ``max_source_positions`` / ``max_target_positions``: sinusoidal position table sizes;
* ``activation_function``: ``gelu`` for the published models.
"""

from __future__ import annotations

from typing import Any

from huggingface_hub.dataclasses import strict
from transformers import PreTrainedConfig

# Keys of the published config.json that pointed at the remote code; this implementation
# replaces that code, so they are dropped on load.
_REMOTE_CODE_KEYS = ("auto_map", "tokenizer_class", "attn_implementation", "name_or_path")


@strict
class IndicTransConfig(PreTrainedConfig):
    model_type = "IndicTrans"
    keys_to_ignore_at_inference = ["past_key_values"]
    attribute_map = {
        "num_attention_heads": "encoder_attention_heads",
        "hidden_size": "encoder_embed_dim",
        "d_model": "encoder_embed_dim",
    }

    encoder_vocab_size: int | None = None
    decoder_vocab_size: int | None = None
    encoder_embed_dim: int = 512
    decoder_embed_dim: int = 512
    max_source_positions: int = 256
    max_target_positions: int = 256
    encoder_layers: int = 6
    encoder_ffn_dim: int = 2048
    encoder_attention_heads: int = 8
    decoder_layers: int = 6
    decoder_ffn_dim: int = 2048
    decoder_attention_heads: int = 8
    encoder_layerdrop: float | int = 0.0
    decoder_layerdrop: float | int = 0.0
    use_cache: bool = True
    is_encoder_decoder: bool = True
    activation_function: str = "relu"
    encoder_normalize_before: bool = False
    decoder_normalize_before: bool = False
    layernorm_embedding: bool = False
    share_decoder_input_output_embed: bool = False
    dropout: float | int = 0.1
    attention_dropout: float | int = 0.0
    activation_dropout: float | int = 0.0
    init_std: float = 0.02
    scale_embedding: bool = True
    decoder_start_token_id: int | None = 2
    pad_token_id: int | None = 1
    bos_token_id: int | None = 0
    eos_token_id: int | list[int] | None = 2
    tie_word_embeddings: bool = False

    def __post_init__(self, **kwargs: Any) -> None:
        for key in _REMOTE_CODE_KEYS:
            kwargs.pop(key, None)
        # transformers ties lm_head to the target embedding exactly when fairseq did.
        kwargs.pop("tie_word_embeddings", None)
        self.tie_word_embeddings = bool(self.share_decoder_input_output_embed)
        super().__post_init__(**kwargs)

    def validate_architecture(self) -> None:
        for side in ("encoder", "decoder"):
            dim = getattr(self, f"{side}_embed_dim")
            heads = getattr(self, f"{side}_attention_heads")
            if dim % heads:
                raise ValueError(
                    f"{side}_embed_dim {dim} is not divisible by {side}_attention_heads {heads}"
                )
