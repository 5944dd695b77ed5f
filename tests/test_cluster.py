"""Tests for mlnotes.cluster: KMeans and DBSCAN against scikit-learn, a loop DBSCAN, hand cases."""

from __future__ import annotations

from collections import deque
from itertools import pairwise

import numpy as np
import pytest
from conftest import load_benchmark
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import cluster as sk_cluster
from sklearn.datasets import make_blobs, make_circles, make_moons
from threadpoolctl import threadpool_limits

from mlnotes import _radius, cluster
from mlnotes._validation import NotFittedError
from mlnotes.cluster import DBSCAN, KMeans


@pytest.fixture(autouse=True)
def _one_thread():
    """scikit-learn's OpenMP threads crawl on a busy shared machine; one thread is plenty here."""
    with threadpool_limits(limits=1):
        yield


# ------------------------------------------------------------------------------------ KMeans
def _datasets():
    X1, _ = make_blobs(400, centers=4, cluster_std=1.0, random_state=0)
    X2, _ = make_blobs(600, n_features=5, centers=6, cluster_std=2.5, random_state=1)
    X3 = make_blobs(500, centers=3, random_state=2)[0] @ np.array([[0.6, -0.6], [-0.4, 0.8]])
    X4, _ = make_moons(300, noise=0.1, random_state=3)
    return [(X1, 4), (X2, 6), (X3, 3), (X4, 5)]


@pytest.mark.parametrize("i", range(4))
def test_kmeans_inertia_within_one_percent_of_sklearn(i):
    X, k = _datasets()[i]
    ours = KMeans(n_clusters=k, random_state=0).fit(X)
    ref = sk_cluster.KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    assert ours.inertia_ <= 1.01 * ref.inertia_


def test_kmeans_matches_sklearn_exactly_from_the_same_initial_centres():
    X, _ = make_blobs(300, centers=5, cluster_std=2.0, random_state=4)
    init = X[[0, 10, 20, 30, 40]]
    ours = KMeans(n_clusters=5, init=init, n_init=1).fit(X)
    ref = sk_cluster.KMeans(n_clusters=5, init=init, n_init=1, algorithm="lloyd").fit(X)
    np.testing.assert_allclose(ours.cluster_centers_, ref.cluster_centers_, atol=1e-10)
    np.testing.assert_array_equal(ours.labels_, ref.labels_)
    assert ours.n_iter_ == ref.n_iter_
    assert ours.inertia_ == pytest.approx(ref.inertia_, rel=1e-12)
    np.testing.assert_allclose(ours.transform(X), ref.transform(X), atol=1e-9)


def test_kmeans_relocates_an_empty_cluster_like_sklearn():
    X, _ = make_blobs(200, centers=3, random_state=5)
    init = np.r_[X[[0, 1]], [[1e3, 1e3]]]  # the third centre attracts no sample
    ours = KMeans(n_clusters=3, init=init).fit(X)
    ref = sk_cluster.KMeans(n_clusters=3, init=init, n_init=1).fit(X)
    assert set(ours.labels_) == {0, 1, 2}
    np.testing.assert_allclose(ours.cluster_centers_, ref.cluster_centers_, atol=1e-9)


# ---------------------------------------------------------------- textbook Lloyd vs the tuned KMeans
def _assert_same_run(naive, km):
    np.testing.assert_allclose(naive.centers, km.cluster_centers_, rtol=0, atol=1e-10)
    np.testing.assert_array_equal(naive.labels, km.labels_)
    assert naive.inertia == pytest.approx(km.inertia_, rel=1e-10, abs=1e-10)


@pytest.mark.parametrize("i", range(4))
@pytest.mark.parametrize("seed", range(3))
def test_textbook_kmeans_equals_kmeans_with_one_init(i, seed):
    X, k = _datasets()[i]
    for init in ("k-means++", "random"):
        km = KMeans(n_clusters=k, init=init, n_init=1, random_state=seed).fit(X)
        _assert_same_run(cluster.kmeans_naive(X, k, init=init, random_state=seed), km)
        np.testing.assert_array_equal(km.history_[0].centers,  # the same k-means++ / random seeds
                                      KMeans(n_clusters=k, init=init, n_init=1, random_state=seed)
                                      .fit(X).history_[0].centers)


