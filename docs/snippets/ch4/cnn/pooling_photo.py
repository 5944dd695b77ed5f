import numpy as np

from mlnotes.nn import KERNELS, conv2d, max_pool2d
from mlnotes.book.data import load_sample_image
from mlnotes.nn import relu
from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks
from mlnotes.book.render import figure, figure_html

img = load_sample_image(as_gray=True) / 255.0                 # (600, 512)
maps = [relu(conv2d(img, KERNELS["edge"], padding=1))]        # an edge feature map, same size as the photo
for _ in range(3):
    maps.append(max_pool2d(maps[-1], 2))                      # 2x2 max pooling, three times
print(tr("特征图的尺寸：", "Feature-map sizes: ") + " → ".join(f"{m.shape[0]}×{m.shape[1]}" for m in maps))
print()

fig, axes = figure(1, 4, figsize=(12, 3.6))
for k, (ax, m) in enumerate(zip(axes, maps)):
    ax.imshow(m, cmap="gray_r", vmin=0, vmax=np.percentile(m, 99))
    ax.set_title((tr("边缘特征图", "edge feature map") if k == 0 else
                  tr(f"最大池化 {k} 次", f"max-pooled {k}×")) + f"  {m.shape[0]}×{m.shape[1]}", fontsize=9)
    hide_ticks(ax)
print(figure_html(fig, tr(
    "对照片的边缘特征图反复做 2×2 最大池化：每次宽高减半，主要的轮廓依然保留。",
    "Repeated 2×2 max pooling of the photo's edge feature map: each time height and width are halved, and the "
    "main outlines remain.")))
