"""Month and weekday names of Hindi and English, and dates found in text.

Two uses with different needs share one table:

* :func:`parse_date` reads publication stamps of scraped pages (``September 13, 2023``,
  ``13 सितंबर, 2023``, ``2023-09-13``, ``13/09/2023``, with an optional time and ``IST``).
  A day and a year around a month name make the match safe, so it also accepts the
  ambiguous abbreviations of :data:`DATE_ONLY_ABBREVIATIONS` (``may``, ``mar``, ``जन``).
* :func:`mentions` finds weekdays, day-month pairs and years in a sentence token by token
  (for the merge's date conflicts).  There a lone ``may`` is a verb and ``जन`` means
  "people", so it uses :data:`MONTHS` only.

Written by hand: ``dateparser`` and ``dateutil`` do not read Hindi month names with
Devanagari digits, and a stamp is one of a handful of shapes.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarize.lang.script import DEVANAGARI, to_ascii_digits, tokens

__all__ = [
    "MONTHS",
    "DATE_ONLY_ABBREVIATIONS",
    "DATE_MONTHS",
    "HI_MONTH_NAMES",
    "EN_MONTH_NAMES",
    "WEEKDAYS",
    "iso_datetime",
    "EN_WEEKDAY_NAMES",
    "DateMatch",
    "parse_date",
    "mentions",
]

EN_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# Hindi spellings (with and without nukta, half-nasal variants, two common misspellings).
_HI_MONTHS = {
    "जनवरी": 1, "फरवरी": 2, "फ़रवरी": 2, "फरवरि": 2, "मार्च": 3, "अप्रैल": 4, "अप्रेल": 4, "मई": 5,
    "जून": 6, "जुलाई": 7, "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10,
    "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
}  # fmt: skip
_EN_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Month names safe to take as a month wherever they occur ("may" is not: it is also a verb).
MONTHS: dict[str, int] = {
    **_HI_MONTHS,
    **{name: i for i, name in enumerate(EN_MONTH_NAMES, start=1) if name != "may"},
    **_EN_ABBREVIATIONS,
}
# Month names that are only a month inside a full date (a day and a year around them).
DATE_ONLY_ABBREVIATIONS = {"may": 5, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "जन": 1}
DATE_MONTHS: dict[str, int] = {**MONTHS, **DATE_ONLY_ABBREVIATIONS}
HI_MONTH_NAMES = tuple(_HI_MONTHS)

WEEKDAYS = {
    "सोमवार": "Monday", "मंगलवार": "Tuesday", "बुधवार": "Wednesday", "गुरुवार": "Thursday",
    "बृहस्पतिवार": "Thursday", "शुक्रवार": "Friday", "शनिवार": "Saturday", "रविवार": "Sunday",
    "monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday",
    "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday",
}  # fmt: skip
EN_WEEKDAY_NAMES = tuple(w for w in WEEKDAYS if w.isascii())
_HI_WEEKDAY_NAMES = tuple(w for w in WEEKDAYS if not w.isascii())


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so ``sept`` wins over ``sep``)."""
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH_ALT = _alternation(DATE_MONTHS)
# An optional weekday before a date: "Wed, Sep 13, 2023", "बुधवार, 13 सितंबर 2023".
_WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+|"
    rf"(?:{'|'.join(_HI_WEEKDAY_NAMES)})\s*,?\s+)?"
)
_DATE_PATTERNS = [
    # September 13, 2023 / Sep 13 , 2023 / Wed Sep 13 , 2023
    re.compile(
        rf"{_WEEKDAY}(?<![A-Za-z{DEVANAGARI}])(?P<mon>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year>\d{{4}})",
        re.IGNORECASE,
    ),
    # 13 September 2023 / 13 सितंबर, 2023 / 14 Mar 2024 / 3 November 23
    re.compile(
        rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_ALT})\.?\s*,?\s*(?P<year>\d{{4}}|\d{{2}}(?![\d:.]))",
        re.IGNORECASE,
    ),
    # 2023-09-13
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"),
    # 13/09/2023, 13.09.2023, 13-09-2023 (day first, as in India)
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})[/.\-](?P<mnum>\d{1,2})[/.\-](?P<year>\d{4})(?![\d])"),
]
TIME_RE = re.compile(
    r"(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?|बजे|पूर्वाह्न|अपराह्न)?\s*\(?(?P<tz>IST|GMT|UTC|\+05:?30)?\)?",
    re.IGNORECASE,
)
# What may stand between a date and its time: "| 3:22 PM IST", ", 15:23 IST", "अपडेट: 11:30"
_TIME_LEAD_RE = re.compile(
    r"\s*[,|/\-–—]?\s*(?:at\s+|समय\s*:?\s*|(?:updated|अपडेटेड|अपडेट)\s*:?\s*)?", re.I
)
# A time right before the date: "10:45 AM, Fri, 3 November 23"
_TIME_BEFORE_RE = re.compile(
    r"(\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:IST)?)\s*[,|/\-–—]?\s*$", re.I
)


