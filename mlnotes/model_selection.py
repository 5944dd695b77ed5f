r"""Model selection: hold-out splits, k-fold cross-validation and grid search.

Follows Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*,
2nd ed., §7.10 (cross-validation), and the interface of scikit-learn's
``sklearn.model_selection`` (``StratifiedKFold`` assigns folds with the same
rule, so unshuffled folds are identical to scikit-learn's).
"""

from __future__ import annotations

import itertools
import math
import numbers
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np

from . import metrics
from ._validation import (check_array, check_bool, check_consistent_length, check_is_fitted,
                          check_random_state, check_scalar, encode_labels)
from .base import BaseEstimator, clone

__all__ = ["train_test_split", "KFold", "StratifiedKFold", "cross_val_score", "GridSearchCV"]


def _n_samples(a: Any, name: str) -> int:
    if a is None or isinstance(a, (str, bytes)) or not hasattr(a, "__len__"):
        raise TypeError(f"{name} must be array-like (list, ndarray), got {type(a).__name__}.")
    if np.ndim(a) == 0:
        raise TypeError(f"{name} must be array-like with at least one dimension, got a scalar.")
    return len(a)


def _take(a: Any, idx: np.ndarray) -> Any:
    """Rows ``idx`` of ``a``, keeping lists as lists and arrays as arrays."""
    if isinstance(a, list):
        return [a[i] for i in idx]
    return np.asarray(a)[idx]


def _split_sizes(n: int, test_size: Any, train_size: Any) -> tuple[int, int]:
    """Numbers of train and test samples, as scikit-learn computes them."""
    for name, size in (("test_size", test_size), ("train_size", train_size)):
        if size is None:
            continue
        if isinstance(size, bool) or not isinstance(size, numbers.Real):
            raise TypeError(f"{name} must be a float in (0, 1), an int or None; got {size!r}.")
        if isinstance(size, numbers.Integral):
            if not 0 < size < n:
                raise ValueError(f"{name}={size} must be in [1, {n - 1}] for {n} samples.")
        elif not 0.0 < size < 1.0:
            raise ValueError(f"{name}={size} as a float must be in (0, 1).")
    if test_size is None and train_size is None:
        test_size = 0.25
    n_test = n_train = None
    if test_size is not None:  # a fraction of the test set is rounded up, of the train set down
        n_test = test_size if isinstance(test_size, numbers.Integral) else math.ceil(test_size * n)
    if train_size is not None:
        n_train = train_size if isinstance(train_size, numbers.Integral) else math.floor(train_size * n)
    n_train = n - n_test if n_train is None else n_train
    n_test = n - n_train if n_test is None else n_test
    if n_train + n_test > n:
        raise ValueError(f"train_size + test_size = {n_train} + {n_test} samples exceeds the {n} samples.")
    if n_train == 0 or n_test == 0:
        raise ValueError(
            f"With n_samples={n}, test_size={test_size} and train_size={train_size}, one of the "
            "sets would be empty; adjust the sizes."
        )
    return int(n_train), int(n_test)


def _stratified_counts(class_counts: np.ndarray, n_draw: int, rng: np.random.Generator) -> np.ndarray:
    """Split ``n_draw`` among classes proportionally; leftover units go to the largest remainders."""
    exact = class_counts * n_draw / class_counts.sum()
    counts = np.floor(exact).astype(int)
    remainder = exact - counts
    n_left = n_draw - counts.sum()
    # random tie-break among equal remainders, then largest remainder first
    order = np.lexsort((rng.random(len(counts)), -remainder))
    counts[order[:n_left]] += 1
    return counts


