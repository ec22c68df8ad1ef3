"""summarize.lang.lexicon: the named stop sets are built from the shared function words."""

from __future__ import annotations

from summarize.lang.lexicon import (
    FACT_STOP,
    FUNCTION_WORDS_EN,
    FUNCTION_WORDS_HI,
    NOT_NAMES_EN,
    TOPIC_STOP,
    is_common_hindi,
    stem,
)
from summarize.lang.script import guess_lang, is_latin, nfc, to_ascii_digits, tokens


def test_stop_sets_share_the_function_words() -> None:
    assert FUNCTION_WORDS_EN <= FACT_STOP and FUNCTION_WORDS_EN <= TOPIC_STOP
    assert "के" in FACT_STOP and "के" in TOPIC_STOP and "के" in FUNCTION_WORDS_HI
    # the merge keeps quantifiers as content; the cleaner drops light verbs
    assert "सभी" in FUNCTION_WORDS_HI and "सभी" not in FACT_STOP
    assert "सकता" in TOPIC_STOP and "सकता" not in FUNCTION_WORDS_HI
    assert "the" in NOT_NAMES_EN and "will" not in NOT_NAMES_EN  # "Will Smith"


def test_stem_and_common_words() -> None:
    assert stem("मिसाइलें") == "मिसाइ" and stem("missiles") == "missi"
    assert stem("तेरह") == "तेरह"  # no number mapping here (that is numbers.term)
    assert is_common_hindi("ताकतों") or not is_common_hindi("ओलेगकोजेमायाको")


def test_script_helpers() -> None:
    assert nfc("ज\u093c") == "ज़"
    assert to_ascii_digits("२०२३") == "2023"
    assert tokens("राष्ट्रपति ने २ घंटे बात की, Kim Jong-un") == [
        "राष्ट्रपति", "ने", "2", "घंटे", "बात", "की", "kim", "jong-un",
    ]  # fmt: skip
    assert guess_lang("यह हिंदी का एक लंबा वाक्य है, with words") == "hi"
    assert is_latin("Putin met Kim.") and not is_latin("पुतिन ने Kim से मुलाकात की")
