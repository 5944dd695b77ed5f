r"""The data and features of the page "1.4 机器学习建模流程 / The modelling workflow".

Used on the page `ch1/workflow`: the block `data` carries out steps ① and ② in full;
the later blocks (`train`, `tune`, `evaluate`, `predict` and the exercises `ex_1`, `ex_2`)
start from the same split and the same features, taken from here so that every block
still runs on its own and all of them work on one data set.

* ① data: [`make_moons`][mlnotes.datasets.make_moons] with 300 samples, noise 0.3, seed 0;
* ② preprocessing: a stratified 75/25 split
  ([`train_test_split`][mlnotes.model_selection.train_test_split], seed 0), then
  standardisation with the mean and standard deviation of the **training** set only;
* ③ feature engineering: every product $z_1^i z_2^j$ of the standardised features with
  $1 \le i + j \le d$ (the page uses $d = 3$: 9 features).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_array, check_scalar, float_errors_as_value_error
from ..datasets import make_moons
from ..model_selection import train_test_split

__all__ = ["moons_split", "standardise", "features"]


def moons_split() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Steps ① and ② of the page: the two half-moons, split into a training and a test set.

    Returns
    -------
    X_train : ndarray of shape (225, 2)
    X_test : ndarray of shape (75, 2)
    y_train : ndarray of shape (225,)
    y_test : ndarray of shape (75,)
        Stratified: both sets keep the proportions of the two classes. New arrays on every call.

    Examples
    --------
    >>> X_train, X_test, y_train, y_test = moons_split()
    >>> X_train.shape, X_test.shape, np.bincount(y_test).tolist()
    ((225, 2), (75, 2), [37, 38])
    """
    X, y = make_moons(300, noise=0.3, random_state=0)
    return train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)


def standardise(X: Any) -> np.ndarray:
    r"""Standardise with the statistics of the page's training set: $z = (x - \mu) / \sigma$.

    $\mu$ and $\sigma$ are the mean and standard deviation of each feature over ``X_train``
    of [`moons_split`][mlnotes.book.ch1_workflow.moons_split], whatever ``X`` is: test
    samples and new samples go through exactly the same transformation as the training data.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)

    Returns
    -------
    Z : ndarray of shape (n_samples, 2)

    Examples
    --------
    >>> X_train = moons_split()[0]
    >>> Z = standardise(X_train)
    >>> Z.mean(axis=0).round(6) + 0.0, Z.std(axis=0).round(6)
    (array([0., 0.]), array([1., 1.]))
    """
    X = check_array(X, name="X")
    if X.shape[1] != 2:
        raise ValueError(f"X must have the page's 2 features (x1, x2), got shape {X.shape}.")
    X_train = moons_split()[0]
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    with float_errors_as_value_error("standardising X"):
        return (X - mean) / std


def features(X: Any, degree: int = 3) -> np.ndarray:
    r"""Step ③ of the page: the polynomial features $z_1^i z_2^j$, $1 \le i + j \le d$.

    ``X`` is first standardised with [`standardise`][mlnotes.book.ch1_workflow.standardise]
    (the training set's statistics). A linear model on these features draws a curved
    boundary in the original plane.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
    degree : int
        The highest total degree $d$.

    Returns
    -------
    F : ndarray of shape (n_samples, (d + 1)(d + 2)/2 - 1)
        Columns ordered by the power $i$ of $z_1$, then the power $j$ of $z_2$.

    Examples
    --------
    >>> features([[0.5, 0.25]]).shape  # degree 3: 9 products
    (1, 9)
    >>> z = standardise([[0.5, 0.25]])[0]
    >>> F = features([[0.5, 0.25]], degree=2)[0]  # z2, z2², z1, z1·z2, z1²
    >>> np.allclose(F, [z[1], z[1] ** 2, z[0], z[0] * z[1], z[0] ** 2])
    True
    """
    check_scalar(degree, "degree", int, min_val=1, max_val=20)
    z = standardise(X)
    with float_errors_as_value_error("the polynomial features"):
        return np.column_stack([z[:, 0] ** i * z[:, 1] ** j
                                for i in range(degree + 1) for j in range(degree + 1 - i) if i + j > 0])
