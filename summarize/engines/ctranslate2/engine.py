"""``ctranslate2``: a CTranslate2 model directory, int8 on CPU by default.

CTranslate2 runs quantised Transformer inference in C++ and is 3-6x faster than
transformers fp32 on a 2-core CPU at a third of the memory (see ``benchmarks/engines.py``).
It translates *token strings*; the text side is a :class:`~summarize.engines.ctranslate2.codecs.Codec`
(the model's Hugging Face tokenizer, or IndicTrans2's own), chosen from the files of the
model directory, or of ``tokenizer:`` in the config.

Create the directory with ``summarize models convert MODEL OUT`` (see
:mod:`summarize.engines.ctranslate2.convert`, which fixes CTranslate2's mT5 conversion and copies the tokenizer).

Config: ``dtype`` is the compute type -- ``int8`` (default), ``int8_float32`` or
``float32`` on this CPU (CTranslate2 rejects bf16/fp16 there); ``options``:
``inter_threads`` (batches computed at once: :meth:`Engine.generate` keeps that many in
flight, each on one worker), ``intra_threads`` (threads per batch, 0 = all cores; measured on
2 cores: a second thread per batch gains nothing for IndicTrans2 or mT5, while two
single-threaded batches at once are 1.5-2x faster -- hence ``inter_threads: 2,
intra_threads: 1`` in ``fast-cpu.yaml``; the weights are shared by the workers),
``use_vmap`` (restrict the output vocabulary with the model's ``vmap.txt``, for the
250k-token NLLB/mT5 output layers), ``max_batch_examples``.  Generation settings map onto
``translate_batch``: ``num_beams`` -> ``beam_size``, ``length_penalty``,
``no_repeat_ngram_size``, ``repetition_penalty``, and transformers' ``max_length`` /
``min_length`` (which count the decoder start token) -> ``max_decoding_length`` /
``min_decoding_length``, so that both engines give the same outputs (tested on tiny Marian,
NLLB and mT5: identical beam search, log-probs within 1e-4).  One known difference: with
beam search, transformers applies ``no_repeat_ngram_size`` / ``min_length`` to the
log-probabilities without renormalising them, CTranslate2 renormalises; outputs then agree
with transformers' ``renormalize_logits=True`` and can differ slightly from its default.
``repetition_penalty`` is applied to logits here and to log-probabilities by transformers'
beam search, so it is not comparable between the two.
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from pathlib import Path
from typing import Any

from summarize.engines.base import Engine
from summarize.engines.ctranslate2.codecs import Codec, load_codec
from summarize.errors import ConfigError, MissingDependencyError, ModelUnavailableError

# Sampling and diagnostics settings passed through to translate_batch as they are.
PASSTHROUGH = ("patience", "sampling_topk", "sampling_temperature", "disable_unk", "return_scores")


def _ctranslate2() -> Any:
    try:
        import ctranslate2
    except ImportError:
        raise MissingDependencyError("ctranslate2", "ct2") from None
    return ctranslate2


class CTranslate2Engine(Engine[str]):
    """Translation or summarisation with a converted CTranslate2 model."""

    name = "ctranslate2"

    def __init__(
        self,
        model: str,
        *,
        inter_threads: int = 1,
        intra_threads: int = 0,
        use_vmap: bool = False,
        max_batch_examples: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(model, **kwargs)
        self.inter_threads = int(inter_threads)
        self.intra_threads = int(intra_threads)
        self.use_vmap = bool(use_vmap)
        self.max_batch_examples = max_batch_examples
        self._generation_config: dict[str, Any] | None = None

    # --- loading -----------------------------------------------------------------------

    def _resolve_model_dir(self) -> Path:
        path = super()._resolve_model_dir()
        if not (path / "model.bin").is_file():
            raise ModelUnavailableError(
                self.model_id,
                self.config_key,
                f"{path} is not a CTranslate2 model directory (no model.bin); convert the model "
                f"with `summarize models convert {self.model_id} OUT_DIR` and put OUT_DIR in the config",
            )
        return path

    def _compute_type(self) -> str:
        ct2 = _ctranslate2()
        device = (
            self.device
            if self.device != "auto"
            else ("cuda" if ct2.get_cuda_device_count() else "cpu")
        )
        supported = ct2.get_supported_compute_types(device)
        if self.dtype not in supported:
            where = f" (config key `{self.config_key}.dtype`)" if self.config_key else ""
            raise ConfigError(
                f"CTranslate2 on {device} does not support compute type '{self.dtype}'{where}; "
                f"supported here: {', '.join(sorted(supported))}"
            )
        return self.dtype

    @property
    def translator(self) -> Any:
        def key() -> tuple[Hashable, ...]:
            return (
                self.name,
                str(self.model_id),
                self.device,
                self._compute_type(),
                self.inter_threads,
                self.intra_threads,
            )

        def load() -> Any:
            return _ctranslate2().Translator(
                str(self.model_dir),
                device=self.device,
                compute_type=self._compute_type(),
                inter_threads=self.inter_threads,
                intra_threads=self.intra_threads,
            )

        return self._part("translator", key, load)

    @property
    def codec(self) -> Codec:
        return self._part(
            "codec",
            lambda: ("codec", str(self.model_dir), self.tokenizer_id, self.src_lang, self.tgt_lang),
            lambda: load_codec(
                self.model_dir,
                self.tokenizer_id,
                self.src_lang,
                self.tgt_lang,
                config_key=self.config_key,
            ),
        )

    def _load(self) -> None:
        _ = self.codec, self.translator

    @property
    def parallel_batches(self) -> int:
        # one batch per CTranslate2 worker: translate_batch releases the GIL
        return max(1, self.inter_threads)

    # --- settings ----------------------------------------------------------------------

    def generation_kwargs(self, **overrides: Any) -> dict[str, Any]:
        """``translate_batch`` keyword arguments from the generation settings."""
        g = self.settings(**overrides)
        beams = int(g.get("num_beams") or 1)
        kwargs: dict[str, Any] = {
            "beam_size": beams,
            "max_input_length": 0,  # never truncate: long inputs are split before
            "use_vmap": bool(g.get("use_vmap", self.use_vmap)),
        }
        if beams > 1 and g.get("length_penalty") is not None:
            kwargs["length_penalty"] = float(g["length_penalty"])
        if g.get("no_repeat_ngram_size"):
            kwargs["no_repeat_ngram_size"] = int(g["no_repeat_ngram_size"])
        if g.get("repetition_penalty") not in (None, 1.0):
            kwargs["repetition_penalty"] = float(g["repetition_penalty"])
        # transformers' max_length/min_length count the decoder start token; CTranslate2's
        # decoding lengths count generated tokens only.
        # A model that forces EOS at the last position (Marian's forced_eos_token_id) spends
        # one of those on EOS; CTranslate2 appends EOS without counting it.
        forced_eos = 1 if self.forces_eos() else 0
        if g.get("max_new_tokens"):
            kwargs["max_decoding_length"] = max(1, int(g["max_new_tokens"]) - forced_eos)
        elif g.get("max_length"):
            kwargs["max_decoding_length"] = max(1, int(g["max_length"]) - 1 - forced_eos)
        if g.get("min_length"):
            kwargs["min_decoding_length"] = max(0, int(g["min_length"]) - 1)
        for key in PASSTHROUGH:
            if key in g:
                kwargs[key] = g[key]
        return kwargs

    def generation_config(self) -> dict[str, Any]:
        """The original model's ``generation_config.json`` (copied by ``summarize models convert``)."""
        if self._generation_config is None:
            path = self.model_dir / "generation_config.json"
            try:
                loaded = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
            except ValueError:
                loaded = {}
            self._generation_config = dict(loaded)
        return self._generation_config

    def forces_eos(self) -> bool:
        return self.generation_config().get("forced_eos_token_id") is not None

    # --- the interface -----------------------------------------------------------------

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.codec.count_tokens(list(texts)) if texts else []

    def _generate_batch(self, texts: list[str], settings: dict[str, Any]) -> list[str]:
        tokens, state = self.codec.prepare(texts)
        prefix = self.codec.target_prefix(len(texts))
        results = self.translator.translate_batch(tokens, target_prefix=prefix, **settings)
        return self.codec.finish([r.hypotheses[0] for r in results], state)

    def generate_tokens(self, texts: list[str], **overrides: Any) -> list[list[str]]:
        """Raw output tokens (target prefix included), for tests and diagnostics."""
        tokens, _ = self.codec.prepare(list(texts))
        prefix = self.codec.target_prefix(len(texts))
        settings = self.generation_kwargs(**overrides)
        results = self.translator.translate_batch(tokens, target_prefix=prefix, **settings)
        return [list(r.hypotheses[0]) for r in results]

    def score(self, sources: list[str], targets: list[str]) -> list[list[float]]:
        """Log-probability of each token of each target (EOS included) given its source."""
        if len(sources) != len(targets):
            raise ValueError("score() needs as many targets as sources")
        if not sources:
            return []
        src_tokens, _ = self.codec.prepare(list(sources))
        tgt_tokens = self.codec.prepare_target(list(targets))
        results = self.translator.score_batch(src_tokens, tgt_tokens, max_input_length=0)
        return [list(r.log_probs) for r in results]


__all__ = ["CTranslate2Engine"]
