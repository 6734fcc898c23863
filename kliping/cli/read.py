"""Reading the archive from the command line: show, export, stats."""
from __future__ import annotations

import contextlib
import sys

import click

from .common import date_option, db_option, open_db


def _open_readonly(db_path: str):
    return open_db(db_path, create=False, readonly=True)


@click.command("show")
@click.argument("article_id", type=int, metavar="ID")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the article as one JSON object.")
def show(article_id, db_path, as_json) -> None:
    """Print one article in full (every field set, every paragraph, captions and
    images): ID is its id in the archive (shown by `kliping search` as #ID). With --json, the object `kliping clean` prints, with `id` and
    `cluster_id`.
    """
    import json

    from ..archive.export import article_by_id
    from ..cleaner.inputs.record import escape_controls

    with contextlib.closing(_open_readonly(db_path)) as db:
        article = article_by_id(db, article_id)
        if article is None:
            raise click.ClickException(f"no article {article_id} in {db_path}")
        others = [row[0] for row in db.execute(
            "SELECT id FROM articles WHERE cluster_id = ? AND id != ? ORDER BY id",
            [article["cluster_id"], article_id])] if article["cluster_id"] is not None else []
    if as_json:
        click.echo(json.dumps(article, ensure_ascii=False))
        return
    facts = [("Outlet", article["outlet"]), ("Site", article.get("site_name")), ("Section", article.get("section")),
             ("Published", article["published"]), ("Modified", article.get("modified")), ("URL", article["url"]),
             ("Author", ", ".join(article["author"])), ("Editor", article["editor"]),
             ("Dateline", article["dateline"]), ("Language", article["language"]),
             ("Tags", ", ".join(article.get("tags") or ())), ("Image", article.get("image")),
             ("Near-duplicates", ", ".join(f"#{i}" for i in others)), ("Source", article["source"])]
    click.echo(f"#{article['id']} {escape_controls(article['title'] or '(no title)')}")
    for name, value in facts:
        if value:
            click.echo(f"{name + ':':<17}{escape_controls(str(value))}")
    if article["description"]:
        click.echo(f"\n{escape_controls(article['description'])}")
    click.echo(f"\n{article['text']}")
    for caption in article["captions"]:
        click.echo(f"\n[caption] {escape_controls(caption)}")
    for image in article.get("images") or ():
        caption = f" {image['caption']}" if image.get("caption") else ""
        click.echo(f"\n[image] {escape_controls(image['url'] + caption)}")


@click.command("export")
@click.argument("query", nargs=-1)
@db_option
@click.option("--format", "output_format", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True, help="JSON Lines (as `kliping clean` prints), CSV, or Parquet (needs --output).")
@click.option("--output", "-o", metavar="FILE", help="Write to FILE instead of standard output.")
@click.option("--outlet", "outlets", multiple=True, metavar="ID", help="Only this outlet (repeatable).")
@click.option("--since", metavar="DATE", callback=date_option, help="Published on or after DATE (2021, 2021-12, 2021-12-31).")
@click.option("--until", metavar="DATE", callback=date_option, help="Published on or before DATE (2021, 2021-12, 2021-12-31).")
@click.option("--lang", metavar="CODE", help="Only articles in this language (e.g. id).")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N articles.")
def export(query, db_path, output_format, output, outlets, since, until, lang, limit) -> None:
    """Write the archive's articles out, whole: every one, or those the filters (as in
    `kliping search`) and the optional QUERY select — in id order, or best match first
    for a QUERY. Each is the object `kliping clean` prints, with the archive's `id`
    and `cluster_id`; CSV writes lists as JSON text. Prints how many on stderr.
    """
    from ..archive.export import select_articles, write_csv, write_jsonl, write_parquet
    from ..archive.query import QueryError, parse_query
    from ..archive.search import check_filters

    if output_format == "parquet" and not output:
        raise click.UsageError("--format parquet writes a file: give --output FILE")
    try:
        parsed = parse_query(" ".join(query)) if query else None
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    with contextlib.closing(_open_readonly(db_path)) as db:
        try:
            check_filters(db, outlets, lang)
        except QueryError as exc:
            raise click.ClickException(str(exc)) from None
        articles = select_articles(db, parsed, outlets=outlets, since=since, until=until,
                                   language=lang, limit=limit)
        if output_format == "parquet":
            count = write_parquet(articles, output)
        else:
            write = write_csv if output_format == "csv" else write_jsonl
            with (open(output, "w", encoding="utf-8", newline="") if output
                  else contextlib.nullcontext(sys.stdout)) as out:
                count = write(articles, out)
    click.echo(f"{count} article{'s' if count != 1 else ''} exported"
               + (f" to {output}" if output else ""), err=True)


@click.command("stats")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def stats(db_path, as_json) -> None:
    """Count what the archive holds: articles per outlet, language and month, the
    near-duplicate clusters, and the raw inputs that failed (by kind of failure)."""
    import json

    from ..archive.stats import archive_stats

    with contextlib.closing(_open_readonly(db_path)) as db:
        counted = archive_stats(db)
    if as_json:
        click.echo(json.dumps(counted.to_dict(), ensure_ascii=False))
        return
    click.echo(f"{counted.articles} articles, {counted.raw} raw inputs ({counted.failed} failed); "
               f"{counted.clusters} near-duplicate clusters of {counted.clustered} articles")
    for title, pairs in (("outlet", counted.by_outlet), ("language", counted.by_language),
                         ("month", counted.by_month), ("failed raw inputs", counted.failures)):
        if pairs:
            click.echo(f"\nby {title}:" if title != "failed raw inputs" else f"\n{title}:")
            for value, count in pairs:
                click.echo(f"  {count:>7}  {value if value is not None else '(none)'}")
