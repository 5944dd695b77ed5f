import numpy as np

from mlnotes.nn import neuron
from mlnotes.book.i18n import tr

x = np.array([1.0, -2.0, -1.0])   # the inputs, weights and bias of section 3.1.3
w = np.array([2.0, -1.0, 1.0])
outputs = {}
for b in (1.0, -3.0):
    for activation in ("sigmoid", "tanh"):
        outputs[b, activation] = float(neuron(x, w, b, activation=activation))
        print(tr(f"b = {b:g}，激活函数 {activation}：a = {outputs[b, activation]:.4f}",
                 f"b = {b:g}, activation {activation}: a = {outputs[b, activation]:.4f}"))
