"""The HTML reader: encodings as a browser reads them, sniffing pages and feeds."""
import gzip

import pytest

from kliping.cleaner import InputError, expand_paths, iter_documents, read_bytes, read_path
from kliping.cleaner.inputs import input_kind
from kliping.cleaner.inputs.html import sniff_markup

BODY = "<p>“Café” di Jakarta – harga naik à la carte.</p></body></html>"


def test_meta_charset_windows_1252(tmp_path):
    page = f'<!DOCTYPE html><html><head><meta charset="windows-1252"></head><body>{BODY}'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    doc = read_path(path)
    assert doc.text == page and doc.encoding == "cp1252" and doc.content_type == "text/html"
    assert doc.data == page.encode("cp1252")


def test_http_equiv_latin1_is_read_as_cp1252(tmp_path):
    # as browsers do: a page labelled ISO-8859-1 is decoded as windows-1252
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
            f"</head><body>{BODY}")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1252"))
    assert read_path(path).text == page


def test_utf8_wins_over_a_stale_declaration(tmp_path):
    # scrapers re-save pages as UTF-8 and keep the old <meta charset>
    page = f'<html><head><meta charset="iso-8859-1"></head><body>{BODY}'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-8"))
    doc = read_path(path)
    assert doc.text == page and doc.encoding == "utf-8"


@pytest.mark.parametrize("encoding,bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff")])
def test_byte_order_mark(tmp_path, encoding, bom):
    page = f"<!doctype html><html><body>{BODY}"
    path = tmp_path / "page.txt"  # sniffed as HTML through the BOM too
    path.write_bytes(bom + page.encode(encoding))
    doc = read_path(path)
    assert doc.text == page and doc.content_type == "text/html"


def test_undeclared_non_utf8_page_is_detected(tmp_path):
    page = "<html><body>" + "<p>Caf\u00e9 \u00e0 Jakarta: le pr\u00e9sident a parl\u00e9 tr\u00e8s longtemps.</p>" * 5
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("latin-1"))
    assert read_path(path).text == page


def test_a_txt_file_holding_a_page_is_html_and_a_scrape_is_text(tmp_path):
    (tmp_path / "saved.txt").write_text("\n<!-- saved -->\n<!DOCTYPE html>\n<html><body>x</body></html>", "utf-8")
    (tmp_path / "scrape.txt").write_text("Judul\n\n<b>JAKARTA</b> - Isi.", "utf-8")
    assert read_path(tmp_path / "saved.txt").content_type == "text/html"
    assert read_path(tmp_path / "scrape.txt").content_type == "text/plain"


@pytest.mark.parametrize("start,content_type", [
    ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>', "application/rss+xml"),
    ('<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">',
     "application/atom+xml"),
    ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
     "application/rss+xml"),
    ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', "application/xml"),
    ('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html>',
     "text/html"),
    ("  <HTML lang=id><head>", "text/html"),
    ("<head><title>x</title>", "text/html"),
    ("<div>a fragment</div>", None),
    ("Judul berita <b>tebal</b>", None),
    ("<!-- a comment that never ends", None),
])
def test_sniff_markup(start, content_type):
    assert sniff_markup(start) == content_type


def test_feeds_are_read_with_their_type(tmp_path):
    feed = '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\u00e9</title>'
    path = tmp_path / "feed.xml"
    path.write_bytes(feed.encode("latin-1"))
    doc = read_path(path)
    assert doc.content_type == "application/rss+xml" and doc.text == feed


def test_read_bytes_sniffs_pages():
    assert read_bytes(b"<!doctype html><p>x</p>", "<stdin>").content_type == "text/html"
    assert read_bytes(b"Judul\n\nIsi.", "<stdin>").content_type == "text/plain"


