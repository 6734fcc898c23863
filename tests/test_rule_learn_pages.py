"""`kliping rules learn` on small pages shaped like an outlet's (Kontan's desktop layout,
Katadata's, Kompas.com's), prose invented: what the pages show at their foot, in their
leads and over their date lines is learned by its shape, and the article's own lines
(a table's source, a subheading) are never learned as furniture."""
from __future__ import annotations

import re
import tomllib

import pytest

from kliping.authoring.learn import SourcePage, learn_rule
from kliping.authoring.samples import load_with
from kliping.cleaner.pipeline import clean_text
from kliping.cleaner.rules import expand

#: Five leads' cities: Kontan's "KONTAN.CO.ID - JAKARTA. …" (a foreign story's names two
#: cities or a town and its country: "BEIJING/TAIPEI.", "RE’IM, ISRAEL.").
CITIES = ["JAKARTA", "SURABAYA", "KYIV", "JAKARTA", "MEDAN"]
TOPICS = ["harga beras", "ekspor kopi", "tarif listrik", "saham bank", "produksi gula"]


def _prose(topic: str, n: int) -> list[str]:
    return [f"Pemerintah menilai {topic} tahun ini bergerak di luar perkiraan para pelaku pasar, "
            f"sehingga sejumlah kebijakan baru disiapkan untuk bulan depan ({n}).",
            f"Menurut para analis, kenaikan {topic} dipicu permintaan yang naik tajam dari luar negeri "
            f"sejak awal kuartal kedua dan pasokan yang terbatas di pasar dalam negeri.",
            f"Kementerian terkait berjanji mengumumkan langkah lanjutan soal {topic} setelah rapat "
            f"koordinasi yang dijadwalkan pekan depan bersama para pemangku kepentingan."]


def kontan_page(n: int, lead_city: str | None = None, table: bool = False, foot: bool = True) -> str:
    """A Kontan desktop page: ticker head, headline, date, byline, lead with the domain and
    a city, paragraphs, maybe a table and its source, then a share button and a box."""
    topic = TOPICS[n % len(TOPICS)]
    city = lead_city or CITIES[n % len(CITIES)]
    first, *rest = _prose(topic, n)
    lines = ["kontan.co.id", "banner langganan top", "| : WIB | INDIKATOR |",
             f"  • IDX 7.{200 + n}   {10 + n},01   0,{n}9%", "",
             f"Kabar Terbaru Soal {topic.title()} Pekan Ini Nomor {n}", "",
             f"Senin, 0{n + 1} Juni 2020 / 22:3{n} WIB", "",
             f"Reporter: Nama Wartawan {n} | Editor: Nama Editor {n}", "",
             f"KONTAN.CO.ID - {city}. {first}", ""]
    for para in rest:
        lines += [para, ""]
    if table:
        lines += ["5 Saham dengan Harga Terendah", "Kode Harga (19/8) PER",
                  f"ABCD {1000 + n} 3,{n} 1,2", f"EFGH {2000 + n} 4,{n} 2,3", f"IJKL {3000 + n} 5,{n} 3,4", "",
                  "Sumber: RTI", ""]
    if foot:
        lines += ["Bagikan", "", "Berita Terbaru", "", f"Teaser Berita Lain Yang Dibaca Orang {n}",
                  f"| Kamis, 0{n + 1} Januari 2026 | 04:45 WIB", ""]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def generic_only(rules):
    return type(rules)({k: r for k, r in rules.rules.items() if k != "kontan"})


def _learn(pages: list[str], others, rule_id: str = "kontanl"):
    sources = [SourcePage(f"p{n}.txt", text, f"https://www.kontan.co.id/news/p{n}") for n, text in enumerate(pages)]
    learned = learn_rule(rule_id, sources, others)
    return learned, load_with(rule_id, learned.text, others)


def test_a_tables_source_under_the_text_is_the_articles(generic_only):
    """A weekly table printed last, its source under it ("Sumber: RTI") on every page: the
    source is the table's, not the first line of the page's foot."""
    learned, rules = _learn([kontan_page(n, table=True) for n in range(5)], generic_only)
    assert "Sumber: RTI" not in learned.text.split("[[tests]]")[0]
    article = clean_text(kontan_page(7, table=True), rules=rules, outlet="kontanl")
    assert "Sumber: RTI" in article.text.split("\n")


def test_a_box_label_under_a_button_ends_the_text(generic_only):
    """Under the last paragraph a share button ("Bagikan") and then a box's label ("Berita
    Terbaru"), both dropped by the generic rule: the label heads the box (teasers the
    generic rule leaves), so it ends the text; the button alone heads nothing."""
    page = kontan_page(6)
    assert "Teaser Berita Lain" in clean_text(page, rules=generic_only, outlet="generic").text
    learned, rules = _learn([kontan_page(n) for n in range(5)], generic_only)
    assert "'^Berita Terbaru$'" in learned.text and "'^Bagikan$'" not in learned.text
    assert "Teaser Berita Lain" not in clean_text(page, rules=rules, outlet="kontanl").text


