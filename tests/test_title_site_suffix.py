"""A blog prints its own name after the post's title ("<judul> - KabarDesa.com",
"<judul> | Nama Blog"): the site's name is not the title (labelling.md: the headline as
the article states it). Invented texts in the shape of real blog pages in tests/corpus."""
import pytest

from kliping.cleaner import clean_text

_TITLE = "Petani Muda Panen Melon di Lahan Bekas Tambang"
_P1 = "Sekelompok petani muda memanen melon di lahan bekas tambang pasir pada Sabtu pagi."
_P2 = "Hasil panen dijual ke pasar kecamatan dan sebagian dibagikan kepada warga sekitar."


@pytest.mark.parametrize("outlet", ["generic", "blogmirror"])
@pytest.mark.parametrize("suffix", [" - KabarDesa.com", " | kabardesa.blogspot.com", " – Warta-Kampung.id",
                                    " | www.beritakita.co.id"])
def test_a_domain_after_the_title_is_the_sites_name(rules, outlet, suffix):
    art = clean_text(f"{_TITLE}{suffix}\n\n{_P1}\n\n{_P2}\n", rules=rules, outlet=outlet)
    assert art.title == _TITLE
    assert art.paragraphs == (_P1, _P2)


@pytest.mark.parametrize("outlet", ["generic", "blogmirror"])
def test_the_title_printed_again_bare_shows_the_suffix_is_the_blogs_name(rules, outlet):
    text = f"{_TITLE} | Kabar Desa Kita\n\nBeranda\n\n{_TITLE}\n\n{_P1}\n\n{_P2}\n"
    art = clean_text(text, rules=rules, outlet=outlet)
    assert art.title == _TITLE
    assert art.paragraphs == (_P1, _P2)


@pytest.mark.parametrize("title", ["Banjir Bandang di Garut | Warga Mengungsi ke Masjid",
                                   "Harga Cabai Naik - Pedagang Pasar Mengeluh",
                                   "Presiden: Ekonomi Tumbuh Lima Persen"])
def test_a_titles_own_second_half_stays(rules, title):
    art = clean_text(f"{title}\n\n{_P1}\n\n{_P2}\n", rules=rules, outlet="generic")
    assert art.title == title
