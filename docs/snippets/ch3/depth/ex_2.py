import numpy as np

from mlnotes.nn import Dense, ReLU, Sequential
from mlnotes.book.i18n import tr


def tent_network(k):
    """k hidden layers of 2 ReLU neurons computing the tent map t(x) = 2x (x < 1/2), 2 - 2x, k times over."""
    layers = [Dense(1, 2), ReLU()]
    layers[0].params["W"][:] = [[1.0, 1.0]]
    layers[0].params["b"][:] = [0.0, -0.5]               # h1 = relu(x), h2 = relu(x - 1/2)
    for _ in range(k - 1):
        layer = Dense(2, 2)
        layer.params["W"][:] = [[2.0, 2.0], [-4.0, -4.0]]  # t = 2 h1 - 4 h2 feeds both neurons of the next layer
        layer.params["b"][:] = [0.0, -0.5]
        layers += [layer, ReLU()]
    out = Dense(2, 1)
    out.params["W"][:] = [[2.0], [-4.0]]
    out.params["b"][:] = [0.0]
    return Sequential(layers + [out])


x = np.linspace(0.0, 1.0, 2**12 + 1)[:, None]           # every breakpoint j / 2^k lies on this grid
pieces = {}
print(tr("| 隐藏层数 k | ReLU 神经元总数 | 线性段数（深网络） | 同样多神经元的单隐藏层最多 |",
         "| hidden layers k | ReLU neurons in all | linear pieces (deep) | at most, one hidden layer of as many |"))
print("|---:|---:|---:|---:|")
for k in range(1, 7):
    y = tent_network(k).forward(x).ravel()
    kinks = np.abs(np.diff(y, 2)) > 1e-9                 # slope changes between neighbouring grid cells
    pieces[k] = int(kinks.sum()) + 1
    print(f"| {k} | {2 * k} | {pieces[k]} | {2 * k + 1} |")
