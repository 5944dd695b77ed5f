import numpy as np
from matplotlib.patches import Rectangle

from mlnotes.book.data import make_strokes
from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks
from mlnotes.book.render import figure, figure_html

# the same 横折 at the top-left and at the bottom-right of the 4x4 image
images = []
for pos in [(0, 0), (1, 1)]:
    X, y, _ = make_strokes(10, size=4, stroke_size=3, positions=[pos], noise=0.0, random_state=0)
    images.append(X[y == 1][0])
on = [set(np.flatnonzero(im.reshape(-1)).tolist()) for im in images]  # which of the 16 inputs are 1
shared = sorted(on[0] & on[1])
print(tr(f"左上角的横折点亮输入 {sorted(on[0])}，右下角的横折点亮输入 {sorted(on[1])}；"
         f"两者只共有 {len(shared)} 个输入 {shared}。",
         f"The top-left stroke turns on inputs {sorted(on[0])}, the bottom-right one inputs {sorted(on[1])}; "
         f"they have only {len(shared)} of them in common: {shared}."))
print()

fig, axes = figure(2, 2, figsize=(9, 4.2), gridspec_kw={"width_ratios": [1, 4]})
for row, (im, title) in enumerate(zip(images, [tr("左上角的横折", "横折 at the top left"),
                                               tr("右下角的横折", "横折 at the bottom right")])):
    ax, strip = axes[row]
    ax.imshow(im, cmap="cividis_r", vmin=0, vmax=1)
    ax.set_title(title, fontsize=9)
    hide_ticks(ax, frame=True)
    strip.imshow(im.reshape(1, -1), cmap="cividis_r", vmin=0, vmax=1, aspect="equal")
    strip.set_xticks(range(16), [str(j) for j in range(16)], fontsize=8)
    strip.set_yticks([])
    strip.grid(False)
    for j in shared:
        strip.add_patch(Rectangle((j - 0.5, -0.5), 1, 1, fill=False,
                                  edgecolor="red", linewidth=2))
    strip.set_title(tr("展平后的 16 个输入（红框：两者共有的输入）", "the 16 inputs after flattening (red: inputs both share)"),
                    fontsize=9)
print(figure_html(fig, tr(
    "同一个横折换了位置，点亮的是另一组输入神经元：全连接网络在一个位置学到的权重用不到另一个位置。",
    "The same stroke moved: a different set of input neurons lights up, so the weights a fully connected "
    "network learned for one position do not carry over to the other.")))
