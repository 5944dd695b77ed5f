from mlnotes.datasets import make_line
from mlnotes.linear_model import LinearRegression

X, y = make_line(10, slope=2.0, intercept=1.0, noise=0.3, random_state=0)  # the table above
model = LinearRegression().fit(X, y)
w, b = model.coef_[0], model.intercept_
print(f"f(x) = {w:.3f} x + {b:.3f}")
print(f"f(4) = {model.predict([[4.0]])[0]:.3f}")
print(f"w - 2 = {w - 2:+.3f},  b - 1 = {b - 1:+.3f},  f(4) - 9 = {model.predict([[4.0]])[0] - 9:+.3f}")
