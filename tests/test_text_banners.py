"""Banners and labels over the headline that no rule names (kliping/cleaner/text/
headline.py): a regional government's banner or an app's prompt printed as a block of
short lines above the headline, a topic label over a headline with its byline under it.
Under `generic` (an outlet with no rule, a new layout) the headline is still found."""
import pytest

from kliping.cleaner import clean_text

from conftest import clean_generic


_TITLE = "Jubir KPK Benarkan Pemeriksaan Tuan Guru Bajang di Gedung Merah Putih"
_STANDFIRST = "Pemeriksaan dilakukan pada Jumat pekan lalu, namun agenda pemeriksaan tidak disebutkan."
_LEAD = ("JAKARTA - Juru bicara Komisi Pemberantasan Korupsi membenarkan pemeriksaan terhadap "
         "Gubernur Nusa Tenggara Barat pekan lalu di Jakarta.")
_MORE = "Menurut dia, pemeriksaan itu bersifat klarifikasi atas laporan yang diterima dari masyarakat."


def test_a_banners_block_over_the_headline_is_not_the_headline(rules):
    """A block of short lines with no sentence (a region's slogan, an app's prompt), a
    blank line, then the headline over its standfirst or its date line."""
    banners = ("Sulawesi Utara\nMenuju Sulut Maju, Sejahtera dan Berkelanjutan",
               "Klaten Bersinar\nSelamat Datang di Klaten Bersinar\n\nBerita Solo Terbaru",
               "Close Banner Apps Contoh.com\nContoh.com App\nAplikasi Berita Terbaru dan Terpopuler\n"
               "Dapatkan di Play Store atau Apps Store\nDownload Apps Contoh.com")
    for banner in banners:
        for under in (_STANDFIRST, "Senin, 03 Januari 2011 – 13:16 WIB"):
            art = clean_generic(f"{banner}\n\n{_TITLE}\n\n{under}\n\n{_LEAD}\n\n{_MORE}\n", rules)
            assert art.title == _TITLE, (banner, under)
            assert not any(line in " ".join(art.paragraphs) for line in banner.splitlines() if line)


def test_a_headline_with_its_kicker_in_one_block_stays(rules):
    """The headline's own block holding a short kicker above it and no blank line before
    the text is no banner: the first line stays the title when nothing title-shaped
    follows it; a headline over its standfirst in one block is the headline."""
    art = clean_generic(f"{_TITLE}\n{_STANDFIRST}\n\n{_LEAD}\n\n{_MORE}\n", rules)
    assert art.title == _TITLE and art.description == _STANDFIRST
    art = clean_generic(f"Kabar Terkini\n{_TITLE}\n\n{_LEAD}\n\n{_MORE}\n", rules)
    assert art.title == _TITLE


def test_a_topic_label_over_a_headline_with_its_byline_under_it(rules):
    """Tribun's amp pages: a menu, a topic label ("Gempa di Sumatera Barat"), the
    headline, then the editor's line, not a standfirst."""
    menu = "\n\n".join(["News", "Bisnis", "Super Skor", "Sport", "Seleb", "Kilas Kementerian", "Images"])
    title = "Gempa Guncang Mentawai, Wakil Gubernur Sumbar Lari ke Atas Bukit"
    for label in ("Gempa di Sumatera Barat", "Berita Populer Hari Ini"):
        text = f"{menu}\n\n{label}\n\n{title}\n\nEditor: Erik S\n\n{_LEAD}\n\n{_MORE}\n"
        art = clean_generic(text, rules)
        assert art.title == title, label
        assert label not in " ".join(art.paragraphs)


def test_a_topic_label_under_a_menu_over_a_short_headline_with_its_byline(rules):
    """Under a menu, the topic label ("Liga Satu Indonesia") stands over a headline of
    only six words with the editor's line right under it: the headline, not the label
    (nor the menu's first item)."""
    menu = "\n\n".join(["News", "Bisnis", "Super Skor", "Sport", "Seleb", "Kilas Kementerian", "Images"])
    title = "Suporter Datang, Pemain Persib Makin Semangat"
    text = f"{menu}\n\nLiga Satu Indonesia\n\n{title}\n\nEditor: Erik S\n\n{_LEAD}\n\n{_MORE}\n"
    art = clean_generic(text, rules)
    assert art.title == title
    assert "Liga Satu Indonesia" not in " ".join(art.paragraphs)
    # With no menu above, a short first line over six words with the editor under them is
    # the headline, the six words its subtitle: the first line stays the title.
    art = clean_generic(f"Harga Cabai Naik Lagi\n\nPedagang Pasar Kramat Jati Mengeluh Sepi\n\nEditor: Erik S\n\n{_LEAD}\n", rules)
    assert art.title == "Harga Cabai Naik Lagi"


