"""MkDocs hook: run the pages' ``python exec="on"`` blocks through the execution cache, figures kept out of Markdown.

* ``on_config``: markdown-exec's ``python`` fence keeps its validator (its options are parsed as
  markdown-exec documents them) but gets `formatter` below, which executes through
  `exec_cache.run_block` (the extension point markdown-exec offers: a custom fence's ``format``).
* ``on_page_markdown``: each exec fence gets its tab titles in the page language, no id prefix
  (markdown-exec would rename the ids of every figure and of the elements inside each SVG), and
  ``file="docs/snippets/<path>"`` when it includes one snippet: the code is compiled under that
  file name, so a traceback names the snippet and its line, and figure ids follow from it.
* The printed output is Markdown; each ``<svg>`` in it (megabytes per page) is replaced by an
  empty placeholder before Markdown, the search index and the templates see the page. In
  ``on_post_page`` each figure's SVG is written to its own file, ``figures/<sha256[:20]>.svg``
  in the language's site folder (named by its content, so unchanged figures keep their URL), and
  the page gets an ``<img loading="lazy">`` of it with the SVG's size, label and data attributes:
  a page's HTML stays small and figures below the fold load as the reader scrolls. Photos that
  matplotlib embeds as base64 PNG are re-encoded as JPEG when that is much smaller
  (`_compress_photos`).
* ``on_post_build``: how many blocks ran and how many came from the cache; unused entries are
  pruned after a complete build.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import os
import re
from pathlib import Path
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
    order: list[str] = []  # the pages' order, while the second language renders them backwards
    slots: dict[str, str] = {}


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
    # the tab titles are the page language's words around the block, not part of what it prints:
    # left out of the key, both languages look the block up with the same options (see exec_cache)
    key_options = {k: v for k, v in options.items() if k not in ("extra", "tabs")} | {"extra": extra}

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
    _State.lang = str(config.theme["language"])  # checked by config.py, which runs first
    fences = config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
    python = [fence for fence in fences if fence.get("name") == "python"]
    if not python:
        raise PluginError("the markdown-exec plugin must be enabled (it registers the python fence).")
    for fence in python:
        fence["format"] = formatter
    return config


@event_priority(-100)  # after every other hook has added its files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The second language renders the pages of docs/ last to first (when `exec_cache.sharing` is on).

    A block runs once for both languages, in the build that gets to it first (see exec_cache);
    walking in opposite directions, the two builds share the blocks out between them and meet
    in the middle. The generated API pages (no code blocks, a few seconds of mkdocstrings) stay
    last in both, so that neither build has them left to do alone at the end. The order is put
    back in `on_env`, before any page is written.
    """
    _State.order = []
    if _State.lang == exec_cache.LANGUAGES[1] and exec_cache.sharing():
        pages = files.documentation_pages()
        _State.order = [f.src_uri for f in pages]
        written = [f for f in pages if f.generated_by is None]
        _reorder(files, written[::-1] + [f for f in pages if f.generated_by is not None])
    return files


def _reorder(files: Files, pages: list) -> None:
    for file in pages:
        files.remove(file)
    for file in pages:
        files.append(file)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    if _State.order:
        _reorder(files, [files.get_file_from_path(uri) for uri in _State.order])
        _State.order = []
    return env


def on_pre_build(config: MkDocsConfig) -> None:
    exec_cache.STATS.__init__()
    exec_cache.new_build()
    _State.slots = {}
    exec_cache.sharing()  # a bad MLNOTES_EXEC_CACHE or MLNOTES_EXEC_SHARE fails before any page is read


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


_PNG = re.compile(r'(<image\b[^>]*?xlink:href=")data:image/png;base64,([^"]+)(")', re.S)
_SVG_TAG = re.compile(r"<svg\b[^>]*>")
_VIEWBOX = re.compile(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"')
PHOTO_BYTES = 30_000  # a PNG this large is a photo, not a few flat cells


def _compress_photos(svg: str) -> str:
    """Embedded PNG photos of ``svg`` as JPEG (quality 85) where that saves at least a third."""
    from PIL import Image

    def jpeg(m: re.Match[str]) -> str:
        data = base64.b64decode(re.sub(r"\s+", "", m.group(2)))
        if len(data) < PHOTO_BYTES:
            return m.group(0)
        image = Image.open(io.BytesIO(data))
        if image.mode in ("RGBA", "LA", "P") and image.convert("RGBA").getextrema()[3][0] < 255:
            return m.group(0)  # transparent pixels: JPEG has no alpha
        out = io.BytesIO()
        image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
        if out.tell() > 2 * len(data) // 3:
            return m.group(0)
        return m.group(1) + "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii") + m.group(3)

    return _PNG.sub(jpeg, svg)


def figure_img(svg: str, src: str) -> str:
    """The ``<img>`` that shows ``svg`` (stored at ``src``) with its size, label and data attributes, in a link to ``src``."""
    tag = _SVG_TAG.match(svg).group(0)
    attrs = dict(re.findall(r'\s([\w:-]+)="([^"]*)"', tag))
    size = _VIEWBOX.search(tag)
    dims = f' width="{float(size.group(1)):.0f}" height="{float(size.group(2)):.0f}"' if size else ""
    data = "".join(f' {k}="{v}"' for k, v in attrs.items() if k.startswith("data-"))
    style = f' style="{attrs["style"]}"' if "style" in attrs else ""
    # the link opens the figure at its natural size: in a dialog (mlnotes.js), or as the SVG file itself
    return (f'<a class="mlnotes-figure-link" href="{src}">'
            f'<img class="mlnotes-figure-img" src="{src}" alt="{attrs.get("aria-label", "")}"{dims}'
            f'{data}{style} loading="lazy" decoding="async"></a>')


@event_priority(100)  # before other plugins read the final HTML
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    up = "../" * page.url.count("/") if config.use_directory_urls else ""
    folder = Path(config.site_dir) / "figures"

    def fill(m: re.Match[str]) -> str:
        svg = _State.slots.get(m.group(1))
        if svg is None:
            raise PluginError(f"{page.file.src_uri}: lost a figure placeholder ({m.group(1)[:12]}...)")
        name = f"{m.group(1)[:20]}.svg"
        path = folder / name
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + _compress_photos(svg), encoding="utf-8")
        return figure_img(svg, f"{up}figures/{name}")

    return _SLOT.sub(fill, output)


def on_post_build(config: MkDocsConfig) -> None:
    stats = exec_cache.STATS
    exec_cache.reap(wait=True)  # the other language's runs forked by this build have stored their entries
    pruned = 0
    if exec_cache.cache_mode() != "off":
        pruned = exec_cache.prune(_State.lang, stats.used)
    log.info(f"{stats.summary(_State.lang)}, {pruned} stale entries pruned")
