"""Line decisions: every dropped line of every seed sample names the rule key that dropped it."""
import pytest

from kliping.cleaner import explain, read_path

from conftest import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_every_line_has_a_reason(rules, path):
    ext = explain(read_path(path), rules).ext
    for line in ext.lines:
        assert line.key, line
        if line.kind == "drop":
            assert line.pattern, line


@pytest.mark.parametrize("path,line_text,key", [
    ("inews-putin-biden.txt", "Advertisement . Scroll to see content", "header.drop"),
    ("inews-putin-biden.txt", "Get iNews App with new looks!", "header.drop"),
    ("inews-putin-biden.txt", "iNews Network", "footer.end"),
    ("tribunnewswiki-putin-biden.txt", "zoom-inlihat foto", "photo.start"),
    ("tribunnewswiki-putin-biden.txt", "Presiden-AS-Joe-Biden-berbicara-tentang-situasi-di-Afghanistan.jpg", "photo.file"),
    ("tribunnewswiki-putin-biden.txt", "BERITATERKAIT", "footer.end"),
    ("tribunnewswiki-putin-biden.txt", "Vladimir Putin", "dedupe.caption"),
    ("blogmirror-putin-biden.txt", "No comments:", "footer.end"),
    ("voi-putin-biden.txt", "Bagikan:", "header.drop"),
])
def test_named_decisions(rules, path, line_text, key):
    ext = explain(read_path(SAMPLES / path), rules).ext
    keys = {ln.key for ln in ext.lines if ln.text == line_text}
    assert key in keys


def test_repeated_titles_are_dropped_as_repeats(rules):
    ext = explain(read_path(SAMPLES / "blogmirror-putin-biden.txt"), rules).ext
    assert [ln.kind for ln in ext.lines if ln.text == ext.title] == ["title", "drop", "drop"]


def test_headline_below_a_blog_banner(rules):
    text = ("Kabar Dunia Hari Ini\n\nPutin Ingatkan Biden Soal Sanksi\n\nPutin Ingatkan Biden Soal Sanksi\n\n"
            "Presiden Rusia Vladimir Putin memperingatkan Presiden AS Joe Biden soal sanksi terhadap Moskow.\n\n"
            "No comments:\n")
    from kliping.cleaner import clean_text
    art = clean_text(text, rules=rules)
    assert art.outlet == "blogmirror" and art.title == "Putin Ingatkan Biden Soal Sanksi"
    assert art.paragraphs == ("Presiden Rusia Vladimir Putin memperingatkan Presiden AS Joe Biden soal sanksi terhadap Moskow.",)


def test_glued_related_link_is_cut_off(rules):
    from kliping.cleaner import clean_text
    text = ("Judul Berita\n\nJAKARTA - Harga cabai naik tajam di pasar tradisional, kata pedagang."
            "Baca Juga: Harga Bawang Merah Turun\n\nPedagang berharap harga segera stabil.")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.related == ("Harga Bawang Merah Turun",)
    assert art.paragraphs[0] == "Harga cabai naik tajam di pasar tradisional, kata pedagang."


def test_url_line_becomes_the_url(rules):
    from kliping.cleaner import clean_text
    art = clean_text("https://voi.id/berita/1/x\nBagikan:\n\nJAKARTA - Isi berita yang panjang sekali di sini.",
                     rules=rules)
    assert art.url == "https://voi.id/berita/1/x" and art.text == "Isi berita yang panjang sekali di sini."


KICKER_PAGE = """Sulawesi Utara
Menuju Sulut Maju, Sejahtera dan Berkelanjutan
Berita Kecelakaan
Sopir Truk Hilang Kendali di Banyumanik, Lima Orang Terluka
Sopir truk kontainer mengaku melihat pejalan kaki menyeberang sebelum kecelakaan di Banyumanik
Penulis: Reza Pradana | Editor: Daniel Purnomo
SEMARANG - Sopir truk kontainer mengalami kecelakaan tunggal di Jalan Perintis Kemerdekaan pada Rabu malam.
Polisi masih memeriksa sopir dan saksi di lokasi kejadian.
"""


def test_last_before_text_passes_over_kickers_banners_and_a_standfirst(tmp_path):
    """Real Tribun pages print a regional banner, its slogan and a topic kicker above the
    headline, and a standfirst without its full stop under it."""
    from kliping.cleaner import clean_text, load_rules
    (tmp_path / "kicker.toml").write_text('name = "Kicker"\nfingerprints = [\'^Penulis: \']\n'
                                          '[headline]\ntitle = "last-before-text"\n')
    art = clean_text(KICKER_PAGE, rules=load_rules([tmp_path]), outlet="kicker")
    assert art.title == "Sopir Truk Hilang Kendali di Banyumanik, Lima Orang Terluka"
    assert art.dateline == "SEMARANG" and len(art.paragraphs) == 2
    first_line = clean_text(KICKER_PAGE, rules=load_rules(), outlet="generic")
    # What a rule without it takes: the two-word banner is passed over, its slogan is not.
    assert first_line.title == "Menuju Sulut Maju, Sejahtera dan Berkelanjutan"


WRITER_UNDER_END_PAGE = """Harga Bawang Merah di Pasar Kota Perlahan Turun

BANTUL - Harga bawang merah di pasar tradisional perlahan turun seiring lancarnya pasokan dari petani.

"Sekarang sudah mulai normal lagi," ujar seorang pedagang. (*)

Penulis: Nama Penulis
Editor: nama
Sumber: Tribun Jogja
"""


def test_a_labelled_writer_under_the_articles_end_is_its_author(rules):
    """Tribun's 2019 regional pages print "Penulis: X" over "Editor: Y" under the text's
    end mark "(*)": the label says whose name it is, as "Editor:" does for the editor."""
    from kliping.cleaner import clean_text
    art = clean_text(WRITER_UNDER_END_PAGE, rules=rules, outlet="generic")
    assert art.author == ("Nama Penulis",) and art.editor == "nama"
    assert "Penulis" not in art.text


BOX_LABEL_PAGE = """Warga Antre Air Bersih di Kantor Kelurahan

JAKARTA - Ratusan warga mengantre air bersih di halaman kantor kelurahan sejak pagi.

BERITA TERKAIT

Petugas menambah dua tangki air agar antrean tidak mengular hingga ke jalan raya.
"""


def test_an_outlets_own_drop_outweighs_an_end_marker_it_inherits(tmp_path):
    """A box label between paragraphs ("BERITA TERKAIT" on Tribun's m. pages) ends the
    text by generic's end markers; an outlet whose own body.drop names it reads on."""
    from kliping.cleaner import clean_text, load_rules
    (tmp_path / "boxlabel.toml").write_text("name = \"Box label\"\n[body]\ndrop = ['^BERITA TERKAIT$']\n")
    art = clean_text(BOX_LABEL_PAGE, rules=load_rules([tmp_path]), outlet="boxlabel")
    assert len(art.paragraphs) == 2 and "BERITA TERKAIT" not in art.text
    ended = clean_text(BOX_LABEL_PAGE, rules=load_rules(), outlet="generic")
    assert len(ended.paragraphs) == 1


LEAD_LIKE_CAPTION_PAGE = """KOTAKITA.CO.ID - Berikut tiga berita pilihan pembaca hari ini Senin, 19 Mei 2025

Inilah daftar berita yang paling banyak dibaca di portal kami.

1. Jembatan Baru Dibuka untuk Umum

Jembatan yang menghubungkan dua kecamatan itu dibuka untuk umum pada Senin pagi.
"""


def test_an_outlets_own_lead_outweighs_a_caption_pattern_it_inherits(tmp_path):
    """A lead with no full stop under the outlet's prefix ("TRIBUNMANADO.CO.ID - Berikut …
    2025", a round-up's) is a caption by generic's "OUTLET.COM - caption" pattern; an
    outlet whose own body.dateline reads it as its lead keeps it as the lead."""
    from kliping.cleaner import clean_text, load_rules
    (tmp_path / "kotakita.toml").write_text(
        "name = \"Kota Kita\"\n[body]\ndateline = ['^KOTAKITA\\.CO\\.ID\\s*{dash}\\s*']\n")
    art = clean_text(LEAD_LIKE_CAPTION_PAGE, rules=load_rules([tmp_path]), outlet="kotakita")
    assert art.captions == () and art.title is None
    assert art.paragraphs[0] == "Berikut tiga berita pilihan pembaca hari ini Senin, 19 Mei 2025"
    assert len(art.paragraphs) == 4
    generic = clean_text(LEAD_LIKE_CAPTION_PAGE, rules=load_rules(), outlet="generic")
    assert generic.captions  # generic's own reading: a caption


@pytest.mark.parametrize("label,headline,title", [
    ("News", "Ratusan Warga Mengungsi Akibat Banjir di Kabupaten Bandung",
     "Ratusan Warga Mengungsi Akibat Banjir di Kabupaten Bandung"),
    ("Kabar Artis", "Pasangan Selebritas Gelar Resepsi di Bali", "Pasangan Selebritas Gelar Resepsi di Bali"),
    # a short headline over its byline: the byline is never taken for the headline
    ("Banjir Bandung", "Reza Pradana | Tribun Jabar", "Banjir Bandung"),
    # a short headline over a standfirst that is a sentence
    ("Banjir Bandung", "Ratusan warga mengungsi setelah tiga sungai meluap.", "Banjir Bandung"),
])
def test_a_section_label_over_the_headline_is_passed_over(label, headline, title):
    from kliping.cleaner import clean_text, load_rules
    page = f"{label}\n{headline}\n\nBANDUNG - Tiga sungai meluap pada Selasa malam dan merendam ratusan rumah warga.\n"
    assert clean_text(page, rules=load_rules(), outlet="generic").title == title


