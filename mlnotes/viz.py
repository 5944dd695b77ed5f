"""Figures for the pages: deterministic inline SVG with Chinese and English labels.

Every figure on the site goes through [`figure`][mlnotes.viz.figure] and [`to_svg`][mlnotes.viz.to_svg] (or
[`figure_html`][mlnotes.viz.figure_html]), so that

* the SVG is byte-identical across builds (fixed ``svg.hashsalt``, no date
  metadata, the figure closed afterwards);
* text is drawn as paths with a CJK-capable font as fallback, so Chinese labels
  render in any browser without web fonts;
* labels follow the page's language: [`tr`][mlnotes.viz.tr] picks the Chinese or English
  string from the ``MLNOTES_LANG`` environment variable, which the site build
  sets per language.

Importing this module applies the style globally (see [`use_style`][mlnotes.viz.use_style])
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
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.text
import numpy as np
from matplotlib import font_manager
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure

from ._validation import (check_bool, check_interface, check_labels, check_scalar, check_X_y,  # noqa: E402
                          encode_labels)

__all__ = [
    "LANGUAGES",
    "current_language",
    "set_language",
    "tr",
    "cjk_font",
    "style",
    "use_style",
    "figure",
    "to_svg",
    "figure_html",
    "figure_id",
    "plot_decision_boundary",
    "diagram",
    "language",
]

LANGUAGES = ("zh", "en")
_ENV = "MLNOTES_LANG"
_CJK_CANDIDATES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)
# Okabe-Ito colour-blind-safe palette.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


def current_language() -> str:
    """The language figures are labelled in: ``"zh"`` or ``"en"`` (default ``"en"``).

    Examples
    --------
    >>> with language("zh"):
    ...     current_language()
    'zh'
    """
    lang = os.environ.get(_ENV, "en")
    return lang if lang in LANGUAGES else "en"


def set_language(lang: str) -> None:
    """Set the language of figure labels for this process (``"zh"`` or ``"en"``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}.")
    os.environ[_ENV] = lang


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Temporarily switch the figure language (a context manager)."""
    old = os.environ.get(_ENV)
    set_language(lang)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(_ENV, None)
        else:
            os.environ[_ENV] = old


def tr(zh: str, en: str) -> str:
    """Return ``zh`` or ``en`` according to [`current_language`][mlnotes.viz.current_language].

    Examples
    --------
    >>> with language("en"):
    ...     tr("特征", "feature")
    'feature'
    """
    for name, text in (("zh", zh), ("en", en)):
        if not isinstance(text, str):
            raise TypeError(f"tr needs two strings; {name} is {text!r} of type {type(text).__name__}.")
    return zh if current_language() == "zh" else en


@lru_cache(maxsize=1)
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
    """Apply [`style`][mlnotes.viz.style] to matplotlib's global rcParams (done when this module is imported).

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
    """A renderer to measure text with, whatever canvas (backend) the figure has."""
    width, height = fig.bbox.size
    return RendererAgg(int(width), int(height), fig.dpi)


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

    def needed(width_pt: float) -> float:  # smallest size (pt) that is MIN_LABEL_PX at the column width
        return 1.05 * MIN_LABEL_PX * width_pt / min(COLUMN_PX, width_pt * 4 / 3)

    smallest = min(t.get_fontsize() for t in labels)
    if smallest >= 1.15 * needed(fig.get_figwidth() * 72):  # clearly large enough: no layout pass needed
        return smallest
    width_pt = fig.get_tightbbox(_agg_renderer(fig)).width * 72 + 2 * matplotlib.rcParams["savefig.pad_inches"] * 72
    needed = needed(width_pt)
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
    the id is ``fig-`` plus its path below that folder, ``docs/snippets/ch1/line_fit.py``
    giving ``fig-ch1-line-fit``; for any other file, its name. The second, third, ...
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
    package_dir = os.path.dirname(os.path.abspath(__file__))
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
    [`figure_id`][mlnotes.viz.figure_id]): no id is typed by hand.

    Parameters
    ----------
    fig : matplotlib Figure
    caption : str
        Caption text (already translated, e.g. with [`tr`][mlnotes.viz.tr]); required,
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



