"""Figures for the pages: deterministic SVG, readable on a phone, with Chinese text as paths.

Every figure on the site goes through [`figure`][mlnotes.book.render.figure] and [`to_svg`][mlnotes.book.render.to_svg] (or
[`figure_html`][mlnotes.book.render.figure_html]), so that

* the SVG is byte-identical across builds (fixed ``svg.hashsalt``, no date
  metadata, the figure closed afterwards);
* text is drawn as paths with a CJK-capable font as fallback, so Chinese labels
  render in any browser without web fonts;
* labels follow the page's language: [`tr`][mlnotes.book.i18n.tr] picks the Chinese or English
  string from the ``MLNOTES_LANG`` environment variable, which the site build
  sets per language.

Importing this module applies the style globally (see [`use_style`][mlnotes.book.render.use_style])
but leaves matplotlib's backend alone, so a notebook keeps its own; without a display
matplotlib chooses the non-interactive Agg backend by itself.
"""

from __future__ import annotations

import html
import io
import math
import os
import re
import sys
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.text
from matplotlib import font_manager
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure

from .._validation import check_scalar

__all__ = [
    "PALETTE",
    "cjk_font",
    "style",
    "use_style",
    "figure",
    "to_svg",
    "figure_html",
    "figure_id",
    "readable_fontsize",
]

_CJK_CANDIDATES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
"""The figures' colours, in order (``C0``, ``C1``, ...): the Okabe-Ito palette, safe for colour-blind readers."""


def cjk_font() -> str | None:
    """Name of an installed font with Chinese glyphs, or ``None`` if there is none.

    matplotlib caches its font list; a font installed after that cache was
    written is found by scanning the system font folders and registered.
    """
    def known() -> set[str]:
        return {f.name for f in font_manager.fontManager.ttflist}

    for _ in range(2):
        installed = known()
        for name in _CJK_CANDIDATES:
            if name in installed:
                return name
        for path in font_manager.findSystemFonts():
            if re.search(r"wqy|cjk|han ?sans|simhei|msyh|pingfang|notosanssc", os.path.basename(path), re.I):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # unreadable font file: skip it
                    continue
    return None


_CJK_RE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _require_cjk_font(fig: Figure) -> None:
    """Fail clearly, instead of drawing empty boxes, if Chinese text has no font."""
    if cjk_font() is not None:
        return
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    if any(_CJK_RE.search(t) for t in texts):
        raise RuntimeError(
            "This figure has Chinese text but no CJK font is installed. Install one, e.g. "
            "'apt-get install fonts-wqy-microhei' (Debian/Ubuntu) or Noto Sans CJK SC, then retry."
        )


def style() -> dict[str, Any]:
    """The rcParams every figure is drawn with (fonts, determinism, palette)."""
    families = ["DejaVu Sans"]
    cjk = cjk_font()
    if cjk is not None:
        families.append(cjk)
    return {
        "font.family": families,
        "svg.hashsalt": "mlnotes",
        "svg.fonttype": "path",
        "axes.unicode_minus": False,
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "figure.dpi": 100,
        "font.size": 10,
        "path.simplify": True,
    }


def use_style() -> None:
    """Apply [`style`][mlnotes.book.render.style] to matplotlib's global rcParams (done when this module is imported).

    Text objects take their font when they are created, so the style must be in
    force for the whole life of a figure, not only while it is created.
    """
    matplotlib.rcParams.update(style())


def figure(nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float] | None = None,
           **kwargs: Any) -> tuple[Figure, Any]:
    """Create a figure and axes with the site's style (like ``plt.subplots``).

    Parameters
    ----------
    nrows, ncols : int
        Grid of axes.
    figsize : (float, float), optional
        Size in inches; defaults to 6.4 x 4 for one panel, wider for grids.
    **kwargs
        Passed to `matplotlib.pyplot.subplots`.

    Returns
    -------
    fig, ax : Figure and Axes (or array of Axes)
    """
    check_scalar(nrows, "nrows", int, min_val=1)
    check_scalar(ncols, "ncols", int, min_val=1)
    if figsize is None:
        figsize = (min(3.6 * ncols, 12.0) if ncols > 1 else 6.4, 3.4 * nrows if nrows > 1 else 4.0)
    elif not isinstance(figsize, (tuple, list)) or len(figsize) != 2:
        raise TypeError(f"figsize must be a pair (width, height) in inches, got {figsize!r}.")
    else:
        for v in figsize:
            check_scalar(v, "figsize entries", min_val=0.0, include_min=False, max_val=1000.0)
    use_style()
    fig, ax = plt.subplots(nrows, ncols, figsize=figsize, **kwargs)
    return fig, ax


_SIZE_RE = re.compile(r'<svg([^>]*?) width="([\d.]+)pt" height="([\d.]+)pt"')


