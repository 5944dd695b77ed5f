"""Drawing helpers the pages share: decision regions, box-and-arrow diagrams, networks, a neuron, grids of numbers, picture frames.

They draw on a matplotlib ``Axes`` made by [`figure`][mlnotes.book.render.figure]; labels
come in the page's language ([`tr`][mlnotes.book.i18n.tr]). Used on the pages of all
four chapters (decision boundaries, workflows, network and neuron diagrams, grids of numbers,
picture frames).
"""

from __future__ import annotations

import itertools
from typing import Any

import matplotlib
import numpy as np

from .._validation import (check_array, check_bool, check_interface, check_labels, check_scalar, check_X_y,
                           encode_labels)
from .i18n import tr
from .render import PALETTE, _agg_renderer, readable_fontsize

__all__ = ["plot_decision_boundary", "diagram", "draw_network", "draw_neuron", "hide_ticks", "canvas", "draw_cells"]

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

    Boxes are at least ``box_width`` x ``box_height`` and grow (all alike) until every label fits
    inside its box with a margin. Labels are first raised to the size the page needs for the
    figure's width ([`readable_fontsize`][mlnotes.book.render.readable_fontsize]), so the boxes are
    fitted to the text as the reader sees it. An edge label sits beside the middle of its arrow,
    on the side away from it (above a horizontal arrow, right of a vertical one).

    Parameters
    ----------
    ax : matplotlib Axes
        Axes to draw on; its axis lines are hidden and limits fitted to the boxes.
    nodes : dict of str to (x, y, text)
        Box centres in data units and their labels (``\\n`` for line breaks).
    edges : list of (str, str, str)
        Arrows ``(source, target, label)``; an empty label draws a plain arrow.
    box_width, box_height : float
        Smallest box size in data units.
    colors : dict of str to str, optional
        Fill colour per node name (defaults to a light blue).
    fontsize : float
        Smallest label size in points (raised if the figure needs more to be readable).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from mlnotes.book.render import figure
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
    for src, dst, _ in edges:
        if src not in nodes or dst not in nodes:
            missing = src if src not in nodes else dst
            raise ValueError(f"edge {(src, dst)!r} refers to unknown node {missing!r}; nodes are {sorted(nodes)}.")
    colors = colors or {}
    fig = ax.figure
    size = max(fontsize, readable_fontsize(fig))
    edge_size = max(size - 1, readable_fontsize(fig))
    labels = {name: ax.text(x, y, text, ha="center", va="center", fontsize=size, zorder=3)
              for name, (x, y, text) in nodes.items()}
    pos = {name: (float(x), float(y)) for name, (x, y, _) in nodes.items()}
    width, height = box_width, box_height
    gap_x, gap_y = 0.25 * box_width, 0.4 * box_height  # the least room left between two boxes
    ax.set_aspect("equal")
    ax.axis("off")
    for _ in range(4):  # box size <-> axis limits <-> data units per point: settles in a few rounds
        xs = [x for x, _ in pos.values()]
        ys = [y for _, y in pos.values()]
        ax.set_xlim(min(xs) - width * 0.5 - 0.5 * box_width, max(xs) + width * 0.5 + 0.5 * box_width)
        ax.set_ylim(min(ys) - height * 0.5 - box_height, max(ys) + height * 0.5 + box_height)
        ax.apply_aspect()
        renderer = _agg_renderer(fig)
        to_data = ax.transData.inverted()
        need_w = need_h = 0.0
        pad_px = size * fig.dpi / 72 * 0.45  # about half an em of margin around each label
        for text in labels.values():
            box = text.get_window_extent(renderer)
            (x0, y0), (x1, y1) = to_data.transform([(box.x0 - pad_px, box.y0 - pad_px * 0.6),
                                                    (box.x1 + pad_px, box.y1 + pad_px * 0.6)])
            need_w, need_h = max(need_w, x1 - x0), max(need_h, y1 - y0)
        new_w, new_h = max(box_width, need_w), max(box_height, need_h)
        # never so wide (tall) that neighbouring boxes touch: a label too long for the layout spills instead
        new_w = min([new_w] + [max(box_width, abs(xa - xb) - gap_x) for (xa, ya), (xb, yb)
                               in itertools.combinations(pos.values(), 2) if abs(ya - yb) < new_h and xa != xb])
        new_h = min([new_h] + [max(box_height, abs(ya - yb) - gap_y) for (xa, ya), (xb, yb)
                               in itertools.combinations(pos.values(), 2) if abs(xa - xb) < new_w and ya != yb])
        if abs(new_w - width) < 1e-3 * width and abs(new_h - height) < 1e-3 * height:
            break
        width, height = new_w, new_h
    boxes = {}
    for name, (x, y) in pos.items():
        boxes[name] = ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                                  boxstyle="round,pad=0.02,rounding_size=0.08",
                                                  facecolor=colors.get(name, "#DCEBF7"), edgecolor="#34495E",
                                                  linewidth=1.0, clip_on=False))
    arrows, edge_labels = [], []
    for src, dst, label in edges:
        (x0, y0), (x1, y1) = pos[src], pos[dst]
        dx, dy = x1 - x0, y1 - y0
        # shrink the arrow so it starts and ends on the box borders
        scale = min(abs(width / 2 / dx) if dx else np.inf, abs(height / 2 / dy) if dy else np.inf)
        sx, sy = x0 + dx * scale, y0 + dy * scale
        ex, ey = x1 - dx * scale, y1 - dy * scale
        arrows.append(ax.add_patch(FancyArrowPatch((sx, sy), (ex, ey), arrowstyle="-|>", mutation_scale=12,
                                                   color="#34495E", linewidth=1.1, shrinkA=0, shrinkB=1)))
        if label:
            norm = float(np.hypot(dx, dy)) or 1.0
            nx, ny = -dy / norm, dx / norm  # normal of the arrow, turned to point up (or right)
            if ny < -1e-9 or (abs(ny) <= 1e-9 and nx < 0):
                nx, ny = -nx, -ny
            ha = "left" if nx > 0.3 else "right" if nx < -0.3 else "center"
            va = "bottom" if ny > 0.3 else "top" if ny < -0.3 else "center"
            edge_labels.append(ax.annotate(label, ((sx + ex) / 2, (sy + ey) / 2), xytext=(4 * nx, 4 * ny),
                                           textcoords="offset points", ha=ha, va=va, fontsize=edge_size,
                                           color="#34495E", zorder=3))
    ax.mlnotes_diagram = {"boxes": boxes, "labels": labels, "arrows": arrows, "edge_labels": edge_labels}



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
        in the page's language ([`tr`][mlnotes.book.i18n.tr]); ``False`` draws no labels; a sequence
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
    >>> import matplotlib.pyplot as plt
    >>> from mlnotes.book.render import figure
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
    >>> import matplotlib.pyplot as plt
    >>> from mlnotes.book.render import figure
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


