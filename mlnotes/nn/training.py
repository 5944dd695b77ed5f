r"""The mini-batch training loop: the one the MLP estimators and the chapter-3 pages train networks with.

Chapter 3 teaches it; [`MLPClassifier`][mlnotes.nn.MLPClassifier] and
[`MLPRegressor`][mlnotes.nn.MLPRegressor] fit by calling it. One epoch shuffles the
samples with a seeded generator and, batch by batch, runs forward, the loss,
backward and an optimizer step:

$$
\theta \leftarrow \theta - \eta\,\nabla_\theta \frac{1}{|B|}\sum_{i\in B} \ell(f(x_i;\theta), y_i).
$$

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, §8.1.3 (mini-batch
algorithms) and §7.8 (early stopping). scikit-learn,
``sklearn/neural_network/_multilayer_perceptron.py`` (L2 penalty and stopping rule).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from .._validation import (
    check_array,
    check_bool,
    check_random_state,
    check_scalar,
    check_targets,
    float_errors_as_value_error,
)
from .base import Layer
from .losses import Loss
from .optim import Optimizer

__all__ = ["train"]

_DIVERGED = ("The training diverged (weights or losses beyond float64); lower the learning rate "
             "or standardize X.")


def _iter_batches(n: int, batch_size: int, rng: np.random.Generator | None) -> Iterator[np.ndarray]:
    order = rng.permutation(n) if rng is not None else np.arange(n)
    for start in range(0, n, batch_size):
        yield order[start:start + batch_size]


def _evaluate(model: Layer, X: np.ndarray, y: np.ndarray, loss: Loss, batch_size: int) -> float:
    """Mean loss of ``model`` on ``(X, y)`` in evaluation mode (sample-weighted over batches)."""
    mode = model.training
    model.eval()
    try:
        total = 0.0
        for idx in _iter_batches(X.shape[0], batch_size, None):
            total += loss.forward(model.forward(X[idx]), y[idx]) * idx.size
    finally:
        model.set_training(mode)
    return total / X.shape[0]


def train(model: Layer, X: Any, y: Any, *, loss: Loss, optimizer: Optimizer, epochs: int = 10,
          batch_size: int = 32, shuffle: bool = True, random_state: Any = None,
          X_val: Any = None, y_val: Any = None, alpha: float = 0.0, tol: float | None = None,
          n_iter_no_change: int = 10, on_plateau: Callable[[], bool] | None = None,
          callback: Callable[[int, float], bool | None] | None = None) -> dict[str, np.ndarray]:
    r"""Train ``model`` by mini-batch gradient descent (the loop of chapter 3 and of the MLP estimators).

    Each epoch shuffles the samples (seeded), then for every batch runs
    forward, the loss, backward and ``optimizer.step(model)``. With an L2
    penalty $\alpha$ the minimised objective of a batch $B$ is

    $$
    J = \ell(f(X_B), y_B) + \frac{\alpha}{2|B|}\sum_\ell \lVert W_\ell\rVert_F^2 .
    $$

    [`MLPClassifier`][mlnotes.nn.MLPClassifier] and [`MLPRegressor`][mlnotes.nn.MLPRegressor]
    fit by calling this function.

    Parameters
    ----------
    model : Layer
        The network (usually a [`Sequential`][mlnotes.nn.Sequential]); updated in place and
        left in training mode.
    X : array-like of shape (N, ...)
        Inputs (2-D for dense networks, (N, C, H, W) for convolutional ones).
    y : array-like of shape (N,) or (N, k)
        Targets, in the form ``loss`` expects.
    loss : Loss
        The loss, e.g. [`SoftmaxCrossEntropyLoss`][mlnotes.nn.SoftmaxCrossEntropyLoss].
    optimizer : Optimizer
        E.g. [`Adam`][mlnotes.nn.Adam].
    epochs : int
        Maximum number of passes over the data.
    batch_size : int
        Samples per gradient step (the last batch may be smaller).
    shuffle : bool
        Reshuffle the samples every epoch.
    random_state : int, numpy.random.Generator or None
        Seed of the shuffling; a Generator is used as it is (and advanced).
    X_val : array-like, optional
        Validation inputs; the validation loss is recorded after every epoch.
    y_val : array-like, optional
        Validation targets.
    alpha : float
        L2 penalty $\alpha$ on every parameter named ``"W"`` (the weights; biases
        are not penalised). The recorded loss includes the penalty.
    tol : float or None
        Stopping rule (scikit-learn's): stop when the epoch loss has not improved
        on the best one by ``tol`` for more than ``n_iter_no_change`` epochs.
        ``None`` runs all ``epochs``.
    n_iter_no_change : int
        Patience of the stopping rule, in epochs.
    on_plateau : callable () -> bool, optional
        Called when the stopping rule fires; return ``True`` to go on training
        (e.g. after lowering ``optimizer.lr``), ``False`` to stop.
    callback : callable (epoch, loss) -> bool or None, optional
        Called after every epoch with its index (from 0) and its training loss,
        e.g. to change ``optimizer.lr``; return ``True`` to stop.

    Returns
    -------
    dict
        ``"loss"``: ndarray of shape (n_epochs,), the mean training loss of each
        epoch run (averaged over its batches, weighted by batch size); and, when
        validation data are given, ``"val_loss"`` of the same shape.

    Notes
    -----
    The backward pass is ``model.backward_params``: the gradient with respect
    to the data ``X`` is not needed, which saves a matmul per batch for a
    first [`Dense`][mlnotes.nn.Dense] layer.

    Examples
    --------
    >>> import numpy as np
    >>> from mlnotes.nn import Adam, BCEWithLogitsLoss, Dense, Sequential, Tanh
    >>> X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    >>> y = np.array([[0], [1], [1], [0]], dtype=float)  # XOR
    >>> net = Sequential([Dense(2, 8, random_state=0), Tanh(), Dense(8, 1, random_state=1)])
    >>> history = train(net, X, y, loss=BCEWithLogitsLoss(), optimizer=Adam(lr=0.05),
    ...                 epochs=300, batch_size=4, random_state=0)
    >>> bool(history["loss"][-1] < 0.05)
    True
    >>> (net.forward(X) > 0).astype(int).ravel()
    array([0, 1, 1, 0])

    With the stopping rule, training ends before ``epochs``:

    >>> net = Sequential([Dense(2, 8, random_state=0), Tanh(), Dense(8, 1, random_state=1)])
    >>> history = train(net, X, y, loss=BCEWithLogitsLoss(), optimizer=Adam(lr=0.05),
    ...                 epochs=5000, batch_size=4, random_state=0, tol=1e-4)
    >>> len(history["loss"]) < 5000
    True
    """
    if not isinstance(model, Layer):
        raise TypeError(f"model must be a Layer (e.g. Sequential), got {type(model).__name__}.")
    if not isinstance(loss, Loss):
        raise TypeError(f"loss must be a Loss instance, got {type(loss).__name__}.")
    if not isinstance(optimizer, Optimizer):
        raise TypeError(f"optimizer must be an Optimizer instance, got {type(optimizer).__name__}.")
    check_scalar(epochs, "epochs", int, min_val=1)
    check_scalar(batch_size, "batch_size", int, min_val=1)
    check_bool(shuffle, "shuffle")
    alpha = float(check_scalar(alpha, "alpha", min_val=0.0))
    if tol is not None:
        tol = float(check_scalar(tol, "tol", min_val=0.0))
    check_scalar(n_iter_no_change, "n_iter_no_change", int, min_val=1)
    for name, fn in (("on_plateau", on_plateau), ("callback", callback)):
        if fn is not None and not callable(fn):
            raise TypeError(f"{name} must be callable or None, got {type(fn).__name__}.")
    X = check_array(X, allow_nd=True)
    y = check_targets(y, X.shape[0], name="y", match=f"X of shape {X.shape}")
    has_val = X_val is not None or y_val is not None
    if has_val:
        if X_val is None or y_val is None:
            raise ValueError("X_val and y_val must be given together.")
        X_val = check_array(X_val, name="X_val", allow_nd=True)
        y_val = check_targets(y_val, X_val.shape[0], name="y_val", match=f"X_val of shape {X_val.shape}")
    rng = check_random_state(random_state) if shuffle else None
    weights = [layer for layer, key in model.parameters() if key == "W"] if alpha > 0 else []
    history: dict[str, list[float]] = {"loss": []}
    if has_val:
        history["val_loss"] = []
    best, no_improvement = np.inf, 0
    model.set_training(True)
    n = X.shape[0]
    with float_errors_as_value_error("train", _DIVERGED):
        for epoch in range(epochs):
            total = 0.0
            for idx in _iter_batches(n, batch_size, rng):
                value = loss.forward(model.forward(X[idx]), y[idx])
                model.backward_params(loss.backward())
                penalty = 0.0
                for layer in weights:  # L2: dJ/dW += alpha W / B
                    W = layer.params["W"]
                    layer.grads["W"] += (alpha / idx.size) * W
                    penalty += float(np.vdot(W, W))
                optimizer.step(model)
                total += (value + 0.5 * alpha * penalty / idx.size) * idx.size
            epoch_loss = total / n
            history["loss"].append(epoch_loss)
            if has_val:
                history["val_loss"].append(_evaluate(model, X_val, y_val, loss, batch_size))
            if callback is not None and callback(epoch, epoch_loss):
                break
            if tol is not None:
                no_improvement = no_improvement + 1 if epoch_loss > best - tol else 0
                best = min(best, epoch_loss)
                if no_improvement > n_iter_no_change:
                    if on_plateau is None or not on_plateau():
                        break
                    no_improvement = 0
    return {key: np.asarray(values) for key, values in history.items()}
