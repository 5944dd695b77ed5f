import numpy as np

from mlnotes.cluster import KMeans
from mlnotes.datasets import make_blobs
from mlnotes.linear_model import LogisticRegression
from mlnotes.book.i18n import tr
from mlnotes.book.plots import plot_decision_boundary
from mlnotes.book.render import figure, figure_html

X, y = make_blobs(150, centers=[[0, 0], [4, 0], [2, 3.5]], cluster_std=0.8, random_state=3)
fig, (left, right) = figure(1, 2, figsize=(10, 4))

# classification: the labels y exist BEFORE training; the model learns to predict them
clf = LogisticRegression().fit(X, y)
plot_decision_boundary(left, clf, X, y, alpha=0.12)
left.set_title(tr("分类：训练前已有标签 y（颜色）", "Classification: labels y (colours) given before training"), fontsize=10)

# clustering: only X is given; the groups are a RESULT of learning, numbered arbitrarily
km = KMeans(n_clusters=3, random_state=0).fit(X)
right.scatter(X[:, 0], X[:, 1], s=12, c=[f"C{k + 4}" for k in km.labels_])
for k, (cx, cy) in enumerate(km.cluster_centers_):
    right.annotate(tr(f"簇 {k}", f"cluster {k}"), (cx, cy), ha="center", va="center", fontsize=10,
                   bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.8})
right.set_title(tr("聚类：只有 X，簇是学习之后才得到的", "Clustering: only X; the clusters come out of learning"), fontsize=10)
for ax in (left, right):
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
agree = max(np.mean(km.labels_ == np.array(p)[y]) for p in
            [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)])
print(figure_html(fig, tr(
    f"同一份数据：分类的“类”是事先给定的标签；聚类的“类”是算法自己找出的簇，编号没有含义"
    f"（这里簇与真实标签一一对应的比例为 {agree:.0%}）。",
    f"The same data: a class in classification is a label given in advance; a cluster is a group the algorithm "
    f"finds itself, and its number means nothing (here {agree:.0%} of the points fall in the cluster matching their label).")))
