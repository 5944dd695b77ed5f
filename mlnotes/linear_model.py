r"""Linear models: least-squares regression and (softmax) logistic regression.

References
----------
Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed.,
§3.2 (least squares) and §4.4 (logistic regression, fitted by Newton/IRLS);
Bishop, *Pattern Recognition and Machine Learning* (2006), §4.3.4 (softmax);
Nocedal & Wright, *Numerical Optimization*, 2nd ed., §7.2 (L-BFGS).
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from ._optimize import lbfgs, newton
from ._validation import (
    ConvergenceWarning,
    check_array,
    check_bool,
    check_is_fitted,
    check_n_features,
    check_n_classes,
    check_option,
    check_scalar,
    check_X_y,
    encode_labels,
    float_errors_as_value_error,
)
from .base import BaseEstimator, ClassifierMixin, RegressorMixin
from .nn.activations import log_softmax, sigmoid, softmax

__all__ = ["LinearRegression", "LogisticRegression"]

# Multinomial fits with at most this many coefficients use Newton (K^2 p^2 n flops per step);
# larger ones L-BFGS (K p n per step, more steps).
_NEWTON_MAX_PARAMS = 250


class LinearRegression(RegressorMixin, BaseEstimator):
    r"""Ordinary least squares: fit $y \approx Xw + b$.

    Parameters
    ----------
    fit_intercept : bool, default=True
        Learn the bias ``b``; if False the model passes through the origin.
    solver : {"lstsq", "gd"}, default="lstsq"
        ``"lstsq"``: the closed-form least-squares solution; ``"gd"``: batch
        gradient descent on the mean squared error, recording its loss.
    learning_rate : float, default=0.01
        Step size $\eta$ of gradient descent (``solver="gd"`` only).
    max_iter : int, default=1000
        Maximum number of gradient steps (``solver="gd"`` only).
    tol : float, default=1e-6
        Gradient descent stops when every gradient component is at most ``tol``
        in absolute value (``solver="gd"`` only).

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_outputs, n_features)
        The weights ``w``.
    intercept_ : float or ndarray of shape (n_outputs,)
        The bias ``b``.
    n_features_in_ : int
        Number of features seen in ``fit``.
    n_iter_ : int
        Gradient steps taken (``solver="gd"`` only).
    loss_history_ : ndarray of shape (n_iter_ + 1,)
        Mean squared error before each step and after the last one, starting
        from $w = 0, b = 0$ (``solver="gd"`` only).

    Notes
    -----
    Minimises $L(w, b) = \frac1n \lVert y - Xw - b \rVert_2^2$. With
    ``"lstsq"`` the data are centred so that $b = \bar y - \bar x^\top w$,
    and ``w`` is the minimum-norm solution of the centred problem, computed with
    ``numpy.linalg.lstsq`` (SVD), which is stable even when ``X`` is rank
    deficient. With ``"gd"``, every step is

    $$
    w \leftarrow w - \eta\,\tfrac{2}{n} X^\top (Xw + b - y), \qquad
    b \leftarrow b - \eta\,\tfrac{2}{n} \textstyle\sum_i (x_i^\top w + b - y_i),
    $$

    which converges to the same solution when $\eta < 1/\lambda_{\max}$
    of $\tfrac1n \tilde X^\top \tilde X$ (standardize the features first);
    a ``ConvergenceWarning`` says when ``max_iter`` is reached first.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> model = LinearRegression().fit(X, 2 * X.ravel() + 1)
    >>> round(float(model.coef_[0]), 6), round(float(model.intercept_), 6)
    (2.0, 1.0)
    >>> model.predict([[4.0]])
    array([9.])
    >>> gd = LinearRegression(solver="gd", learning_rate=0.1, max_iter=2000).fit(X, 2 * X.ravel() + 1)
    >>> round(float(gd.coef_[0]), 4), round(float(gd.intercept_), 4), bool(gd.loss_history_[-1] < 1e-9)
    (2.0, 1.0, True)
    """

    _sklearn_tags = {"target_tags": {"multi_output": True}}  # y may have several columns

    def __init__(self, *, fit_intercept: bool = True, solver: str = "lstsq",
                 learning_rate: float = 0.01, max_iter: int = 1000, tol: float = 1e-6) -> None:
        self.fit_intercept = fit_intercept
        self.solver = solver
        self.learning_rate = learning_rate
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: Any, y: Any) -> "LinearRegression":
        """Fit the model to ``X`` of shape (n_samples, n_features) and ``y``."""
        check_bool(self.fit_intercept, "fit_intercept")
        check_option(self.solver, "solver", ("lstsq", "gd"))
        check_scalar(self.learning_rate, "learning_rate", min_val=0.0, include_min=False)
        check_scalar(self.max_iter, "max_iter", int, min_val=1)
        check_scalar(self.tol, "tol", min_val=0.0)
        X, y = check_X_y(X, y, y_numeric=True, multi_output=True)
        if self.solver == "gd":
            w, intercept = self._fit_gd(X, y.reshape(len(y), -1))
            w = w.reshape(X.shape[1], *y.shape[1:])  # (n_features[, n_outputs])
            intercept = intercept.reshape(y.shape[1:])
        else:
            with float_errors_as_value_error("LinearRegression.fit"):
                try:
                    w, intercept = self._fit_lstsq(X, y)
                except np.linalg.LinAlgError as exc:
                    raise ValueError(f"Least squares did not converge ({exc}); rescale X.") from None
        self.coef_ = w.T
        self.intercept_ = intercept if y.ndim == 2 else float(intercept)
        self.n_features_in_ = X.shape[1]
        return self

    def _fit_lstsq(self, X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, Any]:
        if self.fit_intercept:
            x_mean, y_mean = X.mean(axis=0), y.mean(axis=0)
            w, *_ = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)  # (n_features[, n_outputs])
            intercept = y_mean - x_mean @ w
        else:
            w, *_ = np.linalg.lstsq(X, y, rcond=None)
            intercept = np.zeros(y.shape[1:]) if y.ndim == 2 else 0.0
        return w, intercept

    def _fit_gd(self, X: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n_samples = X.shape[0]
        W = np.zeros((X.shape[1], Y.shape[1]))  # (n_features, n_outputs)
        b = np.zeros(Y.shape[1])  # (n_outputs,)
        history = []
        try:
            with np.errstate(over="raise", invalid="raise"):
                for n_iter in range(self.max_iter + 1):
                    residual = X @ W + b - Y  # (n_samples, n_outputs)
                    history.append(float(np.mean(residual**2)))
                    grad_W = (2.0 / n_samples) * (X.T @ residual)
                    grad_b = 2.0 * residual.mean(axis=0) if self.fit_intercept else np.zeros_like(b)
                    if max(np.max(np.abs(grad_W)), np.max(np.abs(grad_b))) <= self.tol:
                        break
                    if n_iter == self.max_iter:
                        warnings.warn(
                            f"Gradient descent reached max_iter={self.max_iter} with largest "
                            f"gradient component {max(np.abs(grad_W).max(), np.abs(grad_b).max()):.3g} "
                            f"> tol={self.tol}; increase max_iter or learning_rate, or standardize X.",
                            ConvergenceWarning, stacklevel=3)
                        break
                    W -= self.learning_rate * grad_W
                    b -= self.learning_rate * grad_b
        except FloatingPointError:
            raise ValueError(
                f"Gradient descent diverged after {len(history)} step(s) (the loss overflowed "
                f"float64; last MSE {history[-1] if history else float('nan'):.3g}). Lower "
                f"learning_rate (got {self.learning_rate}) or standardize X."
            ) from None
        self.n_iter_ = n_iter
        self.loss_history_ = np.asarray(history)
        return W, b

    def predict(self, X: Any) -> np.ndarray:
        """Predict ``X @ coef_.T + intercept_`` for ``X`` of shape (n_samples, n_features)."""
        check_is_fitted(self, "coef_")
        X = check_array(X)
        check_n_features(X, self)
        with float_errors_as_value_error("LinearRegression.predict"):
            return X @ self.coef_.T + self.intercept_


class LogisticRegression(ClassifierMixin, BaseEstimator):
    r"""Logistic regression with an L2 penalty: binary (sigmoid) or multinomial (softmax).

    Parameters
    ----------
    penalty : {"l2"} or None, default="l2"
        ``"l2"`` adds $\frac{1}{2C}\lVert W\rVert^2$ (the intercept is not
        penalised); ``None`` fits the unpenalised likelihood.
    C : float, default=1.0
        Inverse regularisation strength; smaller ``C`` means a stronger penalty.
    fit_intercept : bool, default=True
        Learn a bias per class.
    max_iter : int, default=100
        Maximum number of Newton (or L-BFGS) iterations.
    tol : float, default=1e-4
        Stop when every component of the gradient of the objective (below)
        divided by ``C * n_samples`` is at most ``tol`` (scikit-learn's rule for
        ``lbfgs``).

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The sorted class labels (any type).
    coef_ : ndarray of shape (1, n_features) or (n_classes, n_features)
        Weights; one row for a binary problem (the score of ``classes_[1]``).
    intercept_ : ndarray of shape (1,) or (n_classes,)
        Biases.
    n_iter_ : int
        Optimizer iterations taken.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    With $K$ classes and one-hot targets $Y$, the model is
    $P(y=k \mid x) = \operatorname{softmax}_k(Wx + b)$ and ``fit`` minimises

    $$
    \frac{1}{2}\lVert W\rVert_F^2 + C \sum_{i=1}^n
    \Big[\log\sum_k e^{w_k^\top x_i + b_k} - (w_{y_i}^\top x_i + b_{y_i})\Big],
    $$

    the same objective as scikit-learn (so ``coef_`` agrees with its solvers).
    For two classes this is the sigmoid model with one weight vector, solved by
    Newton's method (iteratively reweighted least squares, Hessian
    $\tilde X^\top \mathrm{diag}(p(1-p)) \tilde X + I/C$); for more classes
    by Newton's method on all $K$ weight vectors at once, or by L-BFGS
    when there are more than 250 coefficients. The objective is strictly convex,
    so the optimum is unique; a ``ConvergenceWarning`` is emitted if
    ``max_iter`` is reached before ``tol``.

    Examples
    --------
    >>> X = [[-2.0], [-1.0], [-0.5], [0.5], [1.0], [2.0]]
    >>> clf = LogisticRegression().fit(X, ["no", "no", "yes", "no", "yes", "yes"])
    >>> clf.classes_.tolist(), clf.predict([[-3.0], [3.0]]).tolist()
    (['no', 'yes'], ['no', 'yes'])
    >>> clf.predict_proba([[0.0]]).round(3)
    array([[0.5, 0.5]])
    """

    def __init__(self, *, penalty: str | None = "l2", C: float = 1.0, fit_intercept: bool = True,
                 max_iter: int = 100, tol: float = 1e-4) -> None:
        self.penalty = penalty
        self.C = C
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: Any, y: Any) -> "LogisticRegression":
        """Fit to ``X`` of shape (n_samples, n_features) and labels ``y`` of shape (n_samples,)."""
        check_option(self.penalty, "penalty", ("l2", None))
        check_scalar(self.C, "C", min_val=0.0, include_min=False)
        check_bool(self.fit_intercept, "fit_intercept")
        check_scalar(self.max_iter, "max_iter", int, min_val=1)
        check_scalar(self.tol, "tol", min_val=0.0)
        X, y = check_X_y(X, y)
        classes, y_index = encode_labels(y)
        check_n_classes(classes, self)
        n_samples, n_features = X.shape
        X1 = np.hstack([X, np.ones((n_samples, 1))]) if self.fit_intercept else X  # (n, d[+1])
        lam = 1.0 / (self.C * n_samples) if self.penalty == "l2" else 0.0
        penalised = np.zeros(X1.shape[1])
        penalised[:n_features] = lam  # the intercept column is not penalised
        with float_errors_as_value_error("LogisticRegression.fit"):
            if classes.size == 2:
                theta, n_iter, converged = self._fit_binary(X1, y_index.astype(float), penalised)
                theta = theta[None, :]  # (1, d[+1])
            else:
                Y = (y_index[:, None] == np.arange(classes.size)).astype(float)  # (n, K) one-hot
                theta, n_iter, converged = self._fit_multinomial(X1, Y, penalised)
        if not converged:
            warnings.warn(
                f"LogisticRegression did not converge in max_iter={self.max_iter} iterations "
                f"(tol={self.tol}); increase max_iter or standardize X.",
                ConvergenceWarning, stacklevel=2)
        self.classes_ = classes
        self.coef_ = theta[:, :n_features].copy()
        self.intercept_ = theta[:, n_features].copy() if self.fit_intercept else np.zeros(len(theta))
        self.n_iter_ = n_iter
        self.n_features_in_ = n_features
        return self

    def _fit_binary(self, X1: np.ndarray, t: np.ndarray,
                    penalised: np.ndarray) -> tuple[np.ndarray, int, bool]:
        """Newton/IRLS on the mean log-loss plus ``penalised/2 * theta**2``; ``t`` in {0, 1}."""
        n = X1.shape[0]

        def fun_grad(theta: np.ndarray) -> tuple[float, np.ndarray]:
            z = X1 @ theta  # (n,)
            loss = np.mean(np.logaddexp(0.0, z) - t * z) + 0.5 * np.sum(penalised * theta**2)
            return float(loss), X1.T @ (sigmoid(z) - t) / n + penalised * theta

        def hess(theta: np.ndarray) -> np.ndarray:
            p = sigmoid(X1 @ theta)
            return (X1.T * (p * (1.0 - p) / n)) @ X1 + np.diag(penalised)  # (d+1, d+1)

        return newton(fun_grad, hess, np.zeros(X1.shape[1]), max_iter=self.max_iter, tol=self.tol)

    def _fit_multinomial(self, X1: np.ndarray, Y: np.ndarray,
                         penalised: np.ndarray) -> tuple[np.ndarray, int, bool]:
        """Newton (small problems) or L-BFGS on the mean cross-entropy plus ``penalised/2 * W**2``."""
        n, p = X1.shape
        K = Y.shape[1]

        def fun_grad(W: np.ndarray) -> tuple[float, np.ndarray]:  # W: (K, p)
            Z = X1 @ W.reshape(K, p).T  # (n, K)
            Z_max = Z.max(axis=1, keepdims=True)
            log_norm = Z_max.ravel() + np.log(np.exp(Z - Z_max).sum(axis=1))  # (n,) log sum_k e^{z_k}
            loss = np.mean(log_norm - np.sum(Y * Z, axis=1)) + 0.5 * np.sum(penalised * W.reshape(K, p)**2)
            P = np.exp(Z - log_norm[:, None])  # (n, K) softmax, from the log-normaliser the loss needs
            grad = (P - Y).T @ X1 / n + penalised * W.reshape(K, p)
            return float(loss), grad.reshape(W.shape)

        def hess(w: np.ndarray) -> np.ndarray:
            P = softmax(X1 @ w.reshape(K, p).T, axis=1)  # (n, K)
            H = np.empty((K, p, K, p))
            for k in range(K):  # block (k, l) = X1' diag(P_k (δ_kl - P_l)) X1 / n
                for m in range(k, K):
                    H[k, :, m, :] = H[m, :, k, :] = (X1.T * (P[:, k] * ((k == m) - P[:, m]) / n)) @ X1
            # Shifting an unpenalised coordinate equally in every class leaves the softmax
            # unchanged (a flat direction u); adding u u' makes H invertible without changing
            # the Newton step, which is orthogonal to u because the gradient is.
            free = np.flatnonzero(penalised == 0)
            H[:, free, :, free] += 1.0 / K
            return H.reshape(K * p, K * p) + np.diag(np.tile(penalised, K))

        if K * p <= _NEWTON_MAX_PARAMS:
            w, n_iter, converged = newton(fun_grad, hess, np.zeros(K * p), max_iter=self.max_iter,
                                          tol=self.tol)
            return w.reshape(K, p), n_iter, converged
        return lbfgs(fun_grad, np.zeros((K, p)), max_iter=self.max_iter, tol=self.tol)

    def decision_function(self, X: Any) -> np.ndarray:
        """Scores ``X @ coef_.T + intercept_``: shape (n_samples,) if binary, else (n_samples, n_classes)."""
        check_is_fitted(self, "coef_")
        X = check_array(X)
        check_n_features(X, self)
        with float_errors_as_value_error("LogisticRegression.decision_function"):
            scores = X @ self.coef_.T + self.intercept_
        return scores.ravel() if self.classes_.size == 2 else scores

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, shape (n_samples, n_classes); rows sum to 1."""
        scores = self.decision_function(X)
        if self.classes_.size == 2:
            p = sigmoid(scores)
            return np.column_stack([1.0 - p, p])
        return softmax(scores, axis=1)

    def predict_log_proba(self, X: Any) -> np.ndarray:
        """Logarithm of [`predict_proba`][mlnotes.linear_model.LogisticRegression.predict_proba], shape (n_samples, n_classes)."""
        scores = self.decision_function(X)
        if self.classes_.size == 2:
            return -np.logaddexp(0.0, -np.column_stack([-scores, scores]))  # log sigmoid(-s), log sigmoid(s)
        return log_softmax(scores, axis=1)

    def predict(self, X: Any) -> np.ndarray:
        """Most probable class, shape (n_samples,)."""
        scores = self.decision_function(X)
        if self.classes_.size == 2:
            return self.classes_[(scores > 0).astype(int)]
        return self.classes_[np.argmax(scores, axis=1)]
