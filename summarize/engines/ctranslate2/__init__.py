"""CTranslate2: the engine, the codecs that give it text, and the converter that makes its models.

* :mod:`.engine`: :class:`CTranslate2Engine` (engine name ``ctranslate2``), quantised
  Transformer inference in C++;
* :mod:`.codecs`: the text side (a Hugging Face tokenizer, or IndicTrans2's own);
* :mod:`.convert`: transformers / IndicTrans2 checkpoint -> CTranslate2 model directory,
  with the fixes for what CTranslate2's own converter gets wrong.

Attributes load lazily, so that naming the engine in the registry imports nothing heavy.
"""

from __future__ import annotations

from summarize.engines.registry import lazy_exports

_EXPORTS = {
    "CTranslate2Engine": "summarize.engines.ctranslate2.engine",
    "Codec": "summarize.engines.ctranslate2.codecs",
    "load_codec": "summarize.engines.ctranslate2.codecs",
    "ConversionError": "summarize.engines.ctranslate2.convert",
    "convert_model": "summarize.engines.ctranslate2.convert",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy_exports(__name__, _EXPORTS)
