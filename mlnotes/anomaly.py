r"""Anomaly detection: a z-score rule and the isolation forest.

Both detectors follow scikit-learn's outlier-detection API: ``score_samples``
(lower means more abnormal), ``decision_function = score_samples - offset_``
(negative means outlier) and ``predict`` returning ``1`` for inliers and ``-1``
for outliers.

References
----------
F. T. Liu, K. M. Ting & Z.-H. Zhou, "Isolation forest", ICDM 2008, and
"Isolation-based anomaly detection", ACM TKDD 6(1), 2012.
V. Chandola, A. Banerjee & V. Kumar, "Anomaly detection: a survey", ACM Comput. Surv. 41(3), 2009.
"""

from __future__ import annotations

import numbers
from typing import Any, NamedTuple

import numpy as np

from ._validation import (check_array, check_is_fitted, check_n_features, check_random_state,
                          check_scalar, float_errors_as_value_error, power_of_two_exponent)
from .base import BaseEstimator

__all__ = ["IsolationForest", "IsolationTrees", "ZScoreDetector", "average_path_length"]


class _OutlierMixin:
    """``decision_function`` and ``predict`` from ``score_samples`` and ``offset_``."""

    _estimator_type = "outlier_detector"

    def decision_function(self, X: Any) -> np.ndarray:
        """``score_samples(X) - offset_``, shape (n_samples,): negative for outliers."""
        return self.score_samples(X) - self.offset_  # type: ignore[attr-defined]

    def predict(self, X: Any) -> np.ndarray:
        """``1`` for inliers and ``-1`` for outliers, shape (n_samples,)."""
        return np.where(self.decision_function(X) < 0, -1, 1)

    def fit_predict(self, X: Any, y: Any = None) -> np.ndarray:
        """Fit to ``X`` and return ``predict(X)``."""
        return self.fit(X).predict(X)  # type: ignore[attr-defined]

    def _validated(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "offset_")
        X = check_array(X)
        check_n_features(X, self)
        return X


class ZScoreDetector(_OutlierMixin, BaseEstimator):
    r"""Flag samples lying more than ``threshold`` standard deviations from the mean.

    Parameters
    ----------
    threshold : float, default=3.0
        A sample is an outlier when $\max_j |z_j| >$ ``threshold`` (> 0).

    Attributes
    ----------
    mean_ : ndarray of shape (n_features,)
        Training mean $\mu_j$.
    scale_ : ndarray of shape (n_features,)
        Training standard deviation $s_j$ (1 for constant features).
    offset_ : float
        ``-threshold``.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    $z_{ij} = (x_{ij} - \mu_j)/s_j$ and ``score_samples`` returns
    $-\max_j |z_{ij}|$, so lower is more abnormal, as for
    [`IsolationForest`][mlnotes.anomaly.IsolationForest]. Mean and deviation are themselves pulled by the
    outliers, so the rule suits mild contamination of roughly Gaussian data.

    References
    ----------
    Chandola, Banerjee & Kumar (2009), §7 (statistical techniques).

    Examples
    --------
    >>> import numpy as np
    >>> X = np.r_[np.linspace(-1, 1, 20), 8.0].reshape(-1, 1)
    >>> ZScoreDetector(threshold=3.0).fit(X).predict(X)[-3:]
    array([ 1,  1, -1])
    """

    def __init__(self, *, threshold: float = 3.0) -> None:
        self.threshold = threshold

    def fit(self, X: Any, y: Any = None) -> ZScoreDetector:
        """Learn the mean and deviation of ``X`` (n_samples, n_features); ``y`` is ignored."""
        check_scalar(self.threshold, "threshold", numbers.Real, min_val=0.0, include_min=False)
        X = check_array(X)
        e = power_of_two_exponent(X)  # exact rescaling: huge values cannot overflow the variance
        X_scaled = np.ldexp(X, -e)
        self.mean_ = np.ldexp(X_scaled.mean(axis=0), e)
        scale = np.ldexp(X_scaled.std(axis=0), e)
        self.scale_ = np.where(scale > 0, scale, 1.0)
        self.offset_ = -float(self.threshold)
        self.n_features_in_ = X.shape[1]
        return self

    def score_samples(self, X: Any) -> np.ndarray:
        """Opposite of the largest absolute z-score of each row, shape (n_samples,)."""
        X = self._validated(X)
        with float_errors_as_value_error("ZScoreDetector.score_samples"):
            return -np.abs((X - self.mean_) / self.scale_).max(axis=1)


def average_path_length(n: Any) -> np.ndarray:
    r"""Mean depth $c(n)$ of an unsuccessful search in a binary search tree of ``n`` keys.

    $c(n) = 2 H(n-1) - 2(n-1)/n$ with $H(i) \approx \ln i + 0.5772156649$;
    $c(1) = 0$ and $c(2) = 1$.

    Examples
    --------
    >>> average_path_length([1, 2, 256]).round(3)
    array([ 0.   ,  1.   , 10.245])
    """
    n = check_array(n, name="n", ensure_2d=False, allow_nd=True, ensure_min_samples=0)
    if (n < 0).any():
        raise ValueError(f"n must hold non-negative sample counts, got minimum {n.min()}.")
    c = np.zeros_like(n)
    big = n > 2
    c[n == 2] = 1.0
    c[big] = 2.0 * (np.log(n[big] - 1.0) + np.euler_gamma) - 2.0 * (n[big] - 1.0) / n[big]
    return c


