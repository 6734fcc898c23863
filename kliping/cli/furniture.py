"""`kliping furniture`: the paragraphs the archive holds in N or more articles of one
outlet — what `kliping ingest` drops from new articles' text (kliping/archive/furniture.py)."""
from __future__ import annotations

import contextlib

import click

from .common import db_option, echo_json_lines


@click.command("furniture")
@db_option
@click.option("--outlet", metavar="ID", help="Only this outlet's (a rule id).")
@click.option("--min", "min_articles", type=click.IntRange(2), default=None, metavar="N",
              help="Paragraphs in at least N distinct articles of one outlet  [default: 4]")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per paragraph.")
def furniture_command(db_path, outlet, min_articles, as_json) -> None:
    """List paragraphs repeated in N or more articles of one outlet, most repeated first:
    how many articles, first and last seen (ingest time), the paragraph.

    `kliping ingest` drops such paragraphs from the text of the articles it stores (the
    raw scrape keeps them); a rule's `keep` patterns keep a paragraph that legitimately
    repeats.
    """
    from ..archive.furniture import MIN_ARTICLES, list_furniture
    from .common import open_db

    db = open_db(db_path, create=False, readonly=True)
    with contextlib.closing(db):
        found = list_furniture(db.conn, outlet, min_articles or MIN_ARTICLES)
    if as_json:
        echo_json_lines(found)
        return
    for f in found:
        seen = f"{(f.first_seen or '?')[:10]} … {(f.last_seen or '?')[:10]}"
        click.echo(f"{f.articles:>6}  {f.outlet:<14} {seen}  {f.text[:120]}")
    if not found:
        click.echo(f"no paragraph in {min_articles or MIN_ARTICLES} or more articles of one outlet", err=True)
