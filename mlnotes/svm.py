r"""Support vector classification: the soft-margin dual solved by SMO.

The solver is LIBSVM's: sequential minimal optimisation that updates two
multipliers per step, chosen by the second-order working-set selection (WSS3)
of Fan, Chen & Lin, with the gradient kept up to date after every step. The
kernel matrix is computed once, vectorised, when it fits in memory; otherwise
kernel rows are computed on demand and cached. More than two classes are
handled one-vs-one, with LIBSVM's (and scikit-learn's) layout of the fitted
coefficients.

References
----------
Cortes & Vapnik, "Support-vector networks", *Machine Learning* 20, 1995.
Platt, "Sequential minimal optimization", Microsoft Research TR-98-14, 1998.
Fan, Chen & Lin, "Working set selection using second order information for
training support vector machines", *JMLR* 6, 1889-1918, 2005.
Chang & Lin, "LIBSVM: a library for support vector machines", *ACM TIST* 2(3), 2011.
"""

from __future__ import annotations

import numbers
import warnings
from collections import OrderedDict
from typing import Any

import numpy as np

from ._validation import (ConvergenceWarning, check_array, check_is_fitted, check_n_classes,
                          check_n_features, check_option, check_random_state, check_scalar, check_X_y,
                          encode_labels, float_errors_as_value_error)
from .base import BaseEstimator, ClassifierMixin

__all__ = ["SVC"]

_TAU = 1e-12  # LIBSVM's floor for a non-positive curvature a_ij
_FULL_KERNEL_MAX = 4000  # up to this many samples the whole kernel matrix is kept (128 MB)
_CACHE_BYTES = 200 * 2**20  # kernel-row cache for larger problems


