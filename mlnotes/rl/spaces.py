"""Action and observation spaces: ``Discrete`` and ``Box``.

The same attributes as Gymnasium's ``gymnasium.spaces`` (``n``; ``shape``,
``low``, ``high``; ``sample``, ``contains``, ``seed``), so code written against
these spaces also runs on Gymnasium environments, without depending on it.

References
----------
Towers et al., *Gymnasium: A Standard Interface for Reinforcement Learning
Environments*, arXiv:2407.17032, 2024.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from .._validation import check_array, check_random_state, check_scalar

__all__ = ["Discrete", "Box"]


def _as_index(x: Any) -> int | None:
    """Return ``x`` as a Python int if it is an integer scalar, else None."""
    if isinstance(x, (bool, np.bool_)):
        return None
    if isinstance(x, (numbers.Integral, np.integer)):
        return int(x)
    if isinstance(x, np.ndarray) and x.ndim == 0 and x.dtype.kind in "iu":
        return int(x)
    return None


class Discrete:
    """The finite set ``{0, 1, ..., n - 1}`` (states of a grid, moves of an agent).

    Parameters
    ----------
    n : int
        Number of elements, at least 1.
    seed : int, numpy.random.Generator or None, default=None
        Seeds the generator used by [`sample`][mlnotes.rl.Discrete.sample].

    Attributes
    ----------
    n : int
        Number of elements.
    shape : tuple
        ``()``: an element is a scalar.

    Examples
    --------
    >>> space = Discrete(4, seed=0)
    >>> space.n, space.contains(3), space.contains(4)
    (4, True, False)
    >>> 0 <= space.sample() < 4
    True
    """

    def __init__(self, n: int, *, seed: int | np.random.Generator | None = None) -> None:
        if _as_index(n) is None:
            raise TypeError(f"Discrete space size n must be an int, got {n!r}.")
        if int(n) < 1:
            raise ValueError(f"Discrete space size n must be >= 1, got {n}.")
        self.n = int(n)
        self.shape: tuple[int, ...] = ()
        self.np_random = check_random_state(seed)

    def seed(self, seed: int | np.random.Generator | None = None) -> None:
        """Re-seed the generator used by [`sample`][mlnotes.rl.Discrete.sample]."""
        self.np_random = check_random_state(seed)

    def sample(self) -> int:
        """Draw an element uniformly at random."""
        return int(self.np_random.integers(self.n))

    def contains(self, x: Any) -> bool:
        """Whether ``x`` is an integer in ``[0, n)``."""
        i = _as_index(x)
        return i is not None and 0 <= i < self.n

    def __contains__(self, x: Any) -> bool:
        return self.contains(x)

    def __repr__(self) -> str:
        return f"Discrete({self.n})"


class Box:
    r"""A box ``low <= x <= high`` in $\mathbb{R}^d$ (continuous states and actions).

    Parameters
    ----------
    low : float or array-like
        Lower bounds, broadcast to ``shape``.
    high : float or array-like
        Upper bounds, broadcast to ``shape``; ``high >= low`` element-wise.
    shape : tuple of int or None, default=None
        Shape of an element; by default the broadcast shape of ``low`` and ``high``.
    seed : int, numpy.random.Generator or None, default=None
        Seeds the generator used by [`sample`][mlnotes.rl.Box.sample].

    Attributes
    ----------
    low, high : ndarray of shape ``shape``
        The bounds (``-inf``/``inf`` for unbounded directions).
    shape : tuple of int
        Shape of an element.

    Examples
    --------
    >>> box = Box(-1.0, 1.0, shape=(2,), seed=0)
    >>> box.shape, box.low.tolist(), box.high.tolist()
    ((2,), [-1.0, -1.0], [1.0, 1.0])
    >>> box.contains([0.5, -1.0]), box.contains([0.5, 2.0])
    (True, False)
    """

    def __init__(self, low: Any, high: Any, shape: tuple[int, ...] | None = None, *,
                 seed: int | np.random.Generator | None = None) -> None:
        low_arr = check_array(low, name="low", ensure_2d=False, allow_nd=True, ensure_finite=False,
                              ensure_min_samples=0)
        high_arr = check_array(high, name="high", ensure_2d=False, allow_nd=True, ensure_finite=False,
                               ensure_min_samples=0)
        if shape is not None and (isinstance(shape, (str, bytes)) or not isinstance(shape, (tuple, list))):
            raise TypeError(f"shape must be a tuple of ints or None, got {shape!r}.")
        for s in shape or ():
            check_scalar(s, "shape entries", int, min_val=1)
        try:
            if shape is None:
                shape = np.broadcast_shapes(low_arr.shape, high_arr.shape)
            self.shape = tuple(int(s) for s in shape)
            self.low = np.broadcast_to(low_arr, self.shape).copy()
            self.high = np.broadcast_to(high_arr, self.shape).copy()
        except ValueError:
            raise ValueError(f"Box bounds of shapes {low_arr.shape} and {high_arr.shape} "
                             f"do not broadcast to shape {shape}.") from None
        if np.isnan(self.low).any() or np.isnan(self.high).any() or (self.low > self.high).any():
            raise ValueError("Box bounds must satisfy low <= high element-wise (no NaN).")
        self.np_random = check_random_state(seed)

    def seed(self, seed: int | np.random.Generator | None = None) -> None:
        """Re-seed the generator used by [`sample`][mlnotes.rl.Box.sample]."""
        self.np_random = check_random_state(seed)

    def sample(self) -> np.ndarray:
        """Draw a point of the box, as Gymnasium does.

        Uniform where both bounds are finite, ``low + Exp(1)`` or ``high - Exp(1)``
        where only one is, and ``N(0, 1)`` where neither is.
        """
        lo_ok, hi_ok = np.isfinite(self.low), np.isfinite(self.high)
        out = self.np_random.standard_normal(self.shape)
        both = lo_ok & hi_ok
        out[both] = self.np_random.uniform(self.low[both], self.high[both])
        only_low, only_high = lo_ok & ~hi_ok, hi_ok & ~lo_ok
        out[only_low] = self.low[only_low] + self.np_random.exponential(size=int(only_low.sum()))
        out[only_high] = self.high[only_high] - self.np_random.exponential(size=int(only_high.sum()))
        return out

    def contains(self, x: Any) -> bool:
        """Whether ``x`` has shape ``shape`` and lies inside the bounds."""
        try:
            arr = np.asarray(x)
            if arr.dtype.kind not in "biuf":
                return False
            arr = arr.astype(np.float64)
        except (TypeError, ValueError):
            return False
        return bool(arr.shape == self.shape and np.all(arr >= self.low) and np.all(arr <= self.high))

    def __contains__(self, x: Any) -> bool:
        return self.contains(x)

    def __repr__(self) -> str:
        return f"Box(low={self.low.min():g}, high={self.high.max():g}, shape={self.shape})"
