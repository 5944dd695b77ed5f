from matplotlib.patches import Circle, FancyBboxPatch

from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

fig, ax = figure(figsize=(9, 4.6))
ax.add_patch(FancyBboxPatch((0.3, -0.2), 8.4, 4.0, boxstyle="round,pad=0.05,rounding_size=0.3",
                            facecolor="#F4F6F7", edgecolor="#7F8C8D"))
arrow = {"arrowstyle": "-|>", "color": "#34495E", "linewidth": 1.2}


def line(a, b, head=True):
    ax.annotate("", xy=b, xytext=a, arrowprops=arrow if head else {"arrowstyle": "-", "color": "#34495E",
                                                                 "linewidth": 1.2})


def op(x, y, symbol):
    ax.add_patch(Circle((x, y), 0.22, facecolor="white", edgecolor="#34495E", zorder=3))
    ax.text(x, y, symbol, ha="center", va="center", fontsize=11, zorder=4)


# the cell state runs along the top: c_{t-1} -> (x f) -> (+ i*g) -> c_t
C, B = 3.3, 0.6  # y of the cell-state line and of the gate inputs
ax.text(-0.1, C, "$c_{t-1}$", ha="right", va="center", fontsize=12)
ax.text(9.1, C, "$c_t$", ha="left", va="center", fontsize=12)
line((0.0, C), (1.98, C))
op(2.2, C, "×")
line((2.42, C), (4.38, C))
op(4.6, C, "+")
line((4.82, C), (9.0, C))
# the four gates, each fed by [h_{t-1}, x_t]
gates = [(2.2, "σ", "f", tr("遗忘门", "forget gate")), (3.45, "σ", "i", tr("输入门", "input gate")),
         (4.75, "tanh", "g", tr("候选值", "candidate")), (6.2, "σ", "o", tr("输出门", "output gate"))]
ax.text(-0.1, -0.55, "$h_{t-1}$", ha="right", va="center", fontsize=12)
line((0.0, -0.55), (1.0, -0.55), head=False)
line((1.0, -0.55), (1.0, B - 0.45), head=False)
ax.text(1.0, -1.15, "$x_t$", ha="center", va="top", fontsize=12)
line((1.0, -1.1), (1.0, -0.55), head=False)
line((1.0, B - 0.45), (6.2, B - 0.45), head=False)
for x, fn, name, label in gates:
    line((x, B - 0.45), (x, B - 0.2))
    ax.add_patch(FancyBboxPatch((x - 0.4, B - 0.2), 0.8, 0.5, boxstyle="round,pad=0.02", facecolor="#FCE5CD",
                                edgecolor="#34495E"))
    ax.text(x, B + 0.05, fn, ha="center", va="center", fontsize=10)
    ax.text(x + 0.45, B + 0.4, f"${name}_t$", fontsize=10)
    ax.text(x, B - 0.55, label, ha="center", va="top", fontsize=8.5, color="#C0392B")
line((2.2, B + 0.3), (2.2, C - 0.22))  # f -> forget multiply
op(4.1, 1.2 + 0.3, "×")  # i * g
line((3.45, B + 0.3), (3.93, 1.35))
line((4.75, B + 0.3), (4.27, 1.35))
line((4.1, 1.72), (4.5, C - 0.2))
# output: h_t = o * tanh(c_t)
ax.add_patch(FancyBboxPatch((6.9, 2.3), 0.8, 0.4, boxstyle="round,pad=0.02", facecolor="#D9EAD3", edgecolor="#34495E"))
ax.text(7.3, 2.5, "tanh", ha="center", va="center", fontsize=10)
line((7.3, C), (7.3, 2.7))
op(7.3, 1.5, "×")
line((7.3, 2.3), (7.3, 1.72))
line((6.2, B + 0.3), (7.08, 1.45))
line((7.52, 1.5), (9.0, 1.5))
ax.text(9.1, 1.5, "$h_t$", ha="left", va="center", fontsize=12)
canvas(ax, (-1.0, 9.8), (-1.6, 4.0))
print(figure_html(fig, tr("LSTM 单元：上方的细胞状态 c 是“长期记忆”，遗忘门、输入门和输出门控制信息的流动。",
                                              "An LSTM cell: the cell state c along the top is the long-term memory; forget, input and output gates control the flow.")))