def train_test_split(*arrays: Any, test_size: float | int | None = None,
                     train_size: float | int | None = None, random_state: Any = None,
                     shuffle: bool = True, stratify: Any = None) -> list[Any]:
    """Split arrays into random train and test subsets.

    Parameters
    ----------
    *arrays : array-likes of the same length
        ``X``, ``y``, ... (lists stay lists, everything else becomes an ndarray).
    test_size : float or int, optional
        Fraction (rounded up) or number of test samples; 0.25 when both sizes
        are None, else the complement of ``train_size``.
    train_size : float or int, optional
        Fraction (rounded down) or number of training samples; default the complement.
    random_state : int, Generator or None
        Seeds the shuffle.
    shuffle : bool, default=True
        Shuffle before splitting; if False the first samples are the training set.
    stratify : array-like of shape (n_samples,), optional
        Class labels whose proportions both subsets keep (needs ``shuffle=True``).

    Returns
    -------
    list
        ``[a_train, a_test, b_train, b_test, ...]``.

    Examples
    --------
    >>> X, y = np.arange(10).reshape(5, 2), [0, 1, 0, 1, 0]
    >>> X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=2, random_state=0)
    >>> X_train.shape, X_test.shape, len(y_test)
    ((3, 2), (2, 2), 2)
    """
    if not arrays:
        raise ValueError("At least one array is required, got none.")
    lengths = [_n_samples(a, f"array {i}") for i, a in enumerate(arrays)]
    if len(set(lengths)) > 1:
        raise ValueError(f"Found input arrays with inconsistent numbers of samples: {lengths}.")
    n = lengths[0]
    if n == 0:
        raise ValueError("The input arrays are empty (0 samples); nothing to split.")
    n_train, n_test = _split_sizes(n, test_size, train_size)
    check_bool(shuffle, "shuffle")
    rng = check_random_state(random_state)
    if stratify is not None:
        if not shuffle:
            raise ValueError("Stratified train/test split is not implemented for shuffle=False.")
        if _n_samples(stratify, "stratify") != n:
            raise ValueError(f"stratify has {len(stratify)} entries, expected {n} (one per sample).")
        classes, y_index = encode_labels(np.asarray(stratify), name="stratify")
        class_counts = np.bincount(y_index)
        if class_counts.min() < 2:
            raise ValueError(
                "The least populated class in stratify has only 1 member, which is too few; "
                "every class needs at least 2 members."
            )
        if n_test < classes.size or n_train < classes.size:
            raise ValueError(
                f"The train ({n_train}) and test ({n_test}) sizes must each be at least the "
                f"number of classes ({classes.size})."
            )
        test_counts = _stratified_counts(class_counts, n_test, rng)
        train_counts = _stratified_counts(class_counts - test_counts, n_train, rng)
        train, test = [], []
        for c in range(classes.size):
            members = rng.permutation(np.flatnonzero(y_index == c))
            test.append(members[:test_counts[c]])
            train.append(members[test_counts[c]:test_counts[c] + train_counts[c]])
        train_idx, test_idx = rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))
    elif shuffle:
        perm = rng.permutation(n)
        test_idx, train_idx = perm[:n_test], perm[n_test:n_test + n_train]
    else:
        train_idx, test_idx = np.arange(n_train), np.arange(n_train, n_train + n_test)
    return [part for a in arrays for part in (_take(a, train_idx), _take(a, test_idx))]


