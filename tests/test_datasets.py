"""Classification generators (blobs, moons, circles, XOR, spirals): scikit-learn equivalence, seeding, bad input."""
import numpy as np
import pytest
from sklearn import datasets as sk

from mlnotes.datasets import make_blobs, make_circles, make_moons, make_spirals, make_xor


@pytest.mark.parametrize("n", [1, 2, 7, 100])
def test_noise_free_moons_and_circles_equal_scikit_learn(n):
    for ours, ref in [(make_moons(n, shuffle=False), sk.make_moons(n, shuffle=False)),
                      (make_circles(n, shuffle=False), sk.make_circles(n, shuffle=False)),
                      (make_circles(n, shuffle=False, factor=0.3), sk.make_circles(n, shuffle=False, factor=0.3))]:
        np.testing.assert_allclose(ours[0], ref[0], atol=1e-15)
        np.testing.assert_array_equal(ours[1], ref[1])


def test_shuffled_noisy_moons_keep_the_points_and_add_noise_of_the_right_size():
    clean, y_clean = make_moons(200, shuffle=False)
    X, y = make_moons(200, noise=0.1, random_state=0)
    assert np.bincount(y).tolist() == [100, 100]
    # every noisy point lies near a clean point of its own class
    d = np.linalg.norm(X[:, None, :] - clean[None, :, :], axis=2)
    same = y[:, None] == y_clean[None, :]
    assert np.median(np.where(same, d, np.inf).min(axis=1)) < 0.15
    residual = X - clean[np.where(same, d, np.inf).argmin(axis=1)]
    assert 0.03 < residual.std() < 0.15


def test_blobs_follow_scikit_learn_conventions():
    X, y, centers = make_blobs(10, n_features=3, centers=3, random_state=0, return_centers=True)
    X_ref, y_ref = sk.make_blobs(10, n_features=3, centers=3, random_state=0)
    assert X.shape == X_ref.shape and centers.shape == (3, 3)
    assert np.bincount(y).tolist() == np.bincount(y_ref).tolist() == [4, 3, 3]
    assert np.all((centers >= -10) & (centers <= 10))
    X, y = make_blobs([2, 5], centers=[[0.0, 0.0], [3.0, 3.0]], cluster_std=0.0, shuffle=False)
    np.testing.assert_array_equal(y, [0, 0, 1, 1, 1, 1, 1])
    np.testing.assert_array_equal(X[y == 1], np.full((5, 2), 3.0))
    # per-blob spread
    X, y = make_blobs(4000, centers=[[0.0], [10.0]], cluster_std=[0.5, 2.0], random_state=1)
    assert X[y == 0].std() == pytest.approx(0.5, rel=0.1) and X[y == 1].std() == pytest.approx(2.0, rel=0.1)
    assert X[y == 1].mean() == pytest.approx(10.0, abs=0.2)


def test_xor_and_spirals():
    X, y = make_xor(500, random_state=0)
    assert X.shape == (500, 2) and np.all(np.abs(X) <= 1)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(int))
    assert 0.4 < y.mean() < 0.6
    X, y = make_spirals(301, n_classes=4, noise=0.0, shuffle=False)
    assert np.bincount(y).tolist() == [76, 75, 75, 75]
    r = np.hypot(X[:, 0], X[:, 1])
    first = y == 0
    np.testing.assert_allclose(r[first], np.linspace(0.05, 1.0, 76))
    # arm k starts at angle 2 pi k / K
    starts = [np.arctan2(X[y == k][0, 1], X[y == k][0, 0]) for k in range(4)]
    np.testing.assert_allclose(np.mod(np.array(starts) - 2 * np.pi * 0.05, 2 * np.pi),
                               np.mod(2 * np.pi * np.arange(4) / 4, 2 * np.pi), atol=1e-12)


@pytest.mark.parametrize("make", [make_blobs, make_moons, make_circles, make_xor, make_spirals])
def test_seeding_is_reproducible_and_uses_no_global_state(make):
    kwargs = {} if make is make_blobs else {"noise": 0.1}
    a = make(50, random_state=3, **kwargs)
    np.random.seed(0)  # the legacy global state must not matter
    b = make(50, random_state=3, **kwargs)
    c = make(50, random_state=4, **kwargs)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])
    gen = np.random.default_rng(5)
    assert not np.array_equal(make(50, random_state=gen, **kwargs)[0], make(50, random_state=gen, **kwargs)[0])


def test_bad_parameters_are_explained():
    with pytest.raises(ValueError, match="n_samples must be >= 1, got 0"):
        make_moons(0)
    with pytest.raises(TypeError, match="n_samples must be an int"):
        make_circles(10.5)
    with pytest.raises(ValueError, match="noise must be >= 0.0"):
        make_xor(10, noise=-1.0)
    with pytest.raises(ValueError, match="factor must be < 1"):
        make_circles(10, factor=1.0)
    with pytest.raises(ValueError, match="n_samples has 3 entries but there are 2 centers"):
        make_blobs([1, 2, 3], centers=[[0.0], [1.0]])
    with pytest.raises(ValueError, match="cluster_std must be a non-negative float"):
        make_blobs(10, cluster_std=-1.0)
    with pytest.raises(ValueError, match="center_box must be"):
        make_blobs(10, center_box=(1.0, -1.0))
    with pytest.raises(ValueError, match="Expected 2D array for centers"):
        make_blobs(10, centers=[0.0, 1.0])
    with pytest.raises(ValueError, match="n_classes must be >= 1"):
        make_spirals(10, n_classes=0)
    with pytest.raises(TypeError, match="shuffle must be a bool"):
        make_moons(10, shuffle="yes")
    with pytest.raises(TypeError, match="random_state must be None, an int or a numpy.random.Generator"):
        make_xor(10, random_state="seed")
