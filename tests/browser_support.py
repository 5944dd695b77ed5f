"""What the browser tests share besides their fixtures (``browser`` and ``page``, in conftest.py).

The tests are split over files so that ``pytest -n`` runs them in several processes (each file
stays in one, see the Makefile).
"""
from __future__ import annotations

from conftest import OUTPUT, ROOT

SHOTS = OUTPUT / "screenshots"


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_page(pg, url: str) -> None:
    pg.goto(url)
    pg.wait_for_load_state("networkidle")


def switch_language(pg, dst: str) -> None:
    pg.hover(".md-header__option .md-select")
    pg.click(f'a.md-select__link[hreflang="{dst}"]')


CHAPTER_PAGES = sorted(str(p.relative_to(ROOT / "docs" / "zh").with_suffix("")).replace("\\", "/")
                       for p in (ROOT / "docs" / "zh").glob("ch*/*.md"))
