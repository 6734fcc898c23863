"""Fields a text scrape prints in shapes no rule pattern can tell apart line by line:
the photo's title glued before its caption, and the like (kliping/cleaner/text)."""
import pytest

from kliping.cleaner import clean_text


_TITLE = "Heboh Presiden Jokowi Ditanya Soal Banjir di Ambon"
_LEAD = ("Merdeka.com - Presiden Joko Widodo menjawab pertanyaan warga soal banjir yang "
         "melanda Kota Ambon pada Senin malam.")
_MORE = "Warga mengaku puas dengan jawaban Presiden dan berharap bantuan segera datang ke kampung."


@pytest.mark.parametrize("outlet", ["merdeka", "generic"])
def test_the_photo_title_glued_before_its_caption_is_cut_off(rules, outlet):
    """A page prints the photo's title (the headline) and its caption as one line
    ("<headline> Presiden di Ambon. ©2017 Merdeka.com"): the caption is what follows
    the headline's copy, not the whole line."""
    caption = "Presiden Jokowi di Ambon. ©2017 Merdeka.com"
    text = f"{_TITLE}\n\n{_TITLE} {caption}\n\n{_LEAD}\n\n{_MORE}\n"
    art = clean_text(text, rules=rules, outlet=outlet)
    assert art.title == _TITLE
    assert art.captions == (caption,)
    assert not any(_TITLE in p for p in art.paragraphs)


def test_a_caption_that_only_starts_like_the_headline_is_whole(rules):
    """A caption naming the headline's subject in its first words, or the headline's
    whole words as the photo's title with nothing after them, stays as printed."""
    caption = "Heboh Presiden Jokowi Ditanya Soal Banjir. ©2017 Merdeka.com"
    text = f"{_TITLE}\n\n{caption}\n\n{_LEAD}\n\n{_MORE}\n"
    assert clean_text(text, rules=rules, outlet="merdeka").captions == (caption,)


def test_a_photo_title_glued_in_the_photo_box_under_the_byline_stays(rules):
    """Further down, under the byline, the photo's box prints its title glued to the
    caption: that line is the caption as printed, title and all."""
    glued = f"{_TITLE} Presiden Jokowi di Ambon. ©2017 Merdeka.com"
    text = f"{_TITLE}\n\nNama Wartawan, Merdeka.com | Senin, 16/12/2017 05:07 WIB\n{glued}\n{_LEAD}\n\n{_MORE}\n"
    assert clean_text(text, rules=rules, outlet="generic").captions == (glued,)


_FIRE_TITLE = "Kronologi Kebakaran Empat Bangunan di Pontianak Tenggara, Korban Mengungsi"
_FIRE_STANDFIRST = "Empat bangunan yang terbakar terdiri dari dua rumah pribadi dan dua rumah makan."
_FIRE_TEXT = (
    "Korban kebakaran kini bertahan di sisa puing bersama suami dan kelima anaknya karena belum "
    "menemukan tempat untuk mengungsi sementara waktu.\n\n"
    '"Belum tahu mau mengungsi di mana, tadi keponakan sudah ngomong numpang di rumah dia," kata dia.\n\n'
    "Ia juga mengatakan anak-anaknya tidak bersekolah untuk sementara waktu akibat peristiwa itu.\n")


@pytest.mark.parametrize("outlet", ["tribunnews", "generic"])
def test_a_standfirst_over_the_photo_box_without_the_leads_prefix(rules, outlet):
    """A sentence between the headline and the photo's box (credit, caption), with the
    text under the box and no dateline on its lead, is the standfirst, not the text's
    first paragraph."""
    text = (f"Kebakaran di Pontianak Tenggara\n\n{_FIRE_TITLE}\n\n{_FIRE_STANDFIRST}\n\n"
            "TRIBUNPONTIANAK.CO.ID/Ferryanto\n"
            "Rumah warga yang terbakar di Jalan Abdurahman Saleh, Pontianak, Rabu 22 Februari 2023.\n\n"
            f"{_FIRE_TEXT}")
    art = clean_text(text, rules=rules, outlet=outlet)
    assert art.title == _FIRE_TITLE
    assert art.description == _FIRE_STANDFIRST
    assert _FIRE_STANDFIRST not in art.paragraphs
    assert art.paragraphs[0].startswith("Korban kebakaran kini")


