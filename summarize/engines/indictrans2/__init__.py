"""IndicTrans2 (AI4Bharat) without ``trust_remote_code``: model, tokeniser, processing, converter.

* :class:`IndicTrans2Engine` (engine name ``indictrans2``): transformers backend;
* :mod:`.modeling` / :mod:`.layers` / :mod:`.configuration`: the architecture, loading the
  published checkpoints by their parameter names (``model_type: "IndicTrans"``);
* :mod:`.tokenization`, :mod:`.processor`, :mod:`.codec`: SentencePiece + dictionaries,
  IndicTransToolkit-equivalent pre/post-processing, the CTranslate2 codec;
* :mod:`.convert`: checkpoint -> CTranslate2 model directory (called by
  :func:`summarize.engines.ctranslate2.convert.convert_model`).

Attributes load lazily so that the CTranslate2 path (codec only) does not import torch.
"""

from __future__ import annotations

from summarize.engines.registry import lazy_exports

_EXPORTS = {
    "IndicTrans2Engine": "summarize.engines.indictrans2.engine",
    "IndicTrans2Codec": "summarize.engines.indictrans2.codec",
    "IndicProcessor": "summarize.engines.indictrans2.processor",
    "IndicTransTokenizer": "summarize.engines.indictrans2.tokenization",
    "IndicTransConfig": "summarize.engines.indictrans2.configuration",
    "IndicTransForConditionalGeneration": "summarize.engines.indictrans2.modeling",
    "convert_indictrans2": "summarize.engines.indictrans2.convert",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy_exports(__name__, _EXPORTS)
