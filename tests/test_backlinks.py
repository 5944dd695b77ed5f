"""API backlinks: every API entry a page's code uses lists that page's block, and every backlink resolves."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import LANGS, html_pages

pytestmark = pytest.mark.site

ANCHOR = re.compile(r'<div class="mlnotes-block-anchor" id="(code-[a-z0-9-]+)"')
API_LINK = re.compile(r'<a class="mlnotes-api-link" href="(?:\.\./)*api/([\w/]+)/#(mlnotes\.[\w.]+)">')
BACKLINKS = re.compile(r'<div class="mlnotes-backlinks">(.*?)</div>', re.S)
HREF = re.compile(r'href="((?:\.\./)*)([^"#]*)#([^"]+)"')
HEADING = re.compile(r'<h[1-6] id="(mlnotes\.[\w.]+)" class="doc doc-heading">')


def entries(api_html: str) -> dict[str, str]:
    """API identifier -> the HTML from its heading to the next entry's heading."""
    heads = list(HEADING.finditer(api_html))
    return {h.group(1): api_html[h.end(): heads[i + 1].start() if i + 1 < len(heads) else len(api_html)]
            for i, h in enumerate(heads)}


def test_every_api_entry_used_by_a_page_lists_that_block_and_every_backlink_resolves(built_site):
    for lang in LANGS:
        pages = html_pages(built_site, lang)
        api = {p: entries(h) for p, h in pages.items() if p.startswith("api/")}
        expected = 0
        for page, text in pages.items():
            if not re.match(r"ch\d+/", page):
                continue
            ids = ANCHOR.findall(text)
            assert ids and not [i for i, n in Counter(ids).items() if n > 1], f"{lang}/{page}: block ids {ids}"
            anchors = list(ANCHOR.finditer(text))
            url = page.removesuffix("index.html")
            for i, anchor in enumerate(anchors):
                end = anchors[i + 1].start() if i + 1 < len(anchors) else len(text)
                for api_page, identifier in set(API_LINK.findall(text, anchor.end(), end)):
                    entry = api[f"api/{api_page}/index.html"].get(identifier)
                    assert entry is not None, f"{lang}/{page}: no API entry {identifier}"
                    listed = BACKLINKS.search(entry)
                    up = "../" * (api_page.count("/") + 2)  # api/nn/ -> ../../, api/book/render/ -> ../../../
                    assert listed and f'href="{up}{url}#{anchor.group(1)}"' in listed.group(1), \
                        f"{lang}: {identifier} does not list {url}#{anchor.group(1)}"
                    expected += 1
        assert expected > 100
        resolved = 0
        for api_page, by_id in api.items():
            for identifier, entry in by_id.items():
                listed = BACKLINKS.search(entry)
                for prefix, target, fragment in HREF.findall(listed.group(1) if listed else ""):
                    assert prefix == "../" * api_page.count("/")
                    assert f'id="{fragment}"' in pages[target + "index.html"], f"{lang}/{api_page}: {target}#{fragment}"
                    resolved += 1
        assert resolved >= expected
