import numpy as np
from matplotlib.patches import Rectangle

from mlnotes.book.data import load_sample_image
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas, hide_ticks
from mlnotes.book.render import figure, figure_html

img = load_sample_image()  # (height, width, depth) = (600, 512, 3), uint8
height, width, depth = img.shape
print(tr(f"彩色照片的形状是 `{img.shape}`，即 (高 height, 宽 width, 深 depth) = ({height}, {width}, {depth})，"
         f"一共 {img.size} 个 0–255 的数。左上角像素的 RGB 值是 `{tuple(int(v) for v in img[0, 0])}`。",
         f"The colour photo has shape `{img.shape}`: (height, width, depth) = ({height}, {width}, {depth}), "
         f"{img.size} numbers from 0 to 255 in all. The top-left pixel's RGB value is "
         f"`{tuple(int(v) for v in img[0, 0])}`."))
print()

fig, axes = figure(1, 4, figsize=(12, 3.6))
axes[0].imshow(img)
axes[0].set_title(tr("RGB 照片", "RGB photo"))
names = [tr("红色通道 R", "red channel R"), tr("绿色通道 G", "green channel G"), tr("蓝色通道 B", "blue channel B")]
for ch, (ax, name) in enumerate(zip(axes[1:], names)):
    tinted = np.zeros_like(img)
    tinted[..., ch] = img[..., ch]  # show channel ch in its own colour
    ax.imshow(tinted)
    ax.set_title(f"{name}: img[:, :, {ch}]", fontsize=10)
hide_ticks(axes)
print(figure_html(fig, tr(
    "RGB 图片由红、绿、蓝三个通道叠加而成，每个通道都是一张 0–255 的灰度图。",
    "An RGB picture is three channels, red, green and blue, each a 0–255 grey image.")))

# the same numbers as a cuboid: depth planes stacked behind each other
fig, ax = figure(figsize=(6.5, 4.2))
small = img[::100, ::100]  # (6, 6, 3): a coarse version, so the numbers fit
colors = ["#E74C3C", "#27AE60", "#2E86C1"]
for ch in (2, 1, 0):  # back to front
    dx = dy = 0.9 * ch
    for (i, j), v in np.ndenumerate(small[..., ch]):
        x, yy = j + dx, -i + dy
        ax.add_patch(Rectangle(
            (x, yy), 1, 1, facecolor=colors[ch], alpha=0.15 + 0.6 * v / 255, edgecolor="white"))
        if ch == 0:
            ax.text(x + 0.5, yy + 0.5, str(v), ha="center", va="center", fontsize=8)
h, w = small.shape[:2]
ax.annotate("", xy=(-0.4, -h + 1), xytext=(-0.4, 1), arrowprops={"arrowstyle": "<->"})
ax.text(-0.7, -h / 2 + 1, tr("高 height", "height"), rotation=90, ha="right", va="center")
ax.annotate("", xy=(w, -h + 0.6), xytext=(0, -h + 0.6), arrowprops={"arrowstyle": "<->"})
ax.text(w / 2, -h + 0.3, tr("宽 width", "width"), ha="center", va="top")
ax.annotate("", xy=(w + 0.2 + 1.8, -h + 1.2 + 1.8), xytext=(w + 0.2, -h + 1.2), arrowprops={"arrowstyle": "<->"})
ax.text(w + 1.5, -h + 1.6, tr("深 depth = 3", "depth = 3"), ha="left", va="center")
canvas(ax, (-1.5, w + 4.5), (-h - 0.6, 3.2))
print(figure_html(fig, tr(
    "一张彩色图片是数字组成的“长方体”：高 × 宽 × 深。这里每隔 100 个像素取一个，画出 6×6×3 的缩小版，前面一层是红色通道的数值。",
    "A colour picture is a cuboid of numbers, height × width × depth; here every 100th pixel, a 6×6×3 miniature, "
    "with the red channel's values on the front face.")))
