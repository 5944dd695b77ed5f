from mlnotes.book.i18n import tr
from mlnotes.book.plots import draw_neuron
from mlnotes.book.render import figure, figure_html

fig, ax = figure(figsize=(7.2, 3.6))
draw_neuron(ax, ["$x_1$", "$x_2$", "$x_3$"], ["$w_1$", "$w_2$", "$w_3$"], bias="$b$",
            body="Σ | g", output="$a = g(z)$",
            input_names=[tr("输入 1", "input 1"), tr("输入 2", "input 2"), tr("输入 3", "input 3")])
ax.text(3.4, 0.95, "$z = w_1x_1 + w_2x_2 + w_3x_3 + b$", ha="center", va="bottom", fontsize=10)
print(figure_html(fig, tr(
    "人工神经元：输入与权重做内积，加上偏置 b 得到 z，再经过激活函数 g 得到输出 a。",
    "An artificial neuron: the inner product of inputs and weights plus the bias b gives z; "
    "the activation g turns z into the output a.")))
