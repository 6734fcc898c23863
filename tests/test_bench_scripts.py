"""Every bench script imports: bench/run calls them only in the long benchmark, so a
helper one of them imports and that moves or goes away would otherwise be found only
there (it happened once: archive_bench imported a removed helper)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

SCRIPTS = sorted(p.name for p in (ROOT / "bench").glob("*.py"))


def run_in_fresh_python(code: str) -> None:
    """Run `code` in a new interpreter from the project root; it must exit 0 (its asserts hold)."""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_bench_folder_has_its_scripts():
    assert {"clean_bench.py", "corpus_bench.py", "archive_bench.py"} <= set(SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS)
def test_bench_script_imports(script):
    """Import the script as a module (its main() does not run) in a fresh interpreter."""
    code = ("import importlib.util, sys; sys.path.insert(0, 'bench'); "
            f"spec = importlib.util.spec_from_file_location('bench_script', 'bench/{script}'); "
            "spec.loader.exec_module(importlib.util.module_from_spec(spec))")
    run_in_fresh_python(code)


def test_a_network_is_learned_one_site_at_a_time():
    """learn_bench learns a rule from pages of the outlet's site with most pages (Tribun's
    network has one site per region); spread over all when no site has five."""
    code = ("import sys; sys.path.insert(0, 'bench'); import learn_bench as b; "
            "pages = [{'url': f'https://{h}/read/{i}'} for i, h in enumerate("
            "['www.tribunnews.com'] * 6 + ['www.tribunjabar.id', 'www.tribun-bali.com'])]; "
            "text = lambda g: ''; "
            "picked = b.learning_pages(pages, text); "
            "assert len(picked) == 5 and {b.site_of(p['url']) for p in picked} == {'tribunnews.com'}, picked; "
            "few = b.learning_pages(pages[4:], text); assert len(few) == 4, few")
    run_in_fresh_python(code)


def test_pages_are_learned_from_the_sites_most_common_layout():
    """learn_bench learns from five pages of the layout most of the site's dev pages share
    (Kontan's desktop pages, not one each of its amp., insight. and desktop layouts);
    spread over all pages when no layout has five."""
    code = ("import sys; sys.path.insert(0, 'bench'); import learn_bench as b; "
            "desk = 'banner langganan top\\n| : WIB | INDIKATOR |\\n'; "
            "pages = [{'url': f'https://x{i}.kontan.co.id/news/{i}', 'text': (desk if i % 2 else '') + f'Judul {i}'} "
            "for i in range(12)]; "
            "picked = b.learning_pages(pages, lambda g: g['text']); "
            "assert len(picked) == 5 and all(p['text'].startswith('banner') for p in picked), picked; "
            "few = b.learning_pages(pages[:8], lambda g: g['text']); "
            "assert len(few) == 5 and not all(p['text'].startswith('banner') for p in few), few")
    run_in_fresh_python(code)


def test_pages_showing_their_foot_are_learned_from_first():
    """learn_bench learns from the pages that go on past their last paragraph (whole
    pages: their boxes and footers show) before scrapes cut off mid-paragraph; with
    fewer than five of them, all of them and the rest spread over the cut ones."""
    code = ("import sys; sys.path.insert(0, 'bench'); import learn_bench as b; "
            "para = 'Harga beras naik lagi pekan ini karena pasokan dari daerah terganggu cuaca buruk di Jawa.'; "
            "whole = para + '\\nTERBARU\\nBerita lain yang dibaca\\n'; cut = para + '\\nHarga beras naik lagi pek\\n'; "
            "pages = [{'url': f'https://kontan.co.id/news/{i}', 'text': whole if i in (1, 4, 6, 9, 10, 11) else cut} "
            "for i in range(12)]; "
            "picked = b.learning_pages(pages, lambda g: g['text']); "
            "assert len(picked) == 5 and all(p['text'] == whole for p in picked), picked; "
            "few = b.learning_pages(pages[:8], lambda g: g['text']); "
            "assert len(few) == 5 and sum(p['text'] == whole for p in few) == 3, few")
    run_in_fresh_python(code)
