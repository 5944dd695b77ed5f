import matplotlib
import numpy as np
from sklearn.datasets import load_digits  # only the data

from mlnotes.decomposition import PCA
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

digits = load_digits()  # bundled with scikit-learn: 1797 digits, 8 x 8 pixels = 64 features each
X, digit = digits.data, digits.target
pca = PCA().fit(X)  # all 64 components, to see how the variance is shared out
Z = pca.transform(X)[:, :2]  # the projection on the first two principal components
cumulative = np.cumsum(pca.explained_variance_ratio_)
k90 = int(np.searchsorted(cumulative, 0.9) + 1)

fig, (ax, curve) = figure(1, 2, figsize=(10, 4.2))
colors = matplotlib.colormaps["tab10"].colors  # ten digits, ten colours
for d in range(10):
    ax.scatter(*Z[digit == d].T, s=4, color=colors[d], alpha=0.6, rasterized=True)  # 1797 dots: an image
    cx, cy = np.median(Z[digit == d], axis=0)
    ax.text(cx, cy, str(d), fontsize=14, ha="center", va="center", color="white",
            bbox={"boxstyle": "circle,pad=0.2", "facecolor": colors[d], "alpha": 0.85, "edgecolor": "none"})
ax.set_xlabel(tr("第 1 主成分", "principal component 1"))
ax.set_ylabel(tr("第 2 主成分", "principal component 2"))
ax.set_title(tr("64 维的手写数字投影到 2 维（圆圈里是数字的中位位置）",
                "64-D handwritten digits projected to 2-D (circles: median of each digit)"), fontsize=10)
n = np.arange(1, len(cumulative) + 1)
curve.bar(n, pca.explained_variance_ratio_, color="C0", alpha=0.6, label=tr("每个主成分", "each component"))
curve.plot(n, cumulative, color="C3", marker=".", label=tr("累计", "cumulative"))
curve.axhline(0.9, color="gray", ls="--", lw=1)
curve.axvline(k90, color="gray", ls="--", lw=1)
curve.annotate(tr(f"{k90} 个主成分保留 90%", f"{k90} components keep 90%"), (k90, 0.9), xytext=(k90 + 6, 0.7),
               arrowprops={"arrowstyle": "->", "color": "gray"})
curve.set_xlabel(tr("主成分个数", "number of components"))
curve.set_ylabel(tr("解释的方差比例", "explained variance ratio"))
curve.set_xlim(0, 65)
curve.legend(loc="center right")
print(figure_html(fig, tr(
    "主成分分析：左边是 1797 张 8×8 手写数字在前两个主成分上的投影（没用到标签，颜色只为了看清）；右边是解释方差比例。",
    "Principal component analysis: left, 1797 handwritten 8×8 digits projected on the first two principal "
    "components (no labels were used; the colours only help the eye); right, the explained variance.")))
print(tr(f"前两个主成分保留了全部方差的 {cumulative[1]:.1%}；要保留 90%，需要 64 个中的 {k90} 个。",
         f"The first two components keep {cumulative[1]:.1%} of the variance; keeping 90% takes {k90} of the 64."))