def test_a_paragraph_over_a_photo_in_the_text_stays_text(rules):
    """A paragraph-long first block over the photo, or a photo further down under two
    paragraphs, leaves the text whole: no standfirst is made of the text's opening."""
    first = ("Empat bangunan yang terbakar di Pontianak Tenggara pada Rabu siang terdiri dari dua "
             "rumah pribadi dan dua rumah makan milik warga setempat.")
    photo = "TRIBUNPONTIANAK.CO.ID/Ferryanto\nRumah warga yang terbakar di Jalan Abdurahman Saleh.\n\n"
    short = "Api baru bisa dipadamkan satu jam kemudian oleh petugas."
    for top, opening in ((f"{first}\n\n{photo}", first), (f"{short}\n\n{first}\n\n{photo}", short)):
        art = clean_text(f"{_FIRE_TITLE}\n\n{top}{_FIRE_TEXT}", rules=rules, outlet="tribunnews")
        assert art.description is None and art.paragraphs[0] == opening


_FLOOD = ("Liputan6.com, Tangerang: Sebanyak 32 orang tewas akibat jebolnya tanggul Situ Gintung di "
          "Cirendeu, Tangerang, Banten, Jumat dini hari.\n\n"
          "Jenazah para korban tengah dievakuasi ke beberapa tempat di sekitar danau itu.\n\n"
          "Saat ini ketinggian air di dekat tanggul yang jebol sudah mulai surut.\n\n")


@pytest.mark.parametrize("foot,published", [
    # Blogger's date header printed under the post (the blog's rule ends the post at it).
    ("Kamis, 18 Juni 2009\nTanggul Situ Gintung Jebol, 32 Orang Tewas\nLangganan:\n"
     "Posting Komentar (Atom)\n", "2009-06-18"),
    # A feed's stamp under the feed's source line that ends the post.
    ('"hari" - Google Berita\nOctober 04, 2019 at 05:40AM\nhttps://ift.tt/30JwP7N\n'
     "Bagikan Berita Ini\n", "2019-10-04T05:40:00+07:00"),
])
def test_a_date_right_under_the_posts_end_is_its_date(rules, foot, published):
    """A page that prints no date above its text, but one at or right under the line
    that ends it, is dated by that line."""
    text = f"Tanggul Situ Gintung Jebol\n\n{_FLOOD}{foot}"
    assert clean_text(text, rules=rules, outlet="blogmirror").published == published


def test_a_date_far_under_the_end_or_under_a_dated_text_is_not_taken(rules):
    """Dates further down the foot are other posts' or comments'; and a date printed
    with the text wins over any under its end."""
    far = "Tidak ada komentar:\nPosting Komentar\nArsip Blog\nPopuler\nSabtu, 20 Juni 2009\n"
    assert clean_text(f"Tanggul Situ Gintung Jebol\n\n{_FLOOD}{far}", rules=rules,
                      outlet="blogmirror").published is None
    dated = f"Tanggul Situ Gintung Jebol\nJumat, 27 Maret 2009\n\n{_FLOOD}Kamis, 18 Juni 2009\nLangganan:\n"
    assert clean_text(dated, rules=rules, outlet="blogmirror").published == "2009-03-27"


_QUAKE_TITLE = "Gempa Cisaat Sukabumi Robohkan Masjid"
_QUAKE_COPY = ("Rachmadin Ismail - detikNews\n\n"
               "Sukabumi - Gempa berkekuatan 7,3 SR merobohkan sebuah masjid di Cisaat, Sukabumi, Jawa Barat.\n\n"
               "Kubah masjid itu hancur dan bagian dalamnya porak poranda akibat guncangan.\n\n"
               "Banyak rumah di luar Cisaat juga mengalami kerusakan yang parah.\n")


def test_a_blogs_date_header_right_over_the_post_title_wins_over_the_copied_stamp(rules):
    """Blogger prints the post's date as the page's first line, right over the post's
    title; the copied story under it keeps its outlet's stamp. The blog's date is the
    page's (labelling: a Blogger date header is `published`)."""
    text = f"Rabu, 02 September 2009\n\n{_QUAKE_TITLE}\n\nRabu, 02/09/2009 19:04 WIB\n{_QUAKE_COPY}"
    assert clean_text(text, rules=rules, outlet="blogmirror").published == "2009-09-02"
    later = f"31 October 2009\n\n{_QUAKE_TITLE}\nRabu, 30 September 2009 22:08 WIB\n\n{_QUAKE_COPY}"
    assert clean_text(later, rules=rules, outlet="generic").published == "2009-10-31"


def test_a_today_bar_over_the_sites_labels_gives_way_to_the_stamp(rules):
    """A site's date bar stands over its labels and menus, not right over the headline:
    the stamp under the headline is the article's date."""
    text = (f"Kamis, 5 Maret 2026\n\nBerita Populer Jawa Barat\n\n{_QUAKE_TITLE}\n\n"
            f"Rabu, 02/09/2009 19:04 WIB\n{_QUAKE_COPY}")
    assert clean_text(text, rules=rules, outlet="generic").published == "2009-09-02T19:04:00+07:00"


