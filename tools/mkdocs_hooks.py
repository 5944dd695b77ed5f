"""MkDocs hooks shared by both language builds (mkdocs.yml and mkdocs.en.yml).

* ``on_config``: the page language becomes ``MLNOTES_LANG`` (figure labels follow
  it, see :func:`mlnotes.viz.tr`), ``site_url`` is set per language from
  ``MLNOTES_SITE_ORIGIN`` (Material's language switcher needs it), and the API
  reference section is appended to the navigation.
* ``on_files``: one API reference page per public module of ``mlnotes``,
  discovered from the package itself, so a new module cannot be forgotten.
* ``on_page_markdown``: executed code blocks get tab titles in the page's language,
  and no id prefix (markdown-exec would rename the ``id`` of every figure and
  of the elements inside each SVG, breaking their internal references).
* ``on_page_content``: names a code block imports from ``mlnotes`` become links
  to their entry in the API reference; tab sets get page-unique ids (markdown-exec renders each
  block with its own Markdown instance, so every block's tabs were called
  ``__tabbed_1`` and the radio buttons of different blocks unchecked each other);
  LaTeX (arithmatex output, in pages and docstrings alike)
  becomes MathML at build time, so math renders with no script and no network.
"""

from __future__ import annotations

import html
import importlib
import os
import pkgutil
import re
from typing import Any

from latex2mathml.converter import convert as latex_to_mathml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

PACKAGE = "mlnotes"
DEFAULT_ORIGIN = "http://127.0.0.1:8000"

TEXT = {
    "zh": {
        "api": "API 参考",
        "api_index_title": "API 参考",
        "api_index_intro": (
            "`mlnotes` 的每个公开模块各占一页，内容由源代码中的文档字符串自动生成。"
            "页面中的代码块调用的正是这些函数和类。"
        ),
        "module": "模块",
        "summary": "说明",
        "tabs": "代码|结果",
    },
    "en": {
        "api": "API reference",
        "api_index_title": "API reference",
        "api_index_intro": (
            "One page per public module of `mlnotes`, generated from the docstrings in the source. "
            "The code blocks on the chapter pages call exactly these functions and classes."
        ),
        "module": "Module",
        "summary": "Summary",
        "tabs": "Source|Result",
    },
}


def public_modules() -> list[str]:
    """Dotted names of the public modules of ``mlnotes`` (one API page each).

    Top-level modules and subpackages whose names do not start with ``_``;
    a subpackage's own modules are documented through its ``__init__``.
    """
    pkg = importlib.import_module(PACKAGE)
    names = [f"{PACKAGE}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__) if not m.name.startswith("_")]
    return sorted(names)


def _lang(config: MkDocsConfig) -> str:
    lang = str(config.theme.get("language", "en"))
    if lang not in TEXT:
        raise PluginError(f"theme.language must be one of {sorted(TEXT)}, got {lang!r}")
    return lang


def _api_path(module: str) -> str:
    return "api/" + module.split(".", 1)[1].replace(".", "/") + ".md"


@event_priority(100)  # before the privacy plugin reads site_url
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = _lang(config)
    os.environ["MLNOTES_LANG"] = lang
    origin = os.environ.get("MLNOTES_SITE_ORIGIN", DEFAULT_ORIGIN).rstrip("/")
    config.site_url = f"{origin}/{lang}/"
    api_nav = [{TEXT[lang]["api_index_title"]: "api/index.md"}]
    api_nav += [{m: _api_path(m)} for m in public_modules()]
    config.nav = list(config.nav or []) + [{TEXT[lang]["api"]: api_nav}]
    return config


def _summary(module: str) -> str:
    doc = importlib.import_module(module).__doc__ or ""
    return doc.strip().splitlines()[0].rstrip(".") if doc.strip() else ""


def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = _lang(config)
    t = TEXT[lang]
    rows = [f"| {t['module']} | {t['summary']} |", "| --- | --- |"]
    for module in public_modules():
        page = _api_path(module)
        rel = page.split("/", 1)[1]
        rows.append(f"| [`{module}`]({rel}) | {_summary(module)} |")
        files.append(File.generated(config, page, content=f"::: {module}\n"))
    index = f"# {t['api_index_title']}\n\n{t['api_index_intro']}\n\n" + "\n".join(rows) + "\n"
    files.append(File.generated(config, "api/index.md", content=index))
    return files


_EXEC_FENCE = re.compile(r'^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*python(?P<attrs>[^\n]*\bexec="(?:1|on|true|yes)"[^\n]*)$',
                         re.M)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    tabs = TEXT[_lang(config)]["tabs"]

    def add_tabs(m: re.Match[str]) -> str:
        attrs = m.group("attrs")
        if "tabs=" not in attrs:
            attrs += f' tabs="{tabs}"'
        if "idprefix=" not in attrs:
            attrs += ' idprefix=""'
        return f"{m.group('indent')}{m.group('fence')}python{attrs}"

    return _EXEC_FENCE.sub(add_tabs, markdown)


_INLINE_MATH = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
_BLOCK_MATH = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)


def _mathml(latex: str, display: str, page: Page) -> str:
    source = html.unescape(latex).strip()
    try:
        return latex_to_mathml(source, display=display)
    except Exception as exc:  # latex2mathml raises many exception types
        raise PluginError(f"{page.file.src_uri}: cannot convert LaTeX {source!r} to MathML: {exc}") from exc


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


_CODE_BLOCK = re.compile(r"(<pre><span></span><code>)(.*?)(</code></pre>)", re.S)
_IMPORT = re.compile(r"^[ \t]*from[ \t]+(mlnotes(?:\.\w+)*)[ \t]+import[ \t]+(\([\w\s,]+\)|[\w \t,]+)", re.M)


def _api_target(module: str, name: str) -> str | None:
    """``api/<top>/#mlnotes.<top>.<name>`` if the API page of ``mlnotes.<top>`` documents ``name``."""
    parts = module.split(".")
    if len(parts) < 2 or name.startswith("_"):
        return None
    top = ".".join(parts[:2])
    try:
        top_module = importlib.import_module(top)
    except ImportError:
        return None
    public = getattr(top_module, "__all__", None)
    if not hasattr(top_module, name) or (public is not None and name not in public):
        return None
    return f"{_api_path(top)[:-3]}/#{top}.{name}"


def link_code_to_api(content: str, page: Page) -> str:
    """Link each ``mlnotes`` name imported in a code block to its API reference entry."""
    prefix = "../" * page.url.count("/")

    def link_block(m: re.Match[str]) -> str:
        code = m.group(2)
        text = html.unescape(re.sub(r"<[^>]+>", "", code))
        targets = {}
        for module, names in _IMPORT.findall(text):
            for name in re.findall(r"\w+", names):
                target = _api_target(module, name)
                if target:
                    targets[name] = target
        for name, target in targets.items():
            code = code.replace(f'<span class="n">{name}</span>',
                                f'<a class="mlnotes-api-link" href="{prefix}{target}"><span class="n">{name}</span></a>')
        return m.group(1) + code + m.group(3)

    return _CODE_BLOCK.sub(link_block, content)


def _math_block(latex: str, page: Page) -> str:
    return f'<div class="math-block">{_mathml(latex, "block", page)}</div>'


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.startswith("api/"):
        content = link_code_to_api(content, page)
    content = renumber_tab_sets(content)
    content = _BLOCK_MATH.sub(lambda m: _math_block(m.group(1), page), content)
    content = _INLINE_MATH.sub(lambda m: _mathml(m.group(1), "inline", page), content)
    return content
