
from mlnotes.nn import conv_output_size
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

n, f = 4, 2                     # the notes' 4x4 input and 2x2 kernel
m = conv_output_size(n, f)      # 3x3 outputs
colors = ["#E74C3C", "#27AE60", "#2E86C1", "#F39C12"]  # w1, w2, w3, w4


def xy_in(i, j):   # the 16 inputs in one row (x0 … x15), as in a layer diagram
    return (4 * i + j) * 0.7, 2.0


def xy_out(i, j):  # the 9 outputs in a row below, each under its window
    return (4 * i + j + 0.5) * 0.7, 0.0


fig, axes = figure(2, 1, figsize=(11, 4.6))
for panel, ax in enumerate(axes):
    outputs = [(0, 0)] if panel == 0 else [(r, c) for r in range(m) for c in range(m)]
    for r, c in outputs:
        for k, (di, dj) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):  # x positions weighted by w1..w4
            (xa, ya), (xb, yb) = xy_in(r + di, c + dj), xy_out(r, c)
            ax.plot([xa, xb], [ya, yb], color=colors[k], linewidth=1.4 if panel == 0 else 0.8, alpha=0.8)
            if panel == 0:
                ax.text(xa + (xb - xa) * 0.3 - 0.05, ya + (yb - ya) * 0.3, f"w{k + 1}", color=colors[k], fontsize=9)
    for i in range(n):
        for j in range(n):
            ax.scatter(*xy_in(i, j), s=330, color="#D6EAF8", edgecolors="#34495E", zorder=3)
            ax.text(*xy_in(i, j), f"x{4 * i + j}", ha="center", va="center", fontsize=7, zorder=4)
    for i in range(m):
        for j in range(m):
            ax.scatter(*xy_out(i, j), s=330, color="#D5F5E3", edgecolors="#34495E", zorder=3)
            ax.text(*xy_out(i, j), f"y{3 * i + j}", ha="center", va="center", fontsize=7, zorder=4)
    ax.set_title(tr("局部连接：y0 只连接 4 个输入", "local connection: y0 sees only 4 inputs") if panel == 0 else
                 tr("权重共享：每个输出都用同样的 w1…w4 和 b0", "weight sharing: every output uses the same w1…w4 and b0"),
                 fontsize=10)
    canvas(ax, (-0.5, 11.0), (-0.4, 2.4))
print(figure_html(fig, tr(
    "卷积核扫过全图时的连接方式：颜色表示权重，同一种颜色就是同一个权重。",
    "How the kernel connects the layers as it slides: the colour is the weight, and one colour is one shared weight.")))
