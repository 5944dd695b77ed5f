import numpy as np

from mlnotes.nn import BCELoss, Dense, MSELoss, Sequential, Sigmoid
from mlnotes.book.i18n import tr

x = np.array([[0.5, 1.0]])
net = Sequential([Dense(2, 2), Sigmoid(), Dense(2, 1), Sigmoid()])  # the 2-2-1 network of this section
net.layers[0].params["W"][:] = [[0.1, 0.4], [-0.2, 0.3]]
net.layers[0].params["b"][:] = [0.1, -0.1]
net.layers[2].params["W"][:] = [[0.5], [-0.6]]
net.layers[2].params["b"][:] = [0.2]

o = float(net.forward(x)[0, 0])       # the output of the text
delta = {}
for t in (1.0, 0.0):
    for name, loss in (("MSE", MSELoss()), ("cross-entropy", BCELoss())):
        loss.forward(net.forward(x), np.array([[t]]))
        net.backward(loss.backward())
        delta[t, name] = float(net.layers[2].grads["b"][0])        # dL/db_o = dL/dz_o = delta_o
print(f"o = {o:.4f}")
print()
print(tr("| 目标 t | 损失 | $\\delta_o = \\partial L/\\partial z_o$ |", "| target t | loss | $\\delta_o = \\partial L/\\partial z_o$ |"))
print("|---:|---|---:|")
label = {"MSE": tr("平方误差", "squared error"), "cross-entropy": tr("交叉熵", "cross-entropy")}
for (t, name), d in delta.items():
    print(f"| {t:g} | {label[name]} | {d:+.4f} |")
