import numpy as np

from mlnotes.nn import KERNELS, conv2d
from mlnotes.book.data import load_sample_image
from mlnotes.nn import relu
from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks
from mlnotes.book.render import figure, figure_html

img = load_sample_image(as_gray=True)[120:380:2, 120:380:2] / 255.0
z = conv2d(img, KERNELS["sobel_x"])      # a feature map with positive and negative values
a = relu(z)                              # max(0, z), element by element
print(tr(f"特征图中有 {np.mean(z < 0):.0%} 的值是负数，ReLU 之后它们都变成了 0；正的值原样保留。",
         f"{np.mean(z < 0):.0%} of the feature map's values are negative; ReLU sets them to 0 and keeps the "
         "positive values as they are."))
print()

fig, axes = figure(1, 2, figsize=(8, 3.9))
lim = np.percentile(np.abs(z), 99)  # colour scale: ignore the few strongest edges
for ax, data, title in zip(axes, [z, a], [tr("卷积输出 z（蓝负红正）", "convolution output z (blue < 0 < red)"),
                                           tr("ReLU(z) = max(0, z)", "ReLU(z) = max(0, z)")]):
    im = ax.imshow(data, cmap="RdBu_r", vmin=-lim, vmax=lim)
    ax.set_title(title, fontsize=10)
    hide_ticks(ax)
fig.colorbar(im, ax=axes, shrink=0.8)
print(figure_html(fig, tr(
    "激活函数逐个作用在特征图的每个值上：ReLU 只留下“从左到右变亮”的边缘（正值）。",
    "The activation acts on every value of the feature map: ReLU keeps only the left-to-right brightening "
    "edges (positive values).")))
