"""The glossary (docs/glossary.yml, rendered on docs/<lang>/glossary.md): every entry is complete, every
link target (page + heading id) exists in the built site of its language, and zh and en list the same terms."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import LANGS, ROOT

FIELDS = ("zh", "en", "definition_zh", "definition_en", "page", "anchor")
ROW_LINK = re.compile(r'<tr>\s*<td><strong>(.*?)</strong></td>.*?<a href="([^"#]*)#([^"]+)"', re.S)


def entries() -> list[dict]:
    return yaml.safe_load((ROOT / "docs" / "glossary.yml").read_text(encoding="utf-8"))


def heading_ids(site: Path, lang: str, page: str) -> set[str]:
    path = site / lang / Path(page).with_suffix("") / "index.html"
    assert path.is_file(), f"{lang}: glossary links to a page that was not built: {page}"
    return set(re.findall(r'<h[1-6] id="([^"]+)"', path.read_text(encoding="utf-8")))


def missing_targets(site: Path) -> list[str]:
    """Every glossary entry whose page or heading id does not exist in the built site (either language)."""
    missing = []
    for e in entries():
        for lang in LANGS:
            try:
                ids = heading_ids(site, lang, e["page"])
            except AssertionError as err:
                missing.append(str(err))
                continue
            if e["anchor"] not in ids:
                missing.append(f"{lang}: {e[lang]!r} -> {e['page']}#{e['anchor']} (no such heading)")
    return missing


def rendered_rows(site: Path, lang: str) -> list[tuple[str, str, str]]:
    text = (site / lang / "glossary" / "index.html").read_text(encoding="utf-8")
    return [(html.unescape(re.sub(r"<[^>]+>", "", term)), href, anchor) for term, href, anchor in ROW_LINK.findall(text)]


def test_every_glossary_entry_is_complete_and_unique():
    data = entries()
    assert 40 <= len(data) <= 100
    for e in data:
        assert set(e) == set(FIELDS), f"glossary entry with wrong fields: {e}"
        assert all(isinstance(e[f], str) and e[f].strip() for f in FIELDS), f"empty field in {e}"
        assert (ROOT / "docs" / "zh" / e["page"]).is_file() and (ROOT / "docs" / "en" / e["page"]).is_file(), e["page"]
        assert "\n" not in e["definition_zh"] + e["definition_en"], f"definitions are one line: {e['zh']}"
    for lang in LANGS:
        terms = [e[lang] for e in data]
        assert len(terms) == len(set(terms)), f"{lang}: duplicate glossary terms"


@pytest.mark.site
def test_every_glossary_link_target_exists_in_the_built_site(built_site):
    assert not missing_targets(built_site), "\n".join(missing_targets(built_site))


@pytest.mark.site
def test_zh_and_en_glossary_pages_list_the_same_entries(built_site):
    data = entries()
    for lang in LANGS:
        rows = rendered_rows(built_site, lang)
        assert [term for term, _, _ in rows] == [e[lang] for e in data], f"{lang}: glossary page differs from the data"
        for (term, href, anchor), e in zip(rows, data):
            assert anchor == e["anchor"], f"{lang}: {term} links to #{anchor}"
            # the link as written in the HTML, resolved against the glossary page, is the defining page
            target = (built_site / lang / "glossary" / href / "index.html").resolve()
            assert target == (built_site / lang / Path(e["page"]).with_suffix("") / "index.html").resolve(), \
                f"{lang}: {term} links to {href}"
    assert len(rendered_rows(built_site, "zh")) == len(rendered_rows(built_site, "en")) == len(data)