# --- small drawing chores (images, canvases, grids of numbers) -------------------------------------
def hide_ticks(axes: Any, *, frame: bool = False) -> None:
    """Turn axes into a frame for a picture: no ticks, no tick labels, no grid.

    For panels that show an image (``imshow``), where the axes' numbers mean nothing to the
    reader. Titles and axis labels stay.

    Parameters
    ----------
    axes : matplotlib Axes or iterable of Axes
        One panel, or several (e.g. the array of panels from [`figure`][mlnotes.book.render.figure]).
    frame : bool
        Also draw all four spines, a thin box around the picture (the site's style hides the
        top and right ones).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from mlnotes.book.render import figure
    >>> fig, axes = figure(1, 2)
    >>> hide_ticks(axes, frame=True)
    >>> len(axes[0].get_xticks()), axes[1].spines["top"].get_visible()
    (0, True)
    >>> plt.close(fig)
    """
    check_bool(frame, "frame")
    panels = [axes] if hasattr(axes, "set_xticks") else axes
    if isinstance(panels, (str, bytes)) or not hasattr(panels, "__iter__"):
        raise TypeError(f"axes must be a matplotlib Axes or an iterable of Axes, got {type(axes).__name__}.")
    panels = list(np.ravel(np.asarray(panels, dtype=object))) if not isinstance(panels, list) else panels
    if not panels:
        raise ValueError("hide_ticks needs at least one Axes, got an empty collection.")
    for ax in panels:
        _check_axes(ax, ("set_xticks", "set_yticks", "grid", "spines"))
    for ax in panels:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        if frame:
            ax.spines[:].set_visible(True)


def canvas(ax: Any, xlim: tuple[float, float], ylim: tuple[float, float]) -> None:
    """Make ``ax`` a blank drawing area: fixed limits in data units, equal scales, no axis.

    For pictures drawn from patches, text and arrows (grids of numbers, layer diagrams),
    where one data unit must be as long across as up.

    Parameters
    ----------
    ax : matplotlib Axes
    xlim, ylim : (float, float)
        The visible range of x and of y (the lower value first for an upward axis).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from mlnotes.book.render import figure
    >>> fig, ax = figure()
    >>> canvas(ax, (0, 4), (0, 2))
    >>> [float(v) for v in ax.get_xlim()], ax.get_aspect(), ax.axison
    ([0.0, 4.0], 1.0, False)
    >>> plt.close(fig)
    """
    _check_axes(ax, ("set_xlim", "set_ylim", "set_aspect", "axis"))
    for name, lim in (("xlim", xlim), ("ylim", ylim)):
        if isinstance(lim, (str, bytes)) or not isinstance(lim, (tuple, list)) or len(lim) != 2:
            raise TypeError(f"{name} must be a pair (low, high) of numbers, got {lim!r:.80}.")
        for v in lim:
            check_scalar(v, f"{name} entries", min_val=-1e12, max_val=1e12)
        if lim[0] == lim[1]:
            raise ValueError(f"{name} must span a range, got {lim!r}.")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.axis("off")