def _kernel(A: np.ndarray, B: np.ndarray, kernel: str, gamma: float, degree: int,
            coef0: float, dtype: type = np.float64) -> np.ndarray:
    """Kernel matrix between the rows of A (m, d) and B (n, d): shape (m, n).

    The inner products come from few large matrix products (many small BLAS
    calls are slow when BLAS threads compete for cores); the element-wise part
    runs in place on cache-sized blocks, and the result is stored as ``dtype``.
    """
    n = B.shape[0]
    out = np.empty((A.shape[0], n), dtype=dtype)
    sq_A, sq_B = np.einsum("ij,ij->i", A, A), np.einsum("ij,ij->i", B, B)
    big, small = max(1, 2**22 // max(n, 1)), max(1, 2**15 // max(n, 1))  # rows per block
    for lo in range(0, A.shape[0], big):
        D = A[lo:lo + big] @ B.T  # (rows, n) inner products
        for r in range(0, D.shape[0], small):
            K = D[r:r + small]  # a view: updated in place
            if kernel == "poly":
                K *= gamma
                K += coef0
                K **= degree
            elif kernel == "rbf":  # exp(-gamma * (|a|^2 + |b|^2 - 2 a.b))
                K *= -2.0
                K += sq_A[lo + r:lo + r + small, None]
                K += sq_B
                np.maximum(K, 0.0, out=K)
                K *= -gamma
                np.exp(K, out=K)
        out[lo:lo + big] = D
    return out


def _kernel_diagonal(X: np.ndarray, kernel: str, gamma: float, degree: int,
                     coef0: float) -> np.ndarray:
    """``K(x_i, x_i)`` for every row of X (n, d): shape (n,)."""
    if kernel == "rbf":
        return np.ones(X.shape[0])
    dot = np.einsum("ij,ij->i", X, X)
    return dot if kernel == "linear" else (gamma * dot + coef0) ** degree


class _KernelRows:
    """Rows of the kernel matrix of X: all precomputed, or computed on demand and cached.

    As in LIBSVM, stored kernel values are single precision (``Qfloat``) and the
    diagonal is double; all arithmetic on them is done in double.
    """

    def __init__(self, X: np.ndarray, params: dict[str, Any]) -> None:
        self.X, self.params = X, params
        n = X.shape[0]
        self.diag = _kernel_diagonal(X, **params)  # (n,) K(x_i, x_i) in float64
        self.full = _kernel(X, X, dtype=np.float32, **params) if n <= _FULL_KERNEL_MAX else None
        self.cache: OrderedDict[int, np.ndarray] = OrderedDict()
        self.max_rows = max(2, _CACHE_BYTES // (4 * n))

    @classmethod
    def from_matrix(cls, K: np.ndarray, diag: np.ndarray) -> "_KernelRows":
        rows = cls.__new__(cls)
        rows.full, rows.diag = K, diag
        return rows

    def row(self, i: int) -> np.ndarray:
        if self.full is not None:
            return self.full[i]
        row = self.cache.get(i)
        if row is None:
            row = _kernel(self.X[i:i + 1], self.X, dtype=np.float32, **self.params)[0]
            if len(self.cache) >= self.max_rows:
                self.cache.popitem(last=False)
            self.cache[i] = row
        else:
            self.cache.move_to_end(i)
        return row


def _smo(K: _KernelRows, y: np.ndarray, C: float, tol: float,
         max_iter: int) -> tuple[np.ndarray, float, int, bool]:
    r"""Solve $\min_\alpha \frac12 \alpha^\top Q \alpha - e^\top \alpha$,
    $0 \le \alpha \le C$, $y^\top \alpha = 0$, $Q_{ij} = y_i y_j K_{ij}$.

    Returns the multipliers, the offset ``rho`` (decision = sum a_i y_i K(x_i, x) - rho),
    the number of iterations and whether the stopping tolerance was reached.
    Ties in the working-set selection go to the last index, as in LIBSVM.
    """
    n = y.shape[0]
    alpha = np.zeros(n)
    yG = -y.copy()  # y_t * (gradient)_t; the gradient of the dual at alpha = 0 is -1
    # I_up = {y=+1, alpha<C} u {y=-1, alpha>0};  I_low = {y=+1, alpha>0} u {y=-1, alpha<C}.
    # Kept as penalties (0 inside the set, inf outside), updated at i and j after each step.
    up_penalty = np.where(y > 0, 0.0, np.inf)
    low_penalty = np.where(y < 0, 0.0, np.inf)
    QD = K.diag
    unit_diagonal = bool(np.all(QD == 1.0))  # rbf: a_it = 2 (1 - K_it), and 2 does not change j
    y_list = y.tolist()
    a = np.empty(n)
    score = np.empty(n)
    limit = max(10_000_000, 100 * n) if max_iter == -1 else max_iter
    n_iter = 0
    while n_iter < limit:
        # WSS3: i maximises -y_t G_t over I_up ...
        np.add(yG, up_penalty, out=score)
        i = n - 1 - int(np.argmin(score[::-1]))
        if score[i] == np.inf:  # I_up empty: cannot happen for a feasible alpha; stop safely
            return alpha, _rho(alpha, yG, y, C), n_iter, True
        g_max = -float(yG[i])
        np.subtract(yG, low_penalty, out=score)  # y_t G_t on I_low, -inf elsewhere
        if g_max + float(score.max()) < tol:  # maximal violation m(alpha) - M(alpha) < tol
            return alpha, _rho(alpha, yG, y, C), n_iter, True
        # ... and j maximises b_t^2 / a_it over t in I_low with b_t = g_max + y_t G_t > 0,
        # a_it = K_ii + K_tt - 2 K_it (LIBSVM replaces a_it <= 0 by tau).
        K_i = K.row(i)
        if unit_diagonal:
            np.subtract(1.0, K_i, out=a, dtype=np.float64)
            np.maximum(a, _TAU / 2, out=a)  # K is float32: 1 - K_it is 0 or >= 2**-24
        else:
            np.multiply(K_i, -2.0, out=a)
            a += QD
            a += QD[i]
            np.maximum(a, _TAU, out=a)  # differs from LIBSVM only if 0 < a_it < 1e-12
        score += g_max
        np.maximum(score, 0.0, out=score)  # b_t, or 0 outside I_low and where b_t <= 0
        score *= score
        score /= a
        j = n - 1 - int(np.argmax(score[::-1]))
        if not score[j] > 0:
            return alpha, _rho(alpha, yG, y, C), n_iter, True
        K_j = K.row(j)
        n_iter += 1
        # Analytic update of (alpha_i, alpha_j) clipped to the box (LIBSVM Solver::Solve).
        yi, yj = y_list[i], y_list[j]
        Gi, Gj = yi * float(yG[i]), yj * float(yG[j])
        ai_old, aj_old = float(alpha[i]), float(alpha[j])
        quad = float(QD[i] + QD[j] - 2.0 * K_i[j])
        quad = quad if quad > 0 else _TAU
        if yi != yj:
            delta = (-Gi - Gj) / quad
            diff = ai_old - aj_old
            ai, aj = ai_old + delta, aj_old + delta
            if diff > 0:
                if aj < 0:
                    aj, ai = 0.0, diff
            elif ai < 0:
                ai, aj = 0.0, -diff
            if diff > 0:
                if ai > C:
                    ai, aj = C, C - diff
            elif aj > C:
                aj, ai = C, C + diff
        else:
            delta = (Gi - Gj) / quad
            total = ai_old + aj_old
            ai, aj = ai_old - delta, aj_old + delta
            if total > C:
                if ai > C:
                    ai, aj = C, total - C
            elif aj < 0:
                aj, ai = 0.0, total
            if total > C:
                if aj > C:
                    aj, ai = C, total - C
            elif ai < 0:
                ai, aj = 0.0, total
        alpha[i], alpha[j] = ai, aj
        # G += Q_i d_alpha_i + Q_j d_alpha_j, summed in LIBSVM's order (float32 rows, float64 sums)
        step = np.multiply(K_i, np.float64(yi * (ai - ai_old)), out=a)
        step += np.float64(yj * (aj - aj_old)) * K_j
        yG += step
        for t, yt, at in ((i, yi, ai), (j, yj, aj)):
            in_up = at < C if yt > 0 else at > 0
            in_low = at > 0 if yt > 0 else at < C
            up_penalty[t] = 0.0 if in_up else np.inf
            low_penalty[t] = 0.0 if in_low else np.inf
    return alpha, _rho(alpha, yG, y, C), n_iter, False


def _rho(alpha: np.ndarray, yG: np.ndarray, y: np.ndarray, C: float) -> float:
    """Offset: mean of y_t G_t over free multipliers, else the middle of the feasible interval."""
    free = (alpha > 0) & (alpha < C)
    if free.any():
        return float(yG[free].mean())
    at_upper, at_lower = alpha >= C, alpha <= 0
    ub_mask = (at_upper & (y < 0)) | (at_lower & (y > 0))
    lb_mask = (at_upper & (y > 0)) | (at_lower & (y < 0))
    ub = yG[ub_mask].min() if ub_mask.any() else np.inf
    lb = yG[lb_mask].max() if lb_mask.any() else -np.inf
    return float((ub + lb) / 2)


class SVC(ClassifierMixin, BaseEstimator):
    r"""C-support vector classifier (soft margin, kernels), trained by SMO.

    Parameters
    ----------
    C : float, default=1.0
        Box constraint: the penalty on margin violations (larger = harder margin).
    kernel : {"rbf", "linear", "poly"}, default="rbf"
        Kernel $K(x, z)$: $\exp(-\gamma\lVert x-z\rVert^2)$,
        $x^\top z$ or $(\gamma x^\top z + c_0)^{d}$.
    degree : int, default=3
        Degree $d$ of the polynomial kernel.
    gamma : {"scale", "auto"} or float, default="scale"
        Kernel coefficient: "scale" is ``1 / (n_features * X.var())``, "auto" is
        ``1 / n_features``.
    coef0 : float, default=0.0
        The constant $c_0$ of the polynomial kernel.
    tol : float, default=1e-3
        Stop when the maximal KKT violation $m(\alpha) - M(\alpha)$ is below ``tol``.
    max_iter : int, default=-1
        Maximum SMO steps per binary problem; -1 means LIBSVM's limit
        ``max(10**7, 100 * n_samples)``. A ``ConvergenceWarning`` is issued when it is hit.
    decision_function_shape : {"ovr", "ovo"}, default="ovr"
        With more than two classes, return one-vs-one values (n_samples,
        n_classes * (n_classes - 1) / 2) or scikit-learn's one-vs-rest
        aggregation (votes plus a tie-breaking confidence) of shape (n_samples, n_classes).
    random_state : int, numpy.random.Generator or None, default=None
        Accepted for scikit-learn compatibility; the solver is deterministic and
        does not use it.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        Sorted class labels.
    support_ : ndarray of shape (n_SV,)
        Indices of the support vectors in the training data, grouped by class.
    support_vectors_ : ndarray of shape (n_SV, n_features)
        The support vectors (training points with $\alpha_i > 0$).
    n_support_ : ndarray of shape (n_classes,)
        Number of support vectors of each class.
    dual_coef_ : ndarray of shape (n_classes - 1, n_SV)
        $y_i \alpha_i$ of the support vectors in LIBSVM's one-vs-one layout
        (binary: positive for ``classes_[1]``).
    intercept_ : ndarray of shape (n_classes * (n_classes - 1) / 2,)
        The constants $b$ of the pairwise decision functions.
    n_iter_ : ndarray of shape (n_classes * (n_classes - 1) / 2,)
        SMO steps taken by each binary problem.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    Each binary problem (labels $y_i = \pm 1$) solves the dual

    $$
    \min_\alpha \tfrac12 \sum_{ij} \alpha_i \alpha_j y_i y_j K(x_i, x_j)
    - \sum_i \alpha_i \quad \text{s.t. } 0 \le \alpha_i \le C,\ \sum_i y_i \alpha_i = 0,
    $$

    and predicts with $f(x) = \sum_i y_i \alpha_i K(x_i, x) + b$. SMO
    changes two multipliers at a time; the pair is the maximal violating
    $i$ and the $j$ with the largest second-order decrease
    $(G_{max} + y_j \nabla_j)^2 / a_{ij}$,
    $a_{ij} = K_{ii} + K_{jj} - 2K_{ij}$ (WSS3). With more classes,
    one-vs-one classifiers vote and ties go to the first class.

    References
    ----------
    Fan, Chen & Lin, "Working set selection using second order information for
    training support vector machines", *JMLR* 6, 2005.
    Chang & Lin, "LIBSVM: a library for support vector machines", *ACM TIST* 2(3), 2011.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [3.0, 3.0], [4.0, 4.0], [3.0, 4.0]])
    >>> y = np.array([0, 0, 0, 1, 1, 1])
    >>> clf = SVC(kernel="linear").fit(X, y)
    >>> clf.predict([[0.5, 0.5], [3.5, 3.5]]).tolist()
    [0, 1]
    >>> clf.support_.tolist()
    [1, 3]
    >>> np.round(clf.coef_, 3).tolist(), np.round(clf.decision_function([[0.0, 0.0], [4.0, 4.0]]), 3).tolist()
    ([[0.5, 0.5]], [-2.0, 2.0])
    """

    def __init__(self, *, C: float = 1.0, kernel: str = "rbf", degree: int = 3,
                 gamma: str | float = "scale", coef0: float = 0.0, tol: float = 1e-3,
                 max_iter: int = -1, decision_function_shape: str = "ovr",
                 random_state: Any = None) -> None:
        self.C = C
        self.kernel = kernel
        self.degree = degree
        self.gamma = gamma
        self.coef0 = coef0
        self.tol = tol
        self.max_iter = max_iter
        self.decision_function_shape = decision_function_shape
        self.random_state = random_state

    def _check_params(self, X: np.ndarray) -> float:
        check_scalar(self.C, "C", min_val=0.0, include_min=False)
        check_option(self.kernel, "kernel", ("rbf", "linear", "poly"))
        check_scalar(self.degree, "degree", int, min_val=0)
        check_scalar(self.coef0, "coef0")
        if isinstance(self.tol, (float, int)) and 0 < self.tol < 1e-12:  # SMO could never certify it
            raise ValueError(f"tol must be >= 1e-12, got {self.tol}: smaller tolerances are below the "
                             "rounding error of the solver's gradient and SMO would run until max_iter.")
        check_scalar(self.tol, "tol", min_val=0.0, include_min=False)
        check_scalar(self.max_iter, "max_iter", int, min_val=-1)
        if self.max_iter == 0:
            raise ValueError("max_iter must be -1 (no limit) or a positive int, got 0.")
        check_option(self.decision_function_shape, "decision_function_shape", ("ovr", "ovo"))
        check_random_state(self.random_state)
        if isinstance(self.gamma, str):
            check_option(self.gamma, "gamma", ("scale", "auto"))
            if self.gamma == "auto":
                return 1.0 / X.shape[1]
            with float_errors_as_value_error("gamma='scale' (1 / (n_features * X.var()))"):
                var = float(X.var()) if X.max() > X.min() else 0.0  # exactly 0 if X is constant
                return 1.0 / (X.shape[1] * var) if var != 0 else 1.0
        if not isinstance(self.gamma, numbers.Real) or isinstance(self.gamma, bool):
            raise TypeError(f"gamma must be 'scale', 'auto' or a float, got {self.gamma!r}.")
        return float(check_scalar(self.gamma, "gamma", min_val=0.0))

    def fit(self, X: Any, y: Any) -> "SVC":
        """Solve the one-vs-one duals for ``X`` (n_samples, n_features) and labels ``y``."""
        X, y = check_X_y(X, y)
        classes, y_index = encode_labels(y)
        check_n_classes(classes, self)
        self._gamma = self._check_params(X)
        params = dict(kernel=self.kernel, gamma=self._gamma, degree=int(self.degree),
                      coef0=float(self.coef0))
        n_classes = classes.shape[0]
        grouped = np.argsort(y_index, kind="stable")  # samples grouped by class (as LIBSVM)
        bounds = np.searchsorted(y_index[grouped], np.arange(n_classes + 1))
        full = None
        with float_errors_as_value_error("the SVC kernel / solver"):
            if X.shape[0] <= _FULL_KERNEL_MAX and n_classes > 2:
                full = _KernelRows(X[grouped], params)  # shared by all pairs
            alphas, rhos, n_iter = {}, [], []
            for a in range(n_classes):
                for b in range(a + 1, n_classes):
                    cols = np.r_[bounds[a]:bounds[a + 1], bounds[b]:bounds[b + 1]]
                    y_pair = np.where(cols < bounds[a + 1], 1.0, -1.0)
                    K = _KernelRows(X[grouped[cols]], params) if full is None else \
                        _KernelRows.from_matrix(full.full[np.ix_(cols, cols)], full.diag[cols])
                    alpha, rho, steps, converged = _smo(K, y_pair, float(self.C),
                                                        float(self.tol), int(self.max_iter))
                    if not converged:
                        warnings.warn(f"SVC solver for classes {classes[a]!r} vs {classes[b]!r} "
                                      f"stopped at max_iter={steps} before reaching tol="
                                      f"{self.tol}; the result may be inaccurate.",
                                      ConvergenceWarning, stacklevel=2)
                    alphas[a, b] = (cols, alpha * y_pair)
                    rhos.append(rho)
                    n_iter.append(steps)
        self._store(X, grouped, bounds, alphas, np.array(rhos), classes)
        self.n_iter_ = np.array(n_iter)
        return self

    def _store(self, X: np.ndarray, grouped: np.ndarray, bounds: np.ndarray,
               alphas: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]], rhos: np.ndarray,
               classes: np.ndarray) -> None:
        """Arrange the pairwise solutions as LIBSVM / scikit-learn do."""
        n_classes = classes.shape[0]
        is_sv = np.zeros(grouped.shape[0], dtype=bool)  # in grouped (class-block) order
        for cols, coef in alphas.values():
            is_sv[cols[coef != 0]] = True
        sv_index = np.cumsum(is_sv) - 1  # grouped position -> support-vector number
        n_sv = int(is_sv.sum())
        dual = np.zeros((n_classes - 1, n_sv))
        pair_coef = np.zeros((n_sv, len(alphas)))  # column p: coefficients of pair p
        for p, ((a, b), (cols, coef)) in enumerate(alphas.items()):
            keep = is_sv[cols]
            cols, coef = cols[keep], coef[keep]
            in_a = cols < bounds[a + 1]
            dual[b - 1, sv_index[cols[in_a]]] = coef[in_a]
            dual[a, sv_index[cols[~in_a]]] = coef[~in_a]
            pair_coef[sv_index[cols], p] = coef
        self.classes_ = classes
        self.support_ = grouped[is_sv]
        self.support_vectors_ = X[self.support_]
        self.n_support_ = np.diff(np.searchsorted(np.flatnonzero(is_sv), bounds)).astype(np.int32)
        self.n_features_in_ = X.shape[1]
        if n_classes == 2:  # scikit-learn's sign convention: f(x) > 0 means classes_[1]
            self.dual_coef_, self.intercept_, self._pair_coef = -dual, rhos.copy(), -pair_coef
        else:
            self.dual_coef_, self.intercept_, self._pair_coef = dual, -rhos, pair_coef

    def _ovo_values(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "support_vectors_")
        X = check_array(X)
        check_n_features(X, self)
        with float_errors_as_value_error("the SVC kernel"):
            K = _kernel(X, self.support_vectors_, kernel=self.kernel, gamma=self._gamma,
                        degree=int(self.degree), coef0=float(self.coef0))  # (n_samples, n_SV)
            return K @ self._pair_coef + self.intercept_  # (n_samples, n_pairs)

    def decision_function(self, X: Any) -> np.ndarray:
        """Pairwise decision values; shape (n_samples,) for two classes.

        With more classes: (n_samples, n_pairs) for ``decision_function_shape="ovo"``
        (positive = first class of the pair), else (n_samples, n_classes).
        """
        values = self._ovo_values(X)
        n_classes = self.classes_.shape[0]
        if n_classes == 2:
            return values[:, 0]
        if self.decision_function_shape == "ovo":
            return values
        # scikit-learn's aggregation (a tie at 0 counts for the first class of the pair)
        votes, confidence = self._votes(values, ties_to_first=True), np.zeros((values.shape[0], n_classes))
        for p, (a, b) in enumerate(self._pairs()):
            confidence[:, a] += values[:, p]
            confidence[:, b] -= values[:, p]
        return votes + confidence / (3 * (np.abs(confidence) + 1))

    def _pairs(self) -> list[tuple[int, int]]:
        n = self.classes_.shape[0]
        return [(a, b) for a in range(n) for b in range(a + 1, n)]

    def _votes(self, values: np.ndarray, ties_to_first: bool = False) -> np.ndarray:
        votes = np.zeros((values.shape[0], self.classes_.shape[0]))
        for p, (a, b) in enumerate(self._pairs()):
            wins_a = values[:, p] >= 0 if ties_to_first else values[:, p] > 0
            votes[:, a] += wins_a
            votes[:, b] += ~wins_a
        return votes

    def predict(self, X: Any) -> np.ndarray:
        """Class of each row of ``X`` (n_samples, n_features) by one-vs-one voting."""
        values = self._ovo_values(X)
        if self.classes_.shape[0] == 2:
            return self.classes_[(values[:, 0] >= 0).astype(np.intp)]
        return self.classes_[np.argmax(self._votes(values), axis=1)]

    @property
    def coef_(self) -> np.ndarray:
        """Primal weights ``w`` (linear kernel only): (1, n_features) or (n_pairs, n_features)."""
        if self.kernel != "linear":
            raise AttributeError("coef_ is only available when using a linear kernel.")
        check_is_fitted(self, "support_vectors_")
        return self._pair_coef.T @ self.support_vectors_
