"""Repeats inside one article: titles 2-3 times, near-duplicate paragraphs, standfirst."""
from hypothesis import given
from hypothesis import strategies as st

from kliping.cleaner import Settings, clean_text
import re
import unicodedata

from kliping.cleaner.dedupe import PLAIN_PUNCTUATION, is_repeat, normalise, repeated_indexes

LEAD = ("Presiden Rusia Vladimir Putin memperingatkan Presiden AS Joe Biden bahwa hubungan "
        "kedua negara bisa putus jika Barat menjatuhkan sanksi terhadap Moskow.")
SECOND = "Hal itu disampaikan Putin kepada Biden lewat percakapan telepon pada Kamis (30/12/2021)."
TITLE = "Putin Ingatkan Biden: Hubungan AS dan Rusia Bisa Putus"


def test_normalise_folds_case_punctuation_and_width():
    assert normalise("“Putin”  Ingatkan—BIDEN!") == "putin ingatkan biden"
    assert normalise("ＰＵＴＩＮ") == "putin"


def _normalised_the_long_way(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).casefold()))


@given(st.text(alphabet=st.characters(max_codepoint=127) | st.sampled_from(PLAIN_PUNCTUATION)))
def test_ascii_with_plain_punctuation_takes_the_byte_table_to_the_same_result(text):
    assert normalise(text) == _normalised_the_long_way(text)


@given(st.text())
def test_any_text_normalises_as_nfkc_and_case_folding_say(text):
    assert normalise(text) == _normalised_the_long_way(text)


def test_plain_punctuation_is_left_alone_by_nfkc_and_case_folding():
    for ch in PLAIN_PUNCTUATION:
        assert unicodedata.normalize("NFKC", ch) == ch == ch.casefold()
        assert not re.match(r"\w", ch)


def test_title_twice_is_kept_once(rules):
    art = clean_text(f"{TITLE}\n\n{TITLE}\n\n{LEAD}\n\n{SECOND}", rules=rules, outlet="generic")
    assert art.title == TITLE
    assert art.paragraphs == (LEAD, SECOND)


def test_title_three_times_is_kept_once(rules):
    art = clean_text(f"{TITLE}\n\n{TITLE}\n\n{TITLE}\n\n{LEAD}", rules=rules, outlet="blogmirror")
    assert art.title == TITLE and art.paragraphs == (LEAD,)


def test_title_repeated_with_other_case_and_punctuation(rules):
    art = clean_text(f"{TITLE}\n{TITLE.upper()}!\n\n{LEAD}", rules=rules, outlet="generic")
    assert art.paragraphs == (LEAD,)


def test_near_duplicate_paragraph_keeps_the_first(rules):
    near = LEAD.replace("bisa putus", "dapat putus")
    art = clean_text(f"{TITLE}\n\n{LEAD}\n\n{SECOND}\n\n{near}", rules=rules, outlet="generic")
    assert art.paragraphs == (LEAD, SECOND)


def test_different_paragraphs_are_kept(rules):
    other = "Rusia mencaplok Krimea dari Ukraina pada 2014 dan mendukung pemberontak pro-Rusia."
    art = clean_text(f"{TITLE}\n\n{LEAD}\n\n{other}", rules=rules, outlet="generic")
    assert art.paragraphs == (LEAD, other)


def test_short_paragraphs_only_dropped_when_equal():
    assert repeated_indexes(["Kata dia.", "Kata dia.", "Kata mereka."]) == {1: 0}
    assert not is_repeat("Ya, katanya.", "Tidak, katanya.")


def test_threshold_is_a_setting():
    a = "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi."
    b = "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Timur pada Selasa sore."
    assert not is_repeat(a, b, Settings(near_duplicate=0.95))
    assert is_repeat(a, b, Settings(near_duplicate=0.8))


