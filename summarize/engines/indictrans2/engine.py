"""``indictrans2``: IndicTrans2 on transformers 5.x, without ``trust_remote_code``.

The model class is this package's own (:mod:`.modeling`), the tokeniser and the
IndicTransToolkit-equivalent processing too (:mod:`.codec`), so a published checkpoint
directory (``config.json``, ``model.safetensors`` or ``pytorch_model.bin``, ``model.SRC``,
``model.TGT``, ``dict.SRC.json``, ``dict.TGT.json``) or its Hub id is all it needs.
Generation is transformers' ``generate`` (beam search, KV cache).  ``dtype``: ``float32``,
``bfloat16``, ``float16`` (GPU) or ``int8`` (dynamic quantisation of the linear layers, CPU).
"""

from __future__ import annotations

import json
import os
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
from summarize.engines.indictrans2.tokenization import TOKENIZER_FILES
from summarize.errors import ModelUnavailableError

DEFAULT_MODEL = "ai4bharat/indictrans2-indic-en-dist-200M"
# What a download needs: no remote code, and the .bin weights only when there are no
# safetensors (the published repos carry both, 913 MB each for dist-200M).
ALLOW_PATTERNS = [
    "config.json",
    "generation_config.json",
    "model.safetensors",
    "model.SRC",
    "model.TGT",
    "dict.SRC.json",
    "dict.TGT.json",
]
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


def resolve_indictrans2_dir(model: str, config_key: str | None = None) -> Path:
    """Local directory of an IndicTrans2 checkpoint (path, HF cache, or a download)."""
    path = resolve_model_dir(model, config_key, allow_patterns=ALLOW_PATTERNS)
    if (
        not any((path / name).is_file() for name in WEIGHT_FILES)
        and not Path(model).expanduser().is_dir()
    ):
        # A Hub repository with only the pickle weights (older revisions): fetch those.
        try:
            from huggingface_hub import hf_hub_download

            offline = os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes", "on"}
            path = Path(
                hf_hub_download(model, "pytorch_model.bin", local_files_only=offline)
            ).parent
        except Exception:  # noqa: BLE001 - any failure ends in the clear error below
            pass
    if not any((path / name).is_file() for name in WEIGHT_FILES):
        raise ModelUnavailableError(model, config_key, f"no {' or '.join(WEIGHT_FILES)} in {path}")
    missing = [n for n in TOKENIZER_FILES if not (path / n).is_file()]
    if missing:
        raise ModelUnavailableError(
            model, config_key, f"{path} lacks IndicTrans2's tokenizer files {', '.join(missing)}"
        )
    return path


def load_indictrans2_model(
    model_dir: str | Path, device: str = "cpu", dtype: str = "float32"
) -> Any:
    """The checkpoint in ``model_dir`` as :class:`IndicTransForConditionalGeneration`, eval mode."""
    from summarize.engines.hf_seq2seq import load_seq2seq_model
    from summarize.engines.indictrans2.modeling import IndicTransForConditionalGeneration

    return load_seq2seq_model(
        model_dir, device, dtype, model_class=IndicTransForConditionalGeneration
    )


