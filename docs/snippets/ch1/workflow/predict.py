import numpy as np

from mlnotes.linear_model import LogisticRegression
from mlnotes.model_selection import GridSearchCV
from mlnotes.book.ch1_workflow import features, moons_split
from mlnotes.book.i18n import tr

# ① data and ② preprocessing as above; ③ features(X): standardise with the training set's mean and
# standard deviation, then every product z1^i * z2^j with 1 <= i + j <= 3
X_train, X_test, y_train, y_test = moons_split()

search = GridSearchCV(LogisticRegression(max_iter=200), {"C": [0.01, 0.1, 1, 10, 100]}, cv=5)  # ④ + ⑥
search.fit(features(X_train), y_train)

# ⑦ prediction on new samples: the same preprocessing and features, then the tuned model
new = np.array([[-1.0, 0.5], [0.0, 0.0], [1.0, -0.5], [2.0, 0.5]])
proba = search.best_estimator_.predict_proba(features(new))[:, 1]
print(tr("| x₁ | x₂ | 预测类别 | P(类别 1) |", "| x₁ | x₂ | predicted class | P(class 1) |"))
print("|---:|---:|---:|---:|")
for (a, b), label, p in zip(new, search.predict(features(new)), proba):
    print(f"| {a:.1f} | {b:.1f} | {label} | {p:.2f} |")
