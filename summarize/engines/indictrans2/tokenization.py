"""IndicTrans2's tokeniser: SentencePiece pieces looked up in fairseq-style dictionaries.

A published checkpoint directory holds ``model.SRC`` / ``model.TGT`` (SentencePiece models)
and ``dict.SRC.json`` / ``dict.TGT.json`` (``{token: id}``; ids 0-3 are ``<s> <pad> </s>
<unk>``, the source dictionary also has the language tags).  A source line is
``"<src_lang> <tgt_lang> <preprocessed text>"``: the two tags are tokens of their own, the
text is cut into SentencePiece pieces, and ``</s>`` ends the sequence.  The decoder starts
from ``</s>`` and its output pieces are joined and ``▁`` turned back into spaces.
"""

from __future__ import annotations

import json
from pathlib import Path

BOS, PAD, EOS, UNK = "<s>", "<pad>", "</s>", "<unk>"
SPECIAL_TOKENS = (BOS, PAD, EOS, UNK)
SPIECE_SPACE = "\u2581"  # ▁

TOKENIZER_FILES = ("model.SRC", "model.TGT", "dict.SRC.json", "dict.TGT.json")


def _load_vocab(path: Path) -> dict[str, int]:
    with open(path, encoding="utf-8") as f:
        vocab = json.load(f)
    if not isinstance(vocab, dict):
        raise ValueError(f"{path}: expected a JSON object mapping tokens to ids")
    for tok in (PAD, EOS, UNK):
        if tok not in vocab:
            raise ValueError(f"{path}: the vocabulary has no {tok} token")
    return {str(k): int(v) for k, v in vocab.items()}


class IndicTransTokenizer:
    """Encodes preprocessed source lines to tokens/ids and decodes target tokens/ids to text."""

    def __init__(self, model_dir: str | Path) -> None:
        import sentencepiece as spm

        self.model_dir = Path(model_dir)
        missing = [n for n in TOKENIZER_FILES if not (self.model_dir / n).is_file()]
        if missing:
            raise FileNotFoundError(
                f"{self.model_dir} is not an IndicTrans2 tokenizer directory: missing {', '.join(missing)}"
            )
        self.src_vocab = _load_vocab(self.model_dir / "dict.SRC.json")
        self.tgt_vocab = _load_vocab(self.model_dir / "dict.TGT.json")
        self.src_itos = {i: t for t, i in self.src_vocab.items()}
        self.tgt_itos = {i: t for t, i in self.tgt_vocab.items()}
        self.src_spm = spm.SentencePieceProcessor(model_file=str(self.model_dir / "model.SRC"))
        self.tgt_spm = spm.SentencePieceProcessor(model_file=str(self.model_dir / "model.TGT"))
        self.pad_id = self.src_vocab[PAD]
        self.eos_id = self.src_vocab[EOS]
        self.unk_id = self.src_vocab[UNK]
        self.tgt_pad_id = self.tgt_vocab[PAD]
        self.tgt_eos_id = self.tgt_vocab[EOS]
        self.tgt_unk_id = self.tgt_vocab[UNK]

    # --- source side -------------------------------------------------------------------

    def is_lang_tag(self, token: str) -> bool:
        return "_" in token and token in self.src_vocab and token not in SPECIAL_TOKENS

    def source_tokens(self, line: str, add_eos: bool = True) -> list[str]:
        """``"hin_Deva eng_Latn text"`` -> ``["hin_Deva", "eng_Latn", "▁te", "xt", "</s>"]``."""
        words = line.strip().split(" ")
        tags: list[str] = []
        while words and len(tags) < 2 and self.is_lang_tag(words[0]):
            tags.append(words.pop(0))
        pieces = self.src_spm.encode(" ".join(words), out_type=str) if words else []
        return tags + list(pieces) + ([EOS] if add_eos else [])

    def source_ids(self, tokens: list[str]) -> list[int]:
        return [self.src_vocab.get(t, self.unk_id) for t in tokens]

    # --- target side -------------------------------------------------------------------

    def target_tokens(self, text: str, add_eos: bool = True) -> list[str]:
        """Target text -> pieces (+ ``</s>``): what the decoder should produce, for scoring."""
        return list(self.tgt_spm.encode(text, out_type=str)) + ([EOS] if add_eos else [])

    def target_ids(self, tokens: list[str]) -> list[int]:
        return [self.tgt_vocab.get(t, self.tgt_unk_id) for t in tokens]

    def target_id_tokens(self, ids: list[int]) -> list[str]:
        return [self.tgt_itos.get(int(i), UNK) for i in ids]

    @staticmethod
    def detokenize(tokens: list[str]) -> str:
        """Target pieces -> text: special tokens dropped, pieces joined, ``▁`` -> space."""
        kept = [t for t in tokens if t not in (BOS, PAD, EOS)]
        return "".join(kept).replace(SPIECE_SPACE, " ").strip()

    @property
    def src_vocab_size(self) -> int:
        return max(self.src_vocab.values()) + 1

    @property
    def tgt_vocab_size(self) -> int:
        return max(self.tgt_vocab.values()) + 1