def test_a_prompts_lower_case_tail_is_no_box_label(generic_only):
    """A prompt split over two lines the generic rule drops ("Dapatkan Berita Pilihan" /
    "di WhatsApp Anda") over a teaser: the second line goes on a sentence, no label."""
    pages = [kontan_page(n).replace("Bagikan\n\nBerita Terbaru", "Dapatkan Berita Pilihan\ndi WhatsApp Anda")
             for n in range(5)]
    assert all("di WhatsApp Anda" in p for p in pages)
    learned, _ = _learn(pages, generic_only)
    assert "box's label" not in learned.text


@pytest.mark.parametrize("city, dateline", [("BEIJING/TAIPEI", "BEIJING/TAIPEI"), ("RE’IM, ISRAEL", "RE’IM, ISRAEL"),
                                            ("KYIV", "KYIV")])
def test_a_lead_with_the_domain_and_a_city_closed_by_a_full_stop_is_the_dateline(generic_only, city, dateline):
    """Leads opening "KONTAN.CO.ID - JAKARTA. " on the pages: learned as the outlet's
    dateline form, the city any dateline's city — two of them ("BEIJING/TAIPEI"), a town
    and its country ("RE’IM, ISRAEL") — which the generic rule cuts short."""
    learned, rules = _learn([kontan_page(n) for n in range(5)], generic_only)
    forms = tomllib.loads(learned.text)["body"]["dateline"]
    assert any(re.match(expand(f), "KONTAN.CO.ID - KYIV. Pasukan") for f in forms), forms
    page = kontan_page(8, lead_city=city)
    article = clean_text(page, rules=rules, outlet="kontanl")
    assert article.dateline == dateline and article.text.startswith("Pemerintah menilai"), article.text[:60]
    # the city is a dateline's: a full stop after a capitalised word in the lead's prose is none
    prose = page.replace(f"KONTAN.CO.ID - {city}. Pemerintah", "KONTAN.CO.ID - Pemerintah RI. Menilai")
    assert clean_text(prose, rules=rules, outlet="kontanl").text.startswith("Pemerintah RI. Menilai")


NAMES = ["Rizky Alika", "Aryo Widhy Wicaksono", "Dimas Jarot Bayu", "Andi M. Arief", "Happy Fajrian"]
TAGS = ["batu bara, hilirisasi, minerba, smelter,", "erick thohir, garuda indonesia, direktur utama, dirut",
        "harga beras, inflasi, bulog", "ekspor kopi, petani, harga", "listrik, pln, tarif dasar"]


def katadata_page(n: int, name: bool = True, tags: bool = True, credit: str | None = None,
                  subhead: str | None = None) -> str:
    """A Katadata page: headline, the author's name alone over the date, the article's
    tags in lower case, a photo's credit and caption, the text."""
    topic = TOPICS[n % len(TOPICS)]
    first, second, third = _prose(topic, n)
    heads = ["Pemerintah Siapkan Aturan Baru Soal {}", "{} Naik Lagi, Pedagang Mengeluh", "Kenapa {} Turun Pekan Ini?",
             "DPR Minta Penjelasan Menteri Tentang {}", "{} Diprediksi Stabil Sampai Akhir Tahun"]
    lines = [heads[n % len(heads)].format(topic.title()), ""]
    if name:
        lines.append(NAMES[n % len(NAMES)])
    lines.append(f"{n + 1} Oktober 2020, 19:0{n}")
    if tags:
        lines.append(TAGS[n % len(TAGS)])
    lines += [credit or "ANTARA FOTO/Nama Fotografer/aww.",
              f"Petugas memeriksa gudang {topic} di Jakarta, Kamis (16/7/2020).", "", first, ""]
    if subhead:
        lines += [subhead, ""]
    lines += [second, "", third, ""]
    return "\n".join(lines) + "\n"


def _learn_katadata(pages: list[str], others):
    sources = [SourcePage(f"k{n}.txt", text, f"https://katadata.co.id/berita/k{n}") for n, text in enumerate(pages)]
    learned = learn_rule("katadatal", sources, others)
    return learned, load_with("katadatal", learned.text, others)


@pytest.fixture(scope="module")
def without_katadata(rules):
    return type(rules)({k: r for k, r in rules.rules.items() if k != "katadata"})


