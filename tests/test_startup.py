"""Starting fast: a command imports what it needs and no more, and the short cuts that
make one scrape cheap (rules compiled on first use, Screens and gates only once a run
is long enough to pay for them) never change an answer."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kliping.cleaner import clean_text, load_rules
import kliping.cleaner.rules as rules_module

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "inews-putin-biden.txt"
CORPUS = ROOT / "tests" / "corpus" / "text"
FIXTURE_PAGE = next((ROOT / "tests" / "fixtures" / "html").glob("*.html"))

#: Never needed to clean: the archive's, near-duplicates', Spark's and the web UI's.
HEAVY = {"scipy", "numpy", "datasketch", "pyspark", "pyarrow", "datasette", "sqlite_utils"}


def loaded_after(code: str) -> set[str]:
    """The top-level third-party and kliping modules a fresh interpreter holds after `code`."""
    probe = (f"{code}\nimport sys, json\n"
             "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def cli(*args: str) -> str:
    """Run `kliping ARGS` in this process's interpreter, keeping it alive to look at sys.modules."""
    return ("import sys, contextlib, io\nfrom kliping.cli import main\n"
            f"sys.argv = ['kliping', *{list(args)!r}]\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main()\n    except SystemExit as e:\n        assert not e.code, e.code\n")


def test_importing_the_cli_loads_no_command_module():
    assert loaded_after("import kliping.cli") <= {"kliping", "click", "_distutils_hack"} | {
        m for m in loaded_after("pass")}


def test_cleaning_a_scrape_loads_no_archive_spark_or_page_parser():
    loaded = loaded_after(cli("clean", str(SEED)))
    assert not loaded & (HEAVY | {"lxml", "jsonschema", "warcio", "charset_normalizer"}), loaded


def test_cleaning_a_page_loads_lxml_and_still_nothing_heavy():
    loaded = loaded_after(cli("clean", str(FIXTURE_PAGE)))
    assert "lxml" in loaded and not loaded & HEAVY, loaded


def test_the_library_alone_imports_nothing_until_used():
    assert not loaded_after("import kliping.cleaner") & (HEAVY | {"lxml", "rapidfuzz", "jsonschema"})


def test_the_cleaner_imports_rapidfuzz_only_to_compare_two_texts():
    assert "rapidfuzz" not in loaded_after("import kliping.cleaner.batch, kliping.cleaner.pipeline")
    assert "rapidfuzz" in loaded_after(
        "from kliping.cleaner.dedupe import is_repeat\n"
        "a = 'Putin dan Biden bicara soal keamanan Ukraina di telepon selama lima puluh menit. '\n"
        "assert is_repeat(a, a.replace('lima puluh', 'empat puluh'))")


#: Modules `kliping clean one.txt` needs only on some paths: compressed input, CSV
#: output, named output files, rules inside a zip, rule files not in the cache.
ON_SOME_PATHS = {"gzip", "csv", "hashlib", "importlib.resources", "zipfile", "tempfile", "tomllib"}


def test_a_second_run_reads_no_rule_file_and_compiles_no_pattern(tmp_path):
    """With the cache the first run wrote (user_cache.py), the next takes every rule's
    TOML and every pattern from it."""
    probe = cli("clean", str(SEED)) + ("import json, sys\nfrom kliping.cleaner import regex_cache\n"
                                        "print(json.dumps([sorted(sys.modules), regex_cache._CACHE._added]))")
    env = {**os.environ, "KLIPING_CACHE_DIR": str(tmp_path)}
    runs = [json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                                      cwd=ROOT, env=env).stdout.strip().splitlines()[-1]) for _ in range(2)]
    (first_modules, first_added), (modules, added) = runs
    assert first_added and "tomllib" in first_modules
    assert not added and not set(modules) & ON_SOME_PATHS, set(modules) & ON_SOME_PATHS


def cleaned(texts: list[str]) -> list[dict]:
    rules = load_rules()  # fresh: its counters start at zero
    return [clean_text(t, rules=rules).to_dict() for t in texts]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="tests/corpus not present")