def test_a_related_label_over_the_copied_lead_does_not_end_the_post(rules):
    """A blog copies a story's header with its 'BERITA TERKAIT' label, then the story's
    lead with its dateline: a footer's end marker above the first dateline lead, with
    that lead right under it, is a label over the text, not the post's end."""
    lead = ("VIVAnews - Sebuah bom meledak di masjid di dalam kompleks Markas Polres Cirebon, "
            "Jawa Barat, saat salat Jumat.")
    more = '"Setidaknya 17 orang luka-luka," kata seorang warga yang tinggal di depan markas polisi itu.'
    text = (f"Jumat, 15 April 2011\n\nLedakan Bom di Masjid Mapolresta Cirebon\n\n"
            "Bom di Masjid Polresta Cirebon, 17 Orang Luka\n"
            "Ledakan terjadi di dalam masjid yang berada di kompleks markas polisi di Kota Cirebon itu.\n"
            "Jum'at, 15 April 2011, 13:41 WIB\nBERITA TERKAIT\n\n"
            f"{lead}\n\n{more}\n\nTidak ada komentar:\n\nPosting Komentar\n")
    art = clean_text(text, rules=rules, outlet="blogmirror")
    assert art.paragraphs == (lead.removeprefix("VIVAnews - "), more)
    # Under a lead already read, the marker ends the post as before.
    ended = text.replace("BERITA TERKAIT\n\n", f"{lead}\n\nBERITA TERKAIT\n\n", 1)
    assert clean_text(ended, rules=rules, outlet="blogmirror").paragraphs == (lead.removeprefix("VIVAnews - "),)


_TEASER = "Skor dan peringkat Indeks Persepsi Korupsi Indonesia 2025 anjlok."
_MI_LEAD = ("KURSI pimpinan Majelis Permusyawaratan Rakyat semestinya sudah mengakomodasi unsur "
            "Dewan Perwakilan Daerah, kata Sekretaris Jenderal Partai NasDem di kompleks parlemen.")
_MI_MORE = '"MPR mengenal sistem bikameral, maka DPD juga harus ada," katanya di Jakarta.\n'


def test_a_box_label_takes_the_teasers_under_it_down_to_the_text(tmp_path):
    """`header.box_start`: a label over a box of other stories' teasers (Media
    Indonesia's 'Headline' of the day, printed twice, no blank line before the text):
    the lines under it are dropped down to a blank line or the first paragraph."""
    from kliping.cleaner import load_rules
    (tmp_path / "boxed.toml").write_text(
        "name = 'Boxed'\n[header]\nbox_start = ['^Headline$']\n[body]\ndrop = ['^Kumpulan Berita [A-Z].{0,40}$']\n")
    rules = load_rules([tmp_path])
    text = f"Headline\n{_TEASER}\n{_TEASER}\nKumpulan Berita DPR RI\n{_MI_LEAD}\n{_MI_MORE}"
    art = clean_text(text, rules=rules, outlet="boxed")
    assert art.title is None
    assert art.paragraphs == (_MI_LEAD, _MI_MORE.strip())
    # A blank line closes the box: the headline under it stays the headline.
    spaced = f"Headline\n\n{_TEASER}\n\nPartai Rela Kursi Pimpinan MPR\n\n{_MI_LEAD}\n\n{_MI_MORE}"
    assert clean_text(spaced, rules=rules, outlet="boxed").title != "Headline"
    assert _MI_LEAD in clean_text(spaced, rules=rules, outlet="boxed").paragraphs


def test_media_indonesias_headline_of_the_day_is_no_headline(rules):
    text = f"Headline\n{_TEASER}\n{_TEASER}\nKumpulan Berita DPR RI\n{_MI_LEAD}\n{_MI_MORE}"
    art = clean_text(text, rules=rules, outlet="mediaindonesia")
    assert art.title is None and _TEASER not in " ".join(art.paragraphs)


_HARBOUR_TITLE = "Mengapa Pemerintah Menunda Pembangunan Pelabuhan Baru"
_HARBOUR_STANDFIRST = "Proyek pelabuhan ditunda hingga tahun depan. Anggaran dialihkan ke perbaikan jalan."
_HARBOUR_TEXT = (
    "Pemerintah provinsi memutuskan menunda pembangunan pelabuhan baru di pesisir utara setelah "
    "rapat anggaran pekan lalu.\n\n"
    "Kepala dinas perhubungan mengatakan dana pelabuhan dipakai untuk memperbaiki jalan yang rusak.\n\n"
    "Warga nelayan berharap pembangunan tetap dimulai tahun depan.\n")


