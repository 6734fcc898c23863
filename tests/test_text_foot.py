"""Lines that close a story without being its text, in shapes no rule names
(kliping/cleaner/text/body.py): the source a blog or a desk copied the story from
("Sumber: RMOL") under the last paragraph, and the editor's name alone in brackets."""
import pytest

from conftest import clean_generic


_TITLE = "Banjir Mulai Surut, Warga Kembali ke Rumah Masing-masing"
_LEAD = "JAKARTA - Banjir yang merendam dua belas kecamatan mulai surut pada Selasa pagi, kata petugas."
_LAST = "Warga diimbau tetap waspada karena hujan masih akan turun hingga akhir pekan ini."
#: What a page prints under the story: its end marker, a prompt.
_END = "Berita Terkait\nIkuti kami di"


@pytest.mark.parametrize("foot", ["Sumber: RMOL", "Sumber : Okezone.com", "sumber: http://ruanghati.com",
                                  "Source: Koran Tempo", "Sumber Berita : detikNews", "(Nanda Aria)",
                                  "(Arief Setyadi )"])
def test_a_source_or_the_editors_name_under_the_last_paragraph_is_dropped(rules, foot):
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_LAST}\n\n{foot}\n{_END}\n", rules)
    assert art.paragraphs[-1] == _LAST, foot
    assert foot.strip("() ") not in art.text


def test_both_go_and_the_text_stays(rules):
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_LAST}\n\n(Nanda Aria)\nSumber: RMOL\n{_END}\n", rules)
    assert art.paragraphs == (_LEAD.removeprefix("JAKARTA - "), _LAST)


def test_a_tables_source_is_the_articles_own(rules):
    """"Sumber: RTI" under a table of figures (Kontan's lists of shares) is the article's:
    it says where the figures come from, and stays even at the very end."""
    table = "Kode | Harga | PER\nBBRI | 4.500 | 12,1\nBBCA | 9.800 | 24,3"
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{table}\n\nSumber: RTI\n\n{_END}\n", rules)
    assert art.paragraphs[-1] == "Sumber: RTI"


def test_a_sentence_about_a_source_stays(rules):
    last = "Sumber: polisi menyebut dua orang masih dicari oleh tim gabungan hingga malam ini."
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_LAST}\n\n{last}\n\n{_END}\n", rules)
    assert art.paragraphs[-1] == last


@pytest.mark.parametrize("mark", ["(*)", "(adl)"])
def test_links_under_the_end_mark_of_the_last_paragraph_are_related(rules, mark):
    """Tribun's 2019-2020 pages print other stories' headlines as bullets under the last
    paragraph, which ends in its mark ("… ujarnya.(*)", "… imbuh Ridwan. (adl)"): related
    links (labelling.md: inline related) by the rule's body.related, not a foot to drop. A
    prompt in the same shape ("• Ikuti kami di") is no headline. (Generic reads no bullet
    as a link: it drops them under the mark, as before.)"""
    from kliping.cleaner import clean_text
    page = (f"{_TITLE}\n\nTRIBUNJATENG.COM, SEMARANG - Banjir yang merendam dua belas kecamatan mulai surut pada "
            f"Selasa pagi, kata petugas.\n\n{_LAST}{mark}\n"
            "• Pedagang Pasar Johar Kembali Berjualan di Lantai Dua Gedung Baru\n"
            "• Banjir Rob Rendam Jalan Kaligawe, Antrean Truk Capai Lima Kilometer\n"
            "• Ikuti kami di\n")
    art = clean_text(page, rules=rules, outlet="tribunnews")
    assert art.related == ("Pedagang Pasar Johar Kembali Berjualan di Lantai Dua Gedung Baru",
                           "Banjir Rob Rendam Jalan Kaligawe, Antrean Truk Capai Lima Kilometer")
    assert "Ikuti" not in art.text and "Pedagang Pasar" not in art.text
    generic = clean_text(page, rules=rules, outlet="generic")
    assert generic.related == () and "Pedagang Pasar" not in generic.text


def test_a_round_ups_item_signed_with_initials_does_not_end_the_text(rules):
    """A round-up signs each item with its writer's initials ("… jadi hilang. (sid)") and
    goes on with the next numbered item and its own dateline lead ("7. Judul" over
    "KAYONG UTARA - …"): the initials close an item, not the text."""
    from kliping.cleaner import clean_text
    page = ("10 Berita Terpopuler Pekan Ini di Kota Kita\n\n"
            "Warga mengeluhkan harga cabai yang terus naik sejak awal bulan di sejumlah pasar tradisional kota.\n\n"
            "Pedagang menyebut pasokan dari daerah penghasil berkurang karena hujan turun hampir setiap hari. (sid)\n\n"
            "7. Jembatan Baru Mulai Dibangun Desember\n\n"
            "SINGKAWANG - Pemerintah kota mulai membangun jembatan baru di atas sungai pada Desember.\n\n"
            "Pembangunan ditargetkan selesai dalam waktu delapan bulan jika cuaca mendukung. (fau)\n\n"
            "Berita Terkait\n")
    art = clean_text(page, rules=rules, outlet="tribunnews")
    assert "7. Jembatan Baru Mulai Dibangun Desember" in art.paragraphs
    assert any(p.startswith("Pembangunan ditargetkan") for p in art.paragraphs)


#: A blog's copy cut short by its excerpt: whole sentences, then the cut ("… yang selalu
#: dijadikan"), then Blogger's comment heading and form (issue 15, a Blogger copy).
_CUT_POST = ("Penyanyi itu mengaku prihatin melihat harga beras yang terus naik di pasar. Lewat lagu barunya, "
             "ia mengajak pendengar peduli pada petani kecil. Lagu yang ditulis sahabatnya itu mencoba "
             "mewakili suara warga desa yang selalu dijadikan")


@pytest.mark.parametrize("outlet", ["generic", "blogmirror"])
@pytest.mark.parametrize("foot", ["0 komentar:\nPosting Komentar\nNewer Post Older Post Home",
                                  "Tidak ada komentar:\nPosting Komentar"])
def test_the_footer_under_a_post_the_excerpt_cut_short_ends_it(rules, outlet, foot):
    """A paragraph of whole sentences cut mid-sentence is the text begun: the footer's
    end markers under it count, as under a paragraph that ends like a sentence."""
    from kliping.cleaner import clean_text
    art = clean_text(f"{_CUT_POST}\n{foot}\n", rules=rules, outlet=outlet)
    assert art.paragraphs == (_CUT_POST,)


def test_a_long_headline_with_initials_is_not_the_text_begun(rules):
    """Initials and titles ("Prof. Dr. H.") are no sentences: the byline under such a
    headline is still read as the byline."""
    title = "Prof. Dr. H. Ahmad Sulaiman M. Si. Resmikan Gedung Baru Fakultas Teknik Universitas Negeri di Kota"
    art = clean_generic(f"{title}\nPenulis: Rina Andayani\n\n{_LEAD}\n\n{_LAST}\n", rules)
    assert art.author == ("Rina Andayani",)
