from mlnotes.cluster import KMeans
from mlnotes.datasets import make_blobs
from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram, hide_ticks
from mlnotes.book.render import figure, figure_html

X, _ = make_blobs(90, centers=[[-2.0, 0.0], [2.0, 0.0], [0.0, 3.0]], cluster_std=0.7, random_state=0)
labels = KMeans(n_clusters=3, random_state=0).fit(X).labels_  # no labels go in

fig, ax = figure(figsize=(9.5, 3.6))
fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)  # the axes fill the figure: room for "discover"
diagram(ax, {
    "data": (0, 0, tr("数据\n只有 x，没有标签", "data\nx only, no labels")),
    "algo": (3.3, 0, tr("无监督算法\n（聚类、降维）", "unsupervised\nalgorithm")),
    "found": (6.6, 0, tr("发现的结构\n簇、主成分", "found: clusters,\ncomponents")),
    "use": (9.9, 0, tr("应用：分组、\n可视化、压缩", "use: group,\nplot, compress")),
}, [("data", "algo", ""), ("algo", "found", tr("自动发现", "discover")), ("found", "use", "")],
    box_width=2.0, box_height=0.9, fontsize=10, colors={"found": "#FCE5CD", "use": "#D9EAD3"})
ax.set_xlim(-1.15, 11.05)
ax.set_ylim(-0.6, 2.6)
left = ax.inset_axes([-0.9, 0.6, 1.8, 1.9], transform=ax.transData)  # what the algorithm sees
left.scatter(*X.T, s=9, color="#7F8C8D")
right = ax.inset_axes([5.7, 0.6, 1.8, 1.9], transform=ax.transData)  # what K-means found
for k, marker in enumerate("os^"):
    right.scatter(*X[labels == k].T, s=9, marker=marker, color=f"C{k}")
hide_ticks([left, right], frame=True)
print(figure_html(fig, tr(
    "无监督学习：数据没有标签（左上的灰点），算法自己找出结构（右上是 K 均值找到的三个簇）。",
    "Unsupervised learning: the data carry no labels (grey points, top left); the algorithm finds "
    "the structure itself (top right: three clusters found by k-means).")))
