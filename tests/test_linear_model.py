"""LinearRegression (lstsq + gradient descent) and LogisticRegression vs scikit-learn / SciPy."""
import warnings

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from conftest import load_benchmark
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq
from sklearn import linear_model as sk

from mlnotes._optimize import lbfgs, newton
from mlnotes._validation import ConvergenceWarning
from mlnotes.datasets import make_blobs, make_line, make_moons
from mlnotes.linear_model import LinearRegression, LogisticRegression


def _standardized_regression(seed, n=120, d=4, n_outputs=None):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    shape = (d,) if n_outputs is None else (d, n_outputs)
    y = X @ rng.normal(size=shape) + 0.5 + rng.normal(scale=0.2, size=(n,) + shape[1:])
    return X, y


# ---------------------------------------------------------------- LinearRegression, solver="gd"


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_gradient_descent_reaches_the_least_squares_solution(seed, fit_intercept):
    X, y = _standardized_regression(seed)
    exact = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    gd = LinearRegression(fit_intercept=fit_intercept, solver="gd", learning_rate=0.1,
                          max_iter=5000, tol=1e-10).fit(X, y)
    ref = sk.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    np.testing.assert_allclose(gd.coef_, ref.coef_, atol=1e-8)
    np.testing.assert_allclose(gd.intercept_, ref.intercept_, atol=1e-8)
    np.testing.assert_allclose(gd.predict(X), exact.predict(X), atol=1e-8)
    assert gd.n_iter_ < 5000


def test_gradient_descent_loss_history():
    X, y = _standardized_regression(2)
    gd = LinearRegression(solver="gd", learning_rate=0.05, max_iter=300, tol=1e-12)
    with pytest.warns(ConvergenceWarning, match="max_iter=300"):
        gd.fit(X, y)
    history = gd.loss_history_
    assert history.shape == (gd.n_iter_ + 1,) == (301,)
    assert history[0] == pytest.approx(np.mean(y**2))  # w = 0, b = 0
    assert history[-1] == pytest.approx(np.mean((y - gd.predict(X)) ** 2))
    assert np.all(np.diff(history) <= 1e-15)  # a small enough step never increases the MSE
    optimum = np.mean((y - LinearRegression().fit(X, y).predict(X)) ** 2)
    assert history[-1] == pytest.approx(optimum, rel=1e-6)


def test_gradient_descent_multi_output_matches_lstsq():
    X, Y = _standardized_regression(3, n_outputs=2)
    gd = LinearRegression(solver="gd", learning_rate=0.1, max_iter=5000, tol=1e-10).fit(X, Y)
    exact = LinearRegression().fit(X, Y)
    assert gd.coef_.shape == exact.coef_.shape == (2, 4)
    np.testing.assert_allclose(gd.coef_, exact.coef_, atol=1e-8)
    np.testing.assert_allclose(gd.intercept_, exact.intercept_, atol=1e-8)


def test_gradient_descent_on_the_notes_line():
    X, y = make_line(50, noise=0.0, random_state=0)
    gd = LinearRegression(solver="gd", learning_rate=0.05, max_iter=20000, tol=1e-9).fit(X, y)
    assert gd.coef_[0] == pytest.approx(2.0, abs=1e-6) and gd.intercept_ == pytest.approx(1.0, abs=1e-6)


def test_gradient_descent_divergence_is_explained():
    X, y = make_line(50, random_state=0)  # x in [0, 5]: lambda_max ~ 19, so eta = 1 diverges
    with pytest.raises(ValueError, match="Gradient descent diverged .* Lower learning_rate \\(got 1.0\\)"):
        LinearRegression(solver="gd", learning_rate=1.0, max_iter=100000).fit(X, y)


def test_linear_regression_bad_parameters():
    X, y = [[0.0], [1.0]], [0.0, 1.0]
    with pytest.raises(ValueError, match="solver must be one of 'lstsq', 'gd'; got 'sgd'"):
        LinearRegression(solver="sgd").fit(X, y)
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        LinearRegression(solver="gd", learning_rate=0.0).fit(X, y)
    with pytest.raises(TypeError, match="max_iter must be an int"):
        LinearRegression(max_iter=10.5).fit(X, y)
    with pytest.raises(TypeError, match="fit_intercept must be a bool"):
        LinearRegression(fit_intercept="yes").fit(X, y)
    with pytest.raises(ValueError, match="NaN"):
        LinearRegression().fit(X, [0.0, np.nan])
    with pytest.raises(ValueError, match="0 sample"):
        LinearRegression(solver="gd").fit(np.empty((0, 2)), [])


