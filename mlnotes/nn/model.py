r"""Networks as stacks of layers, the mini-batch training loop, and linear collapse.

``Sequential`` composes layers: the forward pass applies them in order and the
backward pass applies the chain rule in reverse order (backpropagation),

$$
\frac{\partial L}{\partial x} = J_1^\top J_2^\top \cdots J_K^\top \frac{\partial L}{\partial y}.
$$

[`train`][mlnotes.nn.train] runs mini-batch gradient descent with seeded shuffling and
records the loss per epoch. [`collapse_linear`][mlnotes.nn.collapse_linear] shows why activations are
needed: a stack of dense layers without them is one affine map.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, §6.5 (back-propagation)
and §8.1.3 (mini-batch algorithms).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from .._validation import (check_array, check_bool, check_random_state, check_scalar, check_targets,
                           float_errors_as_value_error)
from .base import Layer
from .layers import Dense, Flatten, Identity
from .losses import Loss
from .optim import Optimizer

__all__ = ["Sequential", "train", "collapse_linear"]

_DIVERGED = ("The training diverged (weights or losses beyond float64); lower the learning rate "
             "or standardize X.")


class Sequential(Layer):
    r"""A chain of layers, itself a layer: $y = f_K(\cdots f_2(f_1(x)))$.

    Parameters
    ----------
    layers : list of Layer
        The layers, applied in order.

    Attributes
    ----------
    layers : list of Layer
        The layers.
    params, grads : dict of str to ndarray
        All trainable arrays (and their gradients) of the sub-layers, named
        ``"<index>.<key>"`` (e.g. ``"0.W"``); the arrays are the layers' own.
    training : bool
        Training or evaluation mode, propagated to every layer by
        [`train`][mlnotes.nn.Sequential.train]/[`eval`][mlnotes.nn.Layer.eval].

    Examples
    --------
    >>> import numpy as np
    >>> from mlnotes.nn import Dense, ReLU
    >>> net = Sequential([Dense(2, 3, random_state=0), ReLU(), Dense(3, 1, random_state=1)])
    >>> net.forward(np.ones((5, 2))).shape
    (5, 1)
    >>> net.backward(np.ones((5, 1))).shape
    (5, 2)
    >>> net.layer_sizes
    [2, 3, 1]
    >>> sorted(net.params)
    ['0.W', '0.b', '2.W', '2.b']
    >>> net.forward(np.ones((5, 4)))
    Traceback (most recent call last):
    ...
    ValueError: Sequential layer 0, Dense(2 -> 3): expected input of shape (N, 2), got (5, 4).
    """

    def __init__(self, layers: Sequence[Layer]) -> None:
        if isinstance(layers, (str, bytes, Layer)) or not isinstance(layers, Iterable):
            raise TypeError(f"layers must be a list of Layer instances, got {type(layers).__name__}.")
        layers = list(layers)
        for i, layer in enumerate(layers):
            if not isinstance(layer, Layer):
                raise TypeError(f"Sequential layers must be Layer instances; item {i} is "
                                f"{type(layer).__name__}.")
        self.layers = layers
        self.training = True

    # --- parameters as views into the sub-layers -------------------------------------------
    @property  # type: ignore[override]
    def params(self) -> dict[str, np.ndarray]:  # type: ignore[override]
        """All trainable arrays, named ``"<index>.<key>"``."""
        return self.named_params()

    @property  # type: ignore[override]
    def grads(self) -> dict[str, np.ndarray]:  # type: ignore[override]
        """All gradients, named like [`params`][mlnotes.nn.Sequential.params]."""
        out: dict[str, np.ndarray] = {}
        for i, layer in enumerate(self.layers):
            for key, g in layer.grads.items():
                out[f"{i}.{key}"] = g
        return out

    def named_params(self) -> dict[str, np.ndarray]:
        """The trainable arrays of every sub-layer, named ``"<index>.<key>"``."""
        out: dict[str, np.ndarray] = {}
        for i, layer in enumerate(self.layers):
            for key, arr in layer.named_params().items():
                out[f"{i}.{key}"] = arr
        return out

    def parameters(self) -> list[tuple[Layer, str]]:
        """``(layer, key)`` for every trainable array of every sub-layer (recursively)."""
        return [pair for layer in self.layers for pair in layer.parameters()]

    def train(self, mode: bool = True) -> "Sequential":
        """Put the network and every layer in training (or evaluation) mode; returns ``self``."""
        self.training = check_bool(mode, "mode")
        for layer in self.layers:
            layer.train(mode)
        return self

    # --- forward / backward ------------------------------------------------------------------
    def forward(self, x: Any) -> np.ndarray:
        """Apply every layer in order."""
        for i, layer in enumerate(self.layers):
            try:
                x = layer.forward(x)
            except ValueError as exc:
                msg = str(exc)
                prefix = f"{layer!r} "
                if msg.startswith(prefix):
                    msg = f"{layer!r}: {msg[len(prefix):]}"
                elif not msg.startswith(repr(layer)):
                    msg = f"{layer!r}: {msg}"
                raise ValueError(f"Sequential layer {i}, {msg}") from None
        return x

    def backward(self, grad_y: Any) -> np.ndarray:
        """Backpropagate ``grad_y`` through the layers in reverse order; returns dL/dx."""
        for layer in reversed(self.layers):
            grad_y = layer.backward(grad_y)
        return grad_y

    def backward_params(self, grad_y: Any) -> None:
        """Like [`backward`][mlnotes.nn.Sequential.backward], without dL/dx of the first layer (training does not need it)."""
        for layer in reversed(self.layers[1:]):
            grad_y = layer.backward(grad_y)
        if self.layers:
            self.layers[0].backward_params(grad_y)

    def predict(self, x: Any) -> np.ndarray:
        """Forward pass in evaluation mode (restores the previous mode afterwards)."""
        mode = self.training
        self.eval()
        try:
            return self.forward(x)
        finally:
            self.train(mode)

    # --- introspection -----------------------------------------------------------------------
    @property
    def layer_sizes(self) -> list[int]:
        """Neurons per layer of the dense layers: ``[inputs, hidden..., outputs]`` (for diagrams)."""
        sizes: list[int] = []
        for layer in self.layers:
            if isinstance(layer, Sequential):
                inner = layer.layer_sizes
                sizes = sizes + (inner[1:] if sizes and inner and inner[0] == sizes[-1] else inner)
            elif isinstance(layer, Dense):
                if not sizes:
                    sizes.append(layer.in_features)
                sizes.append(layer.out_features)
        return sizes

    @property
    def n_params(self) -> int:
        """Total number of trainable scalars."""
        return int(sum(arr.size for arr in self.named_params().values()))

    def summary(self) -> str:
        """A text table of the layers and their parameter counts.

        Examples
        --------
        >>> from mlnotes.nn import Dense, Tanh
        >>> print(Sequential([Dense(2, 4), Tanh(), Dense(4, 1)]).summary())
        #  layer          params
        0  Dense(2 -> 4)      12
        1  Tanh()              0
        2  Dense(4 -> 1)       5
        total                 17
        """
        rows = [(str(i), repr(layer), sum(a.size for a in layer.named_params().values()))
                for i, layer in enumerate(self.layers)]
        w = max([len(r[1]) for r in rows] + [5])
        lines = [f"#  {'layer':<{w}}  params"]
        lines += [f"{i:<2} {name:<{w}}  {n:>6}" for i, name, n in rows]
        lines.append(f"{'total':<{w + 3}}  {self.n_params:>6}")
        return "\n".join(lines)

    def __len__(self) -> int:
        return len(self.layers)

    def __iter__(self) -> Iterator[Layer]:
        return iter(self.layers)

    def __getitem__(self, index: int) -> Layer:
        return self.layers[index]

    def __repr__(self) -> str:
        return "Sequential([" + ", ".join(repr(layer) for layer in self.layers) + "])"


def _iter_batches(n: int, batch_size: int, rng: np.random.Generator | None) -> Iterator[np.ndarray]:
    order = rng.permutation(n) if rng is not None else np.arange(n)
    for start in range(0, n, batch_size):
        yield order[start:start + batch_size]


def _evaluate(model: Layer, X: np.ndarray, y: np.ndarray, loss: Loss, batch_size: int) -> float:
    """Mean loss of ``model`` on ``(X, y)`` in evaluation mode (sample-weighted over batches)."""
    mode = model.training
    model.train(False)
    try:
        total = 0.0
        for idx in _iter_batches(X.shape[0], batch_size, None):
            total += loss.forward(model.forward(X[idx]), y[idx]) * idx.size
    finally:
        model.train(mode)
    return total / X.shape[0]


def train(model: Layer, X: Any, y: Any, *, loss: Loss, optimizer: Optimizer, epochs: int = 10,
          batch_size: int = 32, shuffle: bool = True, random_state: Any = None,
          X_val: Any = None, y_val: Any = None, alpha: float = 0.0, tol: float | None = None,
          n_iter_no_change: int = 10, on_plateau: Callable[[], bool] | None = None,
          callback: Callable[[int, float], bool | None] | None = None) -> dict[str, np.ndarray]:
    r"""Train ``model`` by mini-batch gradient descent: the training loop of every network in ``mlnotes``.

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
    >>> from mlnotes.nn import Dense, Tanh, BCEWithLogitsLoss, Adam
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
    model.train(True)
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


