from mlnotes.datasets import make_blobs
from mlnotes.linear_model import LogisticRegression
from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram, hide_ticks, plot_decision_boundary
from mlnotes.book.render import figure, figure_html

X, y = make_blobs(60, centers=[[-1.5, 0.0], [1.5, 0.5]], cluster_std=0.8, random_state=0)
model = LogisticRegression().fit(X, y)

fig, ax = figure(figsize=(9.5, 4.4))
diagram(ax, {
    "data": (0, 0, tr("训练数据\n特征 x + 标签 y", "training data\nx and labels y")),
    "algo": (3.3, 0, tr("学习算法", "learning\nalgorithm")),
    "model": (6.6, 0, tr("模型 f(x)", "model f(x)")),
    "new": (6.6, -1.9, tr("新样本 x\n（没有标签）", "new sample x\n(no label)")),
    "pred": (9.9, 0, tr("预测的标签\nŷ = f(x)", "predicted label\nŷ = f(x)")),
}, [("data", "algo", ""), ("algo", "model", tr("训练", "train")), ("new", "model", ""),
    ("model", "pred", tr("预测", "predict"))],
    box_width=2.0, box_height=0.9, fontsize=10, colors={"model": "#FCE5CD", "pred": "#D9EAD3"})
ax.set_xlim(-1.15, 11.05)
ax.set_ylim(-2.45, 2.6)
left = ax.inset_axes([-0.9, 0.6, 1.8, 1.9], transform=ax.transData)  # the labelled data
for k, marker in enumerate("os"):
    left.scatter(*X[y == k].T, s=9, marker=marker, color=f"C{k}")
right = ax.inset_axes([5.7, 0.6, 1.8, 1.9], transform=ax.transData)  # what the model learned
plot_decision_boundary(right, model, X, y, resolution=60)
hide_ticks([left, right], frame=True)
print(figure_html(fig, tr(
    "监督学习：从带标签的数据学出模型（右上是逻辑回归学到的分界），再用模型预测新样本的标签。",
    "Supervised learning: learn a model from labelled data (top right: the boundary a logistic "
    "regression learned), then use it to label new samples.")))
