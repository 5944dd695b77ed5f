import numpy as np

from mlnotes.nn import neuron
from mlnotes.book.i18n import tr

x, w, b = np.array([1.0, 2.0, -1.0]), np.array([0.5, -0.25, 1.0]), 0.5
z = float(w @ x + b)                                   # weighted sum plus bias
outputs = {act: float(neuron(x, w, b, activation=act)) for act in ("sigmoid", "tanh", "relu", "step")}
print(tr(f"加权和 z = w·x + b = {z:.2f}", f"weighted sum z = w·x + b = {z:.2f}"))
print()
print(tr("| 激活函数 | 输出 |", "| activation | output |"))
print("|---|---:|")
for act, a in outputs.items():
    print(f"| {act} | {a:.4f} |")
