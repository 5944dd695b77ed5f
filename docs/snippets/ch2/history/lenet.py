import numpy as np
from matplotlib.patches import Rectangle

from mlnotes.nn import AvgPool2D, Conv2D, Dense, Flatten, Sequential, Tanh
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

# LeNet-5 (LeCun et al., 1998, section II-B): every unit up to F6 passes its weighted sum through
# the squashing function (a scaled tanh), so a tanh follows each convolution and each sub-sampling layer.
# Simplified here: the paper's sub-sampling units also multiply by a trainable coefficient and add a bias,
# C3 sees only some of S2's maps, and the output layer is made of RBF units instead of a dense layer.
lenet = Sequential([
    Conv2D(1, 6, 5, random_state=0), Tanh(),     # C1
    AvgPool2D(2), Tanh(),                         # S2
    Conv2D(6, 16, 5, random_state=1), Tanh(),    # C3
    AvgPool2D(2), Tanh(),                         # S4
    Flatten(),
    Dense(400, 120, random_state=2), Tanh(),     # C5
    Dense(120, 84, random_state=3), Tanh(),      # F6
    Dense(84, 10, random_state=4),               # output
])
names = {1: "C1", 3: "S2", 5: "C3", 7: "S4", 10: "C5", 12: "F6", 13: tr("输出", "output")}
x = np.random.default_rng(0).random((1, 1, 32, 32))  # one 32x32 grey image
shapes, pending = [("INPUT", x.shape, 0)], 0
for i, layer in enumerate(lenet):
    x = layer.forward(x)
    pending += sum(p.size for p in layer.params.values())
    if i in names:                                # a named layer ends with its activation
        shapes.append((names[i], x.shape, pending))
        pending = 0

print(tr("| 层 | 输出形状 (N, C, H, W) | 参数个数 |", "| layer | output shape (N, C, H, W) | parameters |"))
print("|---|---|---:|")
for name, shape, n in shapes:
    print(f"| {name} | {shape} | {n} |")
print(tr(f"| 合计 | | {lenet.n_params} |", f"| total | | {lenet.n_params} |"))
print()

fig, ax = figure(figsize=(12, 3.6))
x0 = 0.0
for k, (name, shape, _) in enumerate(shapes):
    if len(shape) == 4:  # feature maps: a stack of squares, side proportional to H
        _, c, h, w = shape
        side, depth = h / 32 * 2.2, min(c, 6)
        for j in range(depth):
            ax.add_patch(Rectangle((x0 + j * 0.12, -side / 2 - j * 0.12), side, side, facecolor="#DCEBF7" if k % 2
                                   else "#D9EAD3", edgecolor="#34495E", linewidth=0.8, zorder=10 - j))
        label, width = f"{c}@{h}×{w}", side + (depth - 1) * 0.12
    else:  # dense layer: a bar, height proportional to the number of units
        units = shape[1]
        height = 0.4 + units / 120 * 2.0
        ax.add_patch(Rectangle((x0, -height / 2), 0.35, height, facecolor="#FCE5CD", edgecolor="#34495E"))
        label, width = f"{units}", 0.35
    ax.text(x0 + width / 2, 1.7, name, ha="center", fontsize=10)
    ax.text(x0 + width / 2, -1.95, label, ha="center", fontsize=9)
    if k + 1 < len(shapes):
        ax.annotate("", xy=(x0 + width + 0.6, 0), xytext=(x0 + width + 0.1, 0),
                    arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
    x0 += width + 0.7
canvas(ax, (-0.2, x0), (-2.2, 2.0))
print(figure_html(fig, tr("LeNet-5 的结构，由上面的网络对一张 32×32 图片做前向传播得到的各层输出形状画出。",
                                            "LeNet-5's structure, drawn from the output shapes of a forward pass of the network above on a 32×32 image.")))
