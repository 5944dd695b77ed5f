import numpy as np
from matplotlib.patches import Rectangle

from mlnotes.book.data import load_sample_image
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

img = load_sample_image(as_gray=True)  # (height, width), uint8
r0, c0, k = 186, 178, 10               # a 10x10 patch around the left eye
patch = img[r0:r0 + k, c0:c0 + k]

print(tr(f"灰度照片的形状是 `{img.shape}`，数据类型 `{img.dtype}`，最小值 {img.min()}，最大值 {img.max()}。"
         f"下图右侧是左图红框里 {k}×{k} 个像素的原始数值：",
         f"The grey photo has shape `{img.shape}`, dtype `{img.dtype}`, minimum {img.min()} and maximum "
         f"{img.max()}. On the right are the raw values of the {k}×{k} pixels in the red box:"))
print()

fig, (ax, zoom) = figure(1, 2, figsize=(11, 5.2), gridspec_kw={"width_ratios": [1, 1.25]})
ax.imshow(img, cmap="gray", vmin=0, vmax=255)
ax.add_patch(Rectangle((c0 - 0.5, r0 - 0.5), k, k, fill=False, edgecolor="red", linewidth=1.5))
ax.set_title(tr(f"灰度照片 {img.shape[0]}×{img.shape[1]}", f"grey photo {img.shape[0]}×{img.shape[1]}"))
zoom.imshow(patch, cmap="gray", vmin=0, vmax=255)
for a in (ax, zoom):
    a.grid(False)
for (i, j), v in np.ndenumerate(patch):
    zoom.text(j, i, str(v), ha="center", va="center", fontsize=8, color="white" if v < 128 else "black")
zoom.set_xticks(range(k), [str(c0 + j) for j in range(k)], fontsize=7)
zoom.set_yticks(range(k), [str(r0 + i) for i in range(k)], fontsize=7)
zoom.set_title(tr("放大：每个像素是 0（黑）到 255（白）的一个数", "zoomed: each pixel is a number from 0 (black) to 255 (white)"),
               fontsize=10)
print(figure_html(fig, tr("计算机里的灰度图像就是一个 0–255 的二维数组。",
                                                 "In a computer, a grey image is a 2-D array of numbers from 0 to 255.")))
