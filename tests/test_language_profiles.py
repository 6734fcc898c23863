"""The lazily read langdetect profiles (language_profiles.py) give langdetect's own table
and answers, bit for bit: the `language` field must not change."""
import json
import os
from pathlib import Path

import pytest
from langdetect import DetectorFactory, LangDetectException
from langdetect import detect as langdetect_detect
from langdetect.detector_factory import init_factory

from kliping.cleaner import language_profiles
from kliping.cleaner.language_profiles import detect, detector_factory

CORPUS = Path(__file__).parent / "corpus" / "text"


def langdetect_factory():
    from langdetect import detector_factory as module
    init_factory()
    return module._factory


def test_the_lazy_table_is_langdetects_table_row_for_row():
    theirs, ours = langdetect_factory(), detector_factory()
    assert ours.langlist == theirs.langlist
    table, lazy = theirs.word_lang_prob_map, ours.word_lang_prob_map
    assert all(word in lazy for word in table)
    assert all(lazy[word] == table[word] for word in table)
    for unknown in ("", "zzqx", "\x00", "日本語テキスト"):
        assert (unknown in lazy) == (unknown in table)
    with pytest.raises(KeyError):
        lazy["zzqxzzqx"]


def _answer(fn, text):
    try:
        return fn(text)
    except LangDetectException as e:
        return ("error", e.code)


HOSTILE = ["", " ", "12345 67890", "https://example.com/a/b", "x", "!!!???", "a" * 5000,
           "これは日本語の文章です。", "Это русский текст.", "ﺍﻟﻌﺮﺑﻴﺔ ﻟﻐﺔ", "Ini\x00berita\ufffd"]


@pytest.mark.parametrize("seed", [0, 7])
def test_detect_answers_as_langdetect_on_real_and_hostile_texts(seed):
    texts = [p.read_text("utf-8")[:3000] for p in sorted(CORPUS.glob("*.txt"))[::12]] + HOSTILE
    DetectorFactory.seed = seed
    try:
        assert [_answer(detect, t) for t in texts] == [_answer(langdetect_detect, t) for t in texts]
    finally:
        DetectorFactory.seed = 0


def test_rows_are_made_only_when_read():
    lazy = language_profiles.LazyProbabilities(
        [{"name": "aa", "freq": {"a": 2, "ab": 1, "abcd": 5}, "n_words": [4, 2, 1]},
         {"name": "bb", "freq": {"a": 1}, "n_words": [1, 1, 1]}], 3)
    assert lazy._rows == {}
    assert lazy["a"] == [0.5, 1.0, 0.0] and lazy["ab"] == [0.5, 0.0, 0.0]
    assert lazy["abcd"] == [0.0, 0.0, 0.0]  # langdetect keeps longer words at zero
    assert set(lazy._rows) == {"a", "ab", "abcd"}


def test_the_table_kept_in_the_cache_is_langdetects_table_row_for_row(tmp_path):
    """The first run needing the detector keeps the table in the user's cache (an SQLite
    file); the next reads only the rows of the text's n-grams from it, row for row
    langdetect's."""
    path = str(tmp_path / "langdetect.sqlite")
    assert language_profiles.stored_table(path) is None  # not kept yet: made now
    assert os.path.exists(path)
    stored = language_profiles.stored_table(path)
    theirs = langdetect_factory()
    assert stored.langlist == theirs.langlist
    table, rows = theirs.word_lang_prob_map, stored.word_lang_prob_map
    assert all(word in rows for word in table)
    assert all(rows[word] == table[word] for word in table)
    for unknown in ("", "zzqx", "\x00", "日本語テキスト", "\ud800", 5):
        assert (unknown in rows) == (unknown in table)
    with pytest.raises(KeyError):
        rows["zzqxzzqx"]


def test_a_damaged_or_outdated_kept_table_is_made_again(tmp_path):
    path = tmp_path / "langdetect.bin"
    language_profiles.stored_table(str(path))
    made = path.read_bytes()
    header, _, body = made.partition(b"\n")
    outdated = json.loads(header)
    outdated["made_by"]["profiles"] = outdated["made_by"]["profiles"][1:]
    middle = len(made) // 2
    flipped = made[:middle] + bytes([made[middle] ^ 1]) + made[middle + 1:]
    for bad in (made[:-10], b"garbage", flipped, b"[]\n" + body,
                json.dumps(outdated).encode() + b"\n" + body):
        path.write_bytes(bad)
        assert language_profiles.stored_table(str(path)) is None
        assert path.read_bytes() == made
        assert language_profiles.stored_table(str(path)) is not None


def test_a_cache_that_cannot_be_written_is_not_made(tmp_path):
    unwritable = tmp_path / "a-file"
    unwritable.write_text("")
    assert language_profiles.stored_table(str(unwritable / "langdetect.bin")) is None
    assert list(tmp_path.iterdir()) == [unwritable]


@pytest.mark.parametrize("cache", ["kept", "off"])
def test_detect_answers_as_langdetect_with_the_table_kept_or_not(tmp_path, monkeypatch, cache):
    monkeypatch.setenv("KLIPING_CACHE_DIR", str(tmp_path) if cache == "kept" else "")
    texts = [p.read_text("utf-8")[:3000] for p in sorted(CORPUS.glob("*.txt"))[5::40]] + HOSTILE
    want = [_answer(langdetect_detect, t) for t in texts]
    for _ in range(2):  # the table made, then read back
        language_profiles.factory_in_use.cache_clear()
        assert [_answer(detect, t) for t in texts] == want
    language_profiles.factory_in_use.cache_clear()
