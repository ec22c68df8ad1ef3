"""summarize.lang.numbers: digits, number words and quantities, shared by merge and faithfulness."""

from __future__ import annotations

import pytest

from summarize.lang.numbers import (
    NUMBER_WORDS,
    content_stems,
    extract_numbers,
    missing_numbers,
    quantities,
    term,
    word_numbers,
)


def test_digits_of_any_indic_script_are_ascii() -> None:
    assert extract_numbers("इन 12 बैंकों में ८.५% तक ब्याज, 1,00,000 रुपये") == ["12", "8.5", "100000"]
    assert extract_numbers("৪৫ and ੬੭") == ["45", "67"]  # Bengali, Gurmukhi (IndicTrans2's table)
    assert missing_numbers("2 और 2 और 3", "2 and 3") == ["2"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("तेरह लोग", ["13"]),
        ("दस लाख रुपये", ["1000000"]),
        ("दो सौ", ["200"]),
        ("twenty five", ["25"]),
        ("two hundred fifty", ["250"]),
        ("two dozen", ["24"]),
        ("दो लाख पचास हज़ार", ["250000"]),
        ("हज़ार करोड़", ["10000000000"]),
        ("2.5 करोड़", ["25000000"]),
        ("दो तीन दिन", ["2", "3"]),  # "two or three days": two numbers
        ("दो लाख, दो सौ", ["200000", "200"]),  # punctuation ends a phrase
        ("एक दिन", []),  # "एक" is also the indefinite article
    ],
)
def test_number_phrases(text: str, values: list[str]) -> None:
    assert word_numbers(text) == values


def test_quantities_with_unit_and_qualifier() -> None:
    (q,) = quantities("बैठक लगभग दो घंटे चली")
    assert (q.value, q.qualifier, q.gloss) == (2, "~", "about") and q.unit[0] == "घंट"
    (q,) = quantities("The meeting lasted more than 2 hours.")
    assert (q.value, q.qualifier) == (2, ">") and q.describe() == "more than 2 (more than 2 hours)"
    # years and days next to a month are dates
    assert quantities("13 सितंबर 2023 को") == []


def test_terms_map_number_words_to_digits() -> None:
    assert term("तेरह") == "13" and term("मिसाइलें") == "मिसाइ"
    assert "दो" in NUMBER_WORDS and "एक" not in NUMBER_WORDS
    assert content_stems("किम ने दो मिसाइलें दागीं") == ["किम", "2", "मिसाइ", "दाग"]
