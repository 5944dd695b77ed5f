import numpy as np
from sklearn.datasets import load_digits  # only the data come from scikit-learn

from mlnotes.book.cnn import digits_experiment
from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks
from mlnotes.book.render import figure, figure_html

digits = load_digits()                      # 1797 grey 8x8 images of the digits 0-9, values 0..16
result = digits_experiment(digits.images, digits.target, test_size=0.25, epochs=6, random_state=0)
epochs = np.arange(1, len(result["test_accuracy"]) + 1)
n_test = round(0.25 * len(digits.images))
print(tr(f"数据集共有 {len(digits.images)} 张图片。训练 {len(epochs)} 轮后，在 {n_test} 张没参与训练的测试图片上的"
         f"准确率是 **{result['final_test_accuracy']:.1%}**。",
         f"The data set holds {len(digits.images)} images. After {len(epochs)} epochs, the accuracy on the {n_test} "
         f"test images the network never trained on is **{result['final_test_accuracy']:.1%}**."))
print()

fig, (ax_loss, ax_acc) = figure(1, 2, figsize=(10, 3.6))
ax_loss.plot(epochs, result["train_loss"], "o-")
ax_loss.set_xlabel(tr("训练轮数 epoch", "epoch"))
ax_loss.set_ylabel(tr("训练损失（交叉熵）", "training loss (cross-entropy)"))
ax_acc.plot(epochs, result["train_accuracy"], "o-", label=tr("训练集", "training set"))
ax_acc.plot(epochs, result["test_accuracy"], "s-", label=tr("测试集", "test set"))
ax_acc.set_xlabel(tr("训练轮数 epoch", "epoch"))
ax_acc.set_ylabel(tr("准确率", "accuracy"))
ax_acc.legend()
print(figure_html(fig, tr("LeNet-5 风格网络在 8×8 手写数字上的学习曲线。",
                                                 "Learning curve of the LeNet-5-style network on 8×8 handwritten digits.")))

model = result["model"]
image = digits.images[:1, None] / 16.0      # (1, 1, 8, 8), scaled like the training data
maps = model.layers[1].forward(model.layers[0].forward(image))[0]  # C1 + ReLU: (6, 8, 8)
fig, axes = figure(1, 7, figsize=(12, 2.3))
axes[0].imshow(image[0, 0], cmap="gray_r")
axes[0].set_title(tr(f"输入：数字 {digits.target[0]}", f"input: digit {digits.target[0]}"), fontsize=9)
for k, ax in enumerate(axes[1:]):
    ax.imshow(maps[k], cmap="viridis")
    ax.set_title(tr(f"C1 特征图 {k + 1}", f"C1 map {k + 1}"), fontsize=9)
hide_ticks(axes, frame=True)
print(figure_html(fig, tr(
    "训练好的网络第一个卷积层（C1，6 个 3×3 卷积核，经过 ReLU）对一张数字图片输出的 6 张特征图：不同的卷积核对数字的不同部分有响应。",
    "The six feature maps of the trained network's first convolution layer (C1, six 3×3 kernels, after ReLU) for "
    "one digit: different kernels respond to different parts of the digit.")))
