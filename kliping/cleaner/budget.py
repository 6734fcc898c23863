"""A time budget per document: no scraped line can hold a run up.

Rule patterns are checked for catastrophic backtracking when they load
(`regex_safety`), but a pattern that is slow without being refused (several overlapping
repeats in a row, `.*,.*,.*,.*x`) can still take minutes on one long line. Python's `re`
looks at pending signals while it matches, so an interval timer interrupts it: the
document then fails with one clear error and the batch goes on.

The timer counts the CPU time the process spends (ITIMER_VIRTUAL), not wall time: a
document waiting for a core on a busy machine, or a worker paused, spends none of its
budget, so whether a document cleans never depends on what else the machine runs.
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
    """Raise OverBudget in the block when it spends more than `seconds` of CPU time.
    Only in the main thread (where Python delivers signals) and where SIGVTALRM exists;
    elsewhere, and with no `seconds`, the block runs unbounded. A timer already set is
    put back."""
    if not seconds or not hasattr(signal, "SIGVTALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise OverBudget(f"took longer than {seconds:g} s of CPU time to clean (a rule pattern "
                         "backtracking on a long line?); the document was left out")

    previous = signal.signal(signal.SIGVTALRM, expired)
    started = time.process_time()
    outer, _ = signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_VIRTUAL, max(outer - (time.process_time() - started), 0.001))
