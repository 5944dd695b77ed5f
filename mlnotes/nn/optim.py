r"""Gradient-descent optimizers: SGD, momentum (heavy ball / Nesterov) and Adam.

``opt.step(model)`` updates, in place, every trainable array
``layer.params[key]`` of ``model`` (a layer or a ``Sequential``) from
``layer.grads[key]``, as filled by the last ``backward``. Optimizer state
(velocities, moment estimates) is kept per ``(layer, key)``.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, §8.3 (SGD, momentum,
Nesterov momentum) and §8.5.3 (Adam). Kingma & Ba, "Adam: A Method for Stochastic
Optimization", ICLR 2015, Algorithm 1. Sutskever et al., "On the importance of
initialization and momentum in deep learning", ICML 2013.
"""

from __future__ import annotations

import numpy as np

from .._validation import check_bool, check_scalar
from .base import Layer

__all__ = ["Optimizer", "SGD", "Momentum", "Adam"]


class Optimizer:
    r"""Base class: ``step(model)`` applies one update to every trainable array.

    Parameters
    ----------
    lr : float
        Learning rate $\eta > 0$ (may be changed between steps, e.g. by a schedule).
    """

    def __init__(self, lr: float = 0.01) -> None:
        check_scalar(lr, "lr", min_val=0.0, include_min=False)
        self.lr = float(lr)
        self.t = 0  # number of steps taken
        self._state: dict[tuple[int, str], tuple[Layer, dict[str, np.ndarray]]] = {}

    def step(self, model: Layer) -> None:
        """Update every ``layer.params[key]`` of ``model`` in place from ``layer.grads[key]``."""
        if not isinstance(model, Layer):
            raise TypeError(f"model must be a Layer (e.g. a Sequential), got {type(model).__name__}.")
        self.t += 1
        for layer, key in model.parameters():
            param, grad = layer.params[key], layer.grads[key]
            if grad.shape != param.shape:
                raise ValueError(f"{layer!r}: grads[{key!r}] has shape {grad.shape} but params[{key!r}] "
                                 f"has shape {param.shape}; call backward before step.")
            self._update(param, grad, self._slot(layer, key))

    def _slot(self, layer: Layer, key: str) -> dict[str, np.ndarray]:
        entry = self._state.get((id(layer), key))
        if entry is None or entry[0] is not layer:
            entry = (layer, {})
            self._state[(id(layer), key)] = entry
        return entry[1]

    def _update(self, param: np.ndarray, grad: np.ndarray, state: dict[str, np.ndarray]) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        """Forget all state (velocities, moments) and the step count."""
        self.t = 0
        self._state.clear()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(lr={self.lr})"


class SGD(Optimizer):
    r"""Plain (mini-batch) gradient descent $\theta \leftarrow \theta - \eta\,g$.

    Parameters
    ----------
    lr : float
        Learning rate $\eta$.

    Examples
    --------
    >>> import numpy as np
    >>> from mlnotes.nn import Dense
    >>> layer = Dense(2, 1, random_state=0)
    >>> layer.params["W"][:] = 1.0
    >>> layer.grads["W"] = np.array([[1.0], [2.0]]); layer.grads["b"] = np.array([0.5])
    >>> SGD(lr=0.1).step(layer)
    >>> layer.params["W"].ravel(), layer.params["b"]
    (array([0.9, 0.8]), array([-0.05]))
    """

    def __init__(self, lr: float = 0.01) -> None:
        super().__init__(lr)

    def _update(self, param: np.ndarray, grad: np.ndarray, state: dict[str, np.ndarray]) -> None:
        param -= self.lr * grad


