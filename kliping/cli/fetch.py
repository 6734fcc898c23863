"""`kliping fetch`: fresh pages from the web into the archive, fetched politely."""
from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
import sys

import click

from .common import UsageLine, db_option, max_size_option, time_limit_option


@click.command("fetch")
@click.argument("urls", nargs=-1)
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL",
              help="Fetch the pages this sitemap (or sitemap index) lists (repeatable).")
@click.option("--feed", "feeds", multiple=True, metavar="URL",
              help="Fetch the articles this RSS or Atom feed links to (repeatable).")
@db_option
@click.option("--limit", type=click.IntRange(1), default=None, metavar="N",
              help="At most N pages (the URLs given first, then the sitemaps', then the feeds').")
@click.option("--delay", type=click.FloatRange(0), default=1.0, show_default=True, metavar="SECONDS",
              help="Wait between two requests to one host (robots.txt's Crawl-delay, if longer, wins).")
@click.option("--retries", type=click.IntRange(0), default=3, show_default=True,
              help="Tries again after a network error or HTTP 429/5xx, waiting longer each time.")
@click.option("--timeout", type=click.FloatRange(0, min_open=True), default=30.0, show_default=True,
              metavar="SECONDS", help="Give up on a server silent for this long.")
@click.option("--outlet", metavar="ID", help="Use this rule (file stem) instead of matching one.")
@click.option("--rules", "rules_dirs", multiple=True, metavar="DIR",
              type=click.Path(exists=True, file_okay=False),
              help="A directory of rule files merged over the built-in ones (repeatable).")
@max_size_option
@time_limit_option
def fetch(urls, sitemaps, feeds, db_path, limit, delay, retries, timeout, outlet, rules_dirs,
          max_size, time_limit) -> None:
    """Fetch pages (URLs, the pages of sitemaps, the articles of feeds) into the archive
    and clean them like any other input.

    Polite: robots.txt is obeyed, one host is asked at most once per --delay, failures
    are retried with back-off, a page fetched before is asked for only if it changed
    (ETag, Last-Modified: a 304 stores nothing), and the user agent names kliping and its
    version. Every response is kept in the `raw` table as received. Exits 1 when a page
    could not be fetched or cleaned.
    """
    from itertools import chain, islice

    from ..archive.db import ArchiveError, checkpoint
    from ..cleaner import clean
    from ..fetch.client import FetchError, PoliteClient, check_url
    from ..fetch.run import FetchSummary, fetch_into, listed_pages
    from .common import open_db, open_rules, report, signature_settings

    if not (urls or sitemaps or feeds):
        raise UsageLine("nothing to fetch: give URLs, --sitemap URL or --feed URL")
    for url in (*urls, *sitemaps, *feeds):
        try:
            check_url(url)
        except FetchError as exc:
            raise UsageLine(str(exc)) from None
    rules = open_rules(rules_dirs, outlet)
    db = open_db(db_path, create=True)
    settings = dataclasses.replace(signature_settings(db), document_seconds=time_limit)

    def clean_doc(doc):
        return clean(doc, rules, settings, outlet=outlet)

    def say(line: str) -> None:
        click.echo(f"kliping: {line}", err=True)

    def on_item(item, outcome, error):
        if error is not None and item.doc is not None:  # fetch failures were said already
            report(f"{item.source}: {error}")

    summary = FetchSummary()
    with contextlib.closing(db), PoliteClient(delay=delay, retries=retries, timeout=timeout,
                                               max_bytes=max_size << 20) as client:
        pages = chain(urls, listed_pages(client, sitemaps, feeds, summary, say))
        try:
            summary, ingested = fetch_into(db, client, islice(pages, limit), clean_doc, report=say,
                                           summary=summary, on_item=on_item, settings=settings)
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from None
        except sqlite3.OperationalError as exc:
            raise click.ClickException(f"{db_path}: {exc}; pages stored before are kept") from None
        checkpoint(db)
    click.echo(f"{db_path}: {summary}; {ingested}")
    if summary.failed or ingested.failed:
        sys.exit(1)
