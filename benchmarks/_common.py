"""Pieces every ``benchmarks/bench_*.py`` script shares: the best-of-N timer, the table and the arguments.

The scripts import it as ``_common`` (it sits next to them; they put their own
folder on ``sys.path`` so that this works both for ``python benchmarks/bench_x.py``
and when the test suite loads a script by its path).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np


def best_run(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """Best wall-clock time of ``fn()`` over ``repeats`` runs (``time.perf_counter``), and the last result."""
    best, out = np.inf, None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def best_time(fn: Callable[[], object], repeats: int) -> float:
    """Best wall-clock time of ``fn()`` over ``repeats`` runs (``time.perf_counter``)."""
    return best_run(fn, repeats)[0]


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]], title: str | None = None,
                 align: str = "") -> str:
    """Columns as wide as their longest cell, two spaces apart, a dashed rule under the header.

    ``align`` holds one letter per column, ``"l"`` or ``"r"``; columns it does not
    cover are left-aligned. ``title``, when given, is the first line.
    """
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    align = align.ljust(len(header), "l")

    def fmt(row: Sequence[str]) -> str:
        cells = (str(c).rjust(w) if a == "r" else str(c).ljust(w) for c, w, a in zip(row, widths, align, strict=True))
        return "  ".join(cells).rstrip()

    lines = [fmt(header), "  ".join("-" * w for w in widths), *(fmt(r) for r in rows)]
    return "\n".join(lines if title is None else [title, *lines])


def parse_args(argv: Sequence[str] | None, doc: str, *, threads: bool = False,
               repeats: bool = False) -> argparse.Namespace:
    """The scripts' command line: ``--quick``, and ``--threads N`` / ``--repeats N`` where they take them."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, a few seconds (the tests' smoke run)")
    if threads:
        parser.add_argument("--threads", type=int, default=None,
                            help="limit the BLAS/OpenMP threads of both libraries (default: no limit)")
    if repeats:
        parser.add_argument("--repeats", type=int, default=None, help="repeats per timing (the best is kept)")
    return parser.parse_args(argv)
