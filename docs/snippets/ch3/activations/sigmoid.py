import numpy as np

from mlnotes.nn import sigmoid, sigmoid_grad
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

z = np.linspace(-6, 6, 601)
fig, ax = figure(figsize=(6.4, 3.4))
ax.plot(z, sigmoid(z), linewidth=2, label="σ(z)")
ax.plot(z, sigmoid_grad(z), linewidth=2, linestyle="--", label="σ'(z) = σ(z)(1 − σ(z))")
ax.axhline(0, color="black", linewidth=0.6)
ax.axvline(0, color="black", linewidth=0.6)
ax.set_xlabel("z")
ax.legend(loc="upper left")
print(figure_html(fig, tr(
    f"Sigmoid 函数及其导数：导数最大只有 {float(sigmoid_grad(0.0)):g}（在 z = 0 处），在 z = ±5 处只剩 {float(sigmoid_grad(5.0)):.2g}。",
    f"The sigmoid and its derivative: the derivative is at most {float(sigmoid_grad(0.0)):g} (at z = 0), and only {float(sigmoid_grad(5.0)):.2g} at z = ±5.")))
