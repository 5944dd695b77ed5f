import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Rectangle

from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks
from mlnotes.book.render import PALETTE, figure, figure_html

H, W = 96, 128
rng = np.random.default_rng(0)
yy, xx = np.mgrid[:H, :W]
names = [tr("圆形", "circle"), tr("方形", "square"), tr("三角形", "triangle")]
colors = np.array([[0.84, 0.37, 0.0], [0.0, 0.45, 0.70], [0.0, 0.62, 0.45]])


def shape_mask(kind, cy, cx, r):
    if kind == 0:
        return (yy - cy) ** 2 + (xx - cx) ** 2 <= r ** 2
    if kind == 1:
        return (np.abs(yy - cy) <= r) & (np.abs(xx - cx) <= r)
    return (yy <= cy + r) & (yy - cy + r >= 2 * np.abs(xx - cx))  # apex up


def render(objects):
    """An RGB image with a sky-to-ground background and the objects; also its label map (0 = background)."""
    img = np.stack([0.75 + 0.2 * yy / H] * 3, axis=-1) * np.array([0.85, 0.92, 1.0])
    labels = np.zeros((H, W), int)  # instance id per pixel
    for i, (kind, cy, cx, r) in enumerate(objects, start=1):
        m = shape_mask(kind, cy, cx, r)
        img[m], labels[m] = colors[kind], i
    return np.clip(img + rng.normal(0, 0.03, img.shape), 0, 1), labels


single, _ = render([(0, 48, 64, 28)])
scene_objects = [(0, 30, 28, 16), (1, 62, 60, 17), (2, 40, 104, 20), (0, 76, 108, 11)]
scene, instances = render(scene_objects)
kinds = np.array([0] + [k for k, *_ in scene_objects])
semantic = kinds[instances] + (instances > 0)  # 0 = background, 1 + kind otherwise

fig, axes = figure(1, 4, figsize=(12, 2.9))
axes[0].imshow(single)
axes[0].set_title(tr(f"图像分类：{names[0]}", f"Classification: {names[0]}"))
axes[1].imshow(scene)
for i, (kind, *_) in enumerate(scene_objects, start=1):
    rows, cols = np.nonzero(instances == i)  # the box is the extent of the object's pixels
    axes[1].add_patch(Rectangle((cols.min() - 1.5, rows.min() - 1.5), np.ptp(cols) + 3, np.ptp(rows) + 3,
                                fill=False, edgecolor="#C0392B", linewidth=1.5))
    axes[1].text(cols.min() - 1, rows.min() - 3, names[kind], color="white", fontsize=7,
                 bbox={"facecolor": "#C0392B", "edgecolor": "none", "pad": 1})
axes[1].set_title(tr("目标检测：类别 + 边框", "Detection: class + box"))
axes[2].imshow(semantic, cmap=ListedColormap(["#F4F6F7", *[PALETTE[i] for i in (3, 0, 2)]]), vmin=0, vmax=3)
axes[2].set_title(tr("语义分割：每个像素的类别", "Semantic segmentation"))
axes[3].imshow(instances, cmap=ListedColormap(["#F4F6F7", *[PALETTE[i] for i in (4, 1, 5, 6)]]), vmin=0, vmax=4)
axes[3].set_title(tr("实例分割：每个物体单独一块", "Instance segmentation"))
hide_ticks(axes)
print(figure_html(fig, tr("图像分类、目标检测和图像分割要输出的东西（合成图像，边框和掩码取自图像本身的真实标注）。",
                                                  "What classification, detection and segmentation output (a synthetic image; boxes and masks are its ground truth).")))
