import numpy as np

from mlnotes.nn import tanh, tanh_grad
from mlnotes.viz import figure, figure_html, tr

z = np.linspace(-6, 6, 601)
fig, ax = figure(figsize=(6.4, 3.4))
ax.plot(z, tanh(z), linewidth=2, label="tanh(z)")
ax.plot(z, tanh_grad(z), linewidth=2, linestyle="--", label="tanh'(z) = 1 − tanh²(z)")
ax.axhline(0, color="black", linewidth=0.6)
ax.axvline(0, color="black", linewidth=0.6)
ax.set_xlabel("z")
ax.legend(loc="upper left")
print(figure_html(fig, tr(
    f"tanh 函数及其导数：输出以 0 为中心，导数最大为 {float(tanh_grad(0.0)):g}（在 z = 0 处），在 z = ±5 处只剩 {float(tanh_grad(5.0)):.2g}。",
    f"tanh and its derivative: the output is centred on 0 and the derivative is at most {float(tanh_grad(0.0)):g} (at z = 0), and only {float(tanh_grad(5.0)):.2g} at z = ±5.")))
