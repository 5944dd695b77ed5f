"""The book as one PDF per language (tools/pdf.py, `make pdf`): headings, pages, fonts, and a page to look at.

The PDFs are printed in one pass (``--draft``: the table of contents without page numbers), half
the cost of `make pdf`'s two; every other part of the document is the same, and `make pdf` checks
its own page numbers after the second pass.
"""
from __future__ import annotations

import html as html_module
import re
import shutil
import subprocess
import sys
import time

import pytest

from conftest import LANGS, OUTPUT, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import pdf as book  # noqa: E402

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def book_pdfs(built_site):
    # Printed from a copy: the other test process reads the built site meanwhile (tools/pdf.py adds
    # the PDFs and, while printing, a temporary page to the folder it prints from).
    site = OUTPUT / "site-pdf"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(built_site, site)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "tools/pdf.py", "--draft", "--site-dir", str(site)], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    print(f"PDFs printed in {time.perf_counter() - start:.1f} s")
    return {lang: site / lang / "downloads" / f"mlnotes-{lang}.pdf" for lang in LANGS}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_each_language_has_a_pdf_with_every_chapter_heading_and_a_page_per_section(book_pdfs, built_site):
    for lang, pdf in book_pdfs.items():
        assert pdf.is_file() and pdf.stat().st_size > 100_000
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
        chapters = book.chapters(lang)
        sections = [(title, path) for _, entries in chapters for title, path in entries]
        assert pages >= len(sections) + len(chapters) + 2, f"{lang}: only {pages} pages"
        flat, per_page = _squash(text), text.split("\f")
        for chapter, _ in chapters:
            assert _squash(chapter) in flat, f"{lang}: chapter {chapter!r} missing from the PDF"
        starts = set()
        for title, path in sections:
            html = (built_site / lang / book.page_dir(path) / "index.html").read_text(encoding="utf-8")
            for heading in re.findall(r"<h[12] id=[^>]*>(.*?)</h[12]>", html, re.S):
                words = html_module.unescape(re.sub(r"<[^>]+>|&para;", "", heading))
                assert _squash(words) in flat, f"{lang}: heading {words!r} of {path} missing from the PDF"
            assert _squash(title) in flat
            first = next(i for i, p in enumerate(per_page) if i >= 2 and _squash(p).startswith(_squash(
                re.sub(r"<[^>]+>|&para;", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)))))
            starts.add(first)
        assert len(starts) == len(sections), f"{lang}: sections do not start on pages of their own"
        home = (built_site / lang / "index.html").read_text(encoding="utf-8")
        assert f'href="downloads/{pdf.name}"' in home, f"{lang}: the home page does not link the PDF"


def test_every_font_is_embedded_and_a_page_renders(book_pdfs):
    for lang, pdf in book_pdfs.items():
        fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows, f"{lang}: no fonts listed"
        for row in rows:  # name, type, encoding, emb, sub, uni, object, ID: "emb" is fifth from the end
            assert row.split()[-5] == "yes", f"{lang}: font not embedded: {row}"
        if lang == "zh":
            assert any(re.search(r"WenQuanYi|CJK|Han ?Sans|SimHei|YaHei|PingFang", r) for r in rows), fonts
        # The first page of 1.1 (Chinese or English text, math, a figure): look at it in test-output/pdf/.
        out = OUTPUT / "pdf"
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "4", "-l", "4", "-singlefile", str(pdf),
                        str(out / f"{lang}-page4")], check=True)
        assert (out / f"{lang}-page4.png").stat().st_size > 10_000
