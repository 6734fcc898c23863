"""A blog prints its copied post twice (the post and its copy under "read more", or the
template's two columns): the second copy's lead still carries the outlet's prefix the
first one lost as its dateline ("KABANJAHE, KOMPAS.com - …"), so it counts as a repeat of
that lead (labelling.md: a paragraph printed twice counts once) (kliping/cleaner/text/body.py)."""
import pytest

from kliping.cleaner import clean_text

_TITLE = "Gunung Api di Karo Kembali Semburkan Abu"
_LEAD = "Gunung api di Kabupaten Karo kembali menyemburkan abu pada Jumat malam sekitar pukul 20.00 WIB."
_MORE = "Warga di lereng gunung diminta menjauh dari kawah dan memakai masker saat keluar rumah."


@pytest.mark.parametrize("outlet, prefix", [("kompas", "KABANJAHE, KOMPAS.com - "),
                                            ("generic", "KABANJAHE, KOMPAS.com - "),
                                            ("blogmirror", "TEMPO Interaktif, Kabanjahe - ")])
def test_the_second_copy_of_the_lead_with_its_prefix_is_a_repeat(rules, outlet, prefix):
    text = f"{_TITLE}\n\n{prefix}{_LEAD}\n\n{_MORE}\n\n{prefix}{_LEAD}\n\n{_MORE}\n"
    art = clean_text(text, rules=rules, outlet=outlet)
    assert art.paragraphs == (_LEAD, _MORE), outlet
    assert prefix.strip(" -") not in art.text


def test_a_second_story_with_its_own_lead_stays(rules):
    """An archive page's second story opens with the same prefix and other words: no repeat."""
    other = "KABANJAHE, KOMPAS.com - Pengungsi di posko Kabanjahe mulai menerima bantuan makanan dan selimut."
    text = f"{_TITLE}\n\nKABANJAHE, KOMPAS.com - {_LEAD}\n\n{_MORE}\n\n{other}\n"
    art = clean_text(text, rules=rules, outlet="generic")
    assert art.paragraphs == (_LEAD, _MORE, other)
