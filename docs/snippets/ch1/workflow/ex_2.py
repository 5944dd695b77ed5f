import numpy as np

from mlnotes.datasets import make_moons
from mlnotes.linear_model import LogisticRegression
from mlnotes.metrics import confusion_matrix
from mlnotes.model_selection import GridSearchCV, train_test_split
from mlnotes.book.i18n import tr

X, y = make_moons(300, noise=0.3, random_state=0)                      # the model of 1.4, step ⑤
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
mean, std = X_train.mean(axis=0), X_train.std(axis=0)


def features(X):
    z = (X - mean) / std
    return np.column_stack([z[:, 0] ** i * z[:, 1] ** j for i in range(4) for j in range(4 - i) if i + j > 0])


search = GridSearchCV(LogisticRegression(max_iter=200), {"C": [0.01, 0.1, 1, 10, 100]}, cv=5)
y_pred = search.fit(features(X_train), y_train).predict(features(X_test))
(tn, fp), (fn, tp) = confusion_matrix(y_test, y_pred)      # rows: true class 0, 1; columns: predicted 0, 1
precision, recall = tp / (tp + fp), tp / (tp + fn)          # by hand, from the four counts
f1 = 2 * precision * recall / (precision + recall)
print(tr(f"TP = {tp}，FP = {fp}，FN = {fn}，TN = {tn}", f"TP = {tp}, FP = {fp}, FN = {fn}, TN = {tn}"))
print()
print(tr(f"精确率 = TP / (TP + FP) = {tp}/{tp + fp} = {precision:.3f}；召回率 = TP / (TP + FN) = {tp}/{tp + fn} = {recall:.3f}；"
         f"F1 = 2PR / (P + R) = {f1:.3f}",
         f"precision = TP / (TP + FP) = {tp}/{tp + fp} = {precision:.3f}; recall = TP / (TP + FN) = {tp}/{tp + fn} = {recall:.3f}; "
         f"F1 = 2PR / (P + R) = {f1:.3f}"))