def test_a_name_alone_over_the_date_line_is_the_author(without_katadata):
    """Two of five pages print the author's name alone on the line over the date (another
    name on each): learned as an author line by that shape; the headline over it and a
    subheading with a small word in it are left alone. (A subheading of two to four
    capitalised words and nothing else reads as a name: the pattern is a line's, and so
    is the hand-written rule's.)"""
    pages = [katadata_page(n, name=n in (1, 3)) for n in range(5)]
    learned, rules = _learn_katadata(pages, without_katadata)
    assert "author's name alone over the date line on 2 of 5 pages" in learned.text
    page = katadata_page(7, subhead="Kinerja Sektor Energi di Daerah")
    assert "Dimas Jarot Bayu" in clean_text(page, rules=without_katadata, outlet="generic").text
    article = clean_text(page, rules=rules, outlet="katadatal")
    assert list(article.author) == ["Dimas Jarot Bayu"] and "Dimas Jarot Bayu" not in article.text
    assert "Kinerja Sektor Energi di Daerah" in article.text.split("\n")
    assert article.title == "Kenapa Tarif Listrik Turun Pekan Ini?"
    # one page of five: no author shape learned
    learned, _ = _learn_katadata([katadata_page(n, name=n == 1) for n in range(5)], without_katadata)
    assert "over the date line" not in learned.text


def test_the_articles_tags_printed_as_a_line_are_learned_by_their_shape(without_katadata):
    """Tags in lower case, comma after comma, on two pages (other tags on each): dropped by
    that shape; a sentence with commas, a line ending in a full stop, stays."""
    pages = [katadata_page(n, tags=n in (0, 2)) for n in range(5)]
    learned, rules = _learn_katadata(pages, without_katadata)
    assert "tags printed as a line" in learned.text
    page = katadata_page(4)
    assert "listrik, pln, tarif dasar" in clean_text(page, rules=without_katadata, outlet="generic").text
    article = clean_text(page, rules=rules, outlet="katadatal")
    assert "listrik, pln, tarif dasar" not in article.text
    drops = tomllib.loads(learned.text)["body"]["drop"]
    for prose in ("menurut dia, harga naik, lalu turun lagi.", "Beras, gula, dan minyak goreng naik"):
        assert not any(re.search(expand(p), prose) for p in drops), prose


def test_a_photo_credit_naming_the_outlet_is_learned_from_one_page(without_katadata):
    """A credit naming the outlet's own site after a bar ("Donang Wahyu|KATADATA") on one
    page: the host vouches for it, so it is a credit (the caption under it with it),
    whoever took the photo; a line naming another site is not."""
    pages = [katadata_page(n, credit="Donang Wahyu|KATADATA" if n == 2 else None) for n in range(5)]
    learned, rules = _learn_katadata(pages, without_katadata)
    assert "credit naming the outlet" in learned.text
    page = katadata_page(6, credit="Adi Maulana Ibrahim|Katadata")
    assert "Petugas memeriksa gudang" in clean_text(page, rules=without_katadata, outlet="generic").text
    article = clean_text(page, rules=rules, outlet="katadatal")
    assert "Adi Maulana Ibrahim|Katadata" in article.captions
    assert "Petugas memeriksa gudang" not in article.text
    other = clean_text(katadata_page(6, credit="Adi Maulana Ibrahim|Tempo"), rules=rules, outlet="katadatal")
    assert "Adi Maulana Ibrahim|Tempo" not in other.captions


PROMO = ("Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses "
         "berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D.")


def kompas_page(n: int, promo: bool = False) -> str:
    """A Kompas.com page: headline, date line, byline, the text, maybe the site's promo for
    its WhatsApp channel as the text's last line, then the page's boxes."""
    topic = TOPICS[n % len(TOPICS)]
    first, second, third = _prose(topic, n)
    lines = [f"Menteri Bicara Soal {topic.title()} di Depan Wartawan Nomor {n}", "",
             f"Kompas.com - 1{n}/10/2021, 18:4{n} WIB", "", f"JAKARTA, KOMPAS.com — {first}", "", second, "",
             third, ""]
    if promo:
        lines += [PROMO, ""]
    lines += ["Baca tentang", "Video rekomendasi", ""]
    return "\n".join(lines) + "\n"


def test_the_sites_promo_with_a_link_under_the_text_is_learned_from_one_page(rules):
    """The text's last line naming the outlet's own site with a link in it (its promo for a
    channel) on one page: dropped, by its first words; an article's line naming the site
    without a link ("kata dia kepada Kompas.com") stays."""
    others = type(rules)({k: r for k, r in rules.rules.items() if k != "kompas"})
    sources = [SourcePage(f"c{n}.txt", kompas_page(n, promo=n == 3), f"https://www.kompas.com/read/c{n}")
               for n in range(5)]
    learned = learn_rule("kompasl", sources, others)
    assert "the site's promo with a link" in learned.text
    with_rule = load_with("kompasl", learned.text, others)
    page = kompas_page(6, promo=True).replace("0029VaFPbedBPzjZrk13HO3D", "0029Va9999")
    assert "Simak breaking news" in clean_text(page, rules=others, outlet="generic").text
    article = clean_text(page, rules=with_rule, outlet="kompasl")
    assert "Simak breaking news" not in article.text
    said = kompas_page(7).replace("Kementerian terkait berjanji", "Kepada Kompas.com, kementerian terkait berjanji")
    assert "Kepada Kompas.com, kementerian" in clean_text(said, rules=with_rule, outlet="kompasl").text
