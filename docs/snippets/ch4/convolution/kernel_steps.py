import numpy as np
from matplotlib.patches import Rectangle

from mlnotes.nn import conv2d
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

x = np.array([[1, 0, 2, 1],
              [0, 1, 3, 0],
              [2, 1, 0, 1],
              [1, 0, 1, 2]])      # the notes' 4x4 input x0 … x15 (row by row)
w = np.array([[1, 2],
              [-1, 1]])           # w1 w2 / w3 w4
b0 = 1
y = conv2d(x, w, b=[b0])          # 3x3 feature map y0 … y8
x0, x1, x4, x5 = x[0, 0], x[0, 1], x[1, 0], x[1, 1]
w1, w2, w3, w4 = w.ravel()
print(tr("第一个输出：", "The first output: ") + f"$y_0 = x_0 w_1 + x_1 w_2 + x_4 w_3 + x_5 w_4 + b_0 = "
      f"{x0}\\cdot{w1} + {x1}\\cdot{w2} + {x4}\\cdot({w3}) + {x5}\\cdot{w4} + {b0} = "
      f"{x0 * w1 + x1 * w2 + x4 * w3 + x5 * w4 + b0}$" +
      tr(f"；`conv2d` 给出的 `y[0, 0]` 也是 {y[0, 0]:g}。", f"; `conv2d` gives `y[0, 0]` = {y[0, 0]:g}."))
print()


def cells(ax, a, left, top, *, window=None, filled=None, color="#D6EAF8", hl="#E74C3C", names=None):
    """Draw array ``a`` as cells with its top-left corner at (left, top): its values, or ``names(i, j)``."""
    for (i, j), v in np.ndenumerate(a):
        face = color
        if window is not None and window[0] <= i < window[0] + window[2] and window[1] <= j < window[1] + window[2]:
            face = "#FADBD8"
        shown = filled is None or (i, j) in filled
        ax.add_patch(Rectangle((left + j, top - i - 1), 1, 1, facecolor=face if shown else "white",
                               edgecolor="#7F8C8D"))
        text = names(i, j) if names is not None else f"{v:g}" if shown else ""
        ax.text(left + j + 0.5, top - i - 0.5, text, ha="center", va="center", fontsize=10,
                color="#566573" if names else "black")
    if window is not None:
        ax.add_patch(Rectangle((left + window[1], top - window[0] - window[2]), window[2], window[2],
                               fill=False, edgecolor=hl, linewidth=2))


def frame(ax, title):
    ax.set_title(title, fontsize=10)
    ax.set_xlim(-0.2, 8.2)
    ax.set_ylim(-0.2, 4.2)
    ax.set_aspect("equal")
    ax.axis("off")


# two panels a row, so that a phone shows them at a readable size: first the names of the cells, then the 9 steps
fig, axes = figure(5, 2, figsize=(5.2, 8.4), layout="constrained")
names, steps = axes.ravel()[0], axes.ravel()[1:]
cells(names, x, 0, 4, names=lambda i, j: f"x{4 * i + j}")
cells(names, y, 5, 3.5, color="#D5F5E3", names=lambda i, j: f"y{3 * i + j}")
frame(names, tr("输入 x 与特征图 y 的格子", "cells of the input x and the map y"))
for k, ax in enumerate(steps):
    r, c = divmod(k, 3)
    cells(ax, x, 0, 4, window=(r, c, 2))
    cells(ax, y, 5, 3.5, filled={divmod(m, 3) for m in range(k + 1)}, color="#D5F5E3")
    ax.add_patch(Rectangle((5 + c, 3.5 - r - 1), 1, 1, fill=False, edgecolor="#E74C3C", linewidth=2))
    ax.annotate("", xy=(4.9, 2), xytext=(4.1, 2), arrowprops={"arrowstyle": "-|>", "color": "#E74C3C"})
    frame(ax, tr(f"第 {k + 1} 步：y{k} = {y[r, c]:g}", f"step {k + 1}: y{k} = {y[r, c]:g}"))
print(figure_html(fig, tr(
    f"2×2 卷积核（w1…w4 = {w.ravel().tolist()}，b0 = {b0}）一步一步扫过 4×4 输入：每一步把红框里的 4 个数"
    "与权重相乘再相加，得到右边 3×3 特征图中的一个数。",
    f"A 2×2 kernel (w1…w4 = {w.ravel().tolist()}, b0 = {b0}) sliding over the 4×4 input step by step: each step "
    "multiplies the 4 numbers in the red box by the weights and adds them up, giving one number of the 3×3 feature map.")))
