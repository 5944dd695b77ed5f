"""MkDocs hook: each chapter page as a Jupyter notebook and a Python script, and the ``mlnotes`` wheel, to download.

* ``on_config``: observes `exec_cache.run_block` (which `execute.py` calls for every block) so that the
  code each block ran and the output it printed are recorded per page: the notebook shows the
  outputs of the very execution the page shows (cached or not), nothing runs twice.
* ``on_page_markdown``: the page's Markdown, cut into prose and exec blocks
  (`notebook_export.split_page`).
* ``on_post_page``: writes ``downloads/<chapter>-<page>-<lang>.ipynb`` and ``.py`` (see
  `notebook_export`) and puts the download buttons (labels in the page language) under the page
  title. Only chapter pages (``ch*/``) get them; the home page gets the link to the book's PDF
  (``downloads/mlnotes-<lang>.pdf``, printed by ``tools/pdf.py``: ``make pdf``).
* ``on_post_build``: builds the wheel of ``mlnotes`` with hatchling (the package's build backend,
  reproducible: fixed timestamps) into ``downloads/``, the file the notebooks' first cell installs.
"""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path

import exec_cache
import notebook_export as nbx
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
DOWNLOADS = "downloads"
_CHAPTER = re.compile(r"^ch\d+/")


class _State:
    lang = "en"
    blocks: dict[str, list[nbx.Block]] = {}
    parts: dict[str, list[str | int]] = {}


def wheel_name() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return f"{project['name']}-{project['version']}-py3-none-any.whl"


def download_name(src_uri: str, lang: str, suffix: str) -> str:
    """``ch1/overview.md`` -> ``ch1-overview-zh.ipynb``."""
    return re.sub(r"\.md$", "", src_uri).replace("/", "-") + f"-{lang}{suffix}"


def _record(code: str, lang: str, filename: str, where: str, options: dict | None, output: str) -> None:
    if where in _State.blocks:
        _State.blocks[where].append(nbx.Block(code=code, output=output, options=dict(options or {}),
                                              filename=filename))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _State.lang = str(config.theme.get("language", "en"))
    if _record not in exec_cache.OBSERVERS:
        exec_cache.OBSERVERS.append(_record)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    _State.blocks, _State.parts = {}, {}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    if _CHAPTER.match(src):
        _State.parts[src] = nbx.split_page(markdown)
        _State.blocks[src] = []
    return markdown


def buttons(page: Page, lang: str) -> str:
    """The download buttons of a chapter page (relative links, labels in the page language)."""
    t = nbx.TEXT[lang]
    prefix = "../" * page.url.count("/") + DOWNLOADS + "/"
    links = [(download_name(page.file.src_uri, lang, ".ipynb"), t["notebook"]),
             (download_name(page.file.src_uri, lang, ".py"), t["script"]),
             (wheel_name(), t["wheel"])]
    anchors = "\n".join(f'<a class="md-button" href="{prefix}{name}" download="{name}">{html.escape(label)}</a>'
                        for name, label in links)
    return f'<p class="mlnotes-downloads">\n{anchors}\n</p>'


def pdf_name(lang: str) -> str:
    """The book's PDF, written by ``tools/pdf.py`` (``make pdf``) into ``downloads/``."""
    return f"mlnotes-{lang}.pdf"


def _under_title(output: str, src: str, insert: str) -> str:
    article = output.find("<article")
    end = output.find("</h1>", article)
    if article < 0 or end < 0:
        raise PluginError(f"{src}: no page title (<h1>) to put the download buttons under.")
    end += len("</h1>")
    return output[:end] + insert + output[end:]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    src = page.file.src_uri
    if src == "index.md":
        name = pdf_name(_State.lang)
        label = html.escape(nbx.TEXT[_State.lang]["pdf"])
        return _under_title(output, src, f'<p class="mlnotes-downloads"><a class="md-button" href="{DOWNLOADS}/{name}" '
                                         f'download="{name}">{label}</a></p>')
    if src not in _State.parts:
        return output
    parts, blocks = _State.parts[src], _State.blocks.get(src, [])
    fences = sum(isinstance(p, int) for p in parts)
    if fences != len(blocks):
        raise PluginError(f"{src}: the page has {fences} exec blocks but {len(blocks)} were recorded; "
                          "downloads.py must see every block execute.py runs (exec_cache.OBSERVERS).")
    site_url = config.site_url or "/"
    wheel = wheel_name()
    common = dict(title=page.title or src, lang=_State.lang, src_uri=src, site_url=site_url, parts=parts,
                  blocks=blocks, wheel=wheel, wheel_url=f"{site_url}{DOWNLOADS}/{wheel}")
    folder = Path(config.site_dir) / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / download_name(src, _State.lang, ".ipynb")).write_text(nbx.dumps(nbx.notebook(**common)),
                                                                   encoding="utf-8")
    (folder / download_name(src, _State.lang, ".py")).write_text(nbx.script(**common), encoding="utf-8")
    return _under_title(output, src, buttons(page, _State.lang))


def build_wheel(folder: Path) -> Path:
    """Build the ``mlnotes`` wheel into ``folder`` with hatchling; return its path."""
    from hatchling.builders.wheel import WheelBuilder

    folder.mkdir(parents=True, exist_ok=True)
    built = [Path(p) for p in WheelBuilder(str(ROOT)).build(directory=str(folder), versions=["standard"])]
    if [p.name for p in built] != [wheel_name()]:
        raise PluginError(f"hatchling built {[p.name for p in built]}, expected {wheel_name()}")
    return built[0]


def on_post_build(config: MkDocsConfig) -> None:
    build_wheel(Path(config.site_dir) / DOWNLOADS)
