from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

events = [  # (start year, end year, label)
    (1958, 1958, tr("1958\n感知机\n（Rosenblatt）", "1958\nperceptron\n(Rosenblatt)")),
    (1982, 1986, tr("1982–1986\n循环神经网络 RNN", "1982–1986\nrecurrent networks\n(RNN)")),
    (1997, 1997, tr("1997\nLSTM\n（Hochreiter、Schmidhuber）", "1997\nLSTM\n(Hochreiter & Schmidhuber)")),
    (1998, 1998, tr("1998\nLeNet-5\n（LeCun 等）", "1998\nLeNet-5\n(LeCun et al.)")),
    (2014, 2014, tr("2014\n生成对抗网络 GAN、GRU", "2014\nGAN, GRU")),
    (2017, 2017, tr("2017\nTransformer\n注意力机制", "2017\nTransformer,\nattention")),
]
fig, ax = figure(figsize=(11, 3.4))
ax.axhline(0, color="#34495E", linewidth=1.5, zorder=1)
for i, (start, end, label) in enumerate(events):
    up = 1 if i % 2 == 0 else -1
    mid = (start + end) / 2
    if end > start:
        ax.plot([start, end], [0, 0], color="C3", linewidth=6, solid_capstyle="round", zorder=2)
    else:
        ax.scatter([start], [0], s=60, color="C3", zorder=3)
    ax.plot([mid, mid], [0, 0.45 * up], color="#7F8C8D", linewidth=0.8)
    ax.text(mid, 0.5 * up, label, ha="center", va="bottom" if up > 0 else "top", fontsize=9,
            bbox={"boxstyle": "round", "facecolor": "#DCEBF7" if up > 0 else "#FCE5CD", "edgecolor": "#34495E"})
ax.set_xlim(1950, 2024)
ax.set_ylim(-1.6, 1.7)
ax.set_yticks([])
ax.spines[["left"]].set_visible(False)
ax.grid(False)
ax.set_xlabel(tr("年份", "year"))
print(figure_html(fig, tr("深度学习发展简史：从感知机到 Transformer。",
                                              "A short history of deep learning: from the perceptron to the Transformer.")))