@dataclass
class DateMatch:
    iso: str
    start: int
    end: int  # span of the date (and time) in the searched text


def _first_date(text: str) -> re.Match[str] | None:
    """The earliest match of the first pattern that matches at all (patterns in order)."""
    best: re.Match[str] | None = None
    for pat in _DATE_PATTERNS:
        m = pat.search(text)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


def _iso_day(m: re.Match[str]) -> str | None:
    """``YYYY-MM-DD`` of a date match, or None when it is no valid date."""
    gd = m.groupdict()
    try:
        year = int(gd["year"])
        if year < 100:
            if gd.get("mon") and not gd["mon"].isascii():
                return None  # "9 मई 20 लोग": a count, not a year
            year += 2000  # "3 November 23"
        day = int(gd["day"])
        month = DATE_MONTHS.get(gd["mon"].lower().rstrip(".")) if gd.get("mon") else int(gd["mnum"])
        if not month or not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
            return None
        datetime.date(year, month, day)
    except (ValueError, TypeError):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _clock(tmatch: re.Match[str], after: str) -> str | None:
    """``THH:MM:SS`` plus the zone offset of a time match (``after``: text that follows it)."""
    h, mi = int(tmatch["h"]), int(tmatch["m"])
    ampm = (tmatch["ampm"] or "").lower().replace(".", "")
    ampm = {"पूर्वाह्न": "am", "अपराह्न": "pm"}.get(ampm, ampm)
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if not (0 <= h < 24 and 0 <= mi < 60):
        return None
    out = f"T{h:02d}:{mi:02d}:{int(tmatch['s'] or 0):02d}"
    tz = (tmatch["tz"] or "").upper()
    if not tz and re.match(r"\s*IST\b", after):
        tz = "IST"
    if tz in ("IST", "+0530", "+05:30"):
        out += "+05:30"
    elif tz in ("GMT", "UTC"):
        out += "+00:00"
    return out


def parse_date(text: str) -> DateMatch | None:
    """First date (with the time right after it, if any) in ``text`` as ISO 8601.

    English and Hindi month names, Devanagari digits, ``3:22 PM``, ``15:23``, ``IST`` (→
    ``+05:30``).  Returns ``None`` when no valid date is found.
    """
    t = to_ascii_digits(text)  # (one character per digit: offsets stay those of ``text``)
    m = _first_date(t)
    if m is None:
        return None
    iso = _iso_day(m)
    if iso is None:
        return None
    start, end = m.start(), m.end()
    tail = t[end : end + 30]
    lead = _TIME_LEAD_RE.match(tail)
    tmatch = TIME_RE.match(tail, lead.end() if lead else 0)
    if not tmatch:
        before = t[max(0, start - 25) : start]
        bm = _TIME_BEFORE_RE.search(before)
        if bm:
            tail = bm.group(1)
            tmatch = TIME_RE.match(tail)
            start = start - (len(before) - bm.start())
            end -= len(tail)  # (end is moved back past the date below)
    if tmatch:
        clock = _clock(tmatch, t[end + tmatch.end() : end + tmatch.end() + 6])
        if clock is not None:
            iso += clock
            end = end + tmatch.end()
    if start < m.start():
        end = m.end()
    return DateMatch(iso=iso, start=start, end=end)


def mentions(text: str) -> dict[str, set[str]]:
    """Weekdays, day-month pairs (``"13/9"``) and years (1900-2100) mentioned in ``text``."""
    toks = tokens(text)
    out: dict[str, set[str]] = {"weekday": set(), "day": set(), "year": set()}
    for i, t in enumerate(toks):
        if t in WEEKDAYS:
            out["weekday"].add(WEEKDAYS[t])
        elif t in MONTHS:
            for k in (i - 1, i + 1):
                if 0 <= k < len(toks) and toks[k].isdigit() and 1 <= int(toks[k]) <= 31:
                    out["day"].add(f"{int(toks[k])}/{MONTHS[t]}")
        elif t.isdigit() and 1900 <= int(t) <= 2100:
            out["year"].add(t)
    return out


def iso_datetime(value: str | None) -> datetime.datetime | None:
    """An ISO 8601 date or date-time (what the cleaner writes) as an aware datetime, UTC when
    it has no offset; ``None`` when ``value`` is empty or not ISO 8601."""
    if not value:
        return None
    try:
        t = datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=datetime.timezone.utc)
