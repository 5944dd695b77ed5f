import warnings

from mlnotes.datasets import make_xor
from mlnotes.nn import MLPClassifier, Perceptron
from mlnotes.book.i18n import tr
from mlnotes.book.plots import plot_decision_boundary
from mlnotes.book.render import figure, figure_html

X, y = make_xor(200, noise=0.05, random_state=0)  # label 1 where x1 and x2 have different signs

with warnings.catch_warnings():
    # no line separates XOR, so the perceptron rule never converges and warns (ConvergenceWarning)
    warnings.simplefilter("ignore")
    perceptron = Perceptron(max_iter=100, random_state=0).fit(X, y)
mlp = MLPClassifier(hidden_layer_sizes=(8,), activation="tanh", max_iter=1000, random_state=0).fit(X, y)

fig, (left, right) = figure(1, 2, figsize=(10, 4.2))
plot_decision_boundary(left, perceptron, X, y)
plot_decision_boundary(right, mlp, X, y)
left.set_title(tr(f"单层感知机：准确率 {perceptron.score(X, y):.0%}", f"Perceptron: accuracy {perceptron.score(X, y):.0%}"))
right.set_title(tr(f"多层感知机（8 个隐藏神经元）：准确率 {mlp.score(X, y):.0%}",
                   f"MLP (8 hidden neurons): accuracy {mlp.score(X, y):.0%}"))
for ax in (left, right):
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
print(figure_html(fig, tr(
    "异或（XOR）数据：单层感知机只能画一条直线，怎么画都分不开两类；带一个隐藏层的多层感知机学到了弯曲的边界。",
    "XOR data: a single-layer perceptron can only draw one straight line, which never separates the classes; "
    "an MLP with one hidden layer learns a bent boundary.")))
print(tr(f"感知机遍历了 {perceptron.n_iter_} 轮，每一轮都有错误（`converged_ = {perceptron.converged_}`）；"
         f"多层感知机训练了 {mlp.n_iter_} 轮。",
         f"The perceptron ran {perceptron.n_iter_} epochs with mistakes in every one (`converged_ = {perceptron.converged_}`); "
         f"the MLP trained for {mlp.n_iter_} epochs."))
