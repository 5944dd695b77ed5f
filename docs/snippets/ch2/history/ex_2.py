from mlnotes.datasets import make_blobs
from mlnotes.nn import Perceptron
from mlnotes.book.i18n import tr

X, y = make_blobs(40, centers=[[0.0, 0.0], [2.0, 1.0]], cluster_std=0.6, random_state=1)  # as on the page
fits = {eta: Perceptron(eta0=eta, random_state=0).fit(X, y) for eta in (1.0, 0.1)}

print(tr("| 学习率 η | 每轮分错次数 | w | b |", "| learning rate η | mistakes per epoch | w | b |"))
print("|---:|---|---|---:|")
for eta, clf in fits.items():
    w, b = clf.coef_[0], clf.intercept_[0]
    print(f"| {eta} | {', '.join(map(str, clf.errors_))} | ({w[0]:.3f}, {w[1]:.3f}) | {b:.3f} |")
