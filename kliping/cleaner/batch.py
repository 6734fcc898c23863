"""Clean a stream of documents, in this process or in a pool of worker processes.

Order is kept (results come back in input order), rules are loaded once per worker,
and one bad document becomes an `Outcome` with its error, never an exception that
stops the batch.
"""
from __future__ import annotations

import atexit
import os
import signal
import threading
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, TypeVar

from .article import Article
from .budget import time_budget
from .html import NotAnArticle
from .inputs import InputError, RawDoc
from .pipeline import build_article, explain
from .rules import RuleSet
from .rule_loader import load_rules
from .settings import DEFAULT_SETTINGS, Settings

#: Documents handed to a worker at a time.
CHUNK = 16
#: Chunks per worker read ahead of the results consumed.
IN_FLIGHT = 4
#: Seconds between looks at the stop flag while the read-ahead is full.
_POLL = 0.1

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: an article, or why there is none.

    status: "ok", "unreadable" (could not be read or decoded), "not-article" (a feed, a
    front page) or "failed" (cleaning raised); reason: the rule match's reason.
    """

    source: str
    status: str
    article: Article | None = None
    error: str | None = None
    rule: str | None = None
    reason: str | None = None


def clean_one(doc: RawDoc | InputError, rules: RuleSet, settings: Settings,
              outlet: str | None = None) -> Outcome:
    """Clean one document into an Outcome; never raises for a bad document."""
    if isinstance(doc, InputError):
        return Outcome(doc.source, "unreadable", error=doc.message)
    try:
        with time_budget(settings.document_seconds):
            explained = explain(doc, rules, settings, outlet)
            article = build_article(doc, explained, settings)
    except NotAnArticle as exc:
        return Outcome(doc.source, "not-article", error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return Outcome(doc.source, "failed", error=f"{type(exc).__name__}: {exc}")
    match = explained.match
    return Outcome(doc.source, "ok", article, rule=match.rule.id, reason=match.reason)


_WORKER: tuple[RuleSet, Settings, str | None] | None = None


def _start_worker(rules_dirs: tuple[str, ...], settings: Settings, outlet: str | None) -> None:
    global _WORKER
    _WORKER = (load_rules(list(rules_dirs)), settings, outlet)


def _clean_in_worker(doc: RawDoc | Outcome) -> Outcome:
    if isinstance(doc, Outcome):
        return doc
    rules, settings, outlet = _WORKER
    return clean_one(doc, rules, settings, outlet)


def _portable(doc: RawDoc | InputError) -> RawDoc | Outcome:
    """What is sent to a worker: a document, or the outcome of one that could not be
    read (exceptions do not travel between processes reliably)."""
    if isinstance(doc, InputError):
        return Outcome(doc.source, "unreadable", error=doc.message)
    return doc


def default_jobs() -> int:
    """The number of worker processes by default: the CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def clean_stream(docs: Iterable[RawDoc | InputError], rules: RuleSet,
                 rules_dirs: Iterable[str] = (), settings: Settings = DEFAULT_SETTINGS,
                 outlet: str | None = None, jobs: int = 1) -> Iterator[Outcome]:
    """Yield an Outcome per document, in input order.

    With jobs > 1 the documents are cleaned by that many worker processes, each loading
    the built-in rules merged with `rules_dirs` once (`rules` is used when jobs == 1).
    """
    if jobs <= 1:
        for doc in docs:
            yield clean_one(doc, rules, settings, outlet)
        return
    yield from pool_map(_clean_in_worker, map(_portable, docs), jobs, _start_worker,
                        (tuple(map(str, rules_dirs)), settings, outlet))


def pool_map(func: Callable[[T], R], items: Iterable[T], jobs: int,
             initializer: Callable[..., None], initargs: tuple) -> Iterator[R]:
    """`func` over `items` in `jobs` worker processes, results in input order, with at
    most `IN_FLIGHT` chunks per worker read ahead (a pool alone would read all the
    input into memory as fast as it can)."""
    slots = threading.Semaphore(jobs * CHUNK * IN_FLIGHT)
    stopped = threading.Event()

    def metered(items: Iterable[T]) -> Iterator[T]:
        for item in items:
            while not slots.acquire(timeout=_POLL):
                if stopped.is_set():  # the consumer left: end the pool's feeding thread
                    return
            if stopped.is_set():
                return
            yield item

    import multiprocessing  # here: one process needs none of it

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(jobs, _quiet_worker, (initializer, initargs)) as pool:
        _stop_at_exit(stopped)
        try:
            for result in pool.imap(func, metered(items), chunksize=CHUNK):
                slots.release()
                yield result
        finally:  # before the pool is terminated: it waits for its feeding thread
            stopped.set()
            _LIVE.discard(stopped)
            slots.release()


def _quiet_worker(initializer: Callable[..., None], initargs: tuple) -> None:
    """Start a worker that leaves Ctrl-C to the main process (which stops the pool and
    says so once), instead of each worker printing its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    initializer(*initargs)


#: Stop flags of the pools running now. A consumer that stops reading and keeps its
#: stream (an error mid-stream) never runs the stream's `finally`; at exit,
#: multiprocessing terminates the pool and waits for the feeding thread, so the flags
#: are set first, or that wait would last for ever.
_LIVE: set[threading.Event] = set()
_registered = False


def _stop_at_exit(stopped: threading.Event) -> None:
    """Have `stopped` set at exit, before multiprocessing's own exit handler runs (exit
    handlers run last registered first, and multiprocessing registers its handler when
    the first pool starts: this registers after it)."""
    global _registered
    _LIVE.add(stopped)
    if not _registered:
        atexit.register(lambda: [flag.set() for flag in list(_LIVE)])
        _registered = True
