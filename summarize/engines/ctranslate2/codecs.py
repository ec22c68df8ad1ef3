"""Tokenisation for the CTranslate2 engine: text -> source tokens -> (model) -> tokens -> text.

CTranslate2 translates lists of *token strings*; the text side (tokeniser, language tags,
placeholders, detokenisation) belongs to the model family.  A :class:`Codec` is that text
side.  Two implementations exist:

- :class:`HFTokenizerCodec` (here): any Hugging Face tokenizer -- Marian, NLLB/M2M100,
  mBART-50, mT5 -- including NLLB's source language tag and forced target language token;
- :class:`TokenizersCodec` (here): the same for a T5/mT5 directory (no language tags), read
  with the ``tokenizers`` library alone.  Loading the transformers tokenizer imports
  transformers and torch: 4-6 s and ~450 MB of a cold fast-cpu run on 2 cores, for a
  ``tokenizer.json`` that ``tokenizers`` reads in 0.2 s (issue 13).  Its outputs equal the
  transformers tokenizer's (tested on the tiny mT5); any other directory keeps the
  transformers one;
- ``summarize.engines.indictrans2.codec:IndicTrans2Codec`` (imported for such models only):
  IndicTrans2's own SentencePiece + dictionary tokeniser with its pre/post-processing
  (placeholders for numbers, URLs...).

:func:`load_codec` picks one from the files of a model directory.  The protocol is the
contract between the CTranslate2 engine and both codecs; keep it small:

``prepare(texts) -> (token_lists, state)``
    Source tokens for each text (special tokens included, exactly what the model's encoder
    sees), and an opaque ``state`` that :meth:`Codec.finish` gets back (e.g. the
    placeholders substituted in each text).  ``len(token_lists) == len(texts)``.
``target_prefix(n) -> list[list[str]] | None``
    Tokens every hypothesis must start with (NLLB: ``[["eng_Latn"]] * n``), or ``None``.
``finish(token_lists, state) -> list[str]``
    Output tokens (as returned by CTranslate2, target prefix included) back to text, one per
    input, in order, special tokens dropped, placeholders restored.
``count_tokens(texts) -> list[int]``
    Number of source tokens of each text (special tokens included), for batching and
    window checks; equal to ``len`` of what :meth:`Codec.prepare` gives.

``prepare_target(texts) -> list[list[str]]``
    Target tokens as the decoder produces them (target language token first where the model
    has one), WITHOUT the final EOS, which CTranslate2's ``score_batch`` appends itself
    (used by the engine's ``score`` for log-probability checks).

``load_codec`` constructs IndicTrans2's codec as
``IndicTrans2Codec(tokenizer_dir, src_lang=src_lang, tgt_lang=tgt_lang)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from summarize.engines.base import import_dotted, resolve_model_dir
from summarize.engines.hf_seq2seq import (
    HF_TOKENIZER_FILES,
    has_tokenizer_files,
    lang_token,
    load_hf_tokenizer,
)
from summarize.errors import ModelUnavailableError

# Files that make a directory an IndicTrans2 tokenizer directory (the published layout).
INDICTRANS2_MARKERS = ("model.SRC", "dict.SRC.json")
INDICTRANS2_CODEC = "summarize.engines.indictrans2.codec:IndicTrans2Codec"


@runtime_checkable
class Codec(Protocol):
    """The text side of a CTranslate2 model (see the module docstring for the contract)."""

    def prepare(self, texts: list[str]) -> tuple[list[list[str]], Any]: ...

    def target_prefix(self, n: int) -> list[list[str]] | None: ...

    def finish(self, token_lists: list[list[str]], state: Any) -> list[str]: ...

    def count_tokens(self, texts: list[str]) -> list[int]: ...

    def prepare_target(self, texts: list[str]) -> list[list[str]]: ...


def is_indictrans2_dir(path: str | Path) -> bool:
    path = Path(path)
    return path.is_dir() and any((path / name).is_file() for name in INDICTRANS2_MARKERS)


class HFTokenizerCodec:
    """A :class:`Codec` over a Hugging Face tokenizer (Marian, NLLB/M2M100, mBART-50, mT5)."""

    def __init__(
        self, tokenizer: Any, *, src_lang: str | None = None, tgt_lang: str | None = None
    ) -> None:
        self.tokenizer = tokenizer
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self._tgt_token = lang_token(tokenizer, tgt_lang)

    @classmethod
    def from_dir(
        cls, path: str | Path, *, src_lang: str | None = None, tgt_lang: str | None = None
    ) -> HFTokenizerCodec:
        return cls(
            load_hf_tokenizer(path, src_lang, tgt_lang), src_lang=src_lang, tgt_lang=tgt_lang
        )

    def _ids(self, texts: list[str]) -> list[list[int]]:
        if not texts:
            return []
        return [
            list(ids) for ids in self.tokenizer(list(texts), add_special_tokens=True)["input_ids"]
        ]

    def prepare(self, texts: list[str]) -> tuple[list[list[str]], Any]:
        return [self.tokenizer.convert_ids_to_tokens(ids) for ids in self._ids(texts)], None

    def target_prefix(self, n: int) -> list[list[str]] | None:
        return [[self._tgt_token] for _ in range(n)] if self._tgt_token else None

    def finish(self, token_lists: list[list[str]], state: Any = None) -> list[str]:
        out = []
        for tokens in token_lists:
            ids = self.tokenizer.convert_tokens_to_ids(list(tokens))
            out.append(self.tokenizer.decode(ids, skip_special_tokens=True).strip())
        return out

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(ids) for ids in self._ids(texts)]

    def prepare_target(self, texts: list[str]) -> list[list[str]]:
        if not texts:
            return []
        eos = self.tokenizer.eos_token_id
        out = []
        for ids in self.tokenizer(text_target=list(texts), add_special_tokens=True)["input_ids"]:
            ids = list(ids)
            if ids and ids[-1] == eos:
                ids = ids[:-1]
            out.append(self.tokenizer.convert_ids_to_tokens(ids))
        return out

    def vocab_size(self) -> int:
        return len(self.tokenizer)


# Tokenizer classes whose whole text side is tokenizer.json: no language tags, no extra
# Python-side processing in transformers (T5Tokenizer builds exactly what it saves).
TOKENIZERS_ONLY_CLASSES = ("T5Tokenizer", "T5TokenizerFast")


class TokenizersCodec:
    """A :class:`Codec` over ``tokenizer.json`` read with ``tokenizers`` (T5/mT5 directories)."""

    def __init__(self, path: str | Path) -> None:
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        eos = self.tokenizer.token_to_id("</s>")
        self._eos = eos

    @staticmethod
    def handles(path: str | Path) -> bool:
        """Whether ``path`` is a T5/mT5 tokenizer directory this codec reproduces exactly."""
        import json

        path = Path(path)
        config = path / "tokenizer_config.json"
        if not (path / "tokenizer.json").is_file() or not config.is_file():
            return False
        try:
            data = json.loads(config.read_text(encoding="utf-8"))
        except ValueError:
            return False
        return (
            data.get("tokenizer_class") in TOKENIZERS_ONLY_CLASSES
            and not data.get("clean_up_tokenization_spaces")
            and not data.get("add_prefix_space")
        )

    def _ids(self, texts: list[str]) -> list[list[int]]:
        if not texts:
            return []
        return [e.ids for e in self.tokenizer.encode_batch(list(texts), add_special_tokens=True)]

    def prepare(self, texts: list[str]) -> tuple[list[list[str]], Any]:
        to_token = self.tokenizer.id_to_token
        return [[str(to_token(i)) for i in ids] for ids in self._ids(texts)], None

    def target_prefix(self, n: int) -> list[list[str]] | None:
        return None

    def finish(self, token_lists: list[list[str]], state: Any = None) -> list[str]:
        to_id = self.tokenizer.token_to_id
        unk = to_id("<unk>") or 0
        out = []
        for tokens in token_lists:
            ids: list[int] = [to_id(t) or (0 if t == "<pad>" else unk) for t in tokens]
            out.append(self.tokenizer.decode(ids, skip_special_tokens=True).strip())
        return out

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(ids) for ids in self._ids(texts)]

    def prepare_target(self, texts: list[str]) -> list[list[str]]:
        to_token = self.tokenizer.id_to_token
        out = []
        for ids in self._ids(list(texts)):
            if ids and ids[-1] == self._eos:
                ids = ids[:-1]
            out.append([str(to_token(i)) for i in ids])
        return out

    def vocab_size(self) -> int:
        return int(self.tokenizer.get_vocab_size(with_added_tokens=True))


def load_codec(
    model_dir: str | Path,
    tokenizer: str | Path | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    *,
    config_key: str | None = None,
) -> Codec:
    """The codec for a CTranslate2 model directory.

    The tokenizer comes from ``tokenizer`` (a directory or Hub id, the config's
    ``tokenizer:`` key) when given, else from ``model_dir`` itself (``summarize models
    convert`` copies the tokenizer files there).  A directory in IndicTrans2's layout
    (``model.SRC``, ``dict.SRC.json``) gets IndicTrans2's codec, anything else a Hugging Face
    tokenizer.
    """
    model_dir = Path(model_dir)
    if tokenizer:
        tok_dir = resolve_model_dir(str(tokenizer), config_key)
    else:
        tok_dir = model_dir
    if is_indictrans2_dir(tok_dir):
        cls = import_dotted(INDICTRANS2_CODEC)
        return cls(tok_dir, src_lang=src_lang, tgt_lang=tgt_lang)
    if not has_tokenizer_files(tok_dir):
        raise ModelUnavailableError(
            str(tokenizer or model_dir),
            config_key,
            f"no tokenizer files in {tok_dir} (expected one of {', '.join(HF_TOKENIZER_FILES)} "
            f"or {', '.join(INDICTRANS2_MARKERS)}); convert with `summarize models convert`, which "
            "copies the tokenizer, or set `tokenizer:` in the config to the original model",
        )
    if TokenizersCodec.handles(tok_dir):
        return TokenizersCodec(tok_dir)
    return HFTokenizerCodec.from_dir(tok_dir, src_lang=src_lang, tgt_lang=tgt_lang)


__all__ = [
    "Codec",
    "HFTokenizerCodec",
    "TokenizersCodec",
    "INDICTRANS2_MARKERS",
    "is_indictrans2_dir",
    "load_codec",
]
