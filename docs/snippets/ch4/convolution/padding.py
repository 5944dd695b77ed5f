import numpy as np

from mlnotes.nn import conv2d, pad2d
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas, draw_cells
from mlnotes.book.render import figure, figure_html

x = np.arange(1, 17).reshape(4, 4)   # a 4x4 image
w = np.ones((3, 3))                  # a 3x3 kernel (all ones: each output is the sum of a 3x3 window)
xp = pad2d(x, 1)                     # zero padding of width 1 -> 6x6
y = conv2d(x, w, padding=1)          # = conv2d(xp, w): back to 4x4
assert np.array_equal(y, conv2d(xp, w))
print(f"```\nx.shape = {x.shape}   pad2d(x, 1).shape = {xp.shape}   conv2d(x, w, padding=1).shape = {y.shape}\n```")


def border(i, j):
    """Is cell (i, j) of xp in the ring of zeros that pad2d added?"""
    return i < 1 or j < 1 or i >= xp.shape[0] - 1 or j >= xp.shape[1] - 1


fig, ax = figure(figsize=(10, 3.4))
draw_cells(ax, xp, 0, 6, fontsize=8, box=(0, 0, 3),
           facecolor=lambda i, j, v: "#EAECEE" if border(i, j) else "#D6EAF8",
           linestyle=lambda i, j, v: "--" if border(i, j) else "-",
           textcolor=lambda i, j, v: "#95A5A6" if border(i, j) else "black")
ax.text(3, 6.3, tr("4×4 图片 + 一圈 0 = 6×6", "4×4 image + a border of zeros = 6×6"), ha="center", fontsize=9)
ax.text(7, 3, "*", ha="center", va="center", fontsize=18)
draw_cells(ax, w, 8, 4.5, facecolor="#FDEBD0", fontsize=8)
ax.text(9.5, 4.8, tr("3×3 卷积核", "3×3 kernel"), ha="center", fontsize=9)
ax.text(12, 3, "=", ha="center", va="center", fontsize=18)
draw_cells(ax, y, 13, 5, facecolor="#D5F5E3", fontsize=8, box=(0, 0, 1))
ax.text(15, 5.3, tr("4×4 特征图：尺寸不变", "4×4 feature map: same size"), ha="center", fontsize=9)
canvas(ax, (-0.2, 17.2), (-0.2, 6.8))
print(figure_html(fig, tr(
    "零填充：4×4 的图片在边缘补一圈 0 变成 6×6，再用 3×3 卷积核卷积，得到的特征图仍是 4×4。"
    "红框是第一个窗口，它只覆盖了 4 个真实像素。",
    "Zero padding: the 4×4 image gets a border of zeros (6×6); a 3×3 kernel then gives a 4×4 feature map again. "
    "The red box is the first window; it covers only 4 real pixels.")))