class Momentum(Optimizer):
    r"""Gradient descent with momentum: $v \leftarrow \mu v - \eta g,\ \theta \leftarrow \theta + v$.

    Parameters
    ----------
    lr : float
        Learning rate $\eta$.
    momentum : float
        Momentum coefficient $\mu \in [0, 1)$.
    nesterov : bool
        Nesterov's accelerated gradient, in the form of Sutskever et al.:
        $\theta \leftarrow \theta + \mu v - \eta g$ after updating $v$.

    Examples
    --------
    >>> import numpy as np
    >>> from mlnotes.nn import Dense
    >>> layer = Dense(1, 1, random_state=0)
    >>> layer.params["W"][:] = 0.0
    >>> opt = Momentum(lr=0.1, momentum=0.5)
    >>> for _ in range(2):
    ...     layer.grads["W"] = np.array([[1.0]]); layer.grads["b"] = np.array([0.0])
    ...     opt.step(layer)
    >>> round(float(layer.params["W"][0, 0]), 4)  # -0.1 then -0.1 - 0.15
    -0.25
    """

    def __init__(self, lr: float = 0.01, momentum: float = 0.9, nesterov: bool = False) -> None:
        super().__init__(lr)
        check_scalar(momentum, "momentum", min_val=0.0, max_val=1.0, include_max=False)
        self.momentum = float(momentum)
        self.nesterov = check_bool(nesterov, "nesterov")

    def _update(self, param: np.ndarray, grad: np.ndarray, state: dict[str, np.ndarray]) -> None:
        v = state.get("v")
        if v is None:
            v = state["v"] = np.zeros_like(param)
        v *= self.momentum
        v -= self.lr * grad
        if self.nesterov:
            param += self.momentum * v - self.lr * grad
        else:
            param += v

    def __repr__(self) -> str:
        return f"Momentum(lr={self.lr}, momentum={self.momentum}, nesterov={self.nesterov})"


class Adam(Optimizer):
    r"""Adam: gradient descent with bias-corrected first and second moment estimates.

    Parameters
    ----------
    lr : float
        Step size $\eta$.
    beta1 : float
        Decay rate $\beta_1$ of the mean of the gradients.
    beta2 : float
        Decay rate $\beta_2$ of the mean of the squared gradients.
    eps : float
        $\epsilon$ added to the denominator.

    Notes
    -----
    With step count $t$:

    $$
    m \leftarrow \beta_1 m + (1-\beta_1) g,\quad
    v \leftarrow \beta_2 v + (1-\beta_2) g^2,\quad
    \theta \leftarrow \theta - \eta\,\frac{m / (1-\beta_1^t)}{\sqrt{v / (1-\beta_2^t)} + \epsilon}.
    $$

    Examples
    --------
    The first step moves every parameter by about ``lr`` against the sign of its gradient:

    >>> import numpy as np
    >>> from mlnotes.nn import Dense
    >>> layer = Dense(2, 1, random_state=0)
    >>> layer.params["W"][:] = 0.0
    >>> layer.grads["W"] = np.array([[3.0], [-0.01]]); layer.grads["b"] = np.array([0.0])
    >>> Adam(lr=0.1).step(layer)
    >>> layer.params["W"].ravel().round(4)
    array([-0.1,  0.1])
    """

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8) -> None:
        super().__init__(lr)
        check_scalar(beta1, "beta1", min_val=0.0, max_val=1.0, include_max=False)
        check_scalar(beta2, "beta2", min_val=0.0, max_val=1.0, include_max=False)
        check_scalar(eps, "eps", min_val=0.0, include_min=False)
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)

    def _update(self, param: np.ndarray, grad: np.ndarray, state: dict[str, np.ndarray]) -> None:
        if "m" not in state:
            state["m"] = np.zeros_like(param)
            state["v"] = np.zeros_like(param)
            state["buf"] = np.empty_like(param)  # scratch space: no temporaries per step
            state["t"] = np.zeros(())  # steps taken for this array
        m, v, buf = state["m"], state["v"], state["buf"]
        state["t"] += 1
        t = float(state["t"])
        m *= self.beta1
        np.multiply(grad, 1.0 - self.beta1, out=buf)
        m += buf
        v *= self.beta2
        np.multiply(grad, grad, out=buf)
        buf *= 1.0 - self.beta2
        v += buf
        # lr * m_hat / (sqrt(v_hat) + eps), rearranged to work on m and v directly
        c1, c2 = 1.0 - self.beta1 ** t, np.sqrt(1.0 - self.beta2 ** t)
        np.sqrt(v, out=buf)
        buf += self.eps * c2
        np.divide(m, buf, out=buf)
        buf *= self.lr * c2 / c1
        param -= buf

    def __repr__(self) -> str:
        return f"Adam(lr={self.lr}, beta1={self.beta1}, beta2={self.beta2}, eps={self.eps})"
