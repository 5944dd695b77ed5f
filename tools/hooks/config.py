"""MkDocs hook: the language of the build, its site URL, and the generated API reference pages.

* ``on_config``: the page language becomes ``MLNOTES_LANG`` (figure labels follow it, see
  [`mlnotes.book.i18n.tr`][mlnotes.book.i18n.tr]); ``site_url`` is ``MLNOTES_SITE_ORIGIN`` + ``/<lang>/``
  (Material's language switcher needs it); the API reference section is appended to the nav.
* ``on_files``: one API reference page per public module of ``mlnotes``, discovered from the
  package itself, so a new module cannot be forgotten, and an index page listing them.
"""

from __future__ import annotations

import importlib
import os
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from api_pages import api_path, book_modules, public_modules

DEFAULT_ORIGIN = "http://127.0.0.1:8000"

TEXT = {
    "zh": {
        "api": "API 参考",
        "api_index_title": "API 参考",
        "api_index_intro": (
            "`mlnotes` 的每个公开模块各占一页，内容由源代码中的文档字符串自动生成。"
            "各章页面中的代码块调用的正是这些函数和类。"
        ),
        "module": "模块",
        "library": "机器学习库",
        "book": "本书辅助代码",
        "book_intro": (
            "`mlnotes.book` 是本书各页面自己的代码（章节实验、页面数据与示例、作图、图片渲染与中英文标签），"
            "不属于机器学习库本身；每个模块的说明写明了哪些页面用到它。"
        ),
        "summary": "说明",
    },
    "en": {
        "api": "API reference",
        "api_index_title": "API reference",
        "api_index_intro": (
            "One page per public module of `mlnotes`, generated from the docstrings in the source. "
            "The code blocks on the chapter pages call exactly these functions and classes."
        ),
        "module": "Module",
        "library": "Library",
        "book": "Book helpers",
        "book_intro": (
            "`mlnotes.book` is the book's own code (chapter experiments, page data and worked examples, "
            "drawings, figure rendering, bilingual labels), not part of the machine-learning library; each module says which "
            "pages use it."
        ),
        "summary": "Summary",
    },
}


def language(config: MkDocsConfig) -> str:
    lang = str(config.theme.get("language", "en"))
    if lang not in TEXT:
        raise PluginError(f"theme.language must be one of {sorted(TEXT)}, got {lang!r}")
    return lang


def site_origin() -> str:
    """``MLNOTES_SITE_ORIGIN`` checked: ``scheme://host[:port]``, nothing else."""
    origin = os.environ.get("MLNOTES_SITE_ORIGIN", DEFAULT_ORIGIN).strip().rstrip("/")
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query or parts.fragment:
        raise PluginError(f"MLNOTES_SITE_ORIGIN must look like 'https://example.org' or 'http://127.0.0.1:8000' "
                          f"(scheme and host, no path); got {origin!r}.")
    return origin


@event_priority(100)  # before the privacy plugin reads site_url, and before any page code runs
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = language(config)
    os.environ["MLNOTES_LANG"] = lang
    config.site_url = f"{site_origin()}/{lang}/"
    api_nav = [{TEXT[lang]["api_index_title"]: "api/index.md"}]
    api_nav += [{m: api_path(m)} for m in public_modules()]
    api_nav += [{TEXT[lang]["book"]: [{m: api_path(m)} for m in book_modules()]}]
    config.nav = list(config.nav or []) + [{TEXT[lang]["api"]: api_nav}]
    return config


def _summary(module: str) -> str:
    doc = importlib.import_module(module).__doc__ or ""
    return doc.strip().splitlines()[0].rstrip(".") if doc.strip() else ""


def on_files(files: Files, config: MkDocsConfig) -> Files:
    t = TEXT[language(config)]
    header = [f"| {t['module']} | {t['summary']} |", "| --- | --- |"]
    tables = {}
    for section, modules in (("library", public_modules()), ("book", book_modules())):
        rows = []
        for module in modules:
            page = api_path(module)
            rel = page.split("/", 1)[1]
            rows.append(f"| [`{module}`]({rel}) | {_summary(module)} |")
            # half the search weight of a chapter page: a term's explaining page ranks above its API entry
            files.append(File.generated(config, page, content=f"---\nsearch:\n  boost: 0.5\n---\n::: {module}\n"))
        tables[section] = "\n".join(header + rows)
    index = (f"# {t['api_index_title']}\n\n{t['api_index_intro']}\n\n## {t['library']} {{#library}}\n\n"
             f"{tables['library']}\n\n## {t['book']} {{#book}}\n\n{t['book_intro']}\n\n{tables['book']}\n")
    files.append(File.generated(config, "api/index.md", content=index))
    return files
