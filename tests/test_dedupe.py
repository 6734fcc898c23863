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
