"""The built site: strict builds in both languages, API reference, offline assets, determinism, parity."""
from __future__ import annotations

import json
import pkgutil
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

import mlnotes
import mlnotes.book
from conftest import LANGS, ROOT, blocks_executed, blocks_shared, build_site, html_pages, OUTPUT

pytestmark = pytest.mark.site

SEED_IMAGE_HOST = "images.drshw" + ".tech"  # split so this file does not contain the URL itself
FIG_ID = re.compile(r'<figure class="mlnotes-figure" id="(fig-[a-z0-9-]+)"')


def public_modules() -> list[str]:
    """Library modules by name, then the book modules as ``book/<name>`` (their API pages' folders)."""
    library = sorted(m.name for m in pkgutil.iter_modules(mlnotes.__path__) if not m.name.startswith("_"))
    library.remove("book")
    return library + sorted(f"book/{m.name}" for m in pkgutil.iter_modules(mlnotes.book.__path__))


def test_both_languages_build_strict(built_site):
    for lang in LANGS:
        assert (built_site / lang / "index.html").is_file()
        assert (built_site / lang / "ch1" / "overview" / "index.html").is_file()
    root = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'url=zh/' in root and 'href="en/"' in root
    assert "找不到页面" in (built_site / "zh" / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in (built_site / "en" / "404.html").read_text(encoding="utf-8")
    assert 'href="en/"' in (built_site / "404.html").read_text(encoding="utf-8")


def test_every_public_module_has_an_api_page_in_both_languages(built_site):
    modules = public_modules()
    assert {"linear_model", "nn", "datasets", "book/render", "book/cnn"} <= set(modules)
    for lang in LANGS:
        index = (built_site / lang / "api" / "index.html").read_text(encoding="utf-8")
        for name in modules:
            page = built_site / lang / "api" / name / "index.html"
            assert page.is_file(), f"missing API page for mlnotes.{name} ({lang})"
            assert f"mlnotes.{name.replace('/', '.')}" in page.read_text(encoding="utf-8")
            assert f'href="{name}/"' in index


def test_api_labels_are_in_the_page_language(built_site):
    zh = (built_site / "zh" / "api" / "linear_model" / "index.html").read_text(encoding="utf-8")
    en = (built_site / "en" / "api" / "linear_model" / "index.html").read_text(encoding="utf-8")
    assert "参数" in zh and "Parameters" not in re.sub(r"<code.*?</code>", "", zh, flags=re.S)
    assert "Parameters" in en and "参数" not in en
    assert "LinearRegression" in zh and "LinearRegression" in en


def test_each_language_has_its_own_search_index_with_segmented_chinese(built_site):
    zh = json.loads((built_site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    zh_locs = {d["location"] for d in zh["docs"]}
    en_locs = {d["location"] for d in en["docs"]}
    assert "ch1/overview/" in zh_locs and "ch1/overview/" in en_locs
    assert any(loc.startswith("api/linear_model/") for loc in en_locs)
    assert any(loc.startswith("api/linear_model/") for loc in zh_locs)
    overview = " ".join(d["text"] for d in zh["docs"] if d["location"].startswith("ch1/overview/"))
    assert "\u200b机器\u200b" in overview or "\u200b机器学习\u200b" in overview, "Chinese text is not segmented"
    # the separator is a JavaScript regular expression: "\\u200b" there matches the zero-width space
    assert "\\u200b" in zh["config"]["separator"] or "\u200b" in zh["config"]["separator"]


EXTERNAL = re.compile(r"""(?:src|href|srcset|data)\s*=\s*["']?\s*(?:https?:)?//(?!127\.0\.0\.1[:/])([^"'\s>]+)""", re.I)
ASSET_TAG = re.compile(r"<(script|img|link|iframe|source|video|audio|embed|object|image)\b[^>]*>", re.I)


def test_no_asset_from_another_host(built_site):
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            for tag in ASSET_TAG.finditer(text):
                element = tag.group(0)
                if re.search(r'rel="(?:alternate|canonical)"', element):
                    continue  # navigation links to the page itself, not assets
                if EXTERNAL.search(element):
                    offenders.append(f"{path.relative_to(built_site)}: {element[:120]}")
        elif path.suffix == ".css":
            for m in re.finditer(r"url\(\s*['\"]?(?:https?:)?//([^)'\"]+)", path.read_text(encoding="utf-8")):
                offenders.append(f"{path.relative_to(built_site)}: url({m.group(1)[:80]})")
    assert not offenders, "external assets:\n" + "\n".join(offenders)


def test_no_seed_image_url_anywhere(built_site):
    roots = [built_site, ROOT / "docs", ROOT / "mlnotes", ROOT / "tools"]
    hits = [str(p) for r in roots for p in r.rglob("*") if p.is_file() and p.suffix in
            {".html", ".md", ".py", ".yml", ".json", ".css", ".js", ".svg"}
            and SEED_IMAGE_HOST in p.read_text(encoding="utf-8", errors="ignore")]
    assert not hits


def _site_files(site: Path) -> dict[str, bytes]:
    """Every file of a build (pages, figures, search index, sitemap, notebooks, ...) by its path."""
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _assert_same_pages(first: Path, second: Path, what: str) -> None:
    first_files, second_files = _site_files(first), _site_files(second)
    assert first_files.keys() == second_files.keys(), f"files differ between {what}: " \
        f"{sorted(first_files.keys() ^ second_files.keys())[:20]}"
    different = [p for p in first_files if first_files[p] != second_files[p]]
    assert not different, f"files differ between {what}: {different[:20]}"


def test_two_clean_builds_give_identical_pages(cold_build, second_build):
    site, cold_log = cold_build
    second, second_log = second_build()
    # Both builds executed every block (each from its own empty execution cache): the first shared
    # the blocks out between the two languages' processes, the second ran each language on its own.
    for log in (cold_log, second_log):
        counts = blocks_executed(log)
        assert set(counts) == set(LANGS) and all(run > 100 and reused == 0 for run, reused in counts.values()), counts
    assert all(shared > 10 for shared in blocks_shared(cold_log).values()), blocks_shared(cold_log)
    assert set(blocks_shared(second_log).values()) == {0}, blocks_shared(second_log)
    _assert_same_pages(site, second, "two clean builds")


def test_a_warm_build_executes_nothing_and_gives_identical_pages(cold_build, second_build, origin):
    site, _ = cold_build
    second_build()  # the second build first (the warm build then competes with nothing)
    warm = OUTPUT / "site-warm"
    proc = build_site(warm, origin, site_cache="off")  # MkDocs runs; the blocks come from the cache
    assert proc.returncode == 0, proc.stdout + proc.stderr
    counts = blocks_executed(proc.stdout + proc.stderr)
    assert set(counts) == set(LANGS) and all(run == 0 and reused > 100 for run, reused in counts.values()), counts
    _assert_same_pages(site, warm, "a cold and a warm build")


def test_an_unchanged_tree_is_copied_from_the_site_cache(cold_build, second_build, origin):
    site, _ = cold_build
    second_build()
    again = OUTPUT / "site-again"
    proc = build_site(again, origin)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert log.count("site cache: nothing changed since the last build, copied it") == len(LANGS), log
    assert not blocks_executed(log)
    _assert_same_pages(site, again, "a build and its copy from the site cache")


def test_zh_and_en_pages_are_in_step(built_site):
    zh, en = html_pages(built_site, "zh"), html_pages(built_site, "en")
    assert zh.keys() == en.keys(), f"pages only in one language: {set(zh) ^ set(en)}"
    for page in zh:
        assert FIG_ID.findall(zh[page]) == FIG_ID.findall(en[page]), f"{page}: figures differ"
        assert zh[page].count('class="language-python highlight"') == en[page].count(
            'class="language-python highlight"'), f"{page}: code blocks differ"
        zh_h2 = len(re.findall(r"<h2 id=", zh[page]))
        assert zh_h2 == len(re.findall(r"<h2 id=", en[page])), f"{page}: sections differ"


HEADING_ID = re.compile(r'<h[1-6] id="([^"]+)"')
ROOT_ABSOLUTE = re.compile(r'(?:href|src)="/(?!/)[^"]*"')
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="(\w+)">')


def test_headings_have_the_same_ids_in_both_languages(built_site):
    """The language switcher keeps the section: every heading id of a page exists in the other language."""
    zh, en = html_pages(built_site, "zh"), html_pages(built_site, "en")
    for page in zh:
        zh_ids, en_ids = HEADING_ID.findall(zh[page]), HEADING_ID.findall(en[page])
        assert zh_ids, f"{page}: no heading"
        assert not set(zh_ids) - set(en_ids), f"{page}: zh heading ids missing in en: {set(zh_ids) - set(en_ids)}"
        assert not set(en_ids) - set(zh_ids), f"{page}: en heading ids missing in zh: {set(en_ids) - set(zh_ids)}"
        if not page.startswith("api/"):
            # from the section number, or written by the author in both languages ({#summary})
            assert all(re.fullmatch(r"(sec-\d+(-\d+)*|p\d+)(-p\d+)*|[a-z][a-z-]*", i) for i in zh_ids), zh_ids


def test_pages_link_relatively_and_alternates_name_the_same_page(built_site):
    """No root-absolute link (the site works under any base path); hreflang alternates name this page."""
    for lang in LANGS:
        for page, html in html_pages(built_site, lang).items():
            assert not ROOT_ABSOLUTE.findall(html), f"{lang}/{page}: root-absolute links {ROOT_ABSOLUTE.findall(html)[:3]}"
            here = f"http://h/base/{lang}/{page}"
            alternates = {hreflang: urljoin(here, href) for href, hreflang in ALTERNATE.findall(html)}
            assert alternates == {other: urljoin(f"http://h/base/{other}/{page}", ".") for other in LANGS}, \
                f"{lang}/{page}: {alternates}"


def test_chapter_pages_are_light(built_site):
    """Figures live in their own files, so no chapter page's HTML is above 400 KB; photos are JPEG."""
    for lang in LANGS:
        for page, html in html_pages(built_site, lang).items():
            if page.startswith("ch"):
                assert len(html.encode("utf-8")) < 400_000, f"{lang}/{page}: {len(html.encode()) // 1024} KB"
        figures = {p.name: p.read_text(encoding="utf-8") for p in (built_site / lang / "figures").glob("*.svg")}
        assert any("data:image/jpeg;base64," in svg for svg in figures.values()), "no photo re-encoded as JPEG"
        big_png = [name for name, svg in figures.items()
                   if any(len(b) > 100_000 for b in re.findall(r'data:image/png;base64,([^"]+)', svg))]
        assert not big_png, f"{lang}: photos left as large base64 PNG: {big_png}"


def test_math_is_mathml_a_math_font_draws_well(built_site):
    """Primes are not raised twice, signs of numbers are part of the number, set minus is U+2216."""
    for lang in LANGS:
        neuron = (built_site / lang / "ch3" / "neuron" / "index.html").read_text(encoding="utf-8")
        assert "<mn>&#x02212;2</mn><mo>&#x0002C;</mo><mn>&#x02212;1</mn>" in neuron  # (1, −2, −1)
        for page, html in html_pages(built_site, lang).items():
            assert "&#x029F5;" not in html, f"{lang}/{page}: U+29F5 (no glyph in most fonts)"
            assert not re.search(r"<mi>&#x0203[2-4];</mi></msup>", html), f"{lang}/{page}: a prime raised as a superscript"
    css = (built_site / "zh" / "assets" / "stylesheets" / "mlnotes.css").read_text(encoding="utf-8")
    assert 'url("../fonts/STIXMath-Regular.woff2")' in css
    assert (built_site / "zh" / "assets" / "fonts" / "STIXMath-Regular.woff2").stat().st_size > 50_000
    assert "SIL-OFL-1.1" in (ROOT / "docs" / "overrides" / "assets" / "fonts" / "STIXMath-LICENSE.txt").read_text()


def test_figure_manifest_maps_seed_images_to_built_figures(built_site):
    manifest = yaml.safe_load((ROOT / "docs" / "figures.yml").read_text(encoding="utf-8"))
    assert len(manifest) == 96, "the notes have 96 images (chapters 1-4); each must be mapped"
    for image_id, target in manifest.items():
        assert re.fullmatch(r"image-\d{17}", image_id), image_id
        page, fig = target["page"], target["figure"]
        for lang in LANGS:
            html = (built_site / lang / Path(page).with_suffix("") / "index.html").read_text(encoding="utf-8")
            assert f'id="{fig}"' in html, f"{image_id}: {fig} missing from {lang}/{page}"


def test_pages_show_real_output(built_site):
    for lang in LANGS:
        html = (built_site / lang / "ch1" / "overview" / "index.html").read_text(encoding="utf-8")
        assert re.search(r"f\(4\) = 8\.\d{3}|f\(4\) = 9\.\d{3}", html), "f(4) output missing"
        assert "<math" in html
        figures = re.findall(r'<img class="mlnotes-figure-img" src="((?:\.\./)*)figures/([0-9a-f]{20}\.svg)"', html)
        assert figures and all(up == "../../" for up, _ in figures)
        assert all((built_site / lang / "figures" / name).read_text(encoding="utf-8").count("<svg") == 1
                   for _, name in figures)
        assert "\\(" not in html and "$y = " not in html


def test_code_blocks_link_mlnotes_names_to_existing_api_entries(built_site):
    link = re.compile(r'class="mlnotes-api-link" href="((?:\.\./)*)api/([\w/]+)/#([\w.]+)"')
    for lang in LANGS:
        overview = (built_site / lang / "ch1" / "overview" / "index.html").read_text(encoding="utf-8")
        assert 'href="../../api/linear_model/#mlnotes.linear_model.LinearRegression"' in overview
        anchors: dict[str, str] = {}
        checked = 0
        for page, html in html_pages(built_site, lang).items():
            if page.startswith("api/"):
                continue
            for prefix, api_page, anchor in set(link.findall(html)):
                assert prefix == "../" * page.count("/"), f"{page}: wrong relative prefix {prefix!r}"
                if api_page not in anchors:
                    anchors[api_page] = (built_site / lang / "api" / api_page / "index.html").read_text(encoding="utf-8")
                assert f'id="{anchor}"' in anchors[api_page], f"{lang}/{page}: no API entry {anchor}"
                checked += 1
        assert checked > 50
