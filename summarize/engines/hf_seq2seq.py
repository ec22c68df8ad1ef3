"""``hf-seq2seq``: any transformers encoder-decoder (Marian, NLLB/M2M100, mBART-50, mT5).

The model and its tokenizer load from a Hub id or a local directory through
:func:`~summarize.engines.base.resolve_model_dir` (one clear error when neither is
available offline), with ``AutoModelForSeq2SeqLM`` / ``AutoTokenizer`` -- the public code
path of every published checkpoint, so the tiny test models exercise it too.

Per model family: NLLB/M2M100 and mBART-50 get ``src_lang`` on the tokenizer (the source
language tag) and the target language token as forced BOS; Marian and mT5 need neither.
Generation settings come from the config (each model's published defaults in ``configs/``)
and can be overridden per call.  ``dtype``: ``float32``, ``bfloat16`` (2-3x faster than fp32
on CPUs with AVX-512 BF16), ``float16`` (GPU), or ``int8`` (PyTorch dynamic quantisation of
the linear layers, CPU).  Inputs are batched by a token budget, sorted by length, and
returned in input order.  :meth:`HFSeq2SeqEngine.score` gives per-token log-probabilities
of given outputs (used to check other backends against this one).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from summarize.engines.base import (
    TORCH_DTYPES,
    Engine,
    cached_load,
    generate_kwargs,
    resolve_model_dir,
)
from summarize.engines.batching import run_batched
from summarize.engines.codecs import lang_token, load_hf_tokenizer


def _torch_dtype(dtype: str) -> Any:
    import torch

    return {"bfloat16": torch.bfloat16, "float16": torch.float16}.get(dtype, torch.float32)


class quiet_loading:  # noqa: N801 - used as a context manager
    """Silence transformers' load-time notices (progress bars; mT5's "tied weights ... will
    NOT tie them", which every published mT5 checkpoint triggers and which is expected)."""

    def __enter__(self) -> None:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        self._level = hf_logging.get_verbosity()
        hf_logging.set_verbosity_error()

    def __exit__(self, *exc: object) -> None:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity(self._level)


