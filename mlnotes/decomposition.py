"""Principal component analysis through the singular value decomposition.

References
----------
I. T. Jolliffe, *Principal Component Analysis*, 2nd ed., Springer, 2002, ch. 1-3.
Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §14.5.1.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from ._validation import (check_array, check_bool, check_is_fitted, check_n_features, check_option,
                          float_errors_as_value_error)
from .base import BaseEstimator, TransformerMixin

__all__ = ["PCA"]


def _svd_flip(Vt: np.ndarray) -> np.ndarray:
    """Make the largest-magnitude entry of every row of ``Vt`` positive (scikit-learn's rule)."""
    biggest = Vt[np.arange(Vt.shape[0]), np.argmax(np.abs(Vt), axis=1)]
    return Vt * np.where(biggest < 0, -1.0, 1.0)[:, None]


class PCA(TransformerMixin, BaseEstimator):
    r"""Principal component analysis: project centred data on its top right singular vectors.

    Parameters
    ----------
    n_components : int, float or None, default=None
        Components to keep: an int in ``[1, min(n_samples, n_features)]``; a float in
        ``(0, 1)`` keeps the fewest components whose explained-variance ratios sum
        to more than it; ``None`` keeps ``min(n_samples, n_features)``.
    whiten : bool, default=False
        Divide the projections by $\sqrt{\lambda_j}$ so that each has unit variance.
    svd_solver : {"auto", "full", "covariance_eigh"}, default="auto"
        ``"full"``: SVD of the centred data; ``"covariance_eigh"``: eigendecomposition
        of the ``(n_features, n_features)`` scatter matrix, much faster for tall data;
        ``"auto"``: ``"covariance_eigh"`` when ``n_samples >= 10 * n_features`` and
        ``n_features <= 1000`` (scikit-learn's rule), else ``"full"``.

    Attributes
    ----------
    components_ : ndarray of shape (n_components_, n_features)
        Principal axes (rows of $V^\top$), by decreasing variance. Signs follow
        scikit-learn: the largest-magnitude entry of each row is positive.
    explained_variance_ : ndarray of shape (n_components_,)
        Variance $\lambda_j = s_j^2 / (n - 1)$ along each axis.
    explained_variance_ratio_ : ndarray of shape (n_components_,)
        $\lambda_j / \sum_i \lambda_i$, the share of the total variance.
    singular_values_ : ndarray of shape (n_components_,)
        Singular values $s_j$ of the centred data.
    mean_ : ndarray of shape (n_features,)
        Per-feature mean, subtracted before projecting.
    noise_variance_ : float
        Mean of the discarded $\lambda_j$ (probabilistic PCA), 0 if none is discarded.
    n_components_ : int
        Number of components kept.
    n_samples_ : int
        Number of training samples.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    With the centred data $X_c = X - \bar x = U S V^\top$ (thin SVD), the
    principal axes are the rows of $V^\top$, the covariance matrix is
    $X_c^\top X_c / (n-1) = V \,\mathrm{diag}(s^2/(n-1))\, V^\top$, and
    ``transform`` computes $Z = X_c V_k$ ($= U_k S_k$ on the training
    data). With ``"full"`` and ``n_samples >= 2 n_features`` the SVD is taken of the
    triangular factor $R$ of $X_c = QR$: $R$ has the same singular
    values and right singular vectors and is only ``n_features`` square. With
    ``"covariance_eigh"``, $X_c^\top X_c = V S^2 V^\top$ gives $V$ and
    $s$ directly; this squares the condition number, so tiny variances are
    less accurate than with the SVD.

    References
    ----------
    Jolliffe (2002); Hastie, Tibshirani & Friedman (2009), §14.5.1.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[-1.0, -1.0], [-2.0, -1.0], [-3.0, -2.0], [1.0, 1.0], [2.0, 1.0], [3.0, 2.0]])
    >>> pca = PCA(n_components=2).fit(X)
    >>> pca.explained_variance_ratio_.round(4)
    array([0.9924, 0.0076])
    >>> Z = pca.transform(X)
    >>> bool(np.allclose(pca.inverse_transform(Z), X))
    True
    """

    def __init__(self, *, n_components: float | None = None, whiten: bool = False,
                 svd_solver: str = "auto") -> None:
        self.n_components = n_components
        self.whiten = whiten
        self.svd_solver = svd_solver

    def _n_kept(self, ratio: np.ndarray, n_max: int) -> int:
        k = self.n_components
        if k is None:
            return n_max
        if isinstance(k, bool) or not isinstance(k, numbers.Real):
            raise TypeError(f"n_components must be None, an int or a float in (0, 1); got {k!r}.")
        if isinstance(k, numbers.Integral):
            if not 1 <= k <= n_max:
                raise ValueError(f"n_components={k} must be between 1 and min(n_samples, "
                                 f"n_features)={n_max}.")
            return int(k)
        if not 0.0 < k < 1.0:
            raise ValueError(f"n_components={k!r} as a float must be in (0, 1) (a fraction of "
                             "the variance); pass an int to give a number of components.")
        # fewest components whose cumulative ratio exceeds k
        return min(int(np.searchsorted(np.cumsum(ratio), k, side="right")) + 1, n_max)

    def fit(self, X: Any, y: Any = None) -> PCA:
        """Fit the principal axes to ``X`` of shape (n_samples, n_features); ``y`` is ignored."""
        check_bool(self.whiten, "whiten")
        solver = check_option(self.svd_solver, "svd_solver", ("auto", "full", "covariance_eigh"))
        X = check_array(X, ensure_min_samples=2)
        n, d = X.shape
        if solver == "auto":
            solver = "covariance_eigh" if n >= 10 * d and d <= 1000 else "full"
        with float_errors_as_value_error("PCA.fit (the explained variances)"):
            self._fit(X, n, d, solver)
        return self

    def _fit(self, X: np.ndarray, n: int, d: int, solver: str) -> None:
        self.mean_ = X.mean(axis=0)
        Xc = X - self.mean_  # (n, d)
        if solver == "covariance_eigh":
            eigvals, V = np.linalg.eigh(Xc.T @ Xc)  # ascending, (d,), (d, d)
            s = np.sqrt(np.maximum(eigvals[::-1], 0.0))[:min(n, d)]
            Vt = V[:, ::-1].T[:min(n, d)]
        elif n >= 2 * d:
            R = np.linalg.qr(Xc, mode="r")  # (d, d), same singular values and V as Xc
            _, s, Vt = np.linalg.svd(R)
        else:
            _, s, Vt = np.linalg.svd(Xc, full_matrices=False)  # (min(n, d),), (min(n, d), d)
        Vt = _svd_flip(Vt)
        variance = s ** 2 / (n - 1)
        total = variance.sum()
        ratio = variance / total if total > 0 else np.zeros_like(variance)
        n_max = min(n, d)
        k = self._n_kept(ratio, n_max)
        self.noise_variance_ = float(variance[k:].mean()) if k < n_max else 0.0
        self.components_ = Vt[:k].copy()
        self.explained_variance_ = variance[:k].copy()
        self.explained_variance_ratio_ = ratio[:k].copy()
        self.singular_values_ = s[:k].copy()
        self.n_components_, self.n_samples_, self.n_features_in_ = k, n, d

    def _scale(self) -> np.ndarray:
        """Per-component divisor used by whitening (1 for zero-variance components)."""
        sd = np.sqrt(self.explained_variance_)
        return np.where(sd > 0, sd, 1.0)

    def transform(self, X: Any) -> np.ndarray:
        """Project ``X`` (n_samples, n_features) to its coordinates (n_samples, n_components_)."""
        check_is_fitted(self, "components_")
        X = check_array(X)
        check_n_features(X, self)
        Z = (X - self.mean_) @ self.components_.T  # (n_samples, n_components_)
        return Z / self._scale() if self.whiten else Z

    def inverse_transform(self, X: Any) -> np.ndarray:
        """Map coordinates (n_samples, n_components_) back to feature space (n_samples, n_features)."""
        check_is_fitted(self, "components_")
        Z = check_array(X)
        if Z.shape[1] != self.n_components_:
            raise ValueError(f"X has {Z.shape[1]} columns, but this PCA has "
                             f"{self.n_components_} components.")
        if self.whiten:
            Z = Z * self._scale()
        return Z @ self.components_ + self.mean_
