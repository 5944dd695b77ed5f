import numpy as np

from mlnotes.nn import AvgPool2D, Conv2D, Dense, Flatten, Sequential, Tanh
from mlnotes.book.i18n import tr

side = 28                                   # the page used 32; MNIST digits are 28×28
after_conv = side - 4                        # a 5×5 kernel takes 4 off each side length
flat = 16 * (((after_conv // 2) - 4) // 2) ** 2    # C3, then S4: the input size of C5
lenet = Sequential([
    Conv2D(1, 6, 5, random_state=0), Tanh(), AvgPool2D(2), Tanh(),
    Conv2D(6, 16, 5, random_state=1), Tanh(), AvgPool2D(2), Tanh(),
    Flatten(),
    Dense(flat, 120, random_state=2), Tanh(),
    Dense(120, 84, random_state=3), Tanh(),
    Dense(84, 10, random_state=4),
])
x = np.random.default_rng(0).random((1, 1, side, side))
shapes = []
for layer in lenet:
    x = layer.forward(x)
    if isinstance(layer, (Conv2D, AvgPool2D, Dense)):
        shapes.append(x.shape[1:])
print(tr(f"输入 {side}×{side} 时各层输出形状：", f"Output shapes for a {side}×{side} input:"),
      " → ".join("×".join(map(str, s)) for s in shapes))
print()
print(tr(f"C5 的输入有 {flat} 个数（而不是 400），参数合计 {lenet.n_params}。",
         f"C5 now receives {flat} numbers (not 400); {lenet.n_params} parameters in all."))
