"""The archive's commands: ingest, search, dupes, serve."""
from __future__ import annotations

import contextlib
import dataclasses
import os
import shlex
import sqlite3
import sys

import click

from .common import (UsageLine, date_option, db_option, echo_json_lines, max_size_option, open_db,
                     signature_options, signature_settings, time_limit_option)



def _furniture(db, rules, settings, min_articles):
    """(filter, hook) dropping outlets' furniture at ingest (archive/furniture.py), or None."""
    from ..archive.furniture import MIN_ARTICLES, FurnitureFilter, keep_patterns, strip_prepared

    min_articles = MIN_ARTICLES if min_articles is None else min_articles
    if min_articles == 0:
        return None
    filt = FurnitureFilter(db.conn, max(2, min_articles), keep_patterns(rules))
    return filt, lambda prepared: strip_prepared(prepared, filt, settings)


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
@click.option("--skip-duplicates", is_flag=True,
              help="Store no article for a near-exact copy (Jaccard >= 0.95) of one in the archive; its raw is kept.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, show_default="0: one per CPU",
              help="Worker processes cleaning, stemming and signing; the archive is written in input order.")
@click.option("--batch-size", type=click.IntRange(1), default=None, metavar="N",
              show_default="2000", help="Inputs per transaction (a run killed mid-way keeps the batches it committed).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--furniture-min", type=click.IntRange(0), default=None, metavar="N", show_default="4",
              help="Drop a paragraph found in N articles of the outlet as furniture (0: never; see kliping furniture).")
@max_size_option
@time_limit_option
@signature_options
def ingest(paths, db_path, outlet, url, rules_dirs, reclean, skip_duplicates, jobs, batch_size, quiet,
           furniture_min, max_size, time_limit, **signature) -> None:
    """Clean scrapes (files, directories, - for stdin) and store them in the archive;
    a directory written by `kliping spark clean` (Parquet or JSON Lines) is loaded as cleaned.

    Every input is kept in the `raw` table as received, also when it cannot be read or
    cleaned. Running it again on the same files adds nothing; a changed re-scrape of a
    known URL updates its article. Every article is signed and joins the cluster of its
    best near-duplicate (see `kliping dupes`). Prints how many articles were new,
    updated, unchanged and failed; exits 1 when any failed.
    """
    from ..archive.db import ArchiveError, checkpoint
    from ..archive.ingest import BATCH_SIZE, IngestSummary, receive
    from ..archive.ingest import ingest as run_ingest
    from ..archive.parquet import articles_dataset, load_spark_output, nested_outputs  # `kliping spark clean` output
    from ..archive.workers import prepare_stream
    from ..cleaner import clean
    from .common import check_url, choose_jobs, document_count, list_inputs, open_rules, progress, report

    rules = open_rules(rules_dirs, outlet)
    spark_outputs = [p for p in paths if p != "-" and articles_dataset(p)]
    others = [p for p in paths if p not in spark_outputs]
    names = list_inputs(others) if others else []
    for nested in (found for path in others if os.path.isdir(path) for found in nested_outputs(path)):
        report(f"{nested}: the output of `kliping spark clean`, inside a directory given: its part files "
               f"were not read; give it as a path of its own (kliping ingest {nested})")
    if url and spark_outputs:
        raise UsageLine(f"--url is the URL of one document, but {spark_outputs[0]} is the output of "
                        "`kliping spark clean`, whose rows carry their own URL: leave --url out")
    check_url(url, names)
    db = open_db(db_path, create=True)
    settings = dataclasses.replace(signature_settings(db, **signature), document_seconds=time_limit)
    jobs = choose_jobs(jobs, names)

    def clean_doc(doc):
        return clean(doc, rules, settings, outlet=outlet)

    def on_item(item, outcome, error):
        if error is not None:
            report(f"{item.source}: {error}")

    furniture = _furniture(db, rules, settings, furniture_min)
    with contextlib.closing(db):
        try:
            summaries = [load_spark_output(db, path, reclean=reclean, on_item=on_item,
                                           settings=settings, skip_duplicates=skip_duplicates,
                                           batch_size=batch_size or BATCH_SIZE)
                         for path in spark_outputs]
            if names:
                items = prepare_stream(receive(names, url=url, max_bytes=max_size << 20), db_path, rules_dirs, settings, outlet,
                                       reclean, jobs)
                with progress(items, total=document_count(names), quiet=quiet) as items:
                    if furniture:
                        items = furniture[0].ahead(items)
                    summaries.append(run_ingest(db, items, clean_doc, reclean=reclean, on_item=on_item,
                                                settings=settings, skip_duplicates=skip_duplicates,
                                                batch_size=batch_size or BATCH_SIZE,
                                                furniture=furniture and furniture[1]))
            summary = summaries[0] if len(summaries) == 1 else IngestSummary.total_of(summaries)
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from None
        except sqlite3.OperationalError as exc:  # locked by another process, disk full, …
            raise click.ClickException(
                f"{db_path}: {exc}; the unfinished batch was rolled back, finished batches are kept"
            ) from None
        checkpoint(db)
    click.echo(f"{db_path}: {summary}")
    if furniture and furniture[0].dropped:
        click.echo(f"{db_path}: {furniture[0].dropped} furniture paragraphs dropped from article text "
                   "(the raw scrapes keep them; kliping furniture lists them)")
    if summary.failed:
        sys.exit(1)


