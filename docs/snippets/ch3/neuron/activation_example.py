import numpy as np

from mlnotes.nn import neuron, sigmoid
from mlnotes.book.ch3_neuron import neuron_example
from mlnotes.book.i18n import tr

x, w, b = neuron_example()        # inputs (1, -2, -1), weights (2, -1, 1), bias 1

z = w @ x + b                     # 2*1 + (-1)*(-2) + 1*(-1) + 1
a = neuron(x, w, b, activation="sigmoid")
print(f"z = {z:g}")
print(f"a = sigmoid({z:g}) = {a:.4f}")
print(tr("验算：", "check: ") + f"1 / (1 + exp(-z)) = {1 / (1 + np.exp(-z)):.4f}, sigmoid(z) = {float(sigmoid(z)):.4f}")
