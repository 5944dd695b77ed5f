import numpy as np

from mlnotes.datasets import make_moons
from mlnotes.linear_model import LogisticRegression
from mlnotes.model_selection import cross_val_score, train_test_split
from mlnotes.book.i18n import tr

X, y = make_moons(300, noise=0.3, random_state=0)                                  # ① data
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
mean, std = X_train.mean(axis=0), X_train.std(axis=0)                               # ② preprocessing


def features(X):
    """③ feature engineering: every product z1^i * z2^j of degree 1 to 3 of the standardised features."""
    z = (X - mean) / std
    return np.column_stack([z[:, 0] ** i * z[:, 1] ** j for i in range(4) for j in range(4 - i) if i + j > 0])


# ④ training, judged by 5-fold cross-validation on the training set (the test set stays untouched)
inputs = {tr("原始的 2 个特征", "the 2 raw features"): (X_train - mean) / std,
          tr("3 次多项式特征", "degree-3 features"): features(X_train)}
print(tr("| 输入特征 | 特征数 | 各折准确率 | 平均 |", "| input features | count | accuracy per fold | mean |"))
print("|---|---:|---|---:|")
for name, F in inputs.items():
    scores = cross_val_score(LogisticRegression(), F, y_train, cv=5)
    print(f"| {name} | {F.shape[1]} | {', '.join(f'{s:.2f}' for s in scores)} | {scores.mean():.3f} |")
