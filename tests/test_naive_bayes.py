"""GaussianNB and MultinomialNB vs scikit-learn, the IIR textbook example, invariances, bad input."""
import warnings

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import norm
from sklearn import naive_bayes as sk

from mlnotes.datasets import make_blobs, make_moons
from mlnotes.naive_bayes import GaussianNB, MultinomialNB


def _gaussian_sets():
    rng = np.random.default_rng(0)
    X_blobs, y_blobs = make_blobs(150, n_features=4, centers=3, cluster_std=[1.0, 2.0, 0.5], random_state=0)
    X_moons, y_moons = make_moons(120, noise=0.25, random_state=1)
    X_off = rng.normal(size=(100, 3)) * [1e-3, 1.0, 1e3] + [1e4, 0.0, -5.0]  # mixed scales
    y_off = np.where(rng.random(100) < 0.3, "rare", "common")
    return {"blobs": (X_blobs, y_blobs), "moons": (X_moons, y_moons), "scales": (X_off, y_off)}


GAUSSIAN_SETS = _gaussian_sets()


@pytest.mark.parametrize("name", GAUSSIAN_SETS)
@pytest.mark.parametrize("var_smoothing", [1e-9, 1e-2])
def test_gaussian_nb_matches_scikit_learn(name, var_smoothing):
    X, y = GAUSSIAN_SETS[name]
    Q = X[::3] + 0.1
    ours = GaussianNB(var_smoothing=var_smoothing).fit(X, y)
    ref = sk.GaussianNB(var_smoothing=var_smoothing).fit(X, y)
    for attr in ("classes_", "class_count_", "class_prior_", "theta_", "var_"):
        np.testing.assert_allclose(getattr(ours, attr), getattr(ref, attr), rtol=1e-12) if attr != "classes_" \
            else np.testing.assert_array_equal(ours.classes_, ref.classes_)
    assert ours.epsilon_ == pytest.approx(ref.epsilon_, rel=1e-12)
    np.testing.assert_allclose(ours.predict_log_proba(Q), ref.predict_log_proba(Q), rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(ours.predict_proba(Q), ref.predict_proba(Q), atol=1e-10)
    np.testing.assert_array_equal(ours.predict(Q), ref.predict(Q))


def test_gaussian_nb_with_priors_matches_scikit_learn():
    X, y = GAUSSIAN_SETS["blobs"]
    ours = GaussianNB(priors=[0.6, 0.3, 0.1]).fit(X, y)
    ref = sk.GaussianNB(priors=[0.6, 0.3, 0.1]).fit(X, y)
    np.testing.assert_allclose(ours.predict_log_proba(X), ref.predict_log_proba(X), atol=1e-10)


def test_gaussian_nb_hand_checked_with_scipy_densities():
    X = np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 0.0], [6.0, 2.0], [8.0, 1.0]])
    y = np.array([0, 0, 1, 1, 1])
    nb = GaussianNB(var_smoothing=0.0).fit(X, y)
    q = np.array([3.0, 1.5])
    joint = []
    for c in (0, 1):
        Xc = X[y == c]
        mu, sd = Xc.mean(axis=0), Xc.std(axis=0)  # maximum-likelihood (biased) variance
        joint.append(np.mean(y == c) * np.prod(norm.pdf(q, mu, sd)))
    np.testing.assert_allclose(nb.predict_proba([q])[0], np.array(joint) / np.sum(joint), rtol=1e-12)


def _count_sets():
    rng = np.random.default_rng(1)
    rates = rng.gamma(1.0, 2.0, size=(3, 8))
    y = rng.integers(0, 3, 120)
    X = rng.poisson(rates[y])
    return X, y


@pytest.mark.parametrize("alpha", [1.0, 0.1, 2.5])
@pytest.mark.parametrize("fit_prior", [True, False])
def test_multinomial_nb_matches_scikit_learn(alpha, fit_prior):
    X, y = _count_sets()
    ours = MultinomialNB(alpha=alpha, fit_prior=fit_prior).fit(X, y)
    ref = sk.MultinomialNB(alpha=alpha, fit_prior=fit_prior).fit(X, y)
    for attr in ("class_count_", "feature_count_", "class_log_prior_", "feature_log_prob_"):
        np.testing.assert_allclose(getattr(ours, attr), getattr(ref, attr), rtol=1e-12)
    np.testing.assert_allclose(ours.predict_log_proba(X), ref.predict_log_proba(X), atol=1e-10)
    np.testing.assert_allclose(ours.predict_proba(X), ref.predict_proba(X), atol=1e-10)
    np.testing.assert_array_equal(ours.predict(X), ref.predict(X))
    ours = MultinomialNB(alpha=alpha, class_prior=[0.2, 0.5, 0.3]).fit(X, y)
    ref = sk.MultinomialNB(alpha=alpha, class_prior=[0.2, 0.5, 0.3]).fit(X, y)
    np.testing.assert_allclose(ours.predict_log_proba(X), ref.predict_log_proba(X), atol=1e-10)


