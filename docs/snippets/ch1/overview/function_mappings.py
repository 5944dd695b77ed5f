import numpy as np

from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

fig, axes = figure(1, 4, figsize=(12, 3.0))
rng = np.random.default_rng(0)
t = np.linspace(0, 1, 400)
wave = np.sin(2 * np.pi * 7 * t) * np.exp(-3 * t) + 0.15 * rng.normal(size=t.size)
digit = np.zeros((8, 8))
digit[1, 2:6] = digit[6, 2:6] = 1.0
digit[2:6, 1] = digit[2:6, 6] = 1.0  # a hand-drawn "0"
panels = [
    (tr("语音识别", "Speech recognition"), tr("“你好”", '"hello"')),
    (tr("图像识别", "Image recognition"), tr("“数字 0”", '"digit 0"')),
    (tr("下棋", "Playing a game"), tr("下一步：(4, 4)", "next move: (4, 4)")),
    (tr("对话系统", "Dialogue system"), tr("“我很好，谢谢！”", '"Fine, thanks!"')),
]
for ax, (title, output) in zip(axes, panels):
    ax.set_title(title)
    ax.axis("off")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.annotate("", xy=(0.5, 0.38), xytext=(0.5, 0.55), arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
    ax.text(0.5, 0.465, "  f", fontsize=13, style="italic", va="center")
    ax.text(0.5, 0.22, output, ha="center", va="center", fontsize=11,
            bbox={"boxstyle": "round", "facecolor": "#FCE5CD", "edgecolor": "#34495E"})
inset = [ax.inset_axes([0.1, 0.6, 0.8, 0.35]) for ax in axes]
inset[0].plot(t, wave, linewidth=0.8)
inset[1].imshow(digit, cmap="gray_r")
board = np.zeros((9, 9))
board[[2, 3, 5, 6], [3, 5, 2, 6]] = 1
board[[3, 5, 6, 2], [3, 4, 4, 6]] = -1
inset[2].imshow(np.zeros((9, 9)), cmap="YlOrBr", vmin=-1, vmax=4)
for (r, c), v in np.ndenumerate(board):
    if v:
        inset[2].scatter(c, r, s=40, color="black" if v > 0 else "white", edgecolor="black", linewidth=0.5)
inset[3].text(0.5, 0.5, tr("“你好吗？”", '"How are you?"'), ha="center", va="center", fontsize=11,
              bbox={"boxstyle": "round", "facecolor": "#DCEBF7", "edgecolor": "#34495E"})
for ax in inset:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
inset[3].axis("off")
print(figure_html(fig, tr("各种任务都可以看成一个函数：输入 → f → 输出。",
                                           "Each task is a function: input → f → output.")))
