"""The IndicTrans2 encoder-decoder as a transformers ``PreTrainedModel`` + ``GenerationMixin``.

Written from the architecture (a fairseq transformer, converted to Hugging Face naming), so
the published checkpoints load without ``trust_remote_code`` on transformers 5.x.  The
layers (positions, attention, sublayers) are in :mod:`.layers`; here are the stacks and the
models:

* separate source and target vocabularies, each with its own embedding table
  (``model.encoder.embed_tokens`` / ``model.decoder.embed_tokens``);
* token embeddings scaled by sqrt(embed_dim) when ``scale_embedding``, plus fairseq
  sinusoidal positions, then the optional ``layernorm_embedding``;
* pre-norm stacks (``*_normalize_before``) end with a final ``layer_norm``;
* the output projection ``lm_head`` (no bias), tied to the target embedding when
  ``share_decoder_input_output_embed`` (the published dist-200M stores both tensors; they
  load as one when equal, as two otherwise).

Parameter names are those of the published ``model.safetensors`` (see
``tests/data/indictrans2_dist200m_keys.json``).  Generation (greedy, beam search, sampling)
is transformers' own; the key/value cache is an ``EncoderDecoderCache``.

The cache contract with ``generate``: transformers 5.0-5.23 hand the cache to ``forward`` as
``past_key_values=`` and read it back from ``outputs.past_key_values``; 5.24 renamed both to
``cache`` (a cache passed under a name the model does not take vanishes into ``**kwargs``,
every step then decodes alone at position 0, and the output is silently wrong).  So the
models take the cache under either name (:func:`_take_cache`), return it under the field
name that the installed output classes declare (:data:`CACHE_FIELD`), and refuse any other
cache-like keyword instead of swallowing it, so the next rename is an error, not garbage.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn
from transformers import GenerationMixin, PreTrainedModel
from transformers.cache_utils import Cache, DynamicCache, EncoderDecoderCache
from transformers.modeling_outputs import (
    BaseModelOutput,
    BaseModelOutputWithPastAndCrossAttentions,
    Seq2SeqLMOutput,
    Seq2SeqModelOutput,
)

from summarize.engines.indictrans2.configuration import IndicTransConfig
from summarize.engines.indictrans2.layers import (
    IndicTransDecoderLayer,
    IndicTransEncoderLayer,
    key_mask,
    sinusoids,
)

__all__ = [
    "CACHE_FIELD",
    "IndicTransForConditionalGeneration",
    "IndicTransModel",
    "IndicTransPreTrainedModel",
    "register_auto_classes",
]


# --- the cache contract with generate() (see the module docstring) ---------------------

# The installed release's name for the cache in model outputs, which is also the keyword
# its generate() passes to forward(): "cache" from transformers 5.24, before that
# "past_key_values".  Read off the output dataclass, as transformers' own models use it.
CACHE_FIELD: str = (
    "cache"
    if "cache" in getattr(Seq2SeqLMOutput, "__dataclass_fields__", {})
    else "past_key_values"
)
# Keywords generate() may pass that mention a cache but carry none.
_NOT_A_CACHE = frozenset({"use_cache", "cache_position", "cache_implementation"})


def _take_cache(
    cache: Cache | None, past_key_values: Cache | None, extra: dict[str, Any]
) -> Cache | None:
    """The key/value cache, whichever of the two names it came under.

    ``extra`` holds the keywords ``forward`` did not name; one that looks like a cache is
    refused, since ignoring it would decode every step without context.
    """
    if cache is not None and past_key_values is not None and cache is not past_key_values:
        raise ValueError("IndicTrans got both `cache` and `past_key_values`; pass one")
    stray = sorted(
        key
        for key, value in extra.items()
        if value is not None
        and key not in _NOT_A_CACHE
        and ("cache" in key or "past" in key or key in {"state", "mems"})
    )
    if stray:
        raise TypeError(
            f"IndicTrans forward() got unknown cache argument(s) {', '.join(stray)}: this "
            "transformers release passes the cache under a name the model does not know"
        )
    return cache if cache is not None else past_key_values


def _with_cache(output_class: type, cache: Cache | None, **fields: Any) -> Any:
    """``output_class(**fields)`` with the cache under this release's field name."""
    return output_class(**fields, **{CACHE_FIELD: cache})


