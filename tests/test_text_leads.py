"""The lead's prefix as blogs and small sites print it, under `generic`: the site's own
name before the dash ("DikoNews7 - ", "Kabar6 – ", "kabarin.co – "), its address and the
city joined by a bar ("gentamerah.com|Jakarta – "), the city and a site on .net, the
city glued to an em dash ("JAKARTA—Rupiah …"), the city and the day ("Jakarta, 19
September 2025 – "). None of it is text (kliping/rules/generic.toml, body.dateline)."""
import pytest

from kliping.cleaner import clean_text


_TITLE = "Banjir Rendam Ratusan Rumah di Pinggiran Kota Setelah Hujan Semalaman"
_TEXT = ("Banjir merendam ratusan rumah warga di pinggiran kota setelah hujan deras turun sejak "
         "Senin malam hingga Selasa pagi.")
_MORE = "Petugas mengerahkan perahu karet untuk mengevakuasi warga lanjut usia dan anak-anak."


@pytest.mark.parametrize("prefix,city", [
    ("DikoNews7 - ", None), ("Kabar6 – ", None), ("HarapanRakyat-", None), ("kabarin.co – ", None),
    ("gentamerah.com|Jakarta – ", "Jakarta"), ("Jembrana, Suarabali.net- ", "Jembrana"),
    ("JAKARTA—", "JAKARTA"), ("Jakarta, 19 September 2025 – ", "Jakarta"),
    # ... and the outlet's name after the day (a news blog's "Solo, 25 Agustus 2025, Benua Post Nusantara – ").
    ("Solo, 25 Agustus 2025, Kabar Pos Nusantara – ", "Solo"),
    # A wire story's two cities, or its city and country, after the outlet's address.
    ("CONTOH.CO.ID - BEIJING/TAIPEI. ", "BEIJING/TAIPEI"), ("CONTOH.CO.ID - RE’IM, ISRAEL. ", "RE’IM, ISRAEL"),
    ("CONTOH.CO.ID - JAKARTA. ", "JAKARTA"),
])
def test_a_sites_lead_prefix_is_not_text(rules, prefix, city):
    art = clean_text(f"{_TITLE}\n\n{prefix}{_TEXT}\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.paragraphs[0] == _TEXT, prefix
    assert art.dateline == city


@pytest.mark.parametrize("lead", [
    "McKinsey – konsultan asal Amerika Serikat – menyebut ekonomi Indonesia tumbuh lima persen tahun ini.",
    "PDI-Perjuangan menyebut calon yang diusung akan diumumkan pekan depan di Jakarta oleh ketua umum.",
    "YouTube - platform video itu menghapus ribuan kanal yang menyebarkan hoaks selama masa kampanye.",
])
def test_a_lead_opening_with_a_name_and_a_dash_keeps_it(rules, lead):
    art = clean_text(f"{_TITLE}\n\n{lead}\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.paragraphs[0] == lead


def test_an_arabic_editions_dateline(rules):
    """VOI's Arabic edition opens the lead with the city in Arabic script before the dash
    ("جاكرتا - "), as its Chinese and Japanese editions do in theirs."""
    title = "ريتنو تؤكد أن مجلس الوزراء متماسك"
    lead = "أكدت وزيرة الخارجية الإندونيسية أن العلاقة بين الوزراء جيدة وأن المجلس يعمل كالمعتاد."
    more = "وقالت إن الوزراء يتواصلون فيما بينهم كل يوم لمتابعة العمل."
    art = clean_text(f"{title}\n\nجاكرتا - {lead}\n\n{more}\n", rules=rules, outlet="generic")
    assert art.dateline == "جاكرتا" and art.paragraphs[0] == lead


def test_a_caption_in_the_leads_prefix_over_the_lead_is_the_photos(rules):
    """Solopos prints the photo's caption as its lead is printed, the site's name and a
    dash first ("SOLOPOS.COM - Koran edisi Sabtu (10/6/2023)."), a full stop closing it and
    no credit: a short block over a lead with a prefix of its own is the caption, and the
    lead under it loses its prefix and gives the dateline."""
    caption = "KABARKOTA.COM - Koran Kabarkota edisi Sabtu-Minggu (10-11/6/2023)."
    art = clean_text(f"{caption}\n\nKabarkota.com, SOLO–{_TEXT} {_MORE}\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.captions == (caption,)
    assert art.paragraphs == (f"{_TEXT} {_MORE}", _MORE)
    assert art.dateline == "SOLO"


@pytest.mark.parametrize("dash", [" - ", "- ", " – "])
def test_a_round_up_headline_opened_by_its_label_is_no_dateline_lead(rules, dash):
    """A round-up's headline opens with its label in capitals and a dash, then the stories'
    titles in title case ("BERITA POPULER - Warga … , Jalan …"): the same shape as a bare
    "CITY - " lead, but a lead is a sentence after the dash, and these are titles."""
    title = f"BERITA POPULER{dash}Warga Panen Raya di Lembah Hijau, Jalan Desa Akhirnya Diaspal Mulus"
    lead = ("Berikut rangkuman berita yang paling banyak dibaca di kanal daerah sepanjang pekan ini, "
            "mulai dari panen raya hingga jalan desa.")
    art = clean_text(f"Berita Populer\n\n{title}\n\nPenulis: Rina Wulandari | Editor: Budi Santoso\n\n"
                     f"CONTOHNEWS.COM - {lead}\n\n{_MORE}\n", rules=rules, outlet="generic")
    assert art.title == title
    assert art.dateline is None
    assert list(art.paragraphs) == [lead, _MORE]
