r"""Multilayer perceptrons as scikit-learn estimators, trained by backpropagation.

The network is a [`Sequential`][mlnotes.nn.Sequential] of dense layers and
activations, $h_\ell = \varphi(h_{\ell-1}W_\ell + b_\ell)$, with a linear
output layer whose activation is fused into the loss: the logistic sigmoid with
binary cross-entropy (two classes), softmax with cross-entropy (more classes),
the identity with half the squared error (regression). Training minimises

$$
J(\theta) = \frac1B\sum_{i \in \text{batch}} \ell(f(x_i;\theta), y_i)
+ \frac{\alpha}{2B}\sum_\ell \lVert W_\ell\rVert_F^2
$$

by mini-batch Adam or SGD with momentum, exactly as scikit-learn's
``MLPClassifier``/``MLPRegressor`` do (same hyper-parameter names, initialisation,
penalty, learning-rate schedules and stopping rule; only the default
``learning_rate_init`` differs, see the Notes of [`MLPClassifier`][mlnotes.nn.MLPClassifier]), so results
can be compared. The network comes from [`make_mlp`][mlnotes.nn.make_mlp] (``init="glorot"``) and
is trained by [`train`][mlnotes.nn.train], the training loop of chapter 3.

References
----------
Rumelhart, Hinton & Williams, "Learning representations by back-propagating errors",
*Nature* 323, 1986. Goodfellow, Bengio & Courville, *Deep Learning*, 2016, chapter 6.
Glorot & Bengio, AISTATS 2010 (initialisation). Kingma & Ba, ICLR 2015 (Adam).
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
    check_n_classes,
    check_n_features,
    check_option,
    check_random_state,
    check_scalar,
    check_X_y,
    encode_labels,
)
from ..base import BaseEstimator, ClassifierMixin, RegressorMixin
from .activations import sigmoid, softmax
from .layers import Dense
from .losses import BCEWithLogitsLoss, Loss, MSELoss, SoftmaxCrossEntropyLoss
from .model import make_mlp
from .optim import SGD, Adam, Momentum, Optimizer
from .training import train

__all__ = ["MLPClassifier", "MLPRegressor"]


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
        check_option(self.activation, "activation", ("identity", "logistic", "tanh", "relu"))
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

    def _make_optimizer(self) -> Optimizer:
        lr = float(self.learning_rate_init)
        if self.solver == "adam":
            return Adam(lr, beta1=self.beta_1, beta2=self.beta_2, eps=self.epsilon)
        if self.momentum > 0:
            return Momentum(lr, momentum=self.momentum, nesterov=bool(self.nesterovs_momentum))
        return SGD(lr)

    def _fit(self, X: np.ndarray, Y: np.ndarray, n_out: int, loss: Loss) -> None:
        """Build the network with [`make_mlp`][mlnotes.nn.make_mlp] and train it with [`train`][mlnotes.nn.train]."""
        self._validate_params()
        rng = check_random_state(self.random_state)
        n, d = X.shape
        net = make_mlp([d, *self._hidden_sizes(), n_out], activation=self.activation, init="glorot",
                       random_state=rng)
        opt = self._make_optimizer()
        schedule = self.learning_rate if self.solver == "sgd" else "constant"
        stopped = False

        def invscaling(epoch: int, epoch_loss: float) -> None:  # eta_0 / (t + 1)^p, t = samples seen
            opt.lr = self.learning_rate_init / (n * (epoch + 1) + 1) ** self.power_t

        def on_plateau() -> bool:  # "adaptive" divides the step by 5 before it gives up
            nonlocal stopped
            if schedule == "adaptive" and opt.lr > 1e-6:
                opt.lr /= 5.0
                return True
            stopped = True
            return False

        batch_size = min(200 if isinstance(self.batch_size, str) else int(self.batch_size), n)
        history = train(net, X, Y, loss=loss, optimizer=opt, epochs=self.max_iter, batch_size=batch_size,
                        shuffle=self.shuffle, random_state=rng, alpha=float(self.alpha), tol=float(self.tol),
                        n_iter_no_change=self.n_iter_no_change, on_plateau=on_plateau,
                        callback=invscaling if schedule == "invscaling" else None)
        if not stopped:
            warnings.warn(f"{type(self).__name__}: stochastic optimizer reached max_iter="
                          f"{self.max_iter} epochs and the optimization has not converged yet.",
                          ConvergenceWarning, stacklevel=3)
        dense = [layer for layer in net.layers if isinstance(layer, Dense)]
        self.network_ = net.eval()
        self.loss_curve_ = history["loss"].tolist()
        self.n_iter_ = len(self.loss_curve_)
        self.loss_ = self.loss_curve_[-1]
        self.best_loss_ = min(self.loss_curve_)
        self.t_ = n * self.n_iter_
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


class MLPClassifier(ClassifierMixin, _BaseMLP):
    r"""Multilayer perceptron classifier trained by backpropagation (scikit-learn's API).

    Parameters
    ----------
    hidden_layer_sizes : int or tuple of int
        Neurons of each hidden layer, e.g. ``(100,)`` or ``(64, 32)``.
    activation : {"relu", "tanh", "logistic", "identity"}
        Activation of the hidden layers.
    solver : {"adam", "sgd"}
        Adam, or SGD with (Nesterov) momentum.
    alpha : float
        L2 penalty $\alpha$ on the weights (not the biases).
    batch_size : int or "auto"
        Mini-batch size; ``"auto"`` means ``min(200, n_samples)``.
    learning_rate : {"constant", "invscaling", "adaptive"}
        Schedule of the SGD step (Adam always uses a constant step):
        ``"invscaling"`` uses $\eta_0 / (t+1)^{p}$ with ``t`` the samples seen,
        ``"adaptive"`` divides the step by 5 whenever the loss stops improving.
    learning_rate_init : float
        Initial step size $\eta_0$.
    power_t : float
        Exponent $p$ of ``"invscaling"``.
    max_iter : int
        Maximum number of epochs.
    shuffle : bool
        Reshuffle the samples every epoch.
    random_state : int, numpy.random.Generator or None
        Seed of the initialisation and the shuffling.
    tol : float
        Training stops when the epoch loss has not improved by ``tol`` for
        ``n_iter_no_change`` consecutive epochs.
    momentum : float
        Momentum of SGD.
    nesterovs_momentum : bool
        Use Nesterov's momentum with SGD.
    beta_1 : float
        Adam's first-moment decay.
    beta_2 : float
        Adam's second-moment decay.
    epsilon : float
        Adam's $\epsilon$.
    n_iter_no_change : int
        Patience of the stopping rule (epochs).

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        Class labels.
    network_ : Sequential
        The trained network; it outputs logits of shape (N, 1) for two classes
        and (N, n_classes) otherwise.
    coefs_ : list of ndarray
        ``coefs_[i]`` of shape (n_units_i, n_units_{i+1}) is the weight matrix of layer i.
    intercepts_ : list of ndarray
        ``intercepts_[i]`` of shape (n_units_{i+1},) is the bias of layer i.
    loss_curve_ : list of float
        Training loss (cross-entropy + penalty) of every epoch.
    loss_ : float
        Loss of the last epoch.
    best_loss_ : float
        Lowest epoch loss.
    n_iter_ : int
        Epochs run.
    t_ : int
        Training samples seen.
    n_layers_ : int
        Number of layers including input and output.
    n_outputs_ : int
        Output units (1 for two classes).
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    Backpropagation sends $\delta_L = p - t$ (fused sigmoid/softmax and
    cross-entropy) backwards through $\delta_{\ell-1} = (\delta_\ell W_\ell^\top)
    \odot \varphi'(z_{\ell-1})$, with $\partial J/\partial W_\ell =
    (h_{\ell-1}^\top\delta_\ell + \alpha W_\ell)/B$. Initialisation, penalty,
    schedules, stopping rule and defaults are scikit-learn's (``batch_size =
    min(200, n)``), with two deviations: ``learning_rate_init`` defaults to 0.01
    instead of 0.001, so that a small network learns a tiny problem such as XOR
    (4 samples = one step per epoch) within ``max_iter=200`` epochs; and
    ``solver="lbfgs"`` is not offered. Pass ``learning_rate_init=0.001`` to
    reproduce scikit-learn's default behaviour.

    References
    ----------
    Rumelhart, Hinton & Williams, *Nature* 323, 533-536, 1986.

    Examples
    --------
    XOR, which no single perceptron can learn:

    >>> import numpy as np
    >>> X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    >>> clf = MLPClassifier(hidden_layer_sizes=(8,), max_iter=500, random_state=0).fit(X, [0, 1, 1, 0])
    >>> clf.predict(X)
    array([0, 1, 1, 0])
    >>> clf.predict_proba(X).shape
    (4, 2)
    """

    def fit(self, X: Any, y: Any) -> "MLPClassifier":
        """Train on ``X`` of shape (n_samples, n_features) and labels ``y`` of shape (n_samples,)."""
        X, y = check_X_y(X, y)
        classes, y_index = encode_labels(y)
        check_n_classes(classes, self)
        self.classes_ = classes
        if classes.size == 2:
            self.out_activation_ = "logistic"
            self._fit(X, y_index.astype(np.float64).reshape(-1, 1), 1, BCEWithLogitsLoss())
        else:
            self.out_activation_ = "softmax"
            self._fit(X, y_index, classes.size, SoftmaxCrossEntropyLoss())
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities of shape (n_samples, n_classes), columns ordered as ``classes_``."""
        z = self._forward(X)
        if self.classes_.size == 2:
            p = sigmoid(z[:, 0])
            return np.column_stack([1.0 - p, p])
        return softmax(z, axis=1)

    def predict(self, X: Any) -> np.ndarray:
        """Most probable class of each sample, shape (n_samples,)."""
        z = self._forward(X)
        if self.classes_.size == 2:
            return self.classes_[(z[:, 0] > 0).astype(np.intp)]
        return self.classes_[np.argmax(z, axis=1)]