# ---------------------------------------------------------------- LogisticRegression


def _classification_sets():
    rng = np.random.default_rng(0)
    X_lin = rng.normal(size=(200, 5))
    y_lin = (X_lin @ rng.normal(size=5) + rng.logistic(size=200) > 0).astype(int)
    X_moons, y_moons = make_moons(150, noise=0.3, random_state=1)
    X_blobs, y_blobs = make_blobs(180, n_features=3, centers=3, cluster_std=3.0, random_state=2)
    X4 = rng.normal(size=(160, 4)) * [1.0, 3.0, 0.3, 1.0] + [0.0, 2.0, -1.0, 5.0]
    y4 = np.array(["a", "b", "c", "d"])[np.argmax(X4 @ rng.normal(size=(4, 4)) + rng.gumbel(size=(160, 4)), axis=1)]
    X_noisy = rng.normal(size=(150, 3))
    y_noisy = np.argmax(0.5 * X_noisy @ rng.normal(size=(3, 3)) + rng.gumbel(size=(150, 3)), axis=1)
    return {"binary": (X_lin, y_lin), "moons": (X_moons, y_moons),
            "blobs3": (X_blobs, y_blobs), "strings4": (X4, y4), "noisy3": (X_noisy, y_noisy)}


CLF_SETS = _classification_sets()


def _objective_gradient(X, y, coef, intercept, C):
    """Gradient of (1/2C n)||W||^2 + mean log-loss, written out independently of mlnotes."""
    classes = np.unique(y)
    Y = (y[:, None] == classes).astype(float)  # (n, K) one-hot
    if len(classes) == 2:
        p = 1.0 / (1.0 + np.exp(-(X @ coef[0] + intercept[0])))
        r = p - Y[:, 1]
        return np.r_[X.T @ r / len(X) + coef[0] / (C * len(X)), r.mean()]
    Z = X @ coef.T + intercept
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    return np.r_[((P - Y).T @ X / len(X) + coef / (C * len(X))).ravel(), (P - Y).mean(axis=0)]


@pytest.mark.parametrize("name", CLF_SETS)
@pytest.mark.parametrize("C", [0.05, 1.0, 20.0])
def test_logistic_reaches_the_unique_optimum(name, C):
    X, y = CLF_SETS[name]
    ours = LogisticRegression(C=C, tol=1e-10, max_iter=500).fit(X, y)
    # optimality certificate: the gradient vanishes
    assert np.abs(_objective_gradient(X, y, ours.coef_, ours.intercept_, C)).max() < 1e-10
    # scikit-learn's exact Newton solver finds the same optimum...
    exact = sk.LogisticRegression(C=C, tol=1e-12, max_iter=1000, solver="newton-cholesky").fit(X, y)
    np.testing.assert_array_equal(ours.classes_, exact.classes_)
    assert ours.coef_.shape == exact.coef_.shape and ours.intercept_.shape == exact.intercept_.shape
    np.testing.assert_allclose(ours.coef_, exact.coef_, atol=1e-7)
    np.testing.assert_allclose(ours.intercept_, exact.intercept_, atol=1e-7)
    # ...and its default lbfgs solver, stopped by its own tolerance, comes within 1e-5
    ref = sk.LogisticRegression(C=C, tol=1e-10, max_iter=10000).fit(X, y)
    np.testing.assert_allclose(ours.coef_, ref.coef_, atol=1e-5)
    np.testing.assert_allclose(ours.intercept_, ref.intercept_, atol=1e-5)
    np.testing.assert_allclose(ours.predict_proba(X), ref.predict_proba(X), atol=1e-5)
    np.testing.assert_allclose(ours.decision_function(X), ref.decision_function(X), atol=1e-4)
    np.testing.assert_array_equal(ours.predict(X), ref.predict(X))
    np.testing.assert_allclose(ours.predict_log_proba(X), np.log(ours.predict_proba(X)), atol=1e-9)


def test_logistic_lbfgs_path_for_many_coefficients(monkeypatch):
    from mlnotes import linear_model

    monkeypatch.setattr(linear_model, "_NEWTON_MAX_PARAMS", 0)  # force L-BFGS
    for name in ("blobs3", "strings4"):
        X, y = CLF_SETS[name]
        ours = LogisticRegression(tol=1e-9, max_iter=1000).fit(X, y)
        exact = sk.LogisticRegression(tol=1e-12, max_iter=1000, solver="newton-cholesky").fit(X, y)
        # L-BFGS, like scipy's, stops once the loss no longer decreases by 64 eps (relative):
        # on these poorly scaled features that leaves ~1e-5 in the coefficients
        assert np.abs(_objective_gradient(X, y, ours.coef_, ours.intercept_, 1.0)).max() < 1e-7
        np.testing.assert_allclose(ours.coef_, exact.coef_, atol=1e-4)
        np.testing.assert_allclose(ours.intercept_, exact.intercept_, atol=1e-4)


