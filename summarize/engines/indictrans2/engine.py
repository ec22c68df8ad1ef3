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
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.engines.base import Engine, hub_offline, resolve_model_dir
from summarize.engines.indictrans2.tokenization import TOKENIZER_FILES
from summarize.engines.registry import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG
from summarize.errors import ModelUnavailableError

if TYPE_CHECKING:
    from summarize.engines.indictrans2.codec import IndicTrans2Codec
    from summarize.engines.indictrans2.tokenization import IndicTransTokenizer

# One input after preprocessing: its source tokens and the placeholders substituted in it.
Source = tuple[list[str], dict[int, str]]

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

            path = Path(
                hf_hub_download(model, "pytorch_model.bin", local_files_only=hub_offline())
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


class IndicTrans2Engine(Engine[Source]):
    """Indic <-> English translation with an IndicTrans2 checkpoint.

    ``src_lang`` / ``tgt_lang`` are FLORES-200 codes (default Hindi -> English); the one
    option, ``placeholders``, protects numbers, URLs and e-mails from the model.  Decoding
    settings come from the config like every engine's (``configs/default.yaml`` carries
    IndicTrans2's published ``num_beams: 5, max_length: 256``).
    """

    name = "indictrans2"

    def __init__(
        self, model: str = DEFAULT_MODEL, *, placeholders: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(model, **kwargs)
        self.src_lang = self.src_lang or DEFAULT_SRC_LANG
        self.tgt_lang = self.tgt_lang or DEFAULT_TGT_LANG
        self.placeholders = bool(placeholders)

    # --- loading -----------------------------------------------------------------------

    def _resolve_model_dir(self) -> Path:
        return resolve_indictrans2_dir(self.model_id, self.config_key)

    @property
    def codec(self) -> IndicTrans2Codec:
        from summarize.engines.indictrans2.codec import IndicTrans2Codec

        return self._part(
            "codec",
            lambda: (
                "indictrans2-codec",
                str(self.model_dir),
                self.src_lang,
                self.tgt_lang,
                self.placeholders,
            ),
            lambda: IndicTrans2Codec(
                self.model_dir,
                src_lang=self.src_lang,
                tgt_lang=self.tgt_lang,
                placeholders=self.placeholders,
                max_source_tokens=self._hard_limit(),
            ),
        )

    @property
    def tokenizer(self) -> IndicTransTokenizer:
        return self.codec.tokenizer

    @property
    def model(self) -> Any:
        return self._weights(load_indictrans2_model)

    def _load(self) -> None:
        _ = self.codec, self.model

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

    # --- the template's steps ------------------------------------------------------------

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.codec.count_tokens(list(texts)) if texts else []

    def _prepare(self, texts: list[str]) -> tuple[list[Source], list[int]]:
        # preprocessing (placeholders, script unification) runs once per text, here
        tokens, entities = self.codec.prepare(texts)
        return list(zip(tokens, entities, strict=True)), [len(t) for t in tokens]

    def budget(self, settings: Mapping[str, Any]) -> int:
        # Beam search keeps num_beams hypotheses (and their key/value caches) per input, so
        # the source-token budget of a batch shrinks with the beam size.
        beams = max(1, int(settings.get("num_beams") or 1))
        return max(1, 2 * self.batch_tokens // beams)

    def _generate_batch(self, batch: list[Source], settings: dict[str, Any]) -> list[str]:
        outputs = self.generate_tokens([tokens for tokens, _ in batch], **settings)
        return self.codec.finish(outputs, [entities for _, entities in batch])

    def _finish(self, outputs: list[str]) -> list[str]:
        return outputs  # the processor's postprocessing already produced the final text

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
