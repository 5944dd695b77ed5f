"""Seeded synthetic data sets: regression lines, classification shapes, baskets, series, outliers.

Generic generators in the spirit of ``sklearn.datasets``: each says what it draws and
takes ``random_state`` (int, Generator or None), drawing from a `numpy.random.Generator`;
the global numpy random state is never used. The data of particular pages (stroke images,
the notes' basket table, a photo) are book fixtures in [`mlnotes.book.data`][mlnotes.book.data].

References
----------
Pedregosa et al., "Scikit-learn: Machine Learning in Python", JMLR 12, 2011 (``make_blobs``,
``make_moons`` and ``make_circles`` follow ``sklearn.datasets``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._validation import (check_array, check_bool, check_interval, check_random_state, check_scalar,
                          float_errors_as_value_error)

__all__ = [
    "make_line",
    "make_blobs",
    "make_moons",
    "make_circles",
    "make_xor",
    "make_spirals",
    "make_baskets",
    "make_seasonal_series",
    "make_ar_series",
    "make_outliers",
]


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
    check_scalar(slope, "slope")
    check_scalar(intercept, "intercept")
    lo, hi = check_interval(x_range, "x_range")
    rng = check_random_state(random_state)
    with float_errors_as_value_error("make_line"):
        x = lo + (hi - lo) * rng.random(n_samples) if np.isfinite(hi - lo) else rng.uniform(lo / 2, hi / 2, n_samples) * 2
        y = slope * x + intercept + rng.normal(0.0, noise, size=n_samples)
    return x.reshape(-1, 1), y


def _shuffled(X: np.ndarray, y: np.ndarray, shuffle: bool,
              rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    check_bool(shuffle, "shuffle")
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
    check_bool(return_centers, "return_centers")
    if isinstance(n_samples, (int, np.integer)) and not isinstance(n_samples, bool):
        check_scalar(n_samples, "n_samples", int, min_val=1)
        per_blob = None
    else:
        per_blob = np.asarray(n_samples)
        if per_blob.ndim != 1 or per_blob.size == 0 or per_blob.dtype.kind not in "iu" or (per_blob < 0).any():
            raise ValueError(f"n_samples must be an int or a list of non-negative ints, got {n_samples!r}.")
    lo, hi = check_interval(center_box, "center_box")
    if centers is None:
        centers = 3 if per_blob is None else per_blob.size
    if isinstance(centers, (int, np.integer)) and not isinstance(centers, bool):
        check_scalar(centers, "centers", int, min_val=1)
        centers = lo + (hi - lo) * rng.random((int(centers), n_features)) if np.isfinite(hi - lo) \
            else 2 * rng.uniform(lo / 2, hi / 2, size=(int(centers), n_features))
    else:
        centers = check_array(centers, name="centers")
    n_centers = centers.shape[0]
    if per_blob is None:
        per_blob = np.full(n_centers, n_samples // n_centers)
        per_blob[: n_samples % n_centers] += 1
    elif per_blob.size != n_centers:
        raise ValueError(f"n_samples has {per_blob.size} entries but there are {n_centers} centers.")
    std = check_array(cluster_std, name="cluster_std", ensure_2d=False)
    if std.ndim > 1 or std.ndim == 1 and std.shape != (n_centers,) or (std < 0).any():
        raise ValueError(f"cluster_std must be a non-negative float or one per center ({n_centers}), "
                         f"got {cluster_std!r}.")
    std = np.broadcast_to(std, (n_centers,))
    with float_errors_as_value_error("make_blobs"):
        X = np.concatenate([c + s * rng.standard_normal(size=(m, centers.shape[1]))
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

    Arm $k$ of $K$ is $r(\cos\theta, \sin\theta)$ with radius
    $r \in [0.05, 1]$ and angle $\theta = 2\pi(k/K + \text{turns}\cdot r)$.

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


def make_baskets(n_baskets: int = 1000, n_items: int = 20, *, avg_size: float = 4.0,
                 n_patterns: int = 3, pattern_size: int = 3, pattern_prob: float = 0.2,
                 random_state: Any = None) -> list[list[str]]:
    """Random shopping baskets with Zipf-like item popularity and planted bundles.

    Parameters
    ----------
    n_baskets : int
        Number of transactions.
    n_items : int
        Number of distinct items, named ``item00``, ``item01``, ...
    avg_size : float
        Expected number of independently drawn items per basket (item ``j`` is
        drawn with probability proportional to ``1 / (j + 3)``).
    n_patterns : int
        Number of planted bundles (random itemsets of ``pattern_size`` items).
    pattern_size : int
        Items per bundle.
    pattern_prob : float
        Probability that a basket contains a given bundle as a whole.
    random_state : int, Generator or None

    Returns
    -------
    list of list of str
        One sorted, non-empty list of item names per basket.

    Examples
    --------
    >>> baskets = make_baskets(5, n_items=8, random_state=0)
    >>> len(baskets), all(len(b) >= 1 for b in baskets)
    (5, True)
    """
    check_scalar(n_baskets, "n_baskets", int, min_val=1)
    check_scalar(n_items, "n_items", int, min_val=1)
    check_scalar(avg_size, "avg_size", min_val=0.0)
    check_scalar(n_patterns, "n_patterns", int, min_val=0)
    check_scalar(pattern_size, "pattern_size", int, min_val=1, max_val=n_items)
    check_scalar(pattern_prob, "pattern_prob", min_val=0.0, max_val=1.0)
    rng = check_random_state(random_state)
    weight = 1.0 / np.arange(3, n_items + 3)
    p = np.minimum(1.0, avg_size * weight / weight.sum())  # (n_items,)
    B = rng.random((n_baskets, n_items)) < p  # (n_baskets, n_items) basket x item
    for _ in range(n_patterns):
        bundle = rng.choice(n_items, pattern_size, replace=False)
        has = rng.random(n_baskets) < pattern_prob
        B[np.ix_(has, bundle)] = True
    empty = ~B.any(axis=1)
    B[np.flatnonzero(empty), rng.choice(n_items, int(empty.sum()), p=weight / weight.sum())] = True
    width = len(str(n_items - 1))
    names = [f"item{j:0{max(2, width)}d}" for j in range(n_items)]
    return [[names[j] for j in np.flatnonzero(row)] for row in B]


def make_seasonal_series(n_samples: int = 120, *, period: float = 12.0, trend: float = 0.05,
                         amplitude: float = 1.0, noise: float = 0.2, level: float = 0.0,
                         random_state: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """A time series: linear trend + sine seasonality + Gaussian noise.

    ``y_t = level + trend * t + amplitude * sin(2 pi t / period) + noise * e_t``.

    Parameters
    ----------
    n_samples : int
        Length of the series.
    period : float
        Season length in steps (12: monthly data with a yearly cycle).
    trend : float
        Slope per step.
    amplitude : float
        Amplitude of the seasonal wave.
    noise : float
        Standard deviation of the noise ``e_t ~ N(0, 1)`` scale.
    level : float
        Value of the trend at ``t = 0``.
    random_state : int, Generator or None

    Returns
    -------
    t : ndarray of shape (n_samples,)
        Time steps ``0 .. n_samples - 1``.
    y : ndarray of shape (n_samples,)

    Examples
    --------
    >>> t, y = make_seasonal_series(24, noise=0.0, trend=0.0)
    >>> bool(np.allclose(y[:12], y[12:]))
    True
    """
    check_scalar(n_samples, "n_samples", int, min_val=1)
    check_scalar(period, "period", min_val=0.0, include_min=False)
    check_scalar(noise, "noise", min_val=0.0)
    for name, value in (("trend", trend), ("amplitude", amplitude), ("level", level)):
        check_scalar(value, name)
    rng = check_random_state(random_state)
    t = np.arange(n_samples)
    with float_errors_as_value_error("make_seasonal_series"):
        y = level + trend * t + amplitude * np.sin(2 * np.pi * t / period) + noise * rng.normal(size=n_samples)
    return t, y


def make_ar_series(coef: Any = (0.6, -0.3), n_samples: int = 200, *, intercept: float = 0.0,
                   noise: float = 1.0, burn_in: int = 100, random_state: Any = None) -> np.ndarray:
    """Simulate a stationary AR(p) process ``y_t = c + sum_i coef[i] y_{t-1-i} + noise * e_t``.

    Parameters
    ----------
    coef : array-like of shape (p,)
        Autoregressive coefficients; they must give a stationary process.
    n_samples : int
        Length of the returned series.
    intercept : float
        The constant ``c``.
    noise : float
        Standard deviation of the innovations.
    burn_in : int
        Initial steps simulated and discarded so the series starts near stationarity.
    random_state : int, Generator or None

    Returns
    -------
    ndarray of shape (n_samples,)

    Examples
    --------
    >>> y = make_ar_series((0.5,), 5, intercept=1.0, noise=0.0)
    >>> y.round(6)  # the fixed point c / (1 - 0.5)
    array([2., 2., 2., 2., 2.])
    """
    phi = np.atleast_1d(check_array(coef, name="coef", ensure_2d=False))
    if phi.ndim != 1 or phi.size == 0:
        raise ValueError(f"coef must be a non-empty 1D array of finite numbers, got {coef!r}.")
    check_scalar(n_samples, "n_samples", int, min_val=1)
    check_scalar(noise, "noise", min_val=0.0)
    check_scalar(intercept, "intercept")
    check_scalar(burn_in, "burn_in", int, min_val=0)
    p = phi.size
    companion = np.eye(p, k=-1)
    companion[0] = phi
    if np.abs(np.linalg.eigvals(companion)).max() >= 1.0:
        raise ValueError(f"coef={phi.tolist()} gives a non-stationary AR process (a root of "
                         "1 - sum_i coef[i] z^(i+1) lies on or inside the unit circle).")
    rng = check_random_state(random_state)
    with float_errors_as_value_error("make_ar_series"):
        e = noise * rng.normal(size=burn_in + n_samples)
        y = np.full(p + burn_in + n_samples, intercept / (1.0 - phi.sum()))  # start at the mean
        for t in range(p, y.size):  # the recursion is sequential by nature
            y[t] = intercept + phi @ y[t - p:t][::-1] + e[t - p]
    return y[p + burn_in:]


_OUTLIER_ROUNDS = 200  # rejection rounds of make_outliers before it declares the free space empty


def make_outliers(n_inliers: int = 300, n_outliers: int = 15, n_features: int = 2, *,
                  n_clusters: int = 2, cluster_std: float = 1.0, box: float = 10.0,
                  random_state: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian clusters of inliers plus planted outliers, with the ground truth.

    Inliers are Gaussian around ``n_clusters`` centres drawn in ``[-box/2, box/2]``;
    outliers are uniform in ``[-box, box]``, kept only if farther than
    ``cluster_std * (sqrt(n_features) + 3)`` from every centre.

    Parameters
    ----------
    n_inliers : int
        Number of normal samples.
    n_outliers : int
        Number of planted outliers.
    n_features : int
        Dimension.
    n_clusters : int
        Number of inlier clusters.
    cluster_std : float
        Standard deviation of each inlier cluster.
    box : float
        Half-width of the outliers' cube.
    random_state : int, Generator or None

    Returns
    -------
    X : ndarray of shape (n_inliers + n_outliers, n_features)
        Shuffled samples.
    is_outlier : ndarray of shape (n_inliers + n_outliers,), dtype bool
        True for the planted outliers.

    Examples
    --------
    >>> X, is_outlier = make_outliers(50, 5, random_state=0)
    >>> X.shape, int(is_outlier.sum())
    ((55, 2), 5)
    """
    check_scalar(n_inliers, "n_inliers", int, min_val=1)
    check_scalar(n_outliers, "n_outliers", int, min_val=0)
    check_scalar(n_features, "n_features", int, min_val=1)
    check_scalar(n_clusters, "n_clusters", int, min_val=1)
    check_scalar(cluster_std, "cluster_std", min_val=0.0, include_min=False)
    check_scalar(box, "box", min_val=0.0, include_min=False)
    min_dist = cluster_std * (np.sqrt(n_features) + 3.0)
    if min_dist >= box:
        raise ValueError(f"box={box} is too small for cluster_std={cluster_std}: outliers must lie "
                         f"farther than {min_dist:.3g} from the centres; increase box.")
    rng = check_random_state(random_state)
    # positions in units of box (so that a huge box cannot overflow the distances)
    centers = rng.uniform(-0.5, 0.5, size=(n_clusters, n_features))
    with float_errors_as_value_error("make_outliers"):
        inliers = box * centers[rng.integers(n_clusters, size=n_inliers)] + cluster_std * rng.normal(
            size=(n_inliers, n_features))
    found, n_found = [np.empty((0, n_features))], 0
    for _ in range(_OUTLIER_ROUNDS):  # rejection sampling, bounded: the free space may be empty
        if n_found >= n_outliers:
            break
        cand = rng.uniform(-1.0, 1.0, size=(4 * n_outliers + 16, n_features))
        d = np.sqrt(((cand[:, None, :] - centers[None]) ** 2).sum(axis=2)).min(axis=1)
        found.append(cand[d > min_dist / box])
        n_found += len(found[-1])
    if n_found < n_outliers:
        raise ValueError(
            f"make_outliers found room for only {n_found} of n_outliers={n_outliers} outliers: "
            f"{n_clusters} cluster(s) leave (almost) no point of the cube [-{box}, {box}]^{n_features} "
            f"farther than {min_dist:.3g} from every centre. Increase box, or reduce n_clusters or "
            "cluster_std.")
    outliers = box * np.concatenate(found)[:n_outliers]
    X = np.concatenate([inliers, outliers])
    is_outlier = np.r_[np.zeros(n_inliers, dtype=bool), np.ones(n_outliers, dtype=bool)]
    order = rng.permutation(len(X))
    return X[order], is_outlier[order]