#: Exit status of `kliping search` when the search ran out of time (--timeout).
SEARCH_TIMEOUT_EXIT = 3


class QueryCommand(click.Command):
    """A command whose arguments are query words: an unknown option is an error, as
    everywhere else, and when it looks like a query word (`-putin`) the error shows the
    command line that searches for it (the words after `--`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, list(args))
        except click.NoSuchOption as exc:
            if not exc.possibilities:
                words = _query_words(self, args)
                short = exc.option_name if not exc.option_name.startswith("--") else None
                word = next((a for a in words if short and a.startswith(short) and a != short), None)
                if word:  # `-putin` was read as the short options -p -u …: name the word
                    exc.message = f"No such option '{word}'."
                exc.message += (f" A query word that begins with '-' goes after '--': "
                                f"kliping {self.name} -- {shlex.join(words)}")
            raise


def _query_words(command: click.Command, args: list[str]) -> list[str]:
    """`args` without the command's own options (and their values)."""
    takes_value = {name for p in command.params if isinstance(p, click.Option) and not p.is_flag
                   for name in p.opts + p.secondary_opts}
    known = {name for p in command.params if isinstance(p, click.Option) for name in p.opts + p.secondary_opts}
    words, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg in takes_value:
            skip = True
        elif arg.split("=", 1)[0] not in known and arg != "--":
            words.append(arg)
    return words


@click.command("search", cls=QueryCommand)
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--outlet", "outlets", multiple=True, metavar="ID", help="Only this outlet (repeatable).")
@click.option("--since", metavar="DATE", callback=date_option,
              help="Published on or after DATE (2021, 2021-12, 2021-12-31).")
@click.option("--until", metavar="DATE", callback=date_option,
              help="Published on or before DATE (2021, 2021-12, 2021-12-31).")
@click.option("--lang", metavar="CODE", help="Only articles in this language (e.g. id).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1), help="At most this many results.")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0),
              help="Skip this many results first (the next page: --offset 10).")
@click.option("--sort", type=click.Choice(["rank", "date"]), default="rank", show_default=True,
              help="Best match first, or newest first (undated last).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines (one result per line).")
@click.option("--collapse", is_flag=True, help="One result per near-duplicate cluster (its best match).")
@click.option("--timeout", default=10.0, show_default=True, metavar="SECONDS",
              type=click.FloatRange(min=0, min_open=True),
              help=f"Stop a search that runs longer than this (exit status {SEARCH_TIMEOUT_EXIT}).")
