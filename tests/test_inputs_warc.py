"""The WARC reader: pages out of response and resource records, everything else skipped,
truncated and corrupt archives reported where they break."""
import io
import sys

import pytest

from kliping.cleaner import InputError, RawDoc, iter_documents
from warc_samples import ARCHIVE_PAGE, DATE, PAGE_1, PAGE_2, SITE, write_crawl, write_response


def read(path):
    return list(iter_documents([str(path)]))


@pytest.mark.parametrize("name,compress", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_pages_are_read_and_other_records_skipped(tmp_path, name, compress):
    path = write_crawl(tmp_path / name, compress)
    docs = read(path)
    assert all(isinstance(d, RawDoc) for d in docs), docs
    assert [d.source for d in docs] == [f"{path}#3", f"{path}#6", f"{path}#8"]
    page, cp1252_page, resource = docs
    assert page.url == f"{SITE}/berita-1" and page.fetched_at == DATE
    assert page.content_type == "text/html" and page.encoding == "utf-8"
    assert page.data == PAGE_1.encode("utf-8") and page.text == PAGE_1
    # charset from the HTTP header, gzip content encoding undone
    assert cp1252_page.data == PAGE_2.encode("cp1252")
    assert cp1252_page.text == PAGE_2 and cp1252_page.encoding == "cp1252"
    assert cp1252_page.url == f"{SITE}/berita-2?utm_source=x"
    assert resource.text == ARCHIVE_PAGE and resource.url == f"{SITE}/arsip.html"


def test_a_warc_without_the_ending_is_sniffed(tmp_path):
    path = write_crawl(tmp_path / "crawl.warc.gz", compress=True).rename(tmp_path / "crawl.dat")
    assert [d.source for d in read(path)] == [f"{path}#3", f"{path}#6", f"{path}#8"]


def test_a_warc_on_stdin_is_sniffed(tmp_path, monkeypatch):
    data = write_crawl(tmp_path / "crawl.warc.gz", compress=True).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(_Pipe(data))))
    assert [d.source for d in iter_documents(["-"])] == ["<stdin>#3", "<stdin>#6", "<stdin>#8"]


@pytest.mark.parametrize("cut", [0.97, 0.9, 0.75, 0.6])
def test_truncated_warc_gz_yields_the_good_records_then_an_error(tmp_path, cut):
    data = write_crawl(tmp_path / "full.warc.gz", compress=True).read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:int(len(data) * cut)])
    *pages, error = read(path)
    assert [d.source for d in pages] == [f"{path}#3", f"{path}#6"][:len(pages)]
    assert all(isinstance(d, RawDoc) for d in pages) and pages
    assert isinstance(error, InputError) and error.source.startswith(str(path))
    assert "truncated" in error.message or "breaks off" in error.message


def test_plain_warc_cut_inside_a_page_keeps_what_was_read(tmp_path):
    data = write_crawl(tmp_path / "full.warc", compress=False).read_bytes()
    end_of_page_1 = data.index(b"</html>") + 3
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:end_of_page_1])
    [error] = read(path)
    assert error.source == f"{path}#3" and "breaks off inside this record" in error.message
    assert PAGE_1.encode().startswith(error.data) and error.url == f"{SITE}/berita-1"


@pytest.mark.parametrize("data", [b"<html><body>not an archive</body></html>", b"WARC/1.0\r\ngarbage\r\n\r\n"])
def test_not_a_warc_is_an_error_naming_the_file(tmp_path, data):
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    [error] = read(path)
    assert isinstance(error, InputError) and error.source.startswith(str(path))


def test_empty_warc(tmp_path):
    (tmp_path / "empty.warc").write_bytes(b"")
    [error] = read(tmp_path / "empty.warc")
    assert error.message == "empty file" and error.data == b""


def test_a_page_that_cannot_be_decoded_is_an_error_and_the_next_is_read(tmp_path):
    junk = b"\x1f\x8b" + bytes(range(1, 256)) * 4
    bad = write_response(tmp_path / "bad.warc", False, f"{SITE}/rusak", junk, "text/html; charset=utf-8")
    good = write_response(tmp_path / "good.warc", False, f"{SITE}/baik", PAGE_1.encode(), "text/html")
    path = tmp_path / "both.warc"
    path.write_bytes(bad.read_bytes() + good.read_bytes())
    error, page = read(path)
    assert isinstance(error, InputError) and error.source == f"{path}#1"
    assert "binary" in error.message or "encoding" in error.message
    assert error.data == junk and error.url == f"{SITE}/rusak" and error.content_type == "text/html"
    assert page.source == f"{path}#2" and page.text == PAGE_1


def test_untyped_payloads_are_sniffed(tmp_path):
    html = write_response(tmp_path / "a.warc", False, f"{SITE}/a", PAGE_1.encode(), "application/octet-stream")
    text = write_response(tmp_path / "b.warc", False, f"{SITE}/b", b"just text", "text/plain")
    assert [d.text for d in read(html)] == [PAGE_1]
    assert read(text) == []


def test_a_page_with_a_binary_body_is_an_error(tmp_path):
    path = write_response(tmp_path / "bin.warc", True, f"{SITE}/bin", bytes(range(256)) * 4, "text/html")
    [error] = read(path)
    assert isinstance(error, InputError) and error.source == f"{path}#1" and "binary" in error.message


class _Pipe(io.RawIOBase):
    """A non-seekable stream handing out its bytes in small pieces, like a pipe."""

    def __init__(self, data):
        self._data = memoryview(data)

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), len(self._data), 1000)
        buffer[:n] = self._data[:n]
        self._data = self._data[n:]
        return n

