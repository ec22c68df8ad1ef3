"""Stage-cache keys: everything a stage's output depends on, hashed.

A key holds the models that made the output (their config sections), the settings, the
input, and a fingerprint of the code of the stage: a package is hashed with every module
in it, and a module name that does not exist is an error rather than a silent empty hash
(a key that hashes nothing never goes stale when the code changes).  Which models a
summary depends on comes from the strategy registry.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import pkgutil
from pathlib import Path

from pydantic import BaseModel

from summarize.cache import Cache, code_fingerprint
from summarize.config import Config
from summarize.strategies.registry import NEED_KEYS, strategy_info
from summarize.types import Article, CleanArticle, TranslatedArticle

# The code each stage's output depends on (packages: every module in them).
CLEAN_CODE = ("summarize.clean", "summarize.lang")
TRANSLATE_CODE = ("summarize.translate", "summarize.lang")
SUMMARIZE_CODE = (
    "summarize.strategies",
    "summarize.salience",
    "summarize.faithfulness",
    "summarize.lang",
)
MERGE_CODE = ("summarize.merge", "summarize.salience", "summarize.faithfulness", "summarize.lang")


@functools.cache
def stage_code(*modules: str) -> str:
    """:func:`~summarize.cache.code_fingerprint` of ``modules`` and of every module of a package,
    and of the data files a package reads as code (its ``*.json``: the cleaner's learned line
    scorer), so that retraining them invalidates what they made."""
    names: list[str] = []
    data = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None:
            raise RuntimeError(f"stage-cache fingerprint names a missing module '{name}'")
        names.append(name)
        if spec.submodule_search_locations is not None:
            found = pkgutil.walk_packages(spec.submodule_search_locations, prefix=f"{name}.")
            names.extend(sorted(m.name for m in found))
            for location in spec.submodule_search_locations:
                for path in sorted(Path(location).rglob("*.json")):
                    data.update(path.name.encode() + b"\0" + path.read_bytes())
    return code_fingerprint(*names) + data.hexdigest()[:8]


def clean_key(config: Config, article: Article) -> str:
    # the embedder judges story blocks (pass 5b of summarize.clean): part of the key
    settings = {
        "clean": config.clean,
        "embeddings": config.embeddings,
        "code": stage_code(*CLEAN_CODE),
    }
    return Cache.key("clean", None, settings, article)


def translation_key(config: Config, article: CleanArticle) -> str:
    tc = config.translation
    settings = {
        "max_sentence_tokens": tc.max_sentence_tokens,
        "check_numbers": tc.check_numbers,
        "code": stage_code(*TRANSLATE_CODE),
    }
    data = {"id": article.id, "lang": article.lang, "paragraphs": article.paragraphs}
    return Cache.key("translate", tc.engine, settings, data)


def _need_section(config: Config, need: str) -> BaseModel | None:
    """The config section of the model behind a strategy need."""
    if need == "embeddings":
        return config.embeddings
    return config.engine_spec(NEED_KEYS[need])


def summary_key(
    config: Config, strategy: str, article: CleanArticle, translation: TranslatedArticle | None
) -> str:
    sc = config.summarization
    on = config.provides("translation")
    # The translation is part of every summary when translation is on: the extractive one
    # is given in it and the faithfulness check reads it as a source for all of them.
    needs = set(strategy_info(strategy).needs) | ({"translation"} if on else set())
    model = {need: _need_section(config, need) for need in NEED_KEYS if need in needs}
    settings = {
        "strategy": strategy,
        "input_fit": sc.input_fit,
        "extractive_sentences": sc.extractive_sentences,
        "code": stage_code(*SUMMARIZE_CODE),
    }
    data = {"article": article, "translation": translation if on else None}
    return Cache.key("summarize", model, settings, data)


def merge_key(
    config: Config, cleaned: list[CleanArticle], translations: list[TranslatedArticle | None]
) -> str:
    abstractive = config.merge.fusion == "abstractive"
    on = config.provides("translation")
    model = {
        "embeddings": config.embeddings,
        "fuse": config.summarization.summarizer if abstractive else None,
        "translation": config.translation.engine if on else None,
    }
    settings = {"merge": config.merge, "code": stage_code(*MERGE_CODE)}
    return Cache.key("merge", model, settings, {"articles": cleaned, "translations": translations})