def test_textbook_kmeans_empty_cluster_and_ties():
    X, _ = make_blobs(200, centers=3, random_state=5)
    init = np.r_[X[[0, 1]], [[1e3, 1e3]]]  # the third centre attracts no sample
    _assert_same_run(cluster.kmeans_naive(X, 3, init=init), KMeans(n_clusters=3, init=init).fit(X))
    grid = np.array([[x, y] for x in range(4) for y in range(4)], dtype=float)  # equidistant samples
    init = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0], [2.0, 2.0]])
    for tol in (0.0, 1e-4):
        _assert_same_run(cluster.kmeans_naive(grid, 4, init=init, tol=tol),
                         KMeans(n_clusters=4, init=init, tol=tol).fit(grid))
    assert cluster.kmeans_naive(grid, 4, init=init).labels[5] == 0  # (1, 1): tied, goes to centre 0
    with pytest.raises(ValueError, match="n_clusters"):
        cluster.kmeans_naive(grid, 17)


def test_kmeans_hand_example():
    X = np.array([[0.0, 0.0], [0.0, 2.0], [10.0, 0.0], [10.0, 2.0], [10.0, 4.0]])
    km = KMeans(n_clusters=2, random_state=0).fit(X)
    centers = sorted(map(tuple, km.cluster_centers_.round(12)))
    assert centers == [(0.0, 1.0), (10.0, 2.0)]
    assert km.inertia_ == pytest.approx(1 + 1 + 4 + 0 + 4)
    assert km.score(X) == pytest.approx(-10.0)


def test_kmeans_fitted_state_is_consistent():
    X, k = _datasets()[1]
    km = KMeans(n_clusters=k, random_state=1).fit(X)
    np.testing.assert_array_equal(km.predict(X), km.labels_)
    for j in range(k):  # Lloyd fixed point: each centre is the mean of its samples
        np.testing.assert_allclose(km.cluster_centers_[j], X[km.labels_ == j].mean(axis=0), atol=1e-6)
    d2 = ((X[:, None, :] - km.cluster_centers_[None]) ** 2).sum(axis=2)
    assert km.inertia_ == pytest.approx(d2.min(axis=1).sum(), rel=1e-10)
    np.testing.assert_allclose(km.transform(X), np.sqrt(d2), atol=1e-8)
    assert km.score(X) == pytest.approx(-km.inertia_, rel=1e-10)


def test_kmeans_history_records_the_best_run():
    X, k = _datasets()[0]
    km = KMeans(n_clusters=k, init="random", random_state=3).fit(X)
    h = km.history_
    assert len(h) in (km.n_iter_, km.n_iter_ + 1)
    inertias = [step.inertia for step in h]
    assert all(b <= a + 1e-9 for a, b in pairwise(inertias))  # Lloyd never increases J
    centers, labels, inertia = h[-1]
    np.testing.assert_array_equal(centers, km.cluster_centers_)
    np.testing.assert_array_equal(labels, km.labels_)
    assert inertia == pytest.approx(km.inertia_)
    assert all(step.centers.shape == (k, 2) and step.labels.shape == (len(X),) for step in h)
    # the seeds of a "random" run are samples
    assert all((X == c).all(axis=1).any() for c in h[0].centers)


def test_kmeans_blocks_give_the_same_result(monkeypatch):
    X, _ = make_blobs(1000, centers=4, random_state=8)
    expected = KMeans(n_clusters=4, random_state=0).fit(X)
    monkeypatch.setattr(cluster, "_BLOCK_ELEMENTS", 1)  # blocks of 256 samples
    got = KMeans(n_clusters=4, random_state=0).fit(X)
    np.testing.assert_array_equal(got.labels_, expected.labels_)
    np.testing.assert_allclose(got.cluster_centers_, expected.cluster_centers_, atol=1e-12)


