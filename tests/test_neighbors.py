"""k-NN classifier and regressor vs scikit-learn, hand-checked cases, invariances, bad input."""
import tracemalloc
import warnings

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import neighbors as sk

from mlnotes import neighbors
from mlnotes.datasets import make_blobs, make_moons
from mlnotes.neighbors import KNeighborsClassifier, KNeighborsRegressor


def _datasets():
    rng = np.random.default_rng(0)
    X_blobs, y_blobs = make_blobs(120, n_features=3, centers=4, cluster_std=2.0, random_state=1)
    X_moons, y_moons = make_moons(100, noise=0.3, random_state=2)
    X_rand = rng.normal(size=(150, 6))
    y_rand = np.where(X_rand[:, 0] + rng.normal(scale=0.5, size=150) > 0, "pos", "neg")
    return {"blobs": (X_blobs, y_blobs), "moons": (X_moons, y_moons), "random": (X_rand, y_rand)}


DATASETS = _datasets()


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("weights", ["uniform", "distance"])
@pytest.mark.parametrize("k", [1, 4, 7])
def test_classifier_matches_scikit_learn(name, weights, k):
    X, y = DATASETS[name]
    X_train, y_train, X_test = X[::2], y[::2], X[1::2]
    ours = KNeighborsClassifier(n_neighbors=k, weights=weights).fit(X_train, y_train)
    ref = sk.KNeighborsClassifier(n_neighbors=k, weights=weights, algorithm="brute").fit(X_train, y_train)
    np.testing.assert_array_equal(ours.classes_, ref.classes_)
    np.testing.assert_array_equal(ours.predict(X_test), ref.predict(X_test))
    np.testing.assert_allclose(ours.predict_proba(X_test), ref.predict_proba(X_test), atol=1e-12)
    dist, ind = ours.kneighbors(X_test)
    ref_dist, ref_ind = ref.kneighbors(X_test)
    np.testing.assert_array_equal(ind, ref_ind)
    np.testing.assert_allclose(dist, ref_dist, atol=1e-12)
    assert ours.score(X_test, y[1::2]) == pytest.approx(ref.score(X_test, y[1::2]))


@pytest.mark.parametrize("weights", ["uniform", "distance"])
def test_regressor_matches_scikit_learn(weights):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(200, 4))
    Y = np.column_stack([np.sin(X[:, 0]) + X[:, 1], X[:, 2] ** 2])  # two outputs
    Q = rng.normal(size=(60, 4))
    for y in (Y[:, 0], Y):
        ours = KNeighborsRegressor(n_neighbors=6, weights=weights).fit(X, y)
        ref = sk.KNeighborsRegressor(n_neighbors=6, weights=weights, algorithm="brute").fit(X, y)
        assert ours.predict(Q).shape == ref.predict(Q).shape
        np.testing.assert_allclose(ours.predict(Q), ref.predict(Q), rtol=1e-12, atol=1e-12)


def test_kneighbors_of_training_points_excludes_the_point_itself():
    X, y = DATASETS["blobs"]
    ours = KNeighborsClassifier(n_neighbors=3).fit(X, y)
    ref = sk.KNeighborsClassifier(n_neighbors=3, algorithm="brute").fit(X, y)
    dist, ind = ours.kneighbors()
    ref_dist, ref_ind = ref.kneighbors()
    np.testing.assert_array_equal(ind, ref_ind)
    np.testing.assert_allclose(dist, ref_dist, atol=1e-12)
    assert not (ind == np.arange(len(X))[:, None]).any()
    np.testing.assert_array_equal(ours.kneighbors(X[:5], n_neighbors=2, return_distance=False),
                                  ref.kneighbors(X[:5], n_neighbors=2, return_distance=False))


