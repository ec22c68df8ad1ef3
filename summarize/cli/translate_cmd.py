"""``summarize translate``: one Hindi article (or a sentence per line) in, English out.

    summarize translate [FILE|-] --config C [--format txt|json]
    summarize translate [FILE|-] --engine E --model M [--tokenizer T] [--src-lang L] [--tgt-lang L]
                        [--dtype D] [--num-beams N] [--max-length N] [--max-sentence-tokens N]

The input is taken as already-clean text: paragraphs are separated by blank lines, sentences
split with :mod:`summarize.lang.segment` (a line break always ends a sentence, so a file with one
sentence per line works as it is).  Translation runs through
:class:`summarize.translate.Translator` with the config's ``translation`` section or with
the engine and model given on the command line.

``txt`` prints the English paragraphs; numbers that did not reach the translation are
listed on stderr.  ``json`` prints::

    {"engine", "model", "src_lang", "tgt_lang", "text", "paragraphs": [[sentence]],
     "pairs": [{"paragraph", "sentence", "src", "tgt", "pieces", "missing_numbers"}],
     "number_check": {"checked": bool, "sentences": n, "sentences_with_missing": n,
                      "missing": [{"paragraph", "sentence", "numbers"}]}}

Exit 0 on success, 1 when the model is unavailable (one message, no traceback) or the input
cannot be read, 2 for usage and configuration errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from summarize.errors import ConfigError, InputError
from summarize.serialize import translation_view

if TYPE_CHECKING:
    from summarize.translate import Translator

FORMATS = ("txt", "json")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "translate",
        help="translate one Hindi article (or one sentence per line) to English",
        description="Translate already-clean Hindi text sentence by sentence, keeping paragraphs "
        "and the sentence alignment, and check that every number reaches the translation.",
    )
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="text file, or - for stdin (default)"
    )
    parser.add_argument(
        "--config", help="config file or name in configs/ (its `translation` section)"
    )
    parser.add_argument(
        "--engine", help="engine name instead of a config: hf-seq2seq, ctranslate2, indictrans2"
    )
    parser.add_argument("--model", help="Hub id or local directory (with --engine)")
    parser.add_argument(
        "--tokenizer", help="tokenizer Hub id or directory, if not beside the model"
    )
    parser.add_argument(
        "--src-lang",
        default=None,
        help="source language code for NLLB/IndicTrans2 (default hin_Deva)",
    )
    parser.add_argument("--tgt-lang", default=None, help="target language code (default eng_Latn)")
    parser.add_argument(
        "--dtype", default=None, help="float32, bfloat16, int8, int8_float32 (engine-dependent)"
    )
    parser.add_argument(
        "--num-beams", type=int, default=None, help="beam size (default: the config's, or 4)"
    )
    parser.add_argument(
        "--max-length", type=int, default=None, help="maximum output length in tokens"
    )
    parser.add_argument(
        "--max-sentence-tokens",
        type=int,
        default=None,
        help="longer sentences are split at clause boundaries",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="txt", help="output format (default: txt)"
    )
    parser.set_defaults(func=run)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None


def _translator(args: argparse.Namespace) -> Translator:
    """The translator the options describe, built by the Pipeline like every other front end.

    ``--config``: its ``translation`` section, with the engine options given on the command
    line applied; ``--engine``/``--model``: a translation section of just those.
    """
    from summarize.engines.registry import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG
    from summarize.pipeline import Pipeline

    if args.config and (args.engine or args.model):
        raise ConfigError("give either --config or --engine with --model, not both")
    overrides: dict[str, Any] = {
        k: getattr(args, k)
        for k in ("tokenizer", "src_lang", "tgt_lang", "dtype")
        if getattr(args, k) is not None
    }
    overrides.update((k, getattr(args, k)) for k in ("num_beams", "max_length") if getattr(args, k))
    if args.config:
        pipe = Pipeline(args.config, use_cache=False)
        if not pipe.translation_on:
            raise ConfigError(
                f"config '{args.config}' has translation off (translation.enabled: false); "
                "use a config with a translation engine, or --engine and --model"
            )
    elif args.engine and args.model:
        section = {
            "engine": args.engine,
            "model": args.model,
            "src_lang": DEFAULT_SRC_LANG,
            "tgt_lang": DEFAULT_TGT_LANG,
        }
        config = {"name": "command line", "translation": {"enabled": True, "engine": section}}
        pipe = Pipeline(config, use_cache=False)
    else:
        raise ConfigError("give --config C, or --engine E and --model M")
    return pipe.translator(engine=overrides, max_sentence_tokens=args.max_sentence_tokens)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from summarize.lang.segment import split_paragraphs, split_sentences
    from summarize.types import CleanArticle

    translator = _translator(args)
    text = _read(args.file)
    paragraphs = [s for s in (split_sentences(p, "hi") for p in split_paragraphs(text)) if s]
    if not paragraphs:
        raise InputError(f"{'stdin' if args.file == '-' else args.file}: no text to translate")
    article = CleanArticle(
        id="input", source=args.file, title=None, date=None, url=None, paragraphs=paragraphs
    )
    (translated,) = translator.translate_articles([article])
    if args.format == "json":
        json.dump(
            translation_view(translated, translator.check_numbers),
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        out.write(translated.text + "\n")
        for p in translated.pairs:
            if p.missing_numbers:
                print(
                    f"summarize: note: paragraph {p.paragraph + 1}, sentence {p.sentence + 1}: "
                    f"number(s) {', '.join(p.missing_numbers)} missing from the translation",
                    file=err,
                )
    return 0
