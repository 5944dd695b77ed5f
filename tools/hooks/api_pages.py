"""Which modules of ``mlnotes`` get an API reference page, and where (a plain module, no MkDocs).

The library's public modules come first, one page each (a subpackage such as ``mlnotes.nn`` is
documented through its ``__init__``); the book layer ``mlnotes.book`` follows in a section of
its own, one page per module, so a chapter experiment is never mistaken for library API.
Used by the ``config`` hook (pages and nav) and the ``api_links`` hook (code-block links).
"""

from __future__ import annotations

import importlib
import pkgutil

PACKAGE = "mlnotes"
BOOK = "book"  # the book layer: chapter code, documented apart from the library


def public_modules() -> list[str]:
    """Dotted names of the public modules of the ``mlnotes`` library (one API page each).

    Top-level modules and subpackages whose names do not start with ``_``, except the book
    layer (`book_modules`); a subpackage's own modules are documented through its ``__init__``.
    """
    pkg = importlib.import_module(PACKAGE)
    names = [f"{PACKAGE}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)
             if not m.name.startswith("_") and m.name != BOOK]
    return sorted(names)


def book_modules() -> list[str]:
    """Dotted names of the modules of the book layer ``mlnotes.book`` (one API page each, in their own section)."""
    pkg = importlib.import_module(f"{PACKAGE}.{BOOK}")
    return sorted(f"{PACKAGE}.{BOOK}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__) if not m.name.startswith("_"))


def api_module(module: str) -> str | None:
    """The module whose API page documents the names importable from ``module``.

    ``mlnotes.nn.conv`` -> ``mlnotes.nn`` (a library subpackage is documented through its
    ``__init__``); ``mlnotes.book.render`` -> itself (each book module has its own page).
    """
    parts = module.split(".")
    if parts[0] != PACKAGE or len(parts) < 2:
        return None
    depth = 3 if parts[1] == BOOK else 2
    return ".".join(parts[:depth]) if len(parts) >= depth else None

def api_path(module: str) -> str:
    """``mlnotes.nn`` -> ``api/nn.md``."""
    return "api/" + module.split(".", 1)[1].replace(".", "/") + ".md"


