import numpy as np

from mlnotes.nn import KERNELS, conv2d
from mlnotes.book.data import load_sample_image
from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks
from mlnotes.book.render import figure, figure_html

img = load_sample_image(as_gray=True)[120:380:2, 120:380:2] / 255.0  # the face, 130x130, grey in [0, 1]
chosen = [("identity", tr("原图", "original")), ("edge", tr("边缘（轮廓）", "edges (outline)")),
          ("sobel_x", tr("Sobel x：竖直边缘", "Sobel x: vertical edges")),
          ("sobel_y", tr("Sobel y：水平边缘", "Sobel y: horizontal edges")),
          ("gaussian_blur", tr("模糊", "blur")), ("sharpen", tr("锐化", "sharpen"))]

fig, axes = figure(2, 3, figsize=(10, 7.6))
for ax, (name, label) in zip(axes.ravel(), chosen):
    k = KERNELS[name]
    out = conv2d(img, k, padding="same")  # same size as the photo
    if name.startswith("sobel") or name == "edge":
        ax.imshow(abs(out), cmap="gray_r", vmin=0, vmax=np.percentile(abs(out), 99))  # dark = strong response
    else:
        ax.imshow(out, cmap="gray", vmin=0, vmax=1)
    rows = " / ".join(" ".join(f"{v:g}" for v in row) for row in (k * (16 if name == "gaussian_blur" else 1)))
    scale = "1/16 · " if name == "gaussian_blur" else ""
    ax.set_title(f"{label}\n[{scale}{rows}]", fontsize=8.5)
    hide_ticks(ax)
print(figure_html(fig, tr(
    "同一张照片经过不同的 3×3 卷积核（用 conv2d 计算，标题中是卷积核的三行数值），提取到不同的特征。",
    "The same photo through different 3×3 kernels (computed with conv2d; the kernel's three rows are in each title) "
    "brings out different features.")))
