import numpy as np
from matplotlib.patches import Rectangle

from mlnotes.book.cnn import make_lenet
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

net = make_lenet(8, 10, random_state=0)     # for scikit-learn's 8x8 digit images
names = ["C1", "ReLU", "S2", "C3", "ReLU", "S4", tr("展平", "flatten"), "C5", "ReLU", "F6", "ReLU", tr("输出", "output")]
x = np.zeros((1, 1, 8, 8))                  # one 8x8 grey image, (N, C, H, W)
shapes = [(tr("输入", "input"), "", x.shape, 0)]
for name, layer in zip(names, net):
    x = layer.forward(x)
    shapes.append((name, type(layer).__name__, x.shape, sum(p.size for p in layer.params.values())))

print(tr("| 层 | 类型 | 输出形状 (N, C, H, W) | 参数个数 |", "| layer | type | output shape (N, C, H, W) | parameters |"))
print("|---|---|---|---:|")
for name, kind, shape, n in shapes:
    print(f"| {name} | {kind} | {shape} | {n} |")
print(tr(f"| 合计 | | | {net.n_params} |", f"| total | | | {net.n_params} |"))
print()

keep = [s for s in shapes if s[1] not in ("ReLU", "Flatten")]
fig, ax = figure(figsize=(12, 3.4))
x0 = 0.0
for k, (name, kind, shape, _) in enumerate(keep):
    if len(shape) == 4:  # feature maps: a stack of squares, side proportional to H
        _, c, h, w = shape
        side, depth = 0.6 + h / 8 * 1.6, min(c, 8)
        for j in range(depth):
            ax.add_patch(Rectangle((x0 + j * 0.1, -side / 2 - j * 0.1), side, side,
                                   facecolor="#D9EAD3" if kind != "MaxPool2D" else "#DCEBF7",
                                   edgecolor="#34495E", linewidth=0.8, zorder=10 - j))
        label, width = f"{c}@{h}×{w}", side + (depth - 1) * 0.1
    else:  # dense layer: a bar, height proportional to the number of units
        units = shape[1]
        height = 0.4 + units / 120 * 1.8
        ax.add_patch(Rectangle((x0, -height / 2), 0.3, height, facecolor="#FCE5CD", edgecolor="#34495E"))
        label, width = f"{units}", 0.3
    ax.text(x0 + width / 2, 1.5, name + (f"\n{kind}" if kind else ""), ha="center", fontsize=8)
    ax.text(x0 + width / 2, -2.3, label, ha="center", fontsize=9)
    if k + 1 < len(keep):
        ax.annotate("", xy=(x0 + width + 0.55, 0), xytext=(x0 + width + 0.1, 0),
                    arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
    x0 += width + 0.65
canvas(ax, (-0.2, x0), (-2.5, 2.1))
print(figure_html(fig, tr(
    "LeNet-5 风格的网络（卷积 → 池化 → 卷积 → 池化 → 3 个全连接层），各层的输出形状来自对一张 8×8 图片的正向传播。",
    "A LeNet-5-style network (convolution → pooling → convolution → pooling → three fully connected layers); the output "
    "shapes come from a forward pass of one 8×8 image.")))
