"""Every chapter page in a reader's browser: its figures load, show and can be read on a desktop and a phone;
its math is set in the shipped font."""
from __future__ import annotations

import re

import pytest

from browser_support import CHAPTER_PAGES, MIN_LABEL_PX, open_page

pytestmark = pytest.mark.browser


# Every figure of the page, one after the other as a reader scrolls to it (its SVG file loads
# lazily): whether it loads and decodes, and the box it is drawn in.
SHOW_FIGURES = """async ids => {
    const shown = [];
    for (const id of ids) {
        const imgs = document.querySelectorAll(`#${id} img`);
        if (imgs.length !== 1) { shown.push({id, error: `${imgs.length} images`}); continue; }
        const img = imgs[0];
        img.scrollIntoView({block: 'center'});
        let timer, error = null;
        const late = new Promise((_, fail) => { timer = setTimeout(() => fail(new Error('not decoded within 10 s')), 10000); });
        try { await Promise.race([img.decode(), late]); } catch (e) { error = String(e); } finally { clearTimeout(timer); }
        const box = img.getBoundingClientRect();
        shown.push({id, error, loaded: img.complete && img.naturalWidth > 0, width: box.width, height: box.height});
    }
    return shown;
}"""

# Text in the figures is drawn as paths: each SVG records its smallest font size (pt) and its natural
# width (pt) at render time (mlnotes.book.render.to_svg); the reader sees them scaled by the rendered width.
# Measured in a window narrowed from 1280 to 390 px, which lays the page out as a fresh load at 390 px
# does as long as no script sizes things once, on load (test_a_narrowed_window_measures_what_a_phone_loads).
LABEL_PX = """() => [...document.querySelectorAll('figure.mlnotes-figure img[data-min-font-pt]')].map(svg => [
    svg.closest('figure').id, +svg.dataset.minFontPt * svg.getBoundingClientRect().width / +svg.dataset.widthPt])"""


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_path", CHAPTER_PAGES)
def test_every_chapter_page_shows_readable_figures_on_desktop_and_phone(page, server, built_site, lang, page_path):
    """Each chapter page, in each language, at 1280 px: every figure drawn by code loads and is visible, and
    its smallest label is >= 9 CSS px. Then at 390 px (the same page, the window narrowed): the labels are
    still >= 9 px (a figure scrolls sideways rather than shrink) and the page does not scroll sideways.
    A narrowed window measures what a fresh load at 390 px does (the next test; every label size and page
    width of every chapter page agreed to the last digit when this test was written)."""
    html = (built_site / lang / page_path / "index.html").read_text(encoding="utf-8")
    expected = re.findall(r'<figure class="mlnotes-figure" id="(fig-[a-z0-9-]+)"', html)
    assert expected, f"{lang}/{page_path} has no figure"
    open_page(page, f"{server}/{lang}/{page_path}/")
    for fig in page.evaluate(SHOW_FIGURES, expected):
        assert fig["error"] is None and fig["loaded"], f"{lang}/{page_path}: {fig['id']} did not load ({fig})"
        assert fig["width"] > 150 and fig["height"] > 50, f"{lang}/{page_path}: {fig['id']} not visible ({fig})"
    assert "\ufffd" not in page.locator("article").inner_text(), "replacement characters on the page"
    for width, height in [(1280, 900), (390, 844)]:
        page.set_viewport_size({"width": width, "height": height})  # 1280: the window it was opened in
        labels = dict(page.evaluate(LABEL_PX))
        assert sorted(labels) == sorted(expected), f"{lang}/{page_path}: figures without a recorded label size"
        small = {fig_id: round(px, 2) for fig_id, px in labels.items() if px < MIN_LABEL_PX}
        assert not small, f"{lang}/{page_path} at {width} px: labels below {MIN_LABEL_PX} px: {small}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{lang}/{page_path} wider than a phone"


def test_a_narrowed_window_measures_what_a_phone_loads(browser, server):
    """The page with the most figures, opened at 1280 px and narrowed to 390 px, measures every label
    size and its own width exactly as the same page opened at 390 px (what the test above relies on)."""
    measure = f"() => ({{labels: ({LABEL_PX})(), width: document.documentElement.scrollWidth}})"
    url = f"{server}/zh/ch4/convolution/"
    seen = {}
    for opened, measured in [(1280, 390), (390, 390)]:
        context = browser.new_context(viewport={"width": opened, "height": 844})
        pg = context.new_page()
        open_page(pg, url)
        pg.set_viewport_size({"width": measured, "height": 844})
        seen[opened] = pg.evaluate(measure)
        context.close()
    assert len(seen[390]["labels"]) >= 10
    assert seen[1280] == seen[390]


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