class IsolationTrees(NamedTuple):
    """All trees of a fitted [`IsolationForest`][mlnotes.anomaly.IsolationForest], as flat node arrays."""

    roots: np.ndarray        #: (n_estimators,) node index of each tree's root
    feature: np.ndarray      #: (n_nodes,) split feature, -1 at a leaf
    threshold: np.ndarray    #: (n_nodes,) go left when x[feature] <= threshold
    left: np.ndarray         #: (n_nodes,) left child (leaf: itself)
    right: np.ndarray        #: (n_nodes,) right child (leaf: itself)
    path_length: np.ndarray  #: (n_nodes,) leaf depth + c(samples in leaf); 0 inside


def _grow_forest(samples: np.ndarray, n_trees: int, max_depth: int,
                 rng: np.random.Generator) -> IsolationTrees:
    """Grow all trees together, one depth level at a time.

    ``samples`` has shape (n_trees * psi, n_features), tree ``t`` owning rows
    ``t * psi : (t + 1) * psi``. At each level every splittable node draws a
    feature uniformly among those not constant in it and a threshold uniformly
    between that feature's min and max in the node.
    """
    psi = samples.shape[0] // n_trees
    levels = []  # per level: (feature, threshold, left, right, path_length) of its nodes
    node_of = np.repeat(np.arange(n_trees), psi)  # node of each sample; roots are 0..n_trees-1
    first, n_nodes = 0, n_trees  # this level's nodes are first .. n_nodes - 1
    rows = np.arange(samples.shape[0])  # samples of this level's nodes, grouped by node
    for depth in range(max_depth + 1):
        ids = np.arange(first, n_nodes)
        m = ids.size
        starts = np.searchsorted(node_of[rows], ids)
        sizes = np.diff(np.r_[starts, rows.size])
        Xs = samples[rows]  # (n_rows, n_features), grouped by node
        lo = np.minimum.reduceat(Xs, starts, axis=0)  # (m, n_features)
        hi = np.maximum.reduceat(Xs, starts, axis=0)
        varies = hi > lo
        n_vary = varies.sum(axis=1)
        split = (sizes > 1) & (n_vary > 0) & (depth < max_depth)
        # a random non-constant feature: the r-th True of each row of `varies`
        r = np.floor(rng.random(m) * n_vary)
        f = np.argmax(np.cumsum(varies, axis=1) > r[:, None], axis=1)
        lo_f, hi_f = lo[np.arange(m), f], hi[np.arange(m), f]
        t = lo_f + rng.random(m) * (hi_f - lo_f)
        t = np.where(t == hi_f, lo_f, t)  # keeps both children non-empty
        n_split = int(split.sum())
        left = np.where(split, 0, ids)
        left[split] = n_nodes + 2 * np.arange(n_split)  # children numbered in parent order
        right = np.where(split, left + 1, ids)
        levels.append((np.where(split, f, -1), np.where(split, t, 0.0), left, right,
                       np.where(split, 0.0, depth + average_path_length(sizes))))
        first, n_nodes = n_nodes, n_nodes + 2 * n_split
        if n_split == 0:
            break
        # route the samples of the split nodes to their children, keep them grouped
        pos = np.repeat(np.arange(m), sizes)  # position of each row's node in this level
        keep = split[pos]
        rows, pos = rows[keep], pos[keep]
        goes_right = Xs[keep, f[pos]] > t[pos]
        node_of[rows] = left[pos] + goes_right
        rows = rows[np.argsort(node_of[rows], kind="stable")]
    feature, threshold, left, right, path = (np.concatenate(a) for a in zip(*levels, strict=True))
    return IsolationTrees(np.arange(n_trees), feature, threshold, left, right, path)


