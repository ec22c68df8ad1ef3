"""Scoring a translator on a parallel test set: translate, score, write everything down.

:func:`evaluate_dataset` takes a test set (:mod:`summarize.eval.testsets`: ``flores-dev``
from a data directory, a Hugging Face dataset ``hf:NAME[:CONFIG]``, or a pair of line
files), translates its sources with the translator of a config
(``Pipeline(config).translator(...)``, the same translator a run uses), and scores the
output with corpus BLEU and chrF++ (:mod:`summarize.eval.mt`).  With an output folder it
writes the hypotheses, sources, references, per-segment sentence chrF++, the scores and the
config as used, so a number can always be traced back to what made it.

A config that translates the other way than the test set is an error, not a 0 BLEU.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.errors import ConfigError, InputError, SummarizeError
from summarize.eval.files import write_lines
from summarize.eval.mt import TranslationScores, score_translation
from summarize.eval.testsets import DatasetLoader, ParallelSet, load_parallel_set

if TYPE_CHECKING:  # pragma: no cover
    from summarize.config import Config
    from summarize.translate import Translator

__all__ = ["DatasetEvaluation", "evaluate_dataset"]


# --- the run --------------------------------------------------------------------------------


@dataclass
class DatasetEvaluation:
    """The outcome of :func:`evaluate_dataset`."""

    dataset: str
    scores: TranslationScores
    hypotheses: list[str]
    out_dir: Path | None
    seconds: float
    config_name: str
    translator: str

    def to_dict(self, width: int = 1) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "config": self.config_name,
            "translator": self.translator,
            "seconds": round(self.seconds, 3),
            "segments_per_second": round(len(self.hypotheses) / self.seconds, 3)
            if self.seconds > 0
            else None,
            **self.scores.to_dict(width),
        }


# Language codes of the models we configure (NLLB / IndicTrans2 style) -> ISO 639-1.
_LANG_CODES = {"hin_deva": "hi", "eng_latn": "en", "hi": "hi", "en": "en", "hin": "hi", "eng": "en"}


def _check_direction(cfg: Config, data: ParallelSet) -> None:
    """A config that translates the other way than the test set is an error, not a 0 BLEU."""
    spec = cfg.translation.engine if cfg.translation.enabled else None
    if spec is None:
        return
    for side, want, have in (
        ("src_lang", data.src_lang, spec.src_lang),
        ("tgt_lang", data.tgt_lang, spec.tgt_lang),
    ):
        got = _LANG_CODES.get(str(have).lower()) if have else None
        if want and got and got != want:
            raise ConfigError(
                f"config '{cfg.name}': translation.engine.{side} is '{have}', but test set "
                f"'{data.name}' is {data.src_lang}->{data.tgt_lang}"
            )


def _configured_translator(cfg: Config, data: ParallelSet) -> Translator:
    """The config's translator; the test set's languages, where known, choose the splitter."""
    from summarize.pipeline import Pipeline

    _check_direction(cfg, data)
    if not cfg.translation.enabled or cfg.translation.engine is None:
        raise ConfigError(
            f"config '{cfg.name}' has translation off; `eval run` needs "
            "translation.enabled: true and a translation.engine"
        )
    return Pipeline(cfg).translator(src_lang=data.src_lang, tgt_lang=data.tgt_lang)


def evaluate_dataset(
    config: Config | str | Path | dict[str, object] = "default",
    dataset: str | None = "flores-dev",
    *,
    src: str | Path | None = None,
    refs: Sequence[str | Path] | None = None,
    limit: int | None = None,
    out_dir: str | Path | None = None,
    translator: Translator | None = None,
    split: str | None = None,
    src_field: str = "hi",
    ref_field: str = "en",
    tokenize: str = "13a",
    load_dataset: DatasetLoader | None = None,
    data_dir: str | Path | None = None,
    log: Callable[[str], None] | None = None,
) -> DatasetEvaluation:
    """Translate a parallel test set with the configured translator and score it.

    ``config`` is a config name, path, dict or :class:`~summarize.config.Config`.  The test
    set comes from ``dataset`` (``flores-dev``, read from ``data_dir``; ``hf:NAME[:CONFIG]``)
    or from ``src``/``refs`` files.  ``translator`` replaces the configured one.
    ``log`` receives a progress line before the (possibly long) translation starts.
    With ``out_dir``, writes ``hypotheses.txt``, ``sources.txt``, ``references*.txt``,
    ``segments.jsonl`` (per-segment sentence chrF++), ``scores.json`` and ``config.yaml``
    (the config as used, after validation) there.
    """
    from summarize.config import load_config

    cfg = load_config(config)
    data = load_parallel_set(
        None if (src is not None or refs) else dataset,
        src=src,
        refs=refs,
        split=split,
        src_field=src_field,
        ref_field=ref_field,
        load_dataset=load_dataset,
        data_dir=data_dir,
    ).limit(limit)
    translator = translator or _configured_translator(cfg, data)
    described = translator.engine.describe()
    if log:
        log(f"translating {len(data.sources)} segments of {data.name} with {described} ...")
    start = time.perf_counter()
    hyps = translator.translate_texts(list(data.sources))
    seconds = time.perf_counter() - start
    if len(hyps) != len(data.sources):
        raise SummarizeError(
            f"the translator returned {len(hyps)} translations for {len(data.sources)} sources"
        )
    # One segment a line in the hypothesis file, and the score is of exactly what is written.
    hyps = [" ".join(str(h).split()) for h in hyps]
    scores = score_translation(hyps, data.refs, tokenize=tokenize)
    result = DatasetEvaluation(data.name, scores, hyps, None, seconds, cfg.name, described)
    if out_dir is not None:
        result.out_dir = _write_run(Path(out_dir), data, result, cfg)
    return result


# --- the run folder -------------------------------------------------------------------------


def _write_segments(path: Path, data: ParallelSet, hyps: Sequence[str]) -> None:
    """One JSON line per segment: source, references, hypothesis and its sentence chrF++.

    Sentence-level chrF++ is only for finding the worst translations; corpus scores are the
    ones to report.
    """
    from sacrebleu.metrics import CHRF

    chrf = CHRF(word_order=2)
    with path.open("w", encoding="utf-8") as fh:
        for i, hyp in enumerate(hyps):
            refs = [r[i] for r in data.refs]
            record = {
                "index": i,
                "source": data.sources[i],
                "references": refs,
                "hypothesis": hyp,
                "chrf++": round(chrf.sentence_score(hyp, refs).score, 2),
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_run(out: Path, data: ParallelSet, result: DatasetEvaluation, cfg: Config) -> Path:
    import yaml

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create output folder '{out}': {exc.strerror or exc}") from None
    write_lines(out / "hypotheses.txt", result.hypotheses)
    write_lines(out / "sources.txt", data.sources)
    _write_segments(out / "segments.jsonl", data, result.hypotheses)
    ref_names = []
    for i, ref in enumerate(data.refs):
        name = "references.txt" if len(data.refs) == 1 else f"references.{i + 1}.txt"
        write_lines(out / name, ref)
        ref_names.append(name)
    payload = {
        **result.to_dict(),
        "origin": data.origin,
        "files": {
            "hypotheses": "hypotheses.txt",
            "sources": "sources.txt",
            "segments": "segments.jsonl",
            "references": ref_names,
            "config": "config.yaml",
        },
    }
    (out / "scores.json").write_text(
        json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False) + "\n", encoding="utf-8"
    )
    (out / "config.yaml").write_text(
        yaml.safe_dump(cfg.model_dump(mode="json"), sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return out
