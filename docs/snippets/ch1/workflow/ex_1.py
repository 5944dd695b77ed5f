from mlnotes.linear_model import LogisticRegression
from mlnotes.model_selection import cross_val_score
from mlnotes.book.ch1_workflow import features, moons_split
from mlnotes.book.i18n import tr

X_train, X_test, y_train, y_test = moons_split()                       # the data of 1.4
# features(X, degree): every product z1^i * z2^j with 1 <= i + j <= degree (the page used degree 3)

results = {}
for degree in range(1, 7):
    F = features(X_train, degree)
    results[degree] = (F.shape[1], cross_val_score(LogisticRegression(max_iter=500), F, y_train, cv=5).mean())
print(tr("| 次数 | 特征数 | 5 折交叉验证准确率 |", "| degree | features | 5-fold cross-validation accuracy |"))
print("|---:|---:|---:|")
for degree, (n, acc) in results.items():
    print(f"| {degree} | {n} | {acc:.3f} |")
