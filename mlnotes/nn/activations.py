r"""The artificial neuron and its activation functions.

A neuron computes a weighted sum of its inputs plus a bias and passes it
through a non-linear activation, $a = \varphi(w^\top x + b)$. This module
gives the activations used in the notes (sigmoid, tanh, ReLU, the unit step of
the perceptron, softmax for the output layer) and their derivatives with
respect to the pre-activation $z$. All of them are numerically stable for
very large $|z|$ (no overflow warnings, no NaN at $\pm 10^4$).

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, §6.3 (hidden units)
and §6.2.2.3 (softmax units).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .._validation import check_array, check_scalar

__all__ = [
    "sigmoid",
    "tanh",
    "relu",
    "step",
    "identity",
    "softmax",
    "log_softmax",
    "sigmoid_grad",
    "tanh_grad",
    "relu_grad",
    "neuron",
    "ACTIVATIONS",
]


def _as_float(z: Any, name: str = "z") -> np.ndarray:
    """``z`` as a finite real float array of any shape (float32 stays float32)."""
    arr = check_array(z, name=name, ensure_2d=False, allow_nd=True, dtype=None, ensure_min_samples=0)
    return arr if arr.dtype.kind == "f" else arr.astype(np.float64)


def _check_axis(z: np.ndarray, axis: Any) -> int:
    """``axis`` as a valid axis of the non-empty ``z`` (the axis that is normalised)."""
    check_scalar(axis, "axis", int)
    if z.ndim == 0 or not -z.ndim <= axis < z.ndim:
        raise ValueError(f"axis={axis} is out of range for z of shape {z.shape}; expected "
                         f"an axis in [-{max(z.ndim, 1)}, {max(z.ndim, 1)}).")
    if z.shape[axis] == 0:
        raise ValueError(f"softmax needs at least one score along axis {axis}, got z of shape {z.shape}.")
    return int(axis)


def sigmoid(z: Any) -> np.ndarray:
    r"""Logistic sigmoid $\sigma(z) = 1 / (1 + e^{-z})$, element-wise.

    Computed as $1/(1+e^{-|z|})$ or $e^{-|z|}/(1+e^{-|z|})$ so that
    the exponential never overflows.

    Parameters
    ----------
    z : array-like
        Pre-activations, any shape.

    Returns
    -------
    ndarray
        Values in $[0, 1]$, same shape as ``z``.

    Examples
    --------
    >>> sigmoid([0.0, 4.0, -1e4]).round(3)
    array([0.5  , 0.982, 0.   ])
    """
    z = _as_float(z)
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def tanh(z: Any) -> np.ndarray:
    r"""Hyperbolic tangent $\tanh z = 2\sigma(2z) - 1$, element-wise, in $[-1, 1]$.

    Parameters
    ----------
    z : array-like
        Pre-activations, any shape.

    Returns
    -------
    ndarray
        Same shape as ``z``.

    Examples
    --------
    >>> tanh([0.0, 1.0, 1e4]).round(4)
    array([0.    , 0.7616, 1.    ])
    """
    return np.tanh(_as_float(z))


def relu(z: Any) -> np.ndarray:
    r"""Rectified linear unit $\max(0, z)$, element-wise.

    Parameters
    ----------
    z : array-like
        Pre-activations, any shape.

    Returns
    -------
    ndarray
        Same shape as ``z``.

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    return np.maximum(_as_float(z), 0.0)


def step(z: Any) -> np.ndarray:
    r"""Unit (Heaviside) step used by Rosenblatt's perceptron: 1 if $z \ge 0$, else 0.

    Parameters
    ----------
    z : array-like
        Pre-activations, any shape.

    Returns
    -------
    ndarray
        Zeros and ones, same shape as ``z``.

    Examples
    --------
    >>> step([-0.5, 0.0, 2.0])
    array([0., 1., 1.])
    """
    return (_as_float(z) >= 0).astype(np.float64)


def identity(z: Any) -> np.ndarray:
    """The identity (no activation), as a float array.

    Parameters
    ----------
    z : array-like
        Pre-activations, any shape.

    Returns
    -------
    ndarray
        ``z`` as a float array.

    Examples
    --------
    >>> identity([1, -2])
    array([ 1., -2.])
    """
    return _as_float(z)


def softmax(z: Any, axis: int = -1) -> np.ndarray:
    r"""Softmax $\mathrm{softmax}(z)_k = e^{z_k} / \sum_j e^{z_j}$ along ``axis``.

    The maximum is subtracted first, which leaves the result unchanged and keeps
    every exponent $\le 0$.

    Parameters
    ----------
    z : array-like
        Scores (logits); for a 2-D batch of shape (N, C) each row is normalised.
    axis : int
        The axis that sums to one.

    Returns
    -------
    ndarray
        Probabilities, same shape as ``z``.

    Examples
    --------
    >>> softmax([[1.0, 2.0, 3.0], [1e4, 0.0, -1e4]]).round(3)
    array([[0.09 , 0.245, 0.665],
           [1.   , 0.   , 0.   ]])
    """
    z = _as_float(z)
    axis = _check_axis(z, axis)
    shifted = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


