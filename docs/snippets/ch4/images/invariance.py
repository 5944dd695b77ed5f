import numpy as np

from mlnotes.book.data import make_strokes
from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks
from mlnotes.book.render import figure, figure_html

# the same "横折" (┐) stroke at four places of a 12x12 image (label 1 = 横折)
positions = np.array([[1, 1], [1, 7], [7, 2], [5, 5]])
fig, axes = figure(1, 4, figsize=(10, 2.9))
for ax, pos in zip(axes, positions):
    X, y, _ = make_strokes(10, size=12, stroke_size=4, positions=[pos], noise=0.0, random_state=0)
    image = X[y == 1][0]  # the first 横折 among ten random strokes at this position
    ax.imshow(image, cmap="Greys", vmin=0, vmax=1)
    hide_ticks(ax, frame=True)
    ax.set_title(tr(f"位置 (行 {pos[0]}, 列 {pos[1]})", f"at (row {pos[0]}, col {pos[1]})"), fontsize=10)
print(figure_html(fig, tr(
    "不管“横折”在画面的哪个位置，它都是同一个“横折”：这就是不变性。",
    "Wherever the 横折 stroke (┐) appears in the picture, it is the same stroke: that is invariance.")))
