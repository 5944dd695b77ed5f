import numpy as np

from mlnotes.nn import BCELoss, MSELoss
from mlnotes.book.ch3_training import worked_example, worked_network
from mlnotes.book.i18n import tr

x = worked_example().x[None, :]   # the input of this section, as a batch of one
net = worked_network()            # the 2-2-1 network of this section

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