def _check_axes(ax: Any, methods: tuple[str, ...]) -> None:
    check_interface(ax, "ax", methods, "a matplotlib Axes (e.g. from figure())")


def plot_decision_boundary(ax: Any, model: Any, X: np.ndarray, y: np.ndarray, *,
                           resolution: int = 200, margin: float = 0.5, alpha: float = 0.25) -> None:
    """Shade the regions a fitted 2-D classifier assigns to each class and scatter the data.

    Parameters
    ----------
    ax : matplotlib Axes
    model : fitted classifier with ``predict``
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)
    resolution : int
        Grid points per axis.
    margin : float
        Padding around the data range.
    alpha : float
        Opacity of the shaded regions.
    """
    _check_axes(ax, ("contourf", "scatter"))
    check_interface(model, "model", ("predict",), "a fitted classifier with predict")
    X, y = check_X_y(X, y)
    if X.shape[1] != 2:
        raise ValueError(f"plot_decision_boundary needs X of shape (n_samples, 2), got {X.shape}.")
    check_scalar(resolution, "resolution", int, min_val=2, max_val=2000)
    check_scalar(margin, "margin", min_val=0.0)
    check_scalar(alpha, "alpha", min_val=0.0, max_val=1.0)
    classes = encode_labels(y)[0]
    x0 = np.linspace(X[:, 0].min() - margin, X[:, 0].max() + margin, resolution)
    x1 = np.linspace(X[:, 1].min() - margin, X[:, 1].max() + margin, resolution)
    g0, g1 = np.meshgrid(x0, x1)
    pred = np.asarray(model.predict(np.column_stack([g0.ravel(), g1.ravel()])))
    codes = np.searchsorted(classes, pred).reshape(g0.shape)  # class index per grid point
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(classes))]
    cmap = matplotlib.colors.ListedColormap(colors)
    ax.contourf(g0, g1, codes, levels=np.arange(len(classes) + 1) - 0.5, cmap=cmap, alpha=alpha)
    for i, c in enumerate(classes):
        pts = X[y == c]
        ax.scatter(pts[:, 0], pts[:, 1], s=12, color=colors[i], edgecolor="white", linewidth=0.4)
    ax.set_xlim(x0[0], x0[-1])
    ax.set_ylim(x1[0], x1[-1])


