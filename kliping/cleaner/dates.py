"""Find and normalise the dates Indonesian outlets print, to ISO 8601.

Forms understood (day names optional, Indonesian or English):
  "Jumat, 31 Desember 2021 - 09:42:00 WIB", "Kamis, 07 Januari 2016 – 19:06 WIB",
  "31 Des 2021 09.42 WITA",
  "Friday 31 December 2021", "December 31, 2021 9:42 PM", "Apr 14th 2025, 19:14",
  "31/12/2021 09:42 WIB",
  "2021-12-31T09:42:00+07:00";
and, only as the whole text, Blogger's short date header "08/06/14", "15.7.14".
Zones: WIB = +07:00, WITA = +08:00, WIT = +09:00, GMT/UTC/Z = +00:00, "GMT+7" and
numeric offsets. A time with no zone takes the caller's default zone (the outlet's);
a date with no time stays a bare date ("2021-12-31").
"""
from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta, timezone

from . import regex_cache
from .gates import has_digit_run

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "aug": 8, "agu": 8, "agt": 8, "ags": 8, "agust": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}

#: Named zones and their UTC offsets in hours.
ZONES = {"WIB": 7, "WITA": 8, "WIT": 9, "GMT": 0, "UTC": 0, "Z": 0}

_DAY = (
    r"(?:Senin|Selasa|Rabu|Kamis|Jum'?at|Jum’at|Sabtu|Minggu|Ahad|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Sen|Sel|Rab|Kam|Jum|Sab|Min|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?"
)
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ZONE = r"(?:WITA|WIB|WIT|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|GMT|UTC|Z|[+-]\d{2}:?\d{2})"
#: A time; Jawa Pos's regional papers print a space after each colon: "10: 36: 46 WIB".
_TIME = r"\d{1,2}(?::\s?|\.)\d{2}(?:(?::\s?|\.)\d{2})?(?:\.\d+)?(?:\s*[AaPp]\.?[Mm]\.?)?"
_SEP = r"(?:\s*(?:[-–—|/,•·]|\bpukul\b|\bjam\b|\bat\b)?\s*)"
_TAIL = rf"(?:{_SEP}(?P<time>{_TIME})(?:\s*(?P<zone>{_ZONE})\b)?)?"

#: One regex per form; the groups say where day, month, year, time and zone are.
_FORMS = [
    # 31 Desember 2021 [- 09:42:00 WIB], 1st March 2024
    rf"(?:{_DAY}\s*,?\s*)?(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?P<month>{_MONTH}),?\s+(?P<year>\d{{4}}){_TAIL}",
    # December 31, 2021 [9:42 PM], Apr 14th 2025
    rf"(?:{_DAY}\s*,?\s*)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TAIL}",
    # 2021-12-31[T09:42:00+07:00]
    rf"(?P<year>\d{{4}})-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})"
    rf"(?:(?:[T ]|WIB|WITA|WIT)(?P<time>\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?)\s*(?P<zone>{_ZONE})?)?",
    # [Jumat,] 31/12/2021 [09:42 WIB]
    rf"(?:{_DAY}\s*,?\s*)?(?P<day>\d{{1,2}})[/.-](?P<mnum>\d{{1,2}})[/.-](?P<year>\d{{4}}){_TAIL}",
]
_COMPILED = [regex_cache.compile(r"(?<!\w)" + form, re.IGNORECASE) for form in _FORMS]
_NUMBERS = regex_cache.compile(r"\d+")
_AM_PM = regex_cache.compile(r"([AaPp])\.?[Mm]")
_NUMERIC_ZONE = regex_cache.compile(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?")

#: The `{date}` placeholder of rule patterns: any form above, without named groups,
#: case-insensitive whatever the flags of the pattern around it.
DATE_PATTERN = "(?i:" + "|".join(
    re.sub(r"\(\?P<\w+>", "(?:", form) for form in _FORMS
) + ")"


#: Blogger's date header in an Indonesian blog's short formats, alone: "08/06/14", "15.7.14".
_SHORT_HEADER = regex_cache.compile(r"\s*(\d{1,2})([/.])(\d{1,2})\2(\d{2})\s*")
#: A two-digit year from here up could be the 1990s as well as the 2090s: left unread.
_SHORT_YEAR_MAX = 90


def _short_header(text: str) -> str | None:
    """The date of a text that is only a date with a two-digit year, the day first like
    every numeric date kliping reads; a year of 90 or more is not guessed."""
    m = _SHORT_HEADER.fullmatch(text)
    if m is None or int(m.group(4)) >= _SHORT_YEAR_MAX:
        return None
    try:
        return date(2000 + int(m.group(4)), int(m.group(3)), int(m.group(1))).isoformat()
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)
def zone_offset(zone: str | None) -> timezone | None:
    """Return the UTC offset for a zone name or numeric offset, or None if unknown
    (remembered for the few zones pages write)."""
    if not zone:
        return None
    z = "".join(zone.split()).upper()
    if z in ZONES:
        return timezone(timedelta(hours=ZONES[z]))
    m = _NUMERIC_ZONE.fullmatch(z)
    if not m:
        return None
    sign = 1 if m.group(1) == "+" else -1
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _iso(m: re.Match, default_zone: str | None) -> str | None:
    groups = m.groupdict()
    try:
        year = int(groups["year"])
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        when = date(year, month, day)
    except (KeyError, ValueError):
        return None
    if not 1900 <= year <= 2100:
        return None
    clock = groups.get("time")
    if not clock:
        return when.isoformat()
    parts = _NUMBERS.findall(clock.split(".")[0] if clock.count(".") > 2 else clock)
    hour, minute = int(parts[0]), int(parts[1])
    second = int(parts[2]) if len(parts) > 2 and len(parts[2]) == 2 else 0
    ampm = _AM_PM.search(clock)
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm.group(1).lower() == "p" else 0)
    tz = zone_offset(groups.get("zone")) or zone_offset(default_zone)
    try:
        stamp = datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return when.isoformat()
    return stamp.isoformat()


def find_date(text: str, default_zone: str | None = None) -> tuple[str, re.Match] | None:
    """Return (ISO date, match) for the first well-formed date in `text`, or None."""
    if not has_digit_run(4, text):  # every form has a four-digit year
        return None
    best: tuple[str, re.Match] | None = None
    for rx in _COMPILED:
        # Once a date opens the text, only another form's (longer) match there can win.
        found = rx.finditer(text) if best is None or best[1].start() else filter(None, (rx.match(text),))
        for m in found:
            iso = _iso(m, default_zone)
            if iso is None:
                continue
            if best is None or m.start() < best[1].start() or (
                m.start() == best[1].start() and m.end() > best[1].end()
            ):
                best = (iso, m)
            break
    return best


def parse_date(text: str | None, default_zone: str | None = None) -> str | None:
    """Return the first date in `text` as ISO 8601, or None when there is none.

    default_zone ("WIB", "+07:00", …) applies when a time is given without a zone.
    """
    if not text:
        return None
    found = find_date(text, default_zone)
    return found[0] if found else _short_header(text)
