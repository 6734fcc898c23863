"""Tools for the people who write rules: scaffold a rule from sample scrapes (`rules new`),
check rule files (`rules check`), run their test cases (`rules test`), and say why each
line of a document was kept or dropped (`explain`). They use the cleaner; the cleaner
never imports them.

| module | job |
| --- | --- |
| `scaffold.py`, `line_templates.py` | guess a rule from samples: repeated lines, their shapes and places |
| `check.py`, `positions.py` | every problem of a rule file, at its line and column |
| `cases.py` | a rule's `[[tests]]` and fixture files, run |
| `decisions.py` | one row per line for `kliping explain` |
"""
