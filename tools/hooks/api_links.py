"""MkDocs hook: names a code block imports from ``mlnotes`` link to their API reference entry.

In ``from mlnotes.linear_model import LinearRegression``, every highlighted ``LinearRegression``
of that block becomes a link to ``api/linear_model/#mlnotes.linear_model.LinearRegression``,
if that page documents it (public, in ``__all__`` when the module has one).
"""

from __future__ import annotations

import html
import importlib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from api_pages import api_module, api_path

_CODE_BLOCK = re.compile(r"(<pre><span></span><code>)(.*?)(</code></pre>)", re.S)
_IMPORT = re.compile(r"^[ \t]*from[ \t]+(mlnotes(?:\.\w+)*)[ \t]+import[ \t]+(\([\w\s,]+\)|[\w \t,]+)", re.M)


def api_target(module: str, name: str) -> str | None:
    """``api/<page>/#<documented module>.<name>`` if the API page of ``module`` documents ``name``.

    ``from mlnotes.nn.conv import conv2d`` links to ``api/nn/#mlnotes.nn.conv2d`` (the subpackage's
    page), ``from mlnotes.book.render import figure`` to ``api/book/render/#mlnotes.book.render.figure``.
    """
    documented = api_module(module)
    if documented is None or name.startswith("_"):
        return None
    try:
        top_module = importlib.import_module(documented)
    except ImportError:
        return None
    public = getattr(top_module, "__all__", None)
    if not hasattr(top_module, name) or (public is not None and name not in public):
        return None
    return f"{api_path(documented)[:-3]}/#{documented}.{name}"


def link_code_to_api(content: str, page_url: str) -> str:
    """Link each ``mlnotes`` name imported in a code block to its API reference entry."""
    prefix = "../" * page_url.count("/")

    def link_block(m: re.Match[str]) -> str:
        code = m.group(2)
        text = html.unescape(re.sub(r"<[^>]+>", "", code))
        targets = {}
        for module, names in _IMPORT.findall(text):
            for name in re.findall(r"\w+", names):
                target = api_target(module, name)
                if target:
                    targets[name] = target
        for name, target in targets.items():
            code = code.replace(f'<span class="n">{name}</span>',
                                f'<a class="mlnotes-api-link" href="{prefix}{target}"><span class="n">{name}</span></a>')
        return m.group(1) + code + m.group(3)

    return _CODE_BLOCK.sub(link_block, content)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri.startswith("api/"):
        return content
    return link_code_to_api(content, page.url)
