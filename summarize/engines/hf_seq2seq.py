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

from summarize.engines.base import WINDOW, Engine, generate_kwargs
from summarize.errors import ConfigError

# Files of which at least one is present in a Hugging Face tokenizer directory.
HF_TOKENIZER_FILES = (
    "tokenizer.json",
    "tokenizer_config.json",
    "spiece.model",
    "sentencepiece.bpe.model",
    "source.spm",
    "vocab.json",
    "sentencepiece.model",
)


def _torch_dtype(dtype: str) -> Any:
    import torch

    return {"bfloat16": torch.bfloat16, "float16": torch.float16}.get(dtype, torch.float32)


def lang_token(tokenizer: Any, lang: str | None) -> str | None:
    """The vocabulary token that stands for language ``lang``, or None if it has none.

    NLLB and mBART-50 use the code itself (``eng_Latn``, ``en_XX``); M2M100 wraps it
    (``__en__``, via ``get_lang_token``); Marian and mT5 have no language tokens.
    """
    if not lang:
        return None
    getter = getattr(tokenizer, "get_lang_token", None)
    if callable(getter):
        try:
            token = getter(lang)
        except (KeyError, AttributeError, TypeError):
            token = None
        if token:
            return str(token)
    vocab = tokenizer.get_vocab()
    return lang if lang in vocab else None


def has_tokenizer_files(path: str | Path) -> bool:
    path = Path(path)
    return path.is_dir() and any((path / name).is_file() for name in HF_TOKENIZER_FILES)


def load_hf_tokenizer(
    path: str | Path, src_lang: str | None = None, tgt_lang: str | None = None
) -> Any:
    """``AutoTokenizer`` from a directory, with the source language set where it has one."""
    from transformers import AutoTokenizer

    with warnings.catch_warnings():  # MarianTokenizer: "Recommended: pip install sacremoses"
        warnings.filterwarnings("ignore", message=".*sacremoses.*")
        tokenizer = AutoTokenizer.from_pretrained(str(path))
    if src_lang and lang_token(tokenizer, src_lang) and hasattr(tokenizer, "src_lang"):
        tokenizer.src_lang = src_lang  # NLLB / mBART-50 / M2M100: prefixes the source tag
    if tgt_lang and lang_token(tokenizer, tgt_lang) and hasattr(tokenizer, "tgt_lang"):
        tokenizer.tgt_lang = tgt_lang
    return tokenizer


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
            raise ConfigError(
                f"dtype {dtype} (dynamic quantisation) runs on the CPU only, not on {device}; "
                "use float16 or bfloat16 there"
            )
        with warnings.catch_warnings():  # torch.ao deprecation notices; the API still works
            warnings.simplefilter("ignore")
            model = torch.ao.quantization.quantize_dynamic(
                model, {torch.nn.Linear}, dtype=torch.qint8
            )
    else:
        model.to(device)
    return model


class HFSeq2SeqEngine(Engine[str]):
    """Translation or summarisation with a transformers seq2seq model."""

    name = "hf-seq2seq"

    # --- loading -----------------------------------------------------------------------

    @property
    def tokenizer(self) -> Any:
        return self._part(
            "tokenizer",
            lambda: ("hf-tokenizer", str(self.tokenizer_dir()), self.src_lang, self.tgt_lang),
            lambda: load_hf_tokenizer(self.tokenizer_dir(), self.src_lang, self.tgt_lang),
        )

    @property
    def model(self) -> Any:
        return self._weights(load_seq2seq_model)

    def _load(self) -> None:
        _ = self.tokenizer, self.model

    # --- settings ----------------------------------------------------------------------

    def generation_kwargs(self, **overrides: Any) -> dict[str, Any]:
        """transformers ``generate()`` keyword arguments: config, then per-call overrides."""
        kwargs = generate_kwargs(self.settings(**overrides))
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
        return int(limit) if limit and limit < 100_000 else WINDOW

    def _hard_limit(self) -> int | None:
        """Longest input the model can take at all (absolute position embeddings), if any."""
        cfg = self.model.config
        n = getattr(cfg, "max_position_embeddings", None)
        return int(n) if n else None

    # --- the interface -----------------------------------------------------------------

    def count_tokens(self, texts: list[str]) -> list[int]:
        if not texts:
            return []
        return [
            len(ids) for ids in self.tokenizer(list(texts), add_special_tokens=True)["input_ids"]
        ]

    def _generate_batch(self, texts: list[str], settings: dict[str, Any]) -> list[str]:
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
            out = model.generate(**enc, **settings)
        return list(tok.batch_decode(out, skip_special_tokens=True))

    # --- scoring (for parity checks against other backends) ----------------------------

    def target_ids(self, targets: list[str]) -> list[list[int]]:
        """Token ids of reference outputs as the decoder produces them (lang token, ..., EOS)."""
        return [
            list(ids)
            for ids in self.tokenizer(text_target=list(targets), add_special_tokens=True)[
                "input_ids"
            ]
        ]

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


__all__ = [
    "HF_TOKENIZER_FILES",
    "HFSeq2SeqEngine",
    "has_tokenizer_files",
    "lang_token",
    "load_hf_tokenizer",
    "load_seq2seq_model",
    "quiet_loading",
]
