from matplotlib.patches import Rectangle

from mlnotes.nn import conv_output_size
from mlnotes.book.data import load_sample_image
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

img = load_sample_image(as_gray=True)[120:380:8, 126:386:8]  # the face at 33x33 pixels
n, k = img.shape[0], 8

fig, axes = figure(1, 2, figsize=(10, 4.2))
for ax, local in zip(axes, [False, True]):
    ax.imshow(img, cmap="gray", extent=(0, n, 0, n))
    ax.grid(False)
    units = [(n + 6, 0.75 * n), (n + 6, 0.5 * n), (n + 6, 0.25 * n)]
    patches = [(3, 22), (12, 12), (21, 3)]  # lower-left corners of three 8x8 regions
    for u, (px, py) in zip(units, patches):
        color = "#E74C3C" if local else "#2E86C1"
        if local:
            ax.add_patch(Rectangle((px, py), k, k, fill=False, edgecolor=color, linewidth=1.5))
            sources = [(px + i + 0.5, py + j + 0.5) for i in range(k) for j in range(k)]
        else:
            sources = [(i + 0.5, j + 0.5) for i in range(0, n, 4) for j in range(0, n, 4)]
        for sx, sy in sources:
            ax.plot([sx, u[0]], [sy, u[1]], color=color, linewidth=0.3, alpha=0.5)
        ax.scatter(*u, s=200, color="#D5F5E3", edgecolors="#34495E", zorder=3)
    canvas(ax, (0, n + 7), (0, n))
    ax.set_title(tr("全连接：每个隐藏节点连接所有像素", "fully connected: every hidden unit sees all pixels") if not local
                 else tr("局部连接：每个隐藏节点只连接一个局部区域", "locally connected: each hidden unit sees one region"),
                 fontsize=10)
print(figure_html(fig, tr(
    "全连接与局部连接（左图只画出了一部分连线）。局部的像素联系紧密，每个神经元只需感知局部，在更高层再综合出全局信息。",
    "Fully versus locally connected (the left panel shows only some of the lines). Nearby pixels are closely related, "
    "so each neuron needs to perceive only a local region; higher layers combine the regions into global information.")))

m = conv_output_size(4, 2)  # the notes' 4x4 input and 2x2 kernel: 3x3 outputs
# how many weights each way of connecting needs
cases = [(4, 2, m * m),            # the notes' example: 9 outputs
         (1000, 10, 1000 * 1000)]   # a 1000x1000 photo, one hidden unit per pixel, 10x10 patches
print(tr("| 输入 | 局部区域 | 隐藏节点 | 全连接 | 局部连接（不共享） | 局部连接 + 权重共享 |",
         "| input | patch | hidden units | fully connected | local, not shared | local + shared |"))
print("|---|---|---:|---:|---:|---:|")
for size, k, units in cases:
    print(f"| {size}×{size} | {k}×{k} | {units:,} | {size * size * units:,} | {k * k * units:,} | {k * k} |")
print()
print(tr("（权重个数不含偏置；1000×1000 那一行假设隐藏节点和像素一样多，每个隐藏节点看 10×10 的局部区域。）",
         "(Weights without biases; the 1000×1000 row assumes one hidden unit per pixel, each seeing a 10×10 patch.)"))
