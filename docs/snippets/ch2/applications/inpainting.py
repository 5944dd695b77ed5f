import numpy as np

from mlnotes.book.data import load_sample_image
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

photo = load_sample_image(as_gray=True)[::4, ::4] / 255.0  # (150, 128) grey photo of Grace Hopper
rng = np.random.default_rng(0)
H, W = photo.shape
yy, xx = np.mgrid[:H, :W]
hole = np.zeros((H, W), bool)
for _ in range(6):  # scratches: thick random line segments
    (y0, x0), (y1, x1) = rng.uniform([0, 0], [H, W], size=(2, 2))
    s = np.clip(((yy - y0) * (y1 - y0) + (xx - x0) * (x1 - x0)) / ((y1 - y0) ** 2 + (x1 - x0) ** 2), 0, 1)
    hole |= np.hypot(yy - (y0 + s * (y1 - y0)), xx - (x0 + s * (x1 - x0))) < 1.8
damaged = np.where(hole, 1.0, photo)

# diffusion (harmonic) inpainting: repeatedly replace every missing pixel by the mean of its 4 neighbours,
# so the known pixels around a hole "diffuse" into it
filled = np.where(hole, photo[~hole].mean(), photo)
for _ in range(400):
    p = np.pad(filled, 1, mode="edge")
    neighbours = (p[:-2, 1:-1] + p[2:, 1:-1] + p[1:-1, :-2] + p[1:-1, 2:]) / 4
    filled[hole] = neighbours[hole]

fig, axes = figure(1, 3, figsize=(9, 3.8))
for ax, img, title in zip(axes, (photo, damaged, filled), (tr("原图", "original"), tr("有划痕的图", "scratched"),
                                                           tr("修复后", "restored"))):
    ax.imshow(img, cmap="gray", vmin=0, vmax=1)
    ax.set_title(title)
    ax.axis("off")
print(figure_html(fig, tr("图像修复：把划痕处的像素用周围像素“扩散”填补。",
                                                "Image inpainting: the scratched pixels are filled by diffusing their surroundings into them.")))
err_mean = np.abs(photo[~hole].mean() - photo[hole]).mean()
err_diffusion = np.abs(filled[hole] - photo[hole]).mean()
print(tr(f"划痕覆盖了 {hole.mean():.1%} 的像素。在这些像素上，修复结果与原图的平均误差是 {err_diffusion:.3f}"
         f"（灰度 0–1），而简单地填上整张图的平均灰度误差是 {err_mean:.3f}。深度学习的修复模型（如基于 GAN 的方法）"
         "还能补出大块缺失区域里的纹理和结构，这是扩散填补做不到的。",
         f"The scratches cover {hole.mean():.1%} of the pixels. On those pixels the restored image is on average "
         f"{err_diffusion:.3f} away from the original (grey levels 0–1), against {err_mean:.3f} for simply filling in the "
         "image's mean grey. Deep-learning inpainting models (GAN-based ones, for example) can also fill in texture and "
         "structure in large missing regions, which diffusion cannot."))
