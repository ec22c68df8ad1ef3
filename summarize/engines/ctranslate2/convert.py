"""Convert a transformers seq2seq model to a CTranslate2 model directory, correctly.

Wraps ``ctranslate2.converters.TransformersConverter`` and guards against three ways it
goes wrong silently or obscurely (measured with transformers 5.23 / ctranslate2 4.8.5):

1. **mT5 output scaling.**  transformers 5.x forces ``tie_word_embeddings=True`` on
   ``MT5Config`` whatever the checkpoint says (the model still keeps an untied ``lm_head``
   when the checkpoint has one, and never rescales the decoder output).  CTranslate2's T5
   loader reads the flag and sets ``decoder.scale_outputs = d_model ** -0.5``: every mT5
   checkpoint (XL-Sum, CrossSum) then converts "successfully" to a model whose logits are
   uniformly scaled -- greedy output unchanged, beam search and log-probs wrong.  We probe
   what transformers actually computes (a one-token forward pass compared with
   ``lm_head(hidden)`` and ``lm_head(hidden * d_model**-0.5)``) and set the spec to match.
2. **Missing tokenizer.**  The converter builds the vocabulary from the tokenizer: without
   one, Marian/NLLB fail with a bare ``TypeError`` and mT5 converts with a 104-token
   vocabulary padded by fake ``<extra_id_N>`` entries.  We check for tokenizer files first,
   check that the tokenizer's size matches the model's embedding matrix, and check the
   vocabulary size of the result.
3. **Tokenizer not copied.**  We save the tokenizer into the output directory so that the
   ``ctranslate2`` engine finds it there (see :mod:`summarize.engines.ctranslate2.codecs`).

IndicTrans2 checkpoints (``config.json`` with ``model_type: IndicTrans``) are not known to
the transformers converter; they go to :func:`summarize.engines.indictrans2.convert.convert_indictrans2`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from summarize.engines.base import resolve_model_dir
from summarize.engines.hf_seq2seq import HF_TOKENIZER_FILES, has_tokenizer_files, quiet_loading
from summarize.engines.registry import CTRANSLATE2_TYPES
from summarize.errors import MissingDependencyError, SummarizeError

# The stored weight type at conversion: CTranslate2's one type list (at load time an int8
# model can run as int8, int8_float32 or float32 -- the only ones this CPU supports).
QUANTIZATIONS = CTRANSLATE2_TYPES


class ConversionError(SummarizeError):
    """A model cannot be converted (or would convert wrongly); the message says why."""


def _model_type(model_dir: Path) -> str | None:
    path = model_dir / "config.json"
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("model_type")
    except (ValueError, OSError):
        return None


def is_ctranslate2_dir(path: str | Path) -> bool:
    """A converted CTranslate2 model: ``model.bin`` plus CTranslate2's vocabulary files."""
    path = Path(path)
    return (path / "model.bin").is_file() and any(
        (path / f"{n}_vocabulary.{ext}").is_file()
        for n in ("shared", "source", "target")
        for ext in ("json", "txt")
    )


def transformers_scales_decoder_output(model: Any) -> bool | None:
    """Whether ``model`` multiplies the decoder output by ``d_model**-0.5`` before ``lm_head``.

    Answered by running it (one short input) rather than by reading flags, because the flags
    are exactly what is unreliable.  ``None`` if neither hypothesis reproduces the logits.
    """
    import torch

    cfg = model.config
    d_model = getattr(cfg, "d_model", None)
    head = getattr(model, "lm_head", None)
    if d_model is None or head is None:
        return None
    start = cfg.decoder_start_token_id if cfg.decoder_start_token_id is not None else 0
    eos = cfg.eos_token_id if isinstance(cfg.eos_token_id, int) else 1
    src = torch.tensor([[min(5, cfg.vocab_size - 1), eos]])
    dec = torch.tensor([[start, min(7, cfg.vocab_size - 1)]])
    with torch.inference_mode():
        out = model(input_ids=src, decoder_input_ids=dec, output_hidden_states=True)
        hidden = out.decoder_hidden_states[-1].float()
        logits = out.logits.float()
        w = head.weight.float()
        plain = hidden @ w.T
        scaled = (hidden * d_model**-0.5) @ w.T
        bias = getattr(head, "bias", None)
        if bias is not None:
            plain, scaled = plain + bias.float(), scaled + bias.float()
    tol = 1e-3 * max(1.0, float(logits.abs().max()))
    if torch.allclose(logits, plain, atol=tol, rtol=1e-3):
        return False
    if torch.allclose(logits, scaled, atol=tol, rtol=1e-3):
        return True
    return None


def _config_rule_scales(model: Any) -> bool:
    """Fallback when the probe is inconclusive: the transformers 5.x rule per architecture."""
    cfg = model.config
    if cfg.__class__.__name__ in ("MT5Config", "UMT5Config"):
        return False  # MT5/UMT5 modelling code never rescales
    return bool(getattr(cfg, "scale_decoder_outputs", cfg.tie_word_embeddings))


