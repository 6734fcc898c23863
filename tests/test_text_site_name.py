"""The site's own name alone on a line between paragraphs (a blog's template prints it
under its ad slots: "Kabar Desa Makmur"), the name the lead's prefix carries ("Sleman,
Kabar Desa Makmur - ") or an address on the page spells ("kabardesamakmur.blogspot.com"):
furniture wherever it stands (kliping/cleaner/text/site_credit.py)."""
import pytest

from kliping.cleaner import clean_text

_TITLE = "Warga Gotong Royong Perbaiki Jembatan Desa yang Rusak Diterjang Banjir"
_LEAD = ("Sleman, Kabar Desa Makmur - Ratusan warga bergotong royong memperbaiki jembatan desa yang "
         "rusak diterjang banjir pada Minggu pagi.")
_MORE = "Perbaikan dilakukan dengan bambu dan kayu yang dikumpulkan dari kebun warga sekitar."
_QUOTE = "“Kami tidak bisa menunggu bantuan terlalu lama,” kata kepala dusun setempat."
_LAST = "Pemerintah kabupaten berjanji membangun jembatan permanen tahun depan."


@pytest.mark.parametrize("outlet", ["generic", "blogmirror"])
def test_the_name_the_leads_prefix_carries_alone_between_paragraphs_goes(rules, outlet):
    text = f"{_TITLE}\n\n{_LEAD}\n\n{_MORE}\n\nKabar Desa Makmur\n\n{_QUOTE}\n\n{_LAST}\n"
    art = clean_text(text, rules=rules, outlet=outlet)
    assert art.dateline == "Sleman"
    assert art.paragraphs == (_LEAD.split(" - ", 1)[1], _MORE, _QUOTE, _LAST)


@pytest.mark.parametrize("address", ["URL: https://kabardesamakmur.blogspot.com/2019/03/jembatan.html",
                                     "Sumber: kabardesamakmur.com"])
def test_the_name_an_address_on_the_page_spells_goes(rules, address):
    lead = "SLEMAN - Ratusan warga bergotong royong memperbaiki jembatan desa yang rusak diterjang banjir."
    text = f"{address}\n{_TITLE}\n\n{lead}\n\n{_MORE}\n\nKabar Desa Makmur\n\n{_QUOTE}\n\n{_LAST}\n"
    art = clean_text(text, rules=rules, outlet="blogmirror")
    assert "Kabar Desa Makmur" not in art.text


def test_a_short_line_that_is_not_the_sites_name_stays(rules):
    text = f"{_TITLE}\n\n{_LEAD}\n\n{_MORE}\n\nJembatan Darurat Desa\n\n{_QUOTE}\n\n{_LAST}\n"
    art = clean_text(text, rules=rules, outlet="generic")
    assert "Jembatan Darurat Desa" in art.paragraphs


def test_a_leads_prefix_naming_the_site_a_line_alone_repeats_is_the_dateline(rules):
    """'Sleman, Kabar Desa Makmur. Ratusan …': a prefix no dateline pattern knows, whose
    name the page prints alone between paragraphs twice: the city is the dateline, the
    prefix and the name's lines go."""
    lead = "Ratusan warga bergotong royong memperbaiki jembatan desa yang rusak diterjang banjir pada Minggu pagi."
    text = (f"{_TITLE}\n\nSleman, Kabar Desa Makmur. {lead}\n\n{_MORE}\n\nKabar Desa Makmur\n\n{_QUOTE}\n\n"
            f"Kabar Desa Makmur\n\n{_LAST}\n")
    art = clean_text(text, rules=rules, outlet="blogmirror")
    assert art.dateline == "Sleman"
    assert art.paragraphs == (lead, _MORE, _QUOTE, _LAST)


def test_a_leads_opening_words_not_the_sites_name_stay(rules):
    lead = "Sleman, Yogyakarta. Ratusan warga bergotong royong memperbaiki jembatan desa yang rusak diterjang banjir."
    text = f"{_TITLE}\n\n{lead}\n\n{_MORE}\n\nKabar Desa Makmur\n\n{_QUOTE}\n\nKabar Desa Makmur\n\n{_LAST}\n"
    art = clean_text(text, rules=rules, outlet="blogmirror")
    assert art.paragraphs[0] == lead
