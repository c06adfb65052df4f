"""Run one function over many items in worker processes, results in the items' order, with a
progress bar on stderr only when stderr is a terminal (a pipe or a log gets no bar)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import TypeVar

from seedread.cli import CommandError

Item = TypeVar("Item")
Result = TypeVar("Result")


def default_jobs() -> int:
    """The cores this process may run on (not the machine's, under a CPU mask or a quota)."""
    counted = getattr(os, "process_cpu_count", None)
    if counted is not None:
        return counted() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def jobs_argument(raw: str) -> int:
    """`--jobs N`: a whole number from 1."""
    try:
        jobs = int(raw)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a number of processes; use 1 or more")
    return jobs


def run_batch(
    function: Callable[[Item], Result], items: Sequence[Item], jobs: int,
    handle: Callable[[Result, Callable[[str], None]], None],
) -> None:
    """`handle(function(item), say)` for each item in order, `function` running in up to `jobs`
    processes (in this one when one is enough); `say(line)` shows a line on stderr without
    breaking the bar."""
    with _progress(len(items)) as (advance, say):
        if jobs <= 1 or len(items) <= 1:
            for item in items:
                handle(function(item), say)
                advance()
            return
        with ProcessPoolExecutor(max_workers=min(jobs, len(items)),
                                 initializer=_leave_ctrl_c_to_the_parent) as pool:
            try:
                for result in pool.map(function, items):
                    handle(result, say)
                    advance()
            except BrokenProcessPool:
                raise CommandError("a worker process died (out of memory?); "
                                   "try fewer --jobs") from None
            finally:
                pool.shutdown(wait=True, cancel_futures=True)


def _leave_ctrl_c_to_the_parent() -> None:
    """Ctrl+C stops the batch once, in the parent, instead of a traceback from every worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _progress(total: int):
    """(advance, say): a transient bar when stderr is a terminal and the output goes elsewhere
    (printed to the same terminal, the output itself shows the progress); else no bar."""
    if not sys.stderr.isatty() or sys.stdout.isatty() or total <= 1:
        yield (lambda: None), (lambda line: sys.stderr.write(line + "\n"))
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(file=sys.stderr, highlight=False, markup=False, emoji=False)
    with Progress(BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True, redirect_stdout=False,
                  redirect_stderr=False) as bar:
        task = bar.add_task("extract", total=total)
        yield (lambda: bar.advance(task)), (lambda line: console.out(line, highlight=False))
