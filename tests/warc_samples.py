"""WARC files written by the tests with warcio: a small crawl of a news site."""
from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SITE = "https://www.inews.id/news"
DATE = "2021-12-31T02:42:00Z"

PAGE_1 = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Putin Ingatkan Biden</title>"
          "</head><body><h1>Putin Ingatkan Biden</h1><p>MOSKOW, iNews.id – Presiden Rusia "
          "Vladimir Putin memperingatkan Presiden AS Joe Biden soal sanksi.</p></body></html>")
PAGE_2 = ("<html><head><title>Kafe di Jakarta</title></head><body><p>“Café” à Jakarta "
          "— harga naik.</p></body></html>")
ARCHIVE_PAGE = "<!doctype html><html><body><p>Arsip berita</p></body></html>"


def http_headers(status: str, content_type: str, *extra) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type), *extra], protocol="HTTP/1.1")


def write_crawl(path: Path, compress: bool) -> Path:
    """Write a WARC of 8 records; pages are #3 (UTF-8 HTML), #6 (cp1252 HTML, gzip
    content encoding, charset in the HTTP header) and #8 (a resource record)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        add = writer.write_record
        add(writer.create_warcinfo_record(path.name, {"software": "kliping tests"}))  # 1
        request = StatusAndHeaders("GET /news/berita-1 HTTP/1.1", [("Host", "www.inews.id")],
                                   is_http_request=True)
        add(writer.create_warc_record(f"{SITE}/berita-1", "request", http_headers=request,
                                      payload=io.BytesIO(b""), warc_headers_dict={"WARC-Date": DATE}))  # 2
        add(writer.create_warc_record(
            f"{SITE}/berita-1", "response", payload=io.BytesIO(PAGE_1.encode("utf-8")),
            http_headers=http_headers("200 OK", "text/html; charset=UTF-8"),
            warc_headers_dict={"WARC-Date": DATE}))  # 3
        add(writer.create_warc_record(f"{SITE}/berita-1", "metadata", payload=io.BytesIO(b"outlinks: 3"),
                                      warc_content_type="application/warc-fields"))  # 4
        add(writer.create_warc_record(
            f"{SITE}/logo.png", "response", payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)),
            http_headers=http_headers("200 OK", "image/png")))  # 5
        add(writer.create_warc_record(
            f"{SITE}/berita-2?utm_source=x", "response",
            payload=io.BytesIO(gzip.compress(PAGE_2.encode("cp1252"))),
            http_headers=http_headers("200 OK", "text/html; charset=windows-1252",
                                      ("Content-Encoding", "gzip"))))  # 6
        add(writer.create_warc_record(
            f"{SITE}/lama", "response", payload=io.BytesIO(b"<html><body>Moved</body></html>"),
            http_headers=http_headers("301 Moved Permanently", "text/html",
                                      ("Location", f"{SITE}/baru"))))  # 7
        add(writer.create_warc_record(f"{SITE}/arsip.html", "resource",
                                      payload=io.BytesIO(ARCHIVE_PAGE.encode()),
                                      warc_content_type="text/html"))  # 8
    return path


def write_response(path: Path, compress: bool, url: str, body: bytes, content_type: str,
                   *extra_headers) -> Path:
    """Write a WARC holding one response record."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body),
            http_headers=http_headers("200 OK", content_type, *extra_headers)))
    return path
