import numpy as np

from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

a = np.array([0.5, 2.0, -1.0, 3.0])   # outputs a_i of the previous layer (k = 4)
w = np.array([0.4, -0.3, 0.8, 0.1])   # the weight w_i of each connection
products = a * w

print(tr("| i | 输入 $a_i$ | 权重 $w_i$ | $a_i w_i$ |", "| i | input $a_i$ | weight $w_i$ | $a_i w_i$ |"))
print("|---:|---:|---:|---:|")
for i, (ai, wi, p) in enumerate(zip(a, w, products), start=1):
    print(f"| {i} | {ai:g} | {wi:g} | {p:+.2f} |")
print(tr(f"| **和** | | | **{products.sum():.2f}** |", f"| **sum** | | | **{products.sum():.2f}** |"))
print()
print(tr(f"逐项相乘再相加得到 {products.sum():.2f}，与 `np.dot(a, w)` = {np.dot(a, w):.2f} 相同。",
         f"Multiplying term by term and adding gives {products.sum():.2f}, the same as `np.dot(a, w)` = {np.dot(a, w):.2f}."))
print()

import matplotlib.patches as patches  # noqa: E402

fig, ax = figure(figsize=(7.0, 3.0))
for i, (ai, wi) in enumerate(zip(a, w)):
    y = 1.5 - i
    ax.text(0.4, y, f"$a_{i + 1}$ = {ai:g}", ha="right", va="center", fontsize=10)
    ax.text(0.75, y, "×", ha="center", va="center", fontsize=11)
    ax.text(1.1, y, f"$w_{i + 1}$ = {wi:g}", ha="left", va="center", fontsize=10)
    ax.text(3.55, y, f"= {ai * wi:+.2f}", ha="right", va="center", fontsize=10, color=f"C{i}")
    ax.annotate("", xy=(5.1, 0), xytext=(3.7, y), arrowprops={"arrowstyle": "-|>", "color": f"C{i}"})
ax.add_patch(patches.Circle((5.5, 0), 0.4, facecolor="#009E73", edgecolor="#2C3E50"))
ax.text(5.5, 0, "Σ", ha="center", va="center", color="white", fontsize=13)
ax.annotate("", xy=(6.8, 0), xytext=(5.9, 0), arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
ax.text(6.9, 0, f"{products.sum():.2f}", ha="left", va="center", fontsize=11)
canvas(ax, (-1.2, 7.6), (-2.0, 2.0))
print(figure_html(fig, tr(
    "内积：每个输入乘以对应的权重，再把乘积相加。",
    "The inner product: multiply each input by its weight, then add the products up.")))
