"""Full-page screenshots of the built site, to look at: both languages, desktop and phone width.

    python tools/screenshots.py [--site-dir site] [--lang zh] [--width 390] [PAGE ...]

``PAGE`` is a page's path below its language folder (``ch4/convolution``, ``api/nn``, ``.`` for
the home page); without one, every page. Each page is opened in Debian's Chromium (Playwright,
``/usr/bin/chromium`` or ``MLNOTES_CHROMIUM``) at 1280 and 390 px, its lazily loaded figures are
loaded, and the whole page is written to ``test-output/screenshots/pages/<lang>-<width>-<page>.png``
(``<page>``: the path with ``-`` for ``/``, ``home`` for the home page; a long page in parts of
2000 px: ``...-2.png``, ...). ``make screenshots`` builds the site first. The browser tests check
what can be checked; this is for a reader's eyes.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from pdf import CHROMIUM
from static_server import serve

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {1280: 900, 390: 844}  # viewport width -> height (a desktop window, a phone)
OUT = ROOT / "test-output" / "screenshots" / "pages"
PART = 2_000  # px: a long page in parts an image viewer can show at full size

# Every image of the page loaded now rather than when scrolled to; one that fails is left as it is
# (the browser tests check the figures), and none is waited for longer than 10 s.
LOAD_FIGURES = """async () => {
    const imgs = [...document.querySelectorAll('img')];
    imgs.forEach(img => { img.loading = 'eager'; });
    let timer;
    const late = new Promise(done => { timer = setTimeout(done, 10000); });
    await Promise.race([Promise.all(imgs.map(img => img.decode().catch(() => null))), late]);
    clearTimeout(timer);
}"""


def pages(site: Path, lang: str) -> list[str]:
    """Every page of one language, as its folder below ``site/<lang>`` (``.`` for the home page)."""
    return sorted(p.parent.relative_to(site / lang).as_posix() for p in (site / lang).rglob("index.html"))


def _screenshot(page, name: Path) -> list[Path]:
    """The whole page as ``<name>.png``; a page taller than `PART` px in parts ``<name>-2.png``, ..."""
    for old in name.parent.glob(name.name + "*.png"):  # an earlier, longer version's parts
        if re.fullmatch(re.escape(name.name) + r"(-\d+)?\.png", old.name):
            old.unlink()
    height = page.evaluate("document.documentElement.scrollHeight")
    width = page.viewport_size["width"]
    shots = []
    for i, top in enumerate(range(0, height, PART)):
        shot = name.with_name(name.name + (f"-{i + 1}" if i else "") + ".png")
        clip = {"x": 0, "y": top, "width": width, "height": min(PART, height - top)}
        page.screenshot(path=str(shot), full_page=True, clip=clip)
        shots.append(shot)
    return shots


def shoot(site: Path, langs: list[str], widths: list[int], wanted: list[str]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    todo = {lang: [w.strip("/") or "." for w in wanted] or pages(site, lang) for lang in langs}
    missing = [f"{lang}/{path}/" for lang, paths in todo.items() for path in paths
               if not (site / lang / path / "index.html").is_file()]
    if missing:
        raise SystemExit(f"no such page in {site} (run `make build` first?): {', '.join(missing)}")
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for lang, paths in todo.items():
                for width in widths:
                    page = browser.new_page(viewport={"width": width, "height": WIDTHS[width]})
                    for path in paths:
                        page.goto(f"{base}/{lang}/{'' if path == '.' else path + '/'}", wait_until="load")
                        page.evaluate(LOAD_FIGURES)
                        name = OUT / f"{lang}-{width}-{'home' if path == '.' else path.replace('/', '-')}"
                        written += _screenshot(page, name)
                    page.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", metavar="PAGE", help="e.g. ch4/convolution (default: every page)")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--lang", action="append", choices=["zh", "en"])
    parser.add_argument("--width", action="append", type=int, choices=sorted(WIDTHS))
    args = parser.parse_args(argv)
    start = time.perf_counter()
    written = shoot(args.site_dir, args.lang or ["zh", "en"], args.width or sorted(WIDTHS, reverse=True), args.pages)
    print(f"{len(written)} screenshots in {OUT.relative_to(ROOT)}/ ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
