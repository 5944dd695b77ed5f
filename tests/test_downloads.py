"""Take the book along: every chapter page links a notebook and a script; the notebooks are valid and run.

The execution test makes one clean virtual environment with only pip and ipykernel in it; the first
notebook's own install cell (``%pip install <the served wheel>``) installs ``mlnotes`` and its
declared dependencies from the package index, as it would for a reader. One notebook per chapter
then runs headless (nbclient), and the numbers it prints must be the page's.
"""
from __future__ import annotations

import asyncio
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LANGS, OUTPUT, ROOT, html_pages

pytestmark = pytest.mark.site

BUTTONS = re.compile(r'<p class="mlnotes-downloads">(.*?)</p>', re.S)
HREF = re.compile(r'href="([^"]+)"')
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?")
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
# One notebook per chapter, in both languages between them; pages whose code needs only mlnotes.
EXECUTED = [("zh", "ch1-overview"), ("en", "ch2-history"), ("zh", "ch3-neuron"), ("en", "ch4-images")]


def chapter_pages(site: Path, lang: str) -> dict[str, str]:
    return {p: h for p, h in html_pages(site, lang).items() if re.match(r"ch\d+/", p)}


def test_every_chapter_page_links_a_notebook_and_a_script_that_exist(built_site):
    import nbformat

    labels = {"zh": ("下载 Jupyter 笔记本", "下载 Python 脚本"), "en": ("Download notebook", "Download script")}
    for lang in LANGS:
        pages = chapter_pages(built_site, lang)
        assert len(pages) == 15
        for page, text in pages.items():
            found = BUTTONS.search(text)
            assert found, f"{lang}/{page}: no download buttons"
            assert all(label in found.group(1) for label in labels[lang]), f"{lang}/{page}: labels not in {lang}"
            targets = [(built_site / lang / page).parent / h for h in HREF.findall(found.group(1))]
            suffixes = sorted(t.suffix for t in targets)
            assert suffixes == [".ipynb", ".py", ".whl"], f"{lang}/{page}: {suffixes}"
            for target in targets:
                assert target.resolve().is_file(), f"{lang}/{page}: {target} missing"
            notebook = next(t for t in targets if t.suffix == ".ipynb")
            nb = nbformat.read(notebook, as_version=4)
            nbformat.validate(nb)
            blocks = [c for c in nb.cells if c.cell_type == "code" and "mlnotes" in c.metadata]
            source = (ROOT / "docs" / lang / page.replace("/index.html", ".md")).read_text(encoding="utf-8")
            fences = len(re.findall(r'^[ \t]*```python[^\n]*exec="on"', source, re.M))
            assert len(blocks) == fences > 0, f"{lang}/{page}: {len(blocks)} code cells for {fences} blocks"
            assert nb.cells[1].source.startswith("%pip install mlnotes-") and f'set_language("{lang}")' in nb.cells[2].source
            script = next(t for t in targets if t.suffix == ".py").read_text(encoding="utf-8")
            compile(script, str(notebook), "exec")
            for cell in blocks:
                assert cell.source in script


def _numbers(outputs: list, executed: bool) -> list[str]:
    """Numbers a cell printed: streams and Markdown (built), streams and figure captions (executed)."""
    text = []
    for out in outputs:
        if out.get("output_type") == "stream":
            text.append(out["text"])
        elif out.get("output_type") in ("display_data", "execute_result"):
            data = out.get("data", {})
            if executed and "text/html" in data:
                text.append(html.unescape(re.sub(r"<[^>]+>", " ", SVG.sub("", data["text/html"]))))
            elif not executed and "text/markdown" in data:
                text.append(data["text/markdown"].strip("*"))
        elif out.get("output_type") == "error":
            raise AssertionError("\n".join(out.get("traceback", [])))
    return NUMBER.findall("\n".join(text))


def test_one_notebook_per_chapter_runs_in_a_clean_environment_and_prints_the_pages_numbers(built_site, tmp_path):
    import nbformat
    from nbclient import NotebookClient

    venv = tmp_path / "venv"
    python = venv / "bin" / "python"
    uv = Path(sys.executable).parent / "uv"  # 1 s where venv and pip take 12 s; the notebooks install with pip
    subprocess.run([str(uv), "venv", "--quiet", "--seed", "--python", sys.executable, str(venv)], check=True)
    subprocess.run([str(uv), "pip", "install", "--quiet", "--python", str(python), "ipykernel"], check=True)
    subprocess.run([str(python), "-m", "ipykernel", "install", "--prefix", str(venv), "--name", "mlnotes-clean"],
                   check=True, capture_output=True)
    env = {"JUPYTER_PATH": str(venv / "share" / "jupyter"), "MLNOTES_LANG": "", "PYTHONPATH": ""}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)

    def client(lang: str, name: str) -> NotebookClient:
        """The notebook as served, its outputs cleared, in a folder of its own with the served wheel."""
        work = tmp_path / f"{lang}-{name}"
        work.mkdir()
        downloads = built_site / lang / "downloads"
        shutil.copy(next(downloads.glob("mlnotes-*.whl")), work)
        nb = nbformat.read(downloads / f"{name}-{lang}.ipynb", as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = []
        return NotebookClient(nb, kernel_name="mlnotes-clean", timeout=300,
                              resources={"metadata": {"path": str(work)}})

    async def run_all(clients) -> None:
        await asyncio.gather(*(c.async_execute() for c in clients))

    try:
        # the first notebook installs mlnotes and its dependencies; the others, each in a kernel of
        # its own, then run side by side (their install cells find everything installed)
        runs = [client(lang, name) for lang, name in EXECUTED]
        runs[0].execute()
        asyncio.run(run_all(runs[1:]))
        for (lang, name), nb in zip(EXECUTED, (run.nb for run in runs)):
            built = nbformat.read(built_site / lang / "downloads" / f"{name}-{lang}.ipynb", as_version=4)
            (OUTPUT / "notebooks").mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, OUTPUT / "notebooks" / f"{name}-{lang}.executed.ipynb")
            install = "".join(o.get("text", "") for o in nb.cells[1].outputs)
            assert "error" not in install.lower(), install
            compared = 0
            for before, after in zip(built.cells, nb.cells):
                if before.cell_type != "code" or "mlnotes" not in before.metadata:
                    continue
                expected, got = _numbers(before.outputs, False), _numbers(after.outputs, True)
                assert got == expected, f"{lang}/{name}: {before.metadata['mlnotes']['snippet']} printed other numbers"
                compared += len(expected)
            assert compared > 0, f"{lang}/{name}: no numbers to compare"
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    assert json.loads((built_site / "en" / "downloads" / "ch1-overview-en.ipynb").read_text(encoding="utf-8"))
