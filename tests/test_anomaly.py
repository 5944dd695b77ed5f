"""Tests for mlnotes.anomaly: z-score rule and isolation forest vs scikit-learn and hand cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from sklearn import ensemble as sk_ensemble
from sklearn.ensemble._iforest import _average_path_length
from sklearn.metrics import roc_auc_score

from mlnotes._validation import NotFittedError
from mlnotes.anomaly import IsolationForest, ZScoreDetector, average_path_length
from mlnotes.datasets import make_outliers


# ------------------------------------------------------------------------------ z-score rule
def test_zscore_matches_scipy():
    X = np.random.default_rng(0).normal(size=(50, 3)) * [1.0, 5.0, 0.2]
    det = ZScoreDetector(threshold=2.0).fit(X)
    z = stats.zscore(X, axis=0)
    np.testing.assert_allclose(det.score_samples(X), -np.abs(z).max(axis=1), atol=1e-12)
    np.testing.assert_array_equal(det.predict(X), np.where(np.abs(z).max(axis=1) > 2.0, -1, 1))
    assert det.offset_ == -2.0
    np.testing.assert_allclose(det.decision_function(X), det.score_samples(X) + 2.0)


def test_zscore_hand_example():
    # mean 14/7 = 2, std sqrt(24/7) = 1.852: only z(6) = 4 / 1.852 = 2.16 exceeds 1.9
    X = np.array([[0.0], [1.0], [1.0], [1.0], [2.0], [3.0], [6.0]])
    det = ZScoreDetector(threshold=1.9).fit(X)
    assert det.mean_[0] == pytest.approx(2.0)
    assert det.scale_[0] == pytest.approx(np.sqrt((4 + 1 + 1 + 1 + 0 + 1 + 16) / 7))
    assert det.predict(X).tolist() == [1, 1, 1, 1, 1, 1, -1]
    assert det.fit_predict(X).tolist() == [1, 1, 1, 1, 1, 1, -1]


def test_zscore_constant_feature_is_not_divided_by_zero():
    X = np.c_[np.ones(10), np.arange(10.0)]
    det = ZScoreDetector().fit(X)
    assert det.scale_[0] == 1.0
    assert np.isfinite(det.score_samples(X)).all()


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 40), d=st.integers(1, 4), seed=st.integers(0, 10**6),
       threshold=st.floats(0.5, 4.0))
def test_zscore_is_invariant_to_per_feature_affine_maps(n, d, seed, threshold):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    scale, shift = rng.uniform(0.5, 3.0, size=d), rng.normal(size=d) * 10
    a = ZScoreDetector(threshold=threshold).fit(X)
    b = ZScoreDetector(threshold=threshold).fit(X * scale + shift)
    np.testing.assert_allclose(b.score_samples(X * scale + shift), a.score_samples(X), atol=1e-8)
    s = a.score_samples(X)
    assert (s <= 0).all()
    np.testing.assert_array_equal(a.predict(X), np.where(s < -threshold, -1, 1))


# ---------------------------------------------------------------------------- isolation forest
def test_average_path_length_matches_sklearn_and_hand_values():
    n = np.array([1, 2, 3, 10, 256, 10000])
    np.testing.assert_allclose(average_path_length(n), _average_path_length(n), rtol=1e-12)
    # c(3) = 2 (ln 2 + gamma) - 4/3
    assert average_path_length(3) == pytest.approx(2 * (np.log(2) + 0.5772156649015329) - 4 / 3)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_isolation_forest_finds_planted_outliers_like_sklearn(seed):
    X, is_outlier = make_outliers(400, 20, n_features=3, random_state=seed)
    ours = IsolationForest(random_state=seed).fit(X).score_samples(X)
    ref = sk_ensemble.IsolationForest(random_state=seed).fit(X).score_samples(X)
    auc, ref_auc = roc_auc_score(is_outlier, -ours), roc_auc_score(is_outlier, -ref)
    assert auc >= 0.95
    assert abs(auc - ref_auc) <= 0.02
    # same scale as scikit-learn: -2^(-E[h]/c(psi)) with similar values
    assert abs(ours.mean() - ref.mean()) < 0.01
    assert np.corrcoef(ours, ref)[0, 1] > 0.95
    assert ((-1 <= ours) & (ours <= 0)).all()


@pytest.mark.parametrize("contamination", [0.01, 0.05, 0.2, 0.5])
def test_contamination_fraction_is_respected(contamination):
    X, _ = make_outliers(300, 10, random_state=3)
    forest = IsolationForest(contamination=contamination, random_state=0).fit(X)
    flagged = (forest.predict(X) == -1).mean()
    assert abs(flagged - contamination) <= 1.5 / len(X)
    assert forest.offset_ == pytest.approx(np.percentile(forest.score_samples(X), 100 * contamination))
    np.testing.assert_allclose(forest.decision_function(X), forest.score_samples(X) - forest.offset_)


def test_auto_contamination_offset():
    X, is_outlier = make_outliers(300, 10, random_state=4)
    forest = IsolationForest(random_state=0).fit(X)
    assert forest.offset_ == -0.5
    pred = forest.predict(X)
    assert set(pred.tolist()) <= {1, -1}
    assert (pred[is_outlier] == -1).mean() > 0.8


def test_isolation_forest_hand_cases():
    # two distinct samples, psi = 2: every tree splits the root once, each leaf holds one
    # sample at depth 1, so h = 1 = c(2) and s = 2^(-1) for both
    two = IsolationForest(n_estimators=10, random_state=0).fit([[0.0], [1.0]])
    np.testing.assert_allclose(two.score_samples([[0.0], [1.0]]), [-0.5, -0.5])
    # identical samples cannot be split: h = c(psi) at the root, s = 0.5 again
    same = IsolationForest(n_estimators=5, max_samples=8, random_state=0).fit(np.ones((8, 2)))
    np.testing.assert_allclose(same.score_samples(np.ones((3, 2))), -0.5)
    assert same.trees_.feature.tolist() == [-1] * 5


def test_tree_structure_invariants():
    X, _ = make_outliers(300, 10, random_state=5)
    forest = IsolationForest(n_estimators=20, max_samples=64, random_state=1).fit(X)
    assert forest.max_samples_ == 64 and forest.max_depth_ == 6
    t = forest.trees_
    internal = t.feature >= 0
    assert (t.left[internal] > np.flatnonzero(internal)).all()  # children come after parents
    assert (t.right[internal] == t.left[internal] + 1).all()
    assert (t.path_length[internal] == 0).all() and (t.path_length[~internal] > 0).all()
    # the training rows of a tree: leaf sample counts add up to psi; checked via depth bound
    assert t.path_length.max() <= forest.max_depth_ + average_path_length(64)


def test_max_samples_options():
    X = np.random.default_rng(0).normal(size=(100, 2))
    assert IsolationForest(max_samples="auto").fit(X).max_samples_ == 100
    assert IsolationForest(max_samples=500).fit(X).max_samples_ == 100  # clipped to n_samples
    assert IsolationForest(max_samples=0.3).fit(X).max_samples_ == 30
    assert IsolationForest(max_samples=1).fit(X).max_samples_ == 1
    np.testing.assert_allclose(IsolationForest(max_samples=1).fit(X).score_samples(X), -0.5)


def test_random_state_reproducible():
    X, _ = make_outliers(200, 5, random_state=6)
    a = IsolationForest(random_state=3).fit(X).score_samples(X)
    b = IsolationForest(random_state=3).fit(X).score_samples(X)
    c = IsolationForest(random_state=4).fit(X).score_samples(X)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 60), d=st.integers(1, 4), seed=st.integers(0, 10**6))
def test_isolation_forest_properties(n, d, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    forest = IsolationForest(n_estimators=10, random_state=seed).fit(X)
    s = forest.score_samples(X)
    assert ((-1 <= s) & (s <= 0)).all()
    # a sample's score depends on that sample only: batch and one-by-one scoring agree
    one_by_one = np.array([forest.score_samples(x[None])[0] for x in X[:5]])
    np.testing.assert_array_equal(one_by_one, s[:5])
    np.testing.assert_array_equal(forest.predict(X), np.where(s - forest.offset_ < 0, -1, 1))


# -------------------------------------------------------------------------------- datasets
def test_make_outliers_ground_truth():
    X, is_outlier = make_outliers(100, 10, n_features=4, n_clusters=3, random_state=0)
    assert X.shape == (110, 4) and is_outlier.dtype == bool and is_outlier.sum() == 10
    X2, m2 = make_outliers(100, 10, n_features=4, n_clusters=3, random_state=0)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(is_outlier, m2)
    assert (np.abs(X[is_outlier]) <= 10.0).all()  # inside the box
    # each inlier has a close inlier neighbour; planted outliers are far from every inlier
    inl, out = X[~is_outlier], X[is_outlier]
    d_out = np.sqrt(((out[:, None] - inl[None]) ** 2).sum(axis=2)).min(axis=1)
    d_in = ((inl[:, None] - inl[None]) ** 2).sum(axis=2)
    np.fill_diagonal(d_in, np.inf)
    d_in = np.sqrt(d_in.min(axis=1))
    assert np.median(d_out) > 2 * np.median(d_in)
    with pytest.raises(ValueError, match="box=2.0 is too small"):
        make_outliers(10, 2, box=2.0)


# ------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("params, error, match", [
    ({"n_estimators": 0}, ValueError, "n_estimators must be >= 1"),
    ({"contamination": 0.6}, ValueError, "contamination must be <= 0.5"),
    ({"contamination": 0.0}, ValueError, "contamination must be > 0"),
    ({"contamination": "high"}, ValueError, "contamination must be 'auto' or a float"),
    ({"max_samples": 0}, ValueError, "max_samples must be >= 1"),
    ({"max_samples": 1.5}, ValueError, "max_samples must be <= 1"),
    ({"max_samples": "all"}, ValueError, "max_samples must be 'auto'"),
    ({"max_samples": True}, TypeError, "max_samples must be a real number"),
])
def test_isolation_forest_rejects_bad_parameters(params, error, match):
    with pytest.raises(error, match=match):
        IsolationForest(**params).fit(np.random.default_rng(0).normal(size=(20, 2)))


def test_detectors_reject_bad_input():
    for det in (IsolationForest(random_state=0), ZScoreDetector()):
        with pytest.raises(NotFittedError):
            det.score_samples([[0.0, 0.0]])
        with pytest.raises(ValueError, match="Expected 2D array"):
            det.fit([0.0, 1.0])
        with pytest.raises(ValueError, match="NaN"):
            det.fit([[0.0], [np.nan]])
        det.fit(np.random.default_rng(0).normal(size=(20, 2)))
        with pytest.raises(ValueError, match="X has 3 features, but .* is expecting 2 features"):
            det.predict(np.zeros((1, 3)))
    with pytest.raises(ValueError, match="threshold must be > 0"):
        ZScoreDetector(threshold=0.0).fit([[0.0], [1.0]])
    with pytest.raises(TypeError, match="threshold must be a real number"):
        ZScoreDetector(threshold="3").fit([[0.0], [1.0]])
