r"""Loss functions with their gradients with respect to the prediction.

Each loss is an object: ``loss.forward(pred, target)`` (or ``loss(pred, target)``)
returns the mean loss over the batch as a float and caches what
``loss.backward()`` needs to return $\partial L/\partial\,\mathrm{pred}$,
which is then fed to the network's ``backward``.

The cross-entropy losses work on logits and fuse the last activation into the
loss (log-sum-exp / softplus), which is both stable and gives the simple
gradients $\sigma(z) - t$ and $\mathrm{softmax}(z) - t$.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, §6.2.2 (output units
and cross-entropy); Bishop, *Pattern Recognition and Machine Learning*, 2006, §4.3.4.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_batch, check_scalar, check_targets, float_errors_as_value_error
from .activations import log_softmax, sigmoid, softmax

__all__ = ["Loss", "MSELoss", "BCELoss", "BCEWithLogitsLoss", "SoftmaxCrossEntropyLoss"]


class Loss:
    """Base class: ``forward(pred, target) -> float``, ``backward() -> dL/dpred``."""

    def __init__(self) -> None:
        self._cache: tuple[np.ndarray, ...] | None = None

    def forward(self, pred: Any, target: Any) -> float:
        """Mean loss over the batch."""
        raise NotImplementedError

    def backward(self) -> np.ndarray:
        """Gradient of the last ``forward``'s loss with respect to ``pred``."""
        raise NotImplementedError

    def __call__(self, pred: Any, target: Any) -> float:
        return self.forward(pred, target)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def _cached(self) -> tuple[np.ndarray, ...]:
        if self._cache is None:
            raise ValueError(f"{self!r}.backward called before forward; call forward first.")
        return self._cache

    def _check_pred(self, pred: Any) -> np.ndarray:
        return check_batch(pred, owner=self, name="pred", finite_hint="the network diverged or its "
                           "input was not finite.")

    def _check_same_shape(self, pred: Any, target: Any) -> tuple[np.ndarray, np.ndarray]:
        pred = self._check_pred(pred)
        target = check_targets(target, pred.shape[0], name="target", owner=self, shape=pred.shape,
                               match=f"pred of shape {pred.shape}")
        return pred, target.astype(np.float64, copy=False)


class MSELoss(Loss):
    r"""Mean squared error $L = \frac{1}{n}\sum_i (p_i - t_i)^2$ over all ``n`` entries.

    ``target`` has the shape of ``pred``; for ``pred`` of shape (N, 1) a target
    of shape (N,) is accepted. The gradient is $2(p - t)/n$.

    Examples
    --------
    >>> loss = MSELoss()
    >>> loss([[1.0], [3.0]], [1.0, 1.0])
    2.0
    >>> loss.backward()
    array([[0.],
           [2.]])
    """

    def forward(self, pred: Any, target: Any) -> float:
        """Mean of the squared differences."""
        pred, target = self._check_same_shape(pred, target)
        with float_errors_as_value_error(f"{self!r}.forward (the squared errors)"):
            diff = pred - target
            value = float(np.mean(diff * diff))
        self._cache = (diff,)
        return value

    def backward(self) -> np.ndarray:
        """Return ``2 (pred - target) / n``."""
        (diff,) = self._cached()
        return 2.0 * diff / diff.size


class BCELoss(Loss):
    r"""Binary cross-entropy on probabilities: $-\frac1n\sum t\log p + (1-t)\log(1-p)$.

    Parameters
    ----------
    eps : float
        ``pred`` is clipped to $[\epsilon, 1-\epsilon]$ so that the log is finite.

    Notes
    -----
    Prefer [`BCEWithLogitsLoss`][mlnotes.nn.BCEWithLogitsLoss] after a linear output layer: it is exact
    where this loss has to clip.

    Examples
    --------
    >>> loss = BCELoss()
    >>> round(loss([0.9, 0.2], [1, 0]), 4)
    0.1643
    """

    def __init__(self, eps: float = 1e-12) -> None:
        super().__init__()
        check_scalar(eps, "eps")
        if not 0.0 < eps < 0.5:
            raise ValueError(f"eps must be in (0, 0.5), got {eps}.")
        self.eps = eps

    def forward(self, pred: Any, target: Any) -> float:
        """Mean binary cross-entropy of probabilities ``pred`` against 0/1 ``target``."""
        pred, target = self._check_same_shape(pred, target)
        if pred.min() < 0.0 or pred.max() > 1.0:
            raise ValueError(f"{self!r} expects probabilities in [0, 1], got values in "
                             f"[{pred.min():.3g}, {pred.max():.3g}]; use BCEWithLogitsLoss on logits.")
        p = np.clip(pred, self.eps, 1.0 - self.eps)
        self._cache = (p, target)
        return float(-np.mean(target * np.log(p) + (1.0 - target) * np.log1p(-p)))

    def backward(self) -> np.ndarray:
        r"""Return $(p - t) / (p(1-p)\,n)$."""
        p, target = self._cached()
        return (p - target) / (p * (1.0 - p) * p.size)


