"""Linear models: least-squares regression.

References
----------
Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §3.2.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._validation import check_array, check_is_fitted, check_X_y
from .base import BaseEstimator, RegressorMixin

__all__ = ["LinearRegression"]


class LinearRegression(RegressorMixin, BaseEstimator):
    r"""Ordinary least squares: fit :math:`y \approx Xw + b`.

    Parameters
    ----------
    fit_intercept : bool, default=True
        Learn the bias ``b``; if False the model passes through the origin.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,) or (n_outputs, n_features)
        The weights ``w``.
    intercept_ : float or ndarray of shape (n_outputs,)
        The bias ``b``.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    Minimises :math:`\lVert y - Xw - b \rVert_2^2`. The data are centred so that
    :math:`b = \bar y - \bar x^\top w`, and ``w`` is the minimum-norm solution of
    the centred problem, computed with ``numpy.linalg.lstsq`` (SVD), which is
    stable even when ``X`` is rank deficient.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> model = LinearRegression().fit(X, 2 * X.ravel() + 1)
    >>> round(float(model.coef_[0]), 6), round(float(model.intercept_), 6)
    (2.0, 1.0)
    >>> model.predict([[4.0]])
    array([9.])
    """

    def __init__(self, *, fit_intercept: bool = True) -> None:
        self.fit_intercept = fit_intercept

    def fit(self, X: Any, y: Any) -> "LinearRegression":
        """Fit the model to ``X`` of shape (n_samples, n_features) and ``y``."""
        X, y = check_X_y(X, y, y_numeric=True, multi_output=True)
        if self.fit_intercept:
            x_mean, y_mean = X.mean(axis=0), y.mean(axis=0)
            w, *_ = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)  # (n_features[, n_outputs])
            intercept = y_mean - x_mean @ w
        else:
            w, *_ = np.linalg.lstsq(X, y, rcond=None)
            intercept = np.zeros(y.shape[1:]) if y.ndim == 2 else 0.0
        self.coef_ = w.T
        self.intercept_ = intercept if y.ndim == 2 else float(intercept)
        self.n_features_in_ = X.shape[1]
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Predict ``X @ coef_.T + intercept_`` for ``X`` of shape (n_samples, n_features)."""
        check_is_fitted(self, "coef_")
        X = check_array(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(
                f"X has {X.shape[1]} features, but LinearRegression was fitted with "
                f"{self.n_features_in_} features."
            )
        return X @ self.coef_.T + self.intercept_
