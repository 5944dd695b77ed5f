import numpy as np

from mlnotes.datasets import make_moons
from mlnotes.linear_model import LogisticRegression
from mlnotes.model_selection import GridSearchCV, train_test_split
from mlnotes.book.i18n import tr

X, y = make_moons(300, noise=0.3, random_state=0)                                  # ① data
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
mean, std = X_train.mean(axis=0), X_train.std(axis=0)                               # ② preprocessing


def features(X):                                                                    # ③ feature engineering
    z = (X - mean) / std
    return np.column_stack([z[:, 0] ** i * z[:, 1] ** j for i in range(4) for j in range(4 - i) if i + j > 0])


search = GridSearchCV(LogisticRegression(max_iter=200), {"C": [0.01, 0.1, 1, 10, 100]}, cv=5)  # ④ + ⑥
search.fit(features(X_train), y_train)

# ⑦ prediction on new samples: the same preprocessing and features, then the tuned model
new = np.array([[-1.0, 0.5], [0.0, 0.0], [1.0, -0.5], [2.0, 0.5]])
proba = search.best_estimator_.predict_proba(features(new))[:, 1]
print(tr("| x₁ | x₂ | 预测类别 | P(类别 1) |", "| x₁ | x₂ | predicted class | P(class 1) |"))
print("|---:|---:|---:|---:|")
for (a, b), label, p in zip(new, search.predict(features(new)), proba):
    print(f"| {a:.1f} | {b:.1f} | {label} | {p:.2f} |")
