"""MkDocs hook: every tab set on a page gets its own number.

markdown-exec renders each block with its own Markdown instance, so every block's tab set was
``__tabbed_1`` and the radio buttons of different blocks unchecked each other.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_TABBED_SET = re.compile(r'<div class="tabbed-set[^"]*" data-tabs="(\d+):(\d+)">')


def renumber_tab_sets(content: str) -> str:
    """Give every tab set on a page its own number (ids, radio names, label targets)."""
    starts = [m.start() for m in _TABBED_SET.finditer(content)]
    if not starts:
        return content
    pieces = [content[: starts[0]]]
    for new, (start, end) in enumerate(zip(starts, starts[1:] + [len(content)]), start=1):
        chunk = content[start:end]
        old = _TABBED_SET.match(chunk).group(1)
        chunk = re.sub(rf'data-tabs="{old}:', f'data-tabs="{new}:', chunk, count=1)
        chunk = re.sub(rf"__tabbed_{old}_(\d+)", rf"__tabbed_{new}_\1", chunk)
        chunk = chunk.replace(f'name="__tabbed_{old}"', f'name="__tabbed_{new}"')
        pieces.append(chunk)
    return "".join(pieces)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return renumber_tab_sets(content)
