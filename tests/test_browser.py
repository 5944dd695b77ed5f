"""The site as a reader uses it: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright."""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from browser_support import CHAPTER_PAGES, MIN_LABEL_PX, SHOTS, open_page, shot, switch_language

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("src, dst", [("zh", "en"), ("en", "zh")])
@pytest.mark.parametrize("path, section", [
    ("ch3/activations/", "sec-3-3-2"),             # a numbered section of a chapter page
    ("ch4/convolution/", "sec-4-2-2-p6"),          # an unnumbered sub-section
    ("api/linear_model/", "mlnotes.linear_model.LogisticRegression"),  # an entry of an API page
])
def test_language_switch_keeps_page_and_section_anywhere(page, mirror, src, dst, path, section):
    """Served on another port than the build origin and under a sub-path, the switch keeps page and section."""
    open_page(page, f"{mirror}/{src}/{path}#{section}")
    switch_language(page, dst)
    page.wait_for_url(f"{mirror}/{dst}/{path}#{section}", timeout=10_000)
    assert page.locator(f'[id="{section}"]').count() == 1


def test_language_switch_follows_the_section_being_read(page, mirror):
    """Scrolling to a section puts it in the address bar (navigation.tracking), so the switch keeps it."""
    open_page(page, f"{mirror}/zh/ch3/activations/")
    page.wait_for_load_state("networkidle")  # as a reader does, scroll once the page has settled
    page.evaluate("document.getElementById('sec-3-3-3').scrollIntoView()")
    page.mouse.wheel(0, 40)
    page.wait_for_function("location.hash === '#sec-3-3-3'", timeout=5_000)
    switch_language(page, "en")
    page.wait_for_url(f"{mirror}/en/ch3/activations/#sec-3-3-3", timeout=10_000)


