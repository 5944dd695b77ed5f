from mlnotes.nn import neuron
from mlnotes.book.ch3_neuron import neuron_example
from mlnotes.book.i18n import tr
from mlnotes.book.plots import draw_neuron
from mlnotes.book.render import figure, figure_html

x, w, b = neuron_example()
z, a = float(w @ x + b), neuron(x, w, b)

fig, ax = figure(figsize=(7.2, 3.6))
draw_neuron(ax, [f"{v:g}" for v in x], [f"{v:g}" for v in w], bias=f"b = {b:g}", body="Σ | σ",
            output=f"σ({z:g}) = {a:.3f}",
            input_names=["$x_1$", "$x_2$", "$x_3$"])
ax.text(3.4, 0.95, f"z = 2·1 + (−1)·(−2) + 1·(−1) + 1 = {z:g}", ha="center", va="bottom", fontsize=9)
print(figure_html(fig, tr(
    f"激活函数的工作原理：加权和 z = {z:g}，经过 Sigmoid 得到输出 {a:.3f}（由 mlnotes.nn.neuron 计算）。",
    f"How the activation works: the weighted sum is z = {z:g}, and the sigmoid turns it into {a:.3f} "
    f"(computed by mlnotes.nn.neuron).")))
