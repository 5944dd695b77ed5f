import numpy as np

from mlnotes.nn import relu, relu_grad
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

z = np.linspace(-4, 4, 401)
fig, ax = figure(figsize=(6.4, 3.4))
ax.plot(z, relu(z), linewidth=2, label="ReLU(z)")
ax.plot(z, relu_grad(z), linewidth=2, linestyle="--", label="ReLU'(z)")
ax.axhline(0, color="black", linewidth=0.6)
ax.axvline(0, color="black", linewidth=0.6)
ax.set_xlabel("z")
ax.legend(loc="upper left")
print(figure_html(fig, tr(
    f"ReLU 函数及其导数：z > 0 时导数恒为 {float(relu_grad(5.0)):g}，不会因为 z 变大而变小；z < 0 时导数为 {float(relu_grad(-5.0)):g}。",
    f"ReLU and its derivative: for z > 0 the derivative is always {float(relu_grad(5.0)):g}, however large z is; "
    f"for z < 0 it is {float(relu_grad(-5.0)):g}.")))
