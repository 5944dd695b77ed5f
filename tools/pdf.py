"""The whole book as one PDF per language, printed by Chromium from the built site.

    python tools/pdf.py [--site-dir site] [--lang zh --lang en]

Reads the built chapter pages of ``site/<lang>/`` in navigation order (``mkdocs.yml``,
``mkdocs.en.yml``), puts their article content into one HTML document with a title page and a
table of contents (chapters and sections, linked), styled by the site's own stylesheets, and has
Debian's Chromium (Playwright, ``/usr/bin/chromium``, offline: every request that is not a local
file is aborted) print it: A4, page numbers in the footer, the PDF outline (bookmarks) from the
headings, figures as the pages' vector SVG, math as the pages' MathML, Chinese in the system's CJK
font; Chromium embeds (subsets of) every font it uses. Output:
``site/<lang>/downloads/mlnotes-<lang>.pdf``; the home page of each language links it
(`tools/hooks/downloads.py`). WeasyPrint is not used: it cannot render MathML.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
CHROMIUM = os.environ.get("MLNOTES_CHROMIUM", "/usr/bin/chromium")  # Debian's, as in the tests
PRINT_PAGE = "_book-print.html"

TEXT = {
    "zh": {"toc": "目录", "subtitle": "可执行的双语教材 · 第一至四章", "code": "每个数字和每张图都由书中代码在构建时生成。"},
    "en": {"toc": "Contents", "subtitle": "An executable bilingual textbook · chapters 1–4",
           "code": "Every number and figure was produced by the book's code when it was built."},
}

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?:\.\./)*([^"]+)"')
_HREF = re.compile(r'\b(href)="([^"#][^"]*)"')
_SRC = re.compile(r'\b(src)="(?!data:)([^"]+)"')  # figure images: read from the built files
_ID = re.compile(r'\b(id|for|name)="(__[a-z]+_[^"]*)"')

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { font-size: 112%; }
body { margin: 0; background: #fff; }
.md-typeset { font-size: .74rem; }
.book-title { page-break-after: always; padding-top: 30vh; text-align: center; }
.book-title h1 { font-size: 2.2rem; margin-bottom: .5em; color: inherit; }
.book-toc { page-break-after: always; }
.md-typeset .book-toc ol { list-style: none; padding-left: 0; margin-left: 0; }
.md-typeset .book-toc ol li { list-style: none; margin-left: 0; }
.md-typeset .book-toc ol ol { padding-left: 1.5em; }
.md-typeset .book-toc a { color: inherit; text-decoration: none; display: flex; }
.md-typeset .book-toc a .toc-title { flex: 0 1 auto; }
.md-typeset .book-toc a .toc-dots { flex: 1 1 auto; border-bottom: 1px dotted #999; margin: 0 .4em .35em; }
.md-typeset .book-toc a .toc-page { flex: 0 0 auto; font-variant-numeric: tabular-nums; }
.book-chapter { page-break-before: always; }
.book-chapter > h1.book-chapter-title { font-size: 1.9rem; color: inherit; margin-top: 30vh; }
.book-page { page-break-before: always; }
.md-typeset .mlnotes-downloads, .md-typeset .headerlink, .md-typeset .md-clipboard { display: none; }
.md-typeset figure, .md-typeset svg, .md-typeset .highlight, .md-typeset table { break-inside: avoid; }
.md-typeset h1, .md-typeset h2, .md-typeset h3 { break-after: avoid; }
/* A block's result and its code one after the other (on paper there are no tabs to click). */
.md-typeset .tabbed-set, .md-typeset .tabbed-content, .md-typeset .tabbed-block { display: block; }
.md-typeset .tabbed-labels { display: none; }
"""


def chapters(lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(chapter title, [(section title, page path), ...]), ...] from the language's nav."""
    nav = yaml.safe_load(CONFIGS[lang].read_text(encoding="utf-8"))["nav"]
    result = []
    for item in nav:
        (title, value), = item.items()
        if isinstance(value, list):
            result.append((title, [next(iter(entry.items())) for entry in value]))
    return result