def test_multinomial_nb_textbook_example():
    # Manning, Raghavan & Schütze, Introduction to Information Retrieval, Example 13.1.
    # vocabulary: Chinese, Beijing, Shanghai, Macao, Tokyo, Japan
    X = [[2, 1, 0, 0, 0, 0],   # d1 "Chinese Beijing Chinese"  -> c (China)
         [2, 0, 1, 0, 0, 0],   # d2 "Chinese Chinese Shanghai" -> c
         [1, 0, 0, 1, 0, 0],   # d3 "Chinese Macao"            -> c
         [1, 0, 0, 0, 1, 1]]   # d4 "Tokyo Japan Chinese"      -> not c
    nb = MultinomialNB().fit(X, ["c", "c", "c", "j"])
    theta = np.exp(nb.feature_log_prob_)
    # P(Chinese|c) = 6/14, P(Tokyo|c) = P(Japan|c) = 1/14, P(Chinese|~c) = P(Tokyo|~c) = 2/9
    np.testing.assert_allclose(theta[0, [0, 4, 5]], [6 / 14, 1 / 14, 1 / 14])
    np.testing.assert_allclose(theta[1, [0, 4, 5]], [2 / 9, 2 / 9, 2 / 9])
    d5 = [[3, 0, 0, 0, 1, 1]]  # "Chinese Chinese Chinese Tokyo Japan"
    score_c = 3 / 4 * (3 / 7) ** 3 * (1 / 14) ** 2    # ≈ 0.0003 in the book
    score_j = 1 / 4 * (2 / 9) ** 3 * (2 / 9) ** 2     # ≈ 0.0001
    np.testing.assert_allclose(nb.predict_proba(d5)[0], [score_c, score_j] / np.sum([score_c, score_j]))
    assert nb.predict(d5)[0] == "c"


@pytest.mark.parametrize("Est", [GaussianNB, MultinomialNB])
def test_probabilities_sum_to_one_and_row_order_does_not_matter(Est):
    X, y = _count_sets()
    perm = np.random.default_rng(3).permutation(len(y))
    a, b = Est().fit(X, y), Est().fit(X[perm], y[perm])
    np.testing.assert_allclose(a.predict_proba(X).sum(axis=1), 1.0)
    np.testing.assert_allclose(a.predict_log_proba(X), b.predict_log_proba(X), atol=1e-9)


@pytest.mark.parametrize("Est", [GaussianNB, MultinomialNB])
def test_bad_input_is_explained(Est):
    X, y = [[0.0, 1.0], [1.0, 2.0], [2.0, 0.0]], [0, 1, 1]
    with pytest.raises(ValueError, match="not fitted yet"):
        Est().predict(X)
    with pytest.raises(ValueError, match="Expected 2D array"):
        Est().fit([0.0, 1.0, 2.0], y)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        Est().fit(X, [0, 1])
    with pytest.raises(ValueError, match="NaN"):
        Est().fit([[0.0, 1.0], [np.nan, 1.0], [1.0, 1.0]], y)
    with pytest.raises(ValueError, match="0 sample"):
        Est().fit(np.empty((0, 2)), [])
    with pytest.raises(ValueError, match="only one class: \\['a'\\]"):
        Est().fit(X, ["a", "a", "a"])
    with pytest.raises(ValueError, match="X has 3 features, but .* is expecting 2 features"):
        Est().fit(X, y).predict([[0.0, 1.0, 2.0]])
    with pytest.raises(ValueError, match="continuous"):
        Est().fit(X, [0.5, 1.0, 2.0])


def test_naive_bayes_parameter_errors():
    X, y = [[0.0, 1.0], [1.0, 2.0], [2.0, 0.0]], [0, 1, 1]
    with pytest.raises(ValueError, match="var_smoothing must be >= 0"):
        GaussianNB(var_smoothing=-1.0).fit(X, y)
    with pytest.raises(ValueError, match="priors must have one entry per class, shape \\(2,\\); got shape \\(3,\\)"):
        GaussianNB(priors=[0.2, 0.3, 0.5]).fit(X, y)
    with pytest.raises(ValueError, match="priors must be non-negative and sum to 1"):
        GaussianNB(priors=[0.2, 0.3]).fit(X, y)
    with pytest.raises(ValueError, match="zero variance for feature 0 in class 0"):
        GaussianNB().fit([[1.0], [1.0], [1.0]], y)
    with pytest.raises(ValueError, match="alpha must be > 0"):
        MultinomialNB(alpha=0.0).fit(X, y)
    with pytest.raises(TypeError, match="fit_prior must be a bool"):
        MultinomialNB(fit_prior="yes").fit(X, y)
    with pytest.raises(ValueError, match=r"Negative values in data passed to MultinomialNB \(minimum -1.0\)"):
        MultinomialNB().fit([[0.0, -1.0], [1.0, 2.0], [2.0, 0.0]], y)
    with pytest.raises(ValueError, match="non-negative counts"):
        MultinomialNB().fit(X, y).predict([[-3.0, 1.0]])
    with pytest.raises(ValueError, match="class_prior must be non-negative and sum to 1"):
        MultinomialNB(class_prior=[-0.5, 1.5]).fit(X, y)


finite = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def data(draw, elements):
    n, d = draw(st.integers(1, 10)), draw(st.integers(1, 3))
    X = draw(hnp.arrays(np.float64, (n, d), elements=elements))
    y = draw(hnp.arrays(np.int64, (n,), elements=st.integers(0, 2)))
    Q = draw(hnp.arrays(np.float64, (draw(st.integers(1, 4)), d), elements=elements))
    return X, y, Q


def _check_result_or_clean_error(model, X, y, Q):
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        try:
            model.fit(X, y)
            proba, log_proba, pred = model.predict_proba(Q), model.predict_log_proba(Q), model.predict(Q)
        except (ValueError, TypeError) as exc:
            assert str(exc)
            return
    assert len(np.unique(y)) >= 2
    assert proba.shape == (len(Q), len(model.classes_)) and np.isfinite(proba).all()
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert not np.isnan(log_proba).any() and (log_proba <= 1e-12).all()
    assert set(pred) <= set(y.tolist())


@settings(max_examples=30, deadline=None)
@given(data(finite))
def test_property_gaussian_nb_result_or_clean_error(case):
    _check_result_or_clean_error(GaussianNB(), *case)


@settings(max_examples=30, deadline=None)
@given(data(finite))
def test_property_multinomial_nb_result_or_clean_error(case):
    _check_result_or_clean_error(MultinomialNB(), *case)