def load_seq2seq_model(
    model_dir: str | Path, device: str = "cpu", dtype: str = "float32", model_class: Any = None
) -> Any:
    """A seq2seq model in eval mode on ``device`` in ``dtype`` (int8: dynamic quantisation).

    ``model_class`` defaults to ``AutoModelForSeq2SeqLM``; the IndicTrans2 engine passes its own.
    """
    import torch

    if model_class is None:
        from transformers import AutoModelForSeq2SeqLM as model_class

    with quiet_loading(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = model_class.from_pretrained(str(model_dir), dtype=_torch_dtype(dtype))
    model.eval()
    if dtype in ("int8", "int8_float32"):
        if device != "cpu":
            raise ValueError("dtype int8 (dynamic quantisation) runs on the CPU only")
        with warnings.catch_warnings():  # torch.ao deprecation notices; the API still works
            warnings.simplefilter("ignore")
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    else:
        model.to(device)
    return model


class HFSeq2SeqEngine(Engine):
    """Translation or summarisation with a transformers seq2seq model."""

    name = "hf-seq2seq"

    def __init__(
        self,
        model: str,
        *,
        device: str = "cpu",
        dtype: str = "float32",
        generation: dict[str, Any] | None = None,
        max_input_tokens: int | None = None,
        config_key: str | None = None,
        tokenizer: str | None = None,
        src_lang: str | None = None,
        tgt_lang: str | None = None,
        batch_tokens: int = 2048,
        **options: Any,
    ) -> None:
        if dtype not in TORCH_DTYPES:
            raise ValueError(f"dtype '{dtype}' not supported by hf-seq2seq; allowed: {', '.join(TORCH_DTYPES)}")
        super().__init__(
            model,
            device=device,
            dtype=dtype,
            generation=generation,
            max_input_tokens=max_input_tokens,
            config_key=config_key,
            **options,
        )
        self.tokenizer_id = tokenizer
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.batch_tokens = int(batch_tokens)
        self._model: Any = None
        self._tokenizer: Any = None
        self._model_dir: Path | None = None

    # --- loading -----------------------------------------------------------------------

    @property
    def model_dir(self) -> Path:
        if self._model_dir is None:
            self._model_dir = resolve_model_dir(self.model_id, self.config_key)
        return self._model_dir

    @property
    def tokenizer(self) -> Any:
        if self._tokenizer is None:
            tok_dir = (
                resolve_model_dir(self.tokenizer_id, self.config_key) if self.tokenizer_id else self.model_dir
            )
            key = ("hf-tokenizer", str(tok_dir), self.src_lang, self.tgt_lang)
            self._tokenizer = cached_load(key, lambda: load_hf_tokenizer(tok_dir, self.src_lang, self.tgt_lang))
        return self._tokenizer

    @property
    def model(self) -> Any:
        if self._model is None:
            model_dir = self.model_dir
            key = (self.name, str(self.model_id), self.device, self.dtype)
            self._model = cached_load(key, lambda: load_seq2seq_model(model_dir, self.device, self.dtype))
        return self._model

    def load(self) -> HFSeq2SeqEngine:
        """Load model and tokenizer now (they load on first use otherwise)."""
        _ = self.tokenizer, self.model
        return self

    # --- settings ----------------------------------------------------------------------

    def generation_kwargs(self, **overrides: Any) -> dict[str, Any]:
        """transformers ``generate()`` keyword arguments: config, then per-call overrides."""
        kwargs = generate_kwargs({**self.generation, **overrides})
        forced = self.forced_bos_token_id()
        if forced is not None:
            kwargs.setdefault("forced_bos_token_id", forced)
        return kwargs

    def forced_bos_token_id(self) -> int | None:
        token = lang_token(self.tokenizer, self.tgt_lang)
        return None if token is None else int(self.tokenizer.convert_tokens_to_ids(token))

    def window(self) -> int:
        if self.max_input_tokens:
            return int(self.max_input_tokens)
        limit = getattr(self.tokenizer, "model_max_length", None)
        return int(limit) if limit and limit < 100_000 else 512

    def _hard_limit(self) -> int | None:
        """Longest input the model can take at all (absolute position embeddings), if any."""
        cfg = self.model.config
        n = getattr(cfg, "max_position_embeddings", None)
        return int(n) if n else None

    # --- the interface -----------------------------------------------------------------

    def count_tokens(self, texts: list[str]) -> list[int]:
        if not texts:
            return []
        return [len(ids) for ids in self.tokenizer(list(texts), add_special_tokens=True)["input_ids"]]

    def generate(self, texts: list[str], **overrides: Any) -> list[str]:
        texts = list(texts)
        if not texts:
            return []
        lengths = self.count_tokens(texts)
        kwargs = self.generation_kwargs(**overrides)
        return run_batched(texts, lengths, self.batch_tokens, lambda batch: self._generate_batch(batch, kwargs))

    def _generate_batch(self, texts: list[str], kwargs: dict[str, Any]) -> list[str]:
        import torch

        tok = self.tokenizer
        model = self.model
        limit = self._hard_limit()
        enc = tok(
            texts,
            return_tensors="pt",
            padding=True,
            truncation=limit is not None,
            max_length=limit,
        )
        if limit is not None and any(n > limit for n in self.count_tokens(texts)):
            warnings.warn(
                f"{self.describe()}: an input longer than the model's {limit} positions was cut; "
                "split long inputs before generating",
                stacklevel=3,
            )
        enc = {k: v.to(model.device) for k, v in enc.items()}
        with torch.inference_mode():
            out = model.generate(**enc, **kwargs)
        decoded = tok.batch_decode(out, skip_special_tokens=True)
        return [" ".join(t.split()) for t in decoded]

    # --- scoring (for parity checks against other backends) ----------------------------

    def target_ids(self, targets: list[str]) -> list[list[int]]:
        """Token ids of reference outputs as the decoder produces them (lang token, ..., EOS)."""
        return [list(ids) for ids in self.tokenizer(text_target=list(targets), add_special_tokens=True)["input_ids"]]

    def never_generated_ids(self) -> list[int]:
        """Tokens generation can never produce (single-token ``bad_words_ids``: Marian's <pad>).

        Scoring leaves them out of the softmax like generation does, and like CTranslate2,
        whose Marian conversion drops <pad> from the vocabulary.
        """
        gc = getattr(self.model, "generation_config", None)
        bad = getattr(gc, "bad_words_ids", None) or []
        return sorted({int(b[0]) for b in bad if len(b) == 1})

    def score(self, sources: list[str], targets: list[str]) -> list[list[float]]:
        """Log-probability of each token of each target (EOS included) given its source."""
        import torch

        if len(sources) != len(targets):
            raise ValueError("score() needs as many targets as sources")
        if not sources:
            return []
        tok = self.tokenizer
        model = self.model
        cfg = model.config
        start = cfg.decoder_start_token_id
        pad = cfg.pad_token_id if cfg.pad_token_id is not None else 0
        labels = self.target_ids(targets)
        enc = tok(list(sources), return_tensors="pt", padding=True)
        width = max(len(x) for x in labels)
        dec_in = torch.full((len(labels), width), pad, dtype=torch.long)
        dec_mask = torch.zeros((len(labels), width), dtype=torch.long)
        for i, ids in enumerate(labels):
            seq = [start, *ids[:-1]]
            dec_in[i, : len(seq)] = torch.tensor(seq)
            dec_mask[i, : len(seq)] = 1
        with torch.inference_mode():
            logits = model(
                input_ids=enc["input_ids"].to(model.device),
                attention_mask=enc["attention_mask"].to(model.device),
                decoder_input_ids=dec_in.to(model.device),
                decoder_attention_mask=dec_mask.to(model.device),
            ).logits.float()
            banned = self.never_generated_ids()
            if banned:
                logits[..., banned] = float("-inf")
            logp = torch.log_softmax(logits, dim=-1).cpu()
        return [[float(logp[i, j, t]) for j, t in enumerate(ids)] for i, ids in enumerate(labels)]


__all__ = ["HFSeq2SeqEngine", "load_seq2seq_model"]
