"""SVC vs scikit-learn's LIBSVM, hand-checked duals, KKT conditions, solver paths, bad input."""
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sklearn import datasets as skd
from sklearn import svm as sk

import mlnotes.svm as svm
from mlnotes._validation import ConvergenceWarning, NotFittedError
from mlnotes.svm import SVC

BINARY_SETS = {
    "classification": skd.make_classification(300, 5, random_state=0),
    "moons": skd.make_moons(200, noise=0.25, random_state=1),
    "circles": skd.make_circles(200, noise=0.1, factor=0.5, random_state=2),
}
MULTI_SETS = {
    "blobs": skd.make_blobs(300, n_features=4, centers=4, cluster_std=3.0, random_state=0),
    "iris": skd.load_iris(return_X_y=True),
}
KERNELS = [{}, {"kernel": "linear", "C": 0.5}, {"kernel": "poly", "degree": 2, "coef0": 1.0, "gamma": "auto"},
           {"C": 10.0, "gamma": 0.5}]


def _queries(X):
    return X + np.random.default_rng(0).normal(0, 0.3, X.shape)


@pytest.mark.parametrize("name", BINARY_SETS)
@pytest.mark.parametrize("kw", KERNELS)
def test_binary_matches_libsvm(name, kw):
    """Same working-set rule and float32 kernel cache as LIBSVM (scikit-learn's SVC with
    shrinking=False): the same path, so the same solution up to rounding."""
    X, y = BINARY_SETS[name]
    ours = SVC(**kw).fit(X, y)
    ref = sk.SVC(shrinking=False, **kw).fit(X, y)
    Q = _queries(X)
    scale = np.abs(ref.decision_function(Q)).max()
    np.testing.assert_allclose(ours.decision_function(Q), ref.decision_function(Q), atol=1e-6 * scale)
    np.testing.assert_array_equal(ours.predict(Q), ref.predict(Q))
    np.testing.assert_array_equal(ours.support_, ref.support_)
    np.testing.assert_array_equal(ours.n_support_, ref.n_support_)
    np.testing.assert_allclose(ours.dual_coef_, ref.dual_coef_, atol=1e-6 * ours.C)
    np.testing.assert_allclose(ours.intercept_, ref.intercept_, atol=1e-6 * scale)
    np.testing.assert_allclose(ours.support_vectors_, ref.support_vectors_)


@pytest.mark.parametrize("name", {**BINARY_SETS, **MULTI_SETS})
@pytest.mark.parametrize("kw", KERNELS[:3])
def test_matches_scikit_learn_defaults(name, kw):
    """Against the default (shrinking) solver both stop within tol = 1e-3 of the optimum."""
    X, y = {**BINARY_SETS, **MULTI_SETS}[name]
    ours = SVC(decision_function_shape="ovo", **kw).fit(X, y)
    ref = sk.SVC(decision_function_shape="ovo", **kw).fit(X, y)
    Q = _queries(X)
    d_ours, d_ref = ours.decision_function(Q), ref.decision_function(Q)
    np.testing.assert_allclose(d_ours, d_ref, atol=1e-3 * np.abs(d_ref).max())
    assert np.mean(ours.predict(Q) == ref.predict(Q)) >= 0.995
    assert ours.dual_coef_.shape[0] == ref.dual_coef_.shape[0] == len(ref.classes_) - 1
    assert abs(len(ours.support_) - len(ref.support_)) <= 0.02 * len(ref.support_) + 1


@pytest.mark.parametrize("name", MULTI_SETS)
def test_multiclass_layout_and_ovr_aggregation(name):
    X, y = MULTI_SETS[name]
    ours = SVC(C=2.0, tol=1e-6).fit(X, y)
    ref = sk.SVC(C=2.0, tol=1e-6).fit(X, y)
    np.testing.assert_array_equal(ours.support_, ref.support_)
    np.testing.assert_array_equal(ours.n_support_, ref.n_support_)
    np.testing.assert_allclose(ours.dual_coef_, ref.dual_coef_, atol=1e-4)
    np.testing.assert_allclose(ours.intercept_, ref.intercept_, atol=1e-4)
    Q = _queries(X)
    np.testing.assert_allclose(ours.decision_function(Q), ref.decision_function(Q), atol=1e-4)  # "ovr"
    np.testing.assert_array_equal(ours.predict(Q), ref.predict(Q))
    labels = np.array(["a", "b", "c", "d"])[y]
    assert set(SVC().fit(X, labels).predict(Q)) <= set(labels)


