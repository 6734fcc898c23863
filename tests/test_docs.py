"""The README stays true: its example rule file loads and passes its own test case."""
import re

import pytest

from kliping.cleaner import load_rules
from kliping.authoring.cases import run_rule_cases

from conftest import ROOT


def readme_block(lang: str, containing: str) -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(rf"```{lang}\n(.*?)```", text, re.S)
    return next(b for b in blocks if containing in b)


def test_readme_example_rule_works(tmp_path):
    (tmp_path / "kompas.toml").write_text(readme_block("toml", "kompas.toml"), "utf-8")
    rules = load_rules(tmp_path)
    results = run_rule_cases(rules, ["kompas"])
    assert results and all(r.ok for r in results), [r.failures for r in results]


def test_readme_lists_every_contract_key():
    from kliping.cleaner import CONTRACT_KEYS
    text = (ROOT / "README.md").read_text("utf-8")
    for key in CONTRACT_KEYS:
        assert f"| {key} |" in text


def test_readme_set_up_commands_match_ci():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    test_command = readme_block("sh", "pytest").strip()
    assert test_command in ci


def test_readme_corpus_table_is_what_the_bench_prints(shared):
    """The README's per-outlet table of tests/corpus is the current one (bench/corpus_bench.py)."""
    import subprocess
    import sys
    text = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"<!-- corpus table:.*?-->\n(.*?)\n<!-- end of corpus table -->", text, re.S).group(1)
    printed = subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_bench.py")], capture_output=True,
                             text=True, check=True, cwd=ROOT).stdout.strip()
    assert block.strip() == printed


def test_readme_learn_table_is_what_the_bench_prints(shared):
    import subprocess
    import sys
    text = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"<!-- learn table:.*?-->\n(.*?)\n<!-- end of learn table -->", text, re.S).group(1)
    printed = subprocess.run([sys.executable, str(ROOT / "bench" / "learn_bench.py"), "--table"],
                             capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip()
    assert block.strip() == printed


@pytest.mark.parametrize("page", ["README.md", "docs/scaling.md"])
def test_speed_tables_are_from_the_last_bench_run(page):
    """Every table a page marks as bench output is, line for line, in the output of the
    last `bench/run` (bench/last-run.txt): figures are copied, never typed."""
    text = (ROOT / page).read_text("utf-8")
    blocks = re.findall(r"(<!-- speed table: .*?-->\n.*?\n<!-- end of speed table -->)", text, re.S)
    assert blocks
    last_run = (ROOT / "bench" / "last-run.txt").read_text("utf-8")
    for block in blocks:
        assert block in last_run, block[:200]