def draw_cells(ax: Any, a: Any, left: float, top: float, *, facecolor: Any = "#D6EAF8",
               edgecolor: str = "#7F8C8D", linewidth: float | None = None, linestyle: Any = "-",
               textcolor: Any = "black", fontsize: float = 9, box: tuple[int, int, int] | None = None) -> None:
    """Draw a 2-D array as a grid of unit squares, each with its number (as in a convolution figure).

    Cell ``(i, j)`` is the unit square whose top-left corner is ``(left + j, top - i)``;
    its number is written in the middle (``f"{v:g}"``). NaN cells get no number.

    Parameters
    ----------
    ax : matplotlib Axes
    a : array-like of shape (rows, cols)
        The numbers.
    left, top : float
        Where the grid's top-left corner goes, in data units.
    facecolor, linestyle, textcolor : value or callable
        The fill colour, border style and number colour of every cell, or a function
        ``(i, j, v) -> value`` giving them cell by cell (e.g. shading by value).
    edgecolor : str
        Colour of the cell borders.
    linewidth : float, optional
        Width of the cell borders (matplotlib's default when ``None``).
    fontsize : float
        Size of the numbers in points.
    box : (row, col, size), optional
        Frame the ``size`` x ``size`` window starting at cell ``(row, col)`` in red.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from mlnotes.book.render import figure
    >>> fig, ax = figure()
    >>> draw_cells(ax, [[1, 2], [3, 4]], 0, 2, box=(0, 0, 1))
    >>> len(ax.patches), [t.get_text() for t in ax.texts]  # 4 cells and the red frame
    (5, ['1', '2', '3', '4'])
    >>> plt.close(fig)
    """
    from matplotlib.patches import Rectangle

    _check_axes(ax, ("add_patch", "text"))
    a = check_array(a, name="a", ensure_finite=False)
    if np.isinf(a).any():
        raise ValueError("a must hold finite numbers (NaN marks an empty cell), got infinity.")
    check_scalar(left, "left", min_val=-1e12, max_val=1e12)
    check_scalar(top, "top", min_val=-1e12, max_val=1e12)
    check_scalar(fontsize, "fontsize", min_val=1.0, max_val=200.0)
    if linewidth is not None:
        check_scalar(linewidth, "linewidth", min_val=0.0, max_val=100.0)
    if not isinstance(edgecolor, str):
        raise TypeError(f"edgecolor must be a colour string, got {edgecolor!r:.80}.")
    _check_cell_style("edgecolor", edgecolor)
    for name, value in (("facecolor", facecolor), ("linestyle", linestyle), ("textcolor", textcolor)):
        if not (callable(value) or isinstance(value, (str, tuple))):
            raise TypeError(f"{name} must be a value (str or tuple) or a function (i, j, v) -> value, "
                            f"got {value!r:.80}.")
        if not callable(value):
            _check_cell_style(name, value)
    if box is not None:
        if not isinstance(box, (tuple, list)) or len(box) != 3:
            raise TypeError(f"box must be (row, col, size), got {box!r:.80}.")
        for name, v in zip(("row", "col", "size"), box):
            check_scalar(v, f"box {name}", int, min_val=0 if name != "size" else 1)

    def pick(value: Any, i: int, j: int, v: float, name: str) -> Any:
        if not callable(value):
            return value
        return _check_cell_style(name, value(i, j, v), f" (returned for cell {(i, j)})")

    for (i, j), v in np.ndenumerate(a):
        ax.add_patch(Rectangle((left + j, top - i - 1), 1, 1, facecolor=pick(facecolor, i, j, v, "facecolor"),
                               edgecolor=edgecolor, linewidth=linewidth, linestyle=pick(linestyle, i, j, v, "linestyle")))
        if not np.isnan(v):
            ax.text(left + j + 0.5, top - i - 0.5, f"{v:g}", ha="center", va="center", fontsize=fontsize,
                    color=pick(textcolor, i, j, v, "textcolor"))
    if box is not None:
        row, col, size = box
        ax.add_patch(Rectangle((left + col, top - row - size), size, size, fill=False,
                               edgecolor="#E74C3C", linewidth=2))


_LINESTYLES = ("-", "--", "-.", ":", "solid", "dashed", "dashdot", "dotted")


def _check_cell_style(name: str, value: Any, where: str = "") -> Any:
    """A colour (``*color``) or line style (``linestyle``) of [`draw_cells`][mlnotes.book.plots.draw_cells], checked."""
    if name == "linestyle":
        if not isinstance(value, str) or value not in _LINESTYLES:
            raise ValueError(f"linestyle must be one of {_LINESTYLES}, got {value!r:.80}{where}.")
    elif not matplotlib.colors.is_color_like(value):
        raise ValueError(f"{name} must be a matplotlib colour (e.g. '#D6EAF8', 'white' or an (r, g, b) tuple), "
                         f"got {value!r:.80}{where}.")
    return value
