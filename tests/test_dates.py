"""The date forms Indonesian outlets print, each zone, and what is not a date."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kliping.cleaner.dates import find_date, parse_date, zone_offset


@pytest.mark.parametrize("text,expected", [
    ("Jumat, 31 Desember 2021 - 09:42:00 WIB", "2021-12-31T09:42:00+07:00"),
    ("Kamis, 07 Januari 2016 – 19:06 WIB", "2016-01-07T19:06:00+07:00"),  # jpnn: an en dash
    ("Sabtu, 16 Des 2017 — 01:26 WIB", "2017-12-16T01:26:00+07:00"),
    # English ordinals, as Blogger and kumparan's English pages print them
    ("Apr 14th 2025, 19:14", "2025-04-14T19:14:00+07:00"),
    ("March 2nd, 2024", "2024-03-02"), ("1st March 2024", "2024-03-01"),
    ("31 Desember 2021 09:42 WIB", "2021-12-31T09:42:00+07:00"),
    ("Friday 31 December 2021", "2021-12-31"),
    ("Friday, December 31, 2021", "2021-12-31"),
    ("31/12/2021", "2021-12-31"),
    ("31/12/2021 21:05 WIB", "2021-12-31T21:05:00+07:00"),
    ("Senin, 03 Januari 2022 / 08:15 WIB", "2022-01-03T08:15:00+07:00"),
    ("Sabtu, 1 Jan 2022 | 13.05 WITA", "2022-01-01T13:05:00+08:00"),
    ("Rabu, 5 Januari 2022 10:00 WIT", "2022-01-05T10:00:00+09:00"),
    ("Jum'at, 7 Januari 2022 07:00", "2022-01-07T07:00:00+07:00"),
    ("December 31, 2021 9:42 PM", "2021-12-31T21:42:00+07:00"),
    ("31 Agustus 2021 12:00 GMT+7", "2021-08-31T12:00:00+07:00"),
    ("2021-12-31T09:42:00+07:00", "2021-12-31T09:42:00+07:00"),
    ("2021-12-31T02:42:00Z", "2021-12-31T02:42:00+00:00"),
    ("2021-12-31", "2021-12-31"),
    ("Kamis, 17 Pebruari 2022", "2022-02-17"),
    ("17 Agt 2021", "2021-08-17"),
    ("1 Mei 2022 10:10 UTC", "2022-05-01T10:10:00+00:00"),
])
def test_forms(text, expected):
    assert parse_date(text, "WIB") == expected


@pytest.mark.parametrize("zone,offset", [("WIB", "+07:00"), ("WITA", "+08:00"), ("WIT", "+09:00")])
def test_default_zone_applies_to_times_without_one(zone, offset):
    assert parse_date("31 Desember 2021 09:42", zone) == f"2021-12-31T09:42:00{offset}"


def test_printed_zone_beats_default():
    assert parse_date("31 Desember 2021 09:42 WITA", "WIB").endswith("+08:00")


@pytest.mark.parametrize("text", [
    "", None, "tanpa tanggal", "31 Foo 2021", "32 Desember 2021", "30/02/2021", "31 Desember 1850",
    "March 2ndary 2024",
    "Pukul 09:42 WIB",
])
def test_not_dates(text):
    assert parse_date(text, "WIB") is None


def test_impossible_time_keeps_the_date():
    assert parse_date("31 Desember 2021 25:61 WIB") == "2021-12-31"


def test_first_date_in_running_text():
    iso, match = find_date("Dikutip dari Reuters, (31/12/2021), Biden meminta", "WIB")
    assert iso == "2021-12-31" and match.group(0) == "31/12/2021"


def test_zone_offsets():
    assert str(zone_offset("WITA")) == "UTC+08:00"
    assert str(zone_offset("GMT+7")) == "UTC+07:00"
    assert zone_offset("XYZ") is None
    assert zone_offset("+15:00") is None


def test_every_date_form_needs_a_four_digit_year():
    """find_date passes over texts without four digits in a row: true while every form
    has its year (a new form without one must change that shortcut)."""
    from kliping.cleaner.dates import _FORMS
    from kliping.cleaner.gates import _digits_required, _p

    assert all(_digits_required(_p.parse(form)) >= 4 for form in _FORMS)


# Fragments that make dates, near-dates and text around them, for the property below.
_PIECES = ["Jumat", "Friday", ",", " ", "31", "1", "05", "12", "Desember", "December", "Jan.",
           "2021", "2022", "1999", "-", "/", ".", "T", "09:42", "9:42", "21.05", ":00", "PM",
           "WIB", "WITA", "+07:00", "Z", "GMT+7", "pukul", "x", "Rp", "kata", "\n",
           "31 Desember 2021", "December 31, 2021", "2021-12-31T09:42:00+07:00", "31/12/2021",
           "Jumat, 31 Desember 2021 - 09:42:00 WIB", "Sabtu, 1 Jan 2022 | 13.05 WITA", "9:42 PM",
           "2021-12-31", "31 Februari 2021", "2021-13-01"]


def _first_date_every_form_scanned(text, zone):
    """find_date as first written: every form searched through the whole text."""
    from kliping.cleaner.dates import _COMPILED, _iso
    best = None
    for rx in _COMPILED:
        for m in rx.finditer(text):
            iso = _iso(m, zone)
            if iso is None:
                continue
            if best is None or m.start() < best[1].start() or (
                    m.start() == best[1].start() and m.end() > best[1].end()):
                best = (iso, m)
            break
    return best and (best[0], best[1].span())


@settings(max_examples=600)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map(" ".join), st.sampled_from(["WIB", "WITA", None]))
def test_a_date_opening_the_text_is_challenged_only_there(text, zone):
    found = find_date(text, zone)
    assert (found and (found[0], found[1].span())) == _first_date_every_form_scanned(text, zone)


@pytest.mark.parametrize("text,expected", [
    ("08/06/14", "2014-06-08"), ("15.7.14", "2014-07-15"), (" 1/12/09 ", "2009-12-01"),
])
def test_a_blogger_date_header_with_a_two_digit_year_alone(text, expected):
    """Blogger's date header in an Indonesian blog's short formats: the day first, as every
    numeric date here; the year in two figures, read only when the text is that date alone."""
    assert parse_date(text, "WIB") == expected


@pytest.mark.parametrize("text", [
    "31/12/95",            # the 1990s or the 2090s: not guessed
    "13/13/14", "30/02/14", "08/06/2",
    "08-06-14",            # a dash: a score, a code, a range as likely
    "Skor 8/6/14 di babak kedua", "Senin (8/6/14)",  # never inside a line
])
def test_a_two_digit_year_is_read_nowhere_else(text):
    assert parse_date(text, "WIB") is None
    assert find_date(text, "WIB") is None
