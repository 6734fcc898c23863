"""A date line that also names the reporter ("RABU, 07 AGUSTUS 2024 | 09:45 WIB |
LAPORAN: NAMA", RMOL's amp pages) dates the article under `generic` and is not text
(kliping/rules/generic.toml, headline.published)."""
import pytest

from kliping.cleaner import clean_text


_TITLE = "KPK Perlu Lakukan Pendalaman Soal Blok Medan yang Ramai Dibicarakan"
_LEAD = "Komisi Pemberantasan Korupsi diminta mendalami dugaan korupsi yang ramai dibicarakan warga Medan pekan ini."
_MORE = "Permintaan itu disampaikan sejumlah pegiat antikorupsi di Jakarta pada Rabu siang."


@pytest.mark.parametrize("line,when", [
    ("RABU, 07 AGUSTUS 2024 | 09:45 WIB | LAPORAN: FAISAL ARISTAMA", "2024-08-07T09:45:00+07:00"),
    ("Minggu, 23 Oktober 2022 | 07:35 WIB | Penulis: Jamaludin Akmal", "2022-10-23T07:35:00+07:00"),
])
def test_a_date_line_naming_the_reporter(rules, line, when):
    art = clean_text(f"Berita\n\nPolitik\n\n{_TITLE}\n\n{line}\n\n{_LEAD}\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.published == when
    assert art.title == _TITLE and art.paragraphs[0] == _LEAD
    assert "LAPORAN" not in art.text and "Penulis" not in art.text
