import numpy as np
from matplotlib.patches import Rectangle

from mlnotes.nn import conv2d
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

x = np.array([[1, 1, 1, 0, 0],
              [0, 1, 1, 1, 0],
              [0, 0, 1, 1, 1],
              [0, 0, 1, 1, 0],
              [0, 1, 1, 0, 0]])   # 5x5 input (green)
w = np.array([[1, 0, 1],
              [0, 1, 0],
              [1, 0, 1]])         # 3x3 feature detector
y = conv2d(x, w)                  # 3x3 feature map (pink)
print(f"```\nconv2d(x, w) =\n{y.astype(int)}\n```")

fig, axes = figure(3, 3, figsize=(10, 5.4))
for k, ax in enumerate(axes.ravel()):
    r, c = divmod(k, 3)
    for (i, j), v in np.ndenumerate(x):
        inside = r <= i < r + 3 and c <= j < c + 3
        ax.add_patch(Rectangle((j, 5 - i - 1), 1, 1, facecolor="#F9E79F" if inside else "#ABEBC6", edgecolor="white"))
        # inside the window: red bold where the kernel weight is 1, grey where it is 0
        one = inside and w[i - r, j - c] == 1
        ax.text(j + 0.5, 5 - i - 0.5, str(v), ha="center", va="center", fontsize=9,
                color="#C0392B" if one else "#99A3A4" if inside else "black", fontweight="bold" if one else "normal")
    ax.add_patch(Rectangle((c, 5 - r - 3), 3, 3, fill=False, edgecolor="#C0392B", linewidth=1.8))
    for (i, j), v in np.ndenumerate(y):
        done = 3 * i + j <= k
        ax.add_patch(Rectangle((6.5 + j, 4 - i - 1), 1, 1, facecolor="#F5B7B1" if done else "white",
                               edgecolor="#7F8C8D", linewidth=1.8 if (i, j) == (r, c) else 0.6))
        if done:
            ax.text(7 + j, 4 - i - 0.5, f"{v:g}", ha="center", va="center", fontsize=9)
    canvas(ax, (-0.2, 9.7), (-0.2, 5.2))
    ax.set_title(tr(f"第 {k + 1} 步", f"step {k + 1}"), fontsize=9)
print(figure_html(fig, tr(
    f"3×3 卷积核 {w.tolist()} 扫过 5×5 输入（绿色）；黄色窗口里红色粗体的数乘以 1，灰色的数乘以 0，"
    "每个位置得到特征图（粉色）中的一个数："
    "每个输出节点连接 9 个输入节点。",
    f"A 3×3 kernel {w.tolist()} sliding over a 5×5 input (green): in the yellow window the bold red numbers are "
    "multiplied by 1, the grey ones by 0; each position gives one "
    "number of the feature map (pink): every output node is connected to nine input nodes.")))
