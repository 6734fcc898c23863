"""A copied photo table's empty cell comes out as a bar alone on its line ("|", a Blogger
copy of an outlet's caption table): no text, whatever the rule. It is dropped after the
foot's run of template labels is read, so a blog's foot that ends in one (a label,
"Diposting oleh", the poster's name, "|") still goes as a whole (kliping/cleaner/text/body.py)."""
import pytest

from kliping.cleaner import clean_text

_TITLE = "Kapten Tim Nasional Kembali Dipanggil Pelatih"
_LEAD = "Pelatih tim nasional kembali memanggil kapten tim yang sempat absen karena cedera lutut."
_MORE = "Sang kapten sudah berlatih penuh bersama klubnya selama dua pekan terakhir."
_LAST = "Tim dijadwalkan berkumpul di ibu kota mulai Senin pekan depan."


@pytest.mark.parametrize("outlet", ["blogmirror", "generic"])
def test_a_bar_alone_between_paragraphs_is_no_text(rules, outlet):
    text = f"{_TITLE}\n\n{_LEAD}\n|\n{_MORE}|\n|\n{_LAST}\n"
    art = clean_text(text, rules=rules, outlet=outlet)
    assert art.paragraphs == (_LEAD, _MORE + "|", _LAST), outlet


def test_a_blog_foot_ending_in_a_bar_still_goes_whole(rules):
    text = (f"{_TITLE}\n\n{_LEAD}\n{_MORE}\n{_LAST}\nKabar Olahraga Terkini\nDiposting oleh\nnama penulis\n|\n"
            "Langganan:\nPosting Komentar (Atom)\n")
    art = clean_text(text, rules=rules, outlet="blogmirror")
    assert art.paragraphs == (_LEAD, _MORE, _LAST)


def test_a_related_link_in_a_cell_keeps_the_link_not_the_bar(rules):
    """"| Baca juga: Judul |": the link is related, the cell's closing bar no paragraph."""
    text = f"{_TITLE}\n\n{_LEAD}\n\n| Baca juga: Kapten Timnas Jalani Pemulihan Cedera |\n\n{_MORE}\n"
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.related == ("Kapten Timnas Jalani Pemulihan Cedera",)
    assert art.paragraphs == (_LEAD, _MORE)