@pytest.mark.parametrize("lead,city", [
    ("雅加达 - 总统周一视察了雅加达北部的防洪工程，并要求在雨季之前完成。", "雅加达"),
    ("ジャカルタ-大統領は月曜日、ジャカルタ北部の洪水対策工事を視察した。", "ジャカルタ"),
    ("【ジャカルタ】大統領は月曜日、ジャカルタ北部の洪水対策工事を視察した。", "ジャカルタ"),
    ("Jakarta (ANTARA News) - Presiden meninjau proyek pengendalian banjir di Jakarta Utara.", "Jakarta"),
    ("Pontianak (Antara Kalbar) - Kabut asap mulai menyelimuti Kota Pontianak sejak pagi.", "Pontianak"),
    ("Lampung (Netizenku.com): Pesawat Lion Air bernomor JT610 dipastikan jatuh di perairan Karawang.", "Lampung"),
    ("Jakarta: Nilai tukar rupiah terus melemah terhadap dolar AS karena kenaikan imbal hasil obligasi AS.",
     "Jakarta"),
    ("jpnn.com - JAKARTA - Presiden meninjau proyek pengendalian banjir di Jakarta Utara.", "JAKARTA"),
    ("TEMPO.CO, Jakarta - Presiden meninjau proyek pengendalian banjir di Jakarta Utara.", "Jakarta"),
    ("Bisnis, JAKARTA - Presiden meninjau proyek pengendalian banjir di Jakarta Utara.", "JAKARTA"),
    ("NEW YORK. Harga minyak mentah turun untuk hari ketiga berturut-turut pada Selasa.", "NEW YORK"),
    ("TEMPO.CO, Washington D.C. - Presiden Amerika Serikat menyatakan siap bertemu pemimpin Korea Utara.",
     "Washington D.C."),
    # a mirror's copy of VIVA's lead: the outlet's name is no city
    ("Jakarta, VIVA – Polisi menangkap pelaku penembakan seorang pengacara di Tanah Abang.", "Jakarta"),
    # Koran Tempo's pages of 2010: the double hyphen glued to the city
    ("JAKARTA-- Anggota Komisi I meminta Sekretariat Jenderal membatalkan rencana pembelian itu.", "JAKARTA"),
])
def test_generic_datelines_of_real_leads(lead, city):
    """Lead prefixes seen on real pages of outlets the generic rule must read without their rule."""
    from kliping.cleaner import clean_text, load_rules
    art = clean_text(f"Judul Berita Ini Cukup Panjang\n\n{lead}\n\nParagraf kedua.\n", rules=load_rules(),
                     outlet="generic")
    assert art.dateline == city and not art.paragraphs[0].startswith(lead[:6])


