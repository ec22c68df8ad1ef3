"""Translation metrics: corpus BLEU and chrF++ with sacreBLEU, reported with their signatures.

Numbers are computed the way the field computes them so that they can be put next to
published ones: sacreBLEU (Post, 2018, "A Call for Clarity in Reporting BLEU Scores") with
its defaults -- BLEU with the ``13a`` tokenizer and exponential smoothing, chrF++ as
``CHRF(word_order=2)`` (Popović, 2017).  Every score travels with its sacreBLEU signature,
which says exactly how it was computed.  Files are read as sacreBLEU's command line reads
them (:mod:`summarize.eval.files`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from summarize.errors import ConfigError, InputError
from summarize.eval.files import check_parallel, read_parallel

__all__ = [
    "BLEU_TOKENIZERS",
    "TranslationScores",
    "format_translation_table",
    "score_translation",
    "score_translation_files",
]

# BLEU tokenizers that work offline (the SentencePiece ones download a model).
BLEU_TOKENIZERS = ("13a", "intl", "none", "char")


class TranslationScores(NamedTuple):
    """Corpus BLEU and chrF++ (0-100, full precision) with their sacreBLEU signatures."""

    bleu: float
    chrf: float
    signatures: dict[str, str]  # {"bleu": "nrefs:1|case:mixed|eff:no|tok:13a|...", "chrf": ...}
    n_segments: int = 0
    n_refs: int = 1
    details: dict[str, str] = {}  # sacreBLEU's verbose lines (n-gram precisions, brevity penalty)

    def to_dict(self, width: int = 1) -> dict[str, object]:
        return {
            "segments": self.n_segments,
            "references": self.n_refs,
            "bleu": {
                "score": self.bleu,
                "rounded": round(self.bleu, width),
                "signature": self.signatures["bleu"],
                "details": self.details.get("bleu", ""),
            },
            "chrf++": {
                "score": self.chrf,
                "rounded": round(self.chrf, width),
                "signature": self.signatures["chrf"],
                "details": self.details.get("chrf", ""),
            },
        }


def score_translation(
    hyps: Sequence[str],
    refs_list: Sequence[Sequence[str]],
    *,
    tokenize: str = "13a",
    lowercase: bool = False,
) -> TranslationScores:
    """Corpus BLEU (sacreBLEU defaults, ``tokenize`` 13a) and chrF++ (word order 2).

    ``refs_list`` holds one or more reference streams, each parallel to ``hyps``
    (sacreBLEU's layout: ``[[ref1 of seg1, ref1 of seg2, ...], [ref2 of seg1, ...]]``).
    """
    from sacrebleu.metrics import BLEU, CHRF

    if isinstance(refs_list, str) or (refs_list and isinstance(refs_list[0], str)):
        raise TypeError("refs_list must be a list of reference streams (a list of lists of str)")
    if not refs_list:
        raise InputError("at least one reference stream is needed")
    if not hyps:
        raise InputError("no hypotheses to score")
    check_parallel(
        [("hypotheses", hyps)] + [(f"reference {i + 1}", r) for i, r in enumerate(refs_list)]
    )
    if tokenize not in BLEU_TOKENIZERS:
        raise ConfigError(
            f"unknown BLEU tokenizer '{tokenize}'; allowed: {', '.join(BLEU_TOKENIZERS)}"
        )
    hyps = list(hyps)
    refs = [list(r) for r in refs_list]
    bleu = BLEU(tokenize=tokenize, lowercase=lowercase)
    chrf = CHRF(word_order=2, lowercase=lowercase)
    b = bleu.corpus_score(hyps, refs)
    c = chrf.corpus_score(hyps, refs)
    return TranslationScores(
        bleu=float(b.score),
        chrf=float(c.score),
        signatures={"bleu": str(bleu.get_signature()), "chrf": str(chrf.get_signature())},
        n_segments=len(hyps),
        n_refs=len(refs),
        details={"bleu": b.format(width=2), "chrf": c.format(width=2)},
    )


def score_translation_files(
    hyp: str | Path,
    refs: Sequence[str | Path],
    *,
    tokenize: str = "13a",
    lowercase: bool = False,
) -> TranslationScores:
    """:func:`score_translation` over files, with input errors naming the files."""
    hyp_lines, ref_lines = read_parallel(hyp, "hypothesis", refs)
    return score_translation(hyp_lines, ref_lines, tokenize=tokenize, lowercase=lowercase)


def format_translation_table(scores: TranslationScores, width: int = 1) -> str:
    """BLEU and chrF++ with their signatures, as a small aligned table."""
    rows = [
        ("metric", "score", "signature"),
        ("BLEU", f"{scores.bleu:.{width}f}", scores.signatures["bleu"]),
        ("chrF++", f"{scores.chrf:.{width}f}", scores.signatures["chrf"]),
    ]
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    lines = [f"{a:<{w0}}  {b:>{w1}}  {c}" for a, b, c in rows]
    lines.append(
        f"({scores.n_segments} segments, {scores.n_refs} reference stream(s); "
        f"{scores.details.get('bleu', '')})"
    )
    return "\n".join(lines)
