"""MkDocs hook: each function and class in the API reference lists the code blocks of the book that use it.

The "examples using X" of sphinx-gallery. mkdocstrings-python's ``backlinks`` option does not
serve here: mkdocs-autorefs records backlinks only from autorefs cross-references in Markdown
(``[X][mlnotes.m.X]`` in prose), pointing at the section heading around them, while the links from
a code block to the API are plain ``<a>`` tags made by `api_links.py` after Markdown.

* ``on_page_markdown`` (chapter pages): an empty ``<div id="code-<snippet>">`` anchor before each
  exec block, its id derived from the snippet it includes (``ch1/line_fit.py`` ->
  ``code-ch1-line-fit``), like the figure ids.
* ``on_page_content`` (after `api_links.py`): the API entries each block links to
  (``class="mlnotes-api-link"``) are recorded, per entry: page, title, block.
* ``on_post_page`` (API pages, rendered after every page's content exists): at the end of each
  entry's own documentation (before a class's members), the list of pages and blocks, in the
  page language, linked relatively.

``make serve`` re-renders single pages without the API pages: their backlinks are those of the
last full build until the next one.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TEXT = {"zh": "本书中用到它的代码：", "en": "Used in the book:"}
_CHAPTER = re.compile(r"^ch\d+/")
_FENCE = re.compile(r'^(?P<fence>`{3,}|~{3,})[ \t]*python[^\n]*\bexec="(?:1|on|true|yes)"[^\n]*\n'
                    r'[ \t]*-{1,}8<-{1,}[ \t]+"(?P<path>[^"]+)"[ \t]*\n', re.M)
_ANCHOR = re.compile(r'<div class="mlnotes-block-anchor" id="(code-[a-z0-9-]+)" data-snippet="([^"]+)"></div>')
_API_LINK = re.compile(r'<a class="mlnotes-api-link" href="[^"#]*#(mlnotes\.[\w.]+)">')
_ENTRY = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>mlnotes\.[\w.]+)" class="doc doc-heading">')
_CONTENTS = re.compile(r'<div class="doc doc-contents[^"]*">')
_DIV = re.compile(r'<div\b[^>]*>|</div>')


class _State:
    lang = "en"
    # identifier -> {(page url, page title): [(block id, snippet), ...]}
    uses: dict[str, dict[tuple[str, str], list[tuple[str, str]]]] = {}


def block_id(snippet: str) -> str:
    """``ch1/line_fit.py`` -> ``code-ch1-line-fit``."""
    return "code-" + re.sub(r"[^a-z0-9]+", "-", re.sub(r"\.py$", "", snippet.lower())).strip("-")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _State.lang = str(config.theme.get("language", "en"))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    _State.uses = {}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _CHAPTER.match(page.file.src_uri):
        return markdown
    def anchor(m: re.Match[str]) -> str:
        path = m.group("path")
        return (f'<div class="mlnotes-block-anchor" id="{block_id(path)}" data-snippet="{html.escape(path)}"></div>\n\n'
                + m.group(0))

    return _FENCE.sub(anchor, markdown)


def uses_in(content: str) -> list[tuple[str, str, set[str]]]:
    """(block id, snippet name, API identifiers linked from that block) for each anchored block."""
    anchors = list(_ANCHOR.finditer(content))
    found = []
    for i, anchor in enumerate(anchors):
        end = anchors[i + 1].start() if i + 1 < len(anchors) else len(content)
        identifiers = set(_API_LINK.findall(content, anchor.end(), end))
        found.append((anchor.group(1), html.unescape(anchor.group(2)), identifiers))
    return found


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _CHAPTER.match(page.file.src_uri):
        for block, snippet, identifiers in uses_in(content):
            for identifier in identifiers:
                blocks = _State.uses.setdefault(identifier, defaultdict(list))[(page.url, page.title or page.url)]
                blocks.append((block, snippet))
    return content


def backlinks_html(identifier: str, from_url: str) -> str:
    pages = _State.uses.get(identifier)
    if not pages:
        return ""
    prefix = "../" * from_url.count("/")
    items = []
    for (url, title), blocks in sorted(pages.items(), key=lambda item: (item[0][1], item[0][0])):
        links = ", ".join(f'<a href="{prefix}{url}#{block}"><code>{html.escape(snippet)}</code></a>'
                          for block, snippet in blocks)
        items.append(f"<li>{html.escape(title)}: {links}</li>")
    return (f'<div class="mlnotes-backlinks"><p>{TEXT.get(_State.lang, TEXT["en"])}</p>'
            f'<ul>{"".join(items)}</ul></div>')


def end_of_docstring(output: str, heading_end: int) -> int:
    """Where the entry whose heading ends at ``heading_end`` ends its own documentation.

    That is the end of its ``doc-contents`` block, or, for a class or module, the start of its
    members (``doc-children``) inside that block.
    """
    contents = _CONTENTS.search(output, heading_end)
    following = _ENTRY.search(output, heading_end)
    if contents is None or (following is not None and following.start() < contents.start()):
        return heading_end  # no documentation block of its own: right under the heading
    depth = 1
    for tag in _DIV.finditer(output, contents.end()):
        if tag.group(0) == "</div>":
            depth -= 1
            if depth == 0:
                return tag.start()
        else:
            if depth == 1 and 'class="doc doc-children"' in tag.group(0):
                return tag.start()
            depth += 1
    return heading_end


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not page.file.src_uri.startswith("api/"):
        return output
    inserts = []
    for entry in _ENTRY.finditer(output):
        block = backlinks_html(entry.group("id"), page.url)
        if block:
            heading_end = output.index(f"</h{entry.group('level')}>", entry.end()) + len("</h1>")
            inserts.append((end_of_docstring(output, heading_end), block))
    for at, block in sorted(inserts, reverse=True):
        output = output[:at] + block + output[at:]
    return output