def test_a_photos_caption_or_credit_above_the_headline_is_not_it(rules):
    """A scrape that opens with the photo's box ("Angelina Sondakh. TEMPO/Nama", a credit
    "anas/ist" or "Banjir @akun") over the headline: the caption, not the title."""
    for photo in ("Angelina Sondakh di Gedung KPK. TEMPO/Imam Sukamto", "anas/ist", "Banjir di Kampung Melayu @IRNewscom"):
        art = clean_generic(f"{photo}\n\n{_TITLE}\n\n{_LEAD}\n\n{_MORE}\n", rules)
        assert art.title == _TITLE, photo
        assert art.captions == (photo,)


def test_a_headline_printed_twice_under_its_byline_past_a_rail_of_teasers(rules):
    """A rail of section labels with a teaser under each ("Headline" / teaser / "Fokus" /
    teaser) over the headline, which the page prints again under its writer and date:
    the line printed twice is the headline, though its copy stands past the first lines."""
    text = ("Headline\n\nPemerintah merevisi aturan perizinan untuk mempermudah investasi.\n\n"
            "Fokus\n\nHingga April, kewajiban pemerintah tercatat terus bertambah.\n\n"
            f"{_TITLE}\n\nNama Penulis\n06/11/2019 08:10\n{_TITLE}\n\n{_LEAD}\n\n{_MORE}\n")
    art = clean_generic(text, rules)
    assert art.title == _TITLE
    assert not any(word in " ".join(art.paragraphs) for word in ("Headline", "Fokus", "merevisi", "April"))


def test_a_caption_printed_on_both_sides_of_its_credit_is_not_the_headline(rules):
    """The photo's caption printed over and under its credit ("Presiden Jokowi" / "Foto:
    …" / "Presiden Jokowi") is printed twice, but it is the caption: the first line stays
    the headline."""
    text = (f"Sabtu 04 Jan 2020 00:13 WIB\n\n{_TITLE}\n\n{_STANDFIRST}\n\n"
            f"Gedung Merah Putih KPK\nFoto: Nama Fotografer\nGedung Merah Putih KPK\n\n{_LEAD}\n\n{_MORE}\n")
    art = clean_generic(text, rules)
    assert art.title == _TITLE


def test_a_topic_label_over_a_headline_its_standfirst_and_byline(rules):
    """Tribun's desktop pages: the topic label, the headline, the standfirst (cut short,
    no full stop, full of names), then the byline: the label is no headline."""
    standfirst = "Kepala Bidang Kedaruratan BPBD Kota Cimahi, Asep Sunandar mengatakan pihaknya telah melakukan upaya"
    text = (f"Banjir Kabupaten Bandung\n{_TITLE}\n{standfirst}\n"
            f"Penulis: Nama Penulis | Editor: Nama Editor\n{_LEAD}\n{_MORE}\n")
    art = clean_generic(text, rules)
    assert art.title == _TITLE
    assert "Banjir Kabupaten Bandung" not in " ".join(art.paragraphs)


def test_a_kicker_over_a_headline_whose_words_the_lead_repeats(rules):
    """Serambinews (2013) prints a kicker, the headline and a standfirst on consecutive
    lines, the reporter's line, then a lead that says the headline again in its words:
    the headline, not the kicker, is the title (`last-before-text`)."""
    headline = "Wali Kota Lhokseumawe Dikukuhkan Hari Ini di Gedung DPRK"
    lead = ("Wali Kota Lhokseumawe dikukuhkan hari ini di Gedung DPRK, disaksikan ribuan warga "
            "yang hadir sejak pagi di pusat kota yang ramai.")
    text = (f"Pengukuhan Wali Kota\n{headline}\n"
            "Ribuan warga diperkirakan hadir menyaksikan prosesi yang digelar sejak pagi di pusat kota\n\n"
            "Laporan: Rahmat Hidayat | Lhokseumawe\n\n"
            f"SERAMBINEWS.COM, LHOKSEUMAWE - {lead}\n\n"
            "Prosesi dimulai dengan pembacaan surat keputusan oleh ketua dewan setempat.\n")
    art = clean_text(text, rules=rules, outlet="tribunnews")
    assert art.title == headline
    assert art.paragraphs[0] == lead and "Pengukuhan Wali Kota" not in art.text


