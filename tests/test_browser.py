"""End to end: `kliping serve` on 127.0.0.1, searched in headless Chromium (Playwright).

Skips when Debian's chromium or the playwright package is missing (never runs
`playwright install`). Set KLIPING_SCREENSHOT_DIR=docs to refresh the README screenshots.
"""
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ingest_samples

CHROMIUM = os.environ.get("KLIPING_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"chromium is not installed ({CHROMIUM})", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    db = ingest_samples(tmp_path / "kliping.db")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kliping.cli import main; main()",
         "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    output = proc.stdout.read().decode(errors="replace") if proc.poll() is not None else ""
                    pytest.fail(f"kliping serve did not start: {output}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def chromium_page(tmp_path):
    """A page of a headless Chromium with its own profile under `tmp_path`, 1280×900."""
    with playwright_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
        try:
            yield context.new_page()
        finally:
            context.close()


def save(page, tmp_path, name, full_page=True):
    page.screenshot(path=str(tmp_path / name), full_page=full_page)
    target = os.environ.get("KLIPING_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / name, Path(target) / name)


def test_search_page_in_chromium(server, tmp_path):
    with chromium_page(tmp_path) as page:
        page.goto(server + "/kliping/search", wait_until="load")
        page.fill("input[name=q]", "menjatuhkan sanksi")
        page.click("input[type=submit]")
        page.wait_for_selector("td.col-snippet mark", timeout=15000)

        rows = page.locator("table.rows-and-columns tbody tr")
        assert rows.count() >= 2
        ranks = [float(t) for t in page.locator("td.col-rank").all_inner_texts()]
        assert ranks == sorted(ranks)
        marked = {t.lower() for t in page.locator("td.col-snippet mark").all_inner_texts()}
        assert {"dijatuhkan", "menjatuhkan"} <= marked
        assert page.locator("td.col-title a").count() == rows.count()
        save(page, tmp_path, "archive-search.png")

        page.click(".metadata-description a[href*='/kliping/articles']")
        page.wait_for_selector("#facet-outlet", timeout=15000)
        outlets = page.locator("#facet-outlet li").all_inner_texts()
        assert len(outlets) == 5
        assert page.locator("#facet-language").is_visible()
        assert page.locator("#facet-published_month").is_visible()
        page.evaluate("document.querySelector('.facet-results').scrollIntoView()")
        save(page, tmp_path, "archive-facets.png", full_page=False)

        page.locator("td.col-link a, td.type-pk a").first.click()
        page.wait_for_selector("td.col-text")
        style = page.eval_on_selector("td.col-text", "e => getComputedStyle(e).whiteSpace")
        assert style == "pre-wrap"


def test_front_page_chart_in_chromium(server, tmp_path):
    """The front page draws articles per day per outlet: the SVG loads as an image and
    its bars are the canned query's rows."""
    import json

    with chromium_page(tmp_path) as page:
        page.goto(server + "/", wait_until="load")
        chart = page.locator("img[src$='/-/articles-per-day.svg']")
        chart.wait_for(timeout=15000)
        size = chart.evaluate("img => [img.complete, img.naturalWidth, img.naturalHeight]")
        assert size == [True, 760, 280]  # loaded and drawn as an SVG image
        save(page, tmp_path, "archive-chart.png")

        page.goto(server + "/kliping/-/articles-per-day.svg", wait_until="load")
        texts = "els => els.map(e => e.textContent)"
        bars = page.locator("rect.bar title").evaluate_all(texts)
        legend = page.locator("g.legend text").evaluate_all(texts)
        rows = json.loads(urllib.request.urlopen(
            server + "/kliping/articles_per_day.json?_shape=array", timeout=10).read())
        assert sorted(bars) == sorted(f"{r['day']} {r['outlet']}: {r['articles']}" for r in rows)
        assert len(legend) == len({r["outlet"] for r in rows}) >= 2

        page.goto(server + "/", wait_until="load")
        page.click("figcaption a")  # the numbers behind the chart
        page.wait_for_selector("table.rows-and-columns")
        assert page.locator("table.rows-and-columns tbody tr").count() == len(rows)
