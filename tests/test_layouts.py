"""Pages grouped by layout (kliping/authoring/layouts.py): pages printing the same short
lines share a layout; the largest group is what five pages of one layout are taken from."""
from __future__ import annotations

from pathlib import Path

from kliping.authoring.layouts import largest_layout, short_lines, shows_foot

#: A news site's desktop page (its font buttons and boxes under the text), its amp page
#: (a share bar, a footer) and an old page printing neither: the prose is invented.
DESKTOP = """{title}

Reporter:
Editor:

  • Font:
  • Ukuran Font: - +
    TEMPO.CO, Jakarta - {lead} mengatakan pemerintah akan meninjau kebijakan itu pekan depan.

    Lihat Juga
    Selengkapnya
"""
AMP = """{title}
Bagikan ke WhatsApp
{lead} menyebut rencana itu belum dibahas di rapat kabinet.
Copyright Tempo 2020
"""
OLD = "{title}\n{lead} berkata harga naik lagi pada awal bulan ini.\n"


def _page(layout: str, n: int) -> str:
    return layout.format(title=f"Judul Berita Nomor {n} Tentang Harga", lead=f"Menteri ke-{n}")


def test_pages_sharing_their_short_lines_are_one_layout():
    texts = [_page(AMP, 1), _page(DESKTOP, 2), _page(OLD, 3), _page(DESKTOP, 4), _page(AMP, 5), _page(DESKTOP, 6)]
    assert largest_layout(texts) == [1, 3, 5]  # three desktop pages; the amp pages are two
    # a line the pages share once (a title twice) is no layout, nor are long lines (prose)
    assert largest_layout([_page(OLD, 1), _page(OLD, 1).replace("Menteri ke-1", "Menteri ke-2")]) == [0]
    assert largest_layout([]) == []


def test_a_layouts_lines_are_short_and_spacing_tidied():
    lines = short_lines("  • Font:  \n\n" + "x" * 81 + "\nLihat   Juga\n")
    assert lines == {"• Font:", "Lihat Juga"}


def test_a_scrape_cut_off_mid_paragraph_shows_no_foot():
    """A Kontan scrape cut off inside its last paragraph shows nothing under the text; one
    that goes on to "TERBARU" and its box shows its foot (tests/corpus pages)."""
    corpus = Path(__file__).resolve().parent / "corpus" / "text"
    cut = (corpus / "kontan-peluangusaha-prospek-waralaba-2022.txt").read_text("utf-8")
    whole = (corpus / "kontan-internasional-arab-saudi-haji-20-persen-p2.txt").read_text("utf-8")
    assert cut.rstrip().endswith("Bisnis war") and not shows_foot(cut)
    assert "\nTERBARU\n" in whole and shows_foot(whole)
    assert not shows_foot("") and not shows_foot("Judul\n")
