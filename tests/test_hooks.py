"""The MkDocs hooks in tools/hooks/, one job each, tested on their own (no site build)."""
from __future__ import annotations

import importlib.util
import re
import sys

import pytest

from conftest import ROOT

HOOKS = ROOT / "tools" / "hooks"
sys.path.insert(0, str(HOOKS))
sys.path.insert(0, str(ROOT / "tools"))


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"hook_{name}", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


config_hook, execute, api_links, tabs, math_hook = (_load(n) for n in ("config", "execute", "api_links", "tabs",
                                                                        "math"))
api_pages = _load("api_pages")


def test_every_hook_module_is_listed_in_the_configuration():
    listed = [line.split()[1] for line in (ROOT / "mkdocs.yml").read_text().splitlines()
              if line.startswith("  - tools/hooks/")]
    # a hook defines MkDocs event handlers (functions, or a CombinedEvent of several); the plain
    # modules beside it (exec_cache, ...) define none
    hooks = sorted(p.relative_to(ROOT).as_posix() for p in HOOKS.glob("*.py")
                   if re.search(r"^(def on_\w+\(|on_\w+ = CombinedEvent\()", p.read_text(encoding="utf-8"), re.M))
    assert sorted(listed) == hooks


@pytest.mark.parametrize("origin, ok", [("http://127.0.0.1:8000", True), ("https://example.org/", True),
                                        ("example.org", False), ("https://example.org/book", False),
                                        ("ftp://example.org", False), ("http://", False)])
def test_site_origin_is_checked(monkeypatch, origin, ok):
    monkeypatch.setenv("MLNOTES_SITE_ORIGIN", origin)
    if ok:
        assert config_hook.site_origin() == origin.rstrip("/")
    else:
        with pytest.raises(Exception, match="MLNOTES_SITE_ORIGIN must look like"):
            config_hook.site_origin()


def test_api_pages_cover_every_public_module():
    modules = config_hook.public_modules()
    assert "mlnotes.linear_model" in modules and not any(m.split(".")[1].startswith("_") for m in modules)
    assert config_hook.api_path("mlnotes.nn") == "api/nn.md"
    assert "mlnotes.book" not in modules, "the book layer has its own section, not a library page"
    book = api_pages.book_modules()
    assert "mlnotes.book.render" in book and api_pages.api_path("mlnotes.book.render") == "api/book/render.md"


def test_code_block_imports_link_to_the_page_that_documents_them():
    assert api_links.api_target("mlnotes.nn.conv", "conv2d") == "api/nn/#mlnotes.nn.conv2d"
    assert api_links.api_target("mlnotes.book.i18n", "tr") == "api/book/i18n/#mlnotes.book.i18n.tr"
    assert api_links.api_target("mlnotes.book", "tr") is None  # nothing is re-exported by the book package
    assert api_links.api_target("mlnotes.nn", "_check_grad") is None


def test_tab_sets_are_renumbered_per_page():
    block = ('<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" '
             'name="__tabbed_1" type="radio" /><label for="__tabbed_1_1">A</label></div>')
    out = tabs.renumber_tab_sets(block + block + block)
    assert [out.count(f'data-tabs="{n}:2"') for n in (1, 2, 3)] == [1, 1, 1]
    assert 'name="__tabbed_3"' in out and 'for="__tabbed_2_1"' in out


def test_math_becomes_mathml_and_bad_latex_names_the_page():
    out = math_hook.convert('<p><span class="arithmatex">\\(x_1^2\\)</span></p>'
                            '<div class="arithmatex">\\[\\sigma(z)\\]</div>', "ch9/page.md")
    assert out.count("<math") == 2 and "<msubsup>" in out and 'display="block"' in out
    with pytest.raises(Exception, match="ch9/page.md: cannot convert LaTeX"):
        math_hook.convert('<span class="arithmatex">\\(x^\\)</span>', "ch9/page.md")


def test_code_block_names_link_to_the_api_entry():
    code = ('<pre><span></span><code><span class="kn">from</span> <span class="nn">mlnotes.linear_model</span> '
            '<span class="kn">import</span> <span class="n">LinearRegression</span>\n'
            '<span class="n">LinearRegression</span><span class="p">()</span></code></pre>')
    out = api_links.link_code_to_api(code, "ch1/overview/")
    link = '<a class="mlnotes-api-link" href="../../api/linear_model/#mlnotes.linear_model.LinearRegression">'
    assert out.count(link) == 2
    assert api_links.api_target("mlnotes.linear_model", "_private") is None


