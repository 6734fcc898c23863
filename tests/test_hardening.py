"""Issue 18: no hang, no crash, no unbounded memory, no escape, whatever the input.

Each test here failed before its fix."""
from __future__ import annotations

import subprocess
import sys
import pytest
import textwrap

from conftest import ROOT


def run_python(code: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter from the project root; a hang fails the test."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, **kwargs)


def test_a_pool_left_unfinished_does_not_hang_the_exit():
    """A consumer that stops reading (an error mid-stream, disk full) and keeps the
    stream referenced: the pool's feeding thread used to wait for good on the read-ahead."""
    done = run_python("""
        import time
        from kliping.cleaner.batch import pool_map
        def init(): pass
        def double(x): return 2 * x
        ITEMS = pool_map(double, iter(range(10**7)), 2, init, ())
        for i, r in enumerate(ITEMS):
            if i == 100:
                time.sleep(0.5)  # the feeding thread is now waiting for a free slot
                break
        print("left")
    """, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "left"