def diagram(ax: Any, nodes: dict[str, tuple[float, float, str]], edges: list[tuple[str, str, str]] = (),
            *, box_width: float = 1.6, box_height: float = 0.6, colors: dict[str, str] | None = None,
            fontsize: float = 10) -> None:
    """Draw a box-and-arrow diagram (workflows, taxonomies, loops) on ``ax``.

    Parameters
    ----------
    ax : matplotlib Axes
        Axes to draw on; its axis lines are hidden and limits fitted to the boxes.
    nodes : dict of str to (x, y, text)
        Box centres in data units and their labels (``\\n`` for line breaks).
    edges : list of (str, str, str)
        Arrows ``(source, target, label)``; an empty label draws a plain arrow.
    box_width, box_height : float
        Box size in data units.
    colors : dict of str to str, optional
        Fill colour per node name (defaults to a light blue).
    fontsize : float
        Label size in points.

    Examples
    --------
    >>> fig, ax = figure()
    >>> diagram(ax, {"a": (0, 0, "data"), "b": (3, 0, "model")}, [("a", "b", "fit")])
    >>> plt.close(fig)
    """
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    _check_axes(ax, ("add_patch", "text"))
    if not isinstance(nodes, dict) or not nodes:
        raise TypeError(f"nodes must be a non-empty dict of name -> (x, y, text), got {nodes!r:.80}.")
    for name, node in nodes.items():
        if not isinstance(node, (tuple, list)) or len(node) != 3 or not isinstance(node[2], str):
            raise TypeError(f"nodes[{name!r}] must be (x, y, text), got {node!r}.")
        check_scalar(node[0], f"x of node {name!r}")
        check_scalar(node[1], f"y of node {name!r}")
    if isinstance(edges, (str, bytes)) or not isinstance(edges, (list, tuple)) or not all(
            isinstance(e, (list, tuple)) and len(e) == 3 for e in edges):
        raise TypeError(f"edges must be a list of (source, target, label) triples, got {edges!r:.80}.")
    check_scalar(box_width, "box_width", min_val=0.0, include_min=False, max_val=1e6)
    check_scalar(box_height, "box_height", min_val=0.0, include_min=False, max_val=1e6)
    check_scalar(fontsize, "fontsize", min_val=1.0, max_val=200.0)
    if colors is not None and not isinstance(colors, dict):
        raise TypeError(f"colors must be a dict of node name -> colour, got {colors!r:.80}.")
    colors = colors or {}
    for name, (x, y, text) in nodes.items():
        ax.add_patch(FancyBboxPatch((x - box_width / 2, y - box_height / 2), box_width, box_height,
                                    boxstyle="round,pad=0.02,rounding_size=0.08",
                                    facecolor=colors.get(name, "#DCEBF7"), edgecolor="#34495E", linewidth=1.0))
        ax.text(x, y, text, ha="center", va="center", fontsize=fontsize)
    for src, dst, label in edges:
        if src not in nodes or dst not in nodes:
            missing = src if src not in nodes else dst
            raise ValueError(f"edge {(src, dst)!r} refers to unknown node {missing!r}; nodes are {sorted(nodes)}.")
        (x0, y0, _), (x1, y1, _) = nodes[src], nodes[dst]
        dx, dy = x1 - x0, y1 - y0
        # shrink the arrow so it starts and ends on the box borders
        scale = min(abs(box_width / 2 / dx) if dx else np.inf, abs(box_height / 2 / dy) if dy else np.inf)
        sx, sy = x0 + dx * scale, y0 + dy * scale
        ex, ey = x1 - dx * scale, y1 - dy * scale
        ax.add_patch(FancyArrowPatch((sx, sy), (ex, ey), arrowstyle="-|>", mutation_scale=12,
                                     color="#34495E", linewidth=1.1))
        if label:
            ax.text((sx + ex) / 2, (sy + ey) / 2 + 0.12, label, ha="center", va="bottom", fontsize=fontsize - 1,
                    color="#34495E")
    xs = [x for x, _, _ in nodes.values()]
    ys = [y for _, y, _ in nodes.values()]
    ax.set_xlim(min(xs) - box_width, max(xs) + box_width)
    ax.set_ylim(min(ys) - box_height * 1.5, max(ys) + box_height * 1.5)
    ax.set_aspect("equal")
    ax.axis("off")


use_style()


