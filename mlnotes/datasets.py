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
