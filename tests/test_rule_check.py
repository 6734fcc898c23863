"""rule_check and rule_positions: every problem of a rule file, each at its line and column."""
from __future__ import annotations

import pytest

from kliping.authoring.check import check_rule_text, check_rules, dotted
from kliping.authoring.positions import scan_positions
from kliping.cleaner.rule_loader import builtin_rules_dir

TEXT = '''# a comment
name = "Acme"
hosts = [
    "acme.id",   # the main site
    'm.acme.id',
]
note.deep = 1

[header]
drop = [
    \'\'\'^multi
line$\'\'\',
    '^after$',
]

[[tests]]
name = "one"
input = """
Judul "berita" \\"""
[not a table]
"""
[tests.expect]
title = "X"

[[tests]]
name = "two"
expect = { title = "Y", author = ["A", "B"] }
'''


def test_positions_of_keys_items_and_tables():
    p = scan_positions(TEXT)
    assert p.keys[("name",)] == (2, 1) and p.values[("name",)] == (2, 9)
    assert p.values[("hosts", 0)] == (4, 6) and p.values[("hosts", 1)] == (5, 6)
    assert ("hosts", 1) in p.literal and ("hosts", 0) not in p.literal
    assert p.keys[("note", "deep")] == (7, 1)
    assert p.values[("header", "drop", 0)] == (11, 8)
    assert p.values[("header", "drop", 1)] == (13, 6)
    assert p.keys[("tests", 0)] == (16, 1) and p.keys[("tests", 1)] == (25, 1)
    assert p.keys[("tests", 0, "expect", "title")] == (23, 1)
    assert ("not a table",) not in p.keys  # inside a multi-line string
    assert p.values[("tests", 1, "expect", "author", 1)] == (27, 41)
    assert p.where(("tests", 0, "expect", "nope")) == (22, 1)


def test_all_problems_at_once_in_line_order():
    text = '''name = "Acme"
language = "Indonesian"
fingerprints = ['^x{kota}']

[headline]
title = "first"
published = ['(?P<value>{date}']

[body]
drop = ['ok', "a[b"]

[html]
body = ["div >> p"]
strip_id_or_class = ["x"]
'''
    problems = check_rule_text(text, "acme.toml")
    got = [(p.line, p.column, p.severity, p.message.split(":")[0]) for p in problems]
    assert got == [
        (2, 13, "error", "language"),
        (3, 20, "warning", "fingerprints"),
        (6, 10, "error", "headline.title"),
        (7, 15, "error", "headline.published"),
        (10, 16, "error", "body.drop"),
        (13, 10, "error", "html.body"),
        (14, 23, "error", "html.strip_id_or_class[0]"),
    ]
    assert "does not match '^[a-z]{2}$'" in problems[0].message and "ISO 639-1" in problems[0].hint
    assert "unknown placeholder {kota}" in problems[1].message
    assert "one of: 'first-line', 'last-before-text', 'none'" in problems[2].hint
    assert "missing ), unterminated subpattern" in problems[3].message


def test_toml_syntax_error_has_line_and_column():
    [problem] = check_rule_text('name = "Acme"\n[body\n', "acme.toml")
    assert (problem.line, problem.column) == (2, 6) and "not valid TOML" in problem.message


def test_backslash_in_double_quotes_gets_a_hint():
    [problem] = check_rule_text('name = "Acme"\n[body]\ndrop = ["^\\d+$"]\n', "acme.toml")
    assert problem.line == 3 and "single quotes" in problem.hint


def test_extends_unknown_rule(tmp_path):
    (tmp_path / "acme.toml").write_text('extends = "nope"\n', "utf-8")
    [problem] = check_rules([tmp_path], [builtin_rules_dir()])
    assert (problem.line, problem.column) == (1, 12) and "extends unknown rule 'nope'" in problem.message


def test_builtin_rules_have_no_problems():
    assert check_rules([builtin_rules_dir()], [builtin_rules_dir()]) == []


@pytest.mark.parametrize("path,text", [
    (("tests", 0, "expect", "title"), "tests[0].expect.title"), ((), "(top level)"), (("name",), "name"),
])
def test_dotted(path, text):
    assert dotted(path) == text
