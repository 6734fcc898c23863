"""Pages with no headline (page 2 of a story, a video page's summary) open with a
paragraph: a title is never a whole paragraph of prose with a sentence or a quote
closed inside it (kliping/cleaner/text/headline.py, `_title_index`)."""
import pytest

from kliping.cleaner import clean_text


_QUOTE = ("\"Kami sudah menutup jalur di depan balai kota, di simpang pasar dan di jembatan lama,\" "
          "kata kepala satuan lalu lintas itu kepada wartawan di lokasi penjagaan pada Sabtu pagi")
_SUMMARY = ("Warga bantaran sungai mulai mengungsi ke posko sejak Senin malam. Petugas mendirikan "
            "tenda darurat dan dapur umum di halaman kantor kecamatan hingga banjir surut")
_MORE = "Petugas gabungan masih berjaga di sejumlah titik hingga sore hari, katanya."


@pytest.mark.parametrize("opening", [_QUOTE, _SUMMARY])
def test_a_paragraph_of_prose_first_is_not_the_headline(rules, opening):
    art = clean_text(f"{opening}\n\n{_MORE}\n\n(abc/def)\n", rules=rules, outlet="generic")
    assert art.title is None
    assert art.paragraphs[0] == opening


def test_a_long_headline_with_a_quote_is_still_the_headline(rules):
    title = "Menteri: \"Harga Beras Akan Turun,\" Pedagang Pasar Induk Belum Yakin"
    art = clean_text(f"{title}\n\nJAKARTA - Menteri perdagangan menyatakan harga beras akan turun pekan depan."
                     f"\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.title == title


def test_a_title_case_headline_with_a_stray_full_stop_is_still_the_headline(rules):
    """A headline in title case may end in a full stop ("… Berbagai Ujian dan
    Tantangan."): over the date line and the lead it is the headline, not a standfirst;
    a sentence first in sentence case is still none."""
    title = "Pasar Lama Kota Berusia Seratus Tahun, Suatu Usia yang Sudah Melewati Berbagai Ujian dan Tantangan."
    lead = "KABAR KOTA - Pasar lama di pusat kota genap berusia seratus tahun pada pekan ini, kata pengelolanya."
    art = clean_text(f"{title}\n\n- 24 Maret 2024, 22:51 WIB\n{lead}\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.title == title
    assert art.description is None
    sentence = "Pasar lama kota berusia seratus tahun dan sudah melewati berbagai ujian serta tantangan."
    art = clean_text(f"{sentence}\n\n- 24 Maret 2024, 22:51 WIB\n{lead}\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.title != sentence
