"""Page weight and load time of the built site: HTML bytes, gzipped bytes, DOM nodes and DOMContentLoaded per page.

    python benchmarks/bench_pages.py [--site-dir site] [--pages ch4/convolution ...] [--repeats 3]

Serves ``--site-dir`` (built by ``python tools/site.py build``) on a free port of 127.0.0.1 and
opens every chapter page of both languages in headless Chromium (Debian's ``/usr/bin/chromium``,
or ``MLNOTES_CHROMIUM``) at 1280×900, with a cold cache for each load. DOMContentLoaded is
``performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd`` (ms since the start of
the navigation), the best of ``--repeats`` loads. The search index is listed too (every first visit
loads it).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import socket
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import format_table  # noqa: E402

import argparse  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("MLNOTES_CHROMIUM", "/usr/bin/chromium")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a page closed mid-transfer is not an error here
        pass


def chapter_pages() -> list[str]:
    return sorted(str(p.relative_to(ROOT / "docs" / "zh").with_suffix("")) for p in (ROOT / "docs" / "zh").glob("ch*/*.md"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--pages", nargs="*", default=None, help="page paths such as ch4/convolution (default: all)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one load per page")
    args = parser.parse_args(argv)
    site = args.site_dir.resolve()
    if not (site / "zh" / "index.html").is_file():
        print(f"{site} holds no built site: run 'python tools/site.py build' first (skipping)")
        return 0
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    httpd = _Server(("127.0.0.1", port), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    repeats = 1 if args.quick else args.repeats
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for lang in ("zh", "en"):
                for page_path in args.pages or chapter_pages():
                    html = (site / lang / page_path / "index.html").read_bytes()
                    best, nodes = float("inf"), 0
                    for _ in range(repeats):
                        context = browser.new_context(viewport={"width": 1280, "height": 900})
                        pg = context.new_page()
                        pg.goto(f"http://127.0.0.1:{port}/{lang}/{page_path}/", wait_until="domcontentloaded")
                        dcl = pg.evaluate('performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd')
                        nodes = pg.evaluate("document.getElementsByTagName('*').length")
                        best = min(best, dcl)
                        context.close()
                    rows.append([f"{lang}/{page_path}", f"{len(html) / 1024:.0f}", f"{len(gzip.compress(html)) / 1024:.0f}",
                                 str(nodes), f"{best:.0f}"])
            browser.close()
    finally:
        httpd.shutdown()
    for lang in ("zh", "en"):
        index = (site / lang / "search" / "search_index.json").read_bytes()
        rows.append([f"{lang}/search_index.json", f"{len(index) / 1024:.0f}",
                     f"{len(gzip.compress(index)) / 1024:.0f}", "", ""])
    print(format_table(["page", "HTML KB", "gzip KB", "DOM nodes", "DCL ms"], rows,
                       title=f"page weight and DOMContentLoaded ({site}, best of {repeats})", align="lrrrr"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
