"""The `kliping` command line: thin wrappers that parse arguments and call the library."""
from __future__ import annotations

import contextlib
import json
import sys
from typing import Iterable

import click

from .cleaner import Article, RuleError, Settings, iter_documents, load_rules
from .cleaner.batch import clean_stream, default_jobs
from .cleaner.inputs import Walk, output_stat
from .cli_options import max_size_option, time_limit_option
from .cleaner.rules import RuleSet


#: From this many input files on, `clean` uses worker processes and shows a progress bar.
PARALLEL_MIN_FILES = 50
#: Inputs that hold many documents each.
MULTI_RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".warc", ".warc.gz")


def open_rules(rules_dirs: Iterable[str], outlet: str | None = None) -> RuleSet:
    """Load built-in rules merged with the user's directories, and check a forced
    `--outlet` names one of them; failures become click errors."""
    try:
        rules = load_rules(list(rules_dirs))
    except RuleError as exc:
        raise click.ClickException(str(exc)) from None
    if outlet:
        try:
            rules[outlet]
        except RuleError as exc:
            raise click.BadParameter(str(exc), param_hint="--outlet") from None
    return rules


def list_inputs(paths: Iterable[str], output=None) -> list[str]:
    """The files `paths` name (directories walked), saying on stderr in one line what
    a walk passed over and which input is the output file (`output`, a stream the
    command writes to); no input at all is an error."""
    walk = Walk(paths, output=output_stat(output) if output is not None else None)
    names = list(walk)
    for name in walk.output_named:
        report(f"{name}: input file is also the output; skipped")
    note = walk.summary()
    if note:
        report(note)
    if not names:
        raise click.ClickException(f"no input: {', '.join(walk.paths)}: no file kliping reads "
                                   "(.txt, .html, .jsonl, .warc, and the same gzipped for the last two)")
    return names


def report(exc: Exception) -> None:
    """Print one clear line about a failed document on stderr."""
    click.echo(f"kliping: {exc}", err=True)


def format_pretty(article: Article) -> str:
    """Render an Article for reading in a terminal."""
    d = article.to_dict()
    head = [f"# {d['title'] or '(no title)'}", ""]
    for key in ("source", "outlet", "published", "dateline", "author", "editor",
                "language", "description", "url"):
        value = d[key]
        if value:
            head.append(f"{key:>11}: {', '.join(value) if isinstance(value, list) else value}")
    tail = []
    for key in ("related", "captions"):
        if d[key]:
            tail += ["", f"{key}:"] + [f"  - {v}" for v in d[key]]
    return "\n".join(head + ["", d["text"]] + tail) + "\n"


#: Exit status after Ctrl-C, as shells report a process ended by SIGINT.
INTERRUPTED_EXIT = 130


class Commands(click.Group):
    """The command group: Ctrl-C ends any command with one line, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("kliping: interrupted (Ctrl-C); what was written before is kept", err=True)
            ctx.exit(INTERRUPTED_EXIT)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kliping")
def main() -> None:
    """Clean raw scrapes of Indonesian news into articles and archive them."""


@main.command("clean")
@click.argument("paths", nargs=-1, required=True)
@click.option("--outlet", metavar="ID", help="Use this rule (file stem) instead of matching one.")
@click.option("--url", metavar="URL",
              help="The URL of the text/HTML files given (JSONL and WARC records carry their own).")
@click.option("--rules", "rules_dirs", multiple=True, metavar="DIR",
              type=click.Path(exists=True, file_okay=False),
              help="A directory of rule files merged over the built-in ones (repeatable).")
@click.option("--pretty", is_flag=True, help="Print articles for reading instead of JSON Lines.")
@click.option("--explain-match", is_flag=True,
              help="Also say on stderr which rule each document got and why.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, show_default="0: one per CPU",
              help="Worker processes; output order stays the input order.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@max_size_option
@time_limit_option
def clean_command(paths, outlet, url, rules_dirs, pretty, explain_match, jobs, quiet, max_size,
                  time_limit) -> None:
    """Clean scrapes (files, directories, - for stdin) into JSON Lines on stdout.

    A document that cannot be read or cleaned is reported on stderr with its name;
    the others are still cleaned, and the exit status is 1.
    """
    rules = open_rules(rules_dirs, outlet)
    names = list_inputs(paths, output=sys.stdout)
    jobs = choose_jobs(jobs, names)
    docs = iter_documents(names, url=url, max_bytes=max_size << 20)
    outcomes = clean_stream(docs, rules, rules_dirs, Settings(document_seconds=time_limit), outlet, jobs)
    failed = 0
    out = sys.stdout
    with progress(outcomes, total=document_count(names), quiet=quiet) as stream:
        for outcome in stream:
            if outcome.status != "ok":
                label = {"not-article": "not an article: ", "failed": "cannot clean: "}.get(outcome.status, "")
                report(f"{outcome.source}: {label}{outcome.error}")
                failed += 1
                continue
            if explain_match:
                click.echo(f"kliping: {outcome.source}: rule {outcome.rule} ({outcome.reason})", err=True)
            if pretty:
                out.write(format_pretty(outcome.article) + "\n")
            else:
                out.write(json.dumps(outcome.article.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
    if failed:
        sys.exit(1)


def choose_jobs(jobs: int, names: list[str]) -> int:
    """Worker processes for a run: as asked, or one per CPU when there is enough input
    to pay for starting them (many files, or files holding many records)."""
    if jobs:
        return jobs
    total = document_count(names)
    return default_jobs() if total is None or total >= PARALLEL_MIN_FILES else 1


def document_count(names: list[str]) -> int | None:
    """How many documents `names` hold: one per file, unknown (None) when a file or
    stdin holds many records."""
    if any(n.endswith(MULTI_RECORD_SUFFIXES) or n == "-" for n in names):
        return None
    return len(names)


def progress(items, total: int | None, quiet: bool):
    """Wrap an iterable in a progress bar (documents/s, and ETA when `total` is known)
    on a terminal's stderr; nothing when stderr is piped, with --quiet, or for a few files."""
    if quiet or not sys.stderr.isatty() or (total is not None and total < PARALLEL_MIN_FILES):
        return contextlib.nullcontext(items)
    from tqdm import tqdm

    return tqdm(items, total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)


from .archive.cli import COMMANDS  # noqa: E402  (the archive's commands join the group)

for _command in COMMANDS:
    main.add_command(_command)

from .rules_cli import COMMANDS as RULES_COMMANDS  # noqa: E402  (explain and rules join the group)

for _command in RULES_COMMANDS:
    main.add_command(_command)

from .spark.cli import COMMANDS as SPARK_COMMANDS  # noqa: E402  (kliping spark …; PySpark loads only when run)

main.add_command(*SPARK_COMMANDS)
