"""MkDocs hook: a search index of prose and identifiers, not of whole code bodies.

Material's search plugin indexes every character of a page, so half of each index was code
(and result snippets were walls of it). Each ``<pre>`` block is replaced by the names a reader may
search for: what the block imports from ``mlnotes`` and what it defines (``from mlnotes.cluster
import KMeans`` leaves ``KMeans``), and the tab titles of executed blocks (结果/代码, Result/Source)
are dropped. The plugin is handed the page so reduced (``on_page_context``, just before the plugin
reads ``page.content``; the full page is put back right after it, before the template renders it),
which also spares it parsing tens of thousands of highlighted tokens per page. Chinese terms of the book are kept
whole by the jieba user dictionary (``docs/search/jieba_user_dict.txt``, ``search.jieba_dict_user``
in mkdocs.yml), and the ``separator`` there does not split camelCase, so ``KMeans`` is one word.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

_PRE = re.compile(r"<pre\b[^>]*>(.*?)</pre>", re.S)
_IMPORT = re.compile(r"^[ \t]*from[ \t]+(mlnotes(?:\.\w+)*)[ \t]+import[ \t]+(\([\w\s,]+\)|[\w \t,]+)", re.M)
_EXEC_TABS = re.compile(r'<div class="tabbed-labels">(?:<label for="[^"]*">(?:结果|代码|Result|Source)</label>){2}</div>')
_DEFINES = re.compile(r"^[ \t]*(?:def|class)[ \t]+(\w+)", re.M)


def identifiers(code: str) -> list[str]:
    """Names a code block imports from ``mlnotes`` or defines, in order, without repeats."""
    names: list[str] = []
    for module, imported in _IMPORT.findall(code):
        names += [module] + re.findall(r"\w+", imported)
    names += _DEFINES.findall(code)
    return [n for i, n in enumerate(names) if n not in names[:i] and not n.startswith("_")]


def _identifiers_html(m: re.Match[str]) -> str:
    """A ``<pre>`` block (match of `_PRE`) as a paragraph of its identifiers, or a space."""
    code = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).replace("\u200b", "")
    names = identifiers(code)
    return (" <p>" + " ".join(f"<code>{n}</code>" for n in names) + "</p> ") if names else " "


_FULL_PAGES: dict[str, str] = {}


@event_priority(50)  # before Material's search plugin (priority 0) reads the page
def _hand_search_the_prose(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    _FULL_PAGES[page.file.src_uri] = page.content
    page.content = _EXEC_TABS.sub("", _PRE.sub(_identifiers_html, page.content or ""))
    return context


@event_priority(-50)  # after the search plugin, before the template renders the page
def _restore_the_page(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    page.content = _FULL_PAGES.pop(page.file.src_uri, page.content)
    return context


on_page_context = CombinedEvent(_hand_search_the_prose, _restore_the_page)

