"""The JSON Lines reader: one record per line, bad lines reported by number and skipped,
files streamed a line at a time."""
import gzip
import io
import json
import sys
import tracemalloc

import pytest

from kliping.cleaner import InputError, RawDoc, iter_documents, read_path
from kliping.cleaner.inputs.jsonl import iter_jsonl

from conftest import SAMPLES, json_lines

PAGE = "<!DOCTYPE html><html><head><title>Judul</title></head><body><p>Isi berita.</p></body></html>"
TEXT = "Judul Berita\n\nJAKARTA - Isi berita yang cukup panjang untuk dibaca."


def write_lines(path, lines, newline="\n"):
    path.write_bytes(newline.join(lines).encode("utf-8") + newline.encode())
    return path


def read(path):
    return list(iter_documents([str(path)]))


def test_mixed_html_and_text_records(tmp_path):
    html = json.dumps({"url": "https://www.inews.id/a", "html": PAGE, "title": "Judul",
                       "fetched_at": "2021-12-31T10:00:00+07:00"})
    text = json.dumps({"url": "https://nasional.kontan.co.id/news/b", "text": TEXT})
    path = write_lines(tmp_path / "dump.jsonl", [html, text])
    first, second = read(path)
    assert first == RawDoc(source=f"{path}:1", data=html.encode(), text=PAGE, content_type="text/html",
                           url="https://www.inews.id/a", fetched_at="2021-12-31T10:00:00+07:00",
                           title="Judul")
    assert second == RawDoc(source=f"{path}:2", data=text.encode(), text=TEXT, content_type="text/plain",
                            url="https://nasional.kontan.co.id/news/b")


def test_a_malformed_line_is_reported_with_its_number_and_reading_goes_on(tmp_path):
    good = json.dumps({"url": "https://a.id/1", "text": TEXT})
    path = write_lines(tmp_path / "dump.jsonl", [good, '{"url": "https://a.id/2", "text": "cut', good])
    first, error, third = read(path)
    assert isinstance(first, RawDoc) and isinstance(third, RawDoc)
    assert isinstance(error, InputError)
    assert error.source == f"{path}:2" and str(error).startswith(f"{path}:2: not valid JSON")
    assert error.data == b'{"url": "https://a.id/2", "text": "cut'
    assert third.source == f"{path}:3"


@pytest.mark.parametrize("line,message", [
    ('{"url": "https://a.id/x", "title": "no page"}', "no page: none of 'html'"),
    ('{"url": "https://a.id/x", "html": "  ", "text": ""}', "no page"),
    ('{"url": "https://a.id/x", "content": {"rendered": "<p>x</p>"}}', "no page"),
    ('["https://a.id/x", "text"]', "an array, not a JSON object"),
    ('"just a string"', "a string, not a JSON object"),
    ('{"url": 12, "text": "x"}', "'url' is a number, not a string"),
    ('{"text": "x", "title": ["a"]}', "'title' is an array, not a string"),
    ('{"text": "\\ud800 lone surrogate"}', "unpaired surrogate"),
    (b'{"text": "caf\xe9"}', "not UTF-8"),
])
def test_records_that_are_not_documents(tmp_path, line, message):
    path = tmp_path / "dump.jsonl"
    path.write_bytes((line if isinstance(line, bytes) else line.encode()) + b"\n")
    [error] = read(path)
    assert isinstance(error, InputError) and error.source == f"{path}:1"
    assert message in error.message


def test_blank_lines_are_skipped_and_lines_keep_their_numbers(tmp_path):
    record = json.dumps({"text": TEXT})
    path = write_lines(tmp_path / "dump.jsonl", ["", record, "   ", "", record, ""], newline="\r\n")
    docs = read(path)
    assert [d.source for d in docs] == [f"{path}:2", f"{path}:5"]
    assert docs[0].data == record.encode()  # the line without its line break


@pytest.mark.parametrize("key,content_type", [
    ("raw_html", "text/html"), ("content", "text/plain"), ("body", "text/plain"),
])
def test_other_keys_scrapers_use(tmp_path, key, content_type):
    path = write_lines(tmp_path / "dump.ndjson", [json.dumps({key: TEXT})])
    [doc] = read(path)
    assert doc.text == TEXT and doc.content_type == content_type


