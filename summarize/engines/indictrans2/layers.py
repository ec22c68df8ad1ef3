"""The building blocks of the IndicTrans2 architecture: positions, attention, layers.

A fairseq transformer under Hugging Face parameter names (see :mod:`.modeling` for the
stacks and models built from these):

* fairseq sinusoidal positions: positions start at ``pad_token_id + 1``, padding tokens get
  the zero vector; the table is ``[sin | cos]`` over ``half_dim`` frequencies
  ``exp(-i * log(10000) / (half_dim - 1))``, computed on the fly (not in the state dict);
* multi-head attention with biased q/k/v/out projections, through PyTorch's
  ``scaled_dot_product_attention``; decoder attentions keep their keys and values in the
  transformers cache (self-attention grows per step, cross-attention is projected once);
* pre-norm (``*_normalize_before``) or post-norm sublayers, feed-forward
  ``fc1 -> activation -> fc2``.

Submodules are registered in the order of the published checkpoints' parameters; the tiny
test models draw their random weights in that order, so keep it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import cast

import torch
import torch.nn.functional as F
from torch import nn
from transformers.activations import ACT2FN
from transformers.cache_utils import Cache, CacheLayerMixin, EncoderDecoderCache

from summarize.engines.indictrans2.configuration import IndicTransConfig

# --- positions --------------------------------------------------------------------------


def _frequencies(dim: int, device: torch.device | None = None) -> torch.Tensor:
    half = dim // 2
    step = math.log(10000) / (half - 1)
    return torch.exp(torch.arange(half, dtype=torch.float32, device=device) * -step)


def sinusoids(positions: torch.Tensor, dim: int, padding_idx: int) -> torch.Tensor:
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
    return sinusoids(torch.arange(num_positions), dim, padding_idx)


def key_mask(attention_mask: torch.Tensor | None) -> torch.Tensor | None:
    """(batch, keys) 1/0 -> boolean (batch, 1, 1, keys), or None when nothing is masked."""
    if attention_mask is None:
        return None
    mask = attention_mask.to(torch.bool)
    if bool(mask.all()):
        return None
    return mask[:, None, None, :]


# --- attention --------------------------------------------------------------------------

KeysValues = tuple[torch.Tensor, torch.Tensor]


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

    def _project(self, source: torch.Tensor) -> KeysValues:
        return self._heads(self.k_proj(source)), self._heads(self.v_proj(source))

    def _keys_values(self, source: torch.Tensor, cache: Cache | None) -> KeysValues:
        """Keys and values of ``source``, through the part of ``cache`` this attention owns."""
        if cache is None or (
            self.is_cross_attention and not isinstance(cache, EncoderDecoderCache)
        ):
            return self._project(source)
        if self.layer_idx is None:
            raise ValueError("an attention that uses the cache needs its layer_idx")
        idx = self.layer_idx
        if not isinstance(cache, EncoderDecoderCache):
            return cache.update(*self._project(source), idx)
        if not self.is_cross_attention:
            return cache.self_attention_cache.update(*self._project(source), idx)
        store = cache.cross_attention_cache
        if cache.is_updated.get(idx):
            # the encoder's keys and values were projected at the first step
            layer = cast(CacheLayerMixin, store.layers[idx])
            return cast(torch.Tensor, layer.keys), cast(torch.Tensor, layer.values)
        keys_values = store.update(*self._project(source), idx)
        cache.is_updated[idx] = True
        return keys_values

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
        source = key_value_states if self.is_cross_attention else hidden_states
        if source is None:
            raise ValueError("cross-attention needs key_value_states")
        key, value = self._keys_values(source, cache)
        out = F.scaled_dot_product_attention(
            query,
            key,
            value,
            attn_mask=attention_mask,
            dropout_p=self.dropout if self.training else 0.0,
            scale=self.scaling,
        )
        out = out.transpose(1, 2).reshape(b, t, self.embed_dim)
        return cast(torch.Tensor, self.out_proj(out))


# --- layers -----------------------------------------------------------------------------


class _Sublayers(nn.Module):
    """The sublayer plumbing encoder and decoder layers share: residuals and feed-forward."""

    dropout: float
    activation_dropout: float
    normalize_before: bool
    fc1: nn.Linear
    fc2: nn.Linear
    final_layer_norm: nn.LayerNorm

    def _add_ffn(self, config: IndicTransConfig, dim: int, ffn_dim: int, pre_norm: bool) -> None:
        # registered after the attentions, as in the published parameter order
        self.fc1 = nn.Linear(dim, ffn_dim)
        self.fc2 = nn.Linear(ffn_dim, dim)
        self.final_layer_norm = nn.LayerNorm(dim)
        self.activation_fn: Callable[[torch.Tensor], torch.Tensor] = ACT2FN[
            config.activation_function
        ]
        self.dropout = float(config.dropout)
        self.activation_dropout = float(config.activation_dropout)
        self.normalize_before = pre_norm

    def _residual(
        self,
        x: torch.Tensor,
        norm: nn.LayerNorm,
        block: Callable[[torch.Tensor], torch.Tensor],
    ) -> torch.Tensor:
        y = norm(x) if self.normalize_before else x
        y = F.dropout(block(y), p=self.dropout, training=self.training)
        x = x + y
        return x if self.normalize_before else norm(x)

    def _ffn(self, x: torch.Tensor) -> torch.Tensor:
        x = self.activation_fn(self.fc1(x))
        x = F.dropout(x, p=self.activation_dropout, training=self.training)
        return cast(torch.Tensor, self.fc2(x))

    def _feed_forward(self, x: torch.Tensor) -> torch.Tensor:
        return self._residual(x, self.final_layer_norm, self._ffn)


class IndicTransEncoderLayer(_Sublayers):
    def __init__(self, config: IndicTransConfig) -> None:
        super().__init__()
        dim = config.encoder_embed_dim
        self.self_attn = IndicTransAttention(
            dim, config.encoder_attention_heads, dropout=float(config.attention_dropout)
        )
        self.self_attn_layer_norm = nn.LayerNorm(dim)
        self._add_ffn(config, dim, config.encoder_ffn_dim, config.encoder_normalize_before)

    def forward(
        self, hidden_states: torch.Tensor, attention_mask: torch.Tensor | None
    ) -> torch.Tensor:
        hidden_states = self._residual(
            hidden_states,
            self.self_attn_layer_norm,
            lambda x: self.self_attn(x, attention_mask=attention_mask),
        )
        return self._feed_forward(hidden_states)


class IndicTransDecoderLayer(_Sublayers):
    def __init__(self, config: IndicTransConfig, layer_idx: int) -> None:
        super().__init__()
        dim = config.decoder_embed_dim
        heads = config.decoder_attention_heads
        dropout = float(config.attention_dropout)
        self.self_attn = IndicTransAttention(dim, heads, dropout=dropout, layer_idx=layer_idx)
        self.self_attn_layer_norm = nn.LayerNorm(dim)
        self.encoder_attn = IndicTransAttention(
            dim, heads, dropout=dropout, layer_idx=layer_idx, is_cross_attention=True
        )
        self.encoder_attn_layer_norm = nn.LayerNorm(dim)
        self._add_ffn(config, dim, config.decoder_ffn_dim, config.decoder_normalize_before)

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
        return self._feed_forward(hidden_states)


__all__ = [
    "IndicTransAttention",
    "IndicTransDecoderLayer",
    "IndicTransEncoderLayer",
    "key_mask",
    "sinusoidal_table",
    "sinusoids",
]
