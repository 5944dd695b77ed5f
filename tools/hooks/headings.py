"""MkDocs hook: every heading of a chapter page gets an id derived from its section number, the same in both languages.

The toc extension slugifies the heading text, so ``## 3.3.2 双曲正切函数 tanh`` became
``#332-tanh`` in Chinese and ``#332-the-hyperbolic-tangent-tanh`` in English, and the language
switcher lost the section. Here, after the page is rendered (``on_page_content``, so headings
printed by executed blocks are included):

* a heading whose text starts with a section number gets ``sec-<number>`` (``3.3.2`` ->
  ``sec-3-3-2``);
* any other heading gets its parent's id and its position among the parent's children
  (``sec-4-2-3-p2`` is the second sub-heading of 4.2.3); a heading with no parent gets ``p<n>``.

An id the author wrote (``## 小结 {#summary}``, attr_list) is kept. Both languages have the
same sections (tested), so the ids match. The permalinks on the page and
the table of contents (``page.toc``, which the search index also uses) follow the new ids. The
headings mkdocstrings renders on the API pages keep their ids
(``mlnotes.linear_model.LinearRegression``), which are the same in both languages already.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_HEADING = re.compile(r'<h([1-6]) id="([^"]*)"([^>]*)>(.*?)</h\1>', re.S)
_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+)(?=\s|$)")
_EXPLICIT_ID = re.compile(r"^#{1,6} .*\{[^}\n]*#([\w-]+)[^}\n]*\}[ \t]*$", re.M)  # ## Title {#id}
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def heading_ids(headings: list[tuple[int, str]]) -> list[str]:
    """New ids for ``(level, text)`` headings in page order (see the module docstring)."""
    ids: list[str] = []
    stack: list[tuple[int, str]] = []  # (level, id) of the open ancestors
    children: dict[str, int] = {}
    used: set[str] = set()
    for level, text in headings:
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else ""
        children[parent] = children.get(parent, 0) + 1
        number = _NUMBER.match(text)
        if number:
            new = "sec-" + number.group(1).replace(".", "-")
        else:
            new = f"{parent}-p{children[parent]}" if parent else f"p{children[parent]}"
        base, n = new, 2
        while new in used:
            new, n = f"{base}-{n}", n + 1
        used.add(new)
        ids.append(new)
        stack.append((level, new))
    return ids


def _text(inner: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", _PERMALINK.sub("", inner))).strip()


def renumber_headings(content: str, keep: set[str] = frozenset()) -> tuple[str, dict[str, str]]:
    """``content`` with section-number heading ids, and the map old id -> new id.

    Ids in ``keep`` (written by the author, ``## Summary {#summary}``) are left as they are.
    """
    matches = [m for m in _HEADING.finditer(content) if "doc-heading" not in m.group(3)]
    new_ids = heading_ids([(int(m.group(1)), _text(m.group(4))) for m in matches])
    mapping = {m.group(2): new for m, new in zip(matches, new_ids) if m.group(2) not in keep}

    def replace(m: re.Match[str]) -> str:
        if m.group(2) not in mapping:
            return m.group(0)
        new = mapping[m.group(2)]
        inner = m.group(4).replace(f'href="#{m.group(2)}"', f'href="#{new}"')
        return f'<h{m.group(1)} id="{new}"{m.group(3)}>{inner}</h{m.group(1)}>'

    content = _HEADING.sub(replace, content)
    # links to a heading of this page from elsewhere on it
    content = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{mapping.get(m.group(1), m.group(1))}"', content)
    return content, mapping


def _retarget_toc(items, mapping: dict[str, str]) -> None:
    for item in items:
        item.id = mapping.get(item.id, item.id)
        _retarget_toc(item.children, mapping)


@event_priority(-50)  # after the hooks that rewrite the content (math, tabs, API links)
def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    explicit = set(_EXPLICIT_ID.findall(page.markdown or ""))
    content, mapping = renumber_headings(content, explicit)
    _retarget_toc(page.toc.items, mapping)
    # What MkDocs' anchor validation checks: the ids this page has, and its links within itself
    # (rewritten above); links to other pages keep the anchor written in the Markdown.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids = (page.present_anchor_ids - set(mapping)) | set(mapping.values())
    own = (page.links_to_anchors or {}).get(page.file)
    if own:
        page.links_to_anchors[page.file] = {mapping.get(anchor, anchor): url for anchor, url in own.items()}
    return content