class BCEWithLogitsLoss(Loss):
    r"""Binary cross-entropy on logits $z$, with $p = \sigma(z)$.

    Notes
    -----
    Computed as $\max(z, 0) - zt + \log(1 + e^{-|z|})$, which never
    overflows; the gradient is $(\sigma(z) - t)/n$.

    Examples
    --------
    >>> loss = BCEWithLogitsLoss()
    >>> round(loss([[1e4], [-1e4]], [[1.0], [0.0]]), 6)
    0.0
    >>> round(loss([0.0], [1.0]), 4)  # log 2
    0.6931
    """

    def forward(self, pred: Any, target: Any) -> float:
        """Mean binary cross-entropy of ``sigmoid(pred)`` against ``target`` in [0, 1]."""
        z, target = self._check_same_shape(pred, target)
        self._cache = (z, target)
        return float(np.mean(np.maximum(z, 0.0) - z * target + np.log1p(np.exp(-np.abs(z)))))

    def backward(self) -> np.ndarray:
        r"""Return $(\sigma(z) - t)/n$."""
        z, target = self._cached()
        return (sigmoid(z) - target) / z.size


class SoftmaxCrossEntropyLoss(Loss):
    r"""Softmax followed by cross-entropy, fused: $L = -\frac1N\sum_i\sum_k t_{ik}\log\mathrm{softmax}(z_i)_k$.

    ``pred`` are logits of shape (N, C); ``target`` is either integer class
    indices of shape (N,) in ``0..C-1`` or a one-hot (or probability) matrix of
    shape (N, C).

    Notes
    -----
    $\log\mathrm{softmax}(z)_k = z_k - \max z - \log\sum_j e^{z_j-\max z}$,
    and $\partial L/\partial z = (\mathrm{softmax}(z) - t)/N$.

    Examples
    --------
    >>> loss = SoftmaxCrossEntropyLoss()
    >>> round(loss([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]], [0, 2]), 4)
    0.6691
    >>> loss.backward().round(3)
    array([[-0.107,  0.053,  0.053],
           [ 0.167,  0.167, -0.333]])
    """

    def forward(self, pred: Any, target: Any) -> float:
        """Mean cross-entropy of ``softmax(pred)`` against ``target``."""
        z = self._check_pred(pred)
        if z.ndim != 2:
            raise ValueError(f"{self!r} expected logits of shape (N, C), got {z.shape}.")
        n, c = z.shape
        target = check_targets(target, n, name="target", owner=self, match=f"logits of shape {z.shape}")
        if target.ndim == 1:
            if target.dtype.kind == "f" and np.all(target == np.round(target)):
                target = target.astype(np.int64)
            if target.dtype.kind not in "iu":
                raise TypeError(f"{self!r} expected integer class indices of shape ({n},), "
                                f"got dtype {target.dtype}.")
            if target.min() < 0 or target.max() >= c:
                raise ValueError(f"{self!r}: class indices must be in 0..{c - 1}, got values in "
                                 f"[{target.min()}, {target.max()}].")
            T = np.zeros((n, c))
            T[np.arange(n), target] = 1.0  # one-hot (N, C)
        elif target.shape == z.shape:
            T = target.astype(np.float64, copy=False)
        else:
            raise ValueError(f"{self!r}: target of shape {target.shape} does not match logits of "
                             f"shape {z.shape}; expected ({n},) class indices or ({n}, {c}) one-hot.")
        self._cache = (z, T)
        return float(-np.sum(T * log_softmax(z, axis=1)) / n)

    def backward(self) -> np.ndarray:
        r"""Return $(\mathrm{softmax}(z) - t)/N$."""
        z, T = self._cached()
        return (softmax(z, axis=1) - T) / z.shape[0]