def _path_lengths(trees: IsolationTrees, X: np.ndarray, max_depth: int) -> np.ndarray:
    """Mean over trees of the path length $h(x)$ of each row of ``X``, shape (n_samples,)."""
    n_trees = trees.roots.size
    out = np.empty(X.shape[0])
    rows = max(1, (1 << 20) // n_trees)
    for s in range(0, X.shape[0], rows):
        Xb = X[s:s + rows]
        node = np.broadcast_to(trees.roots, (Xb.shape[0], n_trees)).copy()  # (rows, n_trees)
        sample = np.arange(Xb.shape[0])[:, None]
        for _ in range(max_depth):  # every tree is at most max_depth deep; leaves point to themselves
            f = trees.feature[node]
            x = Xb[sample, np.maximum(f, 0)]
            node = np.where(x <= trees.threshold[node], trees.left[node], trees.right[node])
        out[s:s + rows] = trees.path_length[node].mean(axis=1)
    return out


class IsolationForest(_OutlierMixin, BaseEstimator):
    r"""Isolation forest: anomalies are isolated by few random splits.

    Parameters
    ----------
    n_estimators : int, default=100
        Number of isolation trees.
    max_samples : "auto", int or float, default="auto"
        Sub-sample size $\psi$ per tree: ``"auto"`` is ``min(256, n_samples)``,
        an int is clipped to ``n_samples``, a float in ``(0, 1]`` is a fraction of it.
    contamination : "auto" or float, default="auto"
        Expected fraction of outliers in ``(0, 0.5]``: ``offset_`` is the matching
        percentile of the training scores. ``"auto"`` uses ``offset_ = -0.5``.
    random_state : int, numpy.random.Generator or None, default=None
        Seed of the sub-samples, features and thresholds.

    Attributes
    ----------
    trees_ : IsolationTrees
        The fitted trees as flat node arrays.
    max_samples_ : int
        Actual sub-sample size $\psi$.
    max_depth_ : int
        Height limit $\lceil \log_2 \psi \rceil$.
    offset_ : float
        Threshold on ``score_samples`` below which a sample is an outlier.
    n_features_in_ : int
        Number of features seen in ``fit``.

    Notes
    -----
    Each tree is grown on $\psi$ samples drawn without replacement, by
    splitting on a random feature at a uniform random threshold until a node holds
    one sample (or identical ones) or the height limit is reached. A sample's path
    length $h(x)$ is its leaf's depth plus $c(m)$ for the $m$
    training samples left in that leaf, and

    $$
    s(x) = 2^{-E[h(x)] / c(\psi)},
    $$

    close to 1 for anomalies and below 0.5 for normal points. ``score_samples``
    returns $-s(x)$, the same scale as scikit-learn. Trees are grown level by
    level for all trees at once, and scoring walks all trees together.

    References
    ----------
    Liu, Ting & Zhou (2008, 2012).

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> X = np.r_[rng.normal(size=(200, 2)), [[6.0, 6.0]]]
    >>> forest = IsolationForest(random_state=0).fit(X)
    >>> forest.predict([[0.0, 0.0], [6.0, 6.0]])
    array([ 1, -1])
    >>> bool(forest.score_samples([[6.0, 6.0]])[0] < -0.6)
    True
    """

    def __init__(self, *, n_estimators: int = 100, max_samples: str | float = "auto",
                 contamination: str | float = "auto", random_state: Any = None) -> None:
        self.n_estimators = n_estimators
        self.max_samples = max_samples
        self.contamination = contamination
        self.random_state = random_state

    def _sub_sample_size(self, n: int) -> int:
        ms = self.max_samples
        if isinstance(ms, str):
            if ms != "auto":
                raise ValueError(f"max_samples must be 'auto', an int or a float in (0, 1]; got {ms!r}.")
            return min(256, n)
        if isinstance(ms, (numbers.Integral, np.integer)) and not isinstance(ms, bool):
            check_scalar(ms, "max_samples", int, min_val=1)
            return min(int(ms), n)
        check_scalar(ms, "max_samples", numbers.Real, min_val=0.0, include_min=False, max_val=1.0)
        return max(1, int(ms * n))

    def fit(self, X: Any, y: Any = None) -> IsolationForest:
        """Grow the forest on ``X`` of shape (n_samples, n_features); ``y`` is ignored."""
        check_scalar(self.n_estimators, "n_estimators", int, min_val=1)
        if not (isinstance(self.contamination, str) and self.contamination == "auto"):
            if isinstance(self.contamination, str):
                raise ValueError(f"contamination must be 'auto' or a float in (0, 0.5]; "
                                 f"got {self.contamination!r}.")
            check_scalar(self.contamination, "contamination", numbers.Real, min_val=0.0,
                         include_min=False, max_val=0.5)
        X = check_array(X)
        rng = check_random_state(self.random_state)
        n = X.shape[0]
        psi = self._sub_sample_size(n)
        self.max_samples_ = psi
        self.max_depth_ = int(np.ceil(np.log2(max(psi, 2))))
        idx = np.concatenate([rng.choice(n, psi, replace=False) for _ in range(self.n_estimators)])
        self.trees_ = _grow_forest(X[idx], self.n_estimators, self.max_depth_, rng)
        self.n_features_in_ = X.shape[1]
        self.offset_ = -0.5
        if not isinstance(self.contamination, str):
            self.offset_ = float(np.percentile(self.score_samples(X), 100.0 * self.contamination))
        return self

    def score_samples(self, X: Any) -> np.ndarray:
        """Opposite anomaly score $-s(x)$ in ``[-1, 0]``, shape (n_samples,); lower is more abnormal."""
        X = self._validated(X)
        h = _path_lengths(self.trees_, X, self.max_depth_)
        c = float(average_path_length(self.max_samples_))
        return -np.exp2(-h / c) if c > 0 else -np.full(X.shape[0], 0.5)