def test_connected_components_by_hand():
    # edges 0-3, 3-5, 1-2 on 7 nodes: components {0, 3, 5}, {1, 2}, {4}, {6}
    root = _radius.connected_components(7, np.array([3, 5, 1]), np.array([0, 3, 2]))
    assert root.tolist() == [0, 1, 1, 0, 4, 0, 6]


def test_kmeans_plusplus_seeds_are_distinct_samples():
    X, _ = make_blobs(300, centers=6, random_state=7)
    seeds = cluster._kmeans_plusplus(X, 6, np.random.default_rng(0))
    idx = [int(np.flatnonzero((X == s).all(axis=1))[0]) for s in seeds]
    assert len(set(idx)) == 6


def test_kmeans_random_state_reproducible():
    X, k = _datasets()[2]
    a = KMeans(n_clusters=k, random_state=11).fit(X)
    b = KMeans(n_clusters=k, random_state=11).fit(X)
    c = KMeans(n_clusters=k, random_state=np.random.default_rng(11)).fit(X)
    np.testing.assert_array_equal(a.cluster_centers_, b.cluster_centers_)
    np.testing.assert_array_equal(a.cluster_centers_, c.cluster_centers_)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(3, 40), d=st.integers(1, 4), k=st.integers(1, 3), seed=st.integers(0, 10**6))
def test_kmeans_properties(n, d, k, seed):
    X = np.random.default_rng(seed).normal(size=(n, d))
    km = KMeans(n_clusters=k, n_init=2, random_state=seed).fit(X)
    d2 = ((X[:, None, :] - km.cluster_centers_[None]) ** 2).sum(axis=2)
    assert np.allclose(d2[np.arange(n), km.labels_], d2.min(axis=1))
    assert 0.0 <= km.inertia_ <= km.history_[0].inertia + 1e-9
    # translating the data and the seeds translates the solution
    shift = np.arange(1, d + 1, dtype=float)
    init = km.history_[0].centers
    a = KMeans(n_clusters=k, init=init).fit(X)
    b = KMeans(n_clusters=k, init=init + shift).fit(X + shift)
    np.testing.assert_allclose(b.cluster_centers_, a.cluster_centers_ + shift, atol=1e-8)


@pytest.mark.parametrize("params, match", [
    ({"n_clusters": 0}, "n_clusters must be >= 1"),
    ({"n_clusters": 50}, "n_samples=20 should be >= n_clusters=50"),
    ({"init": "kmeans++"}, "init must be"),
    ({"init": np.zeros((3, 2))}, r"init has shape \(3, 2\)"),
    ({"n_init": 0}, "n_init must be >= 1"),
    ({"max_iter": 0}, "max_iter must be >= 1"),
    ({"tol": -1.0}, "tol must be >= 0"),
])
def test_kmeans_rejects_bad_parameters(params, match):
    X = np.random.default_rng(0).normal(size=(20, 2))
    with pytest.raises(ValueError, match=match):
        KMeans(**{"n_clusters": 2, **params}).fit(X)