def test_hand_checked_votes_and_weights():
    X = [[0.0], [1.0], [2.0], [3.0], [10.0]]
    clf = KNeighborsClassifier(n_neighbors=3).fit(X, [0, 0, 1, 1, 1])
    # neighbours of 0.9: 1, 0, 2 -> votes 0, 0, 1
    np.testing.assert_allclose(clf.predict_proba([[0.9]]), [[2 / 3, 1 / 3]])
    # distance weights: neighbours of 2.4 are 2 (d=.4), 3 (d=.6), 1 (d=1.4)
    clf_d = KNeighborsClassifier(n_neighbors=3, weights="distance").fit(X, [0, 0, 1, 1, 1])
    w = np.array([1 / 0.4, 1 / 0.6, 1 / 1.4])
    np.testing.assert_allclose(clf_d.predict_proba([[2.4]]), [[w[2] / w.sum(), w[:2].sum() / w.sum()]])
    # a query equal to a training point takes only that point's label
    np.testing.assert_allclose(clf_d.predict_proba([[1.0]]), [[1.0, 0.0]])
    reg = KNeighborsRegressor(n_neighbors=2, weights="distance").fit(X, [0.0, 1.0, 2.0, 3.0, 4.0])
    # 0.25 lies between 0 (w = 4) and 1 (w = 4/3): (4*0 + 4/3*1) / (16/3) = 0.25
    np.testing.assert_allclose(reg.predict([[0.25], [3.0]]), [0.25, 3.0])
    # ties between equal votes go to the first class, as in scikit-learn
    assert KNeighborsClassifier(n_neighbors=2).fit([[0.0], [1.0]], ["b", "a"]).predict([[0.5]])[0] == "a"


def test_prediction_invariant_to_permuting_training_rows_and_translation():
    X, y = DATASETS["moons"]
    Q = np.random.default_rng(5).uniform(-1, 2, size=(40, 2))
    perm = np.random.default_rng(6).permutation(len(X))
    for weights in ("uniform", "distance"):
        base = KNeighborsClassifier(n_neighbors=5, weights=weights).fit(X, y)
        permuted = KNeighborsClassifier(n_neighbors=5, weights=weights).fit(X[perm], y[perm])
        np.testing.assert_array_equal(base.predict(Q), permuted.predict(Q))
        np.testing.assert_allclose(base.predict_proba(Q), permuted.predict_proba(Q), atol=1e-12)
        shifted = KNeighborsClassifier(n_neighbors=5, weights=weights).fit(X + 3.0, y)
        np.testing.assert_array_equal(base.predict(Q), shifted.predict(Q + 3.0))
        np.testing.assert_allclose(base.predict_proba(Q).sum(axis=1), 1.0)


def test_chunked_distances_agree_and_bound_memory(monkeypatch):
    rng = np.random.default_rng(7)
    X, Q = rng.normal(size=(2000, 5)), rng.normal(size=(1500, 5))
    y = rng.integers(0, 3, 2000)
    full = KNeighborsClassifier(n_neighbors=4).fit(X, y).kneighbors(Q)
    monkeypatch.setattr(neighbors, "_CHUNK_BYTES", 2**20)  # 1 MB blocks: 65 query rows at a time
    model = KNeighborsClassifier(n_neighbors=4).fit(X, y)
    tracemalloc.start()
    chunked = model.kneighbors(Q)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    np.testing.assert_array_equal(chunked[1], full[1])
    np.testing.assert_allclose(chunked[0], full[0])
    ref_dist, ref_ind = sk.NearestNeighbors(n_neighbors=4, algorithm="brute").fit(X).kneighbors(Q)
    np.testing.assert_array_equal(chunked[1], ref_ind)
    np.testing.assert_allclose(chunked[0], ref_dist, atol=1e-12)
    full_matrix = 1500 * 2000 * 8  # 24 MB
    assert peak < 6 * 2**20 < full_matrix


