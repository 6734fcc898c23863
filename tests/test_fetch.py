"""`kliping fetch` against a local HTTP server (a thread serving fixture pages, a
robots.txt, a sitemap, a sitemap index and an RSS feed): no network."""
from __future__ import annotations

import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kliping.fetch.client import PoliteClient, user_agent
from kliping.fetch.links import LinksError, read_feed, read_sitemap

HTML = Path(__file__).resolve().parent / "fixtures" / "html"
PAGE_A = (HTML / "inews-jatim-jembatan-lumajang.html").read_bytes()
PAGE_B = (HTML / "blogmirror-blogger-putin-biden-twin.html").read_bytes()
LAST_MODIFIED = "Wed, 02 Dec 2026 10:00:00 GMT"


class Site:
    """What the server serves, and every request it got: (path, headers, monotonic time)."""

    def __init__(self):
        self.log: list[tuple[str, dict, float]] = []
        self.flaky_failures = 2
        self.routes = {
            "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
            "/private/secret.html": (200, {"Content-Type": "text/html"}, PAGE_B),
            "/big.html": (200, {"Content-Type": "text/html"}, b"<html>" + b"x" * (2 << 20)),
            "/not-html.bin": (200, {"Content-Type": "application/octet-stream"}, b"\x00\xff" * 100),
        }

    def sitemap(self, base: str) -> bytes:
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f'<url><loc>{base}/news/a.html</loc></url>\n<url><loc>{base}/news/b.html</loc></url>\n'
                f'<url><loc>{base}/private/secret.html</loc></url>\n</urlset>\n').encode()

    def sitemap_index(self, base: str) -> bytes:
        return (f'<?xml version="1.0"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f'<sitemap><loc>{base}/sitemap.xml</loc></sitemap></sitemapindex>').encode()

    def feed(self, base: str) -> bytes:
        return (f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Berita</title>'
                f'<item><title>A</title><link>{base}/news/a.html</link></item>'
                f'<item><title>F</title><link>/news/2026/12/02/banjir-flaky.html</link></item></channel></rss>').encode()


def make_handler(site: Site, base: list[str]):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, status, headers=None, body=b""):
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            site.log.append((self.path, dict(self.headers), time.monotonic()))
            path = self.path
            if path == "/news/a.html":  # ETag validator
                if self.headers.get("If-None-Match") == '"v1"':
                    return self.send(304, {"ETag": '"v1"'})
                return self.send(200, {"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'}, PAGE_A)
            if path == "/news/b.html":  # Last-Modified validator
                if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                    return self.send(304)
                return self.send(200, {"Content-Type": "text/html", "Last-Modified": LAST_MODIFIED}, PAGE_B)
            if path == "/news/2026/12/02/banjir-flaky.html":
                if site.flaky_failures > 0:
                    site.flaky_failures -= 1
                    return self.send(503, {"Retry-After": "0"}, b"busy")
                return self.send(200, {"Content-Type": "text/html"}, PAGE_B)
            if path == "/sitemap.xml":
                return self.send(200, {"Content-Type": "application/xml"}, site.sitemap(base[0]))
            if path == "/sitemap-index.xml":
                return self.send(200, {"Content-Type": "application/xml"}, site.sitemap_index(base[0]))
            if path == "/feed.xml":
                return self.send(200, {"Content-Type": "application/rss+xml"}, site.feed(base[0]))
            if path in site.routes:
                return self.send(*site.routes[path])
            return self.send(404, {"Content-Type": "text/plain"}, b"not found")

    return Handler


class QuietServer(ThreadingHTTPServer):
    """A client that hangs up early (the size cap) is not an error worth a traceback on
    the stderr the CLI's output is read from."""

    def handle_error(self, request, client_address):
        pass


@pytest.fixture
def site():
    site, base = Site(), []
    server = QuietServer(("127.0.0.1", 0), make_handler(site, base))
    base.append(f"http://127.0.0.1:{server.server_address[1]}")
    site.base = base[0]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def paths(site) -> list[str]:
    return [p for p, _, _ in site.log]


def raw_rows(db: Path) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(
            "select source, url, status, error, etag, last_modified, content_type, article_id from raw order by id")]
    finally:
        conn.close()


def fetch(run_cli, db, *args):
    return run_cli("fetch", *args, "--db", db, "--delay", "0")


def test_pages_are_fetched_stored_raw_and_cleaned(site, run_cli, tmp_path):
    db = tmp_path / "k.db"
    result = fetch(run_cli, db, site.base + "/news/a.html", site.base + "/news/b.html")
    assert result.exit_code == 0, result.output
    assert "2 fetched, 0 not modified, 0 disallowed by robots.txt, 0 failed to fetch" in result.output
    assert "2 documents: 2 new" in result.output
    rows = raw_rows(db)
    assert [r["source"] for r in rows] == [site.base + "/news/a.html", site.base + "/news/b.html"]
    assert all(r["status"] == "ok" and r["article_id"] for r in rows)
    assert rows[0]["etag"] == '"v1"' and rows[1]["last_modified"] == LAST_MODIFIED
    conn = sqlite3.connect(db)
    raw_text = conn.execute("select text from raw where id = 1").fetchone()[0]
    assert raw_text.encode() == PAGE_A  # kept exactly as received
    titles = [t for (t,) in conn.execute("select title from articles order by id")]
    assert len(titles) == 2 and all(titles)
    # robots.txt first, once for the host; a user agent naming kliping and its version
    assert paths(site) == ["/robots.txt", "/news/a.html", "/news/b.html"]
    agents = {h["User-Agent"] for _, h, _ in site.log}
    assert agents == {user_agent()} and user_agent().startswith("kliping/0.")


def test_a_page_not_modified_is_not_stored_again(site, run_cli, tmp_path):
    db = tmp_path / "k.db"
    urls = (site.base + "/news/a.html", site.base + "/news/b.html")
    assert fetch(run_cli, db, *urls).exit_code == 0
    site.log.clear()
    again = fetch(run_cli, db, *urls)
    assert again.exit_code == 0, again.output
    assert "0 fetched, 2 not modified" in again.output
    sent = {p: h for p, h, _ in site.log}
    assert sent["/news/a.html"]["If-None-Match"] == '"v1"'
    assert sent["/news/b.html"]["If-Modified-Since"] == LAST_MODIFIED
    assert len(raw_rows(db)) == 2


def test_robots_txt_disallow_is_honoured(site, run_cli, tmp_path):
    db = tmp_path / "k.db"
    result = fetch(run_cli, db, "--sitemap", site.base + "/sitemap.xml")
    assert result.exit_code == 0, result.output
    assert "/private/secret.html" not in paths(site)
    assert f"{site.base}/private/secret.html: disallowed by robots.txt, not fetched" in result.stderr
    assert "2 fetched, 0 not modified, 1 disallowed" in result.output


def test_a_503_is_retried_with_back_off(site, run_cli, tmp_path):
    db = tmp_path / "k.db"
    result = fetch(run_cli, db, site.base + "/news/2026/12/02/banjir-flaky.html", "--retries", "3")
    assert result.exit_code == 0, result.output
    assert paths(site).count("/news/2026/12/02/banjir-flaky.html") == 3  # two 503s, then the page
    assert raw_rows(db)[0]["status"] == "ok"


def test_a_503_past_the_retries_is_one_line_and_a_failed_raw(site, run_cli, tmp_path):
    db = tmp_path / "k.db"
    site.flaky_failures = 10
    result = fetch(run_cli, db, site.base + "/news/2026/12/02/banjir-flaky.html", "--retries", "1")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"kliping: {site.base}/news/2026/12/02/banjir-flaky.html: HTTP 503 Service Unavailable"
    assert paths(site).count("/news/2026/12/02/banjir-flaky.html") == 2
    row = raw_rows(db)[0]
    assert row["status"] == "failed" and row["error"] == "HTTP 503 Service Unavailable"


@pytest.mark.parametrize("url", ["notaurl", "ftp://example.com/a", "http://", "example.com/news"])
def test_a_bad_url_is_one_clear_line(run_cli, tmp_path, url):
    result = run_cli("fetch", url, "--db", tmp_path / "k.db")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"Error: {url!r} is not an http:// or https:// URL"]
    assert not (tmp_path / "k.db").exists()


