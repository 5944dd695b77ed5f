"""Seeded synthetic datasets used by the pages and the tests.

Every generator takes ``random_state`` (int, Generator or None) and draws from a
:class:`numpy.random.Generator`; the global numpy random state is never used.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._validation import check_random_state, check_scalar

__all__ = ["make_line"]


def make_line(n_samples: int = 20, *, slope: float = 2.0, intercept: float = 1.0,
              noise: float = 0.5, x_range: tuple[float, float] = (0.0, 5.0),
              random_state: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """Points scattered around the line ``y = slope * x + intercept``.

    Parameters
    ----------
    n_samples : int
        Number of points.
    slope, intercept : float
        The true line (the notes' example is y = 2x + 1).
    noise : float
        Standard deviation of the Gaussian noise added to ``y``.
    x_range : (float, float)
        ``x`` is drawn uniformly from this interval.
    random_state : int, Generator or None

    Returns
    -------
    X : ndarray of shape (n_samples, 1)
    y : ndarray of shape (n_samples,)

    Examples
    --------
    >>> X, y = make_line(5, noise=0.0, random_state=0)
    >>> bool(np.allclose(y, 2 * X.ravel() + 1))
    True
    """
    check_scalar(n_samples, "n_samples", int, min_val=1)
    check_scalar(noise, "noise", min_val=0.0)
    lo, hi = x_range
    if not lo < hi:
        raise ValueError(f"x_range must be (low, high) with low < high, got {x_range!r}.")
    rng = check_random_state(random_state)
    x = rng.uniform(lo, hi, size=n_samples)
    y = slope * x + intercept + rng.normal(0.0, noise, size=n_samples)
    return x.reshape(-1, 1), y


# --- classification generators (supervised-learning chapter) -------------------------------


def _shuffled(X: np.ndarray, y: np.ndarray, shuffle: bool,
              rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    if not isinstance(shuffle, (bool, np.bool_)):
        raise TypeError(f"shuffle must be a bool, got {shuffle!r}.")
    if shuffle:
        order = rng.permutation(len(y))
        X, y = X[order], y[order]
    return X, y


def _check_noise(noise: Any) -> float:
    if noise is None:
        return 0.0
    return float(check_scalar(noise, "noise", min_val=0.0))


def make_blobs(n_samples: int | Any = 100, n_features: int = 2, *, centers: int | Any = None,
               cluster_std: float | Any = 1.0, center_box: tuple[float, float] = (-10.0, 10.0),
               shuffle: bool = True, random_state: Any = None,
               return_centers: bool = False) -> tuple[np.ndarray, ...]:
    """Isotropic Gaussian blobs, one class per centre (scikit-learn's ``make_blobs``).

    Parameters
    ----------
    n_samples : int or array-like of int
        Total number of points, shared out evenly (the first blobs get one more),
        or the number of points of each blob.
    n_features : int
        Dimension of the points (ignored when ``centers`` is an array).
    centers : int or array-like of shape (n_centers, n_features), optional
        Number of random centres drawn uniformly from ``center_box``, or the
        centres themselves; default 3 (or one per entry of ``n_samples``).
    cluster_std : float or array-like of float
        Standard deviation of each blob.
    center_box : (float, float)
        Bounds of the random centres.
    shuffle : bool
        Shuffle the points (otherwise blob by blob).
    random_state : int, Generator or None
        Seed.
    return_centers : bool
        Also return the centres.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        Blob index of each point.
    centers : ndarray of shape (n_centers, n_features)
        Only if ``return_centers``.

    Examples
    --------
    >>> X, y = make_blobs(10, centers=[[0.0, 0.0], [5.0, 5.0]], cluster_std=0.1, random_state=0)
    >>> X.shape, np.bincount(y).tolist()
    ((10, 2), [5, 5])
    """
    rng = check_random_state(random_state)
    check_scalar(n_features, "n_features", int, min_val=1)
    if isinstance(n_samples, (int, np.integer)) and not isinstance(n_samples, bool):
        check_scalar(n_samples, "n_samples", int, min_val=1)
        per_blob = None
    else:
        per_blob = np.asarray(n_samples)
        if per_blob.ndim != 1 or per_blob.size == 0 or per_blob.dtype.kind not in "iu" or (per_blob < 0).any():
            raise ValueError(f"n_samples must be an int or a list of non-negative ints, got {n_samples!r}.")
    lo, hi = center_box
    if not lo < hi:
        raise ValueError(f"center_box must be (low, high) with low < high, got {center_box!r}.")
    if centers is None:
        centers = 3 if per_blob is None else per_blob.size
    if isinstance(centers, (int, np.integer)) and not isinstance(centers, bool):
        check_scalar(centers, "centers", int, min_val=1)
        centers = rng.uniform(lo, hi, size=(int(centers), n_features))
    else:
        centers = np.asarray(centers, dtype=float)
        if centers.ndim != 2 or centers.shape[0] == 0 or not np.isfinite(centers).all():
            raise ValueError(f"centers must be an int or a finite 2D array (n_centers, n_features), "
                             f"got shape {centers.shape}.")
    n_centers = centers.shape[0]
    if per_blob is None:
        per_blob = np.full(n_centers, n_samples // n_centers)
        per_blob[: n_samples % n_centers] += 1
    elif per_blob.size != n_centers:
        raise ValueError(f"n_samples has {per_blob.size} entries but there are {n_centers} centers.")
    std = np.broadcast_to(np.asarray(cluster_std, dtype=float), (n_centers,)) if np.ndim(cluster_std) <= 1 else None
    if std is None or not np.isfinite(std).all() or (std < 0).any():
        raise ValueError(f"cluster_std must be a non-negative float or one per center, got {cluster_std!r}.")
    X = np.concatenate([rng.normal(c, s, size=(m, centers.shape[1]))
                        for c, s, m in zip(centers, std, per_blob)])
    y = np.repeat(np.arange(n_centers), per_blob)
    X, y = _shuffled(X, y, shuffle, rng)
    return (X, y, centers) if return_centers else (X, y)


def make_moons(n_samples: int = 100, *, shuffle: bool = True, noise: float | None = None,
               random_state: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles (scikit-learn's ``make_moons``).

    Parameters
    ----------
    n_samples : int
        Number of points; the upper moon (class 0) gets ``n_samples // 2``.
    shuffle : bool
        Shuffle the points.
    noise : float, optional
        Standard deviation of Gaussian noise added to the coordinates.
    random_state : int, Generator or None
        Seed.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)

    Examples
    --------
    >>> X, y = make_moons(4, shuffle=False)
    >>> X.round(3).tolist(), y.tolist()
    ([[1.0, 0.0], [-1.0, 0.0], [0.0, 0.5], [2.0, 0.5]], [0, 0, 1, 1])
    """
    check_scalar(n_samples, "n_samples", int, min_val=1)
    noise = _check_noise(noise)
    rng = check_random_state(random_state)
    n_out = n_samples // 2
    n_in = n_samples - n_out
    t_out, t_in = np.linspace(0, np.pi, n_out), np.linspace(0, np.pi, n_in)
    X = np.vstack([np.column_stack([np.cos(t_out), np.sin(t_out)]),
                   np.column_stack([1 - np.cos(t_in), 1 - np.sin(t_in) - 0.5])])
    y = np.repeat([0, 1], [n_out, n_in])
    X, y = _shuffled(X, y, shuffle, rng)
    return X + rng.normal(0.0, noise, size=X.shape), y


def make_circles(n_samples: int = 100, *, shuffle: bool = True, noise: float | None = None,
                 random_state: Any = None, factor: float = 0.8) -> tuple[np.ndarray, np.ndarray]:
    """A small circle (class 1) inside a large one (class 0) (scikit-learn's ``make_circles``).

    Parameters
    ----------
    n_samples : int
        Number of points; the outer circle gets ``n_samples // 2``.
    shuffle : bool
        Shuffle the points.
    noise : float, optional
        Standard deviation of Gaussian noise added to the coordinates.
    random_state : int, Generator or None
        Seed.
    factor : float
        Radius of the inner circle, in [0, 1).

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)

    Examples
    --------
    >>> X, y = make_circles(4, shuffle=False, factor=0.5)
    >>> np.hypot(X[:, 0], X[:, 1]).round(3).tolist(), y.tolist()
    ([1.0, 1.0, 0.5, 0.5], [0, 0, 1, 1])
    """
    check_scalar(n_samples, "n_samples", int, min_val=1)
    check_scalar(factor, "factor", min_val=0.0, max_val=1.0, include_max=False)
    noise = _check_noise(noise)
    rng = check_random_state(random_state)
    n_out = n_samples // 2
    n_in = n_samples - n_out
    t_out = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    t_in = np.linspace(0, 2 * np.pi, n_in, endpoint=False)
    X = np.vstack([np.column_stack([np.cos(t_out), np.sin(t_out)]),
                   factor * np.column_stack([np.cos(t_in), np.sin(t_in)])])
    y = np.repeat([0, 1], [n_out, n_in])
    X, y = _shuffled(X, y, shuffle, rng)
    return X + rng.normal(0.0, noise, size=X.shape), y


def make_xor(n_samples: int = 200, *, noise: float = 0.0,
             random_state: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """The XOR problem: points in the square [-1, 1]² labelled by whether the signs differ.

    ``y = 1`` in the second and fourth quadrants (``x0 * x1 < 0``), else 0; no
    straight line separates the classes.

    Parameters
    ----------
    n_samples : int
        Number of points, drawn uniformly in the square.
    noise : float
        Standard deviation of Gaussian noise added to the coordinates after
        labelling (points near the axes may cross them).
    random_state : int, Generator or None
        Seed.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)

    Examples
    --------
    >>> X, y = make_xor(200, random_state=0)
    >>> bool(np.all(y == (X[:, 0] * X[:, 1] < 0)))
    True
    """
    check_scalar(n_samples, "n_samples", int, min_val=1)
    noise = _check_noise(noise)
    rng = check_random_state(random_state)
    X = rng.uniform(-1.0, 1.0, size=(n_samples, 2))
    y = (np.sign(X[:, 0]) != np.sign(X[:, 1])).astype(np.intp)
    return X + rng.normal(0.0, noise, size=X.shape), y


def make_spirals(n_samples: int = 300, *, n_classes: int = 3, turns: float = 1.0,
                 noise: float = 0.05, shuffle: bool = True,
                 random_state: Any = None) -> tuple[np.ndarray, np.ndarray]:
    r"""Interleaved spiral arms, one class per arm (the CS231n toy problem).

    Arm :math:`k` of :math:`K` is :math:`r(\cos\theta, \sin\theta)` with radius
    :math:`r \in [0.05, 1]` and angle :math:`\theta = 2\pi(k/K + \text{turns}\cdot r)`.

    Parameters
    ----------
    n_samples : int
        Total number of points, shared out evenly (the first arms get one more).
    n_classes : int
        Number of arms.
    turns : float
        Number of revolutions of each arm.
    noise : float
        Standard deviation of Gaussian noise added to the coordinates.
    shuffle : bool
        Shuffle the points (otherwise arm by arm, from the centre outwards).
    random_state : int, Generator or None
        Seed.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)

    Examples
    --------
    >>> X, y = make_spirals(300, n_classes=3, random_state=0)
    >>> X.shape, np.bincount(y).tolist()
    ((300, 2), [100, 100, 100])
    """
    check_scalar(n_samples, "n_samples", int, min_val=1)
    check_scalar(n_classes, "n_classes", int, min_val=1)
    check_scalar(turns, "turns", min_val=0.0)
    noise = _check_noise(noise)
    rng = check_random_state(random_state)
    per_arm = np.full(n_classes, n_samples // n_classes)
    per_arm[: n_samples % n_classes] += 1
    y = np.repeat(np.arange(n_classes), per_arm)
    # radius grows linearly along each arm: (n_samples,)
    r = np.concatenate([np.linspace(0.05, 1.0, m) for m in per_arm])
    theta = 2 * np.pi * (y / n_classes + turns * r)
    X = r[:, None] * np.column_stack([np.cos(theta), np.sin(theta)])  # (n_samples, 2)
    X, y = _shuffled(X, y, shuffle, rng)
    return X + rng.normal(0.0, noise, size=X.shape), y
