import numpy as np

from mlnotes.nn import sigmoid, tanh
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

z = np.linspace(-6, 6, 241)
fig, ax = figure(figsize=(6.4, 3.4))
ax.plot(z, sigmoid(z), label=r"Sigmoid $\sigma(z)$")
ax.plot(z, tanh(z), label=r"tanh $(z)$")
ax.axhline(0, color="black", linewidth=0.6)
ax.axvline(0, color="black", linewidth=0.6)
ax.set_xlabel("z")
ax.set_ylabel("g(z)")
ax.legend(loc="upper left")
print(figure_html(fig, tr(
    "两个常用的激活函数：Sigmoid 的输出在 0 到 1 之间，tanh 的输出在 -1 到 1 之间。",
    "Two common activations: the sigmoid outputs values between 0 and 1, tanh between -1 and 1.")))