def page_dir(md_path: str) -> str:
    """``ch1/overview.md`` -> ``ch1/overview/``."""
    return re.sub(r"\.md$", "/", md_path)


def _page_content(site: Path, md_path: str, number: int, site_url: str) -> str:
    """The article of one built page, its links absolute, its tab/line ids unique in the book."""
    text = (site / page_dir(md_path) / "index.html").read_text(encoding="utf-8")
    found = _ARTICLE.search(text)
    if not found:
        raise SystemExit(f"{md_path}: no <article> in the built page; build the site first.")
    content = found.group(1).replace('loading="lazy"', 'loading="eager"')  # paper shows every figure
    base = urljoin(site_url, page_dir(md_path))
    content = _HREF.sub(lambda m: f'{m.group(1)}="{urljoin(base, m.group(2))}"', content)
    files = (site / page_dir(md_path)).resolve().as_uri() + "/"
    content = _SRC.sub(lambda m: f'{m.group(1)}="{urljoin(files, m.group(2))}"', content)
    return _ID.sub(lambda m: f'{m.group(1)}="p{number}{m.group(2)}"', content)


def _toc_entry(anchor: str, title: str) -> str:
    # "000": as wide as any page number, filled in by the second pass without moving anything.
    return (f'<a href="#{anchor}"><span class="toc-title">{html.escape(title)}</span><span class="toc-dots"></span>'
            f'<span class="toc-page" data-anchor="{anchor}">000</span></a>')