# --- network diagrams (mlnotes.nn) ----------------------------------------------------------------
def draw_network(ax: Any, layers: Any, *, labels: bool | list[str] | tuple[str, ...] = True, max_neurons: int = 8,
                 show_sizes: bool = True) -> Any:
    """Draw a fully connected network: neurons as circles, weights as lines between layers.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw (the axes are turned off).
    layers : sequence of int or Sequential
        Neurons per layer ``[inputs, hidden..., outputs]``, or a network whose
        ``layer_sizes`` gives them.
    labels : bool or sequence of str
        ``True`` labels the layers "input layer", "hidden layer i", "output layer"
        in the page's language ([`tr`][mlnotes.viz.tr]); ``False`` draws no labels; a sequence
        gives one label per layer.
    max_neurons : int
        Layers wider than this are drawn with ``max_neurons - 1`` circles and a
        vertical ellipsis in the middle.
    show_sizes : bool
        Write the number of neurons under layers that are drawn abbreviated.

    Returns
    -------
    ax : matplotlib Axes

    Examples
    --------
    >>> fig, ax = figure()
    >>> _ = draw_network(ax, [3, 5, 784, 1])
    >>> len(ax.patches)  # circles: 3 + 5 + 7 + 1
    16
    >>> plt.close(fig)
    """
    _check_axes(ax, ("plot", "text", "add_patch"))
    if not hasattr(layers, "layer_sizes") and (isinstance(layers, (str, bytes)) or not isinstance(layers, (list, tuple, np.ndarray))):
        raise TypeError(f"layers must be a list of layer sizes or a Sequential, got {layers!r:.80}.")
    check_bool(show_sizes, "show_sizes")
    if not isinstance(labels, (bool, np.bool_)):
        check_labels(labels, "labels")
    sizes = list(layers.layer_sizes) if hasattr(layers, "layer_sizes") else list(layers)
    if len(sizes) < 2 or any(isinstance(s, bool) or not isinstance(s, (int, np.integer)) or s < 1
                             for s in sizes):
        raise ValueError(f"draw_network needs at least two positive layer sizes, got {sizes!r}.")
    if isinstance(max_neurons, bool) or not isinstance(max_neurons, (int, np.integer)) or max_neurons < 3:
        raise ValueError(f"max_neurons must be an int >= 3, got {max_neurons!r}.")
    if labels is True:
        n_hidden = len(sizes) - 2
        names = [tr("输入层", "input layer")]
        names += [tr("隐藏层", "hidden layer") + (f" {i + 1}" if n_hidden > 1 else "") for i in range(n_hidden)]
        names.append(tr("输出层", "output layer"))
    elif labels is False:
        names = []
    else:
        names = [str(s) for s in labels]
        if len(names) != len(sizes):
            raise ValueError(f"labels has {len(names)} entries but the network has {len(sizes)} layers.")
    radius, gap_x = 0.18, 1.6
    tallest = min(max(sizes), max_neurons)
    columns = []  # per layer: y positions of drawn neurons and of the ellipsis (or None)
    for n in sizes:
        shown = n if n <= max_neurons else max_neurons - 1
        slots = shown + (1 if n > max_neurons else 0)
        ys = (np.arange(slots)[::-1] - (slots - 1) / 2.0) * 0.55
        if n > max_neurons:
            top = (shown + 1) // 2
            columns.append((np.concatenate([ys[:top], ys[top + 1:]]), ys[top]))
        else:
            columns.append((ys, None))
    for i in range(len(sizes) - 1):
        for y0 in columns[i][0]:
            for y1 in columns[i + 1][0]:
                ax.plot([i * gap_x, (i + 1) * gap_x], [y0, y1], color="#7F8C8D", linewidth=0.5,
                        alpha=0.5, zorder=1)
    for i, (ys, ellipsis_y) in enumerate(columns):
        color = PALETTE[0] if i == 0 else PALETTE[1] if i == len(sizes) - 1 else PALETTE[2]
        for y in ys:
            ax.add_patch(matplotlib.patches.Circle((i * gap_x, y), radius, facecolor=color,
                                                   edgecolor="#2C3E50", linewidth=0.8, zorder=2))
        if ellipsis_y is not None:
            ax.scatter([i * gap_x] * 3, ellipsis_y + np.array([-0.12, 0.0, 0.12]), s=4, color="#2C3E50",
                       zorder=2)
        bottom = ys.min() - radius
        if show_sizes and ellipsis_y is not None:
            ax.text(i * gap_x, bottom - 0.12, f"n = {sizes[i]}", ha="center", va="top", fontsize=8)
        if names:
            ax.text(i * gap_x, (tallest - 1) / 2.0 * 0.55 + radius + 0.2, names[i], ha="center",
                    va="bottom", fontsize=9)
    half = (tallest - 1) / 2.0 * 0.55
    ax.set_xlim(-gap_x / 2, (len(sizes) - 1) * gap_x + gap_x / 2)
    ax.set_ylim(-half - radius - 0.5, half + radius + 0.55)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


__all__ += ["draw_network"]