@pytest.mark.parametrize("kicker", ["Kabar Artis\n", "Tribun Bisnis\n", "Piala AFF 2018\n", ""])
def test_a_headline_whose_words_the_lead_repeats_with_no_kicker_left_over_it(rules, kicker):
    """Pos Kupang (2016) prints a kicker the rule drops (or none), the headline, a standfirst
    cut from the lead (no full stop), the byline, then the lead that says the headline
    again in its words: the headline is the title, not the standfirst, though no kicker
    is left above it to go on."""
    headline = "Jembatan Liliba di Kupang Ditutup Sementara"
    standfirst = "Siang ini, Kamis (8/12/2016) Jembatan Liliba di Kupang ditutup sementara karena ada perbaikan"
    text = (f"{kicker}{headline}\n{standfirst}\nPenulis: Nama Penulis | Editor: Nama Editor\n"
            f"POS KUPANG.COM, KUPANG -- {standfirst} sambungan di sisi timur.\n"
            "Kendaraan dari arah Oesapa dialihkan lewat jalan lingkar selatan. (*)\n")
    art = clean_text(text, rules=rules, outlet="tribunnews")
    assert art.title == headline
    assert art.paragraphs[0] == f"{standfirst} sambungan di sisi timur."


def test_a_photo_pages_lead_printed_over_its_label_and_headline(rules):
    """A photo story's page prints the lead first (its dateline on it), then the section's
    label ("Foto") and the headline, then the rest of the text: the headline is found, the
    lead stays the text's first paragraph without its prefix."""
    lead = "Juru bicara Komisi Pemberantasan Korupsi membenarkan pemeriksaan itu pekan lalu di Jakarta."
    text = f"JAKARTA - {lead}\nFoto\n{_TITLE}\n\n{_MORE}\nPemeriksaan berlangsung sekitar enam jam di lantai dua.\n"
    for outlet in ("generic", "detik"):
        art = clean_text(text, rules=rules, outlet=outlet)
        assert art.title == _TITLE, outlet
        assert art.dateline == "JAKARTA", outlet
        assert art.paragraphs[0] == lead, outlet
        assert "Foto" not in art.paragraphs, outlet


def test_a_boxs_label_headline_is_neither_title_nor_text(rules):
    """A site's box of the headline of the day opens its page under the label "Headline",
    the teaser printed twice, the text under it with no headline of its own (Media
    Indonesia's layout, as a scrape with no address gets it under the generic rule): the
    label is no headline and no text."""
    teaser = "Pemerintah memastikan stok beras aman hingga akhir tahun."
    page = (f"Headline\n{teaser}\n{teaser}\nHARGA cabai rawit di pasar tradisional kembali naik "
            "menjelang akhir pekan, kata para pedagang yang ditemui pada Sabtu pagi di pasar induk.\n"
            "Pedagang berharap pasokan dari petani kembali normal pekan depan.\n")
    art = clean_generic(page, rules)
    assert art.title != "Headline" and "Headline" not in art.text


def test_one_line_between_the_headline_and_its_copy_is_the_standfirst(rules):
    """An older page prints a second headline under the headline, then the headline again
    (the photo's title, maybe twice) over a text with no dateline: that one line is the
    standfirst, not the first paragraph."""
    title = "Menteri Bantah Data Kemiskinan Dipalsukan"
    second = "Gelar Konferensi Pers, Menteri Siap Adu Data"
    page = (f"{title}\n\n{second}\n\n{title}\n{title}\n"
            "Menteri perekonomian mengatakan seluruh data kemiskinan, pengangguran dan pertumbuhan "
            "ekonomi yang disampaikan kementeriannya berasal dari lembaga resmi.\n\n"
            "\"Semua datanya dari badan statistik, jadi kami sedih kalau dibilang berbohong,\" kata dia.\n")
    art = clean_generic(page, rules)
    assert art.title == title and art.description == second and second not in art.text
