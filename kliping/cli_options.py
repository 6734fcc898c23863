"""Options that several commands share, apart from the commands (which import them)."""
from __future__ import annotations

import click

from .cleaner.inputs import MAX_DOCUMENT_BYTES
from .cleaner.settings import DEFAULT_SETTINGS


def max_size_option(command):
    """`--max-size MIB`: the largest document read (a page, a record, a line)."""
    return click.option("--max-size", "max_size", type=click.IntRange(1), default=MAX_DOCUMENT_BYTES >> 20,
                        show_default=True, metavar="MIB",
                        help="Larger documents (a page, a JSON Lines line, a WARC record) are "
                             "reported, not read.")(command)


def time_limit_option(command):
    """`--time-limit SECONDS`: the time budget of one document."""
    return click.option("--time-limit", "time_limit", type=click.FloatRange(0, min_open=True),
                        default=DEFAULT_SETTINGS.document_seconds, show_default=True, metavar="SECONDS",
                        help="A document taking longer to clean is reported and left out.")(command)