def test_linear_coef_matches_scikit_learn():
    for X, y in (BINARY_SETS["classification"], MULTI_SETS["iris"]):
        ours, ref = SVC(kernel="linear").fit(X, y), sk.SVC(kernel="linear", shrinking=False).fit(X, y)
        np.testing.assert_allclose(ours.coef_, ref.coef_, atol=1e-6)
    with pytest.raises(AttributeError, match="linear kernel"):
        _ = SVC().fit(X, y).coef_


def test_hand_checked_two_points():
    # x = -1 (class 0) and x = +1 (class 1), linear kernel: the dual max 2a - 2a^2 gives
    # a = 1/2, w = sum a_i y_i x_i = 1, b = 0, so f(x) = x and the margin is 1/|w| = 1.
    X, y = np.array([[-1.0], [1.0]]), np.array([0, 1])
    clf = SVC(kernel="linear", C=10.0).fit(X, y)
    np.testing.assert_allclose(clf.dual_coef_, [[-0.5, 0.5]])
    np.testing.assert_allclose(clf.coef_, [[1.0]])
    np.testing.assert_allclose(clf.decision_function([[-2.0], [0.25]]), [-2.0, 0.25], atol=1e-12)
    # with C = 0.1 < 1/2 both multipliers sit at the bound: w = 2C = 0.2, b = 0 by symmetry
    soft = SVC(kernel="linear", C=0.1).fit(X, y)
    np.testing.assert_allclose(soft.dual_coef_, [[-0.1, 0.1]])
    np.testing.assert_allclose(soft.decision_function([[1.0]]), [0.2], atol=1e-12)


@pytest.mark.parametrize("kw", KERNELS)
def test_kkt_conditions_hold_within_tol(kw):
    X, y = BINARY_SETS["moons"]
    clf = SVC(tol=1e-4, **kw).fit(X, y)
    yf = np.where(y == clf.classes_[1], 1.0, -1.0) * clf.decision_function(X)
    alpha = np.zeros(len(y))
    alpha[clf.support_] = np.abs(clf.dual_coef_[0])
    C, tol = clf.C, 1e-3
    assert np.all(yf[alpha == 0] >= 1 - tol)  # outside the margin
    assert np.all(np.abs(yf[(alpha > 0) & (alpha < C)] - 1) <= tol)  # on the margin
    assert np.all(yf[alpha == C] <= 1 + tol)  # inside the margin or misclassified
    assert abs(np.sum(clf.dual_coef_)) < 1e-10  # sum_i y_i alpha_i = 0


def test_row_order_does_not_change_the_solution():
    X, y = BINARY_SETS["classification"]
    perm = np.random.default_rng(3).permutation(len(y))
    a, b = SVC(tol=1e-6).fit(X, y), SVC(tol=1e-6).fit(X[perm], y[perm])
    Q = _queries(X)
    np.testing.assert_allclose(a.decision_function(Q), b.decision_function(Q), atol=1e-4)
    np.testing.assert_array_equal(np.sort(perm[b.support_]), np.sort(a.support_))


def test_kernel_rows_on_demand_and_cache_give_the_same_solution(monkeypatch):
    X, y = MULTI_SETS["iris"]
    full = SVC(C=0.5).fit(X, y)
    monkeypatch.setattr(svm, "_FULL_KERNEL_MAX", 20)  # rows computed when needed ...
    monkeypatch.setattr(svm, "_CACHE_BYTES", 4 * 100 * 8)  # ... and the LRU cache keeps 8 rows
    lazy = SVC(C=0.5).fit(X, y)
    np.testing.assert_array_equal(lazy.support_, full.support_)
    np.testing.assert_allclose(lazy.decision_function(X), full.decision_function(X), atol=1e-6)


def test_kernels_by_hand():
    A, B = np.array([[1.0, 2.0]]), np.array([[0.0, 1.0], [2.0, -1.0]])
    np.testing.assert_allclose(svm._kernel(A, B, "rbf", 0.5, 3, 0.0), np.exp(-0.5 * np.array([[2.0, 10.0]])))
    np.testing.assert_allclose(svm._kernel(A, B, "poly", 0.5, 2, 1.0), [[(0.5 * 2 + 1) ** 2, (0.5 * 0 + 1) ** 2]])
    np.testing.assert_allclose(svm._kernel(A, B, "linear", 0.5, 2, 1.0), [[2.0, 0.0]])