# --- stacks -----------------------------------------------------------------------------


def _required(value: int | None, key: str) -> int:
    """A config value the architecture cannot do without (the config types it optional)."""
    if value is None:
        raise ValueError(f"IndicTrans config needs `{key}`")
    return int(value)


class _Stack(nn.Module):
    """What encoder and decoder share: embeddings, positions, the final layer norm."""

    def __init__(
        self,
        config: IndicTransConfig,
        vocab_size: int | None,
        dim: int,
        layers: Callable[[], list[nn.Module]],
        pre_norm: bool,
    ) -> None:
        super().__init__()
        self.padding_idx = _required(config.pad_token_id, "pad_token_id")
        self.embed_dim = dim
        self.embed_scale = math.sqrt(dim) if config.scale_embedding else 1.0
        self.dropout = float(config.dropout)
        # registered in the published parameter order
        self.embed_tokens = nn.Embedding(
            _required(vocab_size, "encoder_vocab_size / decoder_vocab_size"), dim, self.padding_idx
        )
        self.layers = nn.ModuleList(layers())  # built after the embeddings, as before
        self.layer_norm = nn.LayerNorm(dim) if pre_norm else None
        self.layernorm_embedding = nn.LayerNorm(dim) if config.layernorm_embedding else None

    def _embed(self, input_ids: torch.Tensor, positions: torch.Tensor) -> torch.Tensor:
        x = self.embed_tokens(input_ids) * self.embed_scale
        x = x + sinusoids(positions, self.embed_dim, self.padding_idx).to(x.dtype)
        if self.layernorm_embedding is not None:
            x = self.layernorm_embedding(x)
        return F.dropout(x, p=self.dropout, training=self.training)

    def _final(self, x: torch.Tensor) -> torch.Tensor:
        return self.layer_norm(x) if self.layer_norm is not None else x


class IndicTransEncoder(_Stack):
    def __init__(self, config: IndicTransConfig) -> None:
        super().__init__(
            config,
            config.encoder_vocab_size,
            config.encoder_embed_dim,
            lambda: [IndicTransEncoderLayer(config) for _ in range(config.encoder_layers)],
            config.encoder_normalize_before,
        )

    def forward(
        self,
        input_ids: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        return_dict: bool | None = None,
        **_: Any,
    ) -> BaseModelOutput:
        if input_ids is None:
            raise ValueError("IndicTrans encoder needs input_ids")
        if attention_mask is None:
            attention_mask = input_ids.ne(self.padding_idx).long()
        not_pad = input_ids.ne(self.padding_idx).long()
        # fairseq: positions count real tokens from padding_idx + 1; padding stays padding_idx
        x = self._embed(input_ids, torch.cumsum(not_pad, dim=1) * not_pad + self.padding_idx)
        mask = key_mask(attention_mask)
        for layer in self.layers:
            x = layer(x, mask)
        return BaseModelOutput(last_hidden_state=self._final(x))


