import numpy as np

from mlnotes.nn import conv2d
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas, draw_cells
from mlnotes.book.render import figure, figure_html

x = np.array([[10, 10, 10, 0, 0, 0]] * 6)   # 6x6 picture: bright left half, dark right half
w = np.array([[1, 0, -1]] * 3)              # 3x3 vertical-edge detector
y = conv2d(x, w)                            # 4x4 output feature
first = (x[:3, :3] * w).sum()
edge_cols = np.flatnonzero(np.abs(y).max(axis=0) > 0)  # output columns that respond
print(tr(f"左上角的输出：把红框里的 9 个数与卷积核逐个相乘再相加，得到 {first}；",
         f"Top-left output: multiply the 9 numbers in the red box by the kernel entry by entry and add them up: {first}; "),
      tr(f"整张输出是 `{y.astype(int).tolist()}`，响应不为 0 的是第 {edge_cols.tolist()} 列（从 0 数起）。",
         f"the whole output is `{y.astype(int).tolist()}`; the columns that respond are {edge_cols.tolist()} (counting from 0)."), sep="")
print()


def shaded(brightest=10.0):
    """Cell colours like pixels: light for large values, white for an empty (NaN) cell."""
    def grey(v):
        return 1.0 if np.isnan(v) else 0.9 if brightest == 0 else 0.3 + 0.65 * abs(v) / brightest
    return {"facecolor": lambda i, j, v: (grey(v),) * 3,
            "textcolor": lambda i, j, v: "white" if grey(v) < 0.55 else "black"}


fig, axes = figure(1, 2, figsize=(12, 3.4))
for ax, filled in zip(axes, [False, True]):
    draw_cells(ax, x, 0, 6, box=(0, 0, 3), **shaded())
    ax.text(6.5, 3, "*", ha="center", va="center", fontsize=18)
    draw_cells(ax, w, 7, 4.5, **shaded(brightest=0))
    ax.text(10.5, 3, "=", ha="center", va="center", fontsize=18)
    shown = y.copy() if filled else np.where(np.arange(16).reshape(4, 4) == 0, first, np.nan)
    draw_cells(ax, shown, 11, 5, box=(0, 0, 1) if not filled else None, **shaded(brightest=30.0))
    ax.set_title(tr("第一步：左上角 3×3 区域" if not filled else f"填满右侧格子：中间 {len(edge_cols)} 列响应为 {int(y.max())}，边缘就在那里",
                    "first step: the top-left 3×3 region" if not filled else
                    f"all positions: the {len(edge_cols)} middle columns respond with {int(y.max())}, where the edge is"), fontsize=10)
    canvas(ax, (-0.2, 15.2), (-0.2, 6.2))
print(figure_html(fig, tr(
    "提取原理：左边是图片（左亮右暗），中间是卷积核，右边是输出特征。",
    "How a feature is extracted: the picture on the left (bright left, dark right), the kernel in the middle, "
    "the output feature on the right.")))