def book_html(site: Path, lang: str, site_url: str) -> tuple[str, list[tuple[str, str]]]:
    """The printable HTML of the whole book (written into ``site/<lang>/`` so its assets resolve).

    Also returns, in order, each anchor (``chapter-<n>``, ``page-<n>``) with the heading its first
    PDF page starts with, for `page_numbers`.
    """
    t = TEXT[lang]
    first_page = (site / "index.html").read_text(encoding="utf-8")
    sheets = _STYLESHEET.findall(first_page)
    title = html.escape(yaml.safe_load(CONFIGS[lang].read_text(encoding="utf-8")).get("site_name", "mlnotes"))
    toc, body, number, starts = [], [], 0, []
    for c, (chapter, pages) in enumerate(chapters(lang), start=1):
        items = []
        starts.append((f"chapter-{c}", chapter))
        body.append(f'<section class="book-chapter" id="chapter-{c}"><h1 class="book-chapter-title">'
                    f"{html.escape(chapter)}</h1></section>")
        for section, md_path in pages:
            number += 1
            items.append(f"<li>{_toc_entry(f'page-{number}', section)}</li>")
            content = _page_content(site, md_path, number, site_url)
            heading = re.search(r"<h1\b[^>]*>(.*?)</h1>", content, re.S)
            starts.append((f"page-{number}", html.unescape(re.sub(r"<[^>]+>", "", heading.group(1) if heading else "")).replace("¶", "")))
            body.append(f'<section class="book-page md-typeset" id="page-{number}">{content}</section>')
        toc.append(f"<li>{_toc_entry(f'chapter-{c}', chapter)}<ol>{''.join(items)}</ol></li>")
    links = "\n".join(f'<link rel="stylesheet" href="{s}">' for s in sheets)
    return (f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
{links}
<style>{PRINT_CSS}</style>
</head>
<body dir="ltr" data-md-color-scheme="default">
<div class="md-typeset">
<section class="book-title"><h1>{title}</h1><p>{t['subtitle']}</p><p>{t['code']}</p></section>
<nav class="book-toc"><h1>{t['toc']}</h1><ol>{''.join(toc)}</ol></nav>
</div>
{''.join(body)}
</body>
</html>
""", starts)


def _site_url(site: Path) -> str:
    """The site URL the pages were built for (their canonical link), to make links absolute."""
    text = (site / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<link rel="canonical" href="([^"]+)"', text)
    return m.group(1) if m else ""


def page_numbers(pdf: Path, starts: list[tuple[str, str]]) -> dict[str, int]:
    """The PDF page on which each anchor starts: the first page, in order, whose text begins with its heading."""
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    numbers, at = {}, 0
    squash = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    for anchor, heading in starts:
        want = squash(heading)
        while at < len(pages) and not squash(pages[at]).startswith(want):
            at += 1
        if at == len(pages):
            raise SystemExit(f"{pdf.name}: cannot find the page where {heading!r} starts")
        numbers[anchor] = at + 1
    return numbers


PDF_OPTIONS = dict(
    format="A4", print_background=True, display_header_footer=True, outline=True, tagged=True,
    header_template="<span></span>",
    footer_template=('<div style="width:100%;font-size:8px;color:#555;text-align:center;">'
                     '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'),
    margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
)
FILL_TOC = """numbers => document.querySelectorAll(".toc-page[data-anchor]").forEach(
    span => { span.textContent = String(numbers[span.dataset.anchor]); })"""
HIDE_TOC_NUMBERS = """() => document.querySelectorAll(".toc-page, .toc-dots").forEach(e => e.remove())"""


def render(site_dir: Path, languages: list[str], *, draft: bool = False) -> dict[str, Path]:
    """Print the book of each language to ``site/<lang>/downloads/mlnotes-<lang>.pdf``.

    The languages are printed at the same time, each by its own Chromium (in a thread of its own:
    Playwright's API is per thread): on two cores, 24 s for both books against 43 s one after the other.
    """
    from concurrent.futures import ThreadPoolExecutor

    languages = list(dict.fromkeys(languages))  # each once: a language's print page is its own file
    with ThreadPoolExecutor(max_workers=len(languages) or 1) as pool:
        jobs = {lang: pool.submit(_render_one, site_dir, lang, draft) for lang in languages}
        return {lang: job.result() for lang, job in jobs.items()}


def _render_one(site_dir: Path, lang: str, draft: bool) -> Path:
    """Print one language's book.

    Two passes over one loaded document: the first finds the page each chapter and section starts
    on (``pdftotext``), the second prints the table of contents with those numbers (same width as
    the placeholders, so nothing moves; checked). ``draft``: one pass, no numbers in the table of
    contents (what the tests use: everything else is the same).
    """
    from playwright.sync_api import sync_playwright

    site = site_dir / lang
    pdf = site / "downloads" / f"mlnotes-{lang}.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    document, starts = book_html(site, lang, _site_url(site))
    page_file = site / PRINT_PAGE
    page_file.write_text(document, encoding="utf-8")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                page = browser.new_page()
                page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                           else route.abort())
                page.goto(page_file.resolve().as_uri(), wait_until="load")
                page.emulate_media(media="print")
                if draft:
                    page.evaluate(HIDE_TOC_NUMBERS)
                    page.pdf(path=str(pdf), **PDF_OPTIONS)
                else:
                    first = pdf.with_suffix(".pass1.pdf")
                    page.pdf(path=str(first), **PDF_OPTIONS)
                    numbers = page_numbers(first, starts)
                    first.unlink()
                    page.evaluate(FILL_TOC, numbers)
                    page.pdf(path=str(pdf), **PDF_OPTIONS)
                    if page_numbers(pdf, starts) != numbers:
                        raise SystemExit(f"{pdf.name}: the table of contents moved pages between the passes")
            finally:
                browser.close()
    finally:
        page_file.unlink(missing_ok=True)
    return pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--lang", action="append", choices=sorted(CONFIGS))
    parser.add_argument("--draft", action="store_true", help="one pass, no page numbers in the table of contents")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    for lang, pdf in render(args.site_dir, args.lang or list(CONFIGS), draft=args.draft).items():
        print(f"{lang}: {pdf} ({pdf.stat().st_size / 1e6:.1f} MB)")
    print(f"PDFs in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
