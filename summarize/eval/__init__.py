"""Evaluation: corpus BLEU / chrF++ for translations, ROUGE for summaries, scored test-set runs.

Numbers are computed the way the field computes them so that they can be put next to
published ones:

* :mod:`summarize.eval.mt` -- BLEU and chrF++ from sacreBLEU, with their signatures;
* :mod:`summarize.eval.rouge` -- ROUGE-1/2/L from rouge-score, with XL-Sum's Unicode-aware
  tokenisation for Hindi;
* :mod:`summarize.eval.testsets` -- parallel test sets: FLORES-200 dev from a data
  directory, Hugging Face datasets, pairs of line files;
* :mod:`summarize.eval.run` -- translating a test set with a config's translator and
  scoring it, with every file of the run written down;
* :mod:`summarize.eval.files` -- reading and writing one-segment-a-line files.

Errors a user can fix (a missing file, different line counts, an empty file, text that is not
UTF-8, a missing data directory) are :class:`~summarize.errors.InputError` naming the file;
the CLI shows them without a traceback.
"""

from summarize.eval.files import read_lines
from summarize.eval.mt import (
    BLEU_TOKENIZERS,
    TranslationScores,
    format_translation_table,
    score_translation,
    score_translation_files,
)
from summarize.eval.rouge import (
    ROUGE_LANGS,
    ROUGE_TOKENIZERS,
    MultilingualRougeTokenizer,
    RougeScores,
    format_rouge_table,
    score_summaries,
    score_summary_files,
)
from summarize.eval.run import DatasetEvaluation, evaluate_dataset
from summarize.eval.testsets import (
    LOCAL_DATASETS,
    ParallelSet,
    load_parallel_files,
    load_parallel_set,
)

__all__ = [
    "BLEU_TOKENIZERS",
    "LOCAL_DATASETS",
    "ROUGE_LANGS",
    "ROUGE_TOKENIZERS",
    "DatasetEvaluation",
    "MultilingualRougeTokenizer",
    "ParallelSet",
    "RougeScores",
    "TranslationScores",
    "evaluate_dataset",
    "format_rouge_table",
    "format_translation_table",
    "load_parallel_files",
    "load_parallel_set",
    "read_lines",
    "score_summaries",
    "score_summary_files",
    "score_translation",
    "score_translation_files",
]
