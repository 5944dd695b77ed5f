r"""The training machinery shared by [`MLPClassifier`][mlnotes.nn.MLPClassifier] and [`MLPRegressor`][mlnotes.nn.MLPRegressor].

Builds the network (dense layers initialised like scikit-learn: Glorot-uniform
weights *and* biases, bound $\sqrt{6/(n_{in}+n_{out})}$, or
$\sqrt{2/(n_{in}+n_{out})}$ for logistic units) and runs mini-batch
backpropagation with scikit-learn's L2 penalty, learning-rate schedules and
stopping rule (no improvement by ``tol`` for more than ``n_iter_no_change``
epochs).

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, 2016, §6.5 and §8.1.3.
scikit-learn, ``sklearn/neural_network/_multilayer_perceptron.py``.
"""

from __future__ import annotations

import numbers
import warnings
from collections.abc import Sequence as SequenceABC
from typing import Any

import numpy as np

from .._validation import (
    ConvergenceWarning,
    check_array,
    check_bool,
    check_is_fitted,
    check_n_features,
    check_option,
    check_random_state,
    check_scalar,
    float_errors_as_value_error,
)
from ..base import BaseEstimator
from .base import Layer
from .layers import Dense, Identity, ReLU, Sigmoid, Tanh
from .losses import Loss, MSELoss
from .model import Sequential
from .optim import SGD, Adam, Momentum, Optimizer

_ACTIVATION_LAYERS: dict[str, type[Layer]] = {
    "identity": Identity, "logistic": Sigmoid, "tanh": Tanh, "relu": ReLU,
}


class _HalfSquaredError(MSELoss):
    r"""Regression loss $\frac{1}{2N}\sum_{i,k}(p_{ik} - y_{ik})^2$ (scikit-learn's ``squared_loss``)."""

    def forward(self, pred: Any, target: Any) -> float:
        pred, target = self._check_same_shape(pred, target)
        diff = pred - target
        self._cache = (diff,)
        return float(0.5 * np.sum(diff * diff) / diff.shape[0])

    def backward(self) -> np.ndarray:
        (diff,) = self._cached()
        return diff / diff.shape[0]


