"""The photo's box printed between the headline and the lead, in shapes the rule's line
patterns do not know: a credit no pattern names over its caption, a caption over its
credit's label and a bulleted credit (kliping/cleaner/text/headline.py). Any outlet's
new layout meets these under `generic`."""
from conftest import clean_generic

from kliping.cleaner import clean_text


_TITLE = "Polisi Tetapkan Tiga Tersangka Kasus Pengusiran Petugas di Surabaya"
_STANDFIRST = "Polisi menetapkan tiga tersangka dalam insiden pengusiran petugas saat razia malam."
_CAPTION = "Kapolda Jatim memberikan keterangan kepada wartawan di Mapolda Jatim, Senin (12/7/2021)."
_LEAD = ("SURABAYA - Kepolisian menetapkan tiga tersangka dalam kasus pengusiran petugas yang "
         "terjadi di Surabaya pekan lalu, kata juru bicara polisi.")
_MORE = "Ketiganya dijerat pasal berlapis dan kini ditahan di Mapolda Jatim untuk pemeriksaan lanjutan."


def test_a_credit_no_pattern_names_opens_the_caption_under_it(rules):
    """Tribun's regional pages print the photo's credit, then its caption, between the
    editor's line and the lead: credits of any desk ("Istimewa/TribunJatim.com",
    "Bangka Pos/Nama", "Instagram @akun", "Kolase TribunGorontalo.com")."""
    for credit in ("Istimewa/TribunJatim.com", "Bangka Pos/Dedi Qurniawan", "Instagram @anwaribrahim_my",
                   "Kolase TribunGorontalo.com"):
        text = (f"{_TITLE}\n\n{_STANDFIRST}\n\nEditor: Dwi Prastika\n{credit}\n{_CAPTION}\n"
                f"{_LEAD}\n\n{_MORE}\n")
        art = clean_generic(text, rules)
        assert art.captions == (credit, _CAPTION), credit
        assert art.description == _STANDFIRST
        assert art.title == _TITLE
        assert art.paragraphs[0].startswith("Kepolisian menetapkan")


def test_a_caption_over_its_credits_label_and_a_bulleted_credit(rules):
    """VIVA prints the caption, "Sumber :" and the credit as a list item: the caption and
    the credit, not a standfirst and a dropped line."""
    for credit in ("VIVA/M Ali Wafa", "VIVA.co.id/Andrew Tito", "Instagram @satlantas_polres_paser"):
        text = f"{_TITLE}\n\n{_CAPTION}\nSumber :\n  • {credit}\n\n{_LEAD}\n\n{_MORE}\n"
        art = clean_generic(text, rules)
        assert art.captions == (_CAPTION, credit), credit
        assert art.description is None


def test_a_standfirst_is_not_taken_for_a_caption(rules):
    """The line under the headline with no credit near it stays the standfirst, and a
    headline with a slash in it ("DPR/MPR Setujui …") is no credit."""
    text = f"{_TITLE}\n\n{_STANDFIRST}\n\n{_LEAD}\n\n{_MORE}\n"
    art = clean_generic(text, rules)
    assert art.description == _STANDFIRST and art.captions == ()
    title = "DPR/MPR Setujui Revisi Undang-Undang Pemilu dalam Rapat Paripurna"
    art = clean_generic(f"{title}\n\n{_STANDFIRST}\n\n{_LEAD}\n\n{_MORE}\n", rules)
    assert art.title == title and art.description == _STANDFIRST and art.captions == ()


def test_a_byline_with_a_slash_is_no_credit(rules):
    """"Rep: Nama/ Red: Nama" has a slash but names the writers: no photo box opens, and
    the standfirst above it stays the standfirst."""
    text = (f"{_TITLE}\n\n{_STANDFIRST}\n\nRep: Dedy Darmawan/ Red: Nidia Zuraya\n"
            f"{_LEAD}\n\n{_MORE}\n")
    art = clean_generic(text, rules)
    assert art.description == _STANDFIRST and art.captions == ()


def test_a_caption_ending_in_its_credit_between_title_and_lead(rules):
    """Under the date line, the photo's caption closed by a credit no caption pattern
    knows ("… di Jakarta. TEMPO/Nama", "… 2017. REUTERS", "… (ANTARA FOTO/NAMA).",
    "… Foto/SINDOnews.com/Nama"): the caption, not the standfirst; its copy printed again
    under it (an amp page's alt text) is dropped."""
    for credit in ("TEMPO/Subekti", "REUTERS", "(ANTARA FOTO/GALIH PRADIPTA).", "Foto/SINDOnews.com/Arif Julianto",
                   "YOUTUBE/KIRA OFFICIAL 212", "Dok. JPNN"):
        caption = f"{_CAPTION} {credit}"
        text = f"{_TITLE}\n\nSenin, 12 Juli 2021 10:15 WIB\n• {caption}\n\n{caption}\n\n{_LEAD}\n\n{_MORE}\n"
        art = clean_generic(text, rules)
        assert art.captions == (caption,), credit
        assert art.description is None and art.paragraphs[0].startswith("Kepolisian")