@pytest.mark.parametrize("k", [1, 5, 40])
def test_k_smallest_selection_equals_a_full_stable_sort(k):
    rng = np.random.default_rng(k)
    for scores in (rng.normal(size=(30, 500)), rng.integers(0, 4, size=(30, 500)).astype(float),
                   rng.normal(size=(7, 81)), np.zeros((3, 100))):
        expected = np.argsort(scores, axis=1, kind="stable")[:, :k]  # ties: lower column first
        np.testing.assert_array_equal(neighbors._k_smallest(scores, k), expected)


def test_huge_and_tiny_coordinates_keep_the_neighbours():
    X, y = DATASETS["blobs"]
    Q = X[:10] + 0.3
    base = KNeighborsClassifier(n_neighbors=3, weights="distance").fit(X, y)
    d, i = base.kneighbors(Q)
    for scale in (2.0**600, 2.0**-600):
        model = KNeighborsClassifier(n_neighbors=3, weights="distance").fit(X * scale, y)
        d_s, i_s = model.kneighbors(Q * scale)
        np.testing.assert_array_equal(i_s, i)
        np.testing.assert_allclose(d_s, d * scale, rtol=1e-12)
        np.testing.assert_allclose(model.predict_proba(Q * scale), base.predict_proba(Q), atol=1e-12)


@pytest.mark.parametrize("Est", [KNeighborsClassifier, KNeighborsRegressor])
def test_bad_input_is_explained(Est):
    X, y = [[0.0], [1.0], [2.0]], [0, 1, 1]
    with pytest.raises(ValueError, match="not fitted yet"):
        Est().predict(X)
    with pytest.raises(ValueError, match="Expected 2D array"):
        Est().fit([0.0, 1.0, 2.0], y)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        Est().fit(X, [0, 1])
    with pytest.raises(ValueError, match="NaN"):
        Est().fit([[0.0], [np.nan], [1.0]], y)
    with pytest.raises(ValueError, match="infinity"):
        Est(n_neighbors=1).fit(X, y).predict([[np.inf]])
    with pytest.raises(ValueError, match="0 sample"):
        Est().fit(np.empty((0, 1)), [])
    with pytest.raises(ValueError, match="weights must be one of"):
        Est(weights="gaussian").fit(X, y)
    with pytest.raises(ValueError, match="n_neighbors must be >= 1, got 0"):
        Est(n_neighbors=0).fit(X, y)
    with pytest.raises(TypeError, match="n_neighbors must be an int"):
        Est(n_neighbors=2.5).fit(X, y)
    with pytest.raises(ValueError, match="Expected n_neighbors <= n_samples_fit, but n_neighbors = 5"):
        Est().fit(X, y).predict(X)
    with pytest.raises(ValueError, match="X has 2 features, but .* is expecting 1 features"):
        Est(n_neighbors=1).fit(X, y).predict([[0.0, 1.0]])
    with pytest.raises(TypeError, match="must contain numbers"):
        Est().fit([["a"], ["b"], ["c"]], y)


def test_classifier_label_errors():
    with pytest.raises(ValueError, match="at least 2 classes, but y contains only one class: \\[1\\]"):
        KNeighborsClassifier(n_neighbors=1).fit([[0.0], [1.0]], [1, 1])
    with pytest.raises(ValueError, match="continuous"):
        KNeighborsClassifier(n_neighbors=1).fit([[0.0], [1.0]], [0.5, 1.5])
    with pytest.raises(TypeError, match="mixes label types"):
        KNeighborsClassifier(n_neighbors=1).fit([[0.0], [1.0]], np.array([1, "a"], dtype=object))


finite = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def data(draw, classification):
    n, d = draw(st.integers(1, 10)), draw(st.integers(1, 3))
    X = draw(hnp.arrays(np.float64, (n, d), elements=finite))
    if classification:
        y = draw(hnp.arrays(np.int64, (n,), elements=st.integers(0, 2)))
    else:
        y = draw(hnp.arrays(np.float64, (n,), elements=finite))
    Q = draw(hnp.arrays(np.float64, (draw(st.integers(1, 4)), d), elements=finite))
    return X, y, Q, draw(st.integers(1, 4)), draw(st.sampled_from(["uniform", "distance"]))


