import numpy as np

from mlnotes.nn import MSELoss
from mlnotes.book.ch3_training import worked_example, worked_network
from mlnotes.book.i18n import tr

x = worked_example().x[None, :]   # the input of this section, as a batch of one
net = worked_network()            # the 2-2-1 network of this section

grads = {}
for t in (1.0, 0.0):                   # the target of the text, then the other one
    loss = MSELoss()
    loss.forward(net.forward(x), np.array([[t]]))
    net.backward(loss.backward())
    grads[t] = {"delta_o": float(net.layers[2].grads["b"][0]),    # dL/db_o = delta_o
                "v": net.layers[2].grads["W"].ravel().copy(),
                "w": net.layers[0].grads["W"].ravel().copy()}
print(tr("| 目标 t | $\\delta_o$ | $\\partial L/\\partial v_1, v_2$ | $\\partial L/\\partial w_{11}, w_{12}, w_{21}, w_{22}$ |",
         "| target t | $\\delta_o$ | $\\partial L/\\partial v_1, v_2$ | $\\partial L/\\partial w_{11}, w_{12}, w_{21}, w_{22}$ |"))
print("|---:|---:|---|---|")
for t, g in grads.items():
    print(f"| {t:g} | {g['delta_o']:+.5f} | {', '.join(f'{v:+.5f}' for v in g['v'])} | "
          f"{', '.join(f'{v:+.5f}' for v in g['w'])} |")
