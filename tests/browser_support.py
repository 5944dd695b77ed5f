"""What the browser tests share besides their fixtures (``browser`` and ``page``, in conftest.py).

The tests are split over files so that ``pytest -n`` runs them in several processes (each file
stays in one, see the Makefile).
"""
from __future__ import annotations

from conftest import OUTPUT, ROOT
from mlnotes.book.render import MIN_LABEL_PX  # noqa: F401  the smallest label a reader is shown (CSS px)

SHOTS = OUTPUT / "screenshots"


def shot(pg, name: str) -> None:
    """The whole page as test-output/screenshots/<name>.png, to look at (every page: tools/screenshots.py)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_page(pg, url: str) -> None:
    """Open ``url`` and wait for its ``load`` event (page, scripts, styles and the images in view)."""
    pg.goto(url, wait_until="load")


def switch_language(pg, dst: str) -> None:
    pg.hover(".md-header__option .md-select")
    pg.click(f'a.md-select__link[hreflang="{dst}"]')


CHAPTER_PAGES = sorted(str(p.relative_to(ROOT / "docs" / "zh").with_suffix("")).replace("\\", "/")
                       for p in (ROOT / "docs" / "zh").glob("ch*/*.md"))
