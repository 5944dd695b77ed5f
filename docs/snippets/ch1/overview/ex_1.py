from mlnotes.datasets import make_line
from mlnotes.linear_model import LinearRegression
from mlnotes.book.i18n import tr

results = []
for n in (10, 100, 1000, 10000):                 # only the number of samples changes
    X, y = make_line(n, slope=2.0, intercept=1.0, noise=0.3, random_state=0)
    model = LinearRegression().fit(X, y)
    results.append((n, model.coef_[0], model.intercept_, model.predict([[4.0]])[0]))

print(tr("| 样本数 | w | b | f(4) | b − 1 |", "| samples | w | b | f(4) | b − 1 |"))
print("|---:|---:|---:|---:|---:|")
for n, w, b, f4 in results:
    print(f"| {n} | {w:.3f} | {b:.3f} | {f4:.3f} | {b - 1:+.4f} |")