@settings(max_examples=30, deadline=None)
@given(data(classification=True))
def test_property_classifier_result_or_clean_error(case):
    X, y, Q, k, weights = case
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        try:
            model = KNeighborsClassifier(n_neighbors=k, weights=weights).fit(X, y)
            proba, pred = model.predict_proba(Q), model.predict(Q)
        except (ValueError, TypeError) as exc:
            assert str(exc)
            return
    assert len(np.unique(y)) >= 2 and k <= len(X)
    assert proba.shape == (len(Q), len(model.classes_)) and np.isfinite(proba).all()
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert set(pred) <= set(y.tolist())
    np.testing.assert_array_equal(pred, model.classes_[proba.argmax(axis=1)])


@settings(max_examples=30, deadline=None)
@given(data(classification=False))
def test_property_regressor_result_or_clean_error(case):
    X, y, Q, k, weights = case
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        try:
            pred = KNeighborsRegressor(n_neighbors=k, weights=weights).fit(X, y).predict(Q)
        except (ValueError, TypeError) as exc:
            assert str(exc)
            return
    assert pred.shape == (len(Q),) and np.isfinite(pred).all()
    # a (weighted) mean of neighbours' targets lies within their range
    slack = 1e-9 * np.abs(y).max()
    with np.errstate(over="ignore"):  # bounds beyond float64 become +-inf, which is fine
        assert (pred >= y.min() - slack).all() and (pred <= y.max() + slack).all()


# ------------------------------------------------------------------ textbook k-NN vs the tuned estimator
@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("k", [1, 4, 7])
def test_textbook_knn_predicts_what_the_classifier_predicts(name, k):
    X, y = DATASETS[name]
    naive = neighbors.knn_predict_naive(X[::2], y[::2], X[1::2], k)
    np.testing.assert_array_equal(naive, KNeighborsClassifier(n_neighbors=k).fit(X[::2], y[::2]).predict(X[1::2]))
    np.testing.assert_array_equal(naive, sk.KNeighborsClassifier(n_neighbors=k, algorithm="brute")
                                  .fit(X[::2], y[::2]).predict(X[1::2]))


@pytest.mark.parametrize("seed", range(4))
def test_textbook_knn_agrees_with_ties_in_distance_and_votes(seed):
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 4, size=(300, 2)).astype(float)  # a small grid: many equal distances
    y = rng.integers(0, 3, 300)
    Q = rng.integers(-1, 5, size=(200, 2)).astype(float)
    for k in (1, 2, 6, 10):  # even k: tied votes too
        ours = KNeighborsClassifier(n_neighbors=k).fit(X, y)
        np.testing.assert_array_equal(neighbors.knn_predict_naive(X, y, Q, k), ours.predict(Q))
        d2 = ((Q[:, None, :] - X[None]) ** 2).sum(axis=2)
        np.testing.assert_array_equal(ours.kneighbors(Q, return_distance=False),
                                      np.argsort(d2, axis=1, kind="stable")[:, :k])


def test_textbook_knn_hand_checked_and_bad_input():
    X = [[0.0], [1.0], [2.0], [3.0]]
    assert neighbors.knn_predict_naive(X, [0, 1, 1, 0], [[0.4], [1.5]], 2).tolist() == [0, 1]  # 0 vs 1 tie -> 0
    with pytest.raises(ValueError, match="n_neighbors"):
        neighbors.knn_predict_naive(X, [0, 1, 1, 0], [[0.4]], 5)
    with pytest.raises(ValueError, match="features"):
        neighbors.knn_predict_naive(X, [0, 1, 1, 0], [[0.4, 1.0]], 1)
