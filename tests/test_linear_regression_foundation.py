"""LinearRegression as the 1.1 page uses it: closed-form least squares vs NumPy and scikit-learn."""
import numpy as np
import pytest
from sklearn.linear_model import LinearRegression as SkLinearRegression

from mlnotes.datasets import make_line
from mlnotes.linear_model import LinearRegression


def test_recovers_the_notes_line_and_predicts_f4():
    X, y = make_line(200, noise=0.1, random_state=0)
    model = LinearRegression().fit(X, y)
    assert model.coef_[0] == pytest.approx(2.0, abs=0.03)
    assert model.intercept_ == pytest.approx(1.0, abs=0.06)
    assert model.predict([[4.0]])[0] == pytest.approx(9.0, abs=0.1)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_matches_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(50, 4))
    y = X @ rng.normal(size=4) + 0.3 + rng.normal(scale=0.1, size=50)
    ours, ref = LinearRegression().fit(X, y), SkLinearRegression().fit(X, y)
    np.testing.assert_allclose(ours.coef_, ref.coef_, atol=1e-10)
    assert ours.intercept_ == pytest.approx(ref.intercept_, abs=1e-10)
    np.testing.assert_allclose(ours.predict(X), ref.predict(X), atol=1e-10)
    assert ours.score(X, y) == pytest.approx(ref.score(X, y), abs=1e-12)


def test_bad_input_is_explained():
    model = LinearRegression()
    with pytest.raises(ValueError, match="not fitted yet"):
        model.predict([[1.0]])
    with pytest.raises(ValueError, match="Expected 2D array"):
        model.fit([1.0, 2.0], [1.0, 2.0])
    model.fit([[1.0], [2.0]], [1.0, 2.0])
    with pytest.raises(ValueError, match="X has 2 features, but LinearRegression is expecting 1 features"):
        model.predict([[1.0, 2.0]])
