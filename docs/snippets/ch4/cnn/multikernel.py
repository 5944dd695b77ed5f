import numpy as np

from mlnotes.nn import KERNELS, conv2d
from mlnotes.book.data import load_sample_image
from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks
from mlnotes.book.render import figure, figure_html

rgb = load_sample_image()[120:380:2, 120:380:2] / 255.0
x = rgb.transpose(2, 0, 1)[None]                       # (1, 3, 130, 130)
names = ["sobel_x", "sobel_y", "edge", "gaussian_blur"]
# K = 4 kernels, each spanning all 3 channels (the same 3x3 pattern on R, G and B, divided by 3)
w = np.stack([np.stack([KERNELS[name] / 3] * 3) for name in names])  # (K, C, F, F) = (4, 3, 3, 3)
y = conv2d(x, w, padding=1)                            # (1, 4, 130, 130): four feature maps
print(f"```\nx.shape = {x.shape}   w.shape = {w.shape}   conv2d(x, w, padding=1).shape = {y.shape}\n```")

fig, axes = figure(1, 5, figsize=(12, 3.0))
axes[0].imshow(rgb)
axes[0].set_title(tr("输入 (3 通道)", "input (3 channels)"), fontsize=9)
for k, (ax, name) in enumerate(zip(axes[1:], names)):
    ax.imshow(y[0, k], cmap="gray")
    ax.set_title(tr(f"特征图 {k + 1}：{name}", f"feature map {k + 1}: {name}"), fontsize=9)
hide_ticks(axes)
print(figure_html(fig, tr(
    "多卷积核：4 个 (3, 3, 3) 的卷积核作用在同一张 RGB 图片上，得到 4 张特征图，也就是输出的 4 个通道。",
    "Multiple kernels: four (3, 3, 3) kernels on the same RGB picture give four feature maps, the four channels "
    "of the output.")))
