"""The book's two languages: which one a page is being built in, and labels in both.

[`tr`][mlnotes.book.i18n.tr] picks the Chinese or English string of a label from the
``MLNOTES_LANG`` environment variable, which the site build sets per language (see
``tools/hooks/config.py``); a notebook or script chooses with
[`set_language`][mlnotes.book.i18n.set_language]. Used by every page's code blocks.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["LANGUAGES", "current_language", "set_language", "language", "tr"]

LANGUAGES = ("zh", "en")
_ENV = "MLNOTES_LANG"


def current_language() -> str:
    """The language figures are labelled in: ``"zh"`` or ``"en"`` (default ``"en"``).

    Examples
    --------
    >>> with language("zh"):
    ...     current_language()
    'zh'
    """
    lang = os.environ.get(_ENV, "en")
    return lang if lang in LANGUAGES else "en"


def set_language(lang: str) -> None:
    """Set the language of figure labels for this process (``"zh"`` or ``"en"``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}.")
    os.environ[_ENV] = lang


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Temporarily switch the figure language (a context manager)."""
    old = os.environ.get(_ENV)
    set_language(lang)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(_ENV, None)
        else:
            os.environ[_ENV] = old


def tr(zh: str, en: str) -> str:
    """Return ``zh`` or ``en`` according to [`current_language`][mlnotes.book.i18n.current_language].

    Examples
    --------
    >>> with language("en"):
    ...     tr("特征", "feature")
    'feature'
    """
    for name, text in (("zh", zh), ("en", en)):
        if not isinstance(text, str):
            raise TypeError(f"tr needs two strings; {name} is {text!r} of type {type(text).__name__}.")
    return zh if current_language() == "zh" else en
