import numpy as np

from mlnotes.datasets import make_blobs
from mlnotes.linear_model import LogisticRegression
from mlnotes.model_selection import train_test_split
from mlnotes.book.i18n import tr
from mlnotes.book.plots import plot_decision_boundary
from mlnotes.book.render import figure, figure_html

# two classes of points; X and Y are the two features, the class is the target
X, y = make_blobs(200, centers=[[-1.5, -1.0], [1.5, 1.0]], cluster_std=1.0, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
clf = LogisticRegression().fit(X_train, y_train)
accuracy = clf.score(X_test, y_test)
(w1, w2), b = clf.coef_[0], clf.intercept_[0]

fig, ax = figure(figsize=(6.4, 4.6))
plot_decision_boundary(ax, clf, X, y, alpha=0.15)
xs = np.linspace(X[:, 0].min() - 0.5, X[:, 0].max() + 0.5, 2)
ax.plot(xs, -(w1 * xs + b) / w2, color="black", linewidth=2,
        label=tr(f"分类器：{w1:.2f}X + {w2:.2f}Y + {b:.2f} = 0", f"classifier: {w1:.2f}X + {w2:.2f}Y + {b:.2f} = 0"))
ax.scatter([], [], color="C0", label=tr("类别 0", "class 0"))
ax.scatter([], [], color="C1", label=tr("类别 1", "class 1"))
ax.set_xlabel(tr("特征变量 X", "feature X"))
ax.set_ylabel(tr("特征变量 Y", "feature Y"))
ax.legend(loc="upper left", fontsize=9)
print(figure_html(fig, tr(
    f"逻辑回归学到的分类器（黑线）把两类点分开；在没参与训练的 {len(y_test)} 个点上准确率为 {accuracy:.0%}。",
    f"The classifier learned by logistic regression (black line) separates the two classes; "
    f"accuracy on {len(y_test)} held-out points: {accuracy:.0%}.")))
