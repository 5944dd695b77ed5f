from itertools import pairwise

from mlnotes.nn import Dense, Sequential, Sigmoid
from mlnotes.book.i18n import tr
from mlnotes.book.plots import draw_network
from mlnotes.book.render import figure, figure_html

# 4 input features, two hidden layers of 5 neurons, 3 output neurons (e.g. 3 classes)
net = Sequential([Dense(4, 5, random_state=0), Sigmoid(),
                  Dense(5, 5, random_state=1), Sigmoid(),
                  Dense(5, 3, random_state=2)])
sizes = net.layer_sizes
weights = sum(a * b for a, b in pairwise(sizes))  # one line per weight
biases = sum(sizes[1:])

fig, ax = figure(figsize=(7.5, 3.8))
draw_network(ax, net)
print(figure_html(fig, tr("由 Sequential 画出的神经网络：输入层、两个隐藏层、输出层；每条线是一个权重。",
                                             "A network drawn from a Sequential: input layer, two hidden layers, output layer; each line is a weight.")))
print(tr(f"各层神经元个数为 {sizes}。图中共有 **{weights}** 条连线，每条对应一个权重；再加上每个非输入神经元各一个偏置（共 "
         f"{biases} 个），网络一共有 `net.n_params` = **{net.n_params}** 个可训练参数。",
         f"The layers have {sizes} neurons. The diagram has **{weights}** lines, one per weight; with the "
         f"{biases} biases of the non-input neurons the network has `net.n_params` = **{net.n_params}** trainable parameters."))
