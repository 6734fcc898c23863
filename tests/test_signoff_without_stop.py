"""A small site's last paragraph signed off by the desk with no full stop before it ("… berjalan
tertib (red)", "… kata dia (abc/def)") is a whole paragraph, not a scrape cut off inside a
sentence (kliping/cleaner/text/body.py drop_cut_off_end); a fragment still goes."""
import pytest

from kliping.cleaner import clean_text

_TITLE = "Perayaan Hari Raya di Kota Berlangsung Aman"
_LEAD = "Perayaan hari raya di kota berlangsung aman dengan penjagaan petugas gabungan sejak pagi."
_MORE = "Petugas disiagakan di setiap rumah ibadah untuk mencegah hal yang tidak diinginkan."


@pytest.mark.parametrize("signoff", ["(red)", "(Red)", "(abc/def)"])
def test_a_last_paragraph_signed_off_without_a_full_stop_stays(rules, signoff):
    last = f"Seorang warga mengatakan perayaan tahun ini berjalan lancar dan tertib {signoff}"
    art = clean_text(f"{_TITLE}\n\n{_LEAD}\n\n{_MORE}\n\n{last}\n", rules=rules, outlet="generic")
    assert art.paragraphs[-1].startswith("Seorang warga mengatakan"), signoff


def test_a_fragment_cut_off_by_the_scrape_still_goes(rules):
    art = clean_text(f"{_TITLE}\n\n{_LEAD}\n\n{_MORE}\n\nSeorang warga mengatakan perayaan tahun ini\n",
                     rules=rules, outlet="generic")
    assert art.paragraphs == (_LEAD, _MORE)
