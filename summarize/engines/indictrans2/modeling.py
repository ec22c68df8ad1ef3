"""The IndicTrans2 encoder-decoder as a transformers ``PreTrainedModel`` + ``GenerationMixin``.

Written from the architecture (a fairseq transformer, converted to Hugging Face naming), so
the published checkpoints load without ``trust_remote_code`` on transformers 5.x:

* separate source and target vocabularies, each with its own embedding table
  (``model.encoder.embed_tokens`` / ``model.decoder.embed_tokens``);
* token embeddings scaled by sqrt(embed_dim) when ``scale_embedding``;
* fairseq sinusoidal positions: positions start at ``pad_token_id + 1``, padding tokens get
  the zero vector; the table is ``[sin | cos]`` over ``half_dim`` frequencies
  ``exp(-i * log(10000) / (half_dim - 1))``.  Computed on the fly: not in the state dict;
* optional ``layernorm_embedding`` after embeddings + positions;
* pre-norm (``*_normalize_before``) or post-norm layers; pre-norm stacks end with a final
  ``layer_norm``;
* feed-forward ``fc1 -> activation -> fc2``, activation from ``activation_function``;
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
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn
from transformers import GenerationMixin, PreTrainedModel
from transformers.activations import ACT2FN
from transformers.cache_utils import Cache, DynamicCache, EncoderDecoderCache
from transformers.modeling_outputs import (
    BaseModelOutput,
    BaseModelOutputWithPastAndCrossAttentions,
    Seq2SeqLMOutput,
    Seq2SeqModelOutput,
)

from summarize.engines.indictrans2.configuration import IndicTransConfig

__all__ = [
    "CACHE_FIELD",
    "IndicTransForConditionalGeneration",
    "IndicTransModel",
    "IndicTransPreTrainedModel",
    "register_auto_classes",
    "sinusoidal_table",
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


# --- positions --------------------------------------------------------------------------


def _frequencies(dim: int, device: torch.device | None = None) -> torch.Tensor:
    half = dim // 2
    step = math.log(10000) / (half - 1)
    return torch.exp(torch.arange(half, dtype=torch.float32, device=device) * -step)


def _sinusoids(positions: torch.Tensor, dim: int, padding_idx: int) -> torch.Tensor:
    """fairseq sinusoidal embeddings of integer ``positions`` (any shape) -> (*shape, dim)."""
    angles = positions.to(torch.float32).unsqueeze(-1) * _frequencies(dim, positions.device)
    emb = torch.cat([torch.sin(angles), torch.cos(angles)], dim=-1)
    if dim % 2:
        emb = F.pad(emb, (0, 1))
    return emb.masked_fill((positions == padding_idx).unsqueeze(-1), 0.0)


def sinusoidal_table(num_positions: int, dim: int, padding_idx: int) -> torch.Tensor:
    """Rows ``0 .. num_positions-1`` of the fairseq table (row ``padding_idx`` is zero).

    The first real token sits at row ``padding_idx + 1``; converters slice from there.
    """
    return _sinusoids(torch.arange(num_positions), dim, padding_idx)


# --- layers -----------------------------------------------------------------------------


class IndicTransAttention(nn.Module):
    """Multi-head attention with q/k/v/out projections (all with bias)."""

    def __init__(
        self,
        embed_dim: int,
        num_heads: int,
        dropout: float = 0.0,
        layer_idx: int | None = None,
        is_cross_attention: bool = False,
    ) -> None:
        super().__init__()
        if embed_dim % num_heads:
            raise ValueError(f"embed_dim {embed_dim} is not divisible by num_heads {num_heads}")
        self.embed_dim = embed_dim
        self.num_heads = num_heads
        self.head_dim = embed_dim // num_heads
        self.scaling = self.head_dim**-0.5
        self.dropout = dropout
        self.layer_idx = layer_idx
        self.is_cross_attention = is_cross_attention
        self.k_proj = nn.Linear(embed_dim, embed_dim)
        self.v_proj = nn.Linear(embed_dim, embed_dim)
        self.q_proj = nn.Linear(embed_dim, embed_dim)
        self.out_proj = nn.Linear(embed_dim, embed_dim)

    def _heads(self, x: torch.Tensor) -> torch.Tensor:
        b, t, _ = x.shape
        return x.view(b, t, self.num_heads, self.head_dim).transpose(1, 2)

    def forward(
        self,
        hidden_states: torch.Tensor,
        key_value_states: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        cache: Cache | None = None,
    ) -> torch.Tensor:
        """``attention_mask``: boolean, broadcastable to (batch, heads, queries, keys); True = attend."""
        b, t, _ = hidden_states.shape
        query = self._heads(self.q_proj(hidden_states))

        store = None  # the part of the cache that holds this attention's keys and values
        if cache is not None:
            if isinstance(cache, EncoderDecoderCache):
                store = (
                    cache.cross_attention_cache
                    if self.is_cross_attention
                    else cache.self_attention_cache
                )
            elif not self.is_cross_attention:
                store = cache

        if (
            self.is_cross_attention
            and isinstance(cache, EncoderDecoderCache)
            and cache.is_updated.get(self.layer_idx)
        ):
            # the encoder's keys and values were projected at the first step
            key = store.layers[self.layer_idx].keys
            value = store.layers[self.layer_idx].values
        else:
            source = key_value_states if self.is_cross_attention else hidden_states
            key = self._heads(self.k_proj(source))
            value = self._heads(self.v_proj(source))
            if store is not None:
                key, value = store.update(key, value, self.layer_idx)
                if self.is_cross_attention and isinstance(cache, EncoderDecoderCache):
                    cache.is_updated[self.layer_idx] = True

        out = F.scaled_dot_product_attention(
            query,
            key,
            value,
            attn_mask=attention_mask,
            dropout_p=self.dropout if self.training else 0.0,
            scale=self.scaling,
        )
        out = out.transpose(1, 2).reshape(b, t, self.embed_dim)
        return self.out_proj(out)


class _Sublayers(nn.Module):
    """Mixin holding the shared sublayer plumbing of encoder and decoder layers."""

    normalize_before: bool

    def _residual(self, x: torch.Tensor, norm: nn.LayerNorm, block: Any) -> torch.Tensor:
        y = norm(x) if self.normalize_before else x
        y = F.dropout(block(y), p=self.dropout, training=self.training)
        x = x + y
        return x if self.normalize_before else norm(x)

    def _ffn(self, x: torch.Tensor) -> torch.Tensor:
        x = self.activation_fn(self.fc1(x))
        x = F.dropout(x, p=self.activation_dropout, training=self.training)
        return self.fc2(x)


class IndicTransEncoderLayer(_Sublayers):
    def __init__(self, config: IndicTransConfig) -> None:
        super().__init__()
        dim = config.encoder_embed_dim
        self.self_attn = IndicTransAttention(
            dim, config.encoder_attention_heads, dropout=config.attention_dropout
        )
        self.self_attn_layer_norm = nn.LayerNorm(dim)
        self.fc1 = nn.Linear(dim, config.encoder_ffn_dim)
        self.fc2 = nn.Linear(config.encoder_ffn_dim, dim)
        self.final_layer_norm = nn.LayerNorm(dim)
        self.activation_fn = ACT2FN[config.activation_function]
        self.dropout = config.dropout
        self.activation_dropout = config.activation_dropout
        self.normalize_before = config.encoder_normalize_before

    def forward(
        self, hidden_states: torch.Tensor, attention_mask: torch.Tensor | None
    ) -> torch.Tensor:
        hidden_states = self._residual(
            hidden_states,
            self.self_attn_layer_norm,
            lambda x: self.self_attn(x, attention_mask=attention_mask),
        )
        return self._residual(hidden_states, self.final_layer_norm, self._ffn)


class IndicTransDecoderLayer(_Sublayers):
    def __init__(self, config: IndicTransConfig, layer_idx: int) -> None:
        super().__init__()
        dim = config.decoder_embed_dim
        heads = config.decoder_attention_heads
        self.self_attn = IndicTransAttention(
            dim, heads, dropout=config.attention_dropout, layer_idx=layer_idx
        )
        self.self_attn_layer_norm = nn.LayerNorm(dim)
        self.encoder_attn = IndicTransAttention(
            dim,
            heads,
            dropout=config.attention_dropout,
            layer_idx=layer_idx,
            is_cross_attention=True,
        )
        self.encoder_attn_layer_norm = nn.LayerNorm(dim)
        self.fc1 = nn.Linear(dim, config.decoder_ffn_dim)
        self.fc2 = nn.Linear(config.decoder_ffn_dim, dim)
        self.final_layer_norm = nn.LayerNorm(dim)
        self.activation_fn = ACT2FN[config.activation_function]
        self.dropout = config.dropout
        self.activation_dropout = config.activation_dropout
        self.normalize_before = config.decoder_normalize_before

    def forward(
        self,
        hidden_states: torch.Tensor,
        self_mask: torch.Tensor | None,
        encoder_hidden_states: torch.Tensor,
        encoder_mask: torch.Tensor | None,
        cache: Cache | None,
    ) -> torch.Tensor:
        hidden_states = self._residual(
            hidden_states,
            self.self_attn_layer_norm,
            lambda x: self.self_attn(x, attention_mask=self_mask, cache=cache),
        )
        hidden_states = self._residual(
            hidden_states,
            self.encoder_attn_layer_norm,
            lambda x: self.encoder_attn(
                x,
                key_value_states=encoder_hidden_states,
                attention_mask=encoder_mask,
                cache=cache,
            ),
        )
        return self._residual(hidden_states, self.final_layer_norm, self._ffn)


# --- stacks -----------------------------------------------------------------------------


def _key_mask(attention_mask: torch.Tensor | None) -> torch.Tensor | None:
    """(batch, keys) 1/0 -> boolean (batch, 1, 1, keys), or None when nothing is masked."""
    if attention_mask is None:
        return None
    mask = attention_mask.to(torch.bool)
    if bool(mask.all()):
        return None
    return mask[:, None, None, :]


class IndicTransEncoder(nn.Module):
    def __init__(self, config: IndicTransConfig) -> None:
        super().__init__()
        dim = config.encoder_embed_dim
        self.padding_idx = config.pad_token_id
        self.embed_dim = dim
        self.embed_scale = math.sqrt(dim) if config.scale_embedding else 1.0
        self.dropout = config.dropout
        self.embed_tokens = nn.Embedding(config.encoder_vocab_size, dim, self.padding_idx)
        self.layers = nn.ModuleList(
            [IndicTransEncoderLayer(config) for _ in range(config.encoder_layers)]
        )
        self.layer_norm = nn.LayerNorm(dim) if config.encoder_normalize_before else None
        self.layernorm_embedding = nn.LayerNorm(dim) if config.layernorm_embedding else None

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
        positions = torch.cumsum(not_pad, dim=1) * not_pad + self.padding_idx
        x = self.embed_tokens(input_ids) * self.embed_scale
        x = x + _sinusoids(positions, self.embed_dim, self.padding_idx).to(x.dtype)
        if self.layernorm_embedding is not None:
            x = self.layernorm_embedding(x)
        x = F.dropout(x, p=self.dropout, training=self.training)
        mask = _key_mask(attention_mask)
        for layer in self.layers:
            x = layer(x, mask)
        if self.layer_norm is not None:
            x = self.layer_norm(x)
        return BaseModelOutput(last_hidden_state=x)


class IndicTransDecoder(nn.Module):
    def __init__(self, config: IndicTransConfig) -> None:
        super().__init__()
        dim = config.decoder_embed_dim
        self.padding_idx = config.pad_token_id
        self.embed_dim = dim
        self.embed_scale = math.sqrt(dim) if config.scale_embedding else 1.0
        self.dropout = config.dropout
        self.embed_tokens = nn.Embedding(config.decoder_vocab_size, dim, self.padding_idx)
        self.layers = nn.ModuleList(
            [IndicTransDecoderLayer(config, i) for i in range(config.decoder_layers)]
        )
        self.layer_norm = nn.LayerNorm(dim) if config.decoder_normalize_before else None
        self.layernorm_embedding = nn.LayerNorm(dim) if config.layernorm_embedding else None

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
        device = input_ids.device
        # Decoder inputs are never left-padded during generation: position of step i is
        # padding_idx + 1 + i, as in fairseq's incremental decoding.
        steps = torch.arange(past, past + length, device=device)
        positions = (steps + self.padding_idx + 1).unsqueeze(0).expand(batch, length)
        x = self.embed_tokens(input_ids) * self.embed_scale
        x = x + _sinusoids(positions, self.embed_dim, self.padding_idx).to(x.dtype)
        if self.layernorm_embedding is not None:
            x = self.layernorm_embedding(x)
        x = F.dropout(x, p=self.dropout, training=self.training)

        self_mask = None
        if length > 1:
            keys = torch.arange(past + length, device=device)
            self_mask = (keys[None, :] <= steps[:, None])[None, None]  # (1, 1, T, past+T)
        if attention_mask is not None and not bool(attention_mask.all()):
            pad_mask = attention_mask.to(torch.bool)[:, None, None, :]
            self_mask = pad_mask if self_mask is None else (self_mask & pad_mask)
        encoder_mask = _key_mask(encoder_attention_mask)

        for layer in self.layers:
            x = layer(x, self_mask, encoder_hidden_states, encoder_mask, cache)
        if self.layer_norm is not None:
            x = self.layer_norm(x)
        return _with_cache(
            BaseModelOutputWithPastAndCrossAttentions,
            cache if use_cache else None,
            last_hidden_state=x,
        )


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

    def set_input_embeddings(self, value: nn.Embedding) -> None:
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
            encoder_outputs = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
        elif not isinstance(encoder_outputs, BaseModelOutput):
            encoder_outputs = BaseModelOutput(last_hidden_state=encoder_outputs[0])
        if attention_mask is None and input_ids is not None:
            attention_mask = input_ids.ne(self.config.pad_token_id).long()
        if decoder_input_ids is None:
            raise ValueError("IndicTrans decoder needs decoder_input_ids (or labels)")
        use_cache = self.config.use_cache if use_cache is None else use_cache
        decoded = self.decoder(
            input_ids=decoder_input_ids,
            encoder_hidden_states=encoder_outputs.last_hidden_state,
            encoder_attention_mask=attention_mask,
            attention_mask=decoder_attention_mask,
            cache=cache,
            use_cache=bool(use_cache) and not self.training,
        )
        return _with_cache(
            Seq2SeqModelOutput,
            getattr(decoded, CACHE_FIELD),
            last_hidden_state=decoded.last_hidden_state,
            encoder_last_hidden_state=encoder_outputs.last_hidden_state,
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
        self.lm_head = nn.Linear(config.decoder_embed_dim, config.decoder_vocab_size, bias=False)
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
                labels, self.config.pad_token_id, self.config.decoder_start_token_id
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