def test_exec_fences_get_tabs_no_id_prefix_and_their_snippet_file(tmp_path, monkeypatch):
    class File:
        src_uri = "ch1/overview.md"

    class Page:
        file = File()

    class Config:
        mdx_configs = {"pymdownx.snippets": {"base_path": ["docs/snippets"]}}
        theme = {"language": "zh"}

    monkeypatch.chdir(ROOT)
    execute._State.lang = "zh"
    md = '```python exec="on" source="tabbed-right"\n--8<-- "ch1/overview/line_fit.py"\n```\n'
    out = execute.on_page_markdown(md, Page(), Config(), None)
    assert out.splitlines()[0] == ('```python exec="on" source="tabbed-right" tabs="代码|结果" idprefix="" '
                                   'file="docs/snippets/ch1/overview/line_fit.py"')
    with pytest.raises(Exception, match="ch1/overview.md: a code block includes the snippet 'ch1/overview/nope.py'"):
        execute.on_page_markdown(md.replace("line_fit", "nope"), Page(), Config(), None)


def test_figures_leave_the_markdown_and_come_back_as_lazy_images(tmp_path):
    execute._State.slots = {}
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="a line" viewBox="0 0 120 60" '
           'data-min-font-pt="9"><path d="M0 0"/></svg>')
    slotted = execute._SVG.sub(execute._slot, f'<figure class="mlnotes-figure" id="fig-x">{svg}<figcaption>c'
                                              '</figcaption></figure>')
    assert "<svg" not in slotted and "mlnotes-slot" in slotted

    class File:
        src_uri = "ch1/overview.md"

    class Page:
        file = File()
        url = "ch1/overview/"

    class Config:
        use_directory_urls = True
        site_dir = str(tmp_path)

    out = execute.on_post_page(f"<html>{slotted}</html>", Page(), Config())
    (img,) = re.findall(r"<img [^>]+>", out)
    src = re.search(r'src="([^"]+)"', img).group(1)
    assert src.startswith("../../figures/") and 'loading="lazy"' in img and 'alt="a line"' in img
    assert 'width="120" height="60"' in img and 'data-min-font-pt="9"' in img
    written = (tmp_path / src.removeprefix("../../")).read_text(encoding="utf-8")
    assert written.endswith(svg) and '<figcaption>c</figcaption>' in out


def test_serve_plans_the_smallest_rebuild():
    import site as _  # noqa: F401  (the stdlib module; tools/site.py is loaded by path below)

    spec = importlib.util.spec_from_file_location("mlnotes_site_cli", ROOT / "tools" / "site.py")
    cli = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cli)
    root = cli.ROOT
    assert cli.plan([root / "docs/zh/ch1/overview.md"]) == {"zh": [("page", "ch1/overview.md")], "en": []}
    assert cli.plan([root / "docs/snippets/ch1/overview/line_fit.py"]) == {
        "zh": [("snippet", "ch1/overview/line_fit.py")], "en": [("snippet", "ch1/overview/line_fit.py")]}
    assert cli.plan([root / "docs/en/ch1/overview.md", root / "mlnotes/cluster.py"]) == {"zh": "full", "en": "full"}
    assert cli.plan([root / "mkdocs.yml"]) == {"zh": "full", "en": "full"}


def test_search_plugin_is_handed_prose_and_the_page_is_put_back():
    search_index = _load("search_index")

    class File:
        src_uri = "ch1/page.md"

    class Page:
        file = File()
        content = ('<h2 id="a">A</h2><p>Text</p><pre><span></span><code><span class="kn">from</span> mlnotes.cluster '
                   '<span class="kn">import</span> KMeans\nx = 1</code></pre>')

    page = Page()
    full = page.content
    first, second = search_index.on_page_context.methods
    assert first.mkdocs_priority > 0 > second.mkdocs_priority  # around Material's search plugin (priority 0)
    first({}, page=page, config=None, nav=None)
    assert "<pre" not in page.content and "<code>KMeans</code>" in page.content and "<p>Text</p>" in page.content
    second({}, page=page, config=None, nav=None)
    assert page.content == full