def log_softmax(z: Any, axis: int = -1) -> np.ndarray:
    r"""Logarithm of [`softmax`][mlnotes.nn.softmax], $z_k - \log\sum_j e^{z_j}$, computed stably.

    Parameters
    ----------
    z : array-like
        Scores (logits).
    axis : int
        The axis that is normalised.

    Returns
    -------
    ndarray
        Log-probabilities (all $\le 0$), same shape as ``z``.

    Examples
    --------
    >>> log_softmax([0.0, 0.0]).round(4)
    array([-0.6931, -0.6931])
    """
    z = _as_float(z)
    axis = _check_axis(z, axis)
    shifted = z - np.max(z, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def sigmoid_grad(z: Any) -> np.ndarray:
    r"""Derivative of the sigmoid, $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$.

    Parameters
    ----------
    z : array-like
        Pre-activations (the derivative is taken with respect to ``z``).

    Returns
    -------
    ndarray
        Values in $[0, 1/4]$, same shape as ``z``.

    Examples
    --------
    >>> float(sigmoid_grad(0.0))
    0.25
    """
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh_grad(z: Any) -> np.ndarray:
    r"""Derivative of tanh, $1 - \tanh^2 z$.

    Parameters
    ----------
    z : array-like
        Pre-activations.

    Returns
    -------
    ndarray
        Values in $[0, 1]$, same shape as ``z``.

    Examples
    --------
    >>> float(tanh_grad(0.0))
    1.0
    """
    t = np.tanh(_as_float(z))
    return 1.0 - t * t


def relu_grad(z: Any) -> np.ndarray:
    r"""Derivative of ReLU: 1 where $z > 0$, else 0 (the value 0 is used at $z = 0$).

    Parameters
    ----------
    z : array-like
        Pre-activations.

    Returns
    -------
    ndarray
        Zeros and ones, same shape as ``z``.

    Examples
    --------
    >>> relu_grad([-1.0, 0.0, 2.0])
    array([0., 0., 1.])
    """
    return (_as_float(z) > 0).astype(np.float64)


#: Activation functions by name, as accepted by [`neuron`][mlnotes.nn.neuron].
ACTIVATIONS: dict[str, Callable[[Any], np.ndarray]] = {
    "sigmoid": sigmoid,
    "logistic": sigmoid,
    "tanh": tanh,
    "relu": relu,
    "step": step,
    "identity": identity,
}


def neuron(x: Any, w: Any, b: float = 0.0,
           activation: str | Callable[[Any], Any] = "sigmoid") -> Any:
    r"""One artificial neuron: $a = \varphi(w^\top x + b)$.

    Parameters
    ----------
    x : array-like of shape (d,) or (N, d)
        One input vector or a batch of them.
    w : array-like of shape (d,)
        Weights.
    b : float
        Bias.
    activation : {"sigmoid", "logistic", "tanh", "relu", "step", "identity"} or callable
        The activation $\varphi$.

    Returns
    -------
    float or ndarray of shape (N,)
        The neuron's output: a float for a single input, an array for a batch.

    Examples
    --------
    The notes' example: $\sigma(2\cdot1 + (-1)(-2) + 1\cdot(-1) + 1) = \sigma(4)$.

    >>> round(neuron([1, -2, -1], [2, -1, 1], 1), 3)
    0.982
    >>> neuron([[1, -2, -1], [0, 0, 0]], [2, -1, 1], 1, activation="step")
    array([1., 1.])
    """
    if isinstance(activation, str):
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)} or a callable; "
                             f"got {activation!r}.")
        phi = ACTIVATIONS[activation]
    elif callable(activation):
        phi = activation
    else:
        raise TypeError(f"activation must be a string or a callable, got {type(activation).__name__}.")
    x_arr = _as_float(x, "x")
    w_arr = _as_float(w, "w")
    check_scalar(b, "b")
    if w_arr.ndim != 1:
        raise ValueError(f"w must be 1-D of shape (d,), got shape {w_arr.shape}.")
    if x_arr.ndim not in (1, 2) or x_arr.shape[-1] != w_arr.shape[0]:
        raise ValueError(f"x must have shape ({w_arr.shape[0]},) or (N, {w_arr.shape[0]}) to match "
                         f"w of shape {w_arr.shape}, got {x_arr.shape}.")
    if not (np.isfinite(x_arr).all() and np.isfinite(w_arr).all() and np.isfinite(b)):
        raise ValueError("neuron inputs contain NaN or infinity; expected finite x, w and b.")
    z = x_arr @ w_arr + b  # () or (N,)
    a = np.asarray(phi(z), dtype=np.float64)
    return float(a) if x_arr.ndim == 1 else a