@pytest.mark.parametrize("name", ["binary", "noisy3"])
def test_logistic_without_intercept_or_penalty_matches_scikit_learn(name):
    X, y = CLF_SETS[name]
    ours = LogisticRegression(fit_intercept=False, tol=1e-10, max_iter=500).fit(X, y)
    ref = sk.LogisticRegression(fit_intercept=False, tol=1e-12, solver="newton-cholesky").fit(X, y)
    np.testing.assert_allclose(ours.coef_, ref.coef_, atol=1e-7)
    assert np.all(ours.intercept_ == 0)
    # no penalty (scikit-learn: C = inf) on data that are not separable
    ours = LogisticRegression(penalty=None, tol=1e-10, max_iter=500).fit(X, y)
    ref = sk.LogisticRegression(C=np.inf, tol=1e-12, solver="newton-cholesky").fit(X, y)
    np.testing.assert_allclose(ours.coef_, ref.coef_, atol=1e-7)
    np.testing.assert_allclose(ours.intercept_, ref.intercept_, atol=1e-7)


def test_default_tolerance_is_close_to_the_optimum():
    for name in ("binary", "blobs3"):
        X, y = CLF_SETS[name]
        tight = LogisticRegression(tol=1e-10, max_iter=500).fit(X, y)
        default = LogisticRegression().fit(X, y)
        np.testing.assert_allclose(default.coef_, tight.coef_, atol=5e-3)


def test_logistic_hand_checked_one_weight():
    # x = -1 (class 0), x = +1 (class 1), no intercept, C = 1:
    # minimise w^2/2 + 2 log(1 + exp(-w))  =>  w = 2 sigmoid(-w)
    w_star = brentq(lambda w: w - 2.0 / (1.0 + np.exp(w)), 0.0, 5.0, xtol=1e-14)
    model = LogisticRegression(fit_intercept=False, tol=1e-12).fit([[-1.0], [1.0]], [0, 1])
    assert model.coef_[0, 0] == pytest.approx(w_star, abs=1e-10)
    assert model.predict_proba([[1.0]])[0, 1] == pytest.approx(1.0 / (1.0 + np.exp(-w_star)))


def test_logistic_probabilities_and_symmetry():
    X, y = CLF_SETS["blobs3"]
    model = LogisticRegression().fit(X, y)
    proba = model.predict_proba(X)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert model.decision_function(X).shape == (len(X), 3)
    # multinomial coefficients of an L2-penalised softmax sum to zero over classes
    np.testing.assert_allclose(model.coef_.sum(axis=0), 0.0, atol=1e-8)
    # relabelling the classes permutes the rows of coef_
    relabelled = LogisticRegression().fit(X, 2 - y)
    np.testing.assert_allclose(relabelled.coef_, model.coef_[::-1], atol=1e-6)
    # row order of the training data does not matter
    perm = np.random.default_rng(0).permutation(len(X))
    np.testing.assert_allclose(LogisticRegression(tol=1e-10).fit(X[perm], y[perm]).coef_,
                               LogisticRegression(tol=1e-10).fit(X, y).coef_, atol=1e-8)


def test_logistic_warns_when_max_iter_is_reached():
    X, y = CLF_SETS["blobs3"]
    with pytest.warns(ConvergenceWarning, match="did not converge in max_iter=2"):
        LogisticRegression(max_iter=2).fit(X, y)
    with pytest.warns(ConvergenceWarning):
        LogisticRegression(max_iter=1, tol=0.0).fit(*CLF_SETS["binary"])
    assert issubclass(ConvergenceWarning, UserWarning)


