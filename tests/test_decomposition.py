"""Tests for mlnotes.decomposition.PCA against scikit-learn, hand cases and SVD identities."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import decomposition as sk_decomposition

from mlnotes._validation import NotFittedError
from mlnotes.decomposition import PCA


def _data(n, d, seed=0):
    rng = np.random.default_rng(seed)
    scales = np.linspace(3.0, 0.1, d)  # distinct variances: a well-defined set of axes
    return rng.normal(size=(n, d)) * scales @ np.linalg.qr(rng.normal(size=(d, d)))[0] + rng.normal(size=d)


SHAPES = [(200, 5), (60, 12), (15, 40), (300, 3)]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("solver", ["full", "covariance_eigh"])
@pytest.mark.parametrize("n_components", [None, 2, 0.9])
def test_pca_equals_sklearn(shape, solver, n_components):
    X = _data(*shape, seed=shape[0])
    ours = PCA(n_components=n_components, svd_solver=solver).fit(X)
    ref = sk_decomposition.PCA(n_components=n_components, svd_solver=solver).fit(X)
    assert ours.n_components_ == ref.n_components_
    # same signs as scikit-learn, not only up to sign (a component of zero variance, when
    # n_samples <= n_features, is an arbitrary direction of the null space: not compared)
    rank = min(shape[0] - 1, shape[1])
    np.testing.assert_allclose(ours.components_[:rank], ref.components_[:rank], atol=1e-6)
    np.testing.assert_allclose(ours.explained_variance_ratio_, ref.explained_variance_ratio_, atol=1e-6)
    tiny = 1e-10 * ref.explained_variance_[0]  # zero variances differ by rounding only
    np.testing.assert_allclose(ours.explained_variance_, ref.explained_variance_, rtol=1e-6, atol=tiny)
    np.testing.assert_allclose(ours.singular_values_, ref.singular_values_, rtol=1e-6,
                               atol=1e-6 * ref.singular_values_[0])
    np.testing.assert_allclose(ours.mean_, ref.mean_, atol=1e-12)
    if solver == "full" or shape[0] >= shape[1]:
        # (scikit-learn's covariance_eigh averages over n_features - k eigenvalues even when
        # n_samples < n_features, its "full" solver over min(n_samples, n_features) - k; we do the latter)
        assert ours.noise_variance_ == pytest.approx(ref.noise_variance_, rel=1e-6, abs=1e-12)
    np.testing.assert_allclose(ours.transform(X)[:, :rank], ref.transform(X)[:, :rank], atol=1e-6)
    Z = ours.transform(X)
    np.testing.assert_allclose(ours.inverse_transform(Z), ref.inverse_transform(Z), atol=1e-6)


@pytest.mark.parametrize("shape", SHAPES)
def test_pca_whiten_equals_sklearn(shape):
    X = _data(*shape, seed=1)
    ours = PCA(n_components=2, whiten=True).fit(X)
    ref = sk_decomposition.PCA(n_components=2, whiten=True, svd_solver="full").fit(X)
    Z = ours.transform(X)
    np.testing.assert_allclose(Z, ref.transform(X), atol=1e-6)
    np.testing.assert_allclose(Z.std(axis=0, ddof=1), 1.0, atol=1e-10)  # unit variance
    np.testing.assert_allclose(ours.inverse_transform(Z), ref.inverse_transform(Z), atol=1e-6)


@pytest.mark.parametrize("fraction", [0.5, 0.8, 0.95, 0.999])
def test_pca_variance_fraction_keeps_the_fewest_components(fraction):
    X = _data(100, 8, seed=3)
    pca = PCA(n_components=fraction).fit(X)
    full = PCA().fit(X).explained_variance_ratio_
    k = pca.n_components_
    assert full[:k].sum() > fraction and (k == 1 or full[:k - 1].sum() <= fraction)
    assert k == sk_decomposition.PCA(n_components=fraction, svd_solver="full").fit(X).n_components_


def test_pca_hand_example_points_on_a_line():
    # points on y = x: all variance along (1, 1)/sqrt(2); mean (2, 2); variance of t*sqrt(2)
    t = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    X = np.c_[t, t]
    pca = PCA().fit(X)
    np.testing.assert_allclose(pca.components_[0], [np.sqrt(0.5), np.sqrt(0.5)], atol=1e-12)
    np.testing.assert_allclose(pca.explained_variance_ratio_, [1.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(pca.explained_variance_[0], 2 * t.var(ddof=1))
    np.testing.assert_allclose(pca.mean_, [2.0, 2.0])
    np.testing.assert_allclose(pca.transform(X)[:, 0], (t - 2.0) * np.sqrt(2.0), atol=1e-12)


def test_pca_fit_transform_equals_u_times_s():
    X = _data(50, 6, seed=4)
    Z = PCA(n_components=3).fit_transform(X)
    U, s, _ = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    np.testing.assert_allclose(np.abs(Z), np.abs(U[:, :3] * s[:3]), atol=1e-10)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 30), d=st.integers(1, 8), seed=st.integers(0, 10**6),
       solver=st.sampled_from(["auto", "full", "covariance_eigh"]))
def test_pca_properties(n, d, seed, solver):
    X = np.random.default_rng(seed).normal(size=(n, d))
    pca = PCA(svd_solver=solver).fit(X)
    k = pca.n_components_
    assert k == min(n, d)
    V = pca.components_
    assert np.allclose(V @ V.T, np.eye(k), atol=1e-8)
    assert np.all(np.diff(pca.explained_variance_) <= 1e-9)
    assert pca.explained_variance_ratio_.sum() == pytest.approx(1.0)
    # all components kept: the reconstruction is exact
    np.testing.assert_allclose(pca.inverse_transform(pca.transform(X)), X, atol=1e-7)
    # total variance is preserved
    assert pca.explained_variance_.sum() == pytest.approx(X.var(axis=0, ddof=1).sum(), rel=1e-8, abs=1e-10)


def test_pca_one_component_reconstruction_error_is_the_discarded_variance():
    X = _data(80, 4, seed=5)
    pca = PCA(n_components=1).fit(X)
    residual = X - pca.inverse_transform(pca.transform(X))
    full = PCA().fit(X)
    assert (residual ** 2).sum() / (len(X) - 1) == pytest.approx(full.explained_variance_[1:].sum())
    assert pca.noise_variance_ == pytest.approx(full.explained_variance_[1:].mean())


@pytest.mark.parametrize("params, error, match", [
    ({"n_components": 0}, ValueError, "n_components=0 must be between 1 and"),
    ({"n_components": 6}, ValueError, r"min\(n_samples, n_features\)=5"),
    ({"n_components": 1.5}, ValueError, r"must be in \(0, 1\)"),
    ({"n_components": -0.2}, ValueError, r"must be in \(0, 1\)"),
    ({"n_components": "mle"}, TypeError, "n_components must be None, an int or a float"),
    ({"whiten": "yes"}, TypeError, "whiten must be a bool"),
    ({"svd_solver": "arpack"}, ValueError, "svd_solver must be one of"),
])
def test_pca_rejects_bad_parameters(params, error, match):
    with pytest.raises(error, match=match):
        PCA(**params).fit(_data(10, 5))


def test_pca_rejects_bad_input():
    with pytest.raises(NotFittedError):
        PCA().transform([[0.0, 1.0]])
    with pytest.raises(ValueError, match="minimum of 2 is required"):
        PCA().fit([[0.0, 1.0]])
    with pytest.raises(ValueError, match="Expected 2D array"):
        PCA().fit([0.0, 1.0, 2.0])
    with pytest.raises(ValueError, match="NaN"):
        PCA().fit([[0.0, np.nan], [1.0, 2.0]])
    pca = PCA(n_components=2).fit(_data(10, 4))
    with pytest.raises(ValueError, match="X has 3 features, but PCA is expecting 4 features"):
        pca.transform(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="X has 3 columns, but this PCA has 2 components"):
        pca.inverse_transform(np.zeros((2, 3)))
