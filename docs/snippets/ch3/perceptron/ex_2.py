import numpy as np

from mlnotes.nn import neuron
from mlnotes.book.i18n import tr

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
h_or = neuron(X, [1, 1], -0.5, activation="step")    # hidden neuron 1: x1 OR x2
h_and = neuron(X, [1, 1], -1.5, activation="step")   # hidden neuron 2: x1 AND x2
H = np.column_stack([h_or, h_and])
out = neuron(H, [1, -1], -0.5, activation="step")    # output: OR and not AND = XOR
print("| x1 | x2 | " + tr("或", "OR") + " | " + tr("与", "AND") + " | " + tr("输出", "output") + " |")
print("|---:|---:|---:|---:|---:|")
for (x1, x2), o, a, r in zip(X.astype(int), h_or.astype(int), h_and.astype(int), out.astype(int)):
    print(f"| {x1} | {x2} | {o} | {a} | **{r}** |")
