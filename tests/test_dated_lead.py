"""A lead whose prefix gives the city and the day ("Jakarta, 19 September 2025 – …", as
press releases and the small sites copying them write it): the day is the article's date
when the page prints no date line (labelling: a copied dated lead gives the date-only
`published` when the page prints no other stamp) (kliping/cleaner/text/headline.py,
kliping/cleaner/metadata.py)."""
import pytest

from kliping.cleaner import clean_text

_TITLE = "Kasus Demam Berdarah Naik di Tiga Provinsi"
_LEAD = "Kementerian Kesehatan melaporkan kenaikan kasus demam berdarah sejak awal bulan ini di tiga provinsi."
_MORE = "Warga diminta menguras tempat penampungan air dan memakai kelambu pada malam hari."


@pytest.mark.parametrize("outlet", ["generic", "blogmirror"])
def test_the_day_in_the_leads_prefix_is_the_date(rules, outlet):
    art = clean_text(f"{_TITLE}\n\nJakarta, 19 September 2025 – {_LEAD}\n\n{_MORE}\n", rules=rules, outlet=outlet)
    assert (art.dateline, art.published, art.paragraphs) == ("Jakarta", "2025-09-19", (_LEAD, _MORE)), outlet


def test_a_date_line_wins_over_the_leads_day(rules):
    text = f"{_TITLE}\n\nSabtu, 20 September 2025 10:15 WIB\n\nJakarta, 19 September 2025 – {_LEAD}\n\n{_MORE}\n"
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.published == "2025-09-20T10:15:00+07:00"
