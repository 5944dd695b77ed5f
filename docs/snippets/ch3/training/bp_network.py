from mlnotes.book.ch3_training import worked_example
from mlnotes.book.i18n import tr
from mlnotes.book.plots import draw_network
from mlnotes.book.render import figure, figure_html

# the worked example: 2 inputs -> 2 sigmoid neurons -> 1 sigmoid output, squared error
x, t, W1, b1, W2, b2 = worked_example()  # W1[i, j]: input i -> hidden j; W2[j, 0]: hidden j -> output

fig, ax = figure(figsize=(7.5, 3.4))
draw_network(ax, [2, 2, 1], labels=[tr("输入 x", "input x"), tr("隐藏层 h", "hidden h"), tr("输出 o", "output o")])
ys = {2: [0.275, -0.275], 1: [0.0]}  # neuron heights used by draw_network
for i, yi in enumerate(ys[2]):
    ax.text(-0.3, yi, f"$x_{i + 1}$={x[i]:g}", ha="right", va="center", fontsize=9)
    for j, yj in enumerate(ys[2]):
        f = 0.3  # label 30% of the way along the line, away from the crossing
        ax.text(f * 1.6, yi + f * (yj - yi) + 0.04, f"{W1[i, j]:g}", ha="center", va="bottom", fontsize=8,
                color="C0" if j == 0 else "C3")
    ax.text(0.8 * 1.6 + 0.8, yi * 0.6 + 0.04, f"{W2[i, 0]:g}", ha="center", va="bottom", fontsize=8)
    ax.text(1.6, yi + (0.23 if i == 0 else -0.23), f"$b$={b1[i]:g}", ha="center",
            va="bottom" if i == 0 else "top", fontsize=8)
ax.text(3.2, -0.23, f"$b$={b2[0]:g}", ha="center", va="top", fontsize=8)
ax.text(3.5, 0, f"t = {t:g}", ha="left", va="center", fontsize=9)
ax.set_xlim(-1.3, 4.3)
print(figure_html(fig, tr(
    "例子中的 2-2-1 网络：线上的数是权重（蓝色的连到 h1，橙红色的连到 h2），b 是偏置，隐藏层和输出层都用 Sigmoid，目标值 t。",
    "The 2-2-1 network of the example: numbers on the lines are weights (blue ones lead to h1, orange-red ones to h2), b are biases, hidden and output "
    "neurons use the sigmoid, t is the target.")))
