import numpy as np

from mlnotes.nn import Perceptron
from mlnotes.book.i18n import tr

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y_and = np.array([0, 0, 0, 1])            # AND: 1 only when both inputs are 1
model = Perceptron(max_iter=100, random_state=0).fit(X, y_and)
pred = model.predict(X)
print(tr(f"AND：共遍历 {model.n_iter_} 轮，converged_ = {model.converged_}，每轮的错误次数 {model.errors_.tolist()}",
         f"AND: converged = {model.converged_} after {model.n_iter_} epochs, mistakes per epoch {model.errors_.tolist()}"))
print(tr(f"预测 {pred.tolist()}，真实 {y_and.tolist()}", f"predicted {pred.tolist()}, true {y_and.tolist()}"))
print(tr(f"学到的 w = {model.coef_.ravel().round(3).tolist()}，b = {np.ravel(model.intercept_).round(3).tolist()}",
         f"learned w = {model.coef_.ravel().round(3).tolist()}, b = {np.ravel(model.intercept_).round(3).tolist()}"))
