"""Tools for the people who write rules: scaffold a rule from sample scrapes (`rules new`),
learn one from five or more pages of an outlet (`rules learn`),
check rule files (`rules check`), run their test cases (`rules test`), and say why each
line of a document was kept or dropped (`explain`). They use the cleaner; the cleaner
never imports them.

| module | job |
| --- | --- |
| `scaffold.py`, `line_templates.py` | guess a rule from samples: repeated lines, their shapes and places |
| `samples.py` | the samples read: repeated lines, where the text and headline stand |
| `learn.py`, `html_learn.py`, `scramble.py` | learn a rule from pages: furniture, selectors, cases with prose scrambled |
| `echoes.py`, `furniture_shapes.py`, `head_shapes.py` | what learning knows by its form: a page's copies, furniture, names, tags and credits by their shape |
| `layouts.py` | pages grouped by layout, and whether a page shows its foot |
| `check.py`, `positions.py` | every problem of a rule file, at its line and column |
| `cases.py` | a rule's `[[tests]]` and fixture files, run |
| `decisions.py` | one row per line for `kliping explain` |
"""