def test_kmeans_rejects_bad_input():
    km = KMeans(n_clusters=2)
    with pytest.raises(NotFittedError):
        km.predict([[0.0, 0.0]])
    with pytest.raises(ValueError, match="Expected 2D array"):
        km.fit([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="NaN"):
        km.fit([[0.0, np.nan], [1.0, 1.0]])
    with pytest.raises(TypeError, match="n_clusters must be an int"):
        KMeans(n_clusters=2.5).fit([[0.0], [1.0], [2.0]])
    km.fit(np.random.default_rng(0).normal(size=(10, 2)))
    with pytest.raises(ValueError, match="X has 3 features, but KMeans is expecting 2 features"):
        km.predict(np.zeros((2, 3)))


# ------------------------------------------------------------------------------------ DBSCAN
def _dbscan_loop(X, eps, min_samples):
    """Textbook DBSCAN (Ester et al. 1996): BFS from each unvisited core point in index order."""
    n = len(X)
    dist = np.sqrt(((X[:, None, :] - X[None]) ** 2).sum(axis=2))
    neighbours = [np.flatnonzero(dist[i] <= eps) for i in range(n)]
    core = np.array([len(nb) >= min_samples for nb in neighbours])
    labels = np.full(n, -1)
    cluster_id = 0
    for i in range(n):
        if not core[i] or labels[i] != -1:
            continue
        labels[i] = cluster_id
        queue = deque([i])
        while queue:
            p = queue.popleft()
            for q in neighbours[p]:
                if labels[q] == -1:
                    labels[q] = cluster_id
                    if core[q]:
                        queue.append(q)
        cluster_id += 1
    return labels, np.flatnonzero(core)


def _same_partition(a, b):
    """Equal up to renaming the clusters (noise must stay noise)."""
    if not np.array_equal(a == -1, b == -1):
        return False
    pairs = set(zip(a[a >= 0].tolist(), b[b >= 0].tolist(), strict=True))
    return len(pairs) == len({p for p, _ in pairs}) == len({q for _, q in pairs})


def _dbscan_cases():
    rng = np.random.default_rng(0)
    moons, _ = make_moons(600, noise=0.07, random_state=0)
    blobs, _ = make_blobs(500, centers=4, cluster_std=0.8, random_state=1)
    blobs = np.r_[blobs, rng.uniform(-12, 12, size=(40, 2))]
    circles, _ = make_circles(500, factor=0.5, noise=0.05, random_state=2)
    blobs3, _ = make_blobs(400, n_features=3, centers=3, random_state=3)
    wide = make_blobs(300, n_features=20, centers=3, cluster_std=1.0, random_state=4)[0]
    grid = rng.integers(0, 30, size=(400, 2)).astype(float)  # many pairs at distance exactly eps
    return [(moons, 0.1, 5), (blobs, 0.6, 8), (circles, 0.08, 4), (blobs3, 0.9, 6),
            (wide, 4.5, 5), (grid, 1.0, 3), (grid, 1.5, 5)]


@pytest.mark.parametrize("i", range(7))
def test_dbscan_equals_sklearn(i):
    X, eps, m = _dbscan_cases()[i]
    ours = DBSCAN(eps=eps, min_samples=m).fit(X)
    ref = sk_cluster.DBSCAN(eps=eps, min_samples=m).fit(X)
    assert _same_partition(ours.labels_, ref.labels_)
    np.testing.assert_array_equal(ours.labels_, ref.labels_)  # even the numbering agrees
    np.testing.assert_array_equal(ours.core_sample_indices_, ref.core_sample_indices_)
    np.testing.assert_array_equal(ours.components_, ref.components_)
    assert len(set(ours.labels_)) > 1


def test_dbscan_bounded_blocks_give_the_same_result(monkeypatch):
    X, eps, m = _dbscan_cases()[0]
    expected = DBSCAN(eps=eps, min_samples=m).fit(X).labels_
    monkeypatch.setattr(_radius, "_BLOCK_ELEMENTS", 50)  # forces many tiny blocks
    np.testing.assert_array_equal(DBSCAN(eps=eps, min_samples=m).fit(X).labels_, expected)


def test_dbscan_radius_pairs_equal_brute_force():
    X = np.random.default_rng(1).normal(size=(400, 3))
    p, q = _radius.radius_pairs(X, 0.5)
    got = {(min(a, b), max(a, b)) for a, b in zip(p.tolist(), q.tolist(), strict=True)}
    d = np.sqrt(((X[:, None] - X[None]) ** 2).sum(axis=2))
    i, j = np.nonzero(np.triu(d <= 0.5, k=1))
    assert got == set(zip(i.tolist(), j.tolist(), strict=True))
    assert len(got) == len(p)  # each pair once


def test_dbscan_hand_example_with_border_and_noise():
    # 0-1-2 are core (min_samples=3); 3 is within eps of 2 only: border; 4 is isolated: noise
    X = np.array([[0.0], [1.0], [2.0], [3.0], [10.0]])
    db = DBSCAN(eps=1.0, min_samples=3).fit(X)
    np.testing.assert_array_equal(db.labels_, [0, 0, 0, 0, -1])
    np.testing.assert_array_equal(db.core_sample_indices_, [1, 2])
    assert db.fit_predict(X).tolist() == [0, 0, 0, 0, -1]


def test_dbscan_border_point_joins_the_first_cluster():
    # x=1.5 has 3 samples within eps=1 (0.6, itself, 2.4): a border point of both clusters,
    # whose cores 0.6 and 2.4 are 1.8 apart; it joins the cluster numbered first
    a, b = [0.0, 0.2, 0.4, 0.6], [2.4, 2.6, 2.8, 3.0]
    X = np.array(a + [1.5] + b)[:, None]
    labels = DBSCAN(eps=1.0, min_samples=4).fit(X).labels_
    np.testing.assert_array_equal(labels, [0, 0, 0, 0, 0, 1, 1, 1, 1])
    np.testing.assert_array_equal(labels, sk_cluster.DBSCAN(eps=1.0, min_samples=4).fit(X).labels_)
    X = np.array(b + [1.5] + a)[:, None]  # now the right-hand cluster is found first
    np.testing.assert_array_equal(DBSCAN(eps=1.0, min_samples=4).fit(X).labels_,
                                  [0, 0, 0, 0, 0, 1, 1, 1, 1])


def test_dbscan_extremes():
    X = np.random.default_rng(2).normal(size=(50, 2))
    assert (DBSCAN(eps=0.01, min_samples=60).fit(X).labels_ == -1).all()
    assert (DBSCAN(eps=100.0, min_samples=2).fit(X).labels_ == 0).all()
    assert (DBSCAN(eps=0.01, min_samples=1).fit(X).labels_ == np.arange(50)).all()


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 60), d=st.integers(1, 3), eps=st.sampled_from([0.5, 1.0, 2.0]),
       m=st.integers(1, 6), seed=st.integers(0, 10**6))