def _tight_bbox(fig: Figure) -> Any:
    """The figure's tight bounding box (inches, padded), measured with a cheap Agg renderer.

    ``bbox_inches="tight"`` measures it with a dry run of the SVG backend, which draws every
    glyph as a path twice; Agg gives the same box to within a point in half the time. A figure
    with a layout engine is laid out while drawing, so it keeps the dry run.
    """
    if fig.get_layout_engine() is not None:
        return "tight"
    return fig.get_tightbbox(_agg_renderer(fig)).padded(matplotlib.rcParams["savefig.pad_inches"])


def _agg_renderer(fig: Figure) -> RendererAgg:
    """A renderer to measure text with, whatever canvas (backend) the figure has.

    One per figure (and size): matplotlib caches text metrics per renderer, so the second
    measurement of a figure (after `_make_readable`) only measures the labels it changed.
    """
    width, height = fig.bbox.size
    key = (int(width), int(height), fig.dpi)
    cached = getattr(fig, "_mlnotes_agg", None)
    if cached is None or cached[0] != key:
        cached = (key, RendererAgg(*key))
        fig._mlnotes_agg = cached
    return cached[1]


def to_svg(fig: Figure, *, alt: str = "") -> str:
    """Render ``fig`` as an inline ``<svg>`` element and close it.

    The output is deterministic: no date, a fixed hash salt for element ids,
    and text drawn as paths (no font needed in the browser). Labels too small to
    read at the page's column width are raised first (`_make_readable`); the
    ``<svg>`` records its smallest font size and its width (``data-min-font-pt``,
    ``data-width-pt``, so a test can measure what a reader sees) and is never
    drawn narrower than its smallest label needs (``min-width``).

    Parameters
    ----------
    fig : matplotlib Figure
    alt : str
        Accessible description, stored as the SVG's ``<title>`` and ``aria-label``.

    Returns
    -------
    str
        ``<svg ...>...</svg>`` without the XML prolog, scaled to the page width.

    Examples
    --------
    >>> fig, ax = figure()
    >>> _ = ax.plot([0, 1], [0, 1])
    >>> svg = to_svg(fig, alt="a line")
    >>> svg.startswith("<svg") and svg == svg.strip() and "Date" not in svg
    True
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"to_svg expects a matplotlib Figure, got {type(fig).__name__}.")
    if not isinstance(alt, str):
        raise TypeError(f"alt must be a string (the figure's accessible description), got {type(alt).__name__}.")
    _require_cjk_font(fig)
    smallest = _make_readable(fig)
    buf = io.StringIO()
    with plt.rc_context(style()):
        fig.savefig(buf, format="svg", bbox_inches=_tight_bbox(fig), metadata={"Date": None, "Creator": None})
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)

    def _size(m: re.Match[str]) -> str:
        width = float(m.group(2))
        label = html.escape(alt, quote=True)
        # never narrower than its smallest label needs (on a phone the figure scrolls sideways)
        font = math.floor(smallest * 100) / 100  # recorded as drawn, never rounded up
        min_width = min(width * 4 / 3, math.ceil(MIN_LABEL_PX * width / font)) if font else 0
        return (f'<svg{m.group(1)} role="img" aria-label="{label}" data-width-pt="{width:g}" '
                f'data-min-font-pt="{font:g}" '
                f'style="width:100%;min-width:{min_width:.0f}px;max-width:{width * 4 / 3:.0f}px;height:auto"')

    text = _SIZE_RE.sub(_size, text, count=1)
    if alt:
        text = re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + f"<title>{html.escape(alt)}</title>", text, count=1)
    return text.strip()


def _labels(fig: Figure) -> list[matplotlib.text.Text]:
    """The text a reader sees in ``fig``: visible, non-empty text artists (tick labels included)."""
    return [t for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text().strip()]


COLUMN_PX = 640  # the content column in a 1280 px window (688 px) less the indent of a tab or admonition
MIN_LABEL_PX = 9.0  # the smallest text a reader should have to read, in CSS px


def _needed_fontsize(width_pt: float) -> float:
    """Smallest size (pt) drawn at `MIN_LABEL_PX` or more in a figure ``width_pt`` wide shown in the column."""
    return 1.05 * MIN_LABEL_PX * width_pt / min(COLUMN_PX, width_pt * 4 / 3)


def readable_fontsize(fig: Figure) -> float:
    """The label size (pt) that `to_svg` will not need to raise in ``fig``: readable at the column width.

    Measured on the figure's full width, which the tight box of the saved figure never exceeds, so
    a drawing helper that lays out its text at this size (e.g. fits boxes around it) keeps its layout.

    Examples
    --------
    >>> fig, _ = figure(figsize=(12, 4))  # 864 pt = 1152 px wide, shown 640 px wide in the column
    >>> round(readable_fontsize(fig), 2)  # 9 px there (with a 5 % margin) needs 1.05 * 9 * 864 / 640 pt
    12.76
    >>> plt.close(fig)
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"readable_fontsize expects a matplotlib Figure, got {type(fig).__name__}.")
    return float(_needed_fontsize(fig.get_figwidth() * 72))


