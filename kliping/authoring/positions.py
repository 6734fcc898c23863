"""Where each key and value of a TOML rule file sits, as 1-based (line, column).

`tomllib` gives values without positions; `kliping rules check` needs to point at the
offending key, array item or character of a pattern. This scanner reads the TOML
subset rule files use (tables, arrays of tables, dotted keys, strings of the four kinds,
arrays and inline tables) and maps key paths like ("header", "drop", 1) or
("tests", 0, "expect", "title") to positions. It never raises: text that is not TOML
simply yields fewer positions (tomllib reports the syntax error itself).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

Path = tuple  # a key path: str keys and int array indexes


@dataclass
class Positions:
    """Positions found in one file.

    keys: where a key (or an array table's header) starts; values: where a value
    starts — for strings, the first character inside the quotes; literal: the paths
    of single-quoted strings, whose characters map one-to-one to the value's.
    """

    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    literal: set[Path] = field(default_factory=set)

    def where(self, path: Path, value_first: bool = True) -> tuple[int, int]:
        """Return the position of `path`'s value (or key), else of its nearest parent."""
        path = tuple(path)
        while path:
            first, second = (self.values, self.keys) if value_first else (self.keys, self.values)
            for table in (first, second):
                if path in table:
                    return table[path]
            path = path[:-1]
        return (1, 1)


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.i = 0
        self.starts = [0] + [n + 1 for n, ch in enumerate(text) if ch == "\n"]
        self.out = Positions()
        self.table: Path = ()
        self.counters: dict[Path, int] = {}

    def pos(self, i: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, i)
        return line, i - self.starts[line - 1] + 1

    def peek(self, s: str) -> bool:
        return self.text.startswith(s, self.i)

    def skip_blank(self, newlines: bool) -> None:
        """Skip spaces (and newlines and comments when `newlines`)."""
        while self.i < len(self.text):
            ch = self.text[self.i]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.i += 1
            elif newlines and ch == "#":
                end = self.text.find("\n", self.i)
                self.i = len(self.text) if end < 0 else end
            else:
                return

    def string(self) -> None:
        """Skip the string at i (any of the four kinds)."""
        for quote in ('"""', "'''"):
            if self.peek(quote):
                end = self.i + 3
                while True:
                    end = self.text.find(quote, end)
                    if end < 0:
                        self.i = len(self.text)
                        return
                    if quote == '"""' and _escaped(self.text, end):
                        end += 1
                        continue
                    break
                end += 3
                while self.text.startswith(quote[0], end):  # up to two quotes end the content
                    end += 1
                self.i = end
                return
        quote = self.text[self.i]
        end = self.i + 1
        while end < len(self.text) and self.text[end] != "\n":
            if self.text[end] == quote and not (quote == '"' and _escaped(self.text, end)):
                break
            end += 1
        self.i = end + 1

    def key(self) -> list[str]:
        """Read a (dotted, maybe quoted) key up to '=' or ']'."""
        parts: list[str] = []
        current = ""
        while self.i < len(self.text) and self.text[self.i] not in "=]\n":
            ch = self.text[self.i]
            if ch in "\"'":
                start = self.i
                self.string()
                current += self.text[start + 1:self.i - 1]
                continue
            if ch == ".":
                parts.append(current.strip())
                current = ""
            else:
                current += ch
            self.i += 1
        parts.append(current.strip())
        return parts

    def value(self, path: Path) -> None:
        """Read the value at i, recording its position (and its items')."""
        start = self.i
        if self.i >= len(self.text):
            return
        ch = self.text[self.i]
        if ch in "\"'":
            width = 3 if self.peek(ch * 3) else 1
            content = start + width
            if width == 3 and self.text.startswith("\n", content):
                content += 1  # a newline right after the opening quotes is not content
            self.out.values[path] = self.pos(content)
            if ch == "'":
                self.out.literal.add(path)
            self.string()
        elif ch == "[":
            self.out.values[path] = self.pos(start)
            self.i += 1
            index = 0
            while True:
                self.skip_blank(newlines=True)
                if self.i >= len(self.text) or self.text[self.i] == "]":
                    self.i += 1
                    return
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                self.value(path + (index,))
                index += 1
        elif ch == "{":
            self.out.values[path] = self.pos(start)
            self.i += 1
            while True:
                self.skip_blank(newlines=False)
                if self.i >= len(self.text) or self.text[self.i] in "}\n":
                    self.i += 1
                    return
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                self.pair(path)
        else:
            self.out.values[path] = self.pos(start)
            while self.i < len(self.text) and self.text[self.i] not in ",]}\n#":
                self.i += 1

    def pair(self, table: Path) -> None:
        """Read `key = value`, recording both positions."""
        at = self.i
        parts = self.key()
        path = table + tuple(parts)
        self.out.keys.setdefault(path, self.pos(at))
        if self.i < len(self.text) and self.text[self.i] == "=":
            self.i += 1
            self.skip_blank(newlines=False)
            self.value(path)

    def header(self) -> None:
        """Read `[table]` or `[[array.of.tables]]` and make it the current table."""
        at = self.i
        array = self.peek("[[")
        self.i += 2 if array else 1
        parts = self.key()
        self.i += 2 if array else 1
        resolved: Path = ()
        for n, part in enumerate(parts):
            resolved += (part,)
            last = n == len(parts) - 1
            if last and array:
                self.counters[resolved] = self.counters.get(resolved, -1) + 1
                resolved += (self.counters[resolved],)
            elif resolved in self.counters:
                resolved += (self.counters[resolved],)
        self.table = resolved
        self.out.keys.setdefault(resolved, self.pos(at))

    def run(self) -> Positions:
        while True:
            self.skip_blank(newlines=True)
            if self.i >= len(self.text):
                return self.out
            before = self.i
            if self.text[self.i] == "[":
                self.header()
            else:
                self.pair(self.table)
            if self.i == before:  # not TOML here: skip the line
                end = self.text.find("\n", self.i)
                self.i = len(self.text) if end < 0 else end


def _escaped(text: str, i: int) -> bool:
    """Say whether the character at i is escaped by an odd run of backslashes."""
    n = 0
    while i - n - 1 >= 0 and text[i - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def scan_positions(text: str) -> Positions:
    """Return the positions of the keys and values of TOML `text`."""
    try:
        return _Scanner(text).run()
    except (IndexError, ValueError):  # pragma: no cover - defensive: positions are a nicety
        return Positions()
