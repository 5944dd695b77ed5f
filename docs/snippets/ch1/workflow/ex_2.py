from mlnotes.linear_model import LogisticRegression
from mlnotes.metrics import confusion_matrix
from mlnotes.model_selection import GridSearchCV
from mlnotes.book.ch1_workflow import features, moons_split
from mlnotes.book.i18n import tr

X_train, X_test, y_train, y_test = moons_split()                       # the model of 1.4, step ⑤

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
