"""A broken page fails the strict build with a message that names the page, the file and what to do."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.site
HOOKS = [line.split()[1].split("/")[-1][:-3] for line in (ROOT / "mkdocs.yml").read_text().splitlines()
         if line.startswith("  - tools/hooks/")]


def _build(tmp_path: Path, pages: str | dict[str, str], snippets: dict[str, str] | None = None, **env: str):
    """Build a site of one page (``index.md``) or of the pages given by name (the real configuration,
    hooks and theme) from ``tmp_path``."""
    pages = {"index.md": pages} if isinstance(pages, str) else pages
    docs = tmp_path / "docs" / "zh"
    docs.mkdir(parents=True)
    for name, text in pages.items():
        (docs / name).write_text(textwrap.dedent(text), encoding="utf-8")
    for name, code in (snippets or {}).items():
        path = tmp_path / "docs" / "snippets" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(code), encoding="utf-8")
    (tmp_path / "docs" / "search").symlink_to(ROOT / "docs" / "search")  # the jieba user dictionary
    config = tmp_path / "mkdocs.yml"
    hooks = "".join(f"  - {ROOT / 'tools' / 'hooks' / name}.py\n" for name in HOOKS)
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {docs}\nsite_dir: {tmp_path / 'site'}\n"
                      f"theme:\n  custom_dir: {ROOT / 'docs' / 'overrides'}\nhooks:\n{hooks}"
                      "nav:\n" + "".join(f"  - {name}\n" for name in pages), encoding="utf-8")
    # paths in a configuration are relative to its file, snippets to the working folder
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                          cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0",
                               "MLNOTES_EXEC_CACHE_DIR": str(tmp_path / "cache"), **env})
    return proc, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory):
    """One strict build of two broken pages: a block that raises, and a figure without a caption.

    One build for both, since each build renders the whole API reference too; each page's error is
    reported with its own page, and the build counts exactly these two.
    """
    tmp_path = tmp_path_factory.mktemp("broken")
    proc, log = _build(tmp_path, {
        "index.md": """\
            # Broken

            ```python exec="on"
            --8<-- "ch9/broken.py"
            ```
            """,
        "figure.md": """\
            # Figure

            ```python exec="on"
            --8<-- "ch9/uncaptioned.py"
            ```
            """}, {
        "ch9/broken.py": """\
            total = 0
            for n in range(3):
                total += n
            raise RuntimeError("boom from a page block")
            """,
        "ch9/uncaptioned.py": """\
            from mlnotes.book.render import figure, figure_html

            fig, ax = figure()
            print(figure_html(fig, ""))
            """})
    return tmp_path, proc, log


def test_a_block_that_raises_fails_with_page_snippet_and_line_and_is_not_cached(broken_build):
    tmp_path, proc, log = broken_build
    assert proc.returncode != 0
    assert "index.md: code block docs/snippets/ch9/broken.py, line 4 raised RuntimeError: boom from a page block" in log
    assert "Aborted with 2 warnings in strict mode" in log  # one per broken page, nothing else
    assert not list((tmp_path / "cache").rglob("*.json"))


def test_a_figure_without_caption_fails_with_the_snippet_line(broken_build):
    _, proc, log = broken_build
    assert proc.returncode != 0
    assert "figure.md: code block docs/snippets/ch9/uncaptioned.py, line 4 raised ValueError: figure_html needs a non-empty caption" in log


def test_a_missing_snippet_file_is_named_with_its_page(tmp_path):
    proc, log = _build(tmp_path, """\
        # Missing

        ```python exec="on"
        --8<-- "ch9/not_there.py"
        ```
        """)
    assert proc.returncode != 0
    assert "index.md: a code block includes the snippet 'ch9/not_there.py', which is not in docs/snippets" in log
    assert "Traceback" not in log


def test_a_malformed_site_origin_is_refused_with_the_expected_form(tmp_path):
    proc, log = _build(tmp_path, "# Fine\n", MLNOTES_SITE_ORIGIN="example.org/book")
    assert proc.returncode != 0
    assert "MLNOTES_SITE_ORIGIN must look like 'https://example.org'" in log and "'example.org/book'" in log
    assert "Traceback" not in log
