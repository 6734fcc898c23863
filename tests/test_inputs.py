"""Reading files: encodings, empty and binary files, directories."""
from pathlib import Path

import pytest

from kliping.cleaner import InputError, iter_documents, read_path
from kliping.cleaner.inputs import decode_bytes


def test_utf8_with_bom(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("\ufeffJakarta – Berita".encode("utf-8"))
    assert read_path(f).text == "Jakarta – Berita"


def test_latin1_file_is_decoded_by_detection(tmp_path):
    f = tmp_path / "latin1.txt"
    text = "Caf\u00e9 \u00e0 Jakarta: le pr\u00e9sident a parl\u00e9 tr\u00e8s longtemps avec les \u00e9lus.\n" * 5
    f.write_bytes(text.encode("latin-1"))
    doc = read_path(f)
    assert "président" in doc.text and "élus" in doc.text
    assert doc.data == text.encode("latin-1")  # bytes kept as received


@pytest.mark.parametrize("data,message", [
    (b"", "empty file"),
    (b"  \n\n\t ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
])
def test_bad_bytes_are_named(data, message):
    with pytest.raises(InputError) as err:
        decode_bytes(data, "x.txt")
    assert err.value.source == "x.txt" and message in str(err.value)


def test_missing_file_is_an_error_not_a_crash(tmp_path):
    with pytest.raises(InputError, match="nope.txt"):
        read_path(tmp_path / "nope.txt")


def test_directory_walk_yields_good_and_bad(tmp_path):
    (tmp_path / "b.txt").write_text("Judul\n\nJAKARTA - Isi berita yang cukup panjang.", "utf-8")
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Judul lain\n\nIsi.", "utf-8")
    (tmp_path / "notes.md").write_text("ignored", "utf-8")
    got = list(iter_documents([str(tmp_path)]))
    names = [Path(d.source).name for d in got]
    assert names == ["a.txt", "b.txt", "c.txt"]
    assert isinstance(got[0], InputError) and not isinstance(got[1], InputError)
