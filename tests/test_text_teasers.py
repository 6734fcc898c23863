"""Headlines of other stories printed between paragraphs without their "Baca Juga" label
(kliping/cleaner/text/body.py, `find_teasers`): related links, not text, also when the
headline holds a figure ("308 Karyawan", "6 Perilaku") or stands as the text's last line."""
from conftest import clean_generic


_TITLE = "Warga Bantaran Kali Ciliwung Mulai Mengungsi ke Posko"
_LEAD = "JAKARTA - Ratusan warga di bantaran Kali Ciliwung mulai mengungsi sejak Senin malam, kata petugas."
_MIDDLE = "Petugas menyiapkan dapur umum dan tenda darurat di halaman kantor kelurahan sejak sore."
_LAST = "Warga diimbau tetap waspada karena hujan masih akan turun hingga akhir pekan ini."


def test_a_teaser_with_a_figure_between_paragraphs_is_related(rules):
    """Seven lettered words and a figure: a headline of another story."""
    for teaser in ("PHK Sepihak 120 Buruh Pabrik Sepatu Tangerang Dibatalkan",
                   "7 Kebiasaan Pagi yang Bikin Tubuh Lebih Bugar"):
        art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{teaser}\n\n{_MIDDLE}\n\n{_LAST}\n", rules)
        assert teaser in art.related, teaser
        assert teaser not in art.text


def test_a_teaser_as_the_last_line_is_related(rules):
    teaser = "Viral! Warga Kampung Rawa Gotong Royong Bangun Jembatan Bambu Darurat"
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_MIDDLE}\n\n{_LAST}\n\n{teaser}\n", rules)
    assert teaser in art.related
    assert art.paragraphs[-1] == _LAST


def test_a_short_subheading_or_a_closing_sentence_stays_text(rules):
    heading = "Tahap 2 Pembangunan Tanggul"
    closing = "Hingga Selasa Pagi Petugas Masih Berjaga di 12 Titik Rawan Banjir."
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{heading}\n\n{_MIDDLE}\n\n{_LAST}\n\n{closing}\n", rules)
    assert heading in art.paragraphs and closing in art.paragraphs
    assert art.related == ()


_FOOT_LIST = ("- Pemerintah Siapkan Insentif Baru untuk Petani Garam di Pesisir Utara",
              "- Harga Beras Turun, Pedagang Pasar Induk Mulai Tersenyum Lagi",
              "- Menteri Sebut Cadangan Pangan Aman Hingga Akhir Tahun")


def test_a_list_of_headlines_under_the_last_paragraph_is_the_pages_foot(rules):
    """A page's foot of teasers whose label the scrape lost ("BERITA TERKAIT"): items in
    Title Case under the last paragraph. End-of-page blocks are furniture (labelling.md)."""
    foot = "\n".join(_FOOT_LIST)
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_MIDDLE}\n\n{_LAST}\n{foot}\n", rules)
    assert art.paragraphs[-1] == _LAST
    assert not any(item[2:] in art.text for item in _FOOT_LIST)


def test_a_list_the_article_introduces_or_prints_in_sentences_stays_text(rules):
    """A list under a colon, or items that are not headlines (few capitals), is the article's
    (the last item, ending in no sentence, goes as a scrape cut off: `drop_cut_off_end`)."""
    items = ("- Kementerian Pertanian Kirim Bantuan Benih ke Tiga Kabupaten",
             "- Dinas Pangan Gelar Operasi Pasar di Dua Belas Kecamatan",
             "- Bulog Tambah Stok Beras di Gudang Wilayah Timur")
    introduced = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_MIDDLE}\n\nLangkah pemerintah antara lain:\n"
                        + "\n".join(items) + "\n", rules)
    assert all(item in introduced.paragraphs for item in items[:2])
    plain = ("- warga diminta menyimpan dokumen penting di tempat kering",
             "- anak-anak dan lansia diungsikan lebih dulu ke posko terdekat",
             "- listrik di rumah dimatikan sebelum air masuk")
    listed = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_MIDDLE}\n\n{_LAST}\n" + "\n".join(plain) + "\n", rules)
    assert all(item in listed.paragraphs for item in plain[:2])


def test_an_enumerations_item_opened_by_its_ordinal_stays_text(rules):
    """A round-up lists what it holds, each item opened by its ordinal and a comma, the
    rest in title case without a full stop ("Kedua, Sosok Politisi … di DPRD Sulut"):
    the article's sentence, not another story's link."""
    first = "Pertama, Kepala Dinas Tinjau Tanggul Kali Ciliwung di Jakarta Timur."
    second = "Kedua, Sosok Relawan Muda yang Dirikan Dapur Umum di Bantaran Kali Ciliwung"
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{first}\n\n{second}\n\n{_MIDDLE}\n\n{_LAST}\n", rules)
    assert second in art.paragraphs and art.related == ()


def test_a_link_cut_off_at_the_scrape_s_end_is_not_related(rules):
    """A scrape cut short ends inside a "Baca Juga" link ("Baca Juga: Ang"): a word's
    start is no story's title; the link stays out of the text all the same. A whole
    title there is still related."""
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_MIDDLE}\n\n{_LAST}\n\nBaca Juga: Ang\n", rules)
    assert art.related == ()
    assert "Ang" not in art.text.split()
    whole = "Banjir Rendam Ratusan Rumah di Bantaran Kali"
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_MIDDLE}\n\n{_LAST}\n\nBaca Juga: {whole}\n", rules)
    assert art.related == (whole,)


def test_a_bare_label_inside_the_text_s_list_opens_no_related_box(rules):
    """A scrape that lost a "Baca Juga" link leaves the bare label between the items of the
    text's own list ("… lima kecamatan, yaitu:" / "Cakung 41 rumah" / "Baca Juga"): the items
    under it are the list's, not related titles. A label under a paragraph still opens its box."""
    items = ["Cakung 41 rumah", "Duren Sawit 38 rumah", "Pulo Gadung 30 rumah", "Matraman 22 rumah"]
    intro = "Petugas mencatat rumah terendam terbanyak berada di lima kecamatan, yaitu:"
    page = f"{_TITLE}\n\n{_LEAD}\n{intro}\n{items[0]}\nBaca Juga\n" + "\n".join(items[1:]) + f"\n{_LAST}\n"
    art = clean_generic(page, rules)
    assert art.related == ()
    assert all(item in art.paragraphs for item in items)
    teaser = "Banjir Rendam Ratusan Rumah di Bantaran Kali"
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n{_MIDDLE}\nBaca Juga\n{teaser}\n{_LAST}\n", rules)
    assert art.related == (teaser,)
