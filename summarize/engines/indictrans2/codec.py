"""IndicTrans2's text side as a :class:`summarize.engines.ctranslate2.codecs.Codec`.

Shared by both backends: the transformers engine (:class:`IndicTrans2Engine`) maps the
tokens to ids itself, the CTranslate2 engine passes them to ``ctranslate2.Translator``.
``prepare`` runs :class:`IndicProcessor` and the SentencePiece tokeniser; its ``state`` is
the list of placeholder maps, one per text, which ``finish`` uses to restore numbers, URLs,
e-mails and tags.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from summarize.engines.indictrans2.processor import IndicProcessor
from summarize.engines.indictrans2.tokenization import IndicTransTokenizer
from summarize.engines.registry import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG
from summarize.errors import ConfigError


class IndicTrans2Codec:
    """IndicProcessor + IndicTrans2's tokeniser for one translation direction."""

    def __init__(
        self,
        model_dir: str | Path,
        src_lang: str | None = DEFAULT_SRC_LANG,
        tgt_lang: str | None = DEFAULT_TGT_LANG,
        *,
        placeholders: bool = True,
        max_source_tokens: int | None = None,
    ) -> None:
        self.tokenizer = IndicTransTokenizer(model_dir)
        self.src_lang = src_lang or DEFAULT_SRC_LANG
        self.tgt_lang = tgt_lang or DEFAULT_TGT_LANG
        for lang in (self.src_lang, self.tgt_lang):
            if lang not in self.tokenizer.src_vocab:
                raise ConfigError(
                    f"language tag '{lang}' is not in {Path(model_dir) / 'dict.SRC.json'}; "
                    "IndicTrans2 uses FLORES-200 codes such as hin_Deva, eng_Latn"
                )
        self.processor = IndicProcessor(placeholders=placeholders)
        self.max_source_tokens = max_source_tokens

    def _tokens(
        self, texts: list[str], truncate: bool = True
    ) -> tuple[list[list[str]], list[dict[int, str]]]:
        prepared = self.processor.preprocess_batch(list(texts), self.src_lang, self.tgt_lang)
        tokens = [self.tokenizer.source_tokens(p.text) for p in prepared]
        if truncate and self.max_source_tokens:
            limit = max(4, int(self.max_source_tokens))
            if any(len(t) > limit for t in tokens):
                warnings.warn(
                    f"IndicTrans2: an input longer than the model's {limit} source positions was cut; "
                    "split long inputs before translating",
                    stacklevel=3,
                )
                tokens = [t if len(t) <= limit else t[: limit - 1] + [t[-1]] for t in tokens]
        return tokens, [p.entities for p in prepared]

    def prepare(self, texts: list[str]) -> tuple[list[list[str]], Any]:
        return self._tokens(texts)

    def prepare_target(self, texts: list[str]) -> list[list[str]]:
        """Target pieces as the decoder produces them, without the final ``</s>``."""
        return [self.tokenizer.target_tokens(t, add_eos=False) for t in texts]

    def target_prefix(self, n: int) -> list[list[str]] | None:
        return None  # the decoder starts from </s>; IndicTrans2 has no target language token

    def finish(self, token_lists: list[list[str]], state: Any) -> list[str]:
        entities = list(state) if state is not None else [{} for _ in token_lists]
        texts = [self.tokenizer.detokenize(list(tokens)) for tokens in token_lists]
        return self.processor.postprocess_batch(texts, entities, self.tgt_lang)

    def count_tokens(self, texts: list[str]) -> list[int]:
        # the full length, so that callers can split what is too long (prepare() would cut it)
        return [len(t) for t in self._tokens(texts, truncate=False)[0]]

    def vocab_size(self) -> int:
        return self.tokenizer.tgt_vocab_size


__all__ = ["IndicTrans2Codec"]