def check_tokenizer_size(tokenizer: Any, model: Any, model_name: str) -> None:
    """The tokenizer must cover (almost) the whole embedding matrix of the model.

    Published checkpoints pad the matrix a little beyond the tokenizer (mT5: 250112 rows
    for 250100 pieces; NLLB: 2 rows); a tokenizer far smaller is a default one built from
    nothing, whose vocabulary would be silently wrong.
    """
    n_tok = len(tokenizer)
    n_model = int(model.config.vocab_size)
    slack = max(128, n_model // 100)
    if n_tok > n_model + 1 or n_tok < n_model - slack:
        raise ConversionError(
            f"The tokenizer of '{model_name}' has {n_tok} tokens but the model's embedding matrix "
            f"has {n_model} rows: it is not this model's tokenizer (a default tokenizer is built "
            "when the tokenizer files are missing).  Pass the right one with --tokenizer."
        )


def _expected_target_vocab(model: Any) -> int:
    n = int(getattr(model.config, "decoder_vocab_size", None) or model.config.vocab_size)
    if model.config.__class__.__name__ == "MarianConfig":
        n -= 1  # CTranslate2 drops Marian's <pad>: the decoder starts from a zero embedding
    return n


def _converter_class() -> type:
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise MissingDependencyError("ctranslate2", "ct2") from None

    class CheckedTransformersConverter(TransformersConverter):  # type: ignore[misc, valid-type]
        """TransformersConverter with the tokenizer check and the output-scaling fix."""

        def __init__(self, model_dir: str, tokenizer_dir: str | None = None, **kwargs: Any) -> None:
            super().__init__(model_dir, **kwargs)
            self.tokenizer_dir = tokenizer_dir or model_dir
            self.hf_model: Any = None
            self.hf_tokenizer: Any = None
            self.scale_fix: str | None = None

        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            self.hf_model = super().load_model(model_class, model_name_or_path, **kwargs)
            return self.hf_model

        def load_tokenizer(
            self, tokenizer_class: Any, model_name_or_path: str, **kwargs: Any
        ) -> Any:
            tok = tokenizer_class.from_pretrained(self.tokenizer_dir, **kwargs)
            check_tokenizer_size(tok, self.hf_model, str(model_name_or_path))
            self.hf_tokenizer = tok
            return tok

        def _load(self) -> Any:
            spec = super()._load()
            decoder = getattr(spec, "decoder", None)
            if (
                decoder is not None
                and hasattr(decoder, "scale_outputs")
                and self.hf_model is not None
            ):
                from ctranslate2.specs import model_spec

                ct2_scales = not (
                    isinstance(decoder.scale_outputs, str)
                    and decoder.scale_outputs == model_spec.OPTIONAL
                )
                hf_scales = transformers_scales_decoder_output(self.hf_model)
                if hf_scales is None:
                    hf_scales = _config_rule_scales(self.hf_model)
                if ct2_scales and not hf_scales:
                    decoder.scale_outputs = model_spec.OPTIONAL
                    self.scale_fix = (
                        "removed decoder output scaling (untied lm_head, as transformers computes)"
                    )
                elif hf_scales and not ct2_scales:
                    decoder.scale_outputs = float(self.hf_model.config.d_model) ** -0.5
                    self.scale_fix = (
                        "added decoder output scaling d_model**-0.5 (as transformers computes)"
                    )
            return spec

    return CheckedTransformersConverter


def convert_model(
    model: str,
    out_dir: str | Path,
    quantization: str = "int8",
    force: bool = False,
    *,
    tokenizer: str | None = None,
    config_key: str | None = None,
    vmap: str | Path | None = None,
) -> Path:
    """Convert ``model`` (Hub id or directory) to a CTranslate2 directory ``out_dir``.

    The tokenizer is saved into ``out_dir`` too.  ``vmap``: a vocabulary-mapping file (see
    :func:`write_vmap`) stored as ``vmap.txt`` for the engine's ``use_vmap`` option.
    Returns ``out_dir``.
    """
    if quantization not in QUANTIZATIONS:
        raise ConversionError(
            f"quantization '{quantization}' not supported; allowed: {', '.join(QUANTIZATIONS)}"
        )
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()) and not force:
        raise ConversionError(f"{out_dir} exists and is not empty; pass --force to overwrite it")
    model_dir = resolve_model_dir(model, config_key)
    tok_dir = resolve_model_dir(tokenizer, config_key) if tokenizer else model_dir

    if _model_type(model_dir) == "IndicTrans":
        from summarize.engines.indictrans2.convert import convert_indictrans2

        return convert_indictrans2(model_dir, out_dir, quantization=quantization, force=force)
    _check_convertible(model, model_dir, tok_dir)

    converter = _converter_class()(str(model_dir), tokenizer_dir=str(tok_dir))
    if force and out_dir.exists():
        shutil.rmtree(out_dir)
    try:
        with quiet_loading():
            converter.convert(str(out_dir), quantization=quantization, force=True)
    except ConversionError:
        raise
    except ValueError as exc:  # CTranslate2's "not supported" / vocabulary size messages
        raise ConversionError(f"CTranslate2 cannot convert '{model}': {exc}") from None
    _finish_output(out_dir, converter, model, quantization, vmap)
    return out_dir


