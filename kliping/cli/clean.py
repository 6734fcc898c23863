"""`kliping clean`: scrapes in, JSON Lines (or text, Markdown, CSV; or one file per
article) out."""
from __future__ import annotations

import sys

import click

from ..cleaner import Article, Settings, iter_documents
from ..cleaner.batch import clean_stream
from .formats import FORMATS, RENDER, SEPARATORS, ArticleFiles, OutDirError, csv_header
from .common import (check_url, choose_jobs, document_count, list_inputs, max_size_option, open_rules, progress,
                     report, time_limit_option)


def format_pretty(article: Article) -> str:
    """Render an Article for reading in a terminal."""
    d = article.to_dict()
    head = [f"# {d['title'] or '(no title)'}", ""]
    for key in ("source", "outlet", "published", "modified", "dateline", "author", "editor",
                "language", "section", "tags", "site_name", "description", "url", "image"):
        value = d[key]
        if value:
            head.append(f"{key:>11}: {', '.join(value) if isinstance(value, list) else value}")
    tail = []
    for key in ("related", "captions"):
        if d[key]:
            tail += ["", f"{key}:"] + [f"  - {v}" for v in d[key]]
    return "\n".join(head + ["", d["text"]] + tail) + "\n"


@click.command("clean")
@click.argument("paths", nargs=-1, required=True)
@click.option("--outlet", metavar="ID", help="Use this rule (file stem) instead of matching one.")
@click.option("--url", metavar="URL",
              help="The URL of the text/HTML files given (JSONL and WARC records carry their own).")
@click.option("--rules", "rules_dirs", multiple=True, metavar="DIR",
              type=click.Path(exists=True, file_okay=False),
              help="A directory of rule files merged over the built-in ones (repeatable).")
@click.option("--pretty", is_flag=True, help="Print articles for reading instead of JSON Lines.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: the contract, one object a line; txt/md: title, metadata lines, text; "
                   "csv: a header, one row per article, lists as JSON.")
@click.option("--out", "out_dir", metavar="DIR",
              help="Write one file per article into DIR (made if missing), named from its source.")
@click.option("--overwrite", is_flag=True, help="With --out: replace files already there.")
@click.option("--explain-match", is_flag=True,
              help="Also say on stderr which rule each document got and why.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, show_default="0: one per CPU",
              help="Worker processes; output order stays the input order.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@max_size_option
@time_limit_option
def clean_command(paths, outlet, url, rules_dirs, pretty, fmt, out_dir, overwrite, explain_match, jobs,
                  quiet, max_size, time_limit) -> None:
    """Clean scrapes (files, directories, - for stdin) into JSON Lines on stdout (or
    --format txt, md, csv; or --out DIR, one file per article).

    A document that cannot be read or cleaned is reported on stderr with its name;
    the others are still cleaned, and the exit status is 1.
    """
    if pretty and (fmt != "jsonl" or out_dir):
        raise click.UsageError("--pretty prints for the terminal; leave it out with --format or --out")
    if overwrite and not out_dir:
        raise click.UsageError("--overwrite goes with --out DIR")
    files = None
    if out_dir:
        try:
            files = ArticleFiles(out_dir, fmt, overwrite)
        except OutDirError as exc:
            raise click.BadParameter(str(exc).removeprefix(f"--out {out_dir}: "), param_hint="--out") from None
    rules = open_rules(rules_dirs, outlet)
    names = list_inputs(paths, output=sys.stdout)
    check_url(url, names)
    if files is not None:
        inside = [n for n in names if files.contains(n)]
        for name in inside:
            report(f"{name}: input file is inside --out {out_dir}; skipped")
        names = [n for n in names if n not in inside]
        if not names:
            raise click.ClickException(f"no input outside --out {out_dir}")
    jobs = choose_jobs(jobs, names)
    docs = iter_documents(names, url=url, max_bytes=max_size << 20)
    outcomes = clean_stream(docs, rules, rules_dirs, Settings(document_seconds=time_limit), outlet, jobs)
    failed = written = 0
    out = sys.stdout
    if fmt == "csv" and files is None:
        out.write(csv_header())
    with progress(outcomes, total=document_count(names), quiet=quiet) as stream:
        for outcome in stream:
            if outcome.status != "ok":
                label = {"not-article": "not an article: ", "failed": "cannot clean: "}.get(outcome.status, "")
                report(f"{outcome.source}: {label}{outcome.error}")
                failed += 1
                continue
            if explain_match:
                click.echo(f"kliping: {outcome.source}: rule {outcome.rule} ({outcome.reason})", err=True)
            if files is not None:
                try:
                    files.write(outcome.article)
                except OSError as exc:
                    report(str(exc) if isinstance(exc, FileExistsError) else f"{outcome.source}: cannot write: {exc}")
                    failed += 1
                    continue
            elif pretty:
                out.write(format_pretty(outcome.article) + "\n")
            else:
                out.write((SEPARATORS[fmt] if written else "") + RENDER[fmt](outcome.article))
            written += 1
            out.flush()
    if failed:
        sys.exit(1)