def search(query, db_path, outlets, since, until, lang, limit, offset, sort, as_json, collapse, timeout) -> None:
    """Find articles: every form of the words counts (sanksi, menjatuhkan ~ dijatuhkan).

    QUERY is words (all must match), "a phrase", OR, -word or NOT word to exclude,
    prefix* and parentheses. Quote the query for your shell; a query whose words
    begin with - goes after -- (kliping search -- sanksi -putin). Results are ranked (title
    matches count most; --sort date for newest first) and show title, then the article's id
    (for `kliping show ID`), outlet, date, URL, and a snippet with the matching words highlighted
    (**like this** when not on a terminal and in --json). At most 64 words are searched
    and prefixes need 3 letters; what was left out is noted on stderr.
    """
    from ..cleaner.inputs.record import escape_controls
    from ..archive.query import QueryError, parse_query
    from ..archive.search import SearchTimeout, check_filters, quoted_short
    from ..archive.search import search as run_search

    text = " ".join(query)
    try:
        parsed = parse_query(text)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    for note in parsed.notes:
        click.echo(f"Note: {note}.", err=True)
    db = open_db(db_path, create=False, readonly=True)
    styled = sys.stdout.isatty() and not as_json
    mark = ("\ue000", "\ue001") if styled else ("**", "**")
    try:
        check_filters(db, outlets, lang)
        hits = run_search(db, parsed, outlets=outlets, since=since, until=until, language=lang,
                          limit=limit, mark=mark, collapse=collapse, timeout=timeout, offset=offset, sort=sort)
    except SearchTimeout as exc:
        error = click.ClickException(str(exc))
        error.exit_code = SEARCH_TIMEOUT_EXIT
        raise error from None
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        db.close()
    if as_json:
        echo_json_lines(hits)
        return
    if not hits:
        more = f" after the first {offset}" if offset else ""
        click.echo(f"No articles match {quoted_short(text)}{more}.", err=True)
        return
    for n, hit in enumerate(hits, offset + 1):
        title = escape_controls(hit.title or "(no title)")
        click.echo(click.style(f"{n}. {title}", bold=True) if styled else f"{n}. {title}")
        copies = f"+{hit.copies} near-duplicate{'s' if hit.copies != 1 else ''}" if hit.copies else None
        meta = " · ".join(x for x in (f"#{hit.id}", hit.outlet, (hit.published or "")[:10], hit.url, copies) if x)
        click.echo(f"   {escape_controls(meta)}")
        snippet = escape_controls(hit.snippet)
        if styled:
            snippet = snippet.replace("\ue000", "\x1b[1;33m").replace("\ue001", "\x1b[0m")
        click.echo(f"   {snippet}\n")


@click.command("dupes")
@db_option
@click.option("--cluster", "cluster_id", type=int, metavar="ID", help="Only this cluster.")
@click.option("--paragraphs", is_flag=True,
              help="List paragraphs printed by more than one outlet instead (with --article: of one article).")
@click.option("--article", "article_id", type=int, metavar="ID",
              help="The cluster of this article (with --paragraphs: its shared paragraphs).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines (one cluster or paragraph per line).")
@click.option("--rebuild", is_flag=True,
              help="Sign and cluster every article again first (after changing --num-perm, --lsh-*).")