def test_colour_scheme_is_shared_by_both_languages(page, mirror):
    open_page(page, f"{mirror}/en/ch1/overview/")
    page.locator("form[data-md-component=palette] label:visible").first.click()  # to dark
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    open_page(page, f"{mirror}/zh/ch3/neuron/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"


def search(pg, query: str) -> list[str]:
    box = pg.locator("input.md-search__input")
    box.click()
    box.fill(query)  # Chinese arrives as composed text (like an IME) ...
    box.press("End")  # ... and Material searches on the key event that follows
    pg.wait_for_selector(".md-search-result__item a", timeout=15_000)
    return [a.get_attribute("href") for a in pg.locator(".md-search-result__item a").all()]


def test_chinese_search_finds_the_page(page, server):
    open_page(page, f"{server}/zh/")
    hrefs = search(page, "过拟合")
    shot(page, "zh-search")
    assert any("ch1/overview/" in h for h in hrefs), hrefs


def test_english_search_finds_the_api_page(page, server):
    open_page(page, f"{server}/en/")
    hrefs = search(page, "LinearRegression")
    shot(page, "en-search")
    assert any("api/linear_model/" in h for h in hrefs), hrefs


@pytest.mark.parametrize("lang, label", [("zh", "参数"), ("en", "Parameters")])
def test_api_page_labels_follow_the_language(page, server, lang, label):
    open_page(page, f"{server}/{lang}/api/linear_model/")
    page.wait_for_load_state("networkidle")  # every request of an API page is checked (the page fixture)
    text = page.locator("article").inner_text()
    assert label in text
    assert ("Parameters" in text) == (lang == "en")
    shot(page, f"{lang}-api-linear_model")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_page_figures_and_math_render(page, server, lang):
    open_page(page, f"{server}/{lang}/ch1/overview/")
    page.wait_for_load_state("networkidle")  # every request of a chapter page is checked (the page fixture)
    figure = page.locator("#fig-ch1-overview-line-fit-figure img")
    figure.scroll_into_view_if_needed()
    box = figure.bounding_box()
    assert figure.is_visible() and box and box["width"] > 400 and box["height"] > 200
    maths = page.locator("article math")
    assert maths.count() >= 3 and maths.first.bounding_box()["width"] > 5
    text = page.locator("article").inner_text()
    assert not re.search(r"\$[^$\n]+\$|\\\(|\\\[", text), "raw LaTeX left on the page"
    assert re.search(r"f\(4\) = (8|9)\.\d{3}", text)
    shot(page, f"{lang}-ch1-overview")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_page(page, server, lang):
    open_page(page, f"{server}/{lang}/")
    page.wait_for_load_state("networkidle")  # every request of the home page is checked (the page fixture)
    assert page.locator('a[href="ch1/overview/"]').count() >= 1
    shot(page, f"{lang}-home")


def test_root_redirects_to_a_language(page, server):
    open_page(page, f"{server}/")
    assert re.search(r"/(zh|en)/$", page.url)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_page_is_wider_than_a_phone(browser, server, built_site, lang):
    """At 390 px, no page (home, API reference; chapters in the figure test) scrolls sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    wide = {}
    for path in sorted(p.parent.relative_to(built_site / lang).as_posix() for p in (built_site / lang).rglob("index.html")):
        if path in CHAPTER_PAGES:
            continue  # measured at 390 px by test_browser_figures.py
        pg.goto(f"{server}/{lang}/{'' if path == '.' else path + '/'}", wait_until="load")
        width = pg.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[path] = width
    context.close()
    assert not wide, f"pages wider than 390 px: {wide}"


SEARCHES = {
    "zh": {"感知机": "ch3/perceptron/", "梯度消失": "ch3/activations/", "零填充": "ch4/convolution/",
           "卷积核": "ch4/convolution/", "池化": "ch4/cnn/", "反向传播": "ch3/training/", "过拟合": "ch1/overview/",
           "KMeans": "api/cluster/"},
    "en": {"perceptron": "ch3/perceptron/", "vanishing gradient": "ch3/activations/", "zero padding": "ch4/convolution/",
           "kernel": "ch4/convolution/", "pooling": "ch4/cnn/", "backpropagation": "ch3/training/",
           "overfitting": "ch1/overview/", "KMeans": "api/cluster/"},
}


def result_pages(pg, query: str) -> list[str]:
    """The pages of the search results for ``query``, best first (sections folded into their page)."""
    search(pg, query)
    pg.wait_for_timeout(300)  # the result list settles after the first match
    pages = []
    for href in pg.locator(".md-search-result__list > .md-search-result__item > a").evaluate_all("as => as.map(a => a.href)"):
        path = urlparse(href).path.split("/", 2)[2]
        if path not in pages:
            pages.append(path)
    return pages


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_ranks_the_explaining_page_first(page, server, lang):
    """Each query finds the page that explains it in the top 2; snippets are prose, not code."""
    open_page(page, f"{server}/{lang}/")
    misses = {}
    for query, expected in SEARCHES[lang].items():
        pages = result_pages(page, query)
        if expected not in pages[:2]:
            misses[query] = pages[:4]
        snippets = page.locator(".md-search-result__article").all_inner_texts()
        assert not any("import " in s for s in snippets), f"{query}: code in the result snippets"
        page.locator("input.md-search__input").fill("")
    shot(page, f"{lang}-search")
    assert not misses, f"explaining page not in the top 2: {misses}"



@pytest.mark.parametrize("lang, title, home", [("zh", "找不到页面", "首页"), ("en", "Page not found", "home page")])
def test_not_found_page_is_in_the_language_and_works_under_a_sub_path(page, mirror, lang, title, home):
    """A missing page under /mirror/<lang>/ gets that language's 404 page (as a static host serves it), styled,
    with a home link that works."""
    page.goto(f"{mirror}/{lang}/ch9/no-such-page/")
    assert title in page.locator("article h1").inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.locator("article a", has_text=home).click()
    page.wait_for_url(f"{mirror}/{lang}/")


def test_root_not_found_page_links_both_languages(page, server):
    page.goto(f"{server}/no-such-page")
    assert "找不到页面" in page.locator("body").inner_text() and "Page not found" in page.locator("body").inner_text()
    page.locator("a", has_text="English").click()
    page.wait_for_url(f"{server}/en/")


@pytest.mark.parametrize("lang, close_label", [("zh", "关闭"), ("en", "Close")])
def test_figure_opens_full_size_on_a_phone(browser, mirror, lang, close_label):
    """At 390 px a tap on a figure opens its SVG at its natural size (labels >= 9 px, scrolling), closed by Escape
    or the button; served under a sub-path on another port, with no request to another host."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    pg = context.new_page()
    requests = []
    pg.on("request", lambda r: requests.append(r.url))
    open_page(pg, f"{mirror}/{lang}/ch4/convolution/")
    figure = pg.locator("#fig-ch4-convolution-kernel-steps img.mlnotes-figure-img")
    figure.scroll_into_view_if_needed()
    figure.evaluate("i => i.decode()")
    SHOTS.mkdir(parents=True, exist_ok=True)
    for close in ("Escape", "button"):
        figure.click()
        dialog = pg.locator("dialog.mlnotes-zoom[open]")
        dialog.wait_for(state="visible", timeout=5_000)
        big = dialog.locator("img.mlnotes-zoom__img")
        big.evaluate("i => i.decode()")  # rejects if the SVG cannot be loaded
        shown = big.evaluate("""i => {
            const small = document.querySelector('#fig-ch4-convolution-kernel-steps img'), w = i.getBoundingClientRect().width;
            // the SVG's own size (its width in pt, 1 pt = 4/3 px) and its smallest label at that size
            return {width: w, natural: +small.dataset.widthPt * 4 / 3, fitted: small.getBoundingClientRect().width,
                    px: +small.dataset.minFontPt * w / +small.dataset.widthPt};
        }""")
        assert abs(shown["width"] - shown["natural"]) <= 1 and shown["width"] > shown["fitted"] + 50, shown
        assert shown["px"] >= MIN_LABEL_PX, shown
        button = dialog.get_by_role("button", name=close_label)
        assert button.count() == 1 and dialog.get_attribute("aria-label")
        if close == "Escape":
            pg.screenshot(path=str(SHOTS / f"{lang}-figure-full-size.png"))
            pg.keyboard.press("Escape")
        else:
            button.click()
        pg.locator("dialog.mlnotes-zoom").wait_for(state="detached", timeout=5_000)
    hosts = {urlparse(u).hostname for u in requests if urlparse(u).scheme in ("http", "https")}
    context.close()
    assert hosts <= {"127.0.0.1"}, f"requests left 127.0.0.1: {sorted(hosts)}"
