"""MkDocs hook: LaTeX becomes MathML at build time, so math renders with no script and no network.

``pymdownx.arithmatex`` (``generic: true``) leaves ``\\(...\\)`` in ``<span class="arithmatex">``
and ``\\[...\\]`` in ``<div class="arithmatex">``, on the pages and in the docstrings that
mkdocstrings renders (``$...$`` and ``$$...$$``); `latex2mathml` converts both.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert as latex_to_mathml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
_BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)


def mathml(latex: str, display: str, where: str = "") -> str:
    """MathML for the (HTML-escaped) ``latex``; a clear error naming ``where`` if it cannot be converted."""
    source = html.unescape(latex).strip()
    try:
        return latex_to_mathml(source, display=display)
    except Exception as exc:  # latex2mathml raises many exception types
        raise PluginError(f"{where}: cannot convert LaTeX {source!r} to MathML: {exc}") from exc


def convert(content: str, where: str = "") -> str:
    content = _BLOCK.sub(lambda m: f'<div class="math-block">{mathml(m.group(1), "block", where)}</div>', content)
    return _INLINE.sub(lambda m: mathml(m.group(1), "inline", where), content)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return convert(content, page.file.src_uri)