def _check_convertible(model: str, model_dir: Path, tok_dir: Path) -> None:
    if is_ctranslate2_dir(model_dir):
        raise ConversionError(f"'{model}' is already a CTranslate2 model directory")
    if not has_tokenizer_files(tok_dir):
        raise ConversionError(
            f"No tokenizer files in '{tok_dir}' (looked for {', '.join(HF_TOKENIZER_FILES)}).  The "
            "converter builds the vocabulary from the tokenizer: without it Marian/NLLB conversion "
            "fails and mT5 converts with a wrong vocabulary.  Pass the original model's tokenizer "
            "with --tokenizer (a Hub id or directory)."
        )


def _finish_output(
    out_dir: Path, converter: Any, model: str, quantization: str, vmap: str | Path | None
) -> None:
    """Tokenizer, generation defaults, vocabulary check, vmap and the conversion record."""
    converter.hf_tokenizer.save_pretrained(str(out_dir))
    # The published decoding defaults travel with the model (the ctranslate2 engine reads
    # forced_eos_token_id from it to stop where transformers stops).
    converter.hf_model.generation_config.save_pretrained(str(out_dir))
    _check_output_vocab(out_dir, converter.hf_model, model)
    if vmap is not None:
        shutil.copyfile(vmap, out_dir / "vmap.txt")
    info = {
        "source_model": str(model),
        "quantization": quantization,
        "architecture": converter.hf_model.config.__class__.__name__,
        "vocabulary_size": target_vocab_size(out_dir),
        "fixes": [f for f in [converter.scale_fix] if f],
    }
    (out_dir / "summarize-conversion.json").write_text(json.dumps(info, indent=2) + "\n")


def _read_vocab(path: Path) -> list[str]:
    if path.suffix == ".json":
        return list(json.loads(path.read_text(encoding="utf-8")))
    return path.read_text(encoding="utf-8").splitlines()


def target_vocab_size(ct2_dir: str | Path) -> int:
    """Number of target tokens of a CTranslate2 model directory."""
    ct2_dir = Path(ct2_dir)
    for name in ("target_vocabulary", "shared_vocabulary"):
        for ext in ("json", "txt"):
            path = ct2_dir / f"{name}.{ext}"
            if path.is_file():
                return len(_read_vocab(path))
    raise ConversionError(f"{ct2_dir} has no CTranslate2 vocabulary file")


def _check_output_vocab(out_dir: Path, model: Any, name: str) -> None:
    got = target_vocab_size(out_dir)
    want = _expected_target_vocab(model)
    if got != want:
        raise ConversionError(f"converted '{name}' has {got} target tokens, the model {want}")


def write_vmap(
    tokenizer: Any,
    target_texts: list[str],
    out_path: str | Path,
    *,
    copy_source_tokens: bool = True,
) -> Path:
    """Write a CTranslate2 vocabulary map restricting outputs to tokens seen in ``target_texts``.

    CTranslate2's ``use_vmap`` limits the output layer to the tokens a line with an empty
    source lists (always allowed) plus the tokens listed for source tokens present in the
    batch.  Here: always the special tokens and every token of ``target_texts`` (e.g. an
    English corpus for Hindi -> English), and -- with ``copy_source_tokens`` -- each source
    token may produce itself (names, numbers).  For NLLB and mT5, whose 250k-token output
    layer dominates decoding time, this shrinks the softmax ~10x.
    """
    allowed: set[str] = set(tokenizer.all_special_tokens)
    for ids in tokenizer(list(target_texts), add_special_tokens=True)["input_ids"]:
        allowed.update(tokenizer.convert_ids_to_tokens(ids))
    lines = ["\t" + " ".join(sorted(allowed))]
    if copy_source_tokens:
        vocab = sorted(tokenizer.get_vocab(), key=tokenizer.get_vocab().get)
        lines += [
            f"{tok}\t{tok}"
            for tok in vocab
            if tok not in allowed and tok.strip() and "\t" not in tok
        ]
    out_path = Path(out_path)
    out_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out_path


__all__ = [
    "ConversionError",
    "QUANTIZATIONS",
    "check_tokenizer_size",
    "convert_model",
    "is_ctranslate2_dir",
    "target_vocab_size",
    "transformers_scales_decoder_output",
    "write_vmap",
]
