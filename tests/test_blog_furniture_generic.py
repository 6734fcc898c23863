"""A blog's furniture that any Blogger or WordPress template prints, removed by the generic
rule (kliping/rules/generic.toml) for a blog no rule knows: the welcome banner and the
sign-in bar over the post, the comment box, the feed link and a feed robot's link under it.
The texts are invented; the shapes are those of several real blogs in tests/corpus."""
import pytest

from conftest import clean_generic

_TITLE = "Petani Muda Panen Melon di Lahan Bekas Tambang"
_P1 = "Sekelompok petani muda memanen melon di lahan bekas tambang pasir pada Sabtu pagi."
_P2 = "Hasil panen dijual ke pasar kecamatan dan sebagian dibagikan kepada warga sekitar."


@pytest.mark.parametrize("banner", ["SELAMAT DATANG DI KEBUN WARGA", "Have an account?",
                                    "Selamat Datang di Blog Kebun Warga! Tempat berbagi cerita desa",
                                    "[ Daftar isi Blog ]",
                                    "BLOGGER TEMPLATES AND TWITTER BACKGROUNDS »"])
def test_a_banner_over_the_post_is_never_the_headline(rules, banner):
    art = clean_generic(f"{banner}\n\n{_TITLE}\n\n{_P1}\n\n{_P2}\n", rules)
    assert art.title == _TITLE, banner
    assert art.paragraphs == (_P1, _P2)


@pytest.mark.parametrize("foot", [f'0 Response to "{_TITLE}"', f'2 Respones to "{_TITLE}"',
                                  "Post a Comment", "Langganan:\nPosting Komentar (Atom)",
                                  "Related Post\nMelon Kuning Laris di Pasar"])
def test_the_post_ends_at_its_foot(rules, foot):
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n{foot}\nShare your views...\n", rules)
    assert art.paragraphs == (_P1, _P2), foot


def test_a_headline_that_welcomes_is_still_the_headline(rules):
    """A news headline may start "Selamat Datang di": only capitals or a blog's own name
    make it a banner."""
    title = "Selamat Datang di Era Mobil Listrik, Pabrik Baterai Mulai Produksi"
    art = clean_generic(f"{title}\n\n{_P1}\n\n{_P2}\n", rules)
    assert art.title == title


def test_the_labels_inside_a_paragraph_stay(rules):
    p3 = "Kebun itu posted by warga di media sosial dan menjadi related post yang ramai dibicarakan."
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{p3}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, p3, _P2)


@pytest.mark.parametrize("feed", [f"Baca Kelanjutan {_TITLE} : http://ift.tt/2abCdEfBagikan Berita Ini",
                                  '"melon" - Google Berita\nOctober 04, 2019 at 05:40AM\nhttps://ift.tt/30abcde',
                                  "Bagikan Berita Ini"])
def test_a_feed_robots_link_under_a_copied_post_ends_it(rules, feed):
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n{feed}\n{_TITLE}\n", rules)
    assert art.paragraphs == (_P1, _P2), feed


@pytest.mark.parametrize("label", ["Detail Berita", "Tamat"])
def test_a_templates_label_over_the_post_goes(rules, label):
    """A news template's "Detail Berita" over the post; "Tamat", the mark closing the post
    above it on the blog's page."""
    art = clean_generic(f"{label}\n{_TITLE}\n\n{_P1}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs) == (_TITLE, (_P1, _P2)), label
    art = clean_generic(f"{_TITLE}\n\n{label}\n{_P1}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs) == (_TITLE, (_P1, _P2)), label


def test_a_retellings_source_note_goes_and_the_text_around_it_stays(rules):
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n(dari berbagai sumber)\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2)


@pytest.mark.parametrize("brand", ["TEMPO Interaktif, Jakarta -", "TEMPO.CO, Jakarta -"])
def test_a_copied_leads_brand_and_city_are_its_dateline(rules, brand):
    art = clean_generic(f"{_TITLE}\n\n{brand} {_P1}\n\n{_P2}\n", rules)
    assert (art.dateline, art.paragraphs) == ("Jakarta", (_P1, _P2)), brand


@pytest.mark.parametrize("source", ["Sumber: vivanews", "Sumber : Okezone.com",
                                    "Sumber Berita : http://news.example.com/read/2014/12/09/banjir"])
def test_a_copied_posts_source_goes_wherever_it_stands(rules, source):
    """Not only as the text's last line: a caption, the blog's widgets or a second copied
    story may follow it."""
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{source}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2), source
    assert source not in art.text


