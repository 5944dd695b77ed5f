"""Every chapter page in a reader's browser: its figures load and show, its math is set in the shipped font."""
from __future__ import annotations

import re

import pytest

from browser_support import CHAPTER_PAGES, open_page, shot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_path", CHAPTER_PAGES)
def test_every_chapter_page_shows_its_figures(page, server, built_site, lang, page_path):
    """Each chapter page, in each language: every figure drawn by code is rendered and visible."""
    html = (built_site / lang / page_path / "index.html").read_text(encoding="utf-8")
    expected = re.findall(r'<figure class="mlnotes-figure" id="(fig-[a-z0-9-]+)"', html)
    assert expected, f"{lang}/{page_path} has no figure"
    open_page(page, f"{server}/{lang}/{page_path}/")
    for fig_id in expected:
        img = page.locator(f"#{fig_id} img")  # the figure's SVG file, loaded lazily
        assert img.count() == 1, f"{fig_id}: no image"
        img.scroll_into_view_if_needed()
        img.evaluate("i => i.decode()")  # rejects if the SVG cannot be loaded or decoded
        assert img.evaluate("i => i.complete && i.naturalWidth > 0"), f"{lang}/{page_path}: {fig_id} did not load"
        box = img.bounding_box()
        assert box and box["width"] > 150 and box["height"] > 50, f"{lang}/{page_path}: {fig_id} not visible ({box})"
    assert "\ufffd" not in page.locator("article").inner_text(), "replacement characters on the page"
    shot(page, f"{lang}-{page_path.replace('/', '-')}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_math_uses_the_shipped_font_and_subscripts_drop(page, mirror, lang):
    """h_{t-1}: the subscript sits visibly below its base, drawn with the site's own math font."""
    open_page(page, f"{mirror}/{lang}/ch2/history/")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("""() => [...document.fonts].some(f => f.family.includes('mlnotes STIX Math') && f.status === 'loaded')""")
    boxes = page.evaluate("""() => [...document.querySelectorAll('article msub')].filter(
        s => s.children[0].textContent === 'h' && s.children[1].textContent.startsWith('t')).map(s => {
          const b = s.children[0].getBoundingClientRect(), u = s.children[1].getBoundingClientRect();
          return {baseTop: b.top, baseBottom: b.bottom, subTop: u.top, subBottom: u.bottom, subHeight: u.height};
        })""")
    assert boxes, "no h_t subscript on the page"
    for box in boxes:
        assert box["subBottom"] > box["baseBottom"] + 0.2 * box["subHeight"], box
        assert box["subTop"] > box["baseTop"] + 0.3 * (box["baseBottom"] - box["baseTop"]), box
