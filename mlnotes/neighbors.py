r"""k-nearest-neighbour classification and regression (brute force, Euclidean).

Follows Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*,
2nd ed., §2.3.2 and §13.3, and the conventions of scikit-learn's
``KNeighborsClassifier`` / ``KNeighborsRegressor`` with ``algorithm="brute"``.

The algorithm is three lines of numpy, written out in
[`knn_predict_naive`][mlnotes.neighbors.knn_predict_naive]: all distances, a sort,
a majority vote. The estimators find the same neighbours (tested) faster: sorting
whole rows instead of `_k_smallest` makes ``predict`` 13x slower on the benchmark's
2,000 queries x 2,000 training points. All query–training distances come from one
matrix product,
$\lVert a-b\rVert^2 = \lVert a\rVert^2 + \lVert b\rVert^2 - 2a^\top b$,
computed for a block of query rows at a time so that the block of distances
never exceeds ``_CHUNK_BYTES`` (8 MB): 50,000 × 50,000 queries use a few tens
of MB instead of 20 GB, and each block stays in cache while the ``k``
nearest are picked out of it without sorting whole rows (`_k_smallest`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._validation import (
    check_array,
    check_is_fitted,
    check_n_features,
    check_n_classes,
    check_bool,
    power_of_two_exponent,
    check_option,
    check_scalar,
    check_X_y,
    encode_labels,
    float_errors_as_value_error,
)
from .base import BaseEstimator, ClassifierMixin, RegressorMixin

__all__ = ["KNeighborsClassifier", "KNeighborsRegressor", "knn_predict_naive"]

_CHUNK_BYTES = 8 * 2**20  # one float64 block of distance scores (plus a 1/8-size mask)


def knn_predict_naive(X_train: Any, y_train: Any, X: Any, n_neighbors: int = 5) -> np.ndarray:
    r"""Textbook k-NN classification: every distance, a sort, a majority vote.

    What [`KNeighborsClassifier`][mlnotes.neighbors.KNeighborsClassifier] predicts
    with uniform weights, without its speed-ups (distances from one matrix product in
    blocks, a selection of the ``k`` smallest without a full sort); the tests check
    that both predict the same labels.

    Parameters
    ----------
    X_train : array-like of shape (n_train, n_features)
        Training points.
    y_train : array-like of shape (n_train,)
        Their class labels.
    X : array-like of shape (n_queries, n_features)
        Points to classify.
    n_neighbors : int, default=5
        Number of neighbours $k$ that vote ($\le$ n_train).

    Returns
    -------
    ndarray of shape (n_queries,)
        The most frequent label among each query's $k$ nearest training points;
        a tie in distance goes to the lower training index, a tie in votes to the
        first class in sorted order.

    Notes
    -----
    $\hat y(x) = \arg\max_c \sum_{i \in N_k(x)} [y_i = c]$ with $N_k(x)$ the $k$
    training points of smallest $\lVert x - x_i \rVert$.

    Examples
    --------
    >>> knn_predict_naive([[0.0], [1.0], [2.0], [3.0]], ["a", "a", "b", "b"], [[1.1], [2.9]], 3).tolist()
    ['a', 'b']
    """
    X_train, y_train = check_X_y(X_train, y_train)
    X = check_array(X, name="X")
    if X.shape[1] != X_train.shape[1]:
        raise ValueError(f"X has {X.shape[1]} features, but X_train has {X_train.shape[1]}.")
    check_scalar(n_neighbors, "n_neighbors", int, min_val=1, max_val=X_train.shape[0])
    classes, y_index = encode_labels(y_train)
    with float_errors_as_value_error("knn_predict_naive (squared distances)"):
        diff = X[:, None, :] - X_train[None, :, :]  # (n_queries, n_train, n_features)
        d2 = np.sum(diff * diff, axis=2)  # (n_queries, n_train)
    nearest = np.argsort(d2, axis=1, kind="stable")[:, :n_neighbors]  # (n_queries, k)
    votes = np.array([np.bincount(y_index[row], minlength=classes.size) for row in nearest])
    return classes[np.argmax(votes, axis=1)]


def _k_smallest(scores: np.ndarray, k: int) -> np.ndarray:
    """Column indices of the ``k`` smallest entries of each row, ordered by (value, column).

    Instead of partitioning every row, the minima of ``G >= k`` column groups
    give an upper bound on each row's k-th smallest value (they are k actual
    entries); usually only a handful of entries lie below it, and only those
    candidates are sorted. ``scores`` has shape (n_rows, n_columns).
    """
    n_rows, n_cols = scores.shape
    n_groups = max(k, 32, -(-n_cols // 64))  # at most ~64 passes of the loop below
    if n_cols < 2 * n_groups:  # small problem: sort whole rows
        return np.argsort(scores, axis=1, kind="stable")[:, :k]
    group_min = scores[:, :n_groups].copy()  # (n_rows, G); group j = columns j, j+G, j+2G, ...
    for start in range(n_groups, n_cols - n_groups + 1, n_groups):
        np.minimum(group_min, scores[:, start:start + n_groups], out=group_min)
    bound = np.partition(group_min, k - 1, axis=1)[:, k - 1]  # (n_rows,)
    rows, cols = np.divmod(np.flatnonzero(scores <= bound[:, None]), n_cols)  # >= k per row
    order = np.lexsort((cols, scores[rows, cols], rows))  # by row, then value, then column
    rows, cols = rows[order], cols[order]
    first = np.searchsorted(rows, np.arange(n_rows))  # where each row's candidates start
    return cols[first[:, None] + np.arange(k)]  # (n_rows, k)


def _k_nearest(Q: np.ndarray, X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, int]:
    r"""Sorted squared distances and indices of the ``k`` nearest rows of ``X`` for each row of ``Q``.

    Ranking a query's neighbours only needs $\lVert x\rVert^2 - 2q^\top x$,
    one matrix product of $[q, 1]$ with $[-2x, \lVert x\rVert^2]$;
    $\lVert q\rVert^2$ is added to the ``k`` selected values. Returns
    ``(d2, ind, e)``: ``d2`` and ``ind`` of shape (n_queries, k), the squared
    distances in units of ``4**e`` (see `_power_of_two_exponent`).
    """
    exponent = power_of_two_exponent(Q, X)
    if exponent:
        Q, X = np.ldexp(Q, -exponent), np.ldexp(X, -exponent)
    n_queries, n_fit = Q.shape[0], X.shape[0]
    X_aug = np.hstack([-2.0 * X, np.einsum("ij,ij->i", X, X)[:, None]])  # (n_fit, d + 1)
    rows = max(1, _CHUNK_BYTES // (8 * n_fit))
    dist = np.empty((n_queries, k))
    ind = np.empty((n_queries, k), dtype=np.intp)
    for start in range(0, n_queries, rows):
        Q_block = Q[start:start + rows]
        Q_aug = np.hstack([Q_block, np.ones((len(Q_block), 1))])  # (rows, d + 1)
        scores = Q_aug @ X_aug.T  # (rows, n_fit): ||x||^2 - 2 q.x
        nearest = _k_smallest(scores, k)  # (rows, k)
        d2 = np.take_along_axis(scores, nearest, axis=1)
        d2 += np.einsum("ij,ij->i", Q_block, Q_block)[:, None]
        dist[start:start + rows] = np.maximum(d2, 0.0)  # round-off can make d2 slightly negative
        ind[start:start + rows] = nearest
    return dist, ind, exponent


def _neighbour_weights(dist: np.ndarray, weights: str) -> np.ndarray:
    """Weights (n_queries, k): 1 for "uniform", proportional to 1/distance for "distance".

    A query that coincides with training points gets weight only on those
    points (scikit-learn's rule). Dividing by each row's smallest distance keeps
    the weights in (0, 1] so they never overflow; only their ratios matter.
    """
    if weights == "uniform":
        return np.ones_like(dist)
    exact = dist == 0.0
    w = np.divide(dist[:, :1], dist, out=np.zeros_like(dist), where=~exact)
    hit = exact.any(axis=1)
    w[hit] = exact[hit]
    return w


class _KNeighborsBase(BaseEstimator):
    """Shared fit / kneighbors of the two k-NN estimators."""

    def __init__(self, *, n_neighbors: int = 5, weights: str = "uniform") -> None:
        self.n_neighbors = n_neighbors
        self.weights = weights

    def _check_params(self) -> None:
        check_scalar(self.n_neighbors, "n_neighbors", int, min_val=1)
        check_option(self.weights, "weights", ("uniform", "distance"))

    def _fit(self, X: np.ndarray, y: np.ndarray) -> None:
        self.X_fit_ = X
        self.y_fit_ = y
        self.n_features_in_ = X.shape[1]
        self.n_samples_fit_ = X.shape[0]

    def kneighbors(self, X: Any = None, n_neighbors: int | None = None,
                   return_distance: bool = True) -> tuple[np.ndarray, np.ndarray] | np.ndarray:
        """Distances to and indices of the nearest training points.

        Parameters
        ----------
        X : array-like of shape (n_queries, n_features), optional
            Query points. If None, the training points are queried and each is
            not counted as its own neighbour.
        n_neighbors : int, optional
            Number of neighbours; defaults to ``self.n_neighbors``.
        return_distance : bool, default=True
            Also return the distances.

        Returns
        -------
        dist : ndarray of shape (n_queries, n_neighbors)
            Euclidean distances, ascending (only if ``return_distance``).
        ind : ndarray of shape (n_queries, n_neighbors)
            Row indices into the training data.
        """
        check_bool(return_distance, "return_distance")
        d2, ind, exponent = self._kneighbors(X, n_neighbors)
        if not return_distance:
            return ind
        with np.errstate(over="ignore"):  # a distance beyond float64's range is inf
            return np.ldexp(np.sqrt(d2), exponent), ind

    def _kneighbors(self, X: Any, n_neighbors: int | None) -> tuple[np.ndarray, np.ndarray, int]:
        """Squared distances in units of ``4**e``, indices, and ``e`` (see `_k_nearest`)."""
        check_is_fitted(self, "X_fit_")
        k = self.n_neighbors if n_neighbors is None else n_neighbors
        check_scalar(k, "n_neighbors", int, min_val=1)
        query_is_train = X is None
        if query_is_train:
            X = self.X_fit_
            k += 1  # each training point finds itself first
        else:
            X = check_array(X)
            check_n_features(X, self)
        if k > self.n_samples_fit_:
            raise ValueError(
                f"Expected n_neighbors <= n_samples_fit, but n_neighbors = {k}, "
                f"n_samples_fit = {self.n_samples_fit_}, n_samples = {X.shape[0]}."
            )
        d2, ind, exponent = _k_nearest(X, self.X_fit_, k)
        if query_is_train:  # drop each sample itself (or, for duplicates, the first column)
            is_self = ind == np.arange(X.shape[0])[:, None]
            is_self[~is_self.any(axis=1), 0] = True
            keep = ~is_self
            d2 = d2[keep].reshape(X.shape[0], k - 1)
            ind = ind[keep].reshape(X.shape[0], k - 1)
        return d2, ind, exponent

    def _neighbours_and_weights(self, X: Any) -> tuple[np.ndarray, np.ndarray]:
        self._check_params()
        d2, ind, _ = self._kneighbors(X, None)  # weights only need distance ratios: stay scaled
        return ind, _neighbour_weights(np.sqrt(d2), self.weights)


class KNeighborsClassifier(ClassifierMixin, _KNeighborsBase):
    r"""Classify by a (weighted) vote of the ``n_neighbors`` nearest training points.

    Parameters
    ----------
    n_neighbors : int, default=5
        Number of neighbours ``k`` that vote.
    weights : {"uniform", "distance"}, default="uniform"
        ``"uniform"``: every neighbour counts once; ``"distance"``: a neighbour
        counts $1/d$, and a query equal to training points takes only their vote.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The sorted class labels.
    X_fit_ : ndarray of shape (n_samples, n_features)
        The stored training points.
    y_fit_ : ndarray of shape (n_samples,)
        Class index (into ``classes_``) of each training point.
    n_features_in_ : int
        Number of features seen in ``fit``.
    n_samples_fit_ : int
        Number of training points.

    Notes
    -----
    With $N_k(x)$ the ``k`` nearest training points and weights $w_i$,

    $$
    P(y=c \mid x) = \frac{\sum_{i \in N_k(x)} w_i [y_i = c]}{\sum_{i \in N_k(x)} w_i},
    \qquad \hat y(x) = \arg\max_c P(y=c \mid x),
    $$

    ties going to the first class in ``classes_``. Fitting only stores the data.

    References
    ----------
    Cover, T. & Hart, P. (1967). Nearest neighbor pattern classification.
    *IEEE Trans. Information Theory* 13(1), 21–27.

    Examples
    --------
    >>> X = [[0.0], [1.0], [2.0], [3.0]]
    >>> knn = KNeighborsClassifier(n_neighbors=3).fit(X, ["a", "a", "b", "b"])
    >>> knn.predict([[1.1], [2.9]]).tolist()
    ['a', 'b']
    >>> knn.predict_proba([[1.1]]).round(3)
    array([[0.667, 0.333]])
    """

    def fit(self, X: Any, y: Any) -> "KNeighborsClassifier":
        """Store ``X`` of shape (n_samples, n_features) and the labels ``y`` of shape (n_samples,)."""
        self._check_params()
        X, y = check_X_y(X, y)
        classes, y_index = encode_labels(y)
        check_n_classes(classes, self)
        self.classes_ = classes
        self._fit(X, y_index)
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, shape (n_queries, n_classes), columns in ``classes_`` order."""
        check_is_fitted(self, "classes_")
        ind, w = self._neighbours_and_weights(X)  # (n_queries, k) each
        n_queries, n_classes = ind.shape[0], self.classes_.size
        # Sum the weights per (query, class) with one bincount over flat cell ids.
        cell = np.arange(n_queries)[:, None] * n_classes + self.y_fit_[ind]
        votes = np.bincount(cell.ravel(), weights=w.ravel(), minlength=n_queries * n_classes)
        votes = votes.reshape(n_queries, n_classes)
        return votes / votes.sum(axis=1, keepdims=True)

    def predict(self, X: Any) -> np.ndarray:
        """Majority (or distance-weighted) class of the neighbours, shape (n_queries,)."""
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]


