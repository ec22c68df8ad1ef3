"""Faithfulness: invented numbers and names are flagged, supported ones are not."""

from __future__ import annotations

from summarize.faithfulness import (
    check_summary,
    english_entities,
    entity_supported,
    hindi_name_candidates,
    summary_numbers,
)

HI_SOURCE = (
    "इस मुलाकात से कुछ देर पहले उत्तर कोरिया ने समुद्र की दिशा में दो बैलिस्टिक मिसाइल दागे। "
    "किम जोंग उन ने वोस्तोचनी कॉस्मोड्रोम में रूसी राष्ट्रपति व्लादिमीर पुतिन से मुलाकात की। "
    "यह बैठक लगभग दो घंटे तक चली और 2019 के बाद पहली बैठक है।"
)
EN_SOURCE = (
    "Shortly before the meeting North Korea fired two ballistic missiles towards the sea. "
    "Kim Jong-un met Russian President Vladimir Putin at the Vostochny Cosmodrome."
)


def _kinds(flags) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in flags]


def test_invented_number_and_name_are_flagged_in_english() -> None:
    flags = check_summary(
        "Kim Jong Un met Xi Jinping after North Korea fired three missiles in 2021.",
        [HI_SOURCE, EN_SOURCE],
        "en",
    )
    assert ("unsupported-number", "3") in _kinds(flags)
    assert ("unsupported-number", "2021") in _kinds(flags)
    assert ("unsupported-entity", "Xi Jinping") in _kinds(flags)
    assert not [t for k, t in _kinds(flags) if "Kim" in t or "Korea" in t]  # supported


def test_supported_numbers_in_any_script_and_spelling_are_not_flagged() -> None:
    summary = [
        "North Korea fired 2 ballistic missiles.",  # "two" / "दो" in the sources
        "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome.",  # "Kim Jong-un"
        "They first met in २०१९.",  # Devanagari digits
    ]
    assert check_summary(summary, [HI_SOURCE, EN_SOURCE], "en") == []


def test_flags_carry_the_sentence_index() -> None:
    flags = check_summary(["Putin met Kim.", "Kim met Moon Jae-in in 2018."], [EN_SOURCE], "en")
    assert {(f.sentence, f.text) for f in flags} >= {(1, "2018"), (1, "Moon Jae-in")}
    assert all(f.sentence == 1 for f in flags)


def test_hindi_summary_invented_name_and_number() -> None:
    flags = check_summary(
        "शी जिनपिंग ने किम जोंग उन से मुलाकात की और तीन मिसाइलें दागी गईं।", [HI_SOURCE], "hi"
    )
    assert ("unsupported-entity", "शी जिनपिंग") in _kinds(flags)
    assert ("unsupported-number", "3") in _kinds(flags)
    assert not [t for _, t in _kinds(flags) if t in {"किम", "जोंग", "उन", "मुलाकात"}]


def test_hindi_extractive_and_inflected_text_is_not_flagged() -> None:
    assert check_summary(HI_SOURCE.split("। ")[0], [HI_SOURCE], "hi") == []
    # inflection (मिसाइलें / मिसाइल), digits for a number word, a Hindi summary of mixed sources
    assert check_summary("उत्तर कोरिया ने 2 बैलिस्टिक मिसाइलें दागीं।", [HI_SOURCE], "hi") == []
    assert (
        check_summary("पुतिन के साथ किम की बैठक लगभग दो घंटे चली।", [HI_SOURCE, EN_SOURCE], "hi") == []
    )


def test_helpers_and_empty_input() -> None:
    # (number words are summarize.lang.numbers': "दो लाख" is 200000, not 2)
    assert summary_numbers("इन १२ बैंकों में दो लाख, two hundred and 8.5%") == [
        "12",
        "8.5",
        "200000",
        "200",
    ]
    assert english_entities("The Kremlin said. Putin met Kim Jong Un in Vladivostok.") == [
        "Kremlin",
        "Kim Jong Un",
        "Vladivostok",
    ]
    assert entity_supported("Kim Jong-un", ["Kim Jong Un arrived"])
    assert not entity_supported("Xi Jinping", ["Kim Jong Un arrived"])
    assert "की" not in hindi_name_candidates("किम की ट्रेन")
    assert check_summary("", [HI_SOURCE], "hi") == []
    assert check_summary("Three missiles.", [], "en") == []


def test_hindi_names_need_two_tokens_or_a_title_and_inflections_are_common() -> None:
    src = ["रूस के राष्ट्रपति पुतिन ने किम से मुलाकात की।"]
    # a name after a title is reported; inflected common words (ताकतों, पड़ेगी) are not
    flags = check_summary("बैठक में विदेश मंत्री लावरोव भी थे।", src, "hi")
    assert ("unsupported-entity", "लावरोव") in _kinds(flags)
    assert check_summary("दोनों ताकतों को इसकी कीमत चुकानी पड़ेगी।", src, "hi") == []
    # a transliteration variant of a source name is supported (वोस्तोचनी / वोस्तोचन)
    assert (
        check_summary("वोस्तोचन कोस्मोड्रोम में बैठक हुई।", ["वोस्तोचनी कॉस्मोड्रोम में मुलाकात हुई।"], "hi")
        == []
    )


def test_number_words_are_the_shared_table() -> None:
    """The faithfulness check knows every number word the merge knows (summarize.lang.numbers)."""
    source = "हादसे में 13 लोगों की मौत हो गई और 10 लाख रुपये का मुआवजा घोषित हुआ।"
    assert check_summary("हादसे में तेरह लोगों की मौत हो गई।", [source], "hi") == []
    assert check_summary("दस लाख रुपये का मुआवजा घोषित हुआ।", [source], "hi") == []
    flags = check_summary("चौदह लोगों की मौत हो गई।", [source], "hi")
    assert ("unsupported-number", "14") in _kinds(flags)
    # compounds: tens + units add, hundreds and scales multiply, punctuation separates
    assert summary_numbers("twenty five") == ["25"]
    assert summary_numbers("दो लाख पचास हज़ार") == ["250000"]
    assert summary_numbers("2.5 करोड़") == ["2.5", "25000000"]
    assert summary_numbers("two dozen") == ["24"]
    assert summary_numbers("दो तीन") == ["2", "3"]
    assert check_summary("Twenty five people died.", ["25 people died."], "en") == []
