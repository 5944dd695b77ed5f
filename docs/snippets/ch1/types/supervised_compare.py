import numpy as np

from mlnotes.datasets import make_blobs, make_circles, make_moons
from mlnotes.ensemble import RandomForestClassifier
from mlnotes.linear_model import LinearRegression, LogisticRegression
from mlnotes.metrics import accuracy_score
from mlnotes.model_selection import train_test_split
from mlnotes.naive_bayes import GaussianNB
from mlnotes.neighbors import KNeighborsClassifier
from mlnotes.nn import MLPClassifier
from mlnotes.svm import SVC
from mlnotes.tree import DecisionTreeClassifier
from mlnotes.book.i18n import tr
from mlnotes.book.plots import hide_ticks, plot_decision_boundary
from mlnotes.book.render import figure, figure_html


class LinearRegressionClassifier:
    """Linear regression used as a classifier: fit y = ±1 by least squares, predict by the sign."""

    def fit(self, X, y):
        self.classes_ = np.unique(y)
        self.regression_ = LinearRegression().fit(X, np.where(y == self.classes_[1], 1.0, -1.0))
        return self

    def predict(self, X):
        return self.classes_[(self.regression_.predict(X) > 0).astype(int)]


datasets = {
    tr("月牙形", "moons"): make_moons(150, noise=0.3, random_state=0),
    tr("同心圆", "circles"): make_circles(150, noise=0.15, factor=0.5, random_state=1),
    tr("两团（近似线性可分）", "blobs (nearly linearly separable)"):
        make_blobs(150, centers=[[-1.5, -1.0], [1.5, 1.0]], cluster_std=1.0, random_state=2),
}
models = {
    tr("K 近邻", "k-nearest neighbours"): lambda: KNeighborsClassifier(n_neighbors=5),
    tr("线性回归（取阈值）", "linear regression (thresholded)"): LinearRegressionClassifier,
    tr("逻辑回归", "logistic regression"): lambda: LogisticRegression(),
    tr("支持向量机（RBF 核）", "SVM (RBF kernel)"): lambda: SVC(kernel="rbf", C=1.0),
    tr("朴素贝叶斯", "naive Bayes"): lambda: GaussianNB(),
    tr("决策树", "decision tree"): lambda: DecisionTreeClassifier(max_depth=5, random_state=0),
    tr("随机森林", "random forest"): lambda: RandomForestClassifier(n_estimators=30, max_depth=6, random_state=0),
    tr("神经网络（MLP）", "neural network (MLP)"):
        lambda: MLPClassifier(hidden_layer_sizes=(16, 16), max_iter=1000, random_state=0),
}

fig, axes = figure(len(models), len(datasets), figsize=(8.4, 2.55 * len(models)))
scores = np.zeros((len(models), len(datasets)))
for j, (data_name, (X, y)) in enumerate(datasets.items()):
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.4, stratify=y, random_state=0)
    for i, (model_name, make_model) in enumerate(models.items()):
        model = make_model().fit(X_train, y_train)
        scores[i, j] = accuracy_score(y_test, model.predict(X_test))
        ax = axes[i, j]
        plot_decision_boundary(ax, model, X_test, y_test, resolution=80, alpha=0.3)  # test points
        for artist in ax.collections[:1]:  # the shaded regions: an image inside the SVG keeps the page light
            artist.set_rasterized(True)
        ax.text(0.97, 0.04, f"{scores[i, j]:.2f}", transform=ax.transAxes, ha="right", va="bottom",
                fontsize=11, bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none"})
        hide_ticks(ax)
        if i == 0:
            ax.set_title(data_name, fontsize=10)
        if j == 0:
            ax.set_ylabel(model_name, fontsize=11)
fig.tight_layout()
print(figure_html(fig, tr(
    "八种监督学习算法在三个数据集上学到的分类区域。图中的点是没有参与训练的测试集，右下角是测试准确率。",
    "Eight supervised algorithms on three data sets: the regions each one assigns to the two classes. "
    "The points are the test set, which no model saw in training; bottom right: test accuracy.")))

head = tr("| 算法 | " + " | ".join(datasets) + " | 平均 |", "| algorithm | " + " | ".join(datasets) + " | mean |")
print(head + "\n|---|" + "---:|" * (len(datasets) + 1))
for name, row in zip(models, scores):
    print(f"| {name} | " + " | ".join(f"{s:.3f}" for s in row) + f" | {row.mean():.3f} |")
print()
linear = [1, 2]  # the two linear models
circles = scores[:, 1]
others = np.delete(circles, linear)
print(tr(f"在同心圆上，两种线性模型的准确率最高只有 {circles[linear].max():.3f}，不比瞎猜（0.5）强；其余六种都不低于 "
         f"{others.min():.3f}：一条直线分不开一个圈和圈里的另一团点。",
         f"On the circles the two linear models reach at most {circles[linear].max():.3f}, no better than guessing "
         f"(0.5); the other six all reach {others.min():.3f} or more: no straight line separates a ring from the "
         "disc inside it."))