class IndicTransDecoder(_Stack):
    def __init__(self, config: IndicTransConfig) -> None:
        super().__init__(
            config,
            config.decoder_vocab_size,
            config.decoder_embed_dim,
            lambda: [IndicTransDecoderLayer(config, i) for i in range(config.decoder_layers)],
            config.decoder_normalize_before,
        )

    def forward(
        self,
        input_ids: torch.Tensor,
        encoder_hidden_states: torch.Tensor,
        encoder_attention_mask: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        cache: Cache | None = None,
        use_cache: bool = False,
    ) -> BaseModelOutputWithPastAndCrossAttentions:
        if use_cache and cache is None:
            cache = EncoderDecoderCache(DynamicCache(), DynamicCache())
        past = cache.get_seq_length() if cache is not None else 0
        batch, length = input_ids.shape
        # Decoder inputs are never left-padded during generation: position of step i is
        # padding_idx + 1 + i, as in fairseq's incremental decoding.
        steps = torch.arange(past, past + length, device=input_ids.device)
        positions = (steps + self.padding_idx + 1).unsqueeze(0).expand(batch, length)
        x = self._embed(input_ids, positions)
        self_mask = self._self_mask(steps, past, attention_mask)
        encoder_mask = key_mask(encoder_attention_mask)
        for layer in self.layers:
            x = layer(x, self_mask, encoder_hidden_states, encoder_mask, cache)
        return _with_cache(
            BaseModelOutputWithPastAndCrossAttentions,
            cache if use_cache else None,
            last_hidden_state=self._final(x),
        )

    @staticmethod
    def _self_mask(
        steps: torch.Tensor, past: int, attention_mask: torch.Tensor | None
    ) -> torch.Tensor | None:
        """Causal mask over the cached and new positions, and padding; None when all attend."""
        mask = None
        if len(steps) > 1:
            keys = torch.arange(past + len(steps), device=steps.device)
            mask = (keys[None, :] <= steps[:, None])[None, None]  # (1, 1, T, past+T)
        if attention_mask is not None and not bool(attention_mask.all()):
            pad_mask = attention_mask.to(torch.bool)[:, None, None, :]
            mask = pad_mask if mask is None else (mask & pad_mask)
        return mask


# --- models -----------------------------------------------------------------------------


class IndicTransPreTrainedModel(PreTrainedModel):
    config_class = IndicTransConfig
    config: IndicTransConfig
    base_model_prefix = "model"
    main_input_name = "input_ids"
    supports_gradient_checkpointing = False
    _no_split_modules = ["IndicTransEncoderLayer", "IndicTransDecoderLayer"]
    _supports_sdpa = True

    def _init_weights(self, module: nn.Module) -> None:
        # Linear/Embedding: normal(0, init_std), padding row zero; LayerNorm: ones/zeros.
        super()._init_weights(module)


class IndicTransModel(IndicTransPreTrainedModel):
    def __init__(self, config: IndicTransConfig) -> None:
        if not config.encoder_vocab_size or not config.decoder_vocab_size:
            raise ValueError("IndicTrans config needs encoder_vocab_size and decoder_vocab_size")
        super().__init__(config)
        self.encoder = IndicTransEncoder(config)
        self.decoder = IndicTransDecoder(config)
        self.post_init()

    def get_input_embeddings(self) -> nn.Embedding:
        return self.encoder.embed_tokens

    def set_input_embeddings(self, value: nn.Module) -> None:
        if not isinstance(value, nn.Embedding):
            raise TypeError("IndicTrans input embeddings must be an nn.Embedding")
        self.encoder.embed_tokens = value

    def get_encoder(self, modality: str | None = None) -> nn.Module:
        return self.encoder

    def get_decoder(self) -> nn.Module:
        return self.decoder

    def forward(
        self,
        input_ids: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        decoder_input_ids: torch.Tensor | None = None,
        decoder_attention_mask: torch.Tensor | None = None,
        encoder_outputs: BaseModelOutput | tuple | None = None,
        cache: Cache | None = None,
        use_cache: bool | None = None,
        past_key_values: Cache | None = None,
        **kwargs: Any,
    ) -> Seq2SeqModelOutput:
        cache = _take_cache(cache, past_key_values, kwargs)
        if encoder_outputs is None:
            encoded = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
        elif isinstance(encoder_outputs, BaseModelOutput):
            encoded = encoder_outputs
        else:
            encoded = BaseModelOutput(last_hidden_state=encoder_outputs[0])
        if attention_mask is None and input_ids is not None:
            attention_mask = input_ids.ne(_required(self.config.pad_token_id, "pad_token_id"))
            attention_mask = attention_mask.long()
        if decoder_input_ids is None:
            raise ValueError("IndicTrans decoder needs decoder_input_ids (or labels)")
        use_cache = self.config.use_cache if use_cache is None else use_cache
        decoded = self.decoder(
            input_ids=decoder_input_ids,
            encoder_hidden_states=encoded.last_hidden_state,
            encoder_attention_mask=attention_mask,
            attention_mask=decoder_attention_mask,
            cache=cache,
            use_cache=bool(use_cache) and not self.training,
        )
        return _with_cache(
            Seq2SeqModelOutput,
            getattr(decoded, CACHE_FIELD),
            last_hidden_state=decoded.last_hidden_state,
            encoder_last_hidden_state=encoded.last_hidden_state,
        )