def test_html_is_preferred_and_a_text_value_that_is_a_page_is_html(tmp_path):
    both = json.dumps({"html": PAGE, "text": TEXT})
    page_as_text = json.dumps({"text": PAGE})
    feed = json.dumps({"body": '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'})
    path = write_lines(tmp_path / "dump.jsonl", [both, page_as_text, feed])
    docs = read(path)
    assert [(d.text == PAGE, d.content_type) for d in docs[:2]] == [(True, "text/html")] * 2
    assert docs[2].content_type == "application/rss+xml"


def test_date_is_not_taken_for_fetched_at(tmp_path):
    # trafilatura and newspaper exports call the publication date "date"
    path = write_lines(tmp_path / "dump.jsonl", [json.dumps({"text": TEXT, "date": "2021-12-31"})])
    [doc] = read(path)
    assert doc.fetched_at is None


def test_utf8_bom_on_the_first_line(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": TEXT}).encode() + b"\n")
    [doc] = read(path)
    assert doc.text == TEXT


def test_gzipped_jsonl_and_a_truncated_one(tmp_path):
    lines = [json.dumps({"url": f"https://a.id/{i}", "text": f"{TEXT} {i}"}) for i in range(200)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    (tmp_path / "dump.jsonl.gz").write_bytes(data)
    assert len(read(tmp_path / "dump.jsonl.gz")) == 200
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[:len(data) // 2])
    *docs, error = read(cut)
    assert docs and all(isinstance(d, RawDoc) for d in docs[:-1])
    assert isinstance(error, InputError) and error.source == str(cut)
    assert "unreadable after line" in error.message


def test_jsonl_on_stdin_and_in_a_file_without_the_ending_is_sniffed(tmp_path, monkeypatch):
    data = ("\n" + json.dumps({"text": TEXT}) + "\n").encode()
    (tmp_path / "export.json").write_bytes(data)
    assert [d.source for d in read(tmp_path / "export.json")] == [f"{tmp_path / 'export.json'}:2"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [d.source for d in iter_documents(["-"])] == ["<stdin>:2"]


def test_a_json_array_gets_a_clear_error(tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"url": "https://a.id/1", "text": TEXT}]), "utf-8")
    [error] = read(path)
    assert isinstance(error, InputError) and "not JSON Lines" in error.message


def test_read_path_refuses_a_file_of_many_documents(tmp_path):
    path = write_lines(tmp_path / "dump.jsonl", [json.dumps({"text": TEXT})])
    with pytest.raises(InputError, match="many documents"):
        read_path(path)


def test_a_large_file_is_streamed(tmp_path):
    """20,000 records: memory while reading stays far below the file's size."""
    path = tmp_path / "big.jsonl"
    body = "Isi berita yang panjang. " * 40
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(20_000):
            fh.write(json.dumps({"url": f"https://a.id/{i}", "text": f"Judul {i}\n\n{body}"}) + "\n")
    size = path.stat().st_size
    assert size > 20_000_000
    count = 0
    tracemalloc.start()
    try:
        for doc in iter_documents([str(path)]):
            count += isinstance(doc, RawDoc)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < size / 20, (peak, size)


def test_iter_jsonl_reads_lazily():
    def lines():
        yield json.dumps({"text": "satu"}).encode()
        raise AssertionError("read past the first record")

    assert next(iter_jsonl(lines(), "x.jsonl")).text == "satu"


def test_kliping_clean_reads_jsonl_end_to_end(tmp_path, run_cli):
    records = [json.dumps({"url": "https://nasional.kontan.co.id/news/putin", "title": "Putin",
                           "text": (SAMPLES / "kontan-putin-biden.txt").read_text("utf-8")}),
               "{not json",
               json.dumps({"text": (SAMPLES / "inews-putin-biden.txt").read_text("utf-8")})]
    path = write_lines(tmp_path / "dump.jsonl", records)
    result = run_cli("clean", path)
    assert result.exit_code == 1
    docs = json_lines(result.stdout)
    assert [(d["source"], d["outlet"]) for d in docs] == [(f"{path}:1", "kontan"), (f"{path}:3", "inews")]
    assert docs[0]["url"] == "https://nasional.kontan.co.id/news/putin"
    assert result.stderr.strip() == f"kliping: {path}:2: not valid JSON at column 2: " \
                                    "Expecting property name enclosed in double quotes"
