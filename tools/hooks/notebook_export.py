"""A chapter page as a Jupyter notebook and as a Python script, from the page's Markdown and its executed blocks.

No MkDocs in here: `downloads.py` (the hook) records each block's code and printed output while
the page is built and calls `notebook` and `script`; the tests call everything directly.

* `split_page` cuts the page's Markdown into prose and its ``python exec="on"`` fences, in page
  order. Prose becomes Markdown cells (one per section, cut at headings) after `prose_markdown`
  rewrote what only the site understands: admonitions become block quotes, autorefs links
  (``[`X`][mlnotes.m.X]``) and links to other pages become absolute links into the site.
* Each fence becomes a code cell holding exactly the code the build executed, with the output the
  build printed (the execution cache's, never a new run): a ``result="text"`` block as a stream,
  Markdown as ``text/markdown`` display data, each ``<figure>`` as ``image/svg+xml`` plus its
  caption.
* The notebook opens with the install cell (``%pip install`` of the wheel the site serves next to
  it) and a setup cell: figure labels in the page's language, and a ``print`` that shows a
  printed ``<figure>`` as a figure. The script (percent format, ``# %%``) carries the same code,
  the prose as comments, and a ``print`` that saves each figure as an SVG file.

Both are deterministic: fixed cell ids, no dates, keys in a fixed order.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin

TEXT = {
    "zh": {
        "notebook": "下载 Jupyter 笔记本（.ipynb）",
        "script": "下载 Python 脚本（.py）",
        "wheel": "mlnotes 安装包（.whl）",
        "pdf": "下载整本书（PDF）",
        "generated": "本笔记本由网页 [{title}]({url}) 在构建网站时自动生成：文字、代码和输出都与网页相同，"
                     "输出是构建网站时运行代码得到的结果。",
        "install": "**运行前**：把 [`{wheel}`]({wheel_url}) 下载到本笔记本所在的文件夹，然后运行下面的单元格"
                   "安装 `mlnotes`（numpy 和 matplotlib 会从 PyPI 一并安装）。之后依次运行各单元格，"
                   "得到的数字与网页上的相同。图中的中文需要系统装有中文字体（例如 Noto Sans CJK SC 或文泉驿微米黑）。",
        "install_comment": "安装 mlnotes：先把 {wheel_url} 下载到本文件所在的文件夹",
        "setup_comment": "图中的文字使用本页的语言；代码打印的 <figure> 显示为图",
        "script_setup_comment": "图中的文字使用本页的语言；代码打印的 <figure> 保存为 SVG 文件",
        "script_header": "本脚本由网页 {url} 在构建网站时自动生成。\n运行前先安装 mlnotes："
                         "把 {wheel_url} 下载到本文件所在的文件夹，然后运行\n    pip install {wheel}\n"
                         "代码打印的每张图保存为当前文件夹中的 SVG 文件。",
        "saved": "图已保存：",
    },
    "en": {
        "notebook": "Download notebook (.ipynb)",
        "script": "Download script (.py)",
        "wheel": "mlnotes package (.whl)",
        "pdf": "Download the whole book (PDF)",
        "generated": "This notebook was generated from the page [{title}]({url}) when the site was built: the text, "
                     "code and outputs are the page's, and the outputs are what the code printed during that build.",
        "install": "**Before running**: download [`{wheel}`]({wheel_url}) into the folder of this notebook and run "
                   "the cell below to install `mlnotes` (numpy and matplotlib come from PyPI with it). Then run "
                   "the cells in order: the numbers are the page's.",
        "install_comment": "Install mlnotes: first download {wheel_url} into the folder of this file",
        "setup_comment": "figure labels in the page's language; a <figure> printed by the code is shown as a figure",
        "script_setup_comment": "figure labels in the page's language; a <figure> printed by the code is saved as SVG",
        "script_header": "This script was generated from the page {url} when the site was built.\nInstall mlnotes "
                         "first: download {wheel_url} into the folder of this file, then run\n    pip install {wheel}\n"
                         "Each figure the code prints is saved as an SVG file in the current folder.",
        "saved": "figure saved:",
    },
}

_FENCE = re.compile(
    r'^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*python(?P<attrs>[^\n]*\bexec="(?:1|on|true|yes)"[^\n]*)\n'
    r'(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$', re.M | re.S)
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*\n(?P<body>(?:(?:[ \t]{4}.*)?\n)*)',
                         re.M)
_AUTOREF = re.compile(r"\[(?P<text>[^\]]+)\]\[(?P<id>mlnotes(?:\.\w+)+)\]")
_LINK = re.compile(r"\]\((?P<target>[^)\s]+\.md)(?P<anchor>#[^)\s]*)?\)")
_FIGURE = re.compile(r'<figure class="mlnotes-figure"[^>]*>(?P<svg><svg\b.*?</svg>)\s*'
                     r'(?:<figcaption>(?P<caption>.*?)</figcaption>)?\s*</figure>', re.S)
_HEADING = re.compile(r"^#{1,6}[ \t]")


@dataclass
class Block:
    """One executed block: the code the build ran, its options and what it printed."""

    code: str
    output: str
    options: dict
    filename: str = ""


def split_page(markdown: str) -> list[str | int]:
    """The page as prose strings and block numbers (0, 1, ... for its exec fences), in page order."""
    parts: list[str | int] = []
    last = 0
    for number, m in enumerate(_FENCE.finditer(markdown)):
        parts.append(markdown[last:m.start()])
        parts.append(number)
        last = m.end()
    parts.append(markdown[last:])
    return [p for p in parts if not isinstance(p, str) or p.strip()]


def page_url(site_url: str, src_uri: str) -> str:
    """The URL of the page ``src_uri`` (``ch1/overview.md`` -> ``<site>/ch1/overview/``)."""
    path = re.sub(r"(?:^|/)index\.md$", "/", src_uri)
    path = re.sub(r"\.md$", "/", path).lstrip("/")
    return urljoin(site_url, path)


def api_url(site_url: str, identifier: str) -> str:
    """The API reference entry of ``mlnotes.<module>.<name>`` (or of a module)."""
    parts = identifier.split(".")
    module = parts[1] if len(parts) > 1 else ""
    return urljoin(site_url, f"api/{module}/#{identifier}")


def prose_markdown(text: str, *, src_uri: str, site_url: str) -> str:
    """Page Markdown as plain (Jupyter) Markdown: block-quoted admonitions, absolute links."""
    def admonition(m: re.Match[str]) -> str:
        body = re.sub(r"^[ \t]{4}", "", m.group("body"), flags=re.M).strip("\n")
        title = m.group("title")
        lines = ([f"**{title}**", ""] if title else []) + body.splitlines()
        return "\n".join(("> " + line).rstrip() for line in lines) + "\n\n"

    def link(m: re.Match[str]) -> str:
        target = urljoin(urljoin(site_url, src_uri), m.group("target"))  # resolves ../ against the source path
        rel = target[len(site_url):] if target.startswith(site_url) else target
        return f"]({page_url(site_url, rel)}{m.group('anchor') or ''})"

    text = re.sub(r'^<div class="mlnotes-block-anchor"[^>]*></div>\n', "", text, flags=re.M)  # backlinks.py
    text = _ADMONITION.sub(admonition, text)
    text = _AUTOREF.sub(lambda m: f"[{m.group('text')}]({api_url(site_url, m.group('id'))})", text)
    return _LINK.sub(link, text)


def sections(text: str) -> list[str]:
    """Prose cut into one piece per section (a heading starts a new piece)."""
    pieces: list[list[str]] = [[]]
    in_code = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if not in_code and _HEADING.match(line) and any(s.strip() for s in pieces[-1]):
            pieces.append([])
        pieces[-1].append(line)
    return ["\n".join(p).strip("\n") for p in pieces if "\n".join(p).strip()]


def _lines(text: str) -> list[str]:
    """nbformat's multi-line strings: a list of lines, each but the last ending in a newline."""
    return text.splitlines(keepends=True)


