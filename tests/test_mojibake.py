"""Double-decoded punctuation in text scrapes (kliping/cleaner/text/mojibake.py): UTF-8
read by the scraper in Windows-1252, Thai cp874 or Greek cp1253 is repaired; genuine
text in those scripts, and "Â" or "€" meant as such, never change."""
from pathlib import Path

import pytest

from kliping.cleaner import clean_text
from kliping.cleaner.text.mojibake import repair_mojibake

CORPUS = Path(__file__).parent / "corpus" / "text"


def _misread(text: str, codec: str) -> str:
    """What a scraper stores when it reads `text`'s UTF-8 bytes in `codec`."""
    return text.encode("utf-8").decode(codec, errors="strict")


@pytest.mark.parametrize("codec", ["cp1252", "cp874", "cp1253"])
@pytest.mark.parametrize("good", ["2025 © PT Dynamo Media Network", "JAKARTA, KOMPAS — Pemerintah kota",
                                  "Ekonomi›Bulog Akan Operasi Pasar", "· 1 menit baca",
                                  "Ekspor naik 5 ‰ — lumayan…"])
def test_each_code_pages_punctuation_is_repaired(codec, good):
    broken = _misread(good, codec)
    assert broken != good
    assert repair_mojibake(broken) == good


def test_latin_letters_and_the_gaps_of_windows_1252_are_repaired():
    # "”" is E2 80 9D: 9D is undefined in cp1252, and scrapers keep it as U+009D.
    assert repair_mojibake("Itâ€™s â€œcafÃ©â€\x9d, dia bilang") == "It’s “café”, dia bilang"
    assert repair_mojibake("Baca juga:Â\xa0Mabuk") == "Baca juga:\xa0Mabuk"
    assert repair_mojibake(_misread("Harga 5 € saja 👉 di sini", "cp1252")) == "Harga 5 € saja 👉 di sini"


@pytest.mark.parametrize("text", [
    "ยกเลิกการประชุม ยก ภาษาไทย ๒๕๖๗",           # Thai: "ยก" (lift) is C2 A1 read in cp874
    "ผู้ว่าฯ ยก ทีม",
    "Καλημέρα κόσμε, ΟΊ Άρης Β· ομάδα",           # Greek
    "Привет, мир — «ёлка» вЂ",                     # Russian (and cp1251 mojibake is not guessed at)
    "東京で会議が開かれた。北京、서울",              # CJK
    "€ 5 harga tiket", "Â meant as such, ÂÂ, and € too", "SÃO PAULO", "naïve café — “ok” ©",
    "Rp 5.000 · 3 menit", "plain ASCII text - nothing to do",
])
def test_genuine_text_never_changes(text):
    assert repair_mojibake(text) == text


def test_voi_editions_in_the_corpus_are_unchanged():
    pages = sorted(CORPUS.glob("voi-*.txt"))
    assert len(pages) >= 25
    for page in pages:
        text = page.read_text("utf-8")
        assert repair_mojibake(text) == text, page.name


def test_a_kumparan_scrape_loses_its_thai_read_footer(rules):
    text = (CORPUS / "kumparan-tech-samsung-suntik-mati-galaxy-note.txt").read_text("utf-8")
    art = clean_text(text, rules=rules)
    assert art.title == "Samsung S Galaxy Slot Mati Suntik Bakal Galaxy Seri Ada Note, S22 Gantinya Pen?"
    assert "ยท" not in art.text and "·" not in art.text
    assert art.text.startswith("Dikutip beredar")


def test_a_kompas_id_scrape_reads_its_dashes(rules):
    text = (CORPUS / "kompasid-bulog-operasi-pasar-beras-kedelai.txt").read_text("utf-8")
    lead = next(line for line in text.splitlines() if line.startswith("JAKARTA, KOMPAS β€” "))
    text = text.replace(lead, lead + " Harga beras β€” kata pedagang β€” naik lagi.")
    art = clean_text(text, rules=rules)
    assert art.dateline == "JAKARTA"
    assert "Harga beras — kata pedagang — naik lagi." in art.text
    assert "β€" not in art.text + (art.title or "")


def test_html_pages_are_left_to_their_charset(rules):
    page = """<!doctype html><html lang="id"><head><title>Banjir Rendam Ratusan Rumah di Kudus</title></head>
<body><div class="container"><h1>Banjir Rendam Ratusan Rumah di Kudus</h1><div class="read">
<p>KUDUS â€” Banjir merendam ratusan rumah warga di Kecamatan Jati, Kabupaten Kudus, Jumat
(31/12/2021), setelah hujan deras mengguyur sejak malam.</p>
<p>Sebagian warga memilih mengungsi ke balai desa karena air masuk ke dalam rumah setinggi
lutut orang dewasa, kata kepala desa setempat kepada wartawan.</p>
<p>Petugas BPBD mendirikan dapur umum dan membagikan makanan kepada para pengungsi sejak
pagi hari, sementara relawan membantu mengevakuasi warga lanjut usia.</p></div></div></body></html>"""
    art = clean_text(page, rules=rules, content_type="text/html")
    assert "â€”" in art.text