def test_logistic_bad_input():
    X, y = [[0.0], [1.0], [2.0]], [0, 1, 1]
    with pytest.raises(ValueError, match="not fitted yet"):
        LogisticRegression().predict_proba(X)
    with pytest.raises(ValueError, match="only one class: \\[1\\]"):
        LogisticRegression().fit(X, [1, 1, 1])
    with pytest.raises(ValueError, match="penalty must be one of 'l2', None; got 'l1'"):
        LogisticRegression(penalty="l1").fit(X, y)
    with pytest.raises(ValueError, match="C must be > 0"):
        LogisticRegression(C=0.0).fit(X, y)
    with pytest.raises(ValueError, match="continuous"):
        LogisticRegression().fit(X, [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        LogisticRegression().fit(X, [0, 1])
    with pytest.raises(ValueError, match="infinity"):
        LogisticRegression().fit([[0.0], [np.inf], [1.0]], y)
    with pytest.raises(ValueError, match="Expected 2D array"):
        LogisticRegression().fit([0.0, 1.0, 2.0], y)
    with pytest.raises(ValueError, match="X has 3 features, but LogisticRegression is expecting 1 features"):
        LogisticRegression().fit(X, y).predict([[0.0, 1.0, 2.0]])


# ---------------------------------------------------------------- the optimizers


def test_optimizers_minimise_a_quadratic_and_rosenbrock():
    rng = np.random.default_rng(0)
    A = rng.normal(size=(6, 6))
    H, b = A @ A.T + np.eye(6), rng.normal(size=6)  # f = x'Hx/2 - b'x, minimum H^-1 b

    def quad(x):
        return 0.5 * x @ H @ x - b @ x, H @ x - b

    expected = np.linalg.solve(H, b)
    x, n_iter, ok = newton(quad, lambda x: H, np.zeros(6), max_iter=5, tol=1e-12)
    assert ok and n_iter == 1
    np.testing.assert_allclose(x, expected, atol=1e-12)
    x, _, ok = lbfgs(quad, np.zeros(6), max_iter=200, tol=1e-10)
    assert ok
    np.testing.assert_allclose(x, expected, atol=1e-9)

    def rosen(x):
        f = 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2
        g = np.array([-400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]), 200 * (x[1] - x[0] ** 2)])
        return f, g

    x, _, ok = lbfgs(rosen, np.array([-1.2, 1.0]), max_iter=500, tol=1e-9)
    assert ok
    np.testing.assert_allclose(x, [1.0, 1.0], atol=1e-6)


# ---------------------------------------------------------------- properties (hypothesis)

finite = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def regression_data(draw):
    n, d = draw(st.integers(1, 8)), draw(st.integers(1, 3))
    X = draw(hnp.arrays(np.float64, (n, d), elements=finite))
    y = draw(hnp.arrays(np.float64, (n,), elements=finite))
    return X, y


@settings(max_examples=30, deadline=None)
@given(regression_data(), st.sampled_from(["lstsq", "gd"]))
def test_property_linear_regression_result_or_clean_error(data, solver):
    X, y = data
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        warnings.simplefilter("ignore", ConvergenceWarning)
        try:
            model = LinearRegression(solver=solver, max_iter=50).fit(X, y)
            pred = model.predict(X)
        except (ValueError, TypeError) as exc:
            assert str(exc)
            return
    assert pred.shape == y.shape and np.isfinite(pred).all()
    assert np.isfinite(model.coef_).all() and np.isfinite(model.intercept_)


@st.composite
def classification_data(draw):
    n, d = draw(st.integers(1, 8)), draw(st.integers(1, 3))
    X = draw(hnp.arrays(np.float64, (n, d), elements=finite))
    y = draw(hnp.arrays(np.int64, (n,), elements=st.integers(0, 2)))
    return X, y


@settings(max_examples=30, deadline=None)
@given(classification_data(), st.sampled_from([0.01, 1.0, 100.0]))
def test_property_logistic_result_or_clean_error(data, C):
    X, y = data
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        warnings.simplefilter("ignore", ConvergenceWarning)
        try:
            model = LogisticRegression(C=C).fit(X, y)
            proba, pred = model.predict_proba(X), model.predict(X)
        except (ValueError, TypeError) as exc:
            assert str(exc)
            return
    assert len(np.unique(y)) >= 2
    assert proba.shape == (len(X), len(model.classes_)) and np.isfinite(proba).all()
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    top2 = np.sort(proba, axis=1)[:, -2:]
    clear = top2[:, 1] - top2[:, 0] > 1e-9  # a near-tie may round either way
    np.testing.assert_array_equal(pred[clear], model.classes_[proba.argmax(axis=1)][clear])


# ---------------------------------------------------------------- the benchmark script


@pytest.mark.slow
def test_benchmark_quick_mode_prints_a_table(capsys):
    bench = load_benchmark("bench_supervised")
    bench.main(["--quick"])
    out = capsys.readouterr().out
    for case in ("KNeighborsClassifier", "LinearRegression", "GaussianNB", "LogisticRegression"):
        assert case in out
    assert "ratio" in out and "target" in out