def test_gamma_options():
    X, y = BINARY_SETS["moons"]
    assert SVC(gamma="auto").fit(X, y)._gamma == 0.5
    assert SVC().fit(X, y)._gamma == pytest.approx(1 / (2 * X.var()))
    for gamma in ("auto", 0.3):
        np.testing.assert_allclose(SVC(gamma=gamma).fit(X, y).decision_function(X),
                                   sk.SVC(gamma=gamma, shrinking=False).fit(X, y).decision_function(X),
                                   atol=1e-6)
    constant = SVC().fit(np.ones((4, 2)), [0, 1, 0, 1])  # X.var() == 0 -> gamma = 1
    assert constant._gamma == 1.0 and set(constant.predict(np.ones((2, 2)))) <= {0, 1}


def test_max_iter_warns():
    X, y = BINARY_SETS["circles"]
    with pytest.warns(ConvergenceWarning, match="max_iter=5"):
        clf = SVC(max_iter=5).fit(X, y)
    assert clf.n_iter_.tolist() == [5]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        SVC().fit(X, y)


def test_bad_input():
    X, y = BINARY_SETS["moons"]
    with pytest.raises(ValueError, match="at least 2 classes"):
        SVC().fit(X, np.zeros(len(y)))
    with pytest.raises(ValueError, match="C must be > 0.0"):
        SVC(C=0.0).fit(X, y)
    with pytest.raises(ValueError, match="kernel must be one of"):
        SVC(kernel="sigmoid").fit(X, y)
    with pytest.raises(ValueError, match="gamma must be one of"):
        SVC(gamma="large").fit(X, y)
    with pytest.raises(ValueError, match="gamma must be >= 0.0"):
        SVC(gamma=-1.0).fit(X, y)
    with pytest.raises(TypeError, match="gamma must be"):
        SVC(gamma=None).fit(X, y)
    with pytest.raises(TypeError, match="degree must be an int"):
        SVC(degree=2.5).fit(X, y)
    with pytest.raises(ValueError, match="max_iter must be -1"):
        SVC(max_iter=0).fit(X, y)
    with pytest.raises(ValueError, match="tol must be > 0.0"):
        SVC(tol=0.0).fit(X, y)
    with pytest.raises(ValueError, match="decision_function_shape must be one of"):
        SVC(decision_function_shape="ova").fit(X, y)
    with pytest.raises(TypeError, match="random_state"):
        SVC(random_state=1.5).fit(X, y)
    with pytest.raises(ValueError, match="continuous values"):
        SVC().fit(X, X[:, 0])
    with pytest.raises(ValueError, match="NaN"):
        SVC().fit(np.where(X > 1, np.nan, X), y)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        SVC().fit(X, y[:10])
    with pytest.raises(ValueError, match="Expected 2D array"):
        SVC().fit(X[:, 0], y)
    with pytest.raises(NotFittedError):
        SVC().decision_function(X)
    clf = SVC().fit(X, y)
    with pytest.raises(ValueError, match="X has 3 features, but SVC is expecting 2 features"):
        clf.predict(np.zeros((1, 3)))
    with pytest.raises(ValueError, match="too large"):
        SVC(kernel="poly", gamma=1.0).fit(X * 1e120, y)


floats = st.floats(-1e3, 1e3, allow_subnormal=False) | st.sampled_from([np.nan, np.inf, 0.0])


@settings(max_examples=30, deadline=None)
@given(data=st.data(), n=st.integers(1, 20), d=st.integers(1, 3),
       kernel=st.sampled_from(["rbf", "linear", "poly"]), C=st.sampled_from([0.1, 1.0, 100.0]),
       n_classes=st.integers(1, 3))
def test_svc_properties(data, n, d, kernel, C, n_classes):
    X = data.draw(hnp.arrays(np.float64, (n, d), elements=floats))
    y = data.draw(hnp.arrays(np.int64, n, elements=st.integers(0, n_classes - 1)))
    clf = SVC(kernel=kernel, C=C, max_iter=10_000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf.fit(X, y)
    except (ValueError, TypeError):
        assert not np.isfinite(X).all() or len(np.unique(y)) < 2
        return
    assert set(clf.predict(X)) <= set(y)
    assert np.all(np.abs(clf.dual_coef_) <= C * (1 + 1e-12))
    assert clf.n_support_.sum() == len(clf.support_) <= n
    values = clf.decision_function(X)
    assert np.isfinite(values).all()
