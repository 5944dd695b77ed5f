import numpy as np
from matplotlib.patches import Circle, FancyBboxPatch

from mlnotes.nn import neuron
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

fig, (bio, art) = figure(1, 2, figsize=(12, 3.6), gridspec_kw={"width_ratios": [1.35, 1]})


def branches(ax, x, y, direction, spread):
    """Dendrites: a few forked lines leaving the cell body at (x, y)."""
    for angle in np.linspace(-spread, spread, 4):
        ex, ey = x + direction * 0.9 * np.cos(angle), y + 0.9 * np.sin(angle)
        ax.plot([x, ex], [y, ey], color="#8E5A2B", linewidth=1.6)
        for fork in (-0.35, 0.35):
            ax.plot([ex, ex + direction * 0.35 * np.cos(angle + fork)], [ey, ey + 0.35 * np.sin(angle + fork)],
                    color="#8E5A2B", linewidth=1.0)


# neuron A: dendrites, cell body, axon with myelin, terminals; neuron B receives at its dendrites
branches(bio, 0.0, 0.0, -1, 1.0)
branches(bio, 7.2, 0.0, -1, 0.8)
bio.plot([0.45, 5.2], [0, 0], color="#8E5A2B", linewidth=2.0)
for x in np.arange(1.0, 4.8, 0.9):
    bio.add_patch(FancyBboxPatch((x, -0.12), 0.6, 0.24, boxstyle="round,pad=0.02", facecolor="#F6D7A7",
                                 edgecolor="#8E5A2B", linewidth=0.8))
for dy in (-0.35, 0.0, 0.35):
    bio.plot([5.2, 5.75], [0, dy], color="#8E5A2B", linewidth=1.2)
    bio.add_patch(Circle((5.8, dy), 0.07, color="#8E5A2B"))
for x, name in ((0.0, "A"), (7.2, "B")):
    bio.add_patch(Circle((x, 0), 0.45, facecolor="#F9CB9C", edgecolor="#8E5A2B", linewidth=1.5, zorder=3))
    bio.text(x, 0, name, ha="center", va="center", fontsize=12, zorder=4)
labels = [((-0.9, 1.25), tr("树突", "dendrites")), ((1.0, -0.55), tr("细胞体", "cell body")),
          ((2.9, 0.35), tr("轴突", "axon")), ((5.5, -0.75), tr("突触", "synapses"))]
for (x, y), text in labels:
    bio.text(x, y, text, ha="center", va="center", fontsize=9)
bio.annotate("", xy=(5.0, 0.75), xytext=(1.0, 0.75), arrowprops={"arrowstyle": "-|>", "color": "#C0392B"})
bio.text(3.0, 0.9, tr("电信号 / 化学信号", "electrical / chemical signal"), ha="center", va="bottom",
         fontsize=9, color="#C0392B")
bio.set_xlim(-1.6, 7.8)
bio.set_ylim(-1.3, 1.4)
bio.set_title(tr("生物神经元：A 的轴突把信号传给 B 的树突", "Biological neurons: A's axon signals B's dendrites"))

# an artificial neuron, computed with mlnotes.nn.neuron
x, w, b = np.array([1.0, -2.0, -1.0]), np.array([2.0, -1.0, 1.0]), 1.0
z, a = float(w @ x + b), neuron(x, w, b, activation="sigmoid")
for i, (xi, wi) in enumerate(zip(x, w)):
    y = 1.0 - i
    art.add_patch(Circle((0, y), 0.28, facecolor="#56B4E9", edgecolor="#2C3E50"))
    art.text(0, y, f"{xi:g}", ha="center", va="center", fontsize=9)
    art.text(-0.45, y, f"$x_{i + 1}$", ha="right", va="center")
    art.plot([0.28, 2.0], [y, 0], color="#7F8C8D", linewidth=1.2)
    # the weight rides above its line, turned along it (equal aspect: the data angle is the angle drawn)
    angle = np.arctan2(-y, 2.0 - 0.28)
    t = 0.4
    art.annotate(f"$w_{i + 1}$={wi:g}", (0.28 + t * (2.0 - 0.28), y * (1 - t)),
                 xytext=(-3 * np.sin(angle), 3 * np.cos(angle)), textcoords="offset points",
                 rotation=np.degrees(angle), rotation_mode="anchor", ha="center", va="bottom",
                 fontsize=8, color="#34495E")
art.add_patch(Circle((2.45, 0), 0.5, facecolor="#009E73", edgecolor="#2C3E50"))
art.text(2.45, 0, "Σ | σ", ha="center", va="center", color="white", fontsize=10)
art.text(2.45, -0.75, f"b = {b:g}\nz = {z:g}", ha="center", va="top", fontsize=8)
art.annotate("", xy=(4.1, 0), xytext=(2.95, 0), arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
art.text(4.2, 0, f"a = σ({z:g}) = {a:.3f}", ha="left", va="center", fontsize=9)
art.set_xlim(-1.0, 6.3)
art.set_ylim(-1.6, 1.6)
art.set_title(tr("人工神经元：加权求和，再经过激活函数", "Artificial neuron: weighted sum, then an activation"))
for ax in (bio, art):
    ax.set_aspect("equal")
    ax.axis("off")
print(figure_html(fig, tr("左：两个生物神经元；右：一个人工神经元（数值由 mlnotes.nn.neuron 计算）。",
                                             "Left: two biological neurons; right: an artificial neuron (values computed by mlnotes.nn.neuron).")))
