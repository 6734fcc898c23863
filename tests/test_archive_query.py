"""Stemming, stop words, query parsing and snippets (no database file needed)."""
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kliping.archive.functions import register_functions
from kliping.archive.query import MATCH_NOTHING, QueryError, match_expression, parse_query
from kliping.archive.snippet import query_snippet
from kliping.archive.stem import STOP_WORDS, fold, stem_text, words


def test_inflections_share_a_stem():
    assert stem_text("menjatuhkan") == stem_text("dijatuhkan") == stem_text("jatuh") == "jatuh"
    assert stem_text("sanksi-sanksi") == "sanksi sanksi"
    assert stem_text("Memutuskan") == stem_text("diputusnya") == "putus"


def test_stop_words_are_left_out_and_case_and_diacritics_fold():
    assert stem_text("sanksi yang dijatuhkan oleh AS") == "sanksi jatuh as"
    assert "yang" in STOP_WORDS and "dan" in STOP_WORDS
    assert fold("Café") == "cafe"
    assert list(words("Jum'at, 31/12")) == ["jum", "at", "31", "12"]


def test_query_words_are_stemmed_and_quoted():
    q = parse_query("Menjatuhkan sanksi")
    assert dict(q.stemmed)["id"] == '{title_stem description_stem text_stem} : (("jatuh") AND ("sanksi"))'
    assert [t.stems for t in q.terms] == [("jatuh",), ("sanksi",)]


@pytest.mark.parametrize("text, expected", [
    ('"sanksi ekonomi"', '("sanksi ekonom")'),
    ("sanksi OR embargo", '(("sanksi") OR ("embargo"))'),
    ("sanksi -putin", '((("sanksi")) NOT (("putin")))'),
    ("sanksi NOT putin", '((("sanksi")) NOT (("putin")))'),
    ("sank*", '("sank"*)'),
    ("AS-Rusia", '("as rusia")'),
    ("(sanksi OR embargo) rusia", '((("sanksi") OR ("embargo")) AND ("rusia"))'),
])
def test_query_syntax(text, expected):
    assert dict(parse_query(text).stemmed)["id"] == "{title_stem description_stem text_stem} : " + expected


@pytest.mark.parametrize("text", ['"sanksi', "(sanksi", "sanksi)", "sanksi AND", "OR sanksi",
                                  "sanksi *", "NEAR(sanksi)", "{title}: sanksi", "^sanksi",
                                  "sanksi:putin", "'sanksi'", "sanksi -", "AND AND sanksi"])
def test_hostile_queries_still_search(text):
    assert "sanksi" in parse_query(text).fts


@pytest.mark.parametrize("text, message", [
    ("", "Nothing to search for"),
    ('"', "Nothing to search for"),
    ("*", "Nothing to search for"),
    ("AND OR NOT", "Nothing to search for"),
    ("yang dan", "only common words"),
    ("-putin", "need a word to search for"),
    ("sanksi OR -putin", "need a word to search for"),
])
def test_unusable_queries_say_why(text, message):
    with pytest.raises(QueryError, match=message):
        parse_query(text)
    assert match_expression(text) == MATCH_NOTHING


@pytest.fixture(scope="module")
def fts():
    conn = sqlite3.connect(":memory:")
    register_functions(conn)
    conn.execute("create virtual table t using fts5(title, description, text, title_stem,"
                 " description_stem, text_stem, language, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("create virtual table t3 using fts5(title, description, text, tokenize='trigram')")
    conn.execute("insert into t3(text) values ('東京都知事選挙 sanksi')")
    conn.execute("insert into t(title_stem, text_stem) values (id_stem('Sanksi dijatuhkan'),"
                 " id_stem('Putin dan Biden'))")
    return conn


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('sanksi putin ()"*-+^:{}\'AND OR NOT NEAR é,.\\')) | st.characters(),
               max_size=40))
def test_any_string_is_a_valid_fts_query_or_a_clear_error(fts, text):
    try:
        q = parse_query(text)
    except QueryError as exc:
        assert str(exc)
        return
    fts.execute("select rowid from t where t match ?", [q.fts]).fetchall()
    fts.execute("select rowid from t3 where t3 match ?", [q.substring or '""']).fetchall()


def test_sql_functions(fts):
    row = fts.execute("select id_stem('Menjatuhkan sanksi yang'), id_match(''),"
                      " id_snippet('Sanksi yang dijatuhkan.', 'jatuh'), id_stem(NULL)").fetchone()
    assert row == ("jatuh sanksi", '""', "Sanksi yang <mark>dijatuhkan</mark>.", None)
    assert fts.execute("select count(*) from t where t match id_match('menjatuhkan')").fetchone() == (1,)
    assert fts.execute("select count(*) from t where t match id_match('yang')").fetchone() == (0,)


def test_snippet_marks_inflections_around_the_best_cluster():
    text = ("Awal berita tanpa kata kunci. " * 10 + "\n\nBarat menjatuhkan sanksi-sanksi baru. "
            + "Akhir berita. " * 10)
    s = query_snippet(text, "jatuh sanksi", "[", "]", size=8)
    assert "[menjatuhkan] [sanksi]-[sanksi]" in s
    assert s.startswith("…") and s.endswith("…") and "\n" not in s


def test_snippet_without_match_shows_the_beginning():
    assert query_snippet("Satu dua tiga empat lima.", "zzz", size=3) == "Satu dua tiga…"
    assert query_snippet("", "sanksi") == ""
