"""MkDocs hook: run the pages' ``python exec="on"`` blocks through the execution cache, figures kept out of Markdown.

* ``on_config``: markdown-exec's ``python`` fence keeps its validator (its options are parsed as
  markdown-exec documents them) but gets `formatter` below, which executes through
  `exec_cache.run_block` (the extension point markdown-exec offers: a custom fence's ``format``).
* ``on_page_markdown``: each exec fence gets its tab titles in the page language, no id prefix
  (markdown-exec would rename the ids of every figure and of the elements inside each SVG), and
  ``file="docs/snippets/<path>"`` when it includes one snippet: the code is compiled under that
  file name, so a traceback names the snippet and its line, and figure ids follow from it.
* The printed output is Markdown; each ``<svg>`` in it (megabytes per page) is replaced by an
  empty placeholder before Markdown, the search index and the templates see the page, and put
  back in ``on_post_page``.
* ``on_post_build``: how many blocks ran and how many came from the cache; unused entries are
  pruned after a complete build.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from typing import Any

import exec_cache
from markdown_exec import ExecutionError, base_format, code_block
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.execute")

TABS = {"zh": "代码|结果", "en": "Source|Result"}

_EXEC_FENCE = re.compile(
    r'^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*python(?P<attrs>[^\n]*\bexec="(?:1|on|true|yes)"[^\n]*)\n'
    r'(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$', re.M | re.S)
_SNIPPET_LINE = re.compile(r'^[ \t]*-{1,}8<-{1,}[ \t]+"(?P<path>[^"]+)"[ \t]*$')
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_SLOT = re.compile(r'<span class="mlnotes-slot" data-slot="([0-9a-f]{64})"></span>')


class _State:
    lang = "en"
    page = "?"
    slots: dict[str, str] = {}


def _lang(config: MkDocsConfig) -> str:
    lang = str(config.theme.get("language", "en"))
    if lang not in TABS:
        raise PluginError(f"theme.language must be one of {sorted(TABS)}, got {lang!r}")
    return lang


def _slot(match: re.Match[str]) -> str:
    svg = match.group(0)
    digest = hashlib.sha256(svg.encode("utf-8")).hexdigest()
    _State.slots[digest] = svg
    return f'<span class="mlnotes-slot" data-slot="{digest}"></span>'


def formatter(source: str, language: str, css_class: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """superfences ``format`` for ``python exec="on"``: markdown-exec's rendering, our execution."""
    extra = dict(options.get("extra", {}))
    filename = extra.pop("file", "") or f"{_State.page}:block"
    if options.get("session"):
        raise PluginError(f"{_State.page}: exec blocks with session= are not supported (each block runs on its "
                          "own so that it can be cached); put shared setup in a module the blocks import.")
    key_options = {k: v for k, v in options.items() if k != "extra"} | {"extra": extra}

    def run(code: str, **_: Any) -> str:
        try:
            output = exec_cache.run_block(code, lang=_State.lang, filename=filename, where=_State.page,
                                          options=key_options)
        except exec_cache.BlockError as error:
            raise ExecutionError(code_block("python", str(error))) from error
        if options.get("result") or options.get("html"):
            return output
        return _SVG.sub(_slot, output)

    return base_format(language=language, run=run, code=source, md=md, **dict(options, extra=extra))


@event_priority(-100)  # after markdown-exec's on_config has registered its fences
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _State.lang = _lang(config)
    fences = config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
    python = [fence for fence in fences if fence.get("name") == "python"]
    if not python:
        raise PluginError("the markdown-exec plugin must be enabled (it registers the python fence).")
    for fence in python:
        fence["format"] = formatter
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    exec_cache.STATS.__init__()
    _State.slots = {}
    exec_cache.cache_mode()  # a bad MLNOTES_EXEC_CACHE fails before any page is read


def _snippet_file(path: str, page: Page, config: MkDocsConfig) -> str:
    """Where ``--8<-- "path"`` comes from (pymdownx.snippets' ``base_path``, relative to the working directory)."""
    bases = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    for base in [bases] if isinstance(bases, str) else bases:
        candidate = os.path.join(base, path)
        if os.path.isfile(candidate):
            return candidate.replace(os.sep, "/")
    raise PluginError(f"{page.file.src_uri}: a code block includes the snippet {path!r}, which is not in "
                      f"{' or '.join(map(str, bases))}; create the file or fix the name in the page.")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _State.page = page.file.src_uri
    tabs = TABS[_State.lang]

    def annotate(m: re.Match[str]) -> str:
        attrs = m.group("attrs")
        if "tabs=" not in attrs:
            attrs += f' tabs="{tabs}"'
        if "idprefix=" not in attrs:
            attrs += ' idprefix=""'
        body = m.group("body")
        lines = [line for line in body.splitlines() if line.strip()]
        snippet = _SNIPPET_LINE.match(lines[0]) if len(lines) == 1 else None
        if snippet and "file=" not in attrs:
            attrs += f' file="{_snippet_file(snippet.group("path"), page, config)}"'
        return f"{m.group('indent')}{m.group('fence')}python{attrs}\n{body}{m.group('indent')}{m.group('fence')}"

    return _EXEC_FENCE.sub(annotate, markdown)


@event_priority(100)  # before other plugins read the final HTML
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    def fill(m: re.Match[str]) -> str:
        svg = _State.slots.get(m.group(1))
        if svg is None:
            raise PluginError(f"{page.file.src_uri}: lost a figure placeholder ({m.group(1)[:12]}...)")
        return svg

    return _SLOT.sub(fill, output)


def on_post_build(config: MkDocsConfig) -> None:
    stats = exec_cache.STATS
    pruned = 0
    if exec_cache.cache_mode() != "off":
        pruned = exec_cache.prune(_State.lang, stats.used)
    log.info(f"exec cache ({_State.lang}): {stats.executed} blocks executed, {stats.reused} reused, "
             f"{pruned} stale entries pruned")
