"""Input paths → the files to read, saying what a directory walk passed over.

A directory is walked in sorted order for files ending in one of the readers' endings
(hidden ones left out, as `ls` and `grep -r` users expect). What else it holds is not
read, but is counted, so a run can say in one line what it left out: files with other
endings, gzip-compressed single pages, dangling links, and the command's own output file
(`kliping clean DIR > DIR/out.jsonl` would otherwise read its own growing output, as
`grep` warns: "input file is also the output").
"""
from __future__ import annotations

import os
import stat
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from .html import HTML_SUFFIXES
from .jsonl import JSONL_SUFFIXES
from .record import display_name
from .text import TEXT_SUFFIXES
from .warc import WARC_SUFFIXES

#: File endings picked when a directory is walked.
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
#: Single pages compressed: not read (gunzip them), but named in the summary.
GZIPPED_PAGES = tuple(s + ".gz" for s in TEXT_SUFFIXES + HTML_SUFFIXES)
#: How many endings of skipped files the summary names.
_ENDINGS_SHOWN = 4


class Walk:
    """The files `paths` name, in order: files as given, directories walked, "-" for
    stdin. Iterate once; then `skipped` counts what the walk passed over by reason,
    and `output_named` lists inputs left out because they are the output file
    (`output`: the stat of the file the command writes to, if any)."""

    def __init__(self, paths: Iterable[str], output: os.stat_result | None = None):
        self.paths = list(paths)
        self.output = (output.st_dev, output.st_ino) if output is not None else None
        self.skipped: Counter[str] = Counter()
        self.endings: Counter[str] = Counter()
        self.output_named: list[str] = []
        self.found = 0

    def __iter__(self) -> Iterator[str]:
        for name in self.paths:
            if name == "-":
                self.found += 1
                yield name
                continue
            path = Path(name)
            if path.is_dir():
                names = self._walk(path)
            else:
                names = [name] if not self._is_output(name) else []
            for found in names:
                self.found += 1
                yield found

    def _walk(self, root: Path) -> Iterator[str]:
        for child in sorted(root.rglob("*")):
            if child.name.startswith("."):
                continue
            lower = child.name.lower()
            if not child.is_file():
                if child.is_symlink() and not child.exists():
                    self.skipped["dangling link"] += 1
                continue
            if lower.endswith(INPUT_SUFFIXES):
                if not self._is_output(str(child)):
                    yield str(child)
            elif lower.endswith(GZIPPED_PAGES):
                self.skipped["gzip-compressed page (gunzip it to read it)"] += 1
            else:
                self.skipped["with another ending"] += 1
                self.endings[child.suffix.lower() or "(none)"] += 1

    def _is_output(self, name: str) -> bool:
        if self.output is None:
            return False
        try:
            st = os.stat(name)
        except OSError:
            return False
        if stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) == self.output:
            self.output_named.append(display_name(name))
            return True
        return False

    def summary(self) -> str | None:
        """One line on what the walk passed over, or None when it passed over nothing."""
        if not self.skipped:
            return None
        parts = []
        for reason, count in sorted(self.skipped.items(), key=lambda item: -item[1]):
            part = f"{count} {reason}"
            if reason == "with another ending":
                shown = [e for e, _ in self.endings.most_common(_ENDINGS_SHOWN)]
                more = ", …" if len(self.endings) > _ENDINGS_SHOWN else ""
                part += f" ({', '.join(shown)}{more})"
            parts.append(part)
        total = sum(self.skipped.values())
        return f"skipped {total} file{'s' if total != 1 else ''}: " + "; ".join(parts)


def output_stat(stream) -> os.stat_result | None:
    """The stat of the regular file `stream` writes to, or None (a terminal, a pipe)."""
    try:
        st = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return st if stat.S_ISREG(st.st_mode) else None