@signature_options
def dupes(db_path, cluster_id, paragraphs, article_id, as_json, rebuild, **signature) -> None:
    """List near-duplicate clusters: each with its articles, the canonical copy first
    (an outlet over a mirror, then the earliest published), and each member's
    similarity to the article it matched when it joined. The signature flags
    apply with --rebuild.
    """
    from ..archive.clusters import clusters, shared_paragraphs
    from ..archive.db import ArchiveError, checkpoint
    from ..archive.dedup import rebuild as run_rebuild

    db = open_db(db_path, create=False, readonly=not rebuild)
    with contextlib.closing(db):
        _check_ids(db, cluster_id, article_id)
        if rebuild:
            settings = signature_settings(**signature)
            try:
                with db.atomic():
                    count = run_rebuild(db, settings)
            except ArchiveError as exc:
                raise click.ClickException(str(exc)) from None
            checkpoint(db)
            click.echo(f"{db_path}: {count} articles signed again", err=True)
        if paragraphs:
            _echo_paragraphs(shared_paragraphs(db, article_id), as_json)
            return
        if article_id is not None:
            cluster_id = db.execute("SELECT cluster_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]
            if cluster_id is None:
                click.echo(f"kliping: article {article_id} has no near-duplicate.", err=True)
                return
        found = clusters(db, cluster_id)
    if as_json:
        echo_json_lines(found)
        return
    if not found:
        click.echo("No near-duplicate articles.", err=True)
        return
    for cluster in found:
        outlets = len({m.outlet for m in cluster.members})
        click.echo(f"cluster {cluster.id}: {len(cluster.members)} articles, {outlets} outlet{'s' if outlets != 1 else ''}")
        for m in cluster.members:
            how = "canonical" if m.canonical else ""
            if m.similarity is not None:
                how = f"{how + ', ' if how else ''}{m.similarity:.2f} with #{m.match_id}"
            date = (m.published or "")[:10] or "-"
            line = f"  {'*' if m.canonical else ' '} #{m.id:<6} {m.outlet:<12} {date:<10}  {m.title or '(no title)'}"
            click.echo(f"{line}  [{how}]" if how else line)
        click.echo("")


def _check_ids(db, cluster_id: int | None, article_id: int | None) -> None:
    """A cluster or article id the archive does not have is an error, not an empty list."""
    if cluster_id is not None and not db.execute(
            "SELECT 1 FROM articles WHERE cluster_id = ? LIMIT 1", [cluster_id]).fetchone():
        raise click.ClickException(f"no cluster {cluster_id} in the archive (kliping dupes lists them)")
    if article_id is not None and not db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
        raise click.ClickException(f"no article {article_id} in the archive")


def _echo_paragraphs(found, as_json: bool) -> None:
    if as_json:
        echo_json_lines(found)
        return
    if not found:
        click.echo("No paragraphs shared by different outlets.", err=True)
        return
    for paragraph in found:
        ids = ", ".join(f"#{i}" for i in paragraph.article_ids)
        click.echo(f"{', '.join(paragraph.outlets)} ({ids}):\n  {paragraph.text}\n")


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--all-tables", is_flag=True,
              help="Served beyond this machine, still show the raw and signature tables and allow free SQL.")
def serve(db_path, host, port, all_tables) -> None:
    """Browse and search the archive in Datasette (read-only).

    Opens with facets on outlet, language and month, and a ranked stemmed "search"
    query at /NAME/search (NAME is the file name without .db). Served on an address
    other people can reach (--host 0.0.0.0), the raw table (local paths, whole
    inputs), the signature tables and free SQL are kept out unless --all-tables.
    """
    from pathlib import Path

    from ..archive.serve import is_loopback
    from ..archive.serve import serve as run_serve

    path = Path(db_path)
    open_db(db_path, create=False, readonly=True).close()  # a missing or unusable file fails here, clearly
    warning = serve_warning(host, all_tables)
    if warning:
        click.echo(f"kliping: {warning}", err=True)
    click.echo(f"Serving {path} at http://{host}:{port}/{path.stem}/search (Ctrl-C to stop)", err=True)
    run_serve(path, host=host, port=port, public=not (all_tables or is_loopback(host)))


def serve_warning(host: str, all_tables: bool) -> str | None:
    """What `kliping serve` on `host` shares with others, or None on this machine only."""
    from ..archive.serve import is_loopback

    if is_loopback(host):
        return None
    if all_tables:
        return (f"serving on {host}: anyone who can reach this address can read every table, "
                "the raw inputs with their local paths too, and run free SQL (read-only)")
    return (f"serving on {host}: anyone who can reach this address can read the articles and "
            "search them; the raw and signature tables and free SQL are kept out (--all-tables to share them)")


COMMANDS = [ingest, search, dupes, serve]