def test_errors_of_one_page_do_not_stop_the_others(site, run_cli, tmp_path):
    db = tmp_path / "k.db"
    closed = "http://127.0.0.1:9/a.html"  # the discard port: nothing listens
    result = run_cli("fetch", site.base + "/missing.html", closed, site.base + "/big.html",
                     site.base + "/news/a.html", "--db", db, "--delay", "0", "--retries", "0",
                     "--max-size", "1")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"kliping: {site.base}/missing.html: HTTP 404 Not Found"
    assert lines[1].startswith(f"kliping: {closed}: cannot connect")
    assert lines[2] == f"kliping: {site.base}/big.html: 2,097,158 bytes, over the 1,048,576-byte limit (--max-size)"
    assert len(lines) == 3 and "Traceback" not in result.output
    assert "1 fetched, 0 not modified, 0 disallowed by robots.txt, 3 failed to fetch" in result.output
    assert [r["status"] for r in raw_rows(db)] == ["failed", "failed", "failed", "ok"]


def test_a_page_that_cannot_be_read_is_kept_as_a_failed_raw(site, run_cli, tmp_path):
    db = tmp_path / "k.db"
    result = fetch(run_cli, db, site.base + "/not-html.bin")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kliping: {site.base}/not-html.bin: ")
    row = raw_rows(db)[0]
    assert row["status"] == "failed" and row["error"] and row["content_type"] == "application/octet-stream"
    conn = sqlite3.connect(db)
    assert conn.execute("select data from raw").fetchone()[0] == b"\x00\xff" * 100  # the bytes kept