def test_a_source_named_inside_the_text_stays(rules):
    p = "Sumber: warga yang enggan disebut namanya mengatakan panen tahun ini lebih baik."
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{p}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, p, _P2)


@pytest.mark.parametrize("slot", ["Iklan Atas Artikel", "Iklan Tengah Artikel 1", "Iklan Bawah Artikel"])
def test_an_ad_slots_label_goes_like_a_bare_iklan(rules, slot):
    """A template's ad slot left as its label (over, inside or under the post)."""
    art = clean_generic(f"{slot}\n{_TITLE}\n\n{_P1}\n\n{slot}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs) == (_TITLE, (_P1, _P2)), slot


# A blog's copy of an outlet's story keeps that outlet's furniture: the byline and the
# photo credit in the outlet's form, the desk's sign-off, the lead's brand prefix, and
# what the copying tools glue on (AddThis' "See more at" tracking link, a feed robot's stamp).

@pytest.mark.parametrize("byline", ["Rudi Hartono – detikNews", "Rudi Hartono - detikFinance"])
def test_a_copied_detik_byline_names_the_writer(rules, byline):
    art = clean_generic(f"{_TITLE}\n\n{byline}\n\n{_P1}\n\n{_P2}\n", rules)
    assert (art.author, art.paragraphs) == (("Rudi Hartono",), (_P1, _P2)), byline


def test_a_copied_detik_photo_credit_is_a_caption(rules):
    art = clean_generic(f"{_TITLE}\n\nRudi/detikcom\n\n{_P1}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2)
    assert "Rudi/detikcom" in art.captions


def test_a_desks_sign_off_with_a_capital_goes(rules):
    """"(Rez/anw)": the writer's short name capitalised, the editor's initials after the
    slash; alone it closes the copy (an archive page's next post under it); glued to the
    last paragraph it stays there, as the desk's lower-case initials do, and makes no caption."""
    nxt = "Melon Kuning Laris Manis di Pasar Kecamatan\n\nPedagang melon kuning kehabisan stok sejak pagi hari."
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n(Rez/anw)\n\n{nxt}\n", rules)
    assert art.paragraphs == (_P1, _P2)
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{_P2} (Rez/anw)\n\n{nxt}\n", rules)
    assert art.paragraphs == (_P1, f"{_P2} (Rez/anw)")
    assert not art.captions


def test_a_photographers_credit_in_brackets_is_still_a_caption(rules):
    cap = "Petani memanen melon di lahan bekas tambang. (Tempo/Budi Santoso)"
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{cap}\n\n{_P2}\n", rules)
    assert art.captions == (cap,)


@pytest.mark.parametrize("lead, city", [("Detik. Jakarta – ", "Jakarta"),
                                        ("ANTARA FOTO/Rivan LinggaTEMPO.CO, Jakarta - ", "Jakarta"),
                                        ("TEMPO/Imam SukamtoTEMPO.CO, Bandung - ", "Bandung")])
def test_a_copied_leads_prefix_with_what_the_copy_glued_to_it(rules, lead, city):
    """The outlet's name closed by a full stop ("Detik. Jakarta – "); the photo's credit
    the copy glued before Tempo's prefix."""
    art = clean_generic(f"{_TITLE}\n\n{lead}{_P1}\n\n{_P2}\n", rules)
    assert (art.dateline, art.paragraphs) == (city, (_P1, _P2)), lead


def test_a_related_link_glued_as_lihat_juga_informasi_terkait(rules):
    art = clean_generic(f"{_TITLE}\n\n{_P1} Lihat juga informasi terkait Harga Melon Naik Jelang Lebaran\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2)
    assert art.related == ("Harga Melon Naik Jelang Lebaran",)


@pytest.mark.parametrize("glue", [" - See more at: http://www.contoh.com/read/2013/05/melon#sthash.qWiKxoSa.dpuf",
                                  "\n\n- See more at: http://www.contoh.com/read/2013/05/melon#sthash.qWiKxoSa.dpuf"])
def test_addthis_see_more_at_link_goes(rules, glue):
    """Text copied from a page with AddThis carries its tracking link: "- See more at: …#sthash….dpuf"."""
    art = clean_generic(f"{_TITLE}\n\n{_P1}{glue}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2)


def test_a_feed_robots_stamp_and_ad_notice_under_the_copy_go(rules):
    foot = ("Let's block ads! (Why?)\n\nhttps://ift.tt/2FxWWcE\nNovember 22, 2018 at 03:32PM from Berita Hari Ini"
            " - Contoh.com https://ift.tt/2FxWWcE\nvia IFTTT\n")
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n{foot}", rules)
    assert art.paragraphs == (_P1, _P2)


@pytest.mark.parametrize("ticker", ["Breaking", "Berita Selengkapnya", "Bersama Lawan Covid-19"])
def test_a_templates_ticker_under_the_title_goes(rules, ticker):
    art = clean_generic(f"{_TITLE}\n\n{ticker}\n\n{_P1}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs) == (_TITLE, (_P1, _P2)), ticker


# The widgets of the Blogger and WordPress templates the blog-mirror rule knows, read the
# same way when a blog is not recognised as one (its scrape kept none of the fingerprints).

@pytest.mark.parametrize("meta, published, author", [
    ("Diulas oleh Kebun Warga Sabtu, 26 November 2011 0 komentar", "2011-11-26", ("Kebun Warga",)),
    ("Posted by : Slamet Senin, 06 Januari 2020", "2020-01-06", ("Slamet",)),
])
def test_a_templates_post_meta_gives_the_date(rules, meta, published, author):
    art = clean_generic(f"{meta}\n\n{_TITLE}\n\n{_P1}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs) == (_TITLE, (_P1, _P2)), meta
    assert (art.published or "").startswith(published)
    assert tuple(art.author) == author


def test_a_breadcrumb_with_slashes_is_header(rules):
    art = clean_generic(f"Home / Berita / Daerah / {_TITLE}\n\n{_TITLE}\n\n{_P1}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs) == (_TITLE, (_P1, _P2))


@pytest.mark.parametrize("widget", ["Reviewed by Admin Desa", "Rating:", "shares",
                                    "Sign up here with your email address to receive updates from this blog in your inbox.",
                                    "About these ads", "Beri Nilai:", "source [kabardesa]"])
def test_a_templates_widget_between_the_paragraphs_goes(rules, widget):
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{widget}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2), widget


@pytest.mark.parametrize("foot", ["+ comments + 2 comments", "{ 0 komentar... Views All / Send Comment! }",
                                  "+ There are no comments\nAdd yours",
                                  "Read moreCopyright © 2020 Kabar Desa | All rights reserved. | Developed: by Jasa Web",
                                  "Coin Marketplace\nSTEEM 0.28"])
def test_a_templates_foot_ends_the_post(rules, foot):
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n{foot}\nMelon Kuning Laris Manis di Pasar Kecamatan\n", rules)
    assert art.paragraphs == (_P1, _P2), foot


@pytest.mark.parametrize("caption", ["Ilustrasi", "Ilustrasi.", "Panen_Melon_Lahan_Bekas_Tambang_2013",
                                     "Panen Melon_8234561242", "Kebun melon di Lumajang - Foto: kabardesa.com"])
def test_a_blogs_caption_shapes(rules, caption):
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{caption}\n\n{_P2}\n", rules)
    assert (art.paragraphs, art.captions) == ((_P1, _P2), (caption,)), caption


def test_a_blogs_address_then_the_city_is_the_dateline(rules):
    art = clean_generic(f"{_TITLE}\n\nkabardesa.com – Lumajang : {_P1}\n\n{_P2}\n", rules)
    assert (art.dateline, art.paragraphs) == ("Lumajang", (_P1, _P2))


@pytest.mark.parametrize("line, caption", [
    ("Petani memanen melon di lahan bekas tambang |", "Petani memanen melon di lahan bekas tambang |"),
    ("(foto: kabardesa.com) |", "(foto: kabardesa.com) |"),
    ("![]() Petani memanen melon di lahan bekas tambang |", "Petani memanen melon di lahan bekas tambang |"),
])
def test_a_blogger_caption_tables_cell_is_a_caption(rules, line, caption):
    """Blogger puts a picture's caption in a table under it; the scrape writes the cell with
    its bar ("<caption> |"), the picture before it as an empty Markdown image ("![]()")."""
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{line}\n\n{_P2}\n", rules)
    assert (art.paragraphs, art.captions) == ((_P1, _P2), (caption,)), line


def test_a_table_row_with_two_bars_is_no_caption(rules):
    row = "TLKM | +1,22% |"
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{row}\n\n{_P2}\n", rules)
    assert not art.captions


@pytest.mark.parametrize("glued", [f"{_P1} ![]() |", f"{_P1} - See more at:\nhttp://www.contoh.com/read/2013/melon#sthash.qWiKxoSa.dpuf"])
def test_an_empty_picture_or_a_see_more_link_glued_to_a_paragraph_goes(rules, glued):
    art = clean_generic(f"{_TITLE}\n\n{glued}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2), glued


@pytest.mark.parametrize("meta, author", [
    ("Posted by: Kebun Warga Updated at: 11:54", "Kebun Warga"),
    ("Apr 14th 2025, 19:14, by Rudi Hartono, kumparanNEWS", "Rudi Hartono"),
])
def test_a_templates_or_feeds_author_line(rules, meta, author):
    art = clean_generic(f"{_TITLE}\n\n{meta}\n\n{_P1}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs, tuple(art.author)) == (_TITLE, (_P1, _P2), (author,)), meta


@pytest.mark.parametrize("foot", [
    "ReplyDeletemantap beritanya gan\nBalasHapus",
    "Kalo Berita nya Ga lengkap buka link di samping https://www.contoh.com/read/melonBagikan Berita Ini",
    "Hi there! I am a blogger and a true enthusiast in the areas of SEO and web design.",
    "Some say he’s half man half fish, others say he’s more of a seventy/thirty split.",
    "Tentang KabarDesa.com",
    "Baca Juga (Konten ini Otomatis dan tidak dikelola oleh kami)",
])
def test_more_template_feet_end_the_post(rules, foot):
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n{foot}\nMelon Kuning Laris Manis di Pasar Kecamatan\n", rules)
    assert art.paragraphs == (_P1, _P2), foot


@pytest.mark.parametrize("line", ["Sumber :", "Sumber Gambar:", "Sumber", "(Rudi Hartono)",
                                  ":strip_icc():format(jpeg)/kly-media-production/medias/2351/melon.jpg)"])
def test_empty_source_labels_a_writer_in_brackets_and_a_pictures_address_go(rules, line):
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n{line}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2), line


def test_an_ad_units_keyword_line_over_the_blog_is_header(rules):
    ads = "bebas bayar, pembayaran mudah dan cepat, transaksi online, pembayaran tagihan dan tiket"
    art = clean_generic(f"{ads}\n\n{_TITLE}\n\n{_P1}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs) == (_TITLE, (_P1, _P2))


def test_a_feed_mirrors_stamp_line_gives_the_time(rules):
    art = clean_generic(f"{_TITLE}\n\nApr 14th 2025, 19:14, by Rudi Hartono, kumparanNEWS\n\n{_P1}\n\n{_P2}\n", rules)
    assert (art.published, tuple(art.author)) == ("2025-04-14T19:14:00+07:00", ("Rudi Hartono",))


@pytest.mark.parametrize("prefix, city", [("Jakarta - Warta Desa : ", "Jakarta"), ("METROklik – ", None),
                                          ("Kabardesa.com | ", None)])
def test_a_blogs_own_name_before_the_lead(rules, prefix, city):
    """The blog's name between the city and a spaced colon, in mixed case before a dash, or
    its address before a bar."""
    art = clean_generic(f"{_TITLE}\n\n{prefix}{_P1}\n\n{_P2}\n", rules)
    assert (art.dateline, art.paragraphs) == (city, (_P1, _P2)), prefix


def test_a_blogs_name_alone_over_the_lead(rules):
    art = clean_generic(f"{_TITLE}\n\nKabarDesa7 -\n{_P1}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2)


def test_a_lead_opening_with_two_bodies_joined_by_a_dash_stays(rules):
    p = "KPK-Polri sepakat memperkuat kerja sama pencegahan korupsi di daerah mulai tahun depan."
    art = clean_generic(f"{_TITLE}\n\n{p}\n\n{_P2}\n", rules)
    assert art.paragraphs == (p, _P2)


def test_a_separator_of_hashes_between_copied_parts_goes(rules):
    """A blog stringing copied parts together with "#" (labelling: `#` separators are not body)."""
    art = clean_generic(f"{_TITLE}\n\n{_P1}\n\n#\n\n{_P2}\n\n###\n", rules)
    assert art.paragraphs == (_P1, _P2)