def test_read_bytes_takes_a_page_named_html_for_one_as_read_path_does(tmp_path):
    # a page saved without its doctype, opening on a tag sniffing does not know (or on a
    # PHP warning: "<br />\n<b>Warning</b>: ..."): its name says what it is
    for data in (b'\t<meta property="og:type" content="article"><title>T</title><p>x</p>',
                 b"<br />\n<b>Warning</b>: mysql_connect(): in x.php<br />\n<html><body><p>x</p>"):
        path = tmp_path / "page.html"
        path.write_bytes(data)
        assert read_bytes(data, "page.html").content_type == "text/html" == read_path(path).content_type
        assert read_bytes(data, "<stdin>").content_type == "text/plain"


def test_utf8_page_with_a_broken_character_is_utf8(tmp_path):
    # a teaser cut inside a two-byte letter ("papieros\xc4..."): a browser reads the page as
    # UTF-8 with one replacement character, not the whole page as a Mac code page
    text = "<p>Fundacj\u0119 Lux Veritatis: \u017ca\u0142oba, \u0142\u0105ka, \u015bwi\u0119ta.</p>" * 20
    data = b'<html><head><meta charset="UTF-8"></head><body>' + text.encode("utf-8")
    data += "<p>papieros".encode("utf-8") + b"\xc4...</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(data)
    doc = read_path(path)
    assert doc.encoding == "utf-8" and text in doc.text and "papieros\ufffd..." in doc.text


def test_a_page_mostly_in_a_code_page_is_not_read_as_utf8(tmp_path):
    # one valid UTF-8 pair among many code-page letters does not make the page UTF-8
    page = "<html><body>" + "<p>Caf\u00e9 \u00e0 Jakarta: le pr\u00e9sident a parl\u00e9 tr\u00e8s longtemps.</p>" * 5
    data = page.encode("cp1252") + "<p>\u00e9</p>".encode("utf-8")
    path = tmp_path / "page.html"
    path.write_bytes(data)
    doc = read_path(path)
    assert doc.encoding != "utf-8" and "\ufffd" not in doc.text and doc.text.startswith("<html><body><p>Caf\u00e9 ")


@pytest.mark.parametrize("data,message", [
    (b"", "empty file"),
    (b"\xef\xbb\xbf  \n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
])
def test_bad_html_files_are_named(tmp_path, data, message):
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    [error] = iter_documents([str(path)])
    assert isinstance(error, InputError) and error.source == str(path) and message in error.message
    assert error.data == data


def test_gzipped_page_is_refused_with_its_bytes_kept(tmp_path):
    data = gzip.compress(b"<!doctype html><p>x</p>")
    path = tmp_path / "page.html"
    path.write_bytes(data)
    [error] = iter_documents([str(path)])
    assert "gzip-compressed" in error.message and error.data == data


@pytest.mark.parametrize("name,head,kind", [
    ("a.warc.gz", b"", "warc"), ("a.WARC", b"", "warc"), ("a.ndjson", b"", "jsonl"),
    ("a.htm", b"Judul", "html"), ("a.txt", b"<!doctype html>", "html"), ("a.txt", b'{"text": 1}', "text"),
    ("a", b"WARC/1.1\r\n", "warc"), ("-", b' \n{"url": "x"}', "jsonl"), ("a.json", b'[{"a": 1}]', "json"),
    ("-", b"[VIDEO] Banjir di Garut", "text"), ("a.dat", b"<html>", "html"), ("-", b"{{template}}", "text"),
])
def test_input_kind(name, head, kind):
    assert input_kind(name, head) == kind


def test_directory_walk_picks_every_format(tmp_path):
    for name in ("a.txt", "b.html", "c.htm", "d.jsonl", "e.ndjson", "f.warc", "g.warc.gz", "h.jsonl.gz",
                 "notes.md", "expected.json", ".hidden.txt", "i.TXT"):
        (tmp_path / name).write_bytes(b"x")
    names = [p.rsplit("/", 1)[1] for p in expand_paths([str(tmp_path)])]
    assert names == ["a.txt", "b.html", "c.htm", "d.jsonl", "e.ndjson", "f.warc", "g.warc.gz",
                     "h.jsonl.gz", "i.TXT"]