class MLPRegressor(RegressorMixin, _BaseMLP):
    r"""Multilayer perceptron regressor trained by backpropagation (scikit-learn's API).

    Parameters
    ----------
    hidden_layer_sizes : int or tuple of int
        Neurons of each hidden layer.
    activation : {"relu", "tanh", "logistic", "identity"}
        Activation of the hidden layers (the output layer is linear).
    solver : {"adam", "sgd"}
        Adam, or SGD with (Nesterov) momentum.
    alpha : float
        L2 penalty on the weights.
    batch_size : int or "auto"
        Mini-batch size; ``"auto"`` means ``min(200, n_samples)``.
    learning_rate : {"constant", "invscaling", "adaptive"}
        Schedule of the SGD step.
    learning_rate_init : float
        Initial step size.
    power_t : float
        Exponent of ``"invscaling"``.
    max_iter : int
        Maximum number of epochs.
    shuffle : bool
        Reshuffle the samples every epoch.
    random_state : int, numpy.random.Generator or None
        Seed of the initialisation and the shuffling.
    tol : float
        Tolerance of the stopping rule.
    momentum : float
        Momentum of SGD.
    nesterovs_momentum : bool
        Use Nesterov's momentum with SGD.
    beta_1 : float
        Adam's first-moment decay.
    beta_2 : float
        Adam's second-moment decay.
    epsilon : float
        Adam's epsilon.
    n_iter_no_change : int
        Patience of the stopping rule (epochs).

    Attributes
    ----------
    network_ : Sequential
        The trained network, output shape (N, n_outputs_).
    coefs_ : list of ndarray
        Weight matrices, ``coefs_[i]`` of shape (n_units_i, n_units_{i+1}).
    intercepts_ : list of ndarray
        Bias vectors.
    loss_curve_ : list of float
        Training loss of every epoch: $\frac{1}{2N}\sum (p - y)^2$ plus the penalty.
    loss_ : float
        Loss of the last epoch.
    best_loss_ : float
        Lowest epoch loss.
    n_iter_ : int
        Epochs run.
    t_ : int
        Training samples seen.
    n_layers_ : int
        Number of layers including input and output.
    n_outputs_ : int
        Number of targets.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    Minimises half the squared error plus $\frac{\alpha}{2B}\sum\lVert W\rVert^2$,
    like scikit-learn's ``MLPRegressor``; as in [`MLPClassifier`][mlnotes.nn.MLPClassifier],
    ``learning_rate_init`` defaults to 0.01 (scikit-learn: 0.001).

    Examples
    --------
    >>> import numpy as np
    >>> X = np.linspace(-1, 1, 50).reshape(-1, 1)
    >>> reg = MLPRegressor(hidden_layer_sizes=(32,), tol=1e-6, max_iter=1000,
    ...                    random_state=0).fit(X, X.ravel() ** 2)
    >>> bool(reg.score(X, X.ravel() ** 2) > 0.99)
    True
    """

    _sklearn_tags = {"target_tags": {"multi_output": True}}  # y may have several columns

    def fit(self, X: Any, y: Any) -> "MLPRegressor":
        """Train on ``X`` of shape (n_samples, n_features) and ``y`` of shape (n_samples,) or (n_samples, n_outputs)."""
        X, y = check_X_y(X, y, y_numeric=True, multi_output=True)
        self._y_1d = y.ndim == 1
        Y = y.reshape(-1, 1) if y.ndim == 1 else y  # (N, n_outputs)
        self.out_activation_ = "identity"
        self._fit(X, Y, Y.shape[1], _HalfSquaredError())
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Predictions of shape (n_samples,) (or (n_samples, n_outputs) for several targets)."""
        out = self._forward(X)
        return out[:, 0] if self._y_1d else out
