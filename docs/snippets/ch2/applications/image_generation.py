from importlib.util import find_spec
from pathlib import Path

import numpy as np

from mlnotes.decomposition import PCA
from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks
from mlnotes.book.render import figure, figure_html

# the 8x8 handwritten digits that scikit-learn ships; learn the distribution of the 3s
data = np.loadtxt(Path(find_spec("sklearn").origin).parent / "datasets/data/digits.csv.gz", delimiter=",")
threes = data[data[:, -1] == 3, :-1] / 16.0  # (n, 64)
pca = PCA(n_components=12).fit(threes)
# a very simple generative model: a Gaussian in the 12-d PCA space; sampling it and mapping back gives new images
rng = np.random.default_rng(0)
z = rng.normal(size=(8, 12)) * np.sqrt(pca.explained_variance_)
generated = np.clip(pca.inverse_transform(z), 0, 1)
# nearest training image of every generated one: they are new images, not copies
dist = np.sqrt(((generated[:, None, :] - threes[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
# for comparison: how far is a real 3 from the closest *other* real 3?
d_real = np.sqrt(((threes[:, None, :] - threes[None, :, :]) ** 2).sum(axis=2))
np.fill_diagonal(d_real, np.inf)

fig, axes = figure(2, 8, figsize=(10, 2.9))
for j in range(8):
    for ax, img in ((axes[0, j], threes[j]), (axes[1, j], generated[j])):
        ax.imshow(img.reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)
        hide_ticks(ax)
        ax.spines[["left", "bottom"]].set_visible(False)
axes[0, 0].set_ylabel(tr("真实", "real"))
axes[1, 0].set_ylabel(tr("生成", "generated"))
print(figure_html(fig, tr("图像生成：上排是训练集中真实的手写 3，下排是从学到的分布中采样生成的新图片。",
                                                      "Image generation: top, real handwritten 3s from the training set; bottom, new images sampled from the learned distribution.")))
print(tr(f"模型在 {len(threes)} 张手写的 3 上学习（PCA 保留 {pca.n_components_} 个主成分，再在这个空间里拟合高斯分布）。"
         f"生成的图片与最相近的训练图片平均相距 {dist.mean():.2f}，和两张不同的真实 3 之间的典型距离"
         f"（{d_real.min(axis=1).mean():.2f}）相当：它们是新的图片，而不是训练图片的复制品。"
         "GAN 等深度生成模型用神经网络代替这里的线性映射，能生成清晰得多的大图。",
         f"The model learns from {len(threes)} handwritten 3s (PCA keeps {pca.n_components_} components, and a Gaussian is "
         f"fitted in that space). A generated image lies on average {dist.mean():.2f} from its closest training image, about "
         f"as far as two different real 3s typically are ({d_real.min(axis=1).mean():.2f}): they are new images, not copies. Deep generative models such as GANs replace the linear map with a "
         "neural network and produce far sharper, larger images."))
