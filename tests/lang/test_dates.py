"""summarize.lang.dates: one month/weekday table for stamps (parse_date) and mentions."""

from __future__ import annotations

from summarize.lang.dates import DATE_MONTHS, MONTHS, mentions, parse_date


def test_parse_date_forms() -> None:
    assert parse_date("Updated: September 13, 2023 3:22 PM IST").iso == "2023-09-13T15:22:00+05:30"
    assert parse_date("१३ सितंबर, २०२३").iso == "2023-09-13"
    assert parse_date("14 Mar 2024").iso == "2024-03-14"  # an abbreviation safe inside a date
    assert parse_date("10:45 AM, Fri, 3 November 23").iso == "2023-11-03T10:45:00"
    assert parse_date("9 मई 20 लोग") is None  # a count, not a year
    assert parse_date("31/02/2024") is None


def test_ambiguous_abbreviations_are_months_only_in_dates() -> None:
    assert "may" not in MONTHS and "जन" not in MONTHS
    assert DATE_MONTHS["may"] == 5 and DATE_MONTHS["जन"] == 1
    # "may" is a verb and "जन" means people outside a full date
    assert mentions("He may come on 5 may") == {"weekday": set(), "day": set(), "year": set()}
    assert mentions("मंगलवार, 13 सितंबर 2023") == {
        "weekday": {"Tuesday"},
        "day": {"13/9"},
        "year": {"2023"},
    }
