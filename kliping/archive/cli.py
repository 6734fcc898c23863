"""Archive commands of the `kliping` CLI: ingest, search, serve."""
from __future__ import annotations

import contextlib
import json
import sys

import click

DEFAULT_DB = "kliping.db"

#: Inputs from which `ingest` shows a progress bar (on a terminal only).
PROGRESS_FROM = 20

db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                         metavar="FILE", help="The archive (an SQLite file).")


def _open(db_path: str, create: bool):
    from .db import ArchiveError, open_archive

    try:
        return open_archive(db_path, create=create)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--outlet", metavar="ID", help="Use this rule (file stem) instead of matching one.")
@click.option("--url", metavar="URL", help="The documents' URL (for rule matching, and the key).")
@click.option("--rules", "rules_dirs", multiple=True, metavar="DIR",
              type=click.Path(exists=True, file_okay=False),
              help="A directory of rule files merged over the built-in ones (repeatable).")
@click.option("--reclean", is_flag=True,
              help="Clean inputs already in the archive again (after changing rules).")
def ingest(paths, db_path, outlet, url, rules_dirs, reclean) -> None:
    """Clean scrapes (files, directories, - for stdin) and store them in the archive.

    Every input is kept in the `raw` table as received, also when it cannot be read or
    cleaned. Running it again on the same files adds nothing; a changed re-scrape of a
    known URL updates its article. Prints how many articles were new, updated,
    unchanged and failed; exits 1 when any failed.
    """
    from ..cleaner import Settings, clean
    from ..cli import open_rules, report
    from .ingest import ingest as run_ingest
    from .ingest import input_names, receive

    rules = open_rules(rules_dirs, outlet)
    settings = Settings()
    names = input_names(paths)
    db = _open(db_path, create=True)

    def clean_doc(doc):
        return clean(doc, rules, settings, outlet=outlet)

    show_bar = sys.stderr.isatty() and len(names) >= PROGRESS_FROM
    bar = click.progressbar(length=len(names), label="ingesting", file=sys.stderr) if show_bar else None

    def on_item(item, outcome, error):
        if error is not None:
            if bar is not None:
                click.echo("", err=True)  # off the progress bar's line
            report(f"{item.source}: {error}")
        if bar is not None:
            bar.update(1)

    with contextlib.closing(db), bar or contextlib.nullcontext():
        summary = run_ingest(db, receive(names, url=url), clean_doc, reclean=reclean, on_item=on_item)
    click.echo(f"{db_path}: {summary}")
    if summary.failed:
        sys.exit(1)


@click.command("search", context_settings={"ignore_unknown_options": True,
                                           "help_option_names": ["--help"]})
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--outlet", "outlets", multiple=True, metavar="ID", help="Only this outlet (repeatable).")
@click.option("--since", metavar="DATE", help="Published on or after DATE (2021, 2021-12, 2021-12-31).")
@click.option("--until", metavar="DATE", help="Published on or before DATE (2021, 2021-12, 2021-12-31).")
@click.option("--lang", metavar="CODE", help="Only articles in this language (e.g. id).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1), help="At most this many results.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines (one result per line).")
def search(query, db_path, outlets, since, until, lang, limit, as_json) -> None:
    """Find articles: every form of the words counts (sanksi, menjatuhkan ~ dijatuhkan).

    QUERY is words (all must match), "a phrase", OR, -word or NOT word to exclude,
    prefix* and parentheses (quote the query for your shell; words starting with - are
    query words, not options). Results are ranked (title matches count most) and show
    title, outlet, date, URL and a snippet with the matching words highlighted
    (**like this** when not on a terminal and in --json).
    """
    from .query import QueryError
    from .search import search as run_search

    text = " ".join(query)
    db = _open(db_path, create=False)
    styled = sys.stdout.isatty() and not as_json
    mark = ("\ue000", "\ue001") if styled else ("**", "**")
    try:
        hits = run_search(db, text, outlets=outlets, since=since, until=until,
                          language=lang, limit=limit, mark=mark)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        db.close()
    if as_json:
        for hit in hits:
            click.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
        return
    if not hits:
        click.echo(f"No articles match {text!r}.", err=True)
        return
    for n, hit in enumerate(hits, 1):
        title = hit.title or "(no title)"
        click.echo(click.style(f"{n}. {title}", bold=True) if styled else f"{n}. {title}")
        meta = " · ".join(x for x in (hit.outlet, (hit.published or "")[:10], hit.url) if x)
        click.echo(f"   {meta}")
        snippet = hit.snippet
        if styled:
            snippet = snippet.replace("\ue000", "\x1b[1;33m").replace("\ue001", "\x1b[0m")
        click.echo(f"   {snippet}\n")


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
def serve(db_path, host, port) -> None:
    """Browse and search the archive in Datasette (read-only).

    Opens with facets on outlet, language and month, and a ranked stemmed "search"
    query at /NAME/search (NAME is the file name without .db).
    """
    from pathlib import Path

    from .serve import serve as run_serve

    path = Path(db_path)
    _open(db_path, create=False).close()  # a missing or unusable file fails here, clearly
    click.echo(f"Serving {path} at http://{host}:{port}/{path.stem}/search (Ctrl-C to stop)", err=True)
    run_serve(path, host=host, port=port)


COMMANDS = [ingest, search, serve]
