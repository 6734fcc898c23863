"""Headlines of other stories printed between paragraphs without their "Baca Juga" label
(kliping/cleaner/text/body.py, `find_teasers`): related links, not text, also when the
headline holds a figure ("308 Karyawan", "6 Perilaku") or stands as the text's last line."""
from kliping.cleaner import clean_text


_TITLE = "Warga Bantaran Kali Ciliwung Mulai Mengungsi ke Posko"
_LEAD = "JAKARTA - Ratusan warga di bantaran Kali Ciliwung mulai mengungsi sejak Senin malam, kata petugas."
_MIDDLE = "Petugas menyiapkan dapur umum dan tenda darurat di halaman kantor kelurahan sejak sore."
_LAST = "Warga diimbau tetap waspada karena hujan masih akan turun hingga akhir pekan ini."


def _clean(text, rules):
    return clean_text(text, rules=rules, outlet="generic")


def test_a_teaser_with_a_figure_between_paragraphs_is_related(rules):
    """Seven lettered words and a figure: a headline of another story."""
    for teaser in ("PHK Sepihak 120 Buruh Pabrik Sepatu Tangerang Dibatalkan",
                   "7 Kebiasaan Pagi yang Bikin Tubuh Lebih Bugar"):
        art = _clean(f"{_TITLE}\n\n{_LEAD}\n\n{teaser}\n\n{_MIDDLE}\n\n{_LAST}\n", rules)
        assert teaser in art.related, teaser
        assert teaser not in art.text


def test_a_teaser_as_the_last_line_is_related(rules):
    teaser = "Viral! Warga Kampung Rawa Gotong Royong Bangun Jembatan Bambu Darurat"
    art = _clean(f"{_TITLE}\n\n{_LEAD}\n\n{_MIDDLE}\n\n{_LAST}\n\n{teaser}\n", rules)
    assert teaser in art.related
    assert art.paragraphs[-1] == _LAST


def test_a_short_subheading_or_a_closing_sentence_stays_text(rules):
    heading = "Tahap 2 Pembangunan Tanggul"
    closing = "Hingga Selasa Pagi Petugas Masih Berjaga di 12 Titik Rawan Banjir."
    art = _clean(f"{_TITLE}\n\n{_LEAD}\n\n{heading}\n\n{_MIDDLE}\n\n{_LAST}\n\n{closing}\n", rules)
    assert heading in art.paragraphs and closing in art.paragraphs
    assert art.related == ()
