from mlnotes.nn import Dense, Sequential, Sigmoid
from mlnotes.book.i18n import tr
from mlnotes.book.plots import draw_network
from mlnotes.book.render import figure, figure_html

one_hidden = Sequential([Dense(3, 4, random_state=0), Sigmoid(), Dense(4, 2, random_state=1)])
two_hidden = Sequential([Dense(3, 4, random_state=0), Sigmoid(),
                         Dense(4, 4, random_state=1), Sigmoid(), Dense(4, 2, random_state=2)])

for net, zh, en in [(one_hidden, "一个隐藏层", "one hidden layer"),
                     (two_hidden, "两个隐藏层", "two hidden layers")]:
    fig, ax = figure(figsize=(6.4, 3.2))
    draw_network(ax, net)
    print(figure_html(fig, tr(
        f"{zh}的多层感知机，由 Sequential 画出：层大小 {net.layer_sizes}，共 {net.n_params} 个参数。",
        f"An MLP with {en}, drawn from a Sequential: layer sizes {net.layer_sizes}, {net.n_params} parameters.")))
