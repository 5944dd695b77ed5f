import numpy as np

from mlnotes.nn import SGD, Dense, MSELoss, Sequential, Sigmoid, train
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

# the same 2-2-1 sigmoid architecture, trained on the four XOR points by repeating FP + BP + update
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
net = Sequential([Dense(2, 2, random_state=2), Sigmoid(), Dense(2, 1, random_state=12), Sigmoid()])
history = train(net, X, y, loss=MSELoss(), optimizer=SGD(lr=5.0), epochs=600, batch_size=4, random_state=0)

fig, ax = figure(figsize=(6.4, 3.4))
ax.semilogy(np.arange(1, len(history["loss"]) + 1), history["loss"])
ax.set_xlabel(tr("迭代次数（epoch）", "iteration (epoch)"))
ax.set_ylabel(tr("均方误差损失", "mean squared error"))
out = net.forward(X).ravel()
print(figure_html(fig, tr(
    f"训练曲线：2-2-1 网络在 XOR 的 4 个点上反复做正向传播、反向传播和更新，损失从 {history['loss'][0]:.3f} "
    f"开始，第 100 轮时仍有 {history['loss'][99]:.3f}，最后降到 {history['loss'][-1]:.4f}；输出为 {', '.join(f'{v:.2f}' for v in out)}（目标 0, 1, 1, 0）。",
    f"Training curve: the 2-2-1 network repeats forward propagation, backpropagation and the update on the 4 XOR "
    f"points; the loss starts at {history['loss'][0]:.3f}, is still "
    f"{history['loss'][99]:.3f} at epoch 100 and ends at {history['loss'][-1]:.4f}, and the outputs are "
    f"{', '.join(f'{v:.2f}' for v in out)} (targets 0, 1, 1, 0).")))
