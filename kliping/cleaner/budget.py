"""A time budget per document: no scraped line can hold a run up.

Rule patterns are checked for catastrophic backtracking when they load
(`regex_safety`), but a pattern that is slow without being refused (several overlapping
repeats in a row, `.*,.*,.*,.*x`) can still take minutes on one long line. Python's `re`
looks at pending signals while it matches, so an interval timer interrupts it: the
document then fails with one clear error and the batch goes on.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator


class OverBudget(Exception):
    """Cleaning one document took longer than its budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in the block when it runs past `seconds` of wall time. Only in
    the main thread (where Python delivers signals) and where SIGALRM exists; elsewhere,
    and with no `seconds`, the block runs unbounded. A timer already set is put back."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise OverBudget(f"took longer than {seconds:g} s to clean (a rule pattern backtracking "
                         "on a long line?); the document was left out")

    previous = signal.signal(signal.SIGALRM, expired)
    started = time.monotonic()
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))
