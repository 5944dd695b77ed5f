"""The API reference speaks mkdocstrings' dialect: autorefs links that resolve, math as MathML.

The docstrings in ``mlnotes/`` write cross-references as ``[`name`][mlnotes.module.name]`` and
math as ``$…$`` / ``$$…$$`` (see the Docstrings rule in the design). Sphinx roles (``:func:``,
``:class:`~mlnotes.x```) and ``.. math::`` directives are not understood by mkdocstrings and
would reach the page as raw text, so the fast tests reject them in the source and the site tests
check what the built API pages of both languages show.
"""
from __future__ import annotations

import importlib
import posixpath
import re
from pathlib import Path

import pytest

from conftest import LANGS, ROOT, html_pages

SPHINX_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|attr|data|obj|exc|ref|math|term|doc):`")
SPHINX_DIRECTIVE = re.compile(r"^\s*\.\. [\w-]+::", re.M)
DOCSTRING_LINK = re.compile(r"\[`[^`\]]+`\]\[([\w.]+)\]")

AUTOREF = re.compile(r'<a\b[^>]*\bclass="autorefs[^"]*"[^>]*>')
HREF = re.compile(r'\bhref="([^"]*)"')
# A link written in a docstring renders as <a class="autorefs ..." href="..."><code>name</code></a>;
# the links mkdocstrings adds itself (signatures, base classes) carry no <code>.
DOCSTRING_AUTOREF = re.compile(r'<a\b[^>]*\bclass="autorefs[^"]*"[^>]*><code>')
# Lower bounds from the build when the docstrings were converted (71 docstring links and about
# 300 formulas per language); well below, so rewording a docstring does not break the test,
# well above zero, so the test cannot pass because nothing was rendered.
MIN_DOCSTRING_LINKS = 60
MIN_MATH = 250

# What Sphinx markup looks like once Markdown has turned its backticks into <code>, a directive,
# the tilde of a shortened reference, and an autorefs link that did not resolve.
RAW_MARKUP = [re.compile(p) for p in (r":(?:py:)?(?:func|class|meth|mod|attr|data|obj|exc|ref|math):",
                                      r"\.\. math::", r"~mlnotes", r"\]\[mlnotes\.")]


def _sources() -> list[Path]:
    return sorted((ROOT / "mlnotes").rglob("*.py"))


def _resolve(identifier: str) -> object:
    """Import the longest module prefix of ``identifier``, then follow attributes."""
    parts = identifier.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:]:
            obj = getattr(obj, name)
        return obj
    raise ImportError(identifier)


def test_docstrings_use_no_sphinx_roles_or_directives():
    found = []
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        for pattern in (SPHINX_ROLE, SPHINX_DIRECTIVE):
            for m in pattern.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {text.splitlines()[line - 1].strip()}")
    assert not found, "Sphinx markup in docstrings (write [`name`][mlnotes.x.name] and $…$):\n" + "\n".join(found)


def test_docstring_links_name_existing_public_objects():
    checked = 0
    for path in _sources():
        for identifier in DOCSTRING_LINK.findall(path.read_text(encoding="utf-8")):
            assert identifier.startswith("mlnotes."), f"{path.relative_to(ROOT)}: link to {identifier}"
            assert not any(p.startswith("_") for p in identifier.split(".")), \
                f"{path.relative_to(ROOT)}: link to private {identifier} (not in the API reference)"
            try:
                _resolve(identifier)
            except (ImportError, AttributeError) as exc:
                pytest.fail(f"{path.relative_to(ROOT)}: link to {identifier}, which does not exist ({exc})")
            checked += 1
    assert checked >= MIN_DOCSTRING_LINKS


def _api_pages(site: Path, lang: str) -> dict[str, str]:
    pages = {page: html for page, html in html_pages(site, lang).items() if page.startswith("api/")}
    assert len(pages) > 10, f"{lang}: API pages missing"
    return pages


def _target(page: str, href: str) -> tuple[str, str]:
    """(page path relative to the language root, anchor) that ``href`` on ``page`` points to."""
    path, _, anchor = href.partition("#")
    if not path:
        return page, anchor
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return (target if target.endswith(".html") else f"{target}/index.html"), anchor


@pytest.mark.site
@pytest.mark.parametrize("lang", LANGS)
def test_api_pages_show_no_sphinx_markup(built_site, lang):
    for page, html in _api_pages(built_site, lang).items():
        for raw in RAW_MARKUP:
            m = raw.search(html)
            assert m is None, f"{lang}/{page}: raw markup {m.group(0)!r} near {html[m.start() - 80:m.end() + 80]!r}"


@pytest.mark.site
@pytest.mark.parametrize("lang", LANGS)
def test_api_autorefs_links_point_to_existing_anchors(built_site, lang):
    pages = html_pages(built_site, lang)
    api = _api_pages(built_site, lang)
    ids = {page: set(re.findall(r'\bid="([^"]+)"', html)) for page, html in pages.items()}
    docstring_links = 0
    for page, html in api.items():
        for tag in AUTOREF.findall(html):
            href = HREF.search(tag).group(1)
            target, anchor = _target(page, href)
            assert target in pages, f"{lang}/{page}: link {href!r} to a missing page {target}"
            assert anchor in ids[target], f"{lang}/{page}: link {href!r}: no id={anchor!r} on {target}"
        docstring_links += len(DOCSTRING_AUTOREF.findall(html))
    assert docstring_links >= MIN_DOCSTRING_LINKS, f"{lang}: only {docstring_links} docstring links"
    # The tilde form of the old :class:`~mlnotes.nn.Sequential` shows the short name and links.
    assert re.search(r'<a [^>]*href="#mlnotes\.nn\.Sequential"[^>]*><code>Sequential</code></a>',
                     api["api/nn/index.html"])


@pytest.mark.site
@pytest.mark.parametrize("lang", LANGS)
def test_docstring_math_becomes_mathml(built_site, lang):
    api = _api_pages(built_site, lang)
    total = 0
    for page, html in api.items():
        assert 'class="arithmatex"' not in html, f"{lang}/{page}: math left for a script to render"
        total += html.count("<math")
    assert total >= MIN_MATH, f"{lang}: only {total} formulas in the API reference"
    # A display formula (Notes of Adam, Conv2D) and an inline one in a parameter description.
    nn = api["api/nn/index.html"]
    assert '<div class="math-block"><math' in nn
    bayes = api["api/naive_bayes/index.html"]
    alpha = bayes[bayes.index('id="mlnotes.naive_bayes.MultinomialNB"'):]
    assert re.search(r"Additive smoothing\s*<math", alpha)