def test_screens_and_gates_change_no_answer(monkeypatch):
    """The same corpus cleaned with Screens and gates from the first line, and never."""
    texts = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))[:80]]
    assert len(texts) >= 40
    monkeypatch.setattr(rules_module, "SCREEN_AFTER_LOOKUPS", 0)
    monkeypatch.setattr(rules_module, "GATE_FINGERPRINTS_AFTER", 0)
    screened = cleaned(texts)
    monkeypatch.setattr(rules_module, "SCREEN_AFTER_LOOKUPS", 10**12)
    monkeypatch.setattr(rules_module, "GATE_FINGERPRINTS_AFTER", 10**12)
    assert cleaned(texts) == screened


def test_a_long_run_switches_to_screens(monkeypatch):
    monkeypatch.setattr(rules_module, "SCREEN_AFTER_LOOKUPS", 50)
    rules = load_rules()
    clean_text(SEED.read_text("utf-8"), rules=rules)
    assert "_screens" in vars(rules["inews"]) or "_joint_screens" in vars(rules["inews"])


def test_shipped_rules_read_without_their_tests_keep_every_key_and_test():
    """Loading reads a shipped rule file up to its [[tests]]; the rule's data and its test
    cases are still those of the whole file."""
    import tomllib
    rules = load_rules()
    assert sum(len(r.tests) for r in rules) >= 20
    for rule in rules:
        whole = tomllib.loads(Path(rule.path).read_text("utf-8"))
        assert rule.tests == tuple(whole.get("tests", [])), rule.id
        assert {k: v for k, v in rule.data.items() if k != "tests"} == {
            k: v for k, v in whole.items() if k != "tests"}, rule.id


@pytest.mark.parametrize("text", [
    # a table after the tests: read in full
    'name = "x"\n[[tests]]\ninput = "a"\n[html]\nbody = [".isi"]\n',
    # "[[tests]]" at a line's start inside a string above the tests: read in full
    'name = "x"\nnote = """\n[[tests]]\n"""\n[[tests]]\ninput = "a"\n',
    # only tests after the cut, with a sub-table of a test
    'name = "x"\n[[tests]]\ninput = "a"\n[tests.expect]\ntitle = "t"\n',
])
def test_reading_without_tests_never_loses_a_key(tmp_path, text):
    import tomllib
    from kliping.cleaner.rule_loader import _read
    path = tmp_path / "x.toml"
    path.write_text(text, "utf-8")
    _, data = _read(path, without_tests=True)
    whole = tomllib.loads(text)
    assert {k: v for k, v in data.items() if k != "tests"} == {k: v for k, v in whole.items() if k != "tests"}
    assert data.get("tests", whole.get("tests")) == whole.get("tests")


def test_a_broken_test_case_in_a_shipped_rule_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    """Shipped rules' cases are parsed when first asked for; a TOML mistake there still
    ends `kliping rules test` with one line naming file and line."""
    from click.testing import CliRunner
    import kliping.cleaner.rule_loader as loader
    from kliping.cli import main
    shipped = tmp_path / "rules"
    shipped.mkdir()
    text = (ROOT / "kliping" / "rules" / "generic.toml").read_text("utf-8")
    (shipped / "generic.toml").write_text(text + '\n[[tests]]\nname = "x"\ninput = nul\n', "utf-8")
    monkeypatch.setattr(loader, "builtin_rules", lambda: shipped)
    result = CliRunner().invoke(main, ["rules", "test", "generic"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{shipped / 'generic.toml'}:" in result.output and "not valid TOML" in result.output


def test_a_long_text_goes_through_gates_and_screens_from_the_first_document():
    """The short cuts for one small scrape (no Screens, no fingerprint index) would make a
    10 MB line try every pattern at every position: a long text takes the indexed path."""
    rules = load_rules()
    clean_text(SEED.read_text("utf-8") + "\n\n" + "Warga kota berkumpul di alun-alun. " * 800, rules=rules)
    assert "_fingerprint_index" in vars(rules)
    assert "_screens" in vars(rules["inews"]) or "_joint_screens" in vars(rules["inews"])
    small = load_rules()
    clean_text(SEED.read_text("utf-8"), rules=small)
    assert "_fingerprint_index" not in vars(small)


def test_the_version_is_the_installed_packages_and_read_without_a_metadata_scan():
    """`kliping --version` says the version pip installed, from `kliping.__version__`:
    importlib.metadata's scan of every installed distribution costs about 50 ms."""
    from importlib.metadata import version
    probe = cli("--version").replace("io.StringIO()", "sys.stderr") + (
        "print('importlib.metadata' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stderr.strip() == f"kliping, version {version('kliping')}"
    assert done.stdout.strip() == "False"