def outputs(block: Block) -> list[dict]:
    """The notebook outputs of a block, from what the build printed."""
    if not block.output.strip():
        return []
    if block.options.get("result"):
        return [{"output_type": "stream", "name": "stdout", "text": _lines(block.output)}]
    result: list[dict] = []

    def markdown(chunk: str) -> None:
        if chunk.strip():
            result.append({"output_type": "display_data", "metadata": {},
                           "data": {"text/markdown": _lines(chunk.strip("\n")), "text/plain": _lines(chunk.strip("\n"))}})

    last = 0
    for m in _FIGURE.finditer(block.output):
        markdown(block.output[last:m.start()])
        caption = html.unescape(m.group("caption") or "")
        result.append({"output_type": "display_data", "metadata": {},
                       "data": {"image/svg+xml": _lines(m.group("svg")), "text/plain": _lines(caption or "<figure>")}})
        if caption:
            markdown(f"*{caption}*")
        last = m.end()
    markdown(block.output[last:])
    return result


def _setup_code(lang: str) -> str:
    return (f"# {TEXT[lang]['setup_comment']}\n"
            "import builtins\n\n"
            "from IPython.display import HTML, display\n\n"
            "from mlnotes.book.i18n import set_language\n\n"
            f'set_language("{lang}")\n\n\n'
            "def print(*values, **kwargs):\n"
            "    text = \" \".join(str(v) for v in values)\n"
            "    if text.lstrip().startswith(\"<figure\"):\n"
            "        display(HTML(text))\n"
            "    else:\n"
            "        builtins.print(*values, **kwargs)\n")


