from importlib.util import find_spec
from pathlib import Path

import numpy as np

from mlnotes.model_selection import train_test_split
from mlnotes.nn import MLPClassifier
from mlnotes.book.i18n import tr
from mlnotes.book.plots import draw_network, hide_ticks
from mlnotes.book.render import figure, figure_html

# The 1797 handwritten digits (8x8 pixels) that scikit-learn ships, read straight from its data file
data = np.loadtxt(Path(find_spec("sklearn").origin).parent / "datasets/data/digits.csv.gz", delimiter=",")
X, y = data[:, :-1] / 16.0, data[:, -1].astype(int)  # 64 pixel values in [0, 1], the digit
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
model = MLPClassifier(hidden_layer_sizes=(16,), max_iter=300, random_state=0).fit(X_train, y_train)

image = X_test[0]
proba = model.predict_proba(image[None, :])[0]
fig, axes = figure(1, 4, figsize=(12, 3.2), gridspec_kw={"width_ratios": [1, 1, 1.6, 1.1]})
axes[0].imshow(image.reshape(8, 8), cmap="gray_r")
axes[0].set_title(tr("① 输入图片（8×8 像素）", "① input image, 8×8"))
axes[1].imshow(np.zeros((8, 8)), cmap="gray_r", vmin=0, vmax=1)
for (r, c), v in np.ndenumerate(image.reshape(8, 8) * 16):
    axes[1].text(c, r, f"{v:.0f}", ha="center", va="center", fontsize=7)
axes[1].set_title(tr("② 在计算机里是 64 个数", "② stored as 64 numbers"))
hide_ticks(axes[:2])
draw_network(axes[2], model.network_, max_neurons=7,
             labels=[tr("输入", "input"), tr("隐藏", "hidden"), tr("输出", "output")])
axes[2].set_title(tr("③ 神经网络逐层计算", "③ the network computes layer by layer"))
axes[3].barh(model.classes_, proba, color=["C1" if c == proba.argmax() else "C0" for c in model.classes_])
axes[3].set_yticks(model.classes_)
axes[3].invert_yaxis()
axes[3].set_xlim(0, 1)
axes[3].set_title(tr(f"④ 输出：是 {model.classes_[proba.argmax()]}", f"④ output: a {model.classes_[proba.argmax()]}"))
axes[3].set_xlabel(tr("概率", "probability"))
print(figure_html(fig, tr("识别图片的流程：图片 → 像素 → 神经网络 → 每个类别的概率。",
                                                    "Recognising an image: picture → pixels → neural network → a probability per class.")))
acc = model.score(X_test, y_test)
print(tr(f"这个网络（64 → 16 → 10）用 {len(X_train)} 张手写数字图片训练了 {model.n_iter_} 轮，"
         f"在 {len(X_test)} 张没见过的图片上的准确率是 **{acc:.1%}**。上图中这张图片的真实标签是 {y_test[0]}。",
         f"This network (64 → 16 → 10), trained for {model.n_iter_} epochs on {len(X_train)} images of handwritten digits, "
         f"is **{acc:.1%}** accurate on {len(X_test)} images it never saw. The true label of the image above is {y_test[0]}."))