def test_dbscan_equals_loop_version_on_integer_grids(n, d, eps, m, seed):
    X = np.random.default_rng(seed).integers(0, 6, size=(n, d)).astype(float)
    db = DBSCAN(eps=eps, min_samples=m).fit(X)
    labels, core = _dbscan_loop(X, eps, m)
    np.testing.assert_array_equal(db.core_sample_indices_, core)
    np.testing.assert_array_equal(db.labels_, labels)
    np.testing.assert_array_equal(db.labels_, sk_cluster.DBSCAN(eps=eps, min_samples=m).fit(X).labels_)


@pytest.mark.parametrize("params, error, match", [
    ({"eps": 0.0}, ValueError, "eps must be > 0"),
    ({"eps": -1.0}, ValueError, "eps must be > 0"),
    ({"eps": "0.5"}, TypeError, "eps must be a real number"),
    ({"min_samples": 0}, ValueError, "min_samples must be >= 1"),
    ({"min_samples": 2.0}, TypeError, "min_samples must be an int"),
])
def test_dbscan_rejects_bad_parameters(params, error, match):
    with pytest.raises(error, match=match):
        DBSCAN(**params).fit(np.zeros((5, 2)))


def test_dbscan_rejects_bad_input():
    with pytest.raises(ValueError, match="Expected 2D array"):
        DBSCAN().fit([0.0, 1.0])
    with pytest.raises(ValueError, match="infinity"):
        DBSCAN().fit([[0.0], [np.inf]])
    with pytest.raises(TypeError, match="must contain numbers"):
        DBSCAN().fit([["a"], ["b"]])


# ------------------------------------------------------------------------------ the benchmark
@pytest.mark.slow
def test_benchmark_quick_mode_prints_the_table(capsys):
    bench = load_benchmark("bench_unsupervised")
    text = bench.main(["--quick"])
    out = capsys.readouterr().out
    assert "ratio" in out and "target" in out
    for name in ("KMeans", "PCA", "DBSCAN", "IsolationForest", "Apriori"):
        assert name in text
    assert "labels equal True" in text and "equal False" not in text
