import numpy as np

from mlnotes.nn import KERNELS, conv2d
from mlnotes.book.data import load_sample_image
from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks
from mlnotes.book.render import figure, figure_html

rgb = load_sample_image()[120:380:2, 120:380:2] / 255.0   # (130, 130, 3): the face, (height, width, depth)
x = rgb.transpose(2, 0, 1)[None]                          # (N, C, H, W) = (1, 3, 130, 130)
w = np.stack([KERNELS["sobel_x"], KERNELS["sobel_y"], KERNELS["laplacian"]])[None]  # (K, C, F, F) = (1, 3, 3, 3)
b = np.array([0.1])
y = conv2d(x, w, b)                                       # (1, 1, 128, 128): ONE feature map
per_channel = [conv2d(x[0, c], w[0, c]) for c in range(3)]  # each channel with its own kernel slice
print(f"```\nx.shape = {x.shape}   w.shape = {w.shape}   conv2d(x, w, b).shape = {y.shape}\n"
      + tr("3 个通道各自的卷积结果之和 + b == conv2d(x, w, b)：", "sum of the 3 per-channel results + b == conv2d(x, w, b): ")
      + f"{np.allclose(sum(per_channel) + b[0], y[0, 0])}\n```")

fig = figure(figsize=(11, 6.6))[0]
fig.clf()
grid = fig.add_gridspec(3, 4, width_ratios=[1, 0.6, 1, 1.5])
names = [tr("R 通道", "R channel"), tr("G 通道", "G channel"), tr("B 通道", "B channel")]
for c in range(3):
    ax = fig.add_subplot(grid[c, 0])
    tinted = np.zeros_like(rgb)
    tinted[..., c] = rgb[..., c]  # channel c in its own colour
    ax.imshow(tinted)
    ax.set_ylabel(names[c], rotation=0, ha="right", va="center")
    kernel = fig.add_subplot(grid[c, 1])
    kernel.imshow(w[0, c], cmap="coolwarm", vmin=-4, vmax=4)
    for (i, j), v in np.ndenumerate(w[0, c]):
        kernel.text(j, i, f"{v:g}", ha="center", va="center", fontsize=8)
    out = fig.add_subplot(grid[c, 2])
    out.imshow(per_channel[c], cmap="gray")
    if c == 0:
        ax.set_title(tr("输入的一个通道", "one input channel"), fontsize=9)
        kernel.set_title(tr("卷积核的对应切片", "its kernel slice"), fontsize=9)
        out.set_title(tr("该通道的卷积结果", "that channel's result"), fontsize=9)
    hide_ticks([ax, kernel, out])
total = fig.add_subplot(grid[:, 3])
total.imshow(y[0, 0], cmap="gray")
total.set_title(tr("三个结果相加 + b = 一张特征图", "sum of the three + b = one feature map"), fontsize=10)
hide_ticks(total)
print(figure_html(fig, tr(
    "多通道卷积：RGB 输入有 3 个通道，卷积核的形状就是 (3, 3, 3)，每个通道用自己的一片 3×3 权重，三个结果相加再加上偏置，得到一张特征图。",
    "Multi-channel convolution: an RGB input has 3 channels, so the kernel has shape (3, 3, 3); each channel is "
    "convolved with its own 3×3 slice, and the three results plus the bias add up to one feature map.")))
