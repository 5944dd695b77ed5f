import numpy as np

from mlnotes.book.data import make_strokes
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

# a 4x4 grey image (depth 1) holding a 3x3 "横折" (┐): 1 = ink, 0 = background
X, y, pos = make_strokes(10, size=4, stroke_size=3, positions=[(0, 0)], noise=0.0, random_state=0)
image = X[y == 1][0]
print(f"```\n{image.astype(int)}\n```")

fig, ax = figure(figsize=(3.2, 3.2))
rows, cols = np.indices(image.shape)
ax.scatter(cols.ravel(), rows.ravel(), s=600, c=np.where(image.ravel() > 0, "#34495E", "#F4D03F"),
           edgecolors="#7F8C8D")
for (i, j), v in np.ndenumerate(image):
    ax.text(j, i, f"{v:.0f}", ha="center", va="center", color="white" if v else "black", fontsize=10)
canvas(ax, (-0.6, 3.6), (3.6, -0.6))
print(figure_html(fig, tr("4×4 灰度图中的“横折”：黄色圆点的值为 0，深色圆点的值为 1。",
                                                "A 横折 stroke (┐) in a 4×4 grey image: yellow dots are 0, dark dots are 1.")))