def test_standfirst_that_the_text_prints_again_is_the_texts(rules):
    """A line under the headline that a paragraph of the text repeats is that paragraph
    printed at the top, as the real Tribun pages of tests/corpus are labelled: the text
    keeps it where it stands, and there is no standfirst."""
    stand = "Pembicaraan ini adalah yang kedua kalinya bagi Biden dan Putin dalam sebulan ini."
    text = f"{TITLE}\n\n{stand}\n\nTRIBUNNEWS.COM, JAKARTA - {LEAD}\n\n{stand}\n\n{SECOND}"
    art = clean_text(text, rules=rules, outlet="tribunnews")
    assert art.description is None
    assert art.paragraphs == (LEAD, stand, SECOND)


def test_lead_printed_twice(rules):
    art = clean_text(f"{TITLE}\n\nJAKARTA - {LEAD}\n\n{LEAD}\n\n{SECOND}", rules=rules, outlet="generic")
    assert art.paragraphs == (LEAD, SECOND)
    assert art.dateline == "JAKARTA"


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=300))
def test_normalise_of_ascii_text_is_the_general_fold(text):
    """The byte-table path for ASCII gives what NFKC, casefold and word runs give."""
    import re
    import unicodedata

    general = " ".join(re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).casefold()))
    assert normalise(text) == general


_CAPTION = "Petugas memeriksa kendaraan listrik di stasiun pengisian daya di Jakarta, Senin (12/6/2023)."
#: The photo's alt text: the caption, more sentences, cut short by the page.
_ALT = (_CAPTION + " Pemerintah menargetkan dua juta kendaraan listrik beroperasi pada 2030. "
        "Insentif pajak diberikan untuk pembeli mob...")
_KATADATA_LEAD = "Pemerintah akan memperluas insentif kendaraan listrik tahun depan, kata menteri keuangan pada Senin."


def test_alt_text_cut_short_over_its_caption_is_an_echo(rules):
    """Katadata prints the photo's alt text (the caption and more, cut short) over the
    credit and the caption: neither text nor standfirst."""
    for byline in ("Rizky Alika\n12 Juni 2023, 19:05",
                   "Penulis: Rizky Alika\nEditor: Yuliawati\n12/06/2023, 19.05 WIB"):
        text = (f"Pemerintah Perluas Insentif Kendaraan Listrik Tahun Depan\n{byline}\n{_ALT}\n"
                f"KATADATA/Adi Maulana Ibrahim\n{_CAPTION}\n{_KATADATA_LEAD}\n"
                "Insentif itu mencakup potongan pajak untuk mobil listrik buatan dalam negeri.\n")
        art = clean_text(text, rules=rules, outlet="katadata")
        assert art.paragraphs[0] == _KATADATA_LEAD, byline
        assert art.description is None and _CAPTION in art.captions
    # The photo right under the headline, the byline under it: the alt text stands where
    # a standfirst would.
    text = (f"Pemerintah Perluas Insentif Kendaraan Listrik Tahun Depan\n{_ALT}\nKATADATA/Adi Maulana Ibrahim\n"
            f"{_CAPTION}\nRizky Alika\n12 Juni 2023, 19:05\n{_KATADATA_LEAD}\n")
    art = clean_text(text, rules=rules, outlet="katadata")
    assert art.description is None and art.paragraphs == (_KATADATA_LEAD,)


def test_a_paragraph_starting_with_the_caption_and_ending_whole_is_text(rules):
    """Only a copy cut short is the alt text: a paragraph that says the caption again and
    goes on to its end is the article's."""
    whole = _CAPTION + " Pemerintah menargetkan dua juta kendaraan listrik beroperasi pada 2030."
    text = (f"Pemerintah Perluas Insentif Kendaraan Listrik\nRizky Alika\n12 Juni 2023, 19:05\n"
            f"KATADATA/Adi Maulana Ibrahim\n{_CAPTION}\n{_KATADATA_LEAD}\n{whole}\n")
    art = clean_text(text, rules=rules, outlet="katadata")
    assert whole in art.paragraphs
