"""What the command modules share, and none of them: option helpers, rule loading, input
listing, progress, one-line reports. It imports no command module (they import it)."""
from __future__ import annotations

import contextlib
import dataclasses
import json
import sys
from typing import Iterable

import click

from ..cleaner import RuleError, load_rules
from ..cleaner.batch import default_jobs
from ..cleaner.inputs import MAX_DOCUMENT_BYTES, Walk, output_stat
from ..cleaner.rules import RuleSet
from ..cleaner.settings import DEFAULT_SETTINGS

#: From this many input files on, `clean` uses worker processes and shows a progress bar.
PARALLEL_MIN_FILES = 50
#: Inputs that hold many documents each.
MULTI_RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".warc", ".warc.gz")


class UsageLine(click.ClickException):
    """A usage mistake told in one line ("Error: …"), with click's exit status for usage
    errors (2) but without the usage text, which would bury the one line that matters."""

    exit_code = 2


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


def open_db(db_path: str, create: bool, readonly: bool = False):
    """The archive at `db_path`; what keeps it from opening is a one-line error."""
    from ..archive.db import ArchiveError, open_archive

    try:
        return open_archive(db_path, create=create, readonly=readonly)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None


def date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--since/--until: a real date, 2021, 2021-12 or 2021-12-31 (usage error otherwise)."""
    from ..archive.query import QueryError
    from ..archive.search import check_date

    try:
        return check_date(value, f"--{param.name}")
    except QueryError as exc:
        raise click.BadParameter(str(exc)) from None


def check_url(url: str | None, names: list[str]) -> None:
    """`--url` is the URL of one document: refuse it for several (they would all get one
    key in the archive, each overwriting the last) or for a file of records (each
    carries its own)."""
    if url is None:
        return
    if len(names) > 1:
        shown = ", ".join(names[:2]) + (", …" if len(names) > 2 else "")
        count = f"{len(names)} documents" if document_count(names) else f"{len(names)} files"
        raise UsageLine(f"--url is the URL of one document, but {count} were given ({shown}): "
                        "give one file with --url, or leave --url out")
    if names and names[0].endswith(MULTI_RECORD_SUFFIXES):
        raise UsageLine(f"--url is the URL of one document, but {names[0]} holds records, and records "
                        "carry their own URL: leave --url out")


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


def max_size_option(command):
    """`--max-size MIB`: the largest document read (a page, a record, a line)."""
    return click.option("--max-size", "max_size", type=click.IntRange(1), default=MAX_DOCUMENT_BYTES >> 20,
                        show_default=True, metavar="MIB",
                        help="Larger documents (a page, a JSON Lines line, a WARC record) are "
                             "reported, not read.")(command)


def time_limit_option(command):
    """`--time-limit SECONDS`: the time budget of one document, in CPU seconds."""
    return click.option("--time-limit", "time_limit", type=click.FloatRange(0, min_open=True),
                        default=DEFAULT_SETTINGS.document_seconds, show_default=True, metavar="SECONDS",
                        help="A document taking more CPU time than this to clean is reported and left out.")(command)


DEFAULT_DB = "kliping.db"

db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                         metavar="FILE", help="The archive (an SQLite file).")


def signature_options(command):
    """Near-duplicate settings; each flag is named after its `Settings` field."""
    options = [
        click.option("--threshold", "--duplicate-threshold", "duplicate_threshold", type=click.FloatRange(0, 1),
                     metavar="SIM", help="Similarity at which an article joins a cluster [default: 0.8]."),
        click.option("--num-perm", type=click.IntRange(min=1), metavar="N",
                     help="MinHash permutations per signature [default: 128]."),
        click.option("--lsh-rows", type=click.IntRange(min=1), metavar="N",
                     help="Hash values per LSH band [default: 4]."),
        click.option("--lsh-bands", type=click.IntRange(min=1), metavar="N",
                     help="LSH bands [default: num-perm / lsh-rows]."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


#: The near-duplicate flags, by the `Settings` field each one sets.
SIGNATURE_FLAGS = {"duplicate_threshold": "--threshold", "num_perm": "--num-perm",
                   "lsh_rows": "--lsh-rows", "lsh_bands": "--lsh-bands"}


def _flags(given: dict, names) -> str:
    return ", ".join(f"{SIGNATURE_FLAGS[k]} {given[k]}" for k in names if k in given)


def signature_settings(db=None, **given):
    """Settings with the near-duplicate flags that were given; those not given are the
    archive's own (what its signatures were made with), else the defaults. A flag that
    contradicts the archive's signatures, or flags whose bands do not fit, are a usage
    error naming only the flags given."""
    from ..archive.dedup import stored_params
    from ..cleaner import Settings
    from ..signature import band_count

    given = {k: v for k, v in given.items() if v is not None}
    stored = stored_params(db) if db is not None else {}
    try:  # the flags given must fit together, as `dupes --rebuild` with them would sign
        band_count(dataclasses.replace(Settings(), **given))
    except ValueError as exc:
        flags = _flags(given, ("num_perm", "lsh_rows", "lsh_bands")) or "the near-duplicate settings"
        raise UsageLine(f"{flags}: {exc}") from None
    differ = [k for k in ("num_perm", "lsh_rows", "lsh_bands") if k in given and k in stored and given[k] != stored[k]]
    if differ:
        made = ", ".join(f"{k}={stored[k]}" for k in differ)
        raise UsageLine(f"{_flags(given, differ)}: the archive's signatures were made with {made}; leave "
                        f"{'it' if len(differ) == 1 else 'them'} out, or sign every article again with "
                        f"`kliping dupes --rebuild {_flags(given, differ).replace(',', '')}`")
    return dataclasses.replace(Settings(), **{**stored, **given})


def echo_json_lines(records) -> None:
    """Print each record's `to_dict()` as one line of JSON."""
    for record in records:
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
