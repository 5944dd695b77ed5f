from mlnotes.book.i18n import tr
from mlnotes.book.plots import draw_network
from mlnotes.book.render import figure, figure_html

deep = [2, 16, 16, 16, 16, 1]  # 4 hidden layers of 16 neurons
wide = [2, 220, 1]             # 1 hidden layer of 220 neurons
n_params = lambda sizes: sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))  # noqa: E731

fig, (left, right) = figure(1, 2, figsize=(11, 3.6), gridspec_kw={"width_ratios": [5, 2.6]})
draw_network(left, deep, max_neurons=6, labels=False)
draw_network(right, wide, max_neurons=9, labels=False)
left.set_title(tr(f"深而窄：4 个隐藏层 × 16 个神经元，{n_params(deep)} 个参数",
                  f"deep and narrow: 4 hidden layers × 16 neurons, {n_params(deep)} parameters"), fontsize=10)
right.set_title(tr(f"浅而宽：1 个隐藏层 × 220 个神经元，{n_params(wide)} 个参数",
                   f"shallow and wide: 1 hidden layer × 220 neurons, {n_params(wide)} parameters"), fontsize=10)
print(figure_html(fig, tr(
    "参数个数相同的两种网络：往深度拓展（左）还是往广度拓展（右）？",
    "Two networks with the same number of parameters: grow in depth (left) or in width (right)?")))
