"""Published architecture configs of the models the engine benchmark rebuilds (random weights).

Written from the public ``config.json`` / ``generation_config.json`` files on the Hugging
Face Hub (sizes as published; training-only fields such as dropout left out), so that the
benchmark measures the real shapes without downloading anything:

- ``Helsinki-NLP/opus-mt-hi-en``: https://huggingface.co/Helsinki-NLP/opus-mt-hi-en/blob/main/config.json
  (Marian transformer-base: 6+6 layers, 512 wide, 8 heads, FFN 2048, swish, 61,950 tokens,
  shared embeddings; generation: 4 beams, EOS forced, <pad> banned);
- ``facebook/nllb-200-distilled-600M``: https://huggingface.co/facebook/nllb-200-distilled-600M/blob/main/config.json
  (M2M100: 12+12 layers, 1024 wide, 16 heads, FFN 4096, ReLU, 256,206 tokens);
- ``google/mt5-base`` (the shape of ``csebuetnlp/mT5_multilingual_XLSum`` and
  ``csebuetnlp/mT5_m2o_english_crossSum``, both mT5-base fine-tunes):
  https://huggingface.co/google/mt5-base/blob/main/config.json
  (12+12 layers, 768 wide, 12 heads of 64, FFN 2048 gated-GELU, 250,112 embedding rows for
  250,100 SentencePiece pieces, untied output layer; XL-Sum decoding: 4 beams,
  length_penalty 0.6, no_repeat_ngram_size 2, max_length 84).
"""

from __future__ import annotations

from typing import Any

OPUS_MT_HI_EN: dict[str, Any] = {
    "family": "marian",
    "hub_id": "Helsinki-NLP/opus-mt-hi-en",
    "config": {
        "vocab_size": 61950,
        "decoder_vocab_size": 61950,
        "d_model": 512,
        "encoder_layers": 6,
        "decoder_layers": 6,
        "encoder_attention_heads": 8,
        "decoder_attention_heads": 8,
        "encoder_ffn_dim": 2048,
        "decoder_ffn_dim": 2048,
        "activation_function": "swish",
        "max_position_embeddings": 512,
        "scale_embedding": True,
        "share_encoder_decoder_embeddings": True,
        "pad_token_id": 61949,
        "eos_token_id": 0,
        "decoder_start_token_id": 61949,
    },
    "tokenizer_size": 61950,
    "production": {"num_beams": 4},
}

NLLB_200_DISTILLED_600M: dict[str, Any] = {
    "family": "nllb",
    "hub_id": "facebook/nllb-200-distilled-600M",
    "config": {
        "vocab_size": 256206,
        "d_model": 1024,
        "encoder_layers": 12,
        "decoder_layers": 12,
        "encoder_attention_heads": 16,
        "decoder_attention_heads": 16,
        "encoder_ffn_dim": 4096,
        "decoder_ffn_dim": 4096,
        "activation_function": "relu",
        "max_position_embeddings": 1024,
        "scale_embedding": True,
        "pad_token_id": 1,
        "bos_token_id": 0,
        "eos_token_id": 2,
        "decoder_start_token_id": 2,
        "tokenizer_class": "NllbTokenizer",
    },
    "tokenizer_size": 256204,  # 2 embedding rows more than tokenizer entries, as published
    "production": {"num_beams": 4},
}

MT5_BASE: dict[str, Any] = {
    "family": "mt5",
    "hub_id": "google/mt5-base (csebuetnlp/mT5_multilingual_XLSum shape)",
    "config": {
        "vocab_size": 250112,
        "d_model": 768,
        "d_kv": 64,
        "d_ff": 2048,
        "num_layers": 12,
        "num_decoder_layers": 12,
        "num_heads": 12,
        "relative_attention_num_buckets": 32,
        "relative_attention_max_distance": 128,
        "feed_forward_proj": "gated-gelu",
        "tie_word_embeddings": False,
        "pad_token_id": 0,
        "eos_token_id": 1,
        "decoder_start_token_id": 0,
        "tokenizer_class": "T5Tokenizer",
    },
    "tokenizer_size": 250100,
    "production": {
        "num_beams": 4,
        "length_penalty": 0.6,
        "no_repeat_ngram_size": 2,
        "max_length": 84,
    },
}

REAL_CONFIGS: dict[str, dict[str, Any]] = {
    "marian": OPUS_MT_HI_EN,
    "nllb": NLLB_200_DISTILLED_600M,
    "mt5": MT5_BASE,
}