def notebook(*, title: str, lang: str, src_uri: str, site_url: str, parts: list[str | int], blocks: list[Block],
             wheel: str, wheel_url: str) -> dict:
    """The page as an nbformat 4.5 notebook (a dict; `json.dumps` it)."""
    t = TEXT[lang]
    url = page_url(site_url, src_uri)
    cells: list[dict] = []

    def add(kind: str, source: str, **extra: object) -> None:
        cell = {"cell_type": kind, "id": f"cell-{len(cells) + 1}", "metadata": extra.pop("metadata", {}),
                "source": _lines(source)}
        if kind == "code":
            cell["execution_count"] = None
            cell["outputs"] = extra.pop("outputs", [])
        cells.append(cell)

    add("markdown", t["generated"].format(title=title, url=url) + "\n\n" +
        t["install"].format(wheel=wheel, wheel_url=wheel_url))
    add("code", f"%pip install {wheel}", metadata={"tags": ["mlnotes-install"]})
    add("code", _setup_code(lang), metadata={"tags": ["mlnotes-setup"]})
    for part in parts:
        if isinstance(part, int):
            block = blocks[part]
            add("code", block.code.rstrip("\n"), outputs=outputs(block),
                metadata={"mlnotes": {"block": part, "snippet": block.filename}})
        else:
            for piece in sections(prose_markdown(part, src_uri=src_uri, site_url=site_url)):
                add("markdown", piece)
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "mlnotes": {"page": url, "language": lang},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def dumps(nb: dict) -> str:
    return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _comment(text: str) -> str:
    return "\n".join(("# " + line).rstrip() for line in text.splitlines())


def script(*, title: str, lang: str, src_uri: str, site_url: str, parts: list[str | int], blocks: list[Block],
           wheel: str, wheel_url: str) -> str:
    """The page as a Python script in percent format: prose as comments, the code blocks as cells."""
    t = TEXT[lang]
    url = page_url(site_url, src_uri)
    out = [f"# {title}", "#", _comment(t["script_header"].format(url=url, wheel=wheel, wheel_url=wheel_url)), "",
           "# %%", f"# {t['script_setup_comment']}",
           "import builtins", "import re", "", "from mlnotes.book.i18n import set_language", "",
           f'set_language("{lang}")', "", "",
           "def print(*values, **kwargs):",
           '    text = " ".join(str(v) for v in values)',
           '    figure = re.match(r\'\\s*<figure class="mlnotes-figure" id="([^"]+)"\', text)',
           "    if figure:",
           '        path = figure.group(1) + ".svg"',
           '        with open(path, "w", encoding="utf-8") as f:',
           '            f.write(re.search(r"<svg\\b.*</svg>", text, re.S).group(0))',
           f'        builtins.print("{t["saved"]}", path)',
           "    else:",
           "        builtins.print(*values, **kwargs)", ""]
    for part in parts:
        if isinstance(part, int):
            out += ["", "# %%", blocks[part].code.rstrip("\n")]
        else:
            prose = prose_markdown(part, src_uri=src_uri, site_url=site_url).strip("\n")
            out += ["", "# %% [markdown]", _comment(prose)]
    return "\n".join(out).rstrip("\n") + "\n"
