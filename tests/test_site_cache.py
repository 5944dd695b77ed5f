"""The whole-build cache (tools/site_cache.py): what invalidates a language's stored build."""
from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import site_cache  # noqa: E402


@pytest.fixture
def tree(tmp_path):
    for rel in ("docs/zh/index.md", "docs/en/index.md", "docs/snippets/a.py", "mlnotes/x.py", "tools/t.py",
                "mkdocs.yml", "mkdocs.en.yml", "pyproject.toml"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {rel}\n")
    return tmp_path


def _fp(tree, lang="zh", origin="http://127.0.0.1:8000", strict=True):
    return site_cache.fingerprint(lang, origin=origin, strict=strict, root=tree)


@pytest.mark.parametrize("rel", ["docs/zh/index.md", "docs/snippets/a.py", "mlnotes/x.py", "tools/t.py",
                                 "mkdocs.yml", "pyproject.toml"])
def test_any_input_of_the_language_changes_the_fingerprint(tree, rel):
    before = _fp(tree)
    (tree / rel).write_text("changed\n")
    assert _fp(tree) != before


def test_the_other_languages_pages_and_unrelated_files_do_not(tree):
    before = _fp(tree)
    (tree / "docs/en/index.md").write_text("changed\n")
    (tree / "site").mkdir()
    (tree / "site/index.html").write_text("output\n")
    (tree / "mlnotes/__pycache__").mkdir()
    (tree / "mlnotes/__pycache__/x.pyc").write_bytes(b"\0")
    assert _fp(tree) == before


def test_language_origin_and_strictness_are_part_of_it(tree):
    assert len({_fp(tree), _fp(tree, lang="en"), _fp(tree, origin="https://example.org"),
                _fp(tree, strict=False)}) == 4


def test_store_and_restore(tree, tmp_path, monkeypatch):
    monkeypatch.setenv("MLNOTES_SITE_CACHE_DIR", str(tmp_path / "cache"))
    built = tmp_path / "built"
    (built / "ch1").mkdir(parents=True)
    (built / "ch1/index.html").write_text("<p>page</p>")
    site_cache.store("zh", "k1", built)
    out = tmp_path / "out" / "zh"
    assert not site_cache.restore("zh", "k2", out) and not site_cache.restore("en", "k1", out)
    assert site_cache.restore("zh", "k1", out)
    assert (out / "ch1/index.html").read_text() == "<p>page</p>"
    site_cache.store("zh", "k2", built)  # replaces the previous entry
    assert not site_cache.restore("zh", "k1", out) and site_cache.restore("zh", "k2", out)


@pytest.mark.parametrize("env, on", [({}, True), ({"MLNOTES_SITE_CACHE": "off"}, False),
                                     ({"MLNOTES_EXEC_CACHE": "off"}, False),
                                     ({"MLNOTES_EXEC_CACHE": "refresh"}, False)])
def test_bypass(monkeypatch, env, on):
    for name in ("MLNOTES_SITE_CACHE", "MLNOTES_EXEC_CACHE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert site_cache.enabled() is on
