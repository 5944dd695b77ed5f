import numpy as np

from mlnotes.nn import neuron
from mlnotes.book.ch3_neuron import neuron_example
from mlnotes.book.i18n import tr

x, w, _ = neuron_example()                   # the inputs and weights of section 3.1.3
target = 0.9                                 # the output we want
z_needed = np.log(target / (1 - target))     # the inverse of the sigmoid (the logit)
b_needed = z_needed - w @ x
a = float(neuron(x, w, b_needed, activation="sigmoid"))
print(tr(f"需要的加权和 z = ln(0.9 / 0.1) = {z_needed:.4f}", f"required weighted sum z = ln(0.9 / 0.1) = {z_needed:.4f}"))
print(tr(f"w·x = {w @ x:g}，所以 b = {b_needed:.4f}", f"w·x = {w @ x:g}, so b = {b_needed:.4f}"))
print(tr(f"检验：neuron(x, w, b) = {a:.4f}", f"check: neuron(x, w, b) = {a:.4f}"))
