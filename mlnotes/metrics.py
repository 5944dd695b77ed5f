r"""Evaluation metrics for classification and regression.

Definitions follow scikit-learn's ``sklearn.metrics`` (same names, arguments
and results) and the textbook treatment in Hastie, Tibshirani & Friedman,
*The Elements of Statistical Learning*, 2nd ed., §7 and §9.2.5 (ROC curves);
ROC AUC is computed as the Mann–Whitney U statistic (Hanley & McNeil, 1982).

References
----------
Hanley, J. A. & McNeil, B. J. (1982). The meaning and use of the area under a
receiver operating characteristic (ROC) curve. *Radiology* 143(1), 29–36.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._validation import check_array, check_bool, encode_labels, float_errors_as_value_error

__all__ = [
    "accuracy_score",
    "confusion_matrix",
    "precision_score",
    "recall_score",
    "f1_score",
    "mean_squared_error",
    "r2_score",
    "roc_auc_score",
]

_AVERAGES = ("binary", "macro", "micro", "weighted", None)


def _check_labels_pair(y_true: Any, y_pred: Any) -> tuple[np.ndarray, np.ndarray]:
    """Two 1-D label arrays of the same non-zero length."""
    arrays = []
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if y is None:
            raise TypeError(f"{name} must be array-like, got None.")
        arr = np.asarray(y)
        if arr.ndim == 2 and arr.shape[1] == 1:
            arr = arr.ravel()
        if arr.ndim != 1:
            raise ValueError(f"{name} must be 1D, got array of shape {arr.shape}.")
        if arr.size == 0:
            raise ValueError(f"{name} is empty; expected at least one label.")
        if arr.dtype.kind == "f" and not np.isfinite(arr).all():
            raise ValueError(f"{name} contains NaN or infinity; expected finite labels.")
        if arr.dtype.kind == "c":
            raise ValueError(f"{name} has complex dtype {arr.dtype}: Complex data not supported; "
                             "expected class labels.")
        arrays.append(arr)
    if arrays[0].shape[0] != arrays[1].shape[0]:
        raise ValueError(
            f"y_true and y_pred have different lengths: {arrays[0].shape[0]} and {arrays[1].shape[0]}."
        )
    is_text = [a.dtype.kind in "USO" for a in arrays]
    if is_text[0] != is_text[1]:
        raise TypeError(f"Mix of label types: y_true has dtype {arrays[0].dtype}, y_pred has dtype "
                        f"{arrays[1].dtype}; expected labels of the same kind (both numbers or both strings).")
    return arrays[0], arrays[1]


def accuracy_score(y_true: Any, y_pred: Any, *, normalize: bool = True) -> float:
    """Fraction (or number, if ``normalize=False``) of correct predictions.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted labels.
    normalize : bool, default=True
        Return the fraction of correct labels; otherwise their count.

    Examples
    --------
    >>> accuracy_score([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    """
    y_true, y_pred = _check_labels_pair(y_true, y_pred)
    check_bool(normalize, "normalize")
    correct = y_true == y_pred
    return float(correct.mean()) if normalize else float(correct.sum())


def confusion_matrix(y_true: Any, y_pred: Any, *, labels: Any = None,
                     normalize: str | None = None) -> np.ndarray:
    """Counts ``C[i, j]`` of samples with true label ``labels[i]`` predicted as ``labels[j]``.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted labels.
    labels : array-like of shape (n_labels,), optional
        Row/column order; by default the sorted union of both arrays.
    normalize : {"true", "pred", "all"} or None, default=None
        Divide by row sums, column sums or the total (empty rows/columns give 0).

    Returns
    -------
    ndarray of shape (n_labels, n_labels)
        Integer counts, or floats if ``normalize`` is set.

    Examples
    --------
    >>> confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2])
    array([[1, 0, 0],
           [0, 1, 1],
           [0, 0, 1]])
    """
    y_true, y_pred = _check_labels_pair(y_true, y_pred)
    if normalize not in ("true", "pred", "all", None):
        raise ValueError(f"normalize must be one of 'true', 'pred', 'all', None; got {normalize!r}.")
    if labels is None:
        labels, _ = encode_labels(np.concatenate([y_true, y_pred]), name="y_true and y_pred")
    else:
        labels = np.asarray(labels)
        if labels.ndim != 1 or labels.size == 0:
            raise ValueError(f"labels must be a non-empty 1D array-like, got shape {labels.shape}.")
        if np.unique(labels).size != labels.size:
            raise ValueError(f"labels contains duplicates: {labels.tolist()!r}.")
        if not np.isin(y_true, labels).any():
            raise ValueError("At least one label specified must be in y_true.")
    n_labels = labels.size
    # Map each label to its row index; samples with labels outside ``labels`` are dropped.
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    counts = np.zeros((n_labels, n_labels), dtype=np.int64)
    i_true = np.searchsorted(sorted_labels, y_true).clip(0, n_labels - 1)
    i_pred = np.searchsorted(sorted_labels, y_pred).clip(0, n_labels - 1)
    keep = (sorted_labels[i_true] == y_true) & (sorted_labels[i_pred] == y_pred)
    np.add.at(counts, (order[i_true[keep]], order[i_pred[keep]]), 1)
    if normalize is None:
        return counts
    axis_sum = {"true": counts.sum(axis=1, keepdims=True),
                "pred": counts.sum(axis=0, keepdims=True),
                "all": counts.sum()}[normalize]
    return np.divide(counts, axis_sum, out=np.zeros(counts.shape), where=axis_sum != 0)


def _per_label_counts(y_true: np.ndarray, y_pred: np.ndarray, labels: Any, pos_label: Any,
                      average: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """True positives, predicted and true counts for each scored label, and the labels."""
    if average not in _AVERAGES:
        raise ValueError(f"average must be one of {_AVERAGES}; got {average!r}.")
    present, _ = encode_labels(np.concatenate([y_true, y_pred]), name="y_true and y_pred")
    if average == "binary":
        if present.size > 2:
            raise ValueError(
                f"Target is multiclass ({present.size} labels: {present.tolist()!r}) but "
                "average='binary'. Choose average from 'micro', 'macro', 'weighted' or None."
            )
        if present.size == 2 and pos_label not in present.tolist():
            raise ValueError(f"pos_label={pos_label!r} is not a valid label. It should be one of "
                             f"{present.tolist()!r}.")
        labels = np.asarray([pos_label])
    elif labels is None:
        labels = present
    else:
        labels = np.asarray(labels)
        if labels.ndim != 1 or labels.size == 0:
            raise ValueError(f"labels must be a non-empty 1D array-like, got shape {labels.shape}.")
    # (n_labels, n_samples) membership masks
    is_true = y_true[None, :] == labels[:, None]
    is_pred = y_pred[None, :] == labels[:, None]
    tp = (is_true & is_pred).sum(axis=1).astype(float)
    return tp, is_pred.sum(axis=1).astype(float), is_true.sum(axis=1).astype(float), labels


def _safe_ratio(num: np.ndarray, den: np.ndarray, zero_division: float) -> np.ndarray:
    return np.divide(num, den, out=np.full(num.shape, float(zero_division)), where=den != 0)


def _average(scores: np.ndarray, support: np.ndarray, average: str | None,
             zero_division: float) -> float | np.ndarray:
    if average is None:
        return scores
    if average == "weighted":
        if support.sum() == 0:
            return float(zero_division)
        return float(np.average(scores, weights=support))
    return float(scores.mean())


def _check_zero_division(zero_division: Any) -> float:
    if zero_division not in (0, 1, 0.0, 1.0) or isinstance(zero_division, bool):
        raise ValueError(f"zero_division must be 0.0 or 1.0, got {zero_division!r}.")
    return float(zero_division)


def precision_score(y_true: Any, y_pred: Any, *, labels: Any = None, pos_label: Any = 1,
                    average: str | None = "binary", zero_division: float = 0.0) -> float | np.ndarray:
    r"""Precision $\mathrm{TP} / (\mathrm{TP} + \mathrm{FP})$.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted labels.
    labels : array-like, optional
        Labels to score when ``average`` is not ``"binary"``; default all present.
    pos_label : label, default=1
        The positive class when ``average="binary"``.
    average : {"binary", "macro", "micro", "weighted"} or None, default="binary"
        ``"macro"``: unweighted mean over labels; ``"weighted"``: mean weighted by
        each label's support; ``"micro"``: pool the counts of all labels first;
        ``None``: return the per-label scores.
    zero_division : {0.0, 1.0}, default=0.0
        Value used when a denominator is zero (scikit-learn's default also
        returns 0, with a warning).

    Examples
    --------
    >>> precision_score([0, 1, 1, 0], [1, 1, 1, 0])
    0.6666666666666666
    """
    return _precision_recall_f(y_true, y_pred, labels, pos_label, average, zero_division, "precision")


def recall_score(y_true: Any, y_pred: Any, *, labels: Any = None, pos_label: Any = 1,
                 average: str | None = "binary", zero_division: float = 0.0) -> float | np.ndarray:
    r"""Recall $\mathrm{TP} / (\mathrm{TP} + \mathrm{FN})$.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted labels.
    labels : array-like, optional
        Labels to score when ``average`` is not ``"binary"``; default all present.
    pos_label : label, default=1
        The positive class when ``average="binary"``.
    average : {"binary", "macro", "micro", "weighted"} or None, default="binary"
        How per-label scores are combined (see [`precision_score`][mlnotes.metrics.precision_score]).
    zero_division : {0.0, 1.0}, default=0.0
        Value used when a denominator is zero.

    Examples
    --------
    >>> recall_score([0, 1, 1, 0], [1, 1, 0, 0])
    0.5
    """
    return _precision_recall_f(y_true, y_pred, labels, pos_label, average, zero_division, "recall")


def f1_score(y_true: Any, y_pred: Any, *, labels: Any = None, pos_label: Any = 1,
             average: str | None = "binary", zero_division: float = 0.0) -> float | np.ndarray:
    r"""F1, the harmonic mean of precision and recall: $2TP / (2TP + FP + FN)$.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted labels.
    labels : array-like, optional
        Labels to score when ``average`` is not ``"binary"``; default all present.
    pos_label : label, default=1
        The positive class when ``average="binary"``.
    average : {"binary", "macro", "micro", "weighted"} or None, default="binary"
        How per-label scores are combined (see [`precision_score`][mlnotes.metrics.precision_score]).
    zero_division : {0.0, 1.0}, default=0.0
        Value used when a denominator is zero.

    Examples
    --------
    >>> round(f1_score([0, 1, 1, 0], [1, 1, 0, 0]), 4)
    0.5
    >>> round(f1_score([0, 1, 2, 2], [0, 2, 2, 1], average="macro"), 4)
    0.5
    """
    return _precision_recall_f(y_true, y_pred, labels, pos_label, average, zero_division, "f1")


def _precision_recall_f(y_true: Any, y_pred: Any, labels: Any, pos_label: Any, average: Any,
                        zero_division: Any, which: str) -> float | np.ndarray:
    y_true, y_pred = _check_labels_pair(y_true, y_pred)
    zero_division = _check_zero_division(zero_division)
    tp, n_pred, n_true, _ = _per_label_counts(y_true, y_pred, labels, pos_label, average)
    if average == "micro":  # pool the counts over labels before dividing
        tp, n_pred, n_true = tp.sum(keepdims=True), n_pred.sum(keepdims=True), n_true.sum(keepdims=True)
    if which == "precision":
        scores = _safe_ratio(tp, n_pred, zero_division)
    elif which == "recall":
        scores = _safe_ratio(tp, n_true, zero_division)
    else:
        scores = _safe_ratio(2 * tp, n_pred + n_true, zero_division)
    if average == "binary":
        return float(scores[0])
    return _average(scores, n_true, average, zero_division)


def _check_targets(y_true: Any, y_pred: Any) -> tuple[np.ndarray, np.ndarray]:
    y_true = check_array(y_true, name="y_true", ensure_2d=False)
    y_pred = check_array(y_pred, name="y_pred", ensure_2d=False)
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if y.ndim not in (1, 2):
            raise ValueError(f"{name} must be 1D or 2D, got array of shape {y.shape}.")
    if y_true.ndim == 1:
        y_true = y_true.reshape(-1, 1)
    if y_pred.ndim == 1:
        y_pred = y_pred.reshape(-1, 1)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred have different shapes: {y_true.shape} and {y_pred.shape}.")
    return y_true, y_pred  # (n_samples, n_outputs)


def mean_squared_error(y_true: Any, y_pred: Any) -> float:
    r"""Mean squared error $\frac1n \sum_i (y_i - \hat y_i)^2$ (averaged over outputs).

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Target values and predictions.

    Examples
    --------
    >>> mean_squared_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.375
    """
    y_true, y_pred = _check_targets(y_true, y_pred)
    with float_errors_as_value_error("mean_squared_error"):
        return float(np.mean(np.mean((y_true - y_pred) ** 2, axis=0)))


def r2_score(y_true: Any, y_pred: Any) -> float:
    r"""Coefficient of determination $R^2 = 1 - \sum_i (y_i - \hat y_i)^2 / \sum_i (y_i - \bar y)^2$.

    A constant ``y_true`` gives 1.0 for a perfect prediction and 0.0 otherwise
    (scikit-learn's ``force_finite=True``); several outputs are averaged.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Target values and predictions; at least two samples.

    Examples
    --------
    >>> round(r2_score([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]), 4)
    0.9486
    """
    y_true, y_pred = _check_targets(y_true, y_pred)
    if y_true.shape[0] < 2:
        raise ValueError(f"R^2 needs at least two samples, got {y_true.shape[0]}.")
    scale = max(float(np.abs(y_true).max()), float(np.abs(y_pred).max()))
    if scale > 0:  # R^2 is scale-free: rescaling keeps huge targets from overflowing
        y_true, y_pred = y_true / scale, y_pred / scale
    with float_errors_as_value_error("r2_score"):
        ss_res = ((y_true - y_pred) ** 2).sum(axis=0)
        ss_tot = ((y_true - y_true.mean(axis=0)) ** 2).sum(axis=0)
        ok = ss_tot != 0
        scores = np.where(ss_res == 0, 1.0, 0.0)
        scores[ok] = 1.0 - ss_res[ok] / ss_tot[ok]
    return float(scores.mean())


def _average_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n of ``values``, ties sharing the mean of their ranks."""
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    # index of the first element of each group of equal values
    new_group = np.concatenate([[True], sorted_values[1:] != sorted_values[:-1]])
    starts = np.flatnonzero(new_group)
    ends = np.append(starts[1:], values.size)  # exclusive
    mean_rank = (starts + ends + 1) / 2.0  # mean of ranks starts+1 .. ends
    ranks = np.empty(values.size)
    ranks[order] = np.repeat(mean_rank, ends - starts)
    return ranks


def roc_auc_score(y_true: Any, y_score: Any) -> float:
    r"""Area under the ROC curve of a binary problem.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Two distinct labels; the larger one (after sorting) is the positive class.
    y_score : array-like of shape (n_samples,)
        Scores, higher meaning "more positive" (probabilities or decision values).

    Notes
    -----
    The AUC is the probability that a random positive scores higher than a
    random negative, ties counting one half. With ranks $r_i$ of the scores
    (ties averaged), $n_+$ positives and $n_-$ negatives,

    $$
    \mathrm{AUC} = \frac{\sum_{i:\,y_i=+} r_i - n_+(n_+ + 1)/2}{n_+ n_-}.
    $$

    Examples
    --------
    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    """
    y_true, _ = _check_labels_pair(y_true, y_true)
    y_score = check_array(y_score, name="y_score", ensure_2d=False)
    if y_score.ndim != 1:
        raise ValueError(f"y_score must be 1D (scores of the positive class), got shape {y_score.shape}.")
    if y_score.shape[0] != y_true.shape[0]:
        raise ValueError(
            f"y_true and y_score have different lengths: {y_true.shape[0]} and {y_score.shape[0]}."
        )
    classes, y_index = encode_labels(y_true, name="y_true")
    if classes.size != 2:
        raise ValueError(
            f"roc_auc_score is defined for binary y_true with exactly two classes; got "
            f"{classes.size} class(es): {classes.tolist()!r}."
        )
    positive = y_index == 1
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    ranks = _average_ranks(y_score)
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))