class IndicTrans2Engine(Engine):
    """Indic <-> English translation with an IndicTrans2 checkpoint."""

    name = "indictrans2"

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        device: str = "cpu",
        dtype: str = "float32",
        generation: dict[str, Any] | None = None,
        max_input_tokens: int | None = None,
        config_key: str | None = None,
        src_lang: str | None = "hin_Deva",
        tgt_lang: str | None = "eng_Latn",
        batch_tokens: int = 2048,
        placeholders: bool = True,
        **options: Any,
    ) -> None:
        if dtype not in TORCH_DTYPES:
            raise ValueError(
                f"dtype '{dtype}' not supported by indictrans2; allowed: {', '.join(TORCH_DTYPES)}"
            )
        options.pop("tokenizer", None)  # the checkpoint directory is the tokenizer
        super().__init__(
            model,
            device=device,
            dtype=dtype,
            generation=generation,
            max_input_tokens=max_input_tokens,
            config_key=config_key,
            **options,
        )
        self.src_lang = src_lang or "hin_Deva"
        self.tgt_lang = tgt_lang or "eng_Latn"
        self.batch_tokens = int(batch_tokens)
        self.placeholders = bool(placeholders)
        self._model_dir: Path | None = None
        self._model: Any = None
        self._codec: Any = None

    # --- loading -----------------------------------------------------------------------

    @property
    def model_dir(self) -> Path:
        if self._model_dir is None:
            self._model_dir = resolve_indictrans2_dir(self.model_id, self.config_key)
        return self._model_dir

    @property
    def codec(self) -> Any:
        if self._codec is None:
            from summarize.engines.indictrans2.codec import IndicTrans2Codec

            model_dir = self.model_dir
            key = (
                "indictrans2-codec",
                str(model_dir),
                self.src_lang,
                self.tgt_lang,
                self.placeholders,
            )
            self._codec = cached_load(
                key,
                lambda: IndicTrans2Codec(
                    model_dir,
                    src_lang=self.src_lang,
                    tgt_lang=self.tgt_lang,
                    placeholders=self.placeholders,
                    max_source_tokens=self._hard_limit(),
                ),
            )
        return self._codec

    @property
    def tokenizer(self) -> Any:
        return self.codec.tokenizer

    @property
    def model(self) -> Any:
        if self._model is None:
            model_dir = self.model_dir
            key = (self.name, str(self.model_id), self.device, self.dtype)
            self._model = cached_load(
                key, lambda: load_indictrans2_model(model_dir, self.device, self.dtype)
            )
        return self._model

    def load(self) -> IndicTrans2Engine:
        _ = self.codec, self.model
        return self

    def _config_json(self) -> dict[str, Any]:
        try:
            with open(self.model_dir / "config.json", encoding="utf-8") as f:
                return dict(json.load(f))
        except (OSError, ValueError):
            return {}

    def _hard_limit(self) -> int | None:
        n = self._config_json().get("max_source_positions")
        return int(n) if n else None

    def window(self) -> int:
        if self.max_input_tokens:
            return int(self.max_input_tokens)
        return int(self._hard_limit() or 256)

    # --- settings ----------------------------------------------------------------------

    def generation_kwargs(self, **overrides: Any) -> dict[str, Any]:
        # IndicTrans2's published decoding defaults where the config says nothing
        return generate_kwargs(
            {**self.generation, **overrides}, defaults={"num_beams": 5, "max_length": 256}
        )

    # --- the interface -----------------------------------------------------------------

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.codec.count_tokens(list(texts)) if texts else []

    def generate(self, texts: list[str], **overrides: Any) -> list[str]:
        texts = list(texts)
        if not texts:
            return []
        tokens, entities = self.codec.prepare(texts)
        kwargs = self.generation_kwargs(**overrides)

        def run(batch: list[int]) -> list[str]:
            outputs = self.generate_tokens([tokens[i] for i in batch], **kwargs)
            return self.codec.finish(outputs, [entities[i] for i in batch])

        # Beam search keeps num_beams hypotheses (and their key/value caches) per input, so
        # the source-token budget of a batch shrinks with the beam size.
        beams = max(1, int(kwargs.get("num_beams") or 1))
        budget = max(1, 2 * self.batch_tokens // beams)
        return run_batched(list(range(len(texts))), [len(t) for t in tokens], budget, run)

    def _source_batch(self, token_lists: list[list[str]]) -> tuple[Any, Any]:
        import torch

        tok = self.tokenizer
        ids = [tok.source_ids(t) for t in token_lists]
        width = max(len(x) for x in ids)
        input_ids = torch.full((len(ids), width), tok.pad_id, dtype=torch.long)
        mask = torch.zeros((len(ids), width), dtype=torch.long)
        for i, row in enumerate(ids):
            input_ids[i, : len(row)] = torch.tensor(row, dtype=torch.long)
            mask[i, : len(row)] = 1
        device = self.model.device
        return input_ids.to(device), mask.to(device)

    def generate_tokens(self, token_lists: list[list[str]], **kwargs: Any) -> list[list[str]]:
        """Source token lists (as :meth:`IndicTrans2Codec.prepare` makes them) -> output tokens.

        The output excludes the decoder start token and everything from ``</s>`` on.
        """
        import torch

        if not token_lists:
            return []
        kwargs = self.generation_kwargs(**kwargs)
        input_ids, mask = self._source_batch(token_lists)
        with torch.inference_mode():
            out = self.model.generate(input_ids=input_ids, attention_mask=mask, **kwargs)
        tok = self.tokenizer
        result = []
        for row in out.tolist():
            row = row[1:]  # decoder start token (</s>)
            if tok.tgt_eos_id in row:
                row = row[: row.index(tok.tgt_eos_id)]
            result.append(tok.target_id_tokens(row))
        return result

    # --- scoring (for parity checks against other backends) ----------------------------

    def score_tokens(
        self, source_tokens: list[list[str]], target_tokens: list[list[str]]
    ) -> list[list[float]]:
        """Log-probability of each target token (give ``</s>`` at the end to score it too)."""
        import torch

        if len(source_tokens) != len(target_tokens):
            raise ValueError("score_tokens() needs as many targets as sources")
        if not source_tokens:
            return []
        tok = self.tokenizer
        cfg = self.model.config
        input_ids, mask = self._source_batch(source_tokens)
        labels = [tok.target_ids(t) for t in target_tokens]
        width = max(len(x) for x in labels)
        dec_in = torch.full((len(labels), width), tok.tgt_pad_id, dtype=torch.long)
        for i, ids in enumerate(labels):
            seq = [cfg.decoder_start_token_id, *ids[:-1]]
            dec_in[i, : len(seq)] = torch.tensor(seq, dtype=torch.long)
        with torch.inference_mode():
            logits = self.model(
                input_ids=input_ids,
                attention_mask=mask,
                decoder_input_ids=dec_in.to(input_ids.device),
                use_cache=False,
            ).logits.float()
            logp = torch.log_softmax(logits, dim=-1).cpu()
        return [[float(logp[i, j, t]) for j, t in enumerate(ids)] for i, ids in enumerate(labels)]

    def score(self, sources: list[str], targets: list[str]) -> list[list[float]]:
        """Log-probability of each token of each target text (``</s>`` included) given its source."""
        src, _ = self.codec.prepare(list(sources))
        tgt = [self.tokenizer.target_tokens(t) for t in targets]
        return self.score_tokens(src, tgt)


__all__ = [
    "ALLOW_PATTERNS",
    "DEFAULT_MODEL",
    "IndicTrans2Engine",
    "load_indictrans2_model",
    "resolve_indictrans2_dir",
]
