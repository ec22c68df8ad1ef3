"""Evaluation: corpus BLEU / chrF++ for translations, ROUGE for summaries, scored test-set runs.

Numbers are computed the way the field computes them so that they can be put next to
published ones:

* **BLEU and chrF++** come from sacreBLEU (Post, 2018, "A Call for Clarity in Reporting BLEU
  Scores") with its defaults: BLEU with the ``13a`` tokenizer and exponential smoothing,
  chrF++ as ``CHRF(word_order=2)`` (Popović, 2017).  Every score travels with its sacreBLEU
  signature, which says exactly how it was computed.  Files are read as sacreBLEU's own
  command line reads them (UTF-8, one segment a line, trailing whitespace stripped).
* **ROUGE-1/2/L** (Lin, 2004) is Google's ``rouge-score`` implementation, reported as the
  mean F1 over summary pairs, times 100.  Its default tokenizer keeps only ``[a-z0-9]``, so
  any Devanagari text tokenizes to nothing and scores 0.  For Hindi we plug in
  :class:`MultilingualRougeTokenizer`, which follows the tokenisation of XL-Sum's
  multilingual ROUGE (Hasan et al., 2021, ``csebuetnlp/xl-sum`` ``multilingual_rouge_scoring``):
  lowercase, drop control characters, treat every Unicode punctuation character (and ASCII
  non-alphanumerics) as a separator and drop it, then split letters from digits and keep
  other symbols as tokens of their own.  Vowel signs and viramas (combining marks) stay
  inside their word.  (XL-Sum does the letter/digit split with OpenNMT's "aggressive"
  pre-tokenizer; on the 3,122 lines of the FLORES dev files and seed articles both give
  identical tokens except for one malformed line, where a vowel sign follows a space and
  pyonmttok glues it to an escaped space, ``％0020ै``; we keep the bare ``ै``.)
  Stemming is off by default; ``stem=True`` applies Ramanathan & Rao's
  light Hindi stemmer as XL-Sum's ``use_stemmer=True, lang="hindi"`` does (Porter for English
  with rouge-score's tokenizer).  :attr:`RougeScores.tokenization` says which was used.
* :func:`evaluate_dataset` translates a parallel test set with a configured translator and
  scores the output, writing hypotheses, scores and the config used to a folder.

Errors a user can fix (a missing file, different line counts, an empty file, text that is not
UTF-8) are :class:`~summarize.errors.InputError` naming the file; the CLI shows them without a
traceback.
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from summarize.errors import ConfigError, InputError, MissingDependencyError, SummarizeError

REPO_ROOT = Path(__file__).resolve().parent.parent
FLORES_DIR = REPO_ROOT / "data" / "flores200-dev"

# BLEU tokenizers that work offline (the SentencePiece ones download a model).
BLEU_TOKENIZERS = ("13a", "intl", "none", "char")

# Local parallel test sets: name -> (source file, reference files, source lang, target lang).
LOCAL_DATASETS: dict[str, tuple[str, tuple[str, ...], str, str]] = {
    "flores-dev": ("flores-dev.hi", ("flores-dev.en",), "hi", "en"),
}


# --- reading files -------------------------------------------------------------------------


def read_lines(path: str | Path, role: str = "file") -> list[str]:
    """Lines of a UTF-8 text file, one segment a line, trailing whitespace stripped.

    ``path`` "-" reads standard input.  ``role`` ("hypothesis", "reference", ...) only words
    the error messages.  A missing file,
    a directory, bytes that are not UTF-8 and a file with no text at all are
    :class:`InputError` naming the file (and, for bad bytes, the line).
    """
    p = Path(path)
    if str(path) == "-":  # standard input, as sacreBLEU reads a system output
        import sys

        p = Path("<stdin>")
        data = sys.stdin.buffer.read()
    elif not p.exists():
        raise InputError(f"{role} file '{p}' does not exist")
    elif p.is_dir():
        raise InputError(f"{role} file '{p}' is a directory, not a text file")
    else:
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {role} file '{p}': {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(
                f"{role} file '{p}' is UTF-16, not UTF-8; convert it, e.g. "
                f"`iconv -f utf-16 -t utf-8 '{p}'`"
            ) from None
        raise InputError(
            f"{role} file '{p}' is not valid UTF-8 (line {line}, byte {exc.start}: "
            f"{data[exc.start : exc.start + 1]!r}); convert it, e.g. `iconv -f <encoding> -t utf-8`"
        ) from None
    text = text.removeprefix("\ufeff")
    # Universal newlines, as Python's text mode (and so sacreBLEU's CLI) reads files; not
    # str.splitlines(), which would also split at U+2028, form feeds and the like.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line.rstrip() for line in lines]
    if not any(lines):
        raise InputError(f"{role} file '{p}' is empty (no text on any line)")
    return lines


def _check_parallel(named: Sequence[tuple[str, Sequence[str]]]) -> None:
    """All streams have the same number of lines, else an error naming every file and count."""
    counts = {name: len(lines) for name, lines in named}
    if len(set(counts.values())) > 1:
        detail = ", ".join(f"'{name}' has {n}" for name, n in counts.items())
        raise InputError(f"files have different numbers of lines: {detail}")


# --- translation metrics --------------------------------------------------------------------


class TranslationScores(NamedTuple):
    """Corpus BLEU and chrF++ (0-100, full precision) with their sacreBLEU signatures."""

    bleu: float
    chrf: float
    signatures: dict[str, str]  # {"bleu": "nrefs:1|case:mixed|eff:no|tok:13a|...", "chrf": ...}
    n_segments: int = 0
    n_refs: int = 1
    details: dict[str, str] = {}  # sacreBLEU's verbose lines (n-gram precisions, brevity penalty)

    def to_dict(self, width: int = 1) -> dict[str, Any]:
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
    _check_parallel(
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
    hyp: str | Path, refs: Sequence[str | Path], **kwargs: Any
) -> TranslationScores:
    """:func:`score_translation` over files, with input errors naming the files."""
    if not refs:
        raise InputError("at least one reference file is needed")
    hyp_lines = read_lines(hyp, "hypothesis")
    ref_lines = [read_lines(r, "reference") for r in refs]
    _check_parallel(
        [(str(hyp), hyp_lines)]
        + [(str(r), lines) for r, lines in zip(refs, ref_lines, strict=True)]
    )
    return score_translation(hyp_lines, ref_lines, **kwargs)


# --- ROUGE ----------------------------------------------------------------------------------


def _is_punctuation(ch: str) -> bool:
    """Unicode punctuation, plus every ASCII character that is not a letter, digit or space.

    ASCII symbols such as ``$ ^ ` + < = > | ~`` count as punctuation as in BERT's and XL-Sum's
    tokenizers; the Devanagari danda (U+0964) is Unicode punctuation.
    """
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def _char_class(ch: str) -> str:
    if _is_cjk(ord(ch)):
        return "S"  # CJK ideographs are one token each, as in XL-Sum's fallback tokenisation
    cat = unicodedata.category(ch)
    if cat[0] == "L":
        return "L"
    if cat[0] == "N":
        return "N"
    if cat[0] == "M":
        return "M"  # combining mark: belongs to the character before it
    return "S"


class HindiLightStemmer:
    """Ramanathan & Rao's lightweight Hindi stemmer ("A Lightweight Stemmer for Hindi", 2003).

    Strips the longest matching inflectional suffix from a list, leaving at least two
    characters; the stemmer XL-Sum's multilingual ROUGE applies to Hindi when asked to stem.
    """

    # The paper's suffix list, grouped by length in code points (vowel signs count as one).
    SUFFIXES = (
        "ो े ू ु ी ि ा",
        "कर ाओ िए ाई ाए ने नी ना ते ीं ती ता ाँ ां ों ें",
        "ाकर ाइए ाईं ाया ेगी ेगा ोगी ोगे ाने ाना ाते ाती ाता तीं ाओं ाएं ुओं ुएं ुआं",
        "ाएगी ाएगा ाओगी ाओगे एंगी ेंगी एंगे ेंगे ूंगी ूंगा ातीं नाओं नाएं ताओं ताएं ियाँ ियों ियां",
        "ाएंगी ाएंगे ाऊंगी ाऊंगा ाइयाँ ाइयों ाइयां",
    )

    def __init__(self) -> None:
        self._by_length = {
            n: tuple(group.split()) for n, group in enumerate(self.SUFFIXES, start=1)
        }
        assert all(len(x) == n for n, g in self._by_length.items() for x in g)

    def __call__(self, token: str) -> str:
        for n in (5, 4, 3, 2, 1):
            if len(token) > n + 1 and token.endswith(self._by_length[n]):
                return token[:-n]
        return token


class MultilingualRougeTokenizer:
    """Unicode-aware ROUGE tokenizer (XL-Sum's multilingual ROUGE tokenisation).

    Usable as the ``tokenizer`` of ``rouge_score.rouge_scorer.RougeScorer`` (it has a
    ``tokenize(text)`` method) and as a plain callable.  With a ``stemmer`` (a callable on
    one token), tokens longer than ``min_stem_length`` characters are stemmed, as XL-Sum does.
    """

    name = "xlsum-multilingual"

    def __init__(
        self, stemmer: Callable[[str], str] | None = None, min_stem_length: int = 3
    ) -> None:
        self.stemmer = stemmer
        self.min_stem_length = min_stem_length

    @property
    def description(self) -> str:
        stem = (
            "Hindi light stemmer (Ramanathan & Rao 2003)"
            if isinstance(self.stemmer, HindiLightStemmer)
            else ("stemmed" if self.stemmer else "no stemming")
        )
        return (
            "XL-Sum multilingual ROUGE tokenisation (Unicode-aware: lowercase, punctuation "
            f"dropped, letters and digits split; {stem})"
        )

    def tokenize(self, text: str) -> list[str]:
        text = text.lower()
        pieces: list[str] = []
        current: list[str] = []
        current_cls = ""

        def flush() -> None:
            nonlocal current_cls
            if current:
                pieces.append("".join(current))
                current.clear()
            current_cls = ""

        for ch in text:
            if ch in "\t\n\r" or unicodedata.category(ch) == "Zs":
                flush()
                continue
            if ord(ch) == 0 or ch == "\ufffd" or unicodedata.category(ch).startswith("C"):
                continue  # control and format characters (incl. ZWJ/ZWNJ) are dropped
            if _is_punctuation(ch):
                flush()
                continue
            cls = _char_class(ch)
            if cls == "M":  # a combining mark stays with the character before it
                current.append(ch)
                current_cls = current_cls or "L"
                continue
            if cls == "S":  # a symbol (₹, ©, emoji) or CJK ideograph: a token of its own
                flush()
                pieces.append(ch)
                continue
            if current and cls != current_cls:
                flush()
            current.append(ch)
            current_cls = cls
        flush()
        if self.stemmer:
            stem = self.stemmer
            pieces = [stem(p) if len(p) > self.min_stem_length else p for p in pieces]
        return [p for p in pieces if p]

    __call__ = tokenize


class _RougeTokenizerChoice(NamedTuple):
    tokenizer: Any  # an object with tokenize(), or None for rouge-score's default
    use_stemmer: bool
    description: str


ROUGE_TOKENIZERS = ("auto", "rouge-score", "xlsum")
ROUGE_LANGS = ("hi", "en")


def _rouge_tokenizer(lang: str, tokenizer: str, stem: bool) -> _RougeTokenizerChoice:
    if lang not in ROUGE_LANGS:
        raise ConfigError(f"unknown summary language '{lang}'; allowed: {', '.join(ROUGE_LANGS)}")
    if tokenizer not in ROUGE_TOKENIZERS:
        raise ConfigError(
            f"unknown ROUGE tokenizer '{tokenizer}'; allowed: {', '.join(ROUGE_TOKENIZERS)}"
        )
    if tokenizer == "auto":
        tokenizer = "rouge-score" if lang == "en" else "xlsum"
    if tokenizer == "rouge-score":
        if stem and lang != "en":
            raise ConfigError(
                "Porter stemming is for English; for Hindi use --tokenizer xlsum --stem"
            )
        return _RougeTokenizerChoice(
            None,
            stem,
            "rouge-score default tokenisation (lowercase, [a-z0-9] only)"
            + ("; Porter stemming" if stem else "; no stemming"),
        )
    if stem and lang != "hi":
        raise ConfigError(
            "with the xlsum tokenisation only Hindi is stemmed; for English stemming use "
            "--tokenizer rouge-score --stem (Porter)"
        )
    tok = MultilingualRougeTokenizer(HindiLightStemmer() if stem else None)
    return _RougeTokenizerChoice(tok, False, tok.description)


class RougeScores(NamedTuple):
    """Mean ROUGE F1 (0-100) over summary pairs, and how the text was tokenised."""

    rouge1: float
    rouge2: float
    rougeL: float
    n_pairs: int
    lang: str
    tokenization: str
    precision: dict[str, float]
    recall: dict[str, float]
    empty_refs: int = 0  # references that produced no tokens (a tokenisation warning sign)

    def to_dict(self, width: int = 1) -> dict[str, Any]:
        return {
            "pairs": self.n_pairs,
            "lang": self.lang,
            "tokenization": self.tokenization,
            "f1": {"rouge1": self.rouge1, "rouge2": self.rouge2, "rougeL": self.rougeL},
            "rounded": {
                "rouge1": round(self.rouge1, width),
                "rouge2": round(self.rouge2, width),
                "rougeL": round(self.rougeL, width),
            },
            "precision": self.precision,
            "recall": self.recall,
            "empty_references": self.empty_refs,
        }


def _rouge_scorer_module() -> Any:
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise MissingDependencyError("rouge-score", "eval") from None
    return rouge_scorer


def score_summaries(
    hyps: Sequence[str],
    refs: Sequence[str],
    lang: str = "hi",
    *,
    tokenizer: str = "auto",
    stem: bool = False,
) -> RougeScores:
    """ROUGE-1/2/L F1 of each hypothesis against its reference, averaged, times 100.

    ``lang`` "hi" uses :class:`MultilingualRougeTokenizer`, "en" rouge-score's own
    tokenizer (``tokenizer`` overrides).  ``stem`` turns on stemming: Porter for English,
    :class:`HindiLightStemmer` for Hindi.
    An empty pair list gives zeros, not an error.
    """
    choice = _rouge_tokenizer(lang, tokenizer, stem)
    if len(hyps) != len(refs):
        raise InputError(
            f"{len(hyps)} summaries but {len(refs)} references: they must be paired one to one"
        )
    rouge_scorer = _rouge_scorer_module()
    types = ("rouge1", "rouge2", "rougeL")
    scorer = rouge_scorer.RougeScorer(
        list(types), use_stemmer=choice.use_stemmer, tokenizer=choice.tokenizer
    )
    sums = {k: [0.0, 0.0, 0.0] for k in types}  # precision, recall, F1
    tok = choice.tokenizer or _DefaultTok()
    empty_refs = 0
    for hyp, ref in zip(hyps, refs, strict=True):
        if not tok.tokenize(ref):
            empty_refs += 1
        result = scorer.score(ref, hyp)  # rouge-score's order: (target, prediction)
        for k in types:
            s = result[k]
            sums[k][0] += s.precision
            sums[k][1] += s.recall
            sums[k][2] += s.fmeasure
    n = len(hyps)

    def mean(v: float) -> float:
        return 100.0 * v / n if n else 0.0

    return RougeScores(
        rouge1=mean(sums["rouge1"][2]),
        rouge2=mean(sums["rouge2"][2]),
        rougeL=mean(sums["rougeL"][2]),
        n_pairs=n,
        lang=lang,
        tokenization=choice.description,
        precision={k: mean(v[0]) for k, v in sums.items()},
        recall={k: mean(v[1]) for k, v in sums.items()},
        empty_refs=empty_refs,
    )


class _DefaultTok:
    """rouge-score's default tokenizer, only to count references that tokenise to nothing."""

    def __init__(self) -> None:
        from rouge_score import tokenizers

        self._tok = tokenizers.DefaultTokenizer(use_stemmer=False)

    def tokenize(self, text: str) -> list[str]:
        return self._tok.tokenize(text)


def score_summary_files(
    hyp: str | Path, ref: str | Path, lang: str = "hi", **kwargs: Any
) -> RougeScores:
    """:func:`score_summaries` over two files with one summary a line."""
    hyp_lines = read_lines(hyp, "summary")
    ref_lines = read_lines(ref, "reference")
    _check_parallel([(str(hyp), hyp_lines), (str(ref), ref_lines)])
    return score_summaries(hyp_lines, ref_lines, lang, **kwargs)


# --- scoring a translator on a test set -------------------------------------------------------


class TextTranslator(Protocol):
    def translate_texts(self, texts: list[str]) -> list[str]: ...


@dataclass
class ParallelSet:
    """A test set: sources and one or more reference streams, line-aligned."""

    name: str
    sources: list[str]
    refs: list[list[str]]
    src_lang: str | None = None
    tgt_lang: str | None = None
    origin: dict[str, Any] = field(default_factory=dict)  # files or dataset id, for the record

    def limit(self, n: int | None) -> ParallelSet:
        if n is None:
            return self
        if n < 1:
            raise InputError(f"--limit must be at least 1 (got {n})")
        return ParallelSet(
            self.name,
            self.sources[:n],
            [r[:n] for r in self.refs],
            self.src_lang,
            self.tgt_lang,
            {**self.origin, "limit": n},
        )


def load_parallel_files(
    src: str | Path, refs: Sequence[str | Path], name: str | None = None
) -> ParallelSet:
    if not refs:
        raise InputError("at least one reference file is needed")
    sources = read_lines(src, "source")
    ref_lines = [read_lines(r, "reference") for r in refs]
    _check_parallel(
        [(str(src), sources)] + [(str(r), lines) for r, lines in zip(refs, ref_lines, strict=True)]
    )
    return ParallelSet(
        name or Path(src).stem,
        sources,
        ref_lines,
        origin={"source": str(src), "references": [str(r) for r in refs]},
    )


def load_parallel_set(
    dataset: str | None = None,
    *,
    src: str | Path | None = None,
    refs: Sequence[str | Path] | None = None,
    split: str | None = None,
    src_field: str = "hi",
    ref_field: str = "en",
    load_dataset: Callable[..., Any] | None = None,
) -> ParallelSet:
    """A test set by name (``flores-dev``), from ``hf:NAME[:CONFIG]``, or from src/ref files."""
    if src is not None or refs:
        if dataset:
            raise InputError("give either a dataset or --src/--ref files, not both")
        if src is None or not refs:
            raise InputError("--src and --ref go together: give a source file and a reference file")
        return load_parallel_files(src, refs)
    if not dataset:
        raise InputError("no test set: give --dataset (e.g. flores-dev) or --src and --ref files")
    if dataset in LOCAL_DATASETS:
        src_name, ref_names, sl, tl = LOCAL_DATASETS[dataset]
        ps = load_parallel_files(
            FLORES_DIR / src_name, [FLORES_DIR / r for r in ref_names], dataset
        )
        ps.src_lang, ps.tgt_lang = sl, tl
        return ps
    if dataset.startswith("hf:"):
        return _load_hf(dataset[3:], split, src_field, ref_field, load_dataset)
    known = ", ".join([*LOCAL_DATASETS, "hf:NAME[:CONFIG]"])
    raise InputError(f"unknown dataset '{dataset}'; allowed: {known}")


def _load_hf(
    spec: str,
    split: str | None,
    src_field: str,
    ref_field: str,
    load_dataset: Callable[..., Any] | None,
) -> ParallelSet:
    name, _, config_name = spec.partition(":")
    if not name:
        raise InputError("hf: needs a dataset name, e.g. hf:cfilt/iitb-english-hindi")
    if load_dataset is None:
        try:
            from datasets import load_dataset
        except ImportError:
            raise SummarizeError(
                "--dataset hf:... needs the package 'datasets' (pip install datasets)"
            ) from None
    split = split or "test"
    label = (
        f"'{name}'" + (f" (config '{config_name}')" if config_name else "") + f" split '{split}'"
    )
    try:
        ds = load_dataset(name, config_name or None, split=split)
    except Exception as exc:  # noqa: BLE001 - offline, 404, bad split: all mean "cannot load"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(
            f"could not load dataset {label} with datasets.load_dataset "
            f"({type(exc).__name__}: {first[:300]}). It needs network access or a copy in the "
            "Hugging Face datasets cache; offline, use --src/--ref with local files instead."
        ) from None
    sources, refs = [], []
    for i, row in enumerate(ds):
        sources.append(_field(row, src_field, label, i))
        refs.append(_field(row, ref_field, label, i))
    if not sources:
        raise InputError(f"dataset {label} has no rows")
    return ParallelSet(
        f"hf:{spec}",
        [s.strip() for s in sources],
        [[r.strip() for r in refs]],
        origin={
            "dataset": name,
            "config": config_name or None,
            "split": split,
            "src_field": src_field,
            "ref_field": ref_field,
        },
    )


def _field(row: dict[str, Any], key: str, label: str, index: int) -> str:
    """``row[key]``, or ``row['translation'][key]`` (the layout of WMT-style datasets)."""
    if key in row:
        value = row[key]
    elif isinstance(row.get("translation"), dict) and key in row["translation"]:
        value = row["translation"][key]
    else:
        have = sorted(row)
        if isinstance(row.get("translation"), dict):
            have += [f"translation.{k}" for k in sorted(row["translation"])]
        raise InputError(
            f"dataset {label} row {index} has no field '{key}'; fields: {', '.join(have)} "
            "(choose them with --src-field / --ref-field)"
        )
    if not isinstance(value, str):
        raise InputError(f"dataset {label} row {index}: field '{key}' is not text")
    return value


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

    def to_dict(self, width: int = 1) -> dict[str, Any]:
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


def _check_direction(cfg: Any, data: ParallelSet) -> None:
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


def build_translator(
    config: Any, src_lang: str | None = None, tgt_lang: str | None = None
) -> tuple[TextTranslator, str]:
    """The configured translator (engine from ``translation.engine``) and a one-line description."""
    from summarize.engines.base import create_engine

    if not config.translation.enabled or config.translation.engine is None:
        raise ConfigError(
            f"config '{config.name}' has translation off; `eval run` needs "
            "translation.enabled: true and a translation.engine"
        )
    try:
        from summarize.translate import Translator
    except ImportError as exc:  # pragma: no cover - the translate module is part of the package
        raise SummarizeError(f"the translator is not available: {exc}") from None
    engine = create_engine(config.translation.engine, "translation.engine")
    translator = _make_translator(Translator, engine, config, src_lang, tgt_lang)
    return translator, engine.describe()


def _make_translator(
    cls: Any, engine: Any, config: Any, src_lang: str | None = None, tgt_lang: str | None = None
) -> Any:
    """``Translator(engine, ...)`` with the config's translation settings.

    The test set's languages (ISO 639-1), where known, choose the sentence splitter.
    """
    section = config.translation
    langs = {k: v for k, v in (("src_lang", src_lang), ("tgt_lang", tgt_lang)) if v}
    return cls(engine, section.max_sentence_tokens, section.check_numbers, **langs)


def evaluate_dataset(
    config: Any = "default",
    dataset: str | None = "flores-dev",
    *,
    src: str | Path | None = None,
    refs: Sequence[str | Path] | None = None,
    limit: int | None = None,
    out_dir: str | Path | None = None,
    translator: TextTranslator | None = None,
    split: str | None = None,
    src_field: str = "hi",
    ref_field: str = "en",
    tokenize: str = "13a",
    load_dataset: Callable[..., Any] | None = None,
    log: Callable[[str], None] | None = None,
) -> DatasetEvaluation:
    """Translate a parallel test set with the configured translator and score it.

    ``config`` is a config name, path, dict or :class:`~summarize.config.Config`.  The test
    set comes from ``dataset`` (``flores-dev``, ``hf:NAME[:CONFIG]``) or from ``src``/``refs``
    files.  ``translator`` (anything with ``translate_texts``) replaces the configured one.
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
    ).limit(limit)
    if translator is None:
        _check_direction(cfg, data)
        translator, described = build_translator(cfg, data.src_lang, data.tgt_lang)
    else:
        described = getattr(translator, "describe", lambda: type(translator).__name__)()
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


def _write_lines(path: Path, lines: Sequence[str]) -> None:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


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


def _write_run(out: Path, data: ParallelSet, result: DatasetEvaluation, cfg: Any) -> Path:
    import yaml

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create output folder '{out}': {exc.strerror or exc}") from None
    _write_lines(out / "hypotheses.txt", result.hypotheses)
    _write_lines(out / "sources.txt", data.sources)
    _write_segments(out / "segments.jsonl", data, result.hypotheses)
    ref_names = []
    for i, ref in enumerate(data.refs):
        name = "references.txt" if len(data.refs) == 1 else f"references.{i + 1}.txt"
        _write_lines(out / name, ref)
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


# --- formatting -------------------------------------------------------------------------------


def format_translation_table(scores: TranslationScores, width: int = 1) -> str:
    rows = [
        ("metric", "score", "signature"),
        ("BLEU", f"{scores.bleu:.{width}f}", scores.signatures["bleu"]),
        ("chrF++", f"{scores.chrf:.{width}f}", scores.signatures["chrf"]),
    ]
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    lines = [f"{a:<{w0}}  {b:>{w1}}  {c}" for a, b, c in rows]
    lines.append(
        f"({scores.n_segments} segments, {scores.n_refs} reference stream(s); {scores.details.get('bleu', '')})"
    )
    return "\n".join(lines)


def format_rouge_table(scores: RougeScores, width: int = 1) -> str:
    rows = [
        ("metric", "F1", "P", "R"),
        *[
            (
                label,
                f"{getattr(scores, key):.{width}f}",
                f"{scores.precision[key]:.{width}f}",
                f"{scores.recall[key]:.{width}f}",
            )
            for label, key in (("ROUGE-1", "rouge1"), ("ROUGE-2", "rouge2"), ("ROUGE-L", "rougeL"))
        ],
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        "  ".join(f"{c:<{widths[i]}}" if i == 0 else f"{c:>{widths[i]}}" for i, c in enumerate(r))
        for r in rows
    ]
    lines.append(f"tokenization: {scores.tokenization}")
    lines.append(f"({scores.n_pairs} summary pairs, lang {scores.lang}; mean F1 x 100)")
    return "\n".join(lines)
