import numpy as np

from mlnotes.nn import avg_pool2d, max_pool2d
from mlnotes.nn import MaxPool2D
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas, draw_cells
from mlnotes.book.render import figure, figure_html

x = np.array([[1, 1, 2, 4],
              [5, 6, 7, 8],
              [3, 2, 1, 0],
              [1, 2, 3, 4]])
mx, av = max_pool2d(x, 2), avg_pool2d(x, 2)      # 2x2 windows, stride 2
layer = MaxPool2D(2).forward(x[None, None])      # the same as a network layer, (N, C, H, W)
print(f"```\nmax_pool2d(x, 2) =\n{mx}\navg_pool2d(x, 2) =\n{av}\n"
      + tr("网络层 MaxPool2D(2) 的结果相同：", "MaxPool2D(2) gives the same: ") + f"{np.array_equal(layer[0, 0], mx)}\n```")

colors = ["#F5B7B1", "#AED6F1", "#ABEBC6", "#F9E79F"]  # one colour per 2x2 window


def window_colour(block):
    """Cell (i, j) takes the colour of the block x block window it lies in."""
    return lambda i, j, v: colors[(i // block) * 2 + j // block]


fig, ax = figure(figsize=(9, 3.4))
draw_cells(ax, x, 0, 4, facecolor=window_colour(2), edgecolor="white", linewidth=2, fontsize=10)
ax.text(2, 4.3, tr("4×4 输入", "4×4 input"), ha="center")
for top, out, name in [(4.2, mx, tr("最大池化 2×2", "max pooling 2×2")), (1.9, av, tr("平均池化 2×2", "average pooling 2×2"))]:
    ax.annotate("", xy=(6.3, top - 1), xytext=(4.3, 2), arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
    draw_cells(ax, out, 6.5, top, facecolor=window_colour(1), edgecolor="white", linewidth=2, fontsize=10)
    ax.text(8.8, top - 1, name, va="center")
canvas(ax, (-0.2, 11.5), (-0.4, 4.7))
print(figure_html(fig, tr(
    "池化：把每个 2×2 窗口（同一种颜色）换成一个数，最大池化取最大值，平均池化取平均值；尺寸减半。",
    "Pooling replaces each 2×2 window (one colour) by one number: the maximum for max pooling, the mean for "
    "average pooling; the size is halved.")))
