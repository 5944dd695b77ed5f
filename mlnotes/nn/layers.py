r"""Fully connected layer and element-wise activation layers, with backpropagation.

Every layer follows the protocol of `mlnotes.nn.base`: ``forward`` caches
what ``backward`` needs, and ``backward`` turns $\partial L/\partial y$
into $\partial L/\partial x$ while writing the parameter gradients into
``grads``. For a dense layer $Y = XW + b$ the chain rule gives

$$
\frac{\partial L}{\partial W} = X^\top \frac{\partial L}{\partial Y},\qquad
\frac{\partial L}{\partial b} = \sum_n \frac{\partial L}{\partial Y_n},\qquad
\frac{\partial L}{\partial X} = \frac{\partial L}{\partial Y} W^\top .
$$

References
----------
Rumelhart, Hinton & Williams, "Learning representations by back-propagating errors",
*Nature* 323, 1986. Glorot & Bengio, "Understanding the difficulty of training deep
feedforward neural networks", AISTATS 2010. He et al., "Delving deep into
rectifiers", ICCV 2015. Goodfellow, Bengio & Courville, *Deep Learning*, 2016, §6.5.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_batch, check_grad_y, check_random_state, check_scalar
from .activations import sigmoid
from .base import Layer

__all__ = ["Dense", "Sigmoid", "Tanh", "ReLU", "Identity", "Flatten"]



class Dense(Layer):
    r"""Fully connected (affine) layer $y = xW + b$.

    Parameters
    ----------
    in_features : int
        Size $d_{in}$ of each input row.
    out_features : int
        Number of neurons $d_{out}$.
    init : {"xavier", "he"}
        Weight initialisation: Glorot/Xavier uniform on
        $[-\sqrt{6/(d_{in}+d_{out})}, +\sqrt{6/(d_{in}+d_{out})}]$
        (for sigmoid/tanh) or He normal with standard deviation
        $\sqrt{2/d_{in}}$ (for ReLU). Biases start at zero.
    random_state : int, numpy.random.Generator or None
        Seed of the initialisation.

    Attributes
    ----------
    params : dict
        ``"W"`` of shape (in_features, out_features) and ``"b"`` of shape (out_features,).
    grads : dict
        Gradients with the same keys and shapes, written by [`backward`][mlnotes.nn.Dense.backward].

    Notes
    -----
    Input of shape (N, in_features) maps to output (N, out_features). The
    backward pass computes $\partial L/\partial W = x^\top g$,
    $\partial L/\partial b = \sum_n g_n$ and returns $g W^\top$.

    Examples
    --------
    >>> import numpy as np
    >>> layer = Dense(3, 2, random_state=0)
    >>> layer.params["W"].shape, layer.params["b"].shape
    ((3, 2), (2,))
    >>> y = layer.forward(np.ones((4, 3)))
    >>> y.shape
    (4, 2)
    >>> layer.backward(np.ones((4, 2))).shape
    (4, 3)
    >>> layer.grads["b"]
    array([4., 4.])
    """

    def __init__(self, in_features: int, out_features: int, *, init: str = "xavier",
                 random_state: Any = None) -> None:
        super().__init__()
        check_scalar(in_features, "in_features", int, min_val=1)
        check_scalar(out_features, "out_features", int, min_val=1)
        if init not in ("xavier", "he"):
            raise ValueError(f"init must be 'xavier' or 'he'; got {init!r}.")
        self.in_features = int(in_features)
        self.out_features = int(out_features)
        self.init = init
        rng = check_random_state(random_state)
        if init == "xavier":
            limit = np.sqrt(6.0 / (in_features + out_features))
            W = rng.uniform(-limit, limit, size=(in_features, out_features))
        else:
            W = rng.normal(0.0, np.sqrt(2.0 / in_features), size=(in_features, out_features))
        self.params = {"W": W, "b": np.zeros(out_features)}
        self.grads = {"W": np.zeros_like(W), "b": np.zeros(out_features)}
        self._x: np.ndarray | None = None

    def forward(self, x: Any) -> np.ndarray:
        """Return ``x @ W + b`` for ``x`` of shape (N, in_features)."""
        x = check_batch(x, owner=self)
        if x.ndim != 2 or x.shape[1] != self.in_features:
            raise ValueError(f"{self!r} expected input of shape (N, {self.in_features}), got {x.shape}.")
        self._x = x
        y = x @ self.params["W"]  # (N, out_features)
        y += self.params["b"]
        return y

    def backward(self, grad_y: Any) -> np.ndarray:
        """Fill ``grads["W"]``, ``grads["b"]`` and return dL/dx of shape (N, in_features)."""
        grad_y = self._param_grads(grad_y)
        return grad_y @ self.params["W"].T  # (N, in_features)

    def backward_params(self, grad_y: Any) -> None:
        """Fill ``grads`` only, without dL/dx (for a network's first layer)."""
        self._param_grads(grad_y)

    def _param_grads(self, grad_y: Any) -> np.ndarray:
        x = self._x
        grad_y = check_grad_y(grad_y, None if x is None else (x.shape[0], self.out_features), owner=self)
        self.grads["W"] = x.T @ grad_y  # (in_features, out_features)
        self.grads["b"] = grad_y.sum(axis=0)  # (out_features,)
        return grad_y

    def __repr__(self) -> str:
        return f"Dense({self.in_features} -> {self.out_features})"


class _Elementwise(Layer):
    """An element-wise activation layer: output shape = input shape."""

    def __init__(self) -> None:
        super().__init__()
        self._shape: tuple[int, ...] | None = None

    def _check_input(self, x: Any) -> np.ndarray:
        x = check_batch(x, owner=self)
        self._shape = x.shape
        return x


class Sigmoid(_Elementwise):
    r"""Sigmoid activation layer $y = \sigma(x)$, backward $g\,y(1-y)$.

    Examples
    --------
    >>> layer = Sigmoid()
    >>> layer.forward([[0.0, 4.0]]).round(3)
    array([[0.5  , 0.982]])
    >>> layer.backward([[1.0, 1.0]]).round(3)
    array([[0.25 , 0.018]])
    """

    def forward(self, x: Any) -> np.ndarray:
        """Apply the sigmoid element-wise."""
        self._y = sigmoid(self._check_input(x))
        return self._y

    def backward(self, grad_y: Any) -> np.ndarray:
        """Return ``grad_y * y * (1 - y)``."""
        grad_y = check_grad_y(grad_y, self._shape, owner=self)
        return grad_y * self._y * (1.0 - self._y)


class Tanh(_Elementwise):
    r"""Tanh activation layer $y = \tanh x$, backward $g\,(1-y^2)$.

    Examples
    --------
    >>> layer = Tanh()
    >>> layer.forward([[0.0, 1.0]]).round(4)
    array([[0.    , 0.7616]])
    >>> layer.backward([[1.0, 1.0]]).round(4)
    array([[1.   , 0.42]])
    """

    def forward(self, x: Any) -> np.ndarray:
        """Apply tanh element-wise."""
        self._y = np.tanh(self._check_input(x))
        return self._y

    def backward(self, grad_y: Any) -> np.ndarray:
        """Return ``grad_y * (1 - y**2)``."""
        grad_y = check_grad_y(grad_y, self._shape, owner=self)
        return grad_y * (1.0 - self._y * self._y)


class ReLU(_Elementwise):
    r"""ReLU activation layer $y = \max(0, x)$, backward $g\,[x > 0]$.

    Examples
    --------
    >>> layer = ReLU()
    >>> layer.forward([[-1.0, 2.0]])
    array([[0., 2.]])
    >>> layer.backward([[5.0, 5.0]])
    array([[0., 5.]])
    """

    def forward(self, x: Any) -> np.ndarray:
        """Apply ``max(0, x)`` element-wise."""
        self._y = np.maximum(self._check_input(x), 0.0)
        return self._y

    def backward(self, grad_y: Any) -> np.ndarray:
        """Pass the gradient where the input was positive (there the output is positive too)."""
        grad_y = check_grad_y(grad_y, self._shape, owner=self)
        return grad_y * (self._y > 0)


class Identity(_Elementwise):
    """Identity layer (no activation): ``y = x`` and ``grad_x = grad_y``.

    Examples
    --------
    >>> Identity().forward([[1.0, -2.0]])
    array([[ 1., -2.]])
    """

    def forward(self, x: Any) -> np.ndarray:
        """Return ``x`` unchanged (as a float array)."""
        return self._check_input(x)

    def backward(self, grad_y: Any) -> np.ndarray:
        """Return ``grad_y`` unchanged."""
        return check_grad_y(grad_y, self._shape, owner=self)


class Flatten(Layer):
    """Flatten every sample: (N, d1, d2, ...) -> (N, d1*d2*...).

    Used between convolution/pooling layers and dense layers.

    Examples
    --------
    >>> import numpy as np
    >>> layer = Flatten()
    >>> layer.forward(np.zeros((2, 3, 4, 4))).shape
    (2, 48)
    >>> layer.backward(np.ones((2, 48))).shape
    (2, 3, 4, 4)
    """

    def __init__(self) -> None:
        super().__init__()
        self._in_shape: tuple[int, ...] | None = None

    def forward(self, x: Any) -> np.ndarray:
        """Reshape ``x`` of shape (N, ...) to (N, prod(...))."""
        x = check_batch(x, owner=self)
        if x.ndim < 2:
            raise ValueError(f"{self!r} expected input of shape (N, ...) with at least 2 dimensions, "
                             f"got {x.shape}.")
        self._in_shape = x.shape
        return x.reshape(x.shape[0], -1)  # (N, d1*d2*...)

    def backward(self, grad_y: Any) -> np.ndarray:
        """Reshape the gradient back to the input's shape."""
        shape = self._in_shape
        out = None if shape is None else (shape[0], int(np.prod(shape[1:])))
        grad_y = check_grad_y(grad_y, out, owner=self)
        return grad_y.reshape(shape)  # type: ignore[arg-type]
