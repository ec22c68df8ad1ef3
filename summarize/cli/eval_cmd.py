"""``summarize eval``: score translations and summaries, and score a translator on a test set.

    summarize eval translation --hyp FILE --ref FILE [--ref FILE ...] [--format table|json]
    summarize eval summaries   --hyp FILE --ref FILE --lang hi|en [--format table|json]
    summarize eval run         --dataset flores-dev [--data-dir DIR] --config C [--limit N] [--out DIR]
    summarize eval run         --src FILE --ref FILE --config C ...

Scores are computed by :mod:`summarize.eval` (sacreBLEU for BLEU/chrF++, rouge-score
with a Unicode-aware tokenizer for Hindi ROUGE); this module only handles arguments and
printing.  Input problems exit with 1 and a message naming the file; usage errors with 2.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from summarize.eval.mt import BLEU_TOKENIZERS
from summarize.eval.rouge import ROUGE_LANGS, ROUGE_TOKENIZERS
from summarize.eval.testsets import LOCAL_DATASETS

if TYPE_CHECKING:  # pragma: no cover
    from typing import TypeAlias

    Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score translations (BLEU, chrF++) and summaries (ROUGE); score a translator on a test set",
        description="Score translations (sacreBLEU BLEU and chrF++) and summaries (ROUGE-1/2/L), "
        "or translate a test set with a config's translator and score it.",
    )
    parser.set_defaults(func=_no_subcommand, _eval_parser=parser)
    sub = parser.add_subparsers(dest="eval_command", metavar="WHAT", parser_class=type(parser))
    _register_translation(sub)
    _register_summaries(sub)
    _register_run(sub)


# --- argument groups used by more than one subcommand ---------------------------------------


def _add_tokenize(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--tokenize",
        default="13a",
        choices=BLEU_TOKENIZERS,
        help="BLEU tokenisation (default: 13a)",
    )


def _add_output(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        default="table",
        choices=("table", "json"),
        help="output format (default: table)",
    )
    p.add_argument(
        "--width",
        type=int,
        default=1,
        metavar="N",
        help="decimals shown (default: 1, as sacreBLEU)",
    )


# --- the subcommands ------------------------------------------------------------------------


def _register_translation(sub: Subparsers) -> None:
    tr = sub.add_parser(
        "translation",
        help="corpus BLEU and chrF++ of a system output against references",
        description="Corpus BLEU (13a tokenisation) and chrF++ (word order 2) with sacreBLEU, "
        "printed with their sacreBLEU signatures.  One segment a line, UTF-8.",
    )
    tr.add_argument(
        "--hyp",
        required=True,
        metavar="FILE",
        help="system output, one segment a line ('-': stdin)",
    )
    tr.add_argument(
        "--ref",
        required=True,
        action="append",
        metavar="FILE",
        help="reference translations, line-aligned with --hyp (repeat for several references)",
    )
    _add_tokenize(tr)
    tr.add_argument("--lowercase", action="store_true", help="case-insensitive BLEU and chrF++")
    _add_output(tr)
    tr.set_defaults(func=run_translation)


def _register_summaries(sub: Subparsers) -> None:
    su = sub.add_parser(
        "summaries",
        help="ROUGE-1/2/L F1 of summaries against reference summaries",
        description="ROUGE-1/2/L F1 (mean over summary pairs, x100) with rouge-score.  Hindi uses "
        "a Unicode-aware tokenisation (as XL-Sum's multilingual ROUGE); English rouge-score's own.",
    )
    su.add_argument("--hyp", required=True, metavar="FILE", help="summaries, one a line")
    su.add_argument("--ref", required=True, metavar="FILE", help="reference summaries, one a line")
    su.add_argument("--lang", required=True, choices=ROUGE_LANGS, help="language of the summaries")
    su.add_argument(
        "--tokenizer",
        default="auto",
        choices=ROUGE_TOKENIZERS,
        help="auto: xlsum for hi, rouge-score for en (default: auto)",
    )
    su.add_argument(
        "--stem",
        action="store_true",
        help="stem words: Porter for English, Ramanathan & Rao's light stemmer for Hindi (as XL-Sum)",
    )
    _add_output(su)
    su.set_defaults(func=run_summaries)


def _register_run(sub: Subparsers) -> None:
    ru = sub.add_parser(
        "run",
        help="translate a parallel test set with a config's translator and score it",
        description="Translate a test set with the translator of --config, score it with BLEU and "
        "chrF++, and write hypotheses, scores and the config used to --out.",
    )
    local = ", ".join(f"{name} (in --data-dir)" for name in LOCAL_DATASETS)
    ru.add_argument(
        "--dataset",
        metavar="NAME",
        help=f"test set: {local}, or hf:NAME[:CONFIG] "
        "(datasets.load_dataset; needs network or a cached copy)",
    )
    defaults = ", ".join(f"{spec.default_dir}" for spec in LOCAL_DATASETS.values())
    ru.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"directory of the --dataset files (default: ./{defaults}, from the working directory)",
    )
    ru.add_argument(
        "--src", metavar="FILE", help="source file (instead of --dataset), one segment a line"
    )
    ru.add_argument(
        "--ref", action="append", metavar="FILE", help="reference file for --src (repeatable)"
    )
    ru.add_argument(
        "--config", default="default", help="config name or YAML path (default: default)"
    )
    ru.add_argument("--limit", type=int, metavar="N", help="only the first N segments")
    ru.add_argument(
        "--out", metavar="DIR", help="output folder (default: outputs/eval/<dataset>-<config>)"
    )
    ru.add_argument("--split", help="dataset split for hf: datasets (default: test)")
    ru.add_argument("--src-field", default="hi", help="source field of hf: rows (default: hi)")
    ru.add_argument("--ref-field", default="en", help="reference field of hf: rows (default: en)")
    _add_tokenize(ru)
    _add_output(ru)
    ru.set_defaults(func=run_dataset)


# --- running --------------------------------------------------------------------------------


def _no_subcommand(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    args._eval_parser.print_help(err)
    return 2


def _width(args: argparse.Namespace, err: TextIO) -> int | None:
    if not 0 <= args.width <= 6:
        print(
            f"summarize eval: error: --width must be between 0 and 6 (got {args.width})", file=err
        )
        return None
    return int(args.width)


def _dump(data: dict[str, object], out: TextIO) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def run_translation(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from summarize.eval.mt import format_translation_table, score_translation_files

    width = _width(args, err)
    if width is None:
        return 2
    scores = score_translation_files(
        args.hyp, args.ref, tokenize=args.tokenize, lowercase=args.lowercase
    )
    if args.format == "json":
        _dump({"hypothesis": args.hyp, "references_files": args.ref, **scores.to_dict(width)}, out)
    else:
        print(f"hyp: {args.hyp}", file=out)
        for ref in args.ref:
            print(f"ref: {ref}", file=out)
        print(format_translation_table(scores, width), file=out)
    return 0


def run_summaries(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from summarize.eval.rouge import format_rouge_table, score_summary_files

    width = _width(args, err)
    if width is None:
        return 2
    scores = score_summary_files(
        args.hyp, args.ref, args.lang, tokenizer=args.tokenizer, stem=args.stem
    )
    if args.format == "json":
        _dump({"hypothesis": args.hyp, "reference": args.ref, **scores.to_dict(width)}, out)
    else:
        print(f"hyp: {args.hyp}\nref: {args.ref}", file=out)
        print(format_rouge_table(scores, width), file=out)
    if scores.empty_refs:
        print(
            f"warning: {scores.empty_refs} of {scores.n_pairs} references have no tokens under "
            f"this tokenisation ({scores.tokenization}); is --lang right?",
            file=err,
        )
    return 0


def _default_out(args: argparse.Namespace) -> Path:
    name = args.dataset or Path(args.src).stem
    safe = "".join(
        c if c.isalnum() or c in "-_." else "_" for c in f"{name}-{Path(args.config).stem}"
    )
    return Path("outputs") / "eval" / safe


def run_dataset(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from summarize.eval.mt import format_translation_table
    from summarize.eval.run import evaluate_dataset

    width = _width(args, err)
    if width is None:
        return 2
    if args.dataset and (args.src or args.ref):
        print("summarize eval run: error: give --dataset or --src/--ref, not both", file=err)
        return 2
    if not args.dataset and not (args.src and args.ref):
        print(
            "summarize eval run: error: give --dataset NAME, or --src FILE and --ref FILE", file=err
        )
        return 2
    if args.limit is not None and args.limit < 1:
        print(f"summarize eval run: error: --limit must be at least 1 (got {args.limit})", file=err)
        return 2
    out_dir = Path(args.out) if args.out else _default_out(args)
    result = evaluate_dataset(
        args.config,
        args.dataset,
        src=args.src,
        refs=args.ref,
        limit=args.limit,
        out_dir=out_dir,
        split=args.split,
        src_field=args.src_field,
        ref_field=args.ref_field,
        tokenize=args.tokenize,
        data_dir=args.data_dir,
        log=lambda msg: print(msg, file=err, flush=True),
    )
    if args.format == "json":
        _dump({**result.to_dict(width), "out_dir": str(out_dir)}, out)
    else:
        print(
            f"dataset: {result.dataset} ({len(result.hypotheses)} segments)\n"
            f"config: {result.config_name}  translator: {result.translator}  "
            f"time: {result.seconds:.1f}s",
            file=out,
        )
        print(format_translation_table(result.scores, width), file=out)
        print(
            f"wrote: {out_dir}/ (hypotheses.txt, segments.jsonl, scores.json, config.yaml)",
            file=out,
        )
    return 0
