"""Fields a text scrape prints in shapes no rule pattern can tell apart line by line:
the photo's title glued before its caption, and the like (kliping/cleaner/text)."""
import pytest

from kliping.cleaner import clean_text


_TITLE = "Heboh Presiden Jokowi Ditanya Soal Banjir di Ambon"
_LEAD = ("Merdeka.com - Presiden Joko Widodo menjawab pertanyaan warga soal banjir yang "
         "melanda Kota Ambon pada Senin malam.")
_MORE = "Warga mengaku puas dengan jawaban Presiden dan berharap bantuan segera datang ke kampung."


@pytest.mark.parametrize("outlet", ["merdeka", "generic"])
def test_the_photo_title_glued_before_its_caption_is_cut_off(rules, outlet):
    """A page prints the photo's title (the headline) and its caption as one line
    ("<headline> Presiden di Ambon. ©2017 Merdeka.com"): the caption is what follows
    the headline's copy, not the whole line."""
    caption = "Presiden Jokowi di Ambon. ©2017 Merdeka.com"
    text = f"{_TITLE}\n\n{_TITLE} {caption}\n\n{_LEAD}\n\n{_MORE}\n"
    art = clean_text(text, rules=rules, outlet=outlet)
    assert art.title == _TITLE
    assert art.captions == (caption,)
    assert not any(_TITLE in p for p in art.paragraphs)


def test_a_caption_that_only_starts_like_the_headline_is_whole(rules):
    """A caption naming the headline's subject in its first words, or the headline's
    whole words as the photo's title with nothing after them, stays as printed."""
    caption = "Heboh Presiden Jokowi Ditanya Soal Banjir. ©2017 Merdeka.com"
    text = f"{_TITLE}\n\n{caption}\n\n{_LEAD}\n\n{_MORE}\n"
    assert clean_text(text, rules=rules, outlet="merdeka").captions == (caption,)


def test_a_photo_title_glued_in_the_photo_box_under_the_byline_stays(rules):
    """Further down, under the byline, the photo's box prints its title glued to the
    caption: that line is the caption as printed, title and all."""
    glued = f"{_TITLE} Presiden Jokowi di Ambon. ©2017 Merdeka.com"
    text = f"{_TITLE}\n\nNama Wartawan, Merdeka.com | Senin, 16/12/2017 05:07 WIB\n{glued}\n{_LEAD}\n\n{_MORE}\n"
    assert clean_text(text, rules=rules, outlet="generic").captions == (glued,)