def test_a_sentence_naming_an_agency_is_not_a_caption(rules):
    """A standfirst that ends in a source's name without a credit's shape ("… kata
    Reuters.") stays the standfirst."""
    standfirst = "Polisi menetapkan tiga tersangka, menurut laporan kantor berita Reuters."
    text = f"{_TITLE}\n\n{standfirst}\n\n{_LEAD}\n\n{_MORE}\n"
    art = clean_generic(text, rules)
    assert art.description == standfirst and art.captions == ()


def test_an_illustrations_caption_in_brackets_is_given_without_them(rules):
    """Kontan prints "[ILUSTRASI. … ANTARA FOTO/Nama.]" under the headline: the caption
    is its words, not the brackets."""
    caption = "ILUSTRASI. Karyawan melintas di depan layar pergerakan saham di Bursa Efek Indonesia, Jakarta."
    text = f"{_TITLE}\n\nRabu, 30 Oktober 2019 | 08:54 WIB\n[{caption}]\n{_LEAD}\n\n{_MORE}\n"
    assert clean_generic(text, rules).captions == (caption,)


def test_a_credit_naming_the_site_before_the_slash_is_no_breadcrumb(rules):
    """A news site prints its photo's credit as its own name, a slash and the person shown
    ("Kabar Pesisir / Made Wirawan") between the headline and the lead: the shape of a
    breadcrumb ("Berita / Daerah"), but the name before the slash is the site's own, as its
    address in the lead spells it, and it stands under the headline."""
    credit = "Kabar Pesisir / Made Wirawan Putra"
    text = (f"Berita / Daerah\n\n{_TITLE}\n\n{credit}\n\n"
            f"kabarpesisir.com | Surabaya - {_LEAD.split(' - ', 1)[1]}\n\n{_MORE}\n")
    art = clean_generic(text, rules)
    assert art.title == _TITLE
    assert art.captions == (credit,)
    assert "Berita / Daerah" not in art.captions
    assert art.paragraphs[0].startswith("Kepolisian menetapkan")


def test_a_path_under_the_headline_naming_no_site_stays_dropped(rules):
    """The same shape naming anything but the site ("Hukum / Kriminal") is a breadcrumb."""
    text = (f"{_TITLE}\n\nHukum / Kriminal\n\n"
            f"kabarpesisir.com | Surabaya - {_LEAD.split(' - ', 1)[1]}\n\n{_MORE}\n")
    art = clean_generic(text, rules)
    assert art.captions == ()
    assert "Hukum / Kriminal" not in "\n".join(art.paragraphs)


def test_the_photos_short_title_over_its_credit_is_not_a_blogs_headline(rules):
    """A rule reading the headline as the last title-shaped line before the text
    (`title = "last-before-text"`) passes over the photo's own short title printed right
    over its credit ("Gubernur Jatim" / "Kabar Pesisir / Nama"): it is no kicker."""
    text = (f"{_TITLE}\n\nGubernur Jatim\nKabar Pesisir / Made Wirawan Putra\n\n"
            f"kabarpesisir.com | Surabaya - {_LEAD.split(' - ', 1)[1]}\n\n{_MORE}\n")
    art = clean_text(text, rules=rules, outlet="blogmirror")
    assert art.title == _TITLE
    assert art.paragraphs[0].startswith("Kepolisian menetapkan")


def test_alt_text_over_its_credited_caption_is_no_standfirst(rules):
    """A network's page prints the photo's caption twice under the date: bare (the
    image's alt text), then the same words with their credit in any form (after a slash,
    between dashes). The first copy is the alt text, not the description; the lead with
    no dateline stays the text's first paragraph."""
    lead = ("Kepolisian menetapkan tiga tersangka dalam kasus pengusiran petugas yang terjadi "
            "di Surabaya pekan lalu, kata juru bicara polisi.")
    for credit in ("/Dok. Humas Polda/", "/Humas Polda", "/Kota Kita/Nama Fotografer/"):
        text = (f"{_TITLE}\n\n- 12 Juli 2021, 10:15 WIB\n{_CAPTION}\n{_CAPTION} {credit}\n\n"
                f"{lead}\n\n{_MORE}\n")
        art = clean_generic(text, rules)
        assert art.description is None, credit
        assert art.captions == (f"{_CAPTION} {credit}",), credit
        assert art.paragraphs == (lead, _MORE), credit


def test_a_headline_glued_over_a_caption_stays_the_headline(rules):
    """Merdeka glues the photo's caption to a copy of the headline ("Headline Caption.
    ©2018 Site"): the line under the headline starts with it, but more prose follows,
    not a credit alone, so the headline is no alt text."""
    glued = f"{_TITLE} Kapolda Jatim di Mapolda. ©2021 Kota.com"
    text = f"{_TITLE}\n{glued}\n\nSenin, 12 Juli 2021 10:15 WIB\n\n{_LEAD}\n\n{_MORE}\n"
    art = clean_generic(text, rules)
    assert art.title == _TITLE
