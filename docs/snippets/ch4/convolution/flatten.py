import numpy as np

from mlnotes.book.data import make_strokes
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

X, y, _ = make_strokes(10, size=4, stroke_size=3, positions=[(0, 0)], noise=0.0, random_state=0)
image = X[y == 1][0][..., None]  # (height, width, depth) = (4, 4, 1)
vector = image.reshape(-1)       # flattened: 16 input values
print(tr(f"图片形状 {image.shape} → 展平后的输入向量形状 {vector.shape}：`{vector.astype(int).tolist()}`",
         f"image shape {image.shape} → flattened input vector of shape {vector.shape}: "
         f"`{vector.astype(int).tolist()}`"))
print()

ink, paper = "#34495E", "#F4D03F"
fig, ax = figure(figsize=(10, 5.2))
# the 4x4 image, pixel indices 0..15
for (i, j), v in np.ndenumerate(image[..., 0]):
    ax.scatter(j * 0.5, 2.6 - i * 0.5, s=260, color=ink if v else paper, edgecolors="#7F8C8D", zorder=3)
    ax.text(j * 0.5, 2.6 - i * 0.5, str(i * 4 + j), ha="center", va="center", fontsize=7,
            color="white" if v else "black", zorder=4)
ax.text(0.75, 3.1, tr("4×4 图片（像素编号）", "4×4 image (pixel index)"), ha="center")
ax.annotate("", xy=(2.6, 1.85), xytext=(1.9, 1.85), arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
ax.text(2.25, 2.0, tr("展平", "flatten"), ha="center", va="bottom")
# the network: 16 inputs -> 6 -> 4 -> 2
sizes, xs = [16, 6, 4, 2], [3.2, 5.2, 7.0, 8.6]
ys = [np.linspace(4.0, -0.3, n) if n == 16 else np.linspace(2.9, 0.8, n) if n > 2 else np.array([2.3, 1.4])
      for n in sizes]
for k in range(len(sizes) - 1):
    for y0 in ys[k]:
        for y1 in ys[k + 1]:
            ax.plot([xs[k], xs[k + 1]], [y0, y1], color="#95A5A6", linewidth=0.4, alpha=0.6, zorder=1)
for j, yy in enumerate(ys[0]):
    ax.scatter(xs[0], yy, s=120, color=ink if vector[j] else paper, edgecolors="#7F8C8D", zorder=3)
    ax.text(xs[0] - 0.2, yy, f"x{j}", ha="right", va="center", fontsize=7)
for k in (1, 2):
    ax.scatter([xs[k]] * sizes[k], ys[k], s=160, color="#AED6F1", edgecolors="#34495E", zorder=3)
ax.scatter([xs[3]] * 2, ys[3], s=160, color="#F5B7B1", edgecolors="#34495E", zorder=3)
ax.text(xs[3] + 0.25, ys[3][0], tr("有横折的概率", "P(横折)"), va="center", fontsize=9)
ax.text(xs[3] + 0.25, ys[3][1], tr("没有横折的概率", "P(no 横折)"), va="center", fontsize=9)
for x, name in zip(xs, [tr("输入层 16", "input 16"), tr("隐藏层", "hidden"), tr("隐藏层", "hidden"),
                        tr("输出层 2", "output 2")]):
    ax.text(x, 4.35, name, ha="center", fontsize=9)
canvas(ax, (-0.4, 10.4), (-0.6, 4.7))
print(figure_html(fig, tr(
    "全连接网络的做法：把 (4, 4, 1) 的图片展平成 16 维向量作为输入层，经过隐藏层，输出“有横折”和“没有横折”的概率。",
    "The fully connected way: the (4, 4, 1) image is flattened into a 16-vector for the input layer; "
    "after the hidden layers, two outputs give the probabilities of '横折' and 'no 横折'.")))
