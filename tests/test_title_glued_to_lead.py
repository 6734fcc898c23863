"""A blog that prints no headline apart glues it to the front of the lead: the headline's
last word runs into the lead's first ("… Jembatan RuntuhWarga …"), or a dash joins them.
Invented texts in the shape of real blog pages in tests/corpus."""
import pytest

from kliping.cleaner import clean_text

_TITLE = "Jembatan Gantung Desa Sukamaju Runtuh, Tiga Warga Terluka"
_LEAD = ("Warga Desa Sukamaju terkejut ketika jembatan gantung yang menghubungkan dua dusun runtuh pada "
         "Minggu sore saat banyak orang melintas di atasnya.")
_P2 = "Tiga warga dibawa ke puskesmas terdekat dan kini dirawat karena luka di kaki dan tangan."


@pytest.mark.parametrize("outlet", ["generic", "blogmirror"])
@pytest.mark.parametrize("glue", ["", " - ", " – "])
def test_a_headline_glued_to_the_lead_is_the_title(rules, outlet, glue):
    art = clean_text(f"{_TITLE}{glue}{_LEAD}\n\n{_P2}\n", rules=rules, outlet=outlet)
    assert art.title == _TITLE
    assert art.paragraphs == (_LEAD, _P2)


@pytest.mark.parametrize("lead", [
    "Menurut keterangan warga setempat, AhmadYani sudah lama melapor bahwa jembatan itu rusak kepada "
    "pemerintah desa tanpa hasil apa pun.",
    "Warga Desa Sukamaju - yang tinggal di tepi sungai - terkejut ketika jembatan gantung runtuh pada "
    "Minggu sore saat banyak orang melintas di atasnya.",
    "Pengguna iPhone dan BlackBerry di desa itu merekam saat jembatan gantung runtuh pada Minggu sore "
    "ketika banyak orang melintas di atasnya."])
def test_a_lead_with_capitals_or_a_dash_gives_no_headline(rules, lead):
    art = clean_text(f"{lead}\n\n{_P2}\n", rules=rules, outlet="generic")
    assert art.title is None
    assert art.paragraphs == (lead, _P2)


def test_a_leads_photo_credit_and_dateline_are_no_headline(rules):
    lead = f"ANTARA FOTO/Nama Fotografer WartawanTEMPO.CO, Jakarta - {_LEAD}"
    art = clean_text(f"{lead}\n\n{_P2}\n", rules=rules, outlet="generic")
    assert art.title is None
    assert art.dateline == "Jakarta"