class _BaseMLP(BaseEstimator):
    """Shared fitting code of [`MLPClassifier`][mlnotes.nn.MLPClassifier] and [`MLPRegressor`][mlnotes.nn.MLPRegressor]."""

    def __init__(self, *, hidden_layer_sizes: int | tuple[int, ...] = (100,), activation: str = "relu",
                 solver: str = "adam", alpha: float = 0.0001, batch_size: int | str = "auto",
                 learning_rate: str = "constant", learning_rate_init: float = 0.01,
                 power_t: float = 0.5, max_iter: int = 200, shuffle: bool = True,
                 random_state: Any = None, tol: float = 1e-4, momentum: float = 0.9,
                 nesterovs_momentum: bool = True, beta_1: float = 0.9, beta_2: float = 0.999,
                 epsilon: float = 1e-8, n_iter_no_change: int = 10) -> None:
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.solver = solver
        self.alpha = alpha
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.learning_rate_init = learning_rate_init
        self.power_t = power_t
        self.max_iter = max_iter
        self.shuffle = shuffle
        self.random_state = random_state
        self.tol = tol
        self.momentum = momentum
        self.nesterovs_momentum = nesterovs_momentum
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.n_iter_no_change = n_iter_no_change

    # --- hyper-parameters ----------------------------------------------------------------------
    def _hidden_sizes(self) -> list[int]:
        sizes = self.hidden_layer_sizes
        if isinstance(sizes, (numbers.Integral, np.integer)) and not isinstance(sizes, bool):
            sizes = (int(sizes),)
        if not isinstance(sizes, (SequenceABC, np.ndarray)) or isinstance(sizes, str):
            raise TypeError(f"hidden_layer_sizes must be an int or a tuple of ints, got {sizes!r}.")
        out = []
        for s in sizes:
            if isinstance(s, bool) or not isinstance(s, (numbers.Integral, np.integer)) or s < 1:
                raise ValueError(f"hidden_layer_sizes must contain positive ints, got {sizes!r}.")
            out.append(int(s))
        return out

    def _validate_params(self) -> None:
        check_option(self.activation, "activation", tuple(_ACTIVATION_LAYERS))
        if self.solver == "lbfgs":
            raise ValueError("solver='lbfgs' is not implemented in mlnotes; use 'adam' or 'sgd'.")
        check_option(self.solver, "solver", ("adam", "sgd"))
        check_option(self.learning_rate, "learning_rate", ("constant", "invscaling", "adaptive"))
        check_scalar(self.alpha, "alpha", min_val=0.0)
        if not (isinstance(self.batch_size, str) and self.batch_size == "auto"):
            check_scalar(self.batch_size, "batch_size", int, min_val=1)
        check_scalar(self.learning_rate_init, "learning_rate_init", min_val=0.0, include_min=False)
        check_scalar(self.power_t, "power_t", min_val=0.0)
        check_scalar(self.max_iter, "max_iter", int, min_val=1)
        check_scalar(self.tol, "tol", min_val=0.0)
        check_scalar(self.momentum, "momentum", min_val=0.0, max_val=1.0, include_max=False)
        check_scalar(self.beta_1, "beta_1", min_val=0.0, max_val=1.0, include_max=False)
        check_scalar(self.beta_2, "beta_2", min_val=0.0, max_val=1.0, include_max=False)
        check_scalar(self.epsilon, "epsilon", min_val=0.0, include_min=False)
        check_scalar(self.n_iter_no_change, "n_iter_no_change", int, min_val=1)
        check_bool(self.shuffle, "shuffle")
        check_bool(self.nesterovs_momentum, "nesterovs_momentum")

    # --- network -------------------------------------------------------------------------------
    def _build(self, n_in: int, n_out: int, rng: np.random.Generator) -> Sequential:
        """Dense layers with Glorot-uniform weights *and* biases, as scikit-learn initialises them."""
        sizes = [n_in, *self._hidden_sizes(), n_out]
        factor = 2.0 if self.activation == "logistic" else 6.0
        layers: list[Layer] = []
        for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
            dense = Dense(fan_in, fan_out)
            bound = np.sqrt(factor / (fan_in + fan_out))
            dense.params["W"][...] = rng.uniform(-bound, bound, size=(fan_in, fan_out))
            dense.params["b"][...] = rng.uniform(-bound, bound, size=fan_out)
            layers.append(dense)
            if i < len(sizes) - 2:
                layers.append(_ACTIVATION_LAYERS[self.activation]())
        return Sequential(layers)

    def _make_optimizer(self) -> Optimizer:
        lr = float(self.learning_rate_init)
        if self.solver == "adam":
            return Adam(lr, beta1=self.beta_1, beta2=self.beta_2, eps=self.epsilon)
        if self.momentum > 0:
            return Momentum(lr, momentum=self.momentum, nesterov=bool(self.nesterovs_momentum))
        return SGD(lr)

    def _fit(self, X: np.ndarray, Y: np.ndarray, n_out: int, loss: Loss) -> None:
        self._validate_params()
        rng = check_random_state(self.random_state)
        n, d = X.shape
        net = self._build(d, n_out, rng)
        dense = [layer for layer in net.layers if isinstance(layer, Dense)]
        batch = min(200, n) if isinstance(self.batch_size, str) else min(int(self.batch_size), n)
        opt = self._make_optimizer()
        self.loss_curve_: list[float] = []
        self.best_loss_ = np.inf
        self.t_ = 0
        no_improvement = 0
        alpha = float(self.alpha)
        converged = False
        with float_errors_as_value_error(f"{type(self).__name__}.fit"):
            for epoch in range(self.max_iter):
                order = rng.permutation(n) if self.shuffle else np.arange(n)
                total = 0.0
                for start in range(0, n, batch):
                    idx = order[start:start + batch]
                    Xb, Yb = X[idx], Y[idx]  # (B, d), (B, ...)
                    value = loss.forward(net.forward(Xb), Yb)
                    grad = loss.backward()
                    for layer in reversed(net.layers[1:]):
                        grad = layer.backward(grad)
                    dense[0].backward_params(grad)  # the input gradient is not needed
                    penalty = 0.0
                    if alpha > 0:
                        for layer in dense:
                            W = layer.params["W"]
                            layer.grads["W"] += (alpha / idx.size) * W
                            penalty += float(np.vdot(W, W))
                    opt.step(net)
                    total += (value + 0.5 * alpha * penalty / idx.size) * idx.size
                self.t_ += n
                epoch_loss = total / n
                self.loss_curve_.append(epoch_loss)
                if self.solver == "sgd" and self.learning_rate == "invscaling":
                    opt.lr = self.learning_rate_init / (self.t_ + 1) ** self.power_t
                # scikit-learn's stopping rule: no improvement by tol for n_iter_no_change epochs
                no_improvement = no_improvement + 1 if epoch_loss > self.best_loss_ - self.tol else 0
                self.best_loss_ = min(self.best_loss_, epoch_loss)
                if no_improvement > self.n_iter_no_change:
                    if self.solver == "sgd" and self.learning_rate == "adaptive" and opt.lr > 1e-6:
                        opt.lr /= 5.0
                        no_improvement = 0
                    else:
                        converged = True
                        break
        if not converged:
            warnings.warn(f"{type(self).__name__}: stochastic optimizer reached max_iter="
                          f"{self.max_iter} epochs and the optimization has not converged yet.",
                          ConvergenceWarning, stacklevel=3)
        self.network_ = net.eval()
        self.n_iter_ = len(self.loss_curve_)
        self.loss_ = self.loss_curve_[-1]
        self.coefs_ = [layer.params["W"] for layer in dense]
        self.intercepts_ = [layer.params["b"] for layer in dense]
        self.n_layers_ = len(dense) + 1
        self.n_features_in_ = d
        self.n_outputs_ = n_out

    def _forward(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "network_")
        X = check_array(X)
        check_n_features(X, self)
        return self.network_.forward(X)  # (N, n_outputs_) logits or values