@pytest.mark.parametrize("stamp,published", [("2021-09", "2021-09"), ("2023-12-29", "2023-12-29")])
def test_crawler_date_stamp_before_the_lead(rules, stamp, published):
    """Crawled texts of okezone, bisnis and Tribun pages start " date 2021-09 JAKARTA - …"."""
    from kliping.cleaner import clean_text
    text = (f" date {stamp} JAKARTA - Kecelakaan tunggal terjadi di Lebak Bulus pada Rabu siang, "
            "kata polisi.\n\nMobil itu menabrak pembatas jalan.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.published == published and art.dateline == "JAKARTA"
    assert art.paragraphs[0].startswith("Kecelakaan tunggal")
    dated = clean_text(f" date {stamp} Judul Berita\n\nSenin, 03 Januari 2022 08:15 WIB\n\n"
                       "JAKARTA - Isi berita yang cukup panjang untuk dibaca di sini.\n", rules=rules, outlet="generic")
    assert dated.title == "Judul Berita" and dated.published == "2022-01-03T08:15:00+07:00"


@pytest.mark.parametrize("last,kept", [
    ("Namun, masih banyak faktor lain yang patut diperhitungkan sebelum seorang i", False),
    ("Harga naik tajam pekan lalu. Pedagang mengaku pembeli mulai berkur", True),
    ("「我々は進歩を続ける」と彼は結論づけた。彼らは", True),
    ("Harga naik tajam pekan lalu, kata pedagang.", True),
    # a teaser the site cut itself, the dots after a space or comma ("Pengga ...",
    # "Pedagang mengaku,..."): still no sentence; a sentence trailing off keeps its dots
    ("Menurut dia, pengga ...", False),
    ("Pedagang di pasar induk mengaku,...", False),
    # ... or glued to a word it cut to a letter or two (the next story's teaser under the
    # byline: "JAKARTA, SITUS.COM - Penyidik … kantor Otoritas J...")
    ("Penyidik menggeledah kantor Otoritas J...", False),
    ("Harga naik tajam pekan lalu. Pedagang mengaku pembeli mulai berkur ...", True),
    ("Dan harga pun terus naik...", True),
    # a blog's last sentence with no full stop, long and closed by a demonstrative or a
    # particle ("… mereka ini", "… tersebut", "… saja"): whole, not cut off
    ("meskipun pedagang di pasar induk menyebutkan bahwa harga akan turun pekan depan, kepastiannya "
     "kita tunggu saja dari pengumuman resmi dinas perdagangan kota ini", True),
    ("Para pedagang berharap pemerintah daerah segera turun tangan menstabilkan harga cabai yang "
     "melonjak dalam dua pekan terakhir tersebut", True),
    # as long, cut after any other word: a fragment
    ("meskipun pedagang di pasar induk menyebutkan bahwa harga akan turun pekan depan, kepastiannya "
     "kita tunggu saja dari pengumuman resmi dinas perdagangan", False),
])
def test_a_scrape_cut_off_inside_its_last_paragraph(rules, last, kept):
    """Crawlers' excerpts stop mid-word; labelling.md keeps a cut-off paragraph only when
    it holds a whole sentence."""
    from kliping.cleaner import clean_text
    text = ("Judul Berita Harga\n\nJAKARTA - Harga cabai naik tajam di pasar tradisional pada Senin, "
            "kata pedagang.\n\n" + last)
    art = clean_text(text, rules=rules, outlet="generic")
    assert (art.paragraphs[-1] == last) is kept
    page = ("<html><body><article><h1>Judul</h1><p>JAKARTA - Harga cabai naik tajam di pasar "
            "tradisional pada Senin pagi, kata pedagang kepada wartawan di lokasi. Pembeli mengeluh "
            "karena harga sudah naik dua kali lipat dalam sepekan terakhir ini.</p>"
            f"<p>{last}</p></article></body></html>")
    assert clean_text(page, rules=rules, content_type="text/html").paragraphs[-1] == last  # pages are whole


@pytest.mark.parametrize("last,kept", [
    ("Namun, hingga kemar", False),
    ("N", False),
    ("Harga naik tajam pekan lalu. Pedagang mengaku pembeli mulai berkur", True),
])
def test_a_paragraph_cut_by_the_paywalls_ellipsis(rules, last, kept):
    """A paywalled page (Koran Tempo's amp pages) prints its first paragraphs, the last
    one cut mid-word, then "..." alone and the box under it: that paragraph is cut off
    as a scrape's last one is, kept only when it holds a whole sentence."""
    from kliping.cleaner import clean_text
    text = ("Harga Cabai Naik Tajam di Pasar Induk\n\nSelasa, 27 Agustus 2013\n\n"
            "MAKASSAR - Harga cabai naik tajam di pasar tradisional pada Senin, kata pedagang.\n\n"
            f"{last}\n\n...\n\nBerita Lainnya\n")
    art = clean_text(text, rules=rules, outlet="tempo")
    assert (art.paragraphs[-1] == last) is kept
    assert art.paragraphs[0].startswith("Harga cabai naik tajam")


def test_the_date_under_a_standfirst_of_a_sentence_is_the_published_one(rules):
    """Koran Tempo's and Majalah Tempo's amp pages print the headline, a standfirst of a
    sentence or two, then the date: a standfirst under the headline does not start the
    text, so the date under it is the page's, not a chronology's subheading."""
    from kliping.cleaner import clean_text
    text = ("Pemerintah Kaji Ulang Tarif Listrik\n\n"
            "Kenaikan tarif listrik untuk rumah tangga ditunda. Pemerintah menunggu hasil kajian ulang.\n\n"
            "Senin, 19 Mei 2014\n\n"
            "PEMERINTAH menunda kenaikan tarif listrik untuk pelanggan rumah tangga hingga akhir tahun ini. "
            "Kajian ulang dijadwalkan rampung bulan depan.\n\n...\n\nBerita Lainnya\n")
    art = clean_text(text, rules=rules, outlet="tempo")
    assert art.published == "2014-05-19"
    assert art.description.startswith("Kenaikan tarif listrik")
    assert "Senin, 19 Mei 2014" not in art.text


def test_the_whole_copy_over_the_headline_replaces_the_cut_one_under_it(rules):
    """An amp page as a search index stores it (Kontan's): the text glued into one line,
    the headline, then the same line again, cut off where the scrape ends. The text is
    the whole copy, not the cut one; a copy under the headline that is whole stays as it is."""
    from kliping.cleaner import clean_text
    lead = ("KONTAN.CO.ID - JAKARTA. Penjualan semen di dalam negeri turun tipis pada bulan lalu karena "
            "musim hujan datang lebih awal. Asosiasi mencatat volume penjualan mencapai 5,1 juta ton. "
            "Produsen berharap permintaan dari proyek infrastruktur pulih pada kuartal berikutnya. "
            "Mereka juga menunda rencana menambah kapasitas pabrik di luar Jawa.")
    cut = lead[:len(lead) - 30]
    art = clean_text(f"{lead}\nPenjualan semen turun tipis\n{cut}\n", rules=rules, outlet="kontan")
    assert art.title == "Penjualan semen turun tipis" and art.dateline == "JAKARTA"
    assert list(art.paragraphs) == [lead.split("JAKARTA. ", 1)[1]]
    whole = clean_text(f"{lead}\nPenjualan semen turun tipis\n{lead}\n", rules=rules, outlet="kontan")
    assert whole.paragraphs == art.paragraphs


def test_a_lead_with_its_dateline_under_the_headline_starts_the_text_before_a_chronology(rules):
    """... but a lead that opens with the outlet's dateline is the text, never a standfirst:
    the dates under it head a chronology and stay in the text (Tribun's "Berikut kronologi")."""
    from kliping.cleaner import clean_text
    text = ("Kronologi Banjir di Jalur Selatan, Jalan Sempat Ditutup Sehari\n\n"
            "TRIBUNJATENG.COM, SEMARANG - Jalur selatan kembali bisa dilalui setelah banjir surut.\n\n"
            "Berikut urutan kejadiannya.\n\n"
            "Sabtu, 8 Januari 2022\n\n"
            "Hujan deras sejak siang membuat sungai meluap dan air menutup badan jalan.\n\n"
            "Minggu, 9 Januari 2022\n\n"
            "Petugas membersihkan lumpur dan jalan dibuka lagi pada sore hari.\n")
    art = clean_text(text, rules=rules, outlet="tribunnews")
    assert "Sabtu, 8 Januari 2022" in art.paragraphs and "Minggu, 9 Januari 2022" in art.paragraphs


def _page_two(standfirst_end: str = "", between: str = "") -> str:
    """Page 2 of a Tribun story as scraped: headline, standfirst, byline, text with no dateline."""
    return ("Banjir Rendam Ratusan Rumah di Bandung Selatan\n"
            f"Luapan tiga sungai merendam ratusan rumah warga di Kabupaten Bandung sejak Senin malam{standfirst_end}\n"
            f"{between}"
            "Penulis: Cipta Permana | Editor: Tarsisius Sutomonaio\n"
            "Warga mulai mengungsi ke masjid dan balai desa terdekat pada Selasa pagi.\n"
            "Petugas membagikan makanan siap saji kepada para pengungsi.\n")


def test_standfirst_above_the_byline_of_a_page_without_a_lead(rules):
    """Page 2 of a Tribun story: headline, standfirst, byline, and text with no dateline."""
    from kliping.cleaner import clean_text
    art = clean_text(_page_two(), rules=rules, outlet="generic")
    assert art.description.startswith("Luapan tiga sungai") and art.editor == "Tarsisius Sutomonaio"
    assert art.paragraphs[0].startswith("Warga mulai mengungsi")
    short = clean_text("Banjir di Bandung\nWarga mulai mengungsi ke masjid terdekat pada Selasa pagi.\n"
                       "Editor: Tarsisius\n", rules=rules, outlet="generic")
    assert short.description is None and short.paragraphs  # nothing under the byline: text, not a standfirst


@pytest.mark.parametrize("between", ["|", "Tayang:", "|\nTayang:"])
def test_a_standfirst_above_the_byline_past_a_separator_and_a_bare_label(rules, between):
    """Tribun's regional pages print the date's label ("Tayang:") or a lone separator
    between the standfirst and the byline: neither is text, so the one line of prose
    above the byline is still the standfirst, and they are dropped as header."""
    from kliping.cleaner import clean_text
    text = _page_two(standfirst_end=".", between=f"{between}\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.description.startswith("Luapan tiga sungai") and art.editor == "Tarsisius Sutomonaio"
    assert art.paragraphs[0].startswith("Warga mulai mengungsi")
    assert "|" not in art.text and "Tayang" not in art.text
    two = text.replace(f"{between}\n", "Warga bertahan di atap rumah sejak Senin malam.\n")
    art = clean_text(two, rules=rules, outlet="generic")
    assert art.description is None  # two lines of prose above the byline: neither is told apart


@pytest.mark.parametrize("standfirst", [
    # the meta description the scraper printed, cut short without its full stop
    "Luapan tiga sungai merendam ratusan rumah warga di Kabupaten Bandung sejak Senin malam dan",
    # the lead's gist, its words printed again in the paragraph under it
    "Luapan tiga sungai merendam ratusan rumah warga di Kabupaten Bandung.",
])
def test_a_standfirst_over_a_lead_without_dateline(rules, standfirst):
    """Page 2 of a story, or a lead printed without its prefix: the line under the
    headline is the standfirst when it is cut short or says again what the text says."""
    from kliping.cleaner import clean_text
    body = ("Luapan tiga sungai sejak Senin malam merendam ratusan rumah warga di lima desa di "
            "Kabupaten Bandung, kata petugas BPBD kepada wartawan.\n"
            "Warga mulai mengungsi ke masjid dan balai desa terdekat pada Selasa pagi.\n"
            "Petugas membagikan makanan siap saji kepada para pengungsi.\n")
    art = clean_text(f"Banjir Rendam Ratusan Rumah di Bandung Selatan\n{standfirst}\n{body}",
                     rules=rules, outlet="generic")
    assert art.description == standfirst
    assert art.paragraphs[0].startswith("Luapan tiga sungai sejak Senin malam")


def test_a_standfirst_full_of_names_cut_short_over_a_lead_without_dateline(rules):
    """A standfirst about people names many of them ("Anak kedua Presiden Joko Widodo,
    Kaesang Pangarep, …"): cut short with paragraphs under it, it is the standfirst
    although half its words are capitalised; a title-case line is not."""
    from kliping.cleaner import clean_text
    body = ("Persis Solo resmi diambil alih oleh konsorsium yang dipimpin Kaesang pada Jumat sore.\n"
            "Klub itu bermain di Liga 2 dan berambisi naik ke kasta tertinggi musim depan.\n"
            "Manajemen baru berjanji membenahi Stadion Manahan dan akademi pemain muda.\n")
    standfirst = "Anak kedua Presiden Joko Widodo, Kaesang Pangarep, resmi menjadi salah satu pemilik klub Persis Solo"
    art = clean_text(f"Kaesang Resmi Jadi Bos Persis Solo\n{standfirst}\n{body}", rules=rules, outlet="generic")
    assert art.description == standfirst and art.paragraphs[0].startswith("Persis Solo resmi")
    kicker = "Anak Kedua Presiden Joko Widodo Resmi Jadi Pemilik Klub Persis Solo Bersama Kawan"
    art = clean_text(f"Kaesang Resmi Jadi Bos Persis Solo\n{kicker}\n{body}", rules=rules, outlet="generic")
    assert art.description is None


def test_the_headline_again_with_a_word_more_is_dropped(rules):
    """A blog prints its post title, then the copied story's own headline, which says
    the same with a word or two more ("Hotel JW Marriott …"): that copy is no text. A
    paragraph that merely opens with the headline's words is kept."""
    from kliping.cleaner import clean_text
    body = ("Dua bom meledak di dua hotel yang berdekatan di Jakarta pada Jumat pagi.\n"
            "Polisi menutup kawasan Mega Kuningan dan memeriksa saksi.\n")
    art = clean_text("JW Marriott dan Ritz Carlton Dibom\nHotel JW Marriott dan Ritz Carlton Dibom\n" + body,
                     rules=rules, outlet="generic")
    assert art.title == "JW Marriott dan Ritz Carlton Dibom"
    assert "Hotel" not in art.text and art.paragraphs[0].startswith("Dua bom meledak")
    lead = "JW Marriott dan Ritz Carlton dibom pagi ini, kata polisi kepada wartawan di lokasi."
    art = clean_text(f"JW Marriott dan Ritz Carlton Dibom\n{lead}\n" + body, rules=rules, outlet="generic")
    assert art.paragraphs[0] == lead
    page = ("<html><head><title>Bee Simulator</title></head><body><article><h1>Bee Simulator</h1>"
            "<h2>Bee Simulator Mehrspieler</h2><p>Im Mehrspielermodus fliegen zwei Bienen gemeinsam "
            "durch den Park und sammeln Pollen, wer mehr sammelt, gewinnt die Runde.</p>"
            + "<p>Die Blumenwiese ist groß, und jede Blüte gibt nur einmal Pollen, so dass die Bienen "
            "sich beeilen und gut planen müssen, welchen Weg sie nehmen.</p>" * 2
            + "</article></body></html>")
    art = clean_text(page, rules=rules, content_type="text/html")
    assert "Bee Simulator Mehrspieler" in art.text  # a page's heading under its title says more


def test_a_standfirst_saying_again_a_paragraph_further_down(rules):
    """Page 2 of a story prints the story's standfirst over its own text, which may say
    the same further down than its first paragraphs: it is still the standfirst."""
    from kliping.cleaner import clean_text
    standfirst = "Sebelumnya, Menkominfo menegaskan perang terhadap judi online adalah perintah langsung Presiden."
    body = ("Pasal 303 KUHP mengancam pemain judi dengan pidana penjara paling lama sepuluh tahun.\n"
            "Baca juga: Polisi Tangkap Bandar Judi Online di Aceh\n"
            "Pemerintah terus memblokir situs dan rekening yang terkait judi.\n"
            "Kominfo juga bekerja sama dengan bank untuk menutup rekening para bandar.\n"
            "Menkominfo menegaskan bahwa perang terhadap judi online adalah perintah langsung dari Presiden, "
            "katanya di Jakarta.\n"
            "Sekitar 300 ribu rekening sudah diblokir sejak awal tahun.\n")
    art = clean_text(f"Menkominfo Berantas Judi Online\n{standfirst}\n{body}", rules=rules, outlet="generic")
    assert art.description == standfirst and art.paragraphs[0].startswith("Pasal 303")


@pytest.mark.parametrize("marker", ["1.", "1)", "1).", "1.)"])
def test_a_round_ups_numbered_story_headings_are_text(rules, marker):
    """A round-up ("Berikut 3 berita populer …") numbers its stories' headings, in any of
    the ways writers type a number ("1.", "1)", "1).", "1.)"): each is the article's own
    heading, never another story's link."""
    from kliping.cleaner import clean_text
    heading = f"{marker} Alasan Ketua DPRD Gorontalo Siap Mundur dari Jabatannya"
    text = ("Berita Populer Gorontalo Hari Ini\n"
            "Berikut tiga berita populer Gorontalo yang kami ulas untuk pembaca pada hari ini.\n"
            f"{heading}\n"
            "Ketua DPRD menegaskan komitmennya di hadapan mahasiswa yang berunjuk rasa pada Jumat siang.\n"
            "Aksi itu berlangsung tertib meski sempat memanas di depan pintu masuk gedung dewan.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert heading in art.paragraphs and not art.related


@pytest.mark.parametrize("separator", [" - ", " – ", ": "])
def test_the_title_glued_before_the_lead_is_cut_off(rules, separator):
    """Blog templates print the post's title again in front of its first paragraph
    ("<title> - Gunung Kelud meletus …"): the copy is cut off the paragraph, not kept.
    A paragraph that only names the title's subject is left whole."""
    from kliping.cleaner import clean_text
    title = "Gunung Kelud Meletus Sangat Dahsyat"
    lead = "Gunung Kelud akhirnya meletus pada Kamis malam pukul 22.50 WIB dengan suara yang keras."
    text = (f"{title}\n{title}{separator}{lead}\n"
            "Warga di lereng gunung mulai mengungsi ke tempat yang lebih aman.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.title == title and art.paragraphs[0] == lead
    under_kicker = text.replace("\n", "\nPosted by Angga Site\nAbu Gunung Kelud Juga Selimuti Yogyakarta\n", 1)
    assert lead in clean_text(under_kicker, rules=rules, outlet="blogmirror").paragraphs
    whole = f"{title} adalah kabar yang paling banyak dibaca pekan ini di Jawa Timur."
    art = clean_text(f"{title}\n{whole}\nWarga mulai mengungsi.\n", rules=rules, outlet="generic")
    assert art.paragraphs[0] == whole


def test_a_photo_labels_caption_under_a_blank_line(rules):
    """Amp pages print the photo between its label and its caption, so the scrape has a
    blank line there: the caption under it is still the photo's. A lead with its
    dateline under the label (a photo with no caption) stays the lead."""
    from kliping.cleaner import clean_text
    lead = "KABARPADANG.COM, PADANG - Gempa bermagnitudo 6,9 mengguncang Kepulauan Mentawai pada Selasa subuh."
    caption = "Warga mengungsi ke perbukitan di Sipora, Kepulauan Mentawai, Selasa (2/3/2021)."
    head = "Gempa Guncang Mentawai, Warga Lari ke Bukit\n\nLihat Foto\n\n"
    tail = "\n\nWarga di pesisir sempat panik dan berlari ke perbukitan.\n"
    art = clean_text(f"{head}{caption}\n\n{lead}{tail}", rules=rules, outlet="generic")
    assert art.captions == (caption,) and art.description is None and art.dateline == "PADANG"
    art = clean_text(f"{head}{lead}{tail}", rules=rules, outlet="generic")
    assert art.captions == () and art.dateline == "PADANG" and art.paragraphs[0].startswith("Gempa bermagnitudo")
    credited = "Warga mengungsi ke perbukitan di Sipora, Selasa (2/3/2021).(KOMPAS.com/NAMA FOTOGRAFER)"
    byline = "Penulis Nama Penulis | Penyunting Nama Penyunting"
    art = clean_text(f"{head}{credited}\n\n{byline}\n\n{lead}{tail}", rules=rules, outlet="generic")
    assert credited in art.captions and byline not in art.captions  # the box has its caption


def test_a_first_paragraph_is_no_standfirst(rules):
    """A whole sentence under the headline that the text does not say again is its
    first paragraph; so is a cut line with no paragraphs under it."""
    from kliping.cleaner import clean_text
    first = "Warga Kabupaten Bandung mulai mengungsi ke masjid dan balai desa sejak Senin malam."
    body = ("Petugas membagikan makanan siap saji kepada para pengungsi di lima desa.\n"
            "Air mulai surut pada Selasa sore, kata petugas BPBD kepada wartawan.\n")
    art = clean_text(f"Banjir di Bandung Selatan\n{first}\n{body}", rules=rules, outlet="generic")
    assert art.description is None and art.paragraphs[0] == first
    cut = "Warga Kabupaten Bandung mulai mengungsi ke masjid dan balai desa sejak"
    art = clean_text(f"Banjir di Bandung Selatan\n{cut}\nFoto: Dok. BPBD\n", rules=rules, outlet="generic")
    assert art.description is None


def test_a_dateline_lead_under_an_amp_pages_widgets(rules):
    """An amp page prints a font widget's buttons, the photo and its credit between the
    headline and the lead: the lead with its dateline is still found, seven lines down."""
    from kliping.cleaner import clean_text
    text = ("Gempa Guncang Mentawai, Warga Lari ke Bukit\n"
            "Editor: Erik S\n"
            "AA\n"
            "Medium\n"
            "Large\n"
            "Larger\n"
            "Warga berlari ke bukit saat gempa mengguncang Kepulauan Mentawai, Selasa subuh.\n"
            "KABARPADANG.COM, PADANG - Gempa bermagnitudo 6,9 mengguncang Kepulauan Mentawai, "
            "Sumatera Barat, pada Selasa subuh.\n"
            "Warga di pesisir sempat panik dan berlari ke perbukitan.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.dateline == "PADANG"
    assert art.paragraphs[0].startswith("Gempa bermagnitudo 6,9")
    assert "Larger" not in art.text


def test_a_title_case_headline_over_a_standfirst_without_its_full_stop(rules):
    """Where the headline is the last line before the text (Tribun), a standfirst cut
    short under it looks like a headline too; the headline is in title case, the
    standfirst (longer) is not."""
    from kliping.cleaner import clean_text
    headline = "Luapan 3 Sungai Rendam 1.668 Rumah di Kabupaten Bandung, 399 Warga Mengungsi"
    standfirst = ("Kabid Kedaruratan dan Logistik BPBD Kabupaten Bandung, Heru Kiatno mengatakan pihaknya "
                  "telah melakukan beberapa upaya")
    text = (f"Banjir Kabupaten Bandung\n{headline}\n{standfirst}\n"
            "Penulis: Cipta Permana | Editor: Tarsisius Sutomonaio\n"
            "SOREANG, TRIBUNJABAR.CO.ID - Hujan deras sejak Senin sore membuat tiga sungai di "
            "Kabupaten Bandung meluap.\n"
            "Warga mengungsi ke masjid dan sekolah terdekat.\n")
    art = clean_text(text, rules=rules, outlet="tribunnews")
    assert art.title == headline
    assert art.description == standfirst


def test_a_teaser_cut_from_the_lead_is_not_a_standfirst(rules):
    from kliping.cleaner import clean_text
    lead = "Harga cengkih kering di tingkat petani Minahasa naik menjadi Rp 120 ribu per kilogram menjelang panen."
    text = (f"Harga Cengkih Naik\n\n{lead[:60]}\n\nMINAHASA - {lead}\n\nPetani berharap harga bertahan lama.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.description is None and art.paragraphs[0] == lead


@pytest.mark.parametrize("outlet", ["generic", "blogmirror"])
def test_a_teaser_cut_from_the_lead_under_a_pictures_alt_text_glued_to_it(rules, outlet):
    """A blog prints the post's cut excerpt over the post, whose picture's alt text the
    scrape glued to the lead ("Cengkih KeringSejak awal …"): the excerpt is the lead
    printed twice, not a standfirst, and the alt text is no text."""
    from kliping.cleaner import clean_text
    lead = ("Sejak awal tahun harga cengkih kering di tingkat petani Minahasa terus naik menjadi Rp 120 ribu "
            "per kilogram menjelang panen raya.")
    text = (f"Harga Cengkih Naik Menjelang Panen\n\n{lead[:70]}...\n\nCengkih Kering{lead}\n\n"
            "Petani berharap harga bertahan lama hingga akhir tahun.\n")
    art = clean_text(text, rules=rules, outlet=outlet)
    assert art.description is None
    assert art.paragraphs[0] == lead


def test_the_byline_under_the_sign_off_that_ends_the_article(rules):
    """jpnn closes the text with "(fat/jpnn)" and prints "Redaktur & Reporter : X" under it."""
    from kliping.cleaner import clean_text
    text = ("Tujuh Fatwa Baru MUI\n\nJAKARTA - Majelis Ulama Indonesia mengeluarkan tujuh fatwa baru, "
            "kata ketuanya. (fat/jpnn)\n\nEditor: Fathra Nazrul Islam\n\nBERITA TERKAIT\n\nEditor: Bukan Ini\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.editor == "Fathra Nazrul Islam"
    assert art.paragraphs == ("Majelis Ulama Indonesia mengeluarkan tujuh fatwa baru, kata ketuanya. (fat/jpnn)",)


def test_a_credit_line_and_the_caption_under_it(tmp_path):
    from kliping.cleaner import clean_text, load_rules
    (tmp_path / "credits.toml").write_text("name = 'Credits'\n[photo]\ncredit = ['^Tribun\\w+\\.com/\\w+(?: \\w+)*$']\n")
    rules = load_rules([tmp_path])
    text = ("Gibran Jamin Vaksin Tersedia\n\nTribunSolo.com/Adi Surya\nWali Kota Solo Gibran di Balai Kota, Senin (1/3).\n\n"
            "SOLO - Wali Kota Solo menjamin vaksin tersedia bagi warga.\n\nTribunSolo.com/Adi Surya\n"
            "SOLO - Stok vaksin cukup hingga akhir bulan, katanya.\n")
    art = clean_text(text, rules=rules, outlet="credits")
    assert art.captions == ("TribunSolo.com/Adi Surya", "Wali Kota Solo Gibran di Balai Kota, Senin (1/3).")
    assert art.paragraphs[-1] == "SOLO - Stok vaksin cukup hingga akhir bulan, katanya."  # a lead is never the caption


def test_a_headline_between_paragraphs_is_a_related_link(rules):
    """Real scrapes lose the "Baca Juga" label of the links between paragraphs; a
    subheading, a numbered item or a sentence stays text."""
    from kliping.cleaner import clean_text
    text = ("Gibran Jamin Vaksin Tersedia di Solo\n\n"
            "SOLO - Wali Kota Solo menjamin vaksin tersedia bagi warga, katanya pada Senin.\n\n"
            "Peduli Ekonomi Rakyat, Ketua Kartini Perindo Bagikan Gerobak ke 3 Pedagang\n\n"
            "Stok Vaksin Cukup\n\n"
            "1. Stok Vaksin Cukup Hingga Akhir Bulan Menurut Dinas Kesehatan Kota Solo\n\n"
            "• KABAR DUKA Iwan Fals Berduka, Puluhan Penumpang Bus Tewas di Tol Sriwijaya\n\n"
            "Menurut Dinas Kesehatan Kota Solo, stok vaksin cukup hingga akhir bulan ini.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.related == ("Peduli Ekonomi Rakyat, Ketua Kartini Perindo Bagikan Gerobak ke 3 Pedagang",
                           "KABAR DUKA Iwan Fals Berduka, Puluhan Penumpang Bus Tewas di Tol Sriwijaya")
    assert "Stok Vaksin Cukup" in art.paragraphs and art.paragraphs[2].startswith("1. Stok")


def test_a_byline_label_with_the_name_on_the_next_line(rules):
    """Tempo prints "Reporter:" / "Editor:" and the name under them; Kompas.id "Editor:" / "NAME"."""
    from kliping.cleaner import clean_text
    text = ("Cerita Sri Mulyani Tentang Pajak\n\nReporter:\nEditor:\n\nMartha Warta Silaban\n\n"
            "JAKARTA - Menteri Keuangan Sri Mulyani bercerita tentang pajak kepada peserta.\n\n"
            "Editor:\nKompas.com/Robertus Belarminus\n\nIa meminta anak muda taat membayar pajak.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.editor == "Martha Warta Silaban" and art.captions == ("Kompas.com/Robertus Belarminus",)
    assert art.paragraphs == ("Menteri Keuangan Sri Mulyani bercerita tentang pajak kepada peserta.",
                              "Ia meminta anak muda taat membayar pajak.")


def test_text_glued_above_the_headline_and_printed_again_under_it(rules):
    """Search indexes store amp pages so: the whole text in one line, the headline, the text again."""
    from kliping.cleaner import clean_text
    lead = ("JAKARTA - Penjualan semen di dalam negeri naik 4,2% pada bulan lalu seiring mulainya proyek "
            "infrastruktur di sejumlah daerah, kata asosiasi.")
    art = clean_text(f"{lead} Permintaan dari Jawa masih mendominasi.\nPenjualan Semen Naik di Awal Kuartal IV\n"
                     f"{lead}\n\nPermintaan dari Jawa masih mendominasi.\n", rules=rules, outlet="generic")
    assert art.title == "Penjualan Semen Naik di Awal Kuartal IV" and art.dateline == "JAKARTA"
    assert art.paragraphs == (lead.removeprefix("JAKARTA - "), "Permintaan dari Jawa masih mendominasi.")


def test_a_paragraph_closed_by_a_sign_off_is_text_to_the_end(rules):
    """jpnn glues its sign-off to the full stop: "…tersebut.(gir/jpnn)"; it is no cut-off fragment."""
    from kliping.cleaner import clean_text
    last = "Wali kota itu ditangkap di kabupaten tersebut.(gir/jpnn)"
    art = clean_text("Judul Berita KPK\n\nJAKARTA - KPK menangkap seorang wali kota pada Selasa malam, "
                     f"kata juru bicara.\n\n{last}", rules=rules, outlet="generic")
    assert art.paragraphs[-1] == last


def test_a_caption_printed_again_in_the_text_is_dropped(rules):
    from kliping.cleaner import clean_text
    caption = ("Massa dari berbagai elemen melakukan unjuk rasa di depan gedung DPR, Senayan, Jakarta, "
               "Senin (5/10/2020). (ANTARA FOTO/Galih Pradipta)")
    art = clean_text(f"Demokrat Walk Out\n\n{caption}\n\nJAKARTA - DPR mengesahkan undang-undang itu pada "
                     f"Senin malam, kata ketuanya.\n\n{caption}\n\nPartai Demokrat menolak.\n",
                     rules=rules, outlet="generic")
    assert art.captions == (caption,) and caption not in art.paragraphs


def test_a_headline_that_asks_is_not_the_text_beginning(tmp_path):
    from kliping.cleaner import clean_text, load_rules
    (tmp_path / "kicker.toml").write_text('name = "Kicker"\n[headline]\ntitle = "last-before-text"\n')
    text = ("Kecelakaan Bus di Tol\nDua Bus Terbakar di Tol Kalikangkung, Bagaimana Nasib Penumpang?\n"
            "SEMARANG - Kecelakaan bus kembali terjadi di Gerbang Tol Kalikangkung pada Rabu malam.\n")
    art = clean_text(text, rules=load_rules([tmp_path]), outlet="kicker")
    assert art.title == "Dua Bus Terbakar di Tol Kalikangkung, Bagaimana Nasib Penumpang?"


def test_a_name_over_its_role_and_a_name_under_oleh(rules):
    """Kompas.com prints "Maya Citra Rosa" / "Editor"; Kompas.id "Oleh" / "MB Dewi Pancawati"."""
    from kliping.cleaner import clean_text
    text = ("Remaja Tabrak Bus di Ngawi\n\nOleh\nMB Dewi Pancawati\n\nMaya Citra Rosa\n\nEditor\n\n"
            "NGAWI - Seorang remaja mengendarai mobil dan menabrak bus rombongan pelajar pada Kamis.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.editor == "Maya Citra Rosa" and art.author == ("MB Dewi Pancawati",)
    assert art.paragraphs == ("Seorang remaja mengendarai mobil dan menabrak bus rombongan pelajar pada Kamis.",)


def test_related_box_items_lose_their_list_markers(rules):
    from kliping.cleaner import clean_text
    text = ("Timnas Kalahkan Timor Leste\n\nJAKARTA - Timnas Indonesia menang 3-1 atas Timor Leste, kata pelatih.\n\n"
            "Baca Juga\n- Klasemen Grup A Piala AFF 2018\n• Suporter Rela Bolos Kerja Demi Timnas\n\n"
            "Pertandingan berikutnya digelar Minggu.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.related == ("Klasemen Grup A Piala AFF 2018", "Suporter Rela Bolos Kerja Demi Timnas")


def test_related_links_printed_as_table_cells_lose_the_bars(rules):
    """A scraper that writes the page's boxes as a table's cells frames the link in bars
    ("| Baca juga: Judul |"), or closes each title under the label with one ("Judul |"):
    the title is the link, without its bars."""
    from kliping.cleaner import clean_text
    lead = "JAKARTA - Timnas Indonesia menang 3-1 atas Timor Leste, kata pelatih.\n\n"
    more = "Pertandingan berikutnya digelar Minggu di stadion yang sama.\n"
    for box in ("| Baca juga: Klasemen Grup A Piala AFF 2018 |\n\n", "Baca juga:\nKlasemen Grup A Piala AFF 2018 |\n\n"):
        art = clean_text(f"Timnas Kalahkan Timor Leste\n\n{lead}{box}{more}", rules=rules, outlet="generic")
        assert art.related == ("Klasemen Grup A Piala AFF 2018",), box
        assert art.paragraphs[-1] == more.strip()


def test_a_role_over_its_name_and_a_headline_over_a_lone_role(rules):
    """Tempo prints "Reporter" / name / "Editor" / name; a short headline over a lone
    "Reporter" is the headline, not the reporter's name."""
    from kliping.cleaner import clean_text
    text = ("Fakta Kebakaran Depo Plumpang\n\nReporter\nFajar Pebrianto\nEditor\nRr. Ariyani Yakti Widyastuti\n\n"
            "JAKARTA - Kebakaran depo bahan bakar di Plumpang menewaskan belasan warga pada Jumat malam.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.title == "Fakta Kebakaran Depo Plumpang"
    assert art.author == ("Fajar Pebrianto",) and art.editor == "Rr. Ariyani Yakti Widyastuti"
    lone = clean_text("Jokowi Bicara Potensi Investasi\nReporter\n\nJAKARTA - Presiden bicara investasi di Istana pada Senin.\n",
                      rules=rules, outlet="generic")
    assert lone.title == "Jokowi Bicara Potensi Investasi" and lone.author == ()


@pytest.mark.parametrize("line,caption", [
    ("Gedung Komisi Pemberantasan Korupsi (KPK)/RMOL", True),
    ("Direktur Gerakan Perubahan, Muslim Arbi/Net", True),
    ("Sri Mulyani meninjau kantor pajak pada Maret 2018. Tempo/Zara Amelia", True),
    ("Mahasiswa Menggoyang Pagar Belakang Gedung DPR/MPR", False),  # an acronym pair, not a credit
    ("www.twitter.com/AdaletMerhamet", False),  # an address, not a caption
])
def test_a_caption_with_its_credit_after_a_slash(line, caption):
    from kliping.cleaner import clean_text, load_rules
    page = (f"Judul Berita yang Cukup Panjang untuk Sebuah Headline\n\n{line}\n\n"
            "JAKARTA - Paragraf pertama berita ini cukup panjang untuk dibaca sebagai lead.\n")
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert (line in art.captions) is caption


def test_a_tickers_row_is_never_the_headline():
    from kliping.cleaner import clean_text, load_rules
    page = ("| : WIB | INDIKATOR |\nHarga Saham Perbankan Menguat pada Sesi Pertama\n\n"
            "JAKARTA - Harga saham perbankan menguat pada sesi pertama perdagangan Selasa.\n")
    assert clean_text(page, rules=load_rules(), outlet="generic").title == "Harga Saham Perbankan Menguat pada Sesi Pertama"


def test_the_lead_is_never_dropped_as_a_captions_echo():
    """Tribun pages print the photo's caption, then the lead that repeats it under the
    dateline: the lead is text (the caption box's copy is the echo)."""
    from kliping.cleaner import clean_text, load_rules
    lead = "Kecelakaan adu banteng terjadi di jalur Denpasar-Gilimanuk, Kabupaten Jembrana, Sabtu (30/11)."
    page = (f"Dua Mobil Adu Banteng di Jalur Tengkorak Denpasar-Gilimanuk\n\nISTIMEWA\n{lead}\n\n"
            f"TRIBUN-BALI.COM - {lead}\n\nTiga orang terpaksa dilarikan ke rumah sakit setelah kejadian itu.\n")
    art = clean_text(page, rules=load_rules(), outlet="tribunnews")
    assert art.paragraphs[0] == lead and art.dateline is None and len(art.paragraphs) == 2


def test_a_standfirst_cut_from_the_lead_is_not_the_headline(tmp_path):
    """Under a rule whose headline is the last line above the text, a standfirst with no
    full stop and full of names (so not in sentence case) is still passed over when its
    words are the lead's."""
    from kliping.cleaner import clean_text, load_rules
    (tmp_path / "kicker.toml").write_text('name = "Kicker"\nfingerprints = [\'^Penulis: \']\n'
                                          '[headline]\ntitle = "last-before-text"\n')
    page = ("Persib Bandung\n"
            "Bobotoh Kembali Datangi Graha Persib, Nyalakan Flare dan Tuntut Manajemen\n"
            "Gelombang aksi Bobotoh di Graha Persib Jalan Sulanjana Kota Bandung Minggu makin meningkat\n"
            "Penulis: Ferdyan Adhy | Editor: Tarsisius Sutomo\n"
            "BANDUNG - Gelombang aksi Bobotoh di Graha Persib, Jalan Sulanjana, Kota Bandung, Minggu (10/10) "
            "sore, makin meningkat dan ratusan orang datang.\n"
            "Mereka menuntut bertemu manajemen.\n")
    art = clean_text(page, rules=load_rules([tmp_path]), outlet="kicker")
    assert art.title == "Bobotoh Kembali Datangi Graha Persib, Nyalakan Flare dan Tuntut Manajemen"


@pytest.mark.parametrize("tail,dropped", [
    # the page's tags without their label, one per line
    ("KKB Papua\nIntan Jaya\nKelompok Kriminal Bersenjata\nProvinsi Papua\nSugapa", True),
    # a list the article introduces with a colon
    ("Pemain yang dipanggil:\nEvan Dimas\nAndik Vermansah\nStefano Lilipaly\nBoaz Solossa", False),
    # rows of figures: a table of the article
    ("BBCA 25,3\nBBRI 18,1\nBMRI 12,4\nBBNI 9,8", False),
    # three short lines: too few to tell from a short ending
    ("Papua\nKabupaten Nabire\nSugapa", False),
])
def test_a_run_of_short_labels_ending_the_text_is_the_pages_tags(tail, dropped):
    from kliping.cleaner import clean_text, load_rules
    page = ("Warga Intan Jaya Terancam Kelaparan Akibat Konflik\n\n"
            "JAYAPURA - Ribuan warga Intan Jaya terancam kelaparan karena tidak bisa berkebun.\n\n"
            f"Pemerintah provinsi diminta segera mengirim bantuan pangan ke daerah itu.\n\n{tail}\n")
    art = clean_text(page, rules=load_rules(), outlet="generic")
    # (the last line goes anyway: a fragment the scrape was cut in)
    assert (tail.splitlines()[1] not in art.text.split("\n\n")) is dropped


def test_a_market_tickers_rows_are_furniture_an_articles_table_is_not():
    from kliping.cleaner import clean_text, load_rules
    rows = "".join(f"• {code} 1.155 0,64 0,06%\n" for code in ("IDX", "KOMPAS100", "LQ45", "ISSI", "IDX30", "IDX80"))
    page = ("| : WIB | INDIKATOR |\n• USD/IDR 15.774 -14,00 -0,09%\n" + rows + "\n"
            "Sepuluh Saham LQ45 dengan PER Terendah Pekan Ini\n\n"
            "JAKARTA - Berikut sepuluh saham LQ45 dengan rasio harga terhadap laba terendah pekan ini:\n\n"
            "LPPF 5,31 3.250 3.230 3,9\nSRIL 0,85 342 340 3,91\n\nDaftar itu berubah setiap pekan.\n")
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.title == "Sepuluh Saham LQ45 dengan PER Terendah Pekan Ini"
    assert "USD/IDR" not in art.text and "LPPF 5,31 3.250 3.230 3,9" in art.text


def test_a_lone_bracketed_photo_credit_and_a_pagers_label_are_not_text():
    from kliping.cleaner import clean_text, load_rules
    page = ("Warga Ponorogo Blokir Jalan Rusak dengan Kayu\n\n(Foto: Antara)\n\n"
            "PONOROGO - Warga memasang kayu melintang di jalan penghubung antardesa yang rusak.\n\n"
            "Mereka meminta pemerintah segera memperbaikinya.\n\nHalaman :\n1 2\n")
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.captions == ("(Foto: Antara)",) and "Halaman" not in art.text and len(art.paragraphs) == 2


def test_a_paywalls_prompts_are_not_text():
    from kliping.cleaner import clean_text, load_rules
    page = ("Rupiah Menguat Setelah Bank Sentral Menahan Suku Bunga\n\n"
            "Jakarta - Rupiah menguat pada perdagangan Selasa setelah bank sentral menahan suku bunga acuannya.\n\n"
            "Berlangganan untuk lanjutkan membaca.\nBaca berita dengan sedikit iklan, klik di sini\n"
            "- Akses edisi mingguan dari tahun 1971\nManfaat berlangganan? Lihat Disini\n\n"
            "Analis memperkirakan penguatan berlanjut pekan depan.\n")
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert len(art.paragraphs) == 2 and "langgan" not in art.text and "Akses" not in art.text


#: A headline and a lead the generic rule reads, around the line a test is about.
HEADLINE = "Judul Berita Ini Cukup Panjang untuk Headline"
LEAD = "JAKARTA - Paragraf pertama berita ini cukup panjang untuk dibaca sebagai lead berita."


@pytest.mark.parametrize("line", [
    "Bagikan Artikel Ini", "Konten di bawah ini disajikan oleh Advertiser", "Aa Read Next : Judul Berita Lain di Sini",
    "Berita Populer", "UPDATE", "Video Terkait", "Live TV", "Text Sizes", "Dapatkan Berita Pilihan",
    "di WhatsApp Anda", "header img",
    # an invitation to follow the outlet on a news app, whatever the outlet's name
    "Silakan baca konten menarik lainnya dari JPNN.com di Google News",
    "Simak berita terbaru Tribunjambi.com di Google News", "Cek Berita dan Artikel yang lain di Google News dan WA Channel",
    "Konten di bawah ini disajikan oleh Advertiser. Jurnalis kami tidak terlibat dalam materi konten ini.",
])
def test_generic_furniture_lines_of_real_pages(line):
    from kliping.cleaner import clean_text, load_rules
    page = f"{HEADLINE}\n\n{line}\n\n{LEAD}\n\n{line}\n\nParagraf kedua berita ini juga ditulis cukup panjang.\n"
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.title == HEADLINE and len(art.paragraphs) == 2
    assert line not in art.text


@pytest.mark.parametrize("line,published", [
    ("Kompas.com - 04/06/2022, 05:35 WIB", "2022-06-04T05:35:00+07:00"),
    ("Syaiful Islam, Jurnalis · Sabtu 18 Januari 2020 08:33 WIB", "2020-01-18T08:33:00+07:00"),
    ("Media Indonesia • 29 March 2024 16:50", "2024-03-29T16:50:00+07:00"),
    ("Rabu, 25 Juli 2018 – 01:29 WIB", "2018-07-25T01:29:00+07:00"),
])
def test_a_date_with_its_time_closing_a_short_line_is_the_published_stamp(line, published):
    from kliping.cleaner import clean_text, load_rules
    page = f"{HEADLINE}\n{line}\n\n{LEAD}\n"
    assert clean_text(page, rules=load_rules(), outlet="generic").published == published


@pytest.mark.parametrize("caption", [
    # the credit after the last full stop
    "Ketua Umum Partai Perindo berbincang dengan Presiden di Jakarta, Selasa (19/3/2019). (Foto: Antara).",
    "Tujuh fakta menarik seputar kemenangan Argentina jadi juara dunia. Foto: Reuters.",
    # an illustration's, or credited to a platform or a site after a slash
    "ILUSTRASI. Petugas menghitung tumpukan uang rupiah di kantor cabang Bank Mandiri, Rabu (20/3).",
    "Bus tergelincir ke jurang di jalur selatan (ilustrasi)",
    "Duta, vokalis Sheila On 7, saat konser di Jakarta (Instagram)",
    "Menteri BUMN Rini Soemarno di kantornya./Bisnis.com",
    # closed by the photo's copyright: Merdeka prints the headline glued before it
    "Jokowi sidak banjir dini hari Jokowi sidak malam. ©2012 Merdeka.com",
    "Anies Baswedan resmikan pelican crossing. © 2018 Liputan6.com",
])
def test_captions_of_real_pages_with_their_credits(caption):
    from kliping.cleaner import clean_text, load_rules
    page = f"{HEADLINE}\n\n{caption}\n\n{LEAD}\n"
    assert clean_text(page, rules=load_rules(), outlet="generic").captions == (caption,)


def test_a_menu_of_labels_over_the_headline_is_passed_over():
    from kliping.cleaner import clean_text, load_rules
    menu = "News\nBisnis\nSuper Skor\nSport\nSeleb\nLifestyle\nTravel\nVideo\n"
    page = (f"{menu}Patung Bung Karno Setinggi 12 Meter Diresmikan di Alun-alun Kota\n\n"
            "BLITAR - Patung Bung Karno setinggi 12 meter diresmikan di alun-alun kota pada Senin pagi.\n")
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.title == "Patung Bung Karno Setinggi 12 Meter Diresmikan di Alun-alun Kota"
    assert "Lifestyle" not in art.text


def test_the_city_and_the_outlet_alone_on_the_line_over_the_lead():
    from kliping.cleaner import clean_text, load_rules
    page = ("Menko PMK: Vaksin Covid-19 Diberikan Mulai Desember\n\nJakarta, Kabar Priangan --\n\n"
            "Pemerintah menargetkan pemberian vaksin Covid-19 dimulai pada minggu ketiga Desember.\n")
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.dateline == "Jakarta" and art.paragraphs == (
        "Pemerintah menargetkan pemberian vaksin Covid-19 dimulai pada minggu ketiga Desember.",)


def test_an_outlets_name_alone_before_the_dash_is_no_dateline():
    from kliping.cleaner import clean_text, load_rules
    page = f"{HEADLINE}\n\nVIVA – Polisi menangkap pelaku penembakan seorang pengacara di Tanah Abang.\n"
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.dateline is None and art.paragraphs[0].startswith("Polisi menangkap")


@pytest.mark.parametrize("outlet", ["generic", "antaranews"])
def test_a_headline_printed_after_the_text_over_its_date(outlet):
    """Some scrapes (Antara's regional sites) print the text first, then the headline
    and its date line: with no headline above the lead, that line is the headline."""
    from kliping.cleaner import clean_text, load_rules
    headline = "Kabut Asap Mulai Selimuti Kota Pontianak"
    page = ("Pontianak (Antara Kalbar) - Kabut asap mulai menyelimuti Kota Pontianak dan sekitarnya sejak pagi.\n"
            "Warga mengeluhkan udara yang terasa pengap dan mata perih saat keluar rumah.\n"
            f"{headline}\nMinggu, 6 Oktober 2013 9:20 WIB\n")
    art = clean_text(page, rules=load_rules(), outlet=outlet)
    assert art.title == headline and headline not in art.text
    assert art.published == "2013-10-06T09:20:00+07:00" and len(art.paragraphs) == 2


def test_a_subheading_over_a_dated_paragraph_is_not_a_headline_after_the_text():
    """A short line over a date inside the text heads a chronology when the text goes on."""
    from kliping.cleaner import clean_text, load_rules
    page = (f"{HEADLINE}\n\n{LEAD}\n\nKronologi Kejadian\nSabtu, 8 Januari 2022\n"
            "Petugas tiba di lokasi dan mulai memadamkan api bersama warga sekitar.\n")
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.title == HEADLINE and "Kronologi Kejadian" in art.text


@pytest.mark.parametrize("box", ["Sumber :\n  • ANTARA FOTO/Galih Pradipta", "  • VIVA/M Ali Wafa"])
def test_the_photos_caption_over_its_credit_between_headline_and_lead(box):
    """VIVA prints the photo's caption under the headline, its source box right under it
    (no blank line): the line is the caption, not a standfirst and not dropped."""
    from kliping.cleaner import clean_text, load_rules
    caption = "Gedung Hotel Alexis di Jakarta Utara"
    page = (f"Prostitusi Alexis Kembali Disorot Publik Jakarta\n\n{caption}\n{box}\n\n"
            "VIVA – Nama griya pijat dan hotel Alexis kembali memantik perhatian publik pekan ini.\n")
    art = clean_text(page, rules=load_rules(), outlet="viva")
    assert caption in art.captions and art.description != caption and caption not in art.text


def test_a_standfirst_over_a_caption_with_its_credit_stays_the_standfirst():
    """A whole caption ending in its credit under the standfirst takes nothing above it."""
    from kliping.cleaner import clean_text, load_rules
    standfirst = "BNPB menyebut gempa melanda Jawa Barat, Jawa Tengah dan Yogyakarta."
    page = (f"Gempa Guncang Tiga Provinsi di Jawa\n\n{standfirst}\n"
            "Gempa melanda Jabar, Jateng dan DIY. (Dok. Twitter/BMKG)\n\n"
            "Jakarta, CNN Indonesia -- Gempa bermagnitudo 5,2 mengguncang sebagian Pulau Jawa pada Senin pagi.\n")
    art = clean_text(page, rules=load_rules(), outlet="cnnindonesia")
    assert art.description == standfirst and standfirst not in art.captions


@pytest.mark.parametrize("paragraph,related", [
    ("(Baca: Adakah Partai yang Bantu Kepentingan Rakyat? Ini Persepsi Masyarakat)",
     "Adakah Partai yang Bantu Kepentingan Rakyat? Ini Persepsi Masyarakat"),
    ("(Baca juga: Harga Bawang Merah Turun)", "Harga Bawang Merah Turun"),
    ("Pedagang berharap harga segera stabil pada pekan depan. (Baca: Harga Bawang Merah Turun)",
     "Harga Bawang Merah Turun"),
])
def test_a_related_link_in_brackets_without_a_rule(paragraph, related):
    """Katadata, Sindonews and the blogs copying them print "(Baca: Judul)" alone or at a
    paragraph's end: the generic rule takes it as a related link too."""
    from kliping.cleaner import clean_text, load_rules
    page = f"{HEADLINE}\n\n{LEAD}\n\n{paragraph}\n\nParagraf terakhir berita ini juga cukup panjang.\n"
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.related == (related,) and "Baca" not in art.text


@pytest.mark.parametrize("top,title", [
    # Tribun's sites: a topic label over the headline, the standfirst under it.
    ("Berita Kaltim Terkini\nWarga Samarinda Resah karena Tambang Batu Bara Dekat Sekolah\n"
     "Warga Samarinda dikagetkan munculnya aktivitas penambangan batu bara di dekat sekolah.",
     "Warga Samarinda Resah karena Tambang Batu Bara Dekat Sekolah"),
    # ... a headline that asks, over a standfirst the scrape cut short.
    ("Kecelakaan Bus di Tol\nDua Bus Terbakar Dekat Gerbang Tol Kalikangkung, Bagaimana Nasib Penumpang?\n"
     "Kecelakaan bus kembali terjadi di dekat gerbang tol Kalikangkung dan melibatkan dua bus malam yang",
     "Dua Bus Terbakar Dekat Gerbang Tol Kalikangkung, Bagaimana Nasib Penumpang?"),
    # A short headline over a standfirst in sentence case stays the headline.
    ("Jokowi Tinjau Banjir\nPresiden meninjau lokasi banjir di Jakarta Utara dan bertemu warga pengungsi\n"
     "Presiden tiba di lokasi pada Senin pagi dan langsung menemui warga di posko.",
     "Jokowi Tinjau Banjir"),
    # A TV site's section label, not in title case, over a title-case headline with its
    # date line under it (kompas.tv: the label names the site and the desk).
    ("Warta TV nasional berita terkini\nBanjir Surut, Pengungsi Kembali ke Rumah\n"
     "Warta.tv - 3 Maret 2022, 10:15 WIB\n"
     "BEKASI, WARTA.TV - Banjir yang merendam permukiman warga di Bekasi mulai surut pada Kamis pagi.",
     "Banjir Surut, Pengungsi Kembali ke Rumah"),
    # A short headline over a byline stays the headline.
    ("Harga Cabai Naik Lagi\nFaiq Hidayat - detikNews\n"
     "Harga cabai rawit di pasar tradisional kembali naik pada pekan ini, kata pedagang.",
     "Harga Cabai Naik Lagi"),
])
def test_a_topic_label_over_the_headline_is_passed_over(top, title):
    from kliping.cleaner import clean_text, load_rules
    page = f"{top}\n\nParagraf berikutnya berita ini juga cukup panjang untuk dibaca.\n"
    assert clean_text(page, rules=load_rules(), outlet="generic").title == title


@pytest.mark.parametrize("end", [
    # a translated edition's notice, whole or cut off by the scrape
    "The English, Chinese, Japanese, Arabic, and French versions are automatically generated by the AI. "
    "So there may still be inaccuracies in translating, please always see Indonesian as our main language.",
    "The English, Chinese, Japanese, Arabic, and French versions are automatically generated by the AI. So there may stil",
    # an Indonesian Blogger's comment count
    "Tidak ada komentar:", "0 komentar:", "3 Komentar",
])
def test_the_text_ends_at_a_translation_notice_or_a_blogs_comments(end):
    from kliping.cleaner import clean_text, load_rules
    page = f"{HEADLINE}\n\n{LEAD}\n\n{end}\nPosting Lebih Baru Posting Lama Beranda\n"
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.paragraphs == (LEAD.split(" - ", 1)[1],)


@pytest.mark.parametrize("line", [
    "Sri Mulyani: APBN Tak Boleh Serak Karena Harga Minyak Dunia Terus Naik Sepanjang Tahun Ini",
    "Catatan: Artikel ini telah diperbarui dengan keterangan dari pihak kepolisian setempat pada Senin.",
    "Zum Vergleich: Im vergangenen Jahr lag die Zahl der Neuzulassungen noch deutlich unter diesem Wert.",
    "Jasper Barenberg: Herr Minister, wie bewerten Sie die Lage nach den Gesprächen in Brüssel heute?",
])
def test_a_name_and_a_colon_over_the_lead_is_no_dateline(line):
    from kliping.cleaner import clean_text, load_rules
    art = clean_text(f"{line}\n\n{LEAD}\n", rules=load_rules(), outlet="generic")
    assert art.dateline == "JAKARTA"


@pytest.mark.parametrize("credit", [
    "TRIBUNKALTIM.CO/GREGORIUS SALMON", "TribunSolo.com/Tara Wahyu NV", "TRIBUN SUMSEL/EKO HEPRONIS",
    "Kompas.com/Robertus Belarminus", "KOMPAS/AGUS SUSANTO (AGS)", "Tribunnews/Muhammad Husain Sanusi/MCH2019",
    "ANTARA FOTO/Galih Pradipta", "ISTIMEWA", "Dok. PT KAI", "Handout via Kompas.com",
])
def test_a_credit_alone_over_its_caption_without_a_rule(credit):
    """A credit on its own line opens the photo's box: the short line under it is the
    caption (Tribun's sites and the outlets that copy the layout)."""
    from kliping.cleaner import clean_text, load_rules
    caption = "Warga memadati lokasi kebakaran di Jalan Merdeka, Selasa (3/10/2023)."
    page = f"{HEADLINE}\n\n{credit}\n{caption}\n\n{LEAD}\n"
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.captions == (credit, caption) and art.paragraphs == (LEAD.split(" - ", 1)[1],)


@pytest.mark.parametrize("line", ["DPR/MPR Setujui RUU Cipta Kerja Jadi Undang-undang", "Istimewa Sekali Acara Ini"])
def test_a_headline_with_a_slash_is_no_credit(line):
    from kliping.cleaner import clean_text, load_rules
    art = clean_text(f"{line}\n\n{LEAD}\n", rules=load_rules(), outlet="generic")
    assert art.title == line and art.captions == ()



@pytest.mark.parametrize("crumb", ["Politik & Hukum›Serba Cepat untuk RUU Cipta...", "Home » Nasional » Serba Cepat untuk RUU…"])
def test_a_breadcrumbs_cut_copy_of_the_headline_is_not_the_headline(crumb):
    """A breadcrumb over the headline ends in its copy cut short ("…"): the whole
    headline under it is the headline."""
    from kliping.cleaner import clean_text, load_rules
    headline = "Serba Cepat untuk RUU Cipta Kerja"
    page = f"{crumb}\nIklan\n{headline}\n\n{LEAD}\n"
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.title == headline and "Serba" not in art.text


def test_a_headline_ending_in_dots_over_its_photos_title_stays_the_headline():
    from kliping.cleaner import clean_text, load_rules
    headline = "Wahai BI! Rupiah Terlalu Kuat, Ada Pesan dari Jokowi Nih..."
    page = (f"{headline}\n{headline} Foto: Presiden Joko Widodo di pertemuan tahunan (OJK TV)\n\n"
            "Jakarta, CNBC Indonesia - Presiden Joko Widodo berpesan kepada Bank Indonesia soal rupiah.\n")
    assert clean_text(page, rules=load_rules(), outlet="generic").title == headline


@pytest.mark.parametrize("sign_off", ["(vir/c11/fal)", "(ant/b12)", "(fyk/ash)"])
def test_a_sign_off_with_a_desk_code_is_no_photo_credit(sign_off):
    """jpnn's sign-offs carry a desk code with digits: the paragraph they close is text."""
    from kliping.cleaner import clean_text, load_rules
    last = f"Ekspor batu bara pada Oktober anjlok 16 persen dibanding bulan sebelumnya. {sign_off}"
    art = clean_text(f"{HEADLINE}\n\n{LEAD}\n\n{last}\n", rules=load_rules(), outlet="generic")
    assert art.paragraphs[-1] == last and art.captions == ()


def test_a_byline_label_over_another_label_takes_no_role_for_a_name():
    """Tempo's 2020 pages: "Reporter" over "Editor" over one name — the name is the
    editor's, and "Editor" is never the reporter's name."""
    from kliping.cleaner import clean_text, load_rules
    page = (f"{HEADLINE}\n\nReporter\n\nEditor\n\nJuli Hantoro\n\nSelasa, 8 September 2020 10:15 WIB\n\n"
            "TEMPO.CO, Jakarta - Pasien Covid-19 terus berdatangan ke rumah sakit rujukan di Jakarta.\n")
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert "Editor" not in art.author and art.editor == "Juli Hantoro"


def test_a_related_label_with_its_titles_under_a_blank_line():
    """Liputan6's m. pages print "Baca Juga:", a blank line, then the titles: they are
    related links all the same; a paragraph under the label is text."""
    from kliping.cleaner import clean_text, load_rules
    page = (f"{HEADLINE}\n\n{LEAD}\n\nBaca Juga:\n\nHarga Bawang Merah Turun di Pasar Induk\n"
            "Pedagang Cabai Keluhkan Sepinya Pembeli\n\nParagraf berikutnya berita ini juga cukup panjang.\n")
    art = clean_text(page, rules=load_rules(), outlet="generic")
    assert art.related == ("Harga Bawang Merah Turun di Pasar Induk", "Pedagang Cabai Keluhkan Sepinya Pembeli")
    assert len(art.paragraphs) == 2
    page = f"{HEADLINE}\n\n{LEAD}\n\nBaca Juga:\n\nParagraf berikutnya berita ini juga cukup panjang untuk dibaca.\n"
    assert clean_text(page, rules=load_rules(), outlet="generic").paragraphs[-1].startswith("Paragraf berikutnya")


@pytest.mark.parametrize("outlet,lead", [
    ("tribunnews", "Penjual di Pasar Baru, kata Rahmat, menaikkan harga cabai sejak pekan lalu."),
    ("generic", "Warga di sana, kata Ketua RT, sudah lama menunggu jalan itu diperbaiki."),
])
def test_a_page_that_opens_with_a_sentence_has_no_headline(outlet, lead):
    """Page 3 of a story cut into pages opens straight with its text: a first line
    ending in a sentence's full stop is not taken for the headline, however short."""
    from kliping.cleaner import clean_text, load_rules
    rest = ("Sebelumnya harga cabai rawit Rp 30 ribu per kilogram, kini mencapai Rp 45 ribu.\n\n"
            "Pedagang mengeluh pembeli semakin sepi sejak harga naik.\n")
    art = clean_text(f"{lead}\n\n{rest}", rules=load_rules(), outlet=outlet)
    assert art.title is None
    assert art.paragraphs[0] == lead


def test_a_headline_ending_in_dots_is_still_the_headline():
    from kliping.cleaner import clean_text, load_rules
    page = ("Harga Cabai Naik Lagi, Pedagang: Pembeli Makin Sepi...\n\n"
            "JAKARTA - Harga cabai rawit di Pasar Baru naik lagi pekan ini, kata pedagang di sana.\n")
    assert clean_text(page, rules=load_rules(), outlet="generic").title == "Harga Cabai Naik Lagi, Pedagang: Pembeli Makin Sepi..."
