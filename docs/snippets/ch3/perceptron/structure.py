from mlnotes.book.i18n import tr
from mlnotes.book.plots import draw_neuron
from mlnotes.book.render import figure, figure_html

fig, ax = figure(figsize=(8.4, 4.2))
draw_neuron(ax, ["$X_1$", "$X_2$", "$X_3$", "⋮", "$X_n$"], ["$w_1$", "$w_2$", "$w_3$", "", "$w_n$"],
            bias="$b$", body="m", output=tr("step(m)：会离开？", "step(m): will leave?"),
            input_names=[tr("投诉数量", "complaints"), tr("订单总金额", "order total"),
                         tr("支持总小时数", "support hours"), "", tr("公司总资本", "company capital")])
ax.text(3.4, 0.95, r"$m = \sum_i w_i X_i + b$", ha="center", va="bottom", fontsize=10)
print(figure_html(fig, tr(
    "单层感知机：输入神经元是客户的特征，中间神经元 m 计算加权和，阶跃函数给出“离开 / 留下”。",
    "A single-layer perceptron: the input neurons are the customer's features, the neuron m computes the "
    "weighted sum, and a step function answers \"leave / stay\".")))
