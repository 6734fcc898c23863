"""Input paths → the files to read, on any file system Hadoop reads (local, HDFS, S3…).

Like `kliping.cleaner.inputs.expand_paths`: a file is taken as given, a directory is
walked for files ending in one of `INPUT_SUFFIXES` (hidden ones left out), and — what a
shell would do for `kliping clean` — a glob is expanded by Hadoop. Each file keeps the
name `kliping clean` would give it (the path as given, or the directory as given plus
the path below it), so sources agree record for record. Plain JSON Lines files are
split into lines by Spark; every other file is read whole.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from ..cleaner.inputs import INPUT_SUFFIXES

#: Files read line by line (split across tasks); gzipped ones are read whole.
LINE_SUFFIXES = (".jsonl", ".ndjson")
_GLOB_CHARS = "*?[{"


@dataclass(frozen=True)
class InputFile:
    """A file to read: `uri` as Hadoop names it, `name` as `kliping clean` would."""

    uri: str
    name: str
    size: int
    mtime: int | None = None

    @property
    def by_lines(self) -> bool:
        return self.name.lower().endswith(LINE_SUFFIXES)


@dataclass(frozen=True)
class MissingInput:
    """A path that names nothing (or an empty glob): reported like a missing file."""

    name: str
    message: str = "No such file or directory"


def list_inputs(spark, paths: list[str]) -> tuple[list[InputFile], list[MissingInput]]:
    """The files named by `paths`, in order (directories sorted; a file named twice is
    read once, under its first name), and the paths that name nothing."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    files: list[InputFile] = []
    missing: list[MissingInput] = []
    for given in paths:
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path) or []
        if not statuses:
            missing.append(MissingInput(given))
            continue
        is_glob = any(c in given for c in _GLOB_CHARS)
        for status in statuses:
            if status.isDirectory():
                files += _walk(fs, status.getPath(), given if not is_glob else None)
            else:
                name = given if not is_glob else _display(status.getPath())
                files.append(_input_file(status, name))
    unique = {}
    for file in files:
        unique.setdefault(file.uri, file)
    return list(unique.values()), missing


def _walk(fs, root, given: str | None) -> list[InputFile]:
    """Files below the directory `root` that `expand_paths` would pick, sorted."""
    base = root.toString().rstrip("/")
    found = []
    entries = fs.listFiles(root, True)
    while entries.hasNext():
        status = entries.next()
        uri = status.getPath().toString()
        leaf = status.getPath().getName()
        if leaf.startswith(".") or not leaf.lower().endswith(INPUT_SUFFIXES):
            continue
        below = uri[len(base) + 1:]
        name = _join(given, below) if given is not None else _display(status.getPath())
        found.append(_input_file(status, name))
    return sorted(found, key=lambda f: f.name.split("/"))


def _input_file(status, name: str) -> InputFile:
    return InputFile(status.getPath().toString(), name, status.getLen(), status.getModificationTime() // 1000)


def _join(given: str, below: str) -> str:
    """`below` inside the directory named `given`, spelled as `expand_paths` spells it."""
    if "://" in given:
        return given.rstrip("/") + "/" + below
    return str(PurePath(given, below))


def _display(path) -> str:
    """A matched path's name: the local path, or the full URI elsewhere."""
    uri = path.toUri()
    return uri.getPath() if uri.getScheme() in (None, "file") else path.toString()