def _make_readable(fig: Figure) -> float:
    """Raise every label that would be drawn below `MIN_LABEL_PX` at the column width; return the smallest size (pt).

    The SVG is shown at ``min(column, natural width)``: a figure wider than the column is scaled
    down and its labels with it. Labels smaller than what that scale needs are raised to it
    (larger text is left alone); the page's stylesheet keeps the figure at least as wide as its
    smallest label needs on narrower screens (scrolling within the figure).
    """
    labels = _labels(fig)
    if not labels:
        return 0.0

    smallest = min(t.get_fontsize() for t in labels)
    if smallest >= 1.15 * readable_fontsize(fig):  # clearly large enough: no layout pass needed
        return smallest
    width_pt = fig.get_tightbbox(_agg_renderer(fig)).width * 72 + 2 * matplotlib.rcParams["savefig.pad_inches"] * 72
    needed = _needed_fontsize(width_pt)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticks = [t for t in axis.get_ticklabels(which="both") if t.get_visible() and t.get_text().strip()]
            if ticks and min(t.get_fontsize() for t in ticks) < needed:
                axis.set_tick_params(which="both", labelsize=needed)
    for text in labels:
        if text.get_fontsize() < needed:
            text.set_fontsize(needed)
    return min(t.get_fontsize() for t in _labels(fig))


def figure_id(depth: int = 1) -> str:
    """The id of the next figure made by the calling code: derived from where it is made.

    The caller is the first frame outside the ``mlnotes`` package. For a file under
    a ``snippets`` folder (a page's code block, run by the site build or on its own)
    the id is ``fig-`` plus its path below that folder, ``docs/snippets/ch1/overview/line_fit_figure.py``
    giving ``fig-ch1-overview-line-fit-figure``; for any other file, its name. The second, third, ...
    figure made by the same run of that code get ``-2``, ``-3``, ... appended (the
    count lives in the caller's globals, so it restarts with every execution). Ids are
    therefore unique by construction and the same in both languages.

    Parameters
    ----------
    depth : int
        How many frames above this function's caller to start looking (1: the
        caller of the function that calls ``figure_id``).

    Returns
    -------
    str
        ``fig-<path>`` or ``fig-<path>-<n>``.
    """
    check_scalar(depth, "depth", int, min_val=0)
    frame = sys._getframe(1)
    for _ in range(depth):
        frame = frame.f_back or frame
    package_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # mlnotes/
    while frame.f_back is not None and os.path.abspath(frame.f_code.co_filename).startswith(package_dir + os.sep):
        frame = frame.f_back
    filename = frame.f_code.co_filename.replace("\\", "/")
    parts = filename.split("/")
    if "snippets" in parts:
        where = "/".join(parts[len(parts) - parts[::-1].index("snippets"):])
    else:
        where = parts[-1]
    where = re.sub(r"\.py$", "", where)
    slug = re.sub(r"[^a-z0-9]+", "-", where.lower()).strip("-") or "figure"
    count = frame.f_globals.get("__mlnotes_figures__", 0) + 1
    frame.f_globals["__mlnotes_figures__"] = count
    return f"fig-{slug}" + (f"-{count}" if count > 1 else "")


def figure_html(fig: Figure, caption: str, *, alt: str | None = None) -> str:
    """Render ``fig`` as a captioned ``<figure>`` element for a page, and close it.

    A page's code block prints the result (``print(figure_html(fig, caption))``);
    the block's output is Markdown, in which the ``<figure>`` is a raw HTML block.
    The figure's id follows from where it is made (see
    [`figure_id`][mlnotes.book.render.figure_id]): no id is typed by hand.

    Parameters
    ----------
    fig : matplotlib Figure
    caption : str
        Caption text (already translated, e.g. with [`tr`][mlnotes.book.i18n.tr]); required,
        every figure on the site is captioned.
    alt : str, optional
        Accessible description; defaults to the caption.

    Returns
    -------
    str
        ``<figure class="mlnotes-figure" id="fig-..."><svg>...</svg><figcaption>...``

    Examples
    --------
    >>> fig, ax = figure()
    >>> _ = ax.plot([0, 1], [1, 0])
    >>> figure_html(fig, "A line").startswith('<figure class="mlnotes-figure" id="fig-')
    True
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"figure_html expects a matplotlib Figure, got {type(fig).__name__}.")
    if not isinstance(caption, str) or not caption.strip():
        plt.close(fig)
        raise ValueError(f"figure_html needs a non-empty caption string (every figure is captioned), got {caption!r}.")
    if alt is not None and not isinstance(alt, str):
        raise TypeError(f"alt must be a string or None, got {type(alt).__name__}.")
    fig_id = figure_id()
    svg = to_svg(fig, alt=alt if alt is not None else caption)
    cap = f"<figcaption>{html.escape(caption)}</figcaption>"
    return f'<figure class="mlnotes-figure" id="{fig_id}">{svg}{cap}</figure>\n'


use_style()
