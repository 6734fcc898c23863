"""A photo inside the text whose caption carries no credit is printed twice on two lines
in a row, the image's alt text over its caption: both copies are the photo's caption,
not a paragraph kept once (kliping/cleaner/text/caption_twice.py). A sentence a scrape
repeats at the lead or at the foot is still kept once."""
from conftest import clean_generic

_TITLE = "Pasar Lama Kota Genap Berusia Seratus Tahun"
_LEAD = "KABAR KOTA - Pasar lama di pusat kota genap berusia seratus tahun pada pekan ini, kata pengelolanya."
_ONE = "Pedagang menggelar syukuran di halaman pasar dengan membagikan ribuan bungkus nasi kepada warga sekitar."
_TWO = "Pengelola berjanji merenovasi atap dan saluran air pasar sebelum musim hujan tiba tahun depan."
_CAPTION = "Pasar lama kota berusia seratus tahun hari ini."


def test_a_caption_printed_twice_between_paragraphs_is_the_caption(rules):
    text = (f"{_TITLE}\n\n- 24 Maret 2024, 22:51 WIB\n{_LEAD}\n \n{_ONE}\n \n \n{_CAPTION}\n{_CAPTION}\n"
            f"{_TWO}\n")
    art = clean_generic(text, rules)
    assert art.captions == (_CAPTION,)
    assert art.paragraphs == (_LEAD.split(" - ", 1)[1], _ONE, _TWO)


def test_a_sentence_printed_twice_at_the_lead_or_the_foot_is_kept_once(rules):
    lead = _LEAD.split(" - ", 1)[1]
    art = clean_generic(f"{_TITLE}\n{lead}\n{lead}\n\n{_ONE}\n\n{_TWO}\n", rules)
    assert art.paragraphs == (lead, _ONE, _TWO) and art.captions == ()
    art = clean_generic(f"{_TITLE}\n\n{_LEAD}\n\n{_ONE}\n{_CAPTION}\n{_CAPTION}\n", rules)
    assert art.paragraphs[-1] == _CAPTION and art.captions == ()