def draw_neuron(ax: Any, inputs: list[str] | tuple[str, ...], weights: list[str] | tuple[str, ...] | None = None, *,
                bias: str | None = "$b$", body: str = "Σ | g", output: str = "$a$",
                input_names: list[str] | tuple[str, ...] | None = None, fontsize: float = 10) -> Any:
    r"""Draw one artificial neuron: inputs, weighted connections, the summing body and the output.

    The picture of $a = g(\sum_i w_i x_i + b)$: input circles on the left,
    one line per weight to the neuron's body, the bias entering from below, and
    an arrow to the output.

    Parameters
    ----------
    ax : matplotlib Axes
        Where to draw (the axes are turned off).
    inputs : sequence of str
        Text inside each input circle (symbols such as ``"$x_1$"`` or values such as ``"1"``).
    weights : sequence of str, optional
        Label of each connection (same length as ``inputs``); ``None`` draws unlabelled lines.
    bias : str or None
        Label of the bias arrow entering the body from below; ``None`` draws no bias.
    body : str
        Text inside the neuron's body.
    output : str
        Text at the end of the output arrow.
    input_names : sequence of str, optional
        Labels written left of the input circles (e.g. feature names).
    fontsize : float
        Size of the labels in points.

    Returns
    -------
    ax : matplotlib Axes

    Examples
    --------
    >>> fig, ax = figure()
    >>> _ = draw_neuron(ax, ["$x_1$", "$x_2$", "$x_3$"], ["$w_1$", "$w_2$", "$w_3$"])
    >>> len(ax.patches)  # three inputs and the body
    4
    >>> plt.close(fig)
    """
    from matplotlib.patches import Circle

    _check_axes(ax, ("plot", "text", "add_patch", "annotate"))
    inputs = check_labels(inputs, "inputs")
    weights = check_labels(weights, "weights", optional=True)
    input_names = check_labels(input_names, "input_names", optional=True)
    for name, text in (("bias", bias), ("body", body), ("output", output)):
        if not (isinstance(text, str) or name == "bias" and text is None):
            raise TypeError(f"{name} must be a str label, got {text!r} of type {type(text).__name__}.")
    check_scalar(fontsize, "fontsize", min_val=1.0, max_val=200.0)
    n = len(inputs)
    if n < 1:
        raise ValueError("draw_neuron needs at least one input.")
    if weights is not None and len(weights) != n:
        raise ValueError(f"weights has {len(weights)} labels but there are {n} inputs.")
    if input_names is not None and len(input_names) != n:
        raise ValueError(f"input_names has {len(input_names)} labels but there are {n} inputs.")
    gap, r_in, r_body, bx = 0.9, 0.3, 0.62, 3.4
    ys = (np.arange(n)[::-1] - (n - 1) / 2.0) * gap
    for i, y in enumerate(ys):
        ax.plot([r_in, bx - r_body * 0.9], [y, y * 0.25], color="#7F8C8D", linewidth=1.2, zorder=1)
        ax.add_patch(Circle((0, y), r_in, facecolor="#56B4E9", edgecolor="#2C3E50", linewidth=0.9, zorder=2))
        ax.text(0, y, inputs[i], ha="center", va="center", fontsize=fontsize, zorder=3)
        if weights is not None:
            t = 0.42  # label position along the line
            lx, ly = r_in + t * (bx - r_body * 0.9 - r_in), y + t * (y * 0.25 - y)
            ax.text(lx, ly + 0.08, weights[i], ha="center", va="bottom", fontsize=fontsize - 1, color="#34495E",
                    bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
                    zorder=3)
        if input_names is not None:
            ax.text(-r_in - 0.15, y, input_names[i], ha="right", va="center", fontsize=fontsize - 1)
    ax.add_patch(Circle((bx, 0), r_body, facecolor=PALETTE[2], edgecolor="#2C3E50", linewidth=1.0, zorder=2))
    ax.text(bx, 0, body, ha="center", va="center", fontsize=fontsize + 1, color="white", zorder=3)
    low = min(ys.min(), -r_body) - 0.9
    if bias is not None:
        ax.annotate("", xy=(bx, -r_body), xytext=(bx, low + 0.25),
                    arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
        ax.text(bx, low + 0.2, bias, ha="center", va="top", fontsize=fontsize - 1)
    ax.annotate("", xy=(bx + r_body + 1.2, 0), xytext=(bx + r_body, 0),
                arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
    ax.text(bx + r_body + 1.3, 0, output, ha="left", va="center", fontsize=fontsize)
    left = -r_in - (2.6 if input_names is not None else 0.4)
    ax.set_xlim(left, bx + r_body + 1.3 + 0.25 * max(len(output), 4) * fontsize / 10)
    ax.set_ylim(low - 0.3, max(ys.max(), r_body) + 0.5)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


__all__ += ["draw_neuron"]
