import numpy as np

from mlnotes.nn import SGD, MSELoss, gradient_check
from mlnotes.book.ch3_training import worked_example, worked_network
from mlnotes.book.i18n import tr

example = worked_example()
x, t = example.x[None, :], np.array([[example.t]])  # the sample as a batch of one: (1, 2) and (1, 1)
net = worked_network()                               # the 2-2-1 network of the example

loss = MSELoss()
before = loss.forward(net.forward(x), t)        # forward propagation
net.backward(loss.backward())                   # backpropagation fills net.grads
old = {name: p.copy() for name, p in net.params.items()}
SGD(lr=0.5).step(net)                           # W <- W - 0.5 * dL/dW
after = loss.forward(net.forward(x), t)

print(tr("| 参数 | 更新前 | 梯度 | 更新后 = 更新前 − 0.5 × 梯度 |", "| parameter | before | gradient | after = before − 0.5 × gradient |"))
print("|---|---|---|---|")
symbols = {"0.W": "$w_{11}, w_{12}, w_{21}, w_{22}$", "0.b": "$b_{h1}, b_{h2}$", "2.W": "$v_1, v_2$", "2.b": "$b_o$"}
for name, p in net.params.items():
    fmt = lambda a: ", ".join(f"{v:.4f}" for v in a.ravel())  # noqa: E731
    print(f"| `{name}`: {symbols[name]} | {fmt(old[name])} | {fmt(net.grads[name])} | {fmt(p)} |")
print()
print(tr(f"损失从 {before:.5f} 降到 {after:.5f}：沿负梯度方向走一小步，输出更接近目标了。",
         f"The loss falls from {before:.5f} to {after:.5f}: one small step against the gradient moves the output towards the target."))
print()
check = gradient_check(net, x, loss=MSELoss(), target=t)
print(tr(f"梯度检验（[`gradient_check`][mlnotes.nn.gradient_check]，中心差分）：反向传播梯度与数值梯度的最大相对误差为 **{float(check):.1e}**。",
         f"Gradient check ([`gradient_check`][mlnotes.nn.gradient_check], central differences): the largest relative error "
         f"between backpropagated and numerical gradients is **{float(check):.1e}**."))
