import numpy as np

from mlnotes.datasets import make_moons
from mlnotes.linear_model import LogisticRegression
from mlnotes.model_selection import cross_val_score, train_test_split
from mlnotes.book.i18n import tr

X, y = make_moons(300, noise=0.3, random_state=0)                      # the data of 1.4
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
mean, std = X_train.mean(axis=0), X_train.std(axis=0)


def features(X, degree):
    """Every product z1^i * z2^j with 1 <= i + j <= degree (the page used degree 3)."""
    z = (X - mean) / std
    return np.column_stack([z[:, 0] ** i * z[:, 1] ** j
                            for i in range(degree + 1) for j in range(degree + 1 - i) if i + j > 0])


results = {}
for degree in range(1, 7):
    F = features(X_train, degree)
    results[degree] = (F.shape[1], cross_val_score(LogisticRegression(max_iter=500), F, y_train, cv=5).mean())
print(tr("| 次数 | 特征数 | 5 折交叉验证准确率 |", "| degree | features | 5-fold cross-validation accuracy |"))
print("|---:|---:|---:|")
for degree, (n, acc) in results.items():
    print(f"| {degree} | {n} | {acc:.3f} |")