def collapse_linear(model: Sequential | Sequence[Layer]) -> tuple[np.ndarray, np.ndarray]:
    r"""The single affine map $x \mapsto xW + b$ equal to a stack of dense layers without activations.

    For $y = (xW_1 + b_1)W_2 + b_2 = x\,(W_1W_2) + (b_1W_2 + b_2)$, and so on
    for more layers: depth without non-linearity adds no expressive power.

    Parameters
    ----------
    model : Sequential or list of Layer
        Only [`Dense`][mlnotes.nn.Dense], [`Identity`][mlnotes.nn.Identity] and
        [`Flatten`][mlnotes.nn.Flatten] layers (and nested ``Sequential``) are allowed.

    Returns
    -------
    W : ndarray of shape (in_features, out_features)
    b : ndarray of shape (out_features,)

    Examples
    --------
    >>> import numpy as np
    >>> from mlnotes.nn import Dense
    >>> net = Sequential([Dense(3, 5, random_state=0), Dense(5, 4, random_state=1), Dense(4, 2, random_state=2)])
    >>> W, b = collapse_linear(net)
    >>> W.shape, b.shape
    ((3, 2), (2,))
    >>> x = np.random.default_rng(0).normal(size=(6, 3))
    >>> bool(np.allclose(net.forward(x), x @ W + b))
    True
    """
    if not isinstance(model, Sequential) and (isinstance(model, (str, bytes)) or not isinstance(model, Iterable)):
        raise TypeError(f"model must be a Sequential or a list of layers, got {type(model).__name__}.")
    layers = model.layers if isinstance(model, Sequential) else list(model)
    W: np.ndarray | None = None
    b: np.ndarray | None = None
    for layer in layers:
        if isinstance(layer, Sequential):
            W2, b2 = collapse_linear(layer)
        elif isinstance(layer, Dense):
            W2, b2 = layer.params["W"], layer.params["b"]
        elif isinstance(layer, (Identity, Flatten)):
            continue
        else:
            raise ValueError(f"collapse_linear only applies to stacks of Dense layers without "
                             f"activations; found {layer!r}, which is not linear.")
        if W is None or b is None:
            W, b = W2.copy(), b2.copy()
        else:
            if W.shape[1] != W2.shape[0]:
                raise ValueError(f"layer sizes do not chain: {W.shape[1]} outputs feed {layer!r}.")
            W, b = W @ W2, b @ W2 + b2
    if W is None or b is None:
        raise ValueError("collapse_linear needs at least one Dense layer.")
    return W, b