def test_feed_and_sitemap_index(site, run_cli, tmp_path):
    db = tmp_path / "k.db"
    result = fetch(run_cli, db, "--feed", site.base + "/feed.xml", "--sitemap", site.base + "/sitemap-index.xml")
    assert result.exit_code == 0, result.output
    fetched = [p for p in paths(site) if p.startswith("/news")]
    # each page once: the feed's a.html is the sitemap's a.html
    assert sorted(fetched) == ["/news/2026/12/02/banjir-flaky.html"] * 3 + ["/news/a.html", "/news/b.html"]
    assert "3 fetched" in result.output and "1 disallowed" in result.output


def test_limit(site, run_cli, tmp_path):
    result = fetch(run_cli, tmp_path / "k.db", "--sitemap", site.base + "/sitemap.xml", "--limit", "1")
    assert result.exit_code == 0 and "1 fetched" in result.output
    assert "/news/b.html" not in paths(site)


def test_one_host_is_asked_once_per_delay(site):
    with PoliteClient(delay=0.4, retries=0) as client:
        for name in ("a", "b"):
            client.get(f"{site.base}/news/{name}.html")
    times = [t for _, _, t in site.log]  # as the server saw them: a little jitter allowed
    assert len(times) == 3 and all(b - a >= 0.3 for a, b in zip(times, times[1:]))


def test_crawl_delay_of_robots_txt_wins_over_a_shorter_delay(site):
    site.routes["/robots.txt"] = (200, {}, b"User-agent: kliping\nCrawl-delay: 1\nDisallow: /private/\n")
    waits = []
    with PoliteClient(delay=0, retries=0, sleep=waits.append) as client:
        client.get(f"{site.base}/news/a.html")
        client.get(f"{site.base}/news/b.html")
    assert len(waits) == 2 and all(0.9 < w <= 1 for w in waits)


def test_a_robots_txt_that_fails_disallows_the_host(site):
    site.routes["/robots.txt"] = (500, {}, b"oops")
    with PoliteClient(delay=0, retries=0) as client:
        assert client.get(f"{site.base}/news/a.html").status == "disallowed"
    assert "/news/a.html" not in paths(site)


def test_sitemaps_and_feeds_that_are_not():
    with pytest.raises(LinksError, match="not XML"):
        read_sitemap(b"<html><body>oops", "https://x.id/sitemap.xml")
    with pytest.raises(LinksError, match="not a sitemap"):
        read_sitemap(b"<rss/>", "https://x.id/sitemap.xml")
    with pytest.raises(LinksError, match="not an RSS or Atom feed"):
        read_feed(b"<urlset/>", "https://x.id/feed")
    entity = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
              b'<urlset><url><loc>&e;</loc></url></urlset>')
    assert read_sitemap(entity, "https://x.id/s.xml").pages == []  # no file read, no entity expanded
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="/a"/>'
            b'<link rel="enclosure" href="/a.jpg"/></entry></feed>')
    assert read_feed(atom, "https://x.id/feed").pages == ["https://x.id/a"]


def test_docs_example_runs(site, run_cli, tmp_path):
    """docs/archive.md, `kliping fetch`: each command, against the local server for
    news.example, exits 0 and prints what its comment says."""
    import re
    import shlex

    text = (Path(__file__).resolve().parent.parent / "docs" / "archive.md").read_text("utf-8")
    section = text.split("## `kliping fetch`", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    lines = [line for line in block.splitlines() if line.strip()]
    assert len(lines) == 4
    for line in lines:
        command, _, said = line.partition("# →")
        args = [a.replace("https://news.example", site.base) for a in shlex.split(command)[1:]]
        result = run_cli(*args, "--db", tmp_path / "kliping.db")
        assert result.exit_code == 0, (line, result.output)
        assert said.strip() in result.output, (line, result.output)
