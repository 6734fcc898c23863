"""A pull quote: the page prints an excerpt of a paragraph a second time, larger, beside
the text (kliping/cleaner/text/body.py). It is furniture, the paragraph it repeats is text;
a page's words may come in another order in the excerpt than in the paragraph."""
from conftest import clean_generic


_TITLE = "Gubernur Minta Lurah Turun Langsung ke Permukiman Padat"
_LEAD = "Gubernur meminta para lurah untuk lebih sering turun ke permukiman padat penduduk, Senin (4/3)."
_QUOTE = ("\"Saya tidak mau lurah hanya duduk di kantor. Turun ke gang-gang, dengar keluhan warga "
          "dan catat apa yang mereka butuhkan,\" kata Gubernur di Balai Kota.")
_PULL = "Saya tidak mau lurah hanya duduk di kantor. Turun ke gang-gang, dengar keluhan warga"
_LAST = "Ia juga meminta camat mengawasi kinerja lurah di wilayah masing-masing setiap pekan."


def test_a_pull_quote_above_its_paragraph_is_dropped(rules):
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_PULL}\n\n{_QUOTE}\n\n{_LAST}\n", rules)
    assert art.paragraphs == (_LEAD, _QUOTE, _LAST)


def test_a_pull_quote_with_its_words_in_another_order_is_dropped(rules):
    pull = "Turun ke gang-gang, dengar keluhan warga. Saya tidak mau lurah hanya duduk di kantor"
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_QUOTE}\n\n{pull}\n\n{_LAST}\n", rules)
    assert art.paragraphs == (_LEAD, _QUOTE, _LAST)


def test_a_paragraph_sharing_most_words_with_another_stays(rules):
    """Two sentences of prices differ by their figures and a few words: both are text."""
    first = "Harga cabai rawit merah di pasar induk kini Rp 60.000 per kilogram, kata pedagang."
    second = ("Sementara harga cabai rawit hijau di pasar induk kini Rp 45.000 per kilogram, "
              "lebih murah dari pekan lalu, kata pedagang.")
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{first}\n\n{second}\n\n{_LAST}\n", rules)
    assert art.paragraphs == (_LEAD, first, second, _LAST)