def test_a_standfirst_over_the_date_line_is_the_description(rules):
    """A magazine's page: the headline, one line of summary, the date line, then the
    text with no dateline on its lead. The summary is the standfirst (as it is over a
    byline), not the text's first paragraph."""
    text = f"Ekonomi\n\n{_HARBOUR_TITLE}\n\n{_HARBOUR_STANDFIRST}\n\n12 Januari 2025 | 08.30 WIB\n\n{_HARBOUR_TEXT}"
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.title == _HARBOUR_TITLE
    assert art.published == "2025-01-12T08:30:00+07:00"
    assert art.description == _HARBOUR_STANDFIRST
    assert art.paragraphs[0].startswith("Pemerintah provinsi memutuskan")
    # The writer's name over the date line is no standfirst.
    text = f"{_HARBOUR_TITLE}\n\nNama Penulis Lengkap\n\n12 Januari 2025 | 08.30 WIB\n\n{_HARBOUR_TEXT}"
    assert clean_text(text, rules=rules, outlet="generic").description is None


def test_a_standfirst_under_the_outlets_name_over_the_dated_lead_is_the_description(rules):
    """The outlet's name and the date line between headline and standfirst, the photo's
    caption under it, then the lead with its dateline: the standfirst is the first line
    of its length there, not only when it stands right under the headline."""
    text = (f"{_HARBOUR_TITLE}\n\nKabar Pesisir\nSelasa, 24 Jan 2023 09:08 WIB\n{_HARBOUR_STANDFIRST}\n"
            "Kapal nelayan bersandar di dermaga lama. (ANTARA FOTO/Nama Fotografer).\n"
            "SEMARANG, KOMPAS.com - Pemerintah provinsi memutuskan menunda pembangunan pelabuhan.\n\n"
            "Warga nelayan berharap pembangunan tetap dimulai tahun depan.\n")
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.title == _HARBOUR_TITLE
    assert art.description == _HARBOUR_STANDFIRST
    assert art.paragraphs[0] == "Pemerintah provinsi memutuskan menunda pembangunan pelabuhan."
    # A name there, under a short label, is the writer's: no standfirst.
    art = clean_text(text.replace(_HARBOUR_STANDFIRST, "Nama Penulis Lengkap"), rules=rules, outlet="generic")
    assert art.description is None


def test_a_placeholder_under_an_empty_byline_label_is_no_name(rules):
    """Tempo's 2020 layout prints "Reporter" with no name under it, then the image
    placeholder "image-gnews" its rule drops: a line a drop pattern takes is never read
    as the name under the label above."""
    text = ("Banjir Rendam Ratusan Rumah di Jakarta Utara\n\nReporter\n\nimage-gnews\n"
            "Warga mengungsi ke masjid di Penjaringan, Jakarta, Senin, 22 Mei 2023. TEMPO/Nama Fotografer\n"
            "Iklan\n\nTEMPO.CO, Jakarta - Banjir merendam ratusan rumah warga di Penjaringan sejak Senin pagi.\n\n"
            "Warga mulai mengungsi ke masjid dan balai warga terdekat.\n")
    art = clean_text(text, rules=rules, outlet="tempo")
    assert art.author == () and art.editor is None
    assert art.paragraphs[0].startswith("Banjir merendam") and "image-gnews" not in art.text


@pytest.mark.parametrize("outlet", ["tribunnews", "generic"])
def test_a_sign_off_naming_the_bylines_writer_shorter_adds_no_author(rules, outlet):
    """The sign-off under the text often names the byline's writer by part of the name
    ("Penulis: Monang Widyoko" over "… (Tribunjambi.com/Widyoko)"): one writer, not two.
    A sign-off naming someone else still adds its name."""
    page = ("Sungai Meluap, Warga Bantaran Mulai Mengungsi\n\n"
            "Penulis: Dewi Kartika Sari | Editor: Nama Editor\n\n"
            "TRIBUNJAMBI.COM, JAMBI - Air sungai naik setinggi pinggang orang dewasa sejak Sabtu malam.\n\n"
            "Warga memindahkan barang ke rumah kerabat di tempat yang lebih tinggi.\n\n"
            "(Tribunjambi.com/{signed})\n")
    assert clean_text(page.format(signed="Kartika Sari"), rules=rules, outlet=outlet).author == (
        "Dewi Kartika Sari",)
    assert clean_text(page.format(signed="Budi Santoso"), rules=rules, outlet=outlet).author == (
        "Dewi Kartika Sari", "Budi Santoso")
