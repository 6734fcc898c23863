"""A blog's furniture that any Blogger or WordPress template prints, removed by the generic
rule (kliping/rules/generic.toml) for a blog no rule knows: the welcome banner and the
sign-in bar over the post, the comment box, the feed link and a feed robot's link under it.
The texts are invented; the shapes are those of several real blogs in tests/corpus."""
import pytest

from kliping.cleaner import clean_text

_TITLE = "Petani Muda Panen Melon di Lahan Bekas Tambang"
_P1 = "Sekelompok petani muda memanen melon di lahan bekas tambang pasir pada Sabtu pagi."
_P2 = "Hasil panen dijual ke pasar kecamatan dan sebagian dibagikan kepada warga sekitar."


def _clean(text, rules):
    return clean_text(text, rules=rules, outlet="generic")


@pytest.mark.parametrize("banner", ["SELAMAT DATANG DI KEBUN WARGA", "Have an account?",
                                    "Selamat Datang di Blog Kebun Warga! Tempat berbagi cerita desa",
                                    "[ Daftar isi Blog ]",
                                    "BLOGGER TEMPLATES AND TWITTER BACKGROUNDS »"])
def test_a_banner_over_the_post_is_never_the_headline(rules, banner):
    art = _clean(f"{banner}\n\n{_TITLE}\n\n{_P1}\n\n{_P2}\n", rules)
    assert art.title == _TITLE, banner
    assert art.paragraphs == (_P1, _P2)


@pytest.mark.parametrize("foot", [f'0 Response to "{_TITLE}"', f'2 Respones to "{_TITLE}"',
                                  "Post a Comment", "Langganan:\nPosting Komentar (Atom)",
                                  "Related Post\nMelon Kuning Laris di Pasar"])
def test_the_post_ends_at_its_foot(rules, foot):
    art = _clean(f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n{foot}\nShare your views...\n", rules)
    assert art.paragraphs == (_P1, _P2), foot


def test_a_headline_that_welcomes_is_still_the_headline(rules):
    """A news headline may start "Selamat Datang di": only capitals or a blog's own name
    make it a banner."""
    title = "Selamat Datang di Era Mobil Listrik, Pabrik Baterai Mulai Produksi"
    art = _clean(f"{title}\n\n{_P1}\n\n{_P2}\n", rules)
    assert art.title == title


def test_the_labels_inside_a_paragraph_stay(rules):
    p3 = "Kebun itu posted by warga di media sosial dan menjadi related post yang ramai dibicarakan."
    art = _clean(f"{_TITLE}\n\n{_P1}\n\n{p3}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, p3, _P2)


@pytest.mark.parametrize("feed", [f"Baca Kelanjutan {_TITLE} : http://ift.tt/2abCdEfBagikan Berita Ini",
                                  '"melon" - Google Berita\nOctober 04, 2019 at 05:40AM\nhttps://ift.tt/30abcde',
                                  "Bagikan Berita Ini"])
def test_a_feed_robots_link_under_a_copied_post_ends_it(rules, feed):
    art = _clean(f"{_TITLE}\n\n{_P1}\n\n{_P2}\n\n{feed}\n{_TITLE}\n", rules)
    assert art.paragraphs == (_P1, _P2), feed


@pytest.mark.parametrize("label", ["Detail Berita", "Tamat"])
def test_a_templates_label_over_the_post_goes(rules, label):
    """A news template's "Detail Berita" over the post; "Tamat", the mark closing the post
    above it on the blog's page."""
    art = _clean(f"{label}\n{_TITLE}\n\n{_P1}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs) == (_TITLE, (_P1, _P2)), label
    art = _clean(f"{_TITLE}\n\n{label}\n{_P1}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs) == (_TITLE, (_P1, _P2)), label


def test_a_retellings_source_note_goes_and_the_text_around_it_stays(rules):
    art = _clean(f"{_TITLE}\n\n{_P1}\n(dari berbagai sumber)\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2)


@pytest.mark.parametrize("brand", ["TEMPO Interaktif, Jakarta -", "TEMPO.CO, Jakarta -"])
def test_a_copied_leads_brand_and_city_are_its_dateline(rules, brand):
    art = _clean(f"{_TITLE}\n\n{brand} {_P1}\n\n{_P2}\n", rules)
    assert (art.dateline, art.paragraphs) == ("Jakarta", (_P1, _P2)), brand


@pytest.mark.parametrize("source", ["Sumber: vivanews", "Sumber : Okezone.com",
                                    "Sumber Berita : http://news.example.com/read/2014/12/09/banjir"])
def test_a_copied_posts_source_goes_wherever_it_stands(rules, source):
    """Not only as the text's last line: a caption, the blog's widgets or a second copied
    story may follow it."""
    art = _clean(f"{_TITLE}\n\n{_P1}\n\n{source}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, _P2), source
    assert source not in art.text


def test_a_source_named_inside_the_text_stays(rules):
    p = "Sumber: warga yang enggan disebut namanya mengatakan panen tahun ini lebih baik."
    art = _clean(f"{_TITLE}\n\n{_P1}\n\n{p}\n\n{_P2}\n", rules)
    assert art.paragraphs == (_P1, p, _P2)


@pytest.mark.parametrize("slot", ["Iklan Atas Artikel", "Iklan Tengah Artikel 1", "Iklan Bawah Artikel"])
def test_an_ad_slots_label_goes_like_a_bare_iklan(rules, slot):
    """A template's ad slot left as its label (over, inside or under the post)."""
    art = _clean(f"{slot}\n{_TITLE}\n\n{_P1}\n\n{slot}\n\n{_P2}\n", rules)
    assert (art.title, art.paragraphs) == (_TITLE, (_P1, _P2)), slot