class KFold(BaseEstimator):
    """K-fold cross-validation splitter: each fold is the test set once.

    Parameters
    ----------
    n_splits : int, default=5
        Number of folds, at least 2.
    shuffle : bool, default=False
        Shuffle the samples before cutting them into folds.
    random_state : int, Generator or None
        Seeds the shuffle (only allowed with ``shuffle=True``).

    Notes
    -----
    The first ``n_samples % n_splits`` folds get ``n_samples // n_splits + 1``
    samples, the others ``n_samples // n_splits``.

    Examples
    --------
    >>> [test.tolist() for _, test in KFold(n_splits=3).split(np.zeros((5, 1)))]
    [[0, 1], [2, 3], [4]]
    """

    def __init__(self, n_splits: int = 5, *, shuffle: bool = False, random_state: Any = None) -> None:
        self.n_splits = n_splits
        self.shuffle = shuffle
        self.random_state = random_state

    def _check(self, X: Any) -> int:
        check_scalar(self.n_splits, "n_splits", int, min_val=2)
        check_bool(self.shuffle, "shuffle")
        if not self.shuffle and self.random_state is not None:
            raise ValueError("Setting a random_state has no effect since shuffle is False; "
                             "set shuffle=True or leave random_state=None.")
        n = _n_samples(X, "X")
        if self.n_splits > n:
            raise ValueError(f"Cannot have number of splits n_splits={self.n_splits} greater than "
                             f"the number of samples: n_samples={n}.")
        return n

    def get_n_splits(self, X: Any = None, y: Any = None, groups: Any = None) -> int:
        """Number of folds."""
        return self.n_splits

    def _test_folds(self, n: int, y: Any) -> np.ndarray:
        """Fold number of every sample, shape (n_samples,)."""
        sizes = np.full(self.n_splits, n // self.n_splits)
        sizes[: n % self.n_splits] += 1
        folds = np.repeat(np.arange(self.n_splits), sizes)
        if self.shuffle:
            order = check_random_state(self.random_state).permutation(n)
            folds = folds[np.argsort(order)]  # sample order[i] gets fold of position i
        return folds

    def split(self, X: Any, y: Any = None, groups: Any = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Yield ``(train_index, test_index)`` for each fold."""
        n = self._check(X)
        folds = self._test_folds(n, y)
        for k in range(self.n_splits):
            yield np.flatnonzero(folds != k), np.flatnonzero(folds == k)


class StratifiedKFold(KFold):
    """K-fold splitter whose folds keep the class proportions of ``y``.

    Parameters
    ----------
    n_splits : int, default=5
        Number of folds, at least 2.
    shuffle : bool, default=False
        Shuffle each class's samples before assigning them to folds.
    random_state : int, Generator or None
        Seeds the shuffle (only allowed with ``shuffle=True``).

    Notes
    -----
    Samples are sorted by class and dealt to the folds in turn, so fold sizes
    differ by at most one and each class is spread as evenly as possible; the
    allocation is scikit-learn's, so unshuffled folds are identical to it.

    Examples
    --------
    >>> y = [0, 0, 0, 1, 1, 1]
    >>> [test.tolist() for _, test in StratifiedKFold(n_splits=3).split(np.zeros((6, 1)), y)]
    [[0, 3], [1, 4], [2, 5]]
    """

    def _test_folds(self, n: int, y: Any) -> np.ndarray:
        if y is None:
            raise TypeError("StratifiedKFold.split needs the class labels y, got None.")
        y = np.asarray(y)
        if y.shape[:1] != (n,):
            raise ValueError(f"y has shape {y.shape}, expected ({n},) (one label per sample).")
        _, y_index = encode_labels(y)
        # number classes in order of first appearance, as scikit-learn does
        _, first = np.unique(y_index, return_index=True)
        y_encoded = np.argsort(np.argsort(first))[y_index]
        counts = np.bincount(y_encoded)
        if self.n_splits > counts.max():
            raise ValueError(f"n_splits={self.n_splits} cannot be greater than the number of "
                             f"members in each class (largest class: {counts.max()}).")
        if self.n_splits > counts.min():
            warnings.warn(f"The least populated class in y has only {counts.min()} members, "
                          f"which is less than n_splits={self.n_splits}.", UserWarning, stacklevel=4)
        # deal the class-sorted samples to the folds round-robin: (n_splits, n_classes) counts
        y_sorted = np.sort(y_encoded)
        allocation = np.array([np.bincount(y_sorted[k::self.n_splits], minlength=counts.size)
                               for k in range(self.n_splits)])
        rng = check_random_state(self.random_state) if self.shuffle else None
        folds = np.empty(n, dtype=int)
        for c in range(counts.size):
            folds_c = np.repeat(np.arange(self.n_splits), allocation[:, c])
            if rng is not None:
                rng.shuffle(folds_c)
            folds[y_encoded == c] = folds_c
        return folds


_SCORERS: dict[str, Callable[[np.ndarray, np.ndarray], float]] = {
    "accuracy": metrics.accuracy_score,
    "f1": metrics.f1_score,
    "f1_macro": lambda y, p: metrics.f1_score(y, p, average="macro"),
    "f1_weighted": lambda y, p: metrics.f1_score(y, p, average="weighted"),
    "precision": metrics.precision_score,
    "recall": metrics.recall_score,
    "r2": metrics.r2_score,
    "neg_mean_squared_error": lambda y, p: -metrics.mean_squared_error(y, p),
}


def _scorer(scoring: str | Callable[..., float] | None) -> Callable[[Any, Any, Any], float]:
    """``(estimator, X, y) -> score`` for a scoring name, callable or None (``estimator.score``)."""
    if scoring is None:
        return lambda est, X, y: float(est.score(X, y))
    if callable(scoring):
        return scoring
    if scoring not in _SCORERS:
        raise ValueError(f"scoring must be None, a callable or one of {sorted(_SCORERS)}; got {scoring!r}.")
    metric = _SCORERS[scoring]
    return lambda est, X, y: float(metric(y, est.predict(X)))


def _check_cv(cv: Any, estimator: Any, y: Any) -> Any:
    if isinstance(cv, numbers.Integral) and not isinstance(cv, bool):
        check_scalar(cv, "cv", int, min_val=2)
        is_classifier = getattr(estimator, "_estimator_type", None) == "classifier"
        return StratifiedKFold(int(cv)) if is_classifier and y is not None else KFold(int(cv))
    if isinstance(cv, (str, bytes)) or not (hasattr(cv, "split") or isinstance(cv, Iterable)):
        raise TypeError(f"cv must be an int, a splitter with a split method or an iterable of "
                        f"(train, test) index pairs; got {cv!r} of type {type(cv).__name__}.")
    return cv


def _as_samples(X: Any) -> Any:
    """``X`` validated as an array of samples; lists of non-numeric samples (texts) stay lists."""
    if isinstance(X, list):
        try:
            arr = np.asarray(X)
        except (ValueError, TypeError):  # ragged sequences
            return X
        if arr.dtype.kind not in "biufc" and not (arr.dtype == object and arr.size and all(
                isinstance(v, numbers.Number) for v in arr.flat)):
            if not X:
                raise ValueError("X is empty; expected at least one sample.")
            return X
    return check_array(X, ensure_2d=False, allow_nd=True)


def _cv_data(X: Any, y: Any) -> tuple[Any, np.ndarray | None]:
    """Validated samples and targets of the same length for cross-validation."""
    X = _as_samples(X)
    if y is None:
        return X, None
    if isinstance(y, (str, bytes)):
        raise TypeError(f"y must be array-like, got a {type(y).__name__}.")
    y = np.asarray(y)
    if y.ndim == 0:
        raise ValueError(f"y must be array-like with one target per sample, got a scalar {y!r}.")
    check_consistent_length(X, y, names=("X", "y"))
    return X, y


def _checked_folds(splits: Any, n: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The (train, test) index pairs of a splitter or iterable, checked against ``n`` samples."""
    folds = []
    for k, fold in enumerate(splits):
        try:
            train, test = fold
        except (TypeError, ValueError):
            raise TypeError(f"cv fold {k} must be a (train, test) pair of index arrays, "
                            f"got {fold!r}.") from None
        pair = []
        for name, idx in (("train", train), ("test", test)):
            idx = np.asarray(idx)
            if idx.ndim != 1 or idx.size == 0 or idx.dtype.kind not in "iu":
                raise ValueError(f"cv fold {k}: {name} indices must be a non-empty 1D array of "
                                 f"ints, got {idx!r}.")
            if idx.min() < 0 or idx.max() >= n:
                raise ValueError(f"cv fold {k}: {name} indices must be in [0, {n}) for {n} samples, "
                                 f"got values in [{idx.min()}, {idx.max()}].")
            pair.append(idx)
        folds.append((pair[0], pair[1]))
    if not folds:
        raise ValueError("cv produced no (train, test) splits.")
    return folds


def cross_val_score(estimator: Any, X: Any, y: Any = None, *, cv: Any = 5,
                    scoring: str | Callable[..., float] | None = None) -> np.ndarray:
    """Score a fresh copy of ``estimator`` on each cross-validation fold.

    Parameters
    ----------
    estimator : estimator
        Unfitted model with ``get_params``; it is cloned for every fold.
    X : array-like of shape (n_samples, n_features)
        Features.
    y : array-like of shape (n_samples,), optional
        Targets.
    cv : int, splitter or iterable, default=5
        Number of folds (``StratifiedKFold`` for classifiers, ``KFold`` otherwise),
        a splitter such as [`KFold`][mlnotes.model_selection.KFold], or ``(train, test)`` index pairs.
    scoring : str, callable or None
        None uses ``estimator.score``; a name such as ``"accuracy"``, ``"f1_macro"``,
        ``"r2"``, ``"neg_mean_squared_error"``; or ``scorer(estimator, X, y)``.

    Returns
    -------
    ndarray of shape (n_splits,)
        One test score per fold.

    Examples
    --------
    >>> from mlnotes.neighbors import KNeighborsClassifier
    >>> X = np.array([[0.0], [0.1], [0.2], [1.0], [1.1], [1.2]])
    >>> cross_val_score(KNeighborsClassifier(n_neighbors=1), X, [0, 0, 0, 1, 1, 1], cv=3)
    array([1., 1., 1.])
    """
    clone(estimator)  # an estimator instance (not a class), with get_params
    X_arr, y_arr = _cv_data(X, y)
    score = _scorer(scoring)
    splitter = _check_cv(cv, estimator, y_arr)
    splits = splitter.split(X_arr, y_arr) if hasattr(splitter, "split") else splitter
    scores = []
    for train, test in _checked_folds(splits, len(X_arr)):
        model = clone(estimator)
        if y_arr is None:
            model.fit(_take(X_arr, train))
            scores.append(score(model, _take(X_arr, test), None))
        else:
            model.fit(_take(X_arr, train), y_arr[train])
            scores.append(score(model, _take(X_arr, test), y_arr[test]))
    return np.asarray(scores, dtype=float)


class GridSearchCV(BaseEstimator):
    """Exhaustive search over a parameter grid, scored by cross-validation.

    Parameters
    ----------
    estimator : estimator
        The model to tune (cloned for every fit).
    param_grid : dict or list of dicts
        ``{"param": [values, ...]}``; every combination is tried.
    cv : int, splitter or iterable, default=5
        As in [`cross_val_score`][mlnotes.model_selection.cross_val_score].
    scoring : str, callable or None
        As in [`cross_val_score`][mlnotes.model_selection.cross_val_score]; higher is better.
    refit : bool, default=True
        Refit the best parameters on the whole data as ``best_estimator_``.

    Attributes
    ----------
    cv_results_ : dict of str to ndarray or list
        ``params``, ``param_<name>``, ``split<k>_test_score``, ``mean_test_score``,
        ``std_test_score`` and ``rank_test_score`` (1 = best) per candidate.
    best_index_ : int
        Index of the best candidate (the first one on ties).
    best_params_ : dict
        Its parameters.
    best_score_ : float
        Its mean cross-validated score.
    best_estimator_ : estimator
        The refitted model (if ``refit``).

    Examples
    --------
    >>> from mlnotes.neighbors import KNeighborsClassifier
    >>> X = np.array([[0.0], [0.1], [0.2], [0.3], [1.0], [1.1], [1.2], [1.3]])
    >>> search = GridSearchCV(KNeighborsClassifier(), {"n_neighbors": [1, 4]}, cv=2)
    >>> search.fit(X, [0, 0, 0, 0, 1, 1, 1, 1]).best_params_
    {'n_neighbors': 1}
    >>> search.cv_results_["mean_test_score"]
    array([1. , 0.5])
    """

    def __init__(self, estimator: Any, param_grid: dict[str, Any] | list[dict[str, Any]], *,
                 cv: Any = 5, scoring: str | Callable[..., float] | None = None,
                 refit: bool = True) -> None:
        self.estimator = estimator
        self.param_grid = param_grid
        self.cv = cv
        self.scoring = scoring
        self.refit = refit

    def _candidates(self) -> list[dict[str, Any]]:
        grids = [self.param_grid] if isinstance(self.param_grid, dict) else self.param_grid
        if not isinstance(grids, list) or not all(isinstance(g, dict) for g in grids):
            raise TypeError(f"param_grid must be a dict or a list of dicts, got {self.param_grid!r}.")
        valid = self.estimator.get_params()
        candidates = []
        for grid in grids:
            value_lists = {}
            for name, values in grid.items():
                if name not in valid:
                    raise ValueError(f"Invalid parameter {name!r} for {type(self.estimator).__name__}; "
                                     f"valid parameters are {sorted(valid)}.")
                if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
                    raise TypeError(f"param_grid[{name!r}] must be a list of values, got {values!r}.")
                value_lists[name] = list(values)
                if not value_lists[name]:
                    raise ValueError(f"param_grid[{name!r}] is empty; give at least one value.")
            names = sorted(value_lists)
            for combo in itertools.product(*(value_lists[k] for k in names)):
                candidates.append(dict(zip(names, combo, strict=True)))
        if not candidates:
            raise ValueError("param_grid is empty; give at least one parameter value.")
        return candidates

    def fit(self, X: Any, y: Any = None) -> "GridSearchCV":
        """Cross-validate every candidate on ``X``, ``y`` and keep the best."""
        clone(self.estimator)  # an estimator instance (not a class), with get_params
        check_bool(self.refit, "refit")
        _scorer(self.scoring)
        candidates = self._candidates()
        X_arr, y_arr = _cv_data(X, y)
        # the same folds for every candidate
        splitter = _check_cv(self.cv, self.estimator, y_arr)
        folds = _checked_folds(splitter.split(X_arr, y_arr) if hasattr(splitter, "split") else splitter,
                               len(X_arr))
        scores = np.array([cross_val_score(clone(self.estimator).set_params(**params), X_arr, y_arr,
                                           cv=folds, scoring=self.scoring) for params in candidates])
        mean = scores.mean(axis=1)  # (n_candidates,)
        # rank 1 = best; equal means share the smallest rank (scikit-learn's "min" method)
        rank = np.array([1 + int(np.sum(mean > m)) for m in mean])
        results: dict[str, Any] = {"params": candidates}
        for name in sorted({k for c in candidates for k in c}):
            results[f"param_{name}"] = [c.get(name) for c in candidates]
        for k in range(scores.shape[1]):
            results[f"split{k}_test_score"] = scores[:, k]
        results.update(mean_test_score=mean, std_test_score=scores.std(axis=1), rank_test_score=rank)
        self.cv_results_ = results
        self.best_index_ = int(np.argmax(mean))
        self.best_params_ = candidates[self.best_index_]
        self.best_score_ = float(mean[self.best_index_])
        if self.refit:
            best = clone(self.estimator).set_params(**self.best_params_)
            self.best_estimator_ = best.fit(X_arr) if y_arr is None else best.fit(X_arr, y_arr)
            if hasattr(self.best_estimator_, "n_features_in_"):
                self.n_features_in_ = self.best_estimator_.n_features_in_
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Predict with ``best_estimator_``."""
        check_is_fitted(self, "best_estimator_")
        return self.best_estimator_.predict(X)

    def score(self, X: Any, y: Any) -> float:
        """Score ``best_estimator_`` with ``scoring`` (or its own ``score``)."""
        check_is_fitted(self, "best_estimator_")
        return float(_scorer(self.scoring)(self.best_estimator_, X, y))
