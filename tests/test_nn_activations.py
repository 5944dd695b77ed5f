"""Activations and the neuron: reference values (SciPy), stability, hypothesis properties."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import special

from mlnotes.nn import (
    log_softmax,
    neuron,
    relu,
    relu_grad,
    sigmoid,
    sigmoid_grad,
    softmax,
    step,
    tanh,
    tanh_grad,
)

finite = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, allow_infinity=False)
vectors = arrays(np.float64, st.integers(1, 20), elements=finite)
matrices = arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=finite)


# --- reference values ---------------------------------------------------------------------------
def test_neuron_matches_the_notes_example():
    # x = (1, -2, -1), w = (2, -1, 1), b = 1: z = 2 + 2 - 1 + 1 = 4, sigma(4) = 0.98201...
    out = neuron([1, -2, -1], [2, -1, 1], 1)
    assert isinstance(out, float)
    assert out == pytest.approx(1 / (1 + np.exp(-4.0)), rel=1e-15)
    assert round(out, 3) == 0.982


def test_neuron_batch_and_activations():
    X = np.array([[1, -2, -1], [0, 0, 0], [-3, 0, 0]], dtype=float)
    w = np.array([2, -1, 1.0])
    z = X @ w + 1  # [4, 1, -5]
    np.testing.assert_allclose(neuron(X, w, 1), special.expit(z))
    np.testing.assert_allclose(neuron(X, w, 1, activation="tanh"), np.tanh(z))
    np.testing.assert_array_equal(neuron(X, w, 1, activation="relu"), [4, 1, 0])
    np.testing.assert_array_equal(neuron(X, w, 1, activation="step"), [1, 1, 0])
    np.testing.assert_array_equal(neuron(X, w, 1, activation="identity"), z)
    np.testing.assert_array_equal(neuron(X, w, 1, activation=lambda t: 2 * t), 2 * z)


def test_neuron_bad_input():
    with pytest.raises(ValueError, match=r"x must have shape \(3,\) or \(N, 3\).*got \(2,\)"):
        neuron([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="w must be 1-D"):
        neuron([1, 2], [[1, 2]])
    with pytest.raises(ValueError, match="NaN"):
        neuron([1, np.nan], [1, 2])
    with pytest.raises(ValueError, match="activation must be one of"):
        neuron([1, 2], [1, 2], activation="softsign")
    with pytest.raises(TypeError, match="activation must be a string or a callable"):
        neuron([1, 2], [1, 2], activation=3)


def test_against_scipy():
    z = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(sigmoid(z), special.expit(z), rtol=1e-14, atol=0)
    np.testing.assert_allclose(tanh(z), np.tanh(z))
    Z = np.random.default_rng(0).normal(scale=5, size=(7, 4))
    np.testing.assert_allclose(softmax(Z), special.softmax(Z, axis=1), rtol=1e-13)
    np.testing.assert_allclose(softmax(Z, axis=0), special.softmax(Z, axis=0), rtol=1e-13)
    np.testing.assert_allclose(log_softmax(Z), special.log_softmax(Z, axis=1), rtol=1e-13)


def test_hand_checked_values():
    np.testing.assert_array_equal(relu([-1.0, 0.0, 2.5]), [0, 0, 2.5])
    np.testing.assert_array_equal(step([-1e-9, 0.0, 3.0]), [0, 1, 1])
    assert float(sigmoid(0.0)) == 0.5
    assert float(sigmoid_grad(0.0)) == 0.25
    assert float(tanh_grad(0.0)) == 1.0
    np.testing.assert_array_equal(relu_grad([-2.0, 0.0, 1e-12]), [0, 0, 1])
    np.testing.assert_allclose(softmax([0.0, np.log(3.0)]), [0.25, 0.75])


def test_stable_at_extremes_without_warnings():
    z = np.array([-1e4, -800.0, 0.0, 800.0, 1e4])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any overflow RuntimeWarning fails the test
        outputs = [sigmoid(z), tanh(z), relu(z), sigmoid_grad(z), tanh_grad(z), relu_grad(z),
                   softmax(z), log_softmax(z), softmax(np.stack([z, -z]))]
    for out in outputs:
        assert np.isfinite(out).all()
    np.testing.assert_array_equal(sigmoid(z), [0, 0, 0.5, 1, 1])
    np.testing.assert_array_equal(softmax(z), [0, 0, 0, 0, 1])


def test_integer_input_is_promoted():
    assert sigmoid(np.array([0, 1])).dtype == np.float64
    assert relu(np.array([-1, 1])).dtype == np.float64


# --- properties ---------------------------------------------------------------------------------
@settings(max_examples=30, deadline=None)
@given(vectors)
def test_ranges(z):
    s, t, r = sigmoid(z), tanh(z), relu(z)
    assert ((s >= 0) & (s <= 1)).all()
    assert ((t >= -1) & (t <= 1)).all()
    assert (r >= 0).all() and np.array_equal(r, np.where(z > 0, z, 0))
    assert ((sigmoid_grad(z) >= 0) & (sigmoid_grad(z) <= 0.25)).all()
    assert ((tanh_grad(z) >= 0) & (tanh_grad(z) <= 1)).all()


@settings(max_examples=30, deadline=None)
@given(vectors)
def test_monotone_non_decreasing(z):
    z = np.sort(z)
    for f in (sigmoid, tanh, relu, step):
        assert (np.diff(f(z)) >= 0).all()


@settings(max_examples=30, deadline=None)
@given(arrays(np.float64, st.integers(1, 10),
              elements=st.floats(-8, 8).filter(lambda v: abs(v) > 1e-3)))
def test_derivatives_match_central_differences(z):
    h = 1e-6
    for f, df in ((sigmoid, sigmoid_grad), (tanh, tanh_grad), (relu, relu_grad)):
        numeric = (f(z + h) - f(z - h)) / (2 * h)
        np.testing.assert_allclose(df(z), numeric, rtol=1e-6, atol=1e-9)


@settings(max_examples=30, deadline=None)
@given(matrices)
def test_softmax_rows_are_distributions(Z):
    P = softmax(Z)
    assert np.isfinite(P).all() and (P >= 0).all()
    np.testing.assert_allclose(P.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(np.exp(log_softmax(Z)), P, rtol=1e-10, atol=1e-300)
    # shift invariance, and the arg-max is preserved
    np.testing.assert_allclose(softmax(Z + 123.0), P, rtol=1e-9, atol=1e-12)
    rows = np.arange(Z.shape[0])
    np.testing.assert_array_equal(P[rows, np.argmax(Z, axis=1)], P.max(axis=1))


@settings(max_examples=30, deadline=None)
@given(vectors)
def test_sigmoid_symmetry(z):
    np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), atol=1e-15)