def shift_tokens_right(
    labels: torch.Tensor, pad_token_id: int, start_token_id: int
) -> torch.Tensor:
    shifted = labels.new_full(labels.shape, pad_token_id)
    shifted[:, 1:] = labels[:, :-1]
    shifted[:, 0] = start_token_id
    return shifted.masked_fill(shifted == -100, pad_token_id)


class IndicTransForConditionalGeneration(IndicTransPreTrainedModel, GenerationMixin):
    # Only active when config.tie_word_embeddings (= share_decoder_input_output_embed).
    _tied_weights_keys = {"lm_head.weight": "model.decoder.embed_tokens.weight"}

    def __init__(self, config: IndicTransConfig) -> None:
        super().__init__(config)
        self.model = IndicTransModel(config)
        self.lm_head = nn.Linear(
            config.decoder_embed_dim,
            _required(config.decoder_vocab_size, "decoder_vocab_size"),
            bias=False,
        )
        self.post_init()

    def get_encoder(self, modality: str | None = None) -> nn.Module:
        return self.model.encoder

    def get_decoder(self) -> nn.Module:
        return self.model.decoder

    def get_input_embeddings(self) -> nn.Embedding:
        return self.model.encoder.embed_tokens

    def get_output_embeddings(self) -> nn.Linear:
        return self.lm_head

    def set_output_embeddings(self, new_embeddings: nn.Linear) -> None:
        self.lm_head = new_embeddings

    def forward(
        self,
        input_ids: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        decoder_input_ids: torch.Tensor | None = None,
        decoder_attention_mask: torch.Tensor | None = None,
        encoder_outputs: BaseModelOutput | tuple | None = None,
        cache: Cache | None = None,
        labels: torch.Tensor | None = None,
        use_cache: bool | None = None,
        past_key_values: Cache | None = None,
        **kwargs: Any,
    ) -> Seq2SeqLMOutput:
        cache = _take_cache(cache, past_key_values, kwargs)
        if labels is not None and decoder_input_ids is None:
            decoder_input_ids = shift_tokens_right(
                labels,
                _required(self.config.pad_token_id, "pad_token_id"),
                _required(self.config.decoder_start_token_id, "decoder_start_token_id"),
            )
        out = self.model(
            input_ids=input_ids,
            attention_mask=attention_mask,
            decoder_input_ids=decoder_input_ids,
            decoder_attention_mask=decoder_attention_mask,
            encoder_outputs=encoder_outputs,
            cache=cache,
            use_cache=use_cache,
        )
        logits = self.lm_head(out.last_hidden_state)
        loss = None
        if labels is not None:
            loss = F.cross_entropy(
                logits.reshape(-1, logits.size(-1)).float(), labels.reshape(-1), ignore_index=-100
            )
        return _with_cache(
            Seq2SeqLMOutput,
            getattr(out, CACHE_FIELD),
            loss=loss,
            logits=logits,
            encoder_last_hidden_state=out.encoder_last_hidden_state,
        )


def register_auto_classes() -> None:
    """Let ``AutoConfig`` / ``AutoModelForSeq2SeqLM`` load ``model_type: IndicTrans`` directories."""
    from transformers import AutoConfig, AutoModelForSeq2SeqLM

    AutoConfig.register(IndicTransConfig.model_type, IndicTransConfig, exist_ok=True)
    AutoModelForSeq2SeqLM.register(
        IndicTransConfig, IndicTransForConditionalGeneration, exist_ok=True
    )


register_auto_classes()
