"""Options that several commands share, apart from the commands (which import them)."""
from __future__ import annotations

import click

from .cleaner.inputs import MAX_DOCUMENT_BYTES


def max_size_option(command):
    """`--max-size MIB`: the largest document read (a page, a record, a line)."""
    return click.option("--max-size", "max_size", type=click.IntRange(1), default=MAX_DOCUMENT_BYTES >> 20,
                        show_default=True, metavar="MIB",
                        help="Larger documents (a page, a JSON Lines line, a WARC record) are "
                             "reported, not read.")(command)
