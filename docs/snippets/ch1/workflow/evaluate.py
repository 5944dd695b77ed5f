import numpy as np

from mlnotes.linear_model import LogisticRegression
from mlnotes.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
)
from mlnotes.model_selection import GridSearchCV
from mlnotes.book.ch1_workflow import features, moons_split
from mlnotes.book.i18n import tr
from mlnotes.book.plots import plot_decision_boundary
from mlnotes.book.render import figure, figure_html

# ① data and ② preprocessing as above; ③ features(X): standardise with the training set's mean and
# standard deviation, then every product z1^i * z2^j with 1 <= i + j <= 3
X_train, X_test, y_train, y_test = moons_split()

search = GridSearchCV(LogisticRegression(max_iter=200), {"C": [0.01, 0.1, 1, 10, 100]}, cv=5)  # ④ + ⑥
search.fit(features(X_train), y_train)

# ⑤ evaluation, once, on the test set the model has never seen
y_pred = search.predict(features(X_test))
cm = confusion_matrix(y_test, y_pred)
print(tr("| 指标（测试集） | 值 |", "| metric (test set) | value |"))
print("|---|---:|")
for name, value in [(tr("准确率", "accuracy"), accuracy_score(y_test, y_pred)),
                    (tr("精确率（类别 1）", "precision (class 1)"), precision_score(y_test, y_pred)),
                    (tr("召回率（类别 1）", "recall (class 1)"), recall_score(y_test, y_pred)),
                    ("F1", f1_score(y_test, y_pred))]:
    print(f"| {name} | {value:.3f} |")
print()


class Workflow:
    """The whole chain, raw (x1, x2) in, class out: what plot_decision_boundary needs."""

    def predict(self, X):
        return search.predict(features(X))


fig, (ax, cm_ax) = figure(1, 2, figsize=(10, 4), gridspec_kw={"width_ratios": [1.6, 1]})
plot_decision_boundary(ax, Workflow(), X_test, y_test, margin=0.8)
wrong = y_pred != y_test
ax.scatter(X_test[wrong, 0], X_test[wrong, 1], s=80, facecolor="none", edgecolor="red", label=tr("预测错误", "wrong"))
ax.set_title(tr("测试集上的决策边界", "Decision boundary on the test set"), fontsize=10)
ax.legend(loc="lower right", fontsize=8)
cm_ax.imshow(cm, cmap="Blues")
for (i, j), v in np.ndenumerate(cm):
    cm_ax.text(j, i, str(v), ha="center", va="center", fontsize=14, color="white" if v > cm.max() / 2 else "black")
cm_ax.set_xticks([0, 1], [tr("预测 0", "predicted 0"), tr("预测 1", "predicted 1")])
cm_ax.set_yticks([0, 1], [tr("真实 0", "true 0"), tr("真实 1", "true 1")])
cm_ax.grid(False)
cm_ax.set_title(tr("混淆矩阵", "Confusion matrix"), fontsize=10)
print(figure_html(fig, tr(
    f"调优后的模型在 {len(y_test)} 个测试样本上：左为决策边界（红圈为预测错误的样本），右为混淆矩阵。",
    f"The tuned model on the {len(y_test)} test samples: decision boundary (red circles: wrong predictions) "
    "and confusion matrix.")))