class KNeighborsRegressor(RegressorMixin, _KNeighborsBase):
    r"""Predict the (weighted) mean target of the ``n_neighbors`` nearest training points.

    Parameters
    ----------
    n_neighbors : int, default=5
        Number of neighbours ``k`` that are averaged.
    weights : {"uniform", "distance"}, default="uniform"
        ``"uniform"``: plain mean; ``"distance"``: weights $1/d$, and a
        query equal to training points takes only their mean.

    Attributes
    ----------
    X_fit_ : ndarray of shape (n_samples, n_features)
        The stored training points.
    y_fit_ : ndarray of shape (n_samples,) or (n_samples, n_outputs)
        The stored targets.
    n_features_in_ : int
        Number of features seen in ``fit``.
    n_samples_fit_ : int
        Number of training points.

    Notes
    -----
    $$
    \hat y(x) = \frac{\sum_{i \in N_k(x)} w_i\, y_i}{\sum_{i \in N_k(x)} w_i}.
    $$

    References
    ----------
    Hastie, T., Tibshirani, R. & Friedman, J. (2009). *The Elements of
    Statistical Learning*, 2nd ed., §2.3.2.

    Examples
    --------
    >>> X = [[0.0], [1.0], [2.0], [3.0]]
    >>> knn = KNeighborsRegressor(n_neighbors=2).fit(X, [0.0, 1.0, 4.0, 9.0])
    >>> knn.predict([[0.4], [2.6]])
    array([0.5, 6.5])
    """

    _sklearn_tags = {"target_tags": {"multi_output": True}}  # y may have several columns

    def fit(self, X: Any, y: Any) -> "KNeighborsRegressor":
        """Store ``X`` of shape (n_samples, n_features) and ``y`` of shape (n_samples[, n_outputs])."""
        self._check_params()
        X, y = check_X_y(X, y, y_numeric=True, multi_output=True)
        self._fit(X, y)
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Weighted mean of the neighbours' targets, shape (n_queries,) or (n_queries, n_outputs)."""
        check_is_fitted(self, "X_fit_")
        ind, w = self._neighbours_and_weights(X)  # (n_queries, k) each
        w /= w.sum(axis=1, keepdims=True)  # convex weights: the average cannot overflow
        with float_errors_as_value_error("KNeighborsRegressor.predict"):
            return np.einsum("qk,qk...->q...", w, self.y_fit_[ind])
