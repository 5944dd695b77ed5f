"""Neighbourhood helpers for density-based clustering: radius pairs and connected components.

``radius_pairs`` finds every pair of samples within ``eps`` of each other with a
sweep over sorted strips, in distance blocks of bounded size (no ``n x n`` matrix);
``connected_components`` labels the components of a graph given by its edges with
a vectorised union-find. [`mlnotes.cluster.DBSCAN`][mlnotes.cluster.DBSCAN] is built on both.

References
----------
M. de Berg, O. Cheong, M. van Kreveld & M. Overmars, *Computational Geometry*, 3rd ed.,
Springer, 2008, §2.1 (plane sweep).
Y. Shiloach & U. Vishkin, "An O(log n) parallel connectivity algorithm", J. Algorithms 3(1),
1982 (hooking and pointer jumping).
"""

from __future__ import annotations

import numpy as np

__all__ = ["connected_components", "radius_pairs"]

_BLOCK_ELEMENTS = 1 << 20  # distance blocks hold at most ~1M floats (8 MB)


def _sq_dist(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Squared Euclidean distances (len(A), len(B)), summing exact coordinate differences."""
    if A.shape[1] > 16:  # many features: the matrix-product form is much faster
        d2 = np.einsum("nd,nd->n", A, A)[:, None] - 2.0 * A @ B.T + np.einsum("nd,nd->n", B, B)
        return np.maximum(d2, 0.0, out=d2)
    d2 = np.zeros((A.shape[0], B.shape[0]))
    for j in range(A.shape[1]):
        diff = A[:, j, None] - B[None, :, j]
        d2 += diff * diff
    return d2


def radius_pairs(X: np.ndarray, eps: float) -> tuple[np.ndarray, np.ndarray]:
    """Every unordered pair of distinct samples with ``||x_p - x_q|| <= eps``.

    A sweep over strips: cut the widest coordinate into strips of width ``eps``
    and sort each strip along the second-widest coordinate ``y``. A neighbour of a
    sample lies in its own strip or an adjacent one, with ``y`` within ``eps``, so
    a block of consecutive samples of strip ``s`` is compared only with the rest
    of strip ``s`` and with a ``y``-window of strip ``s + 1`` (each pair once).
    Every block-by-window distance matrix holds at most ``_BLOCK_ELEMENTS`` entries.

    Returns
    -------
    p, q : ndarray of shape (n_pairs,)
        Original sample indices of the pairs.
    """
    n = X.shape[0]
    spread = np.argsort(-np.ptp(X, axis=0), kind="stable")
    ax, ay = int(spread[0]), int(spread[min(1, len(spread) - 1)])
    width = eps * (1.0 + 1e-9)  # slack against rounding: windows may be too wide, never too narrow
    strip = np.floor((X[:, ax] - X[:, ax].min()) / width).astype(np.int64)
    order = np.lexsort((X[:, ay], strip))
    Xs, strip, y = X[order], strip[order], X[order, ay]
    eps2 = eps * eps
    P, Q = [np.empty(0, dtype=np.intp)], [np.empty(0, dtype=np.intp)]

    def add_pairs(rows: slice, lo: int, hi: int, forward: bool) -> None:
        close = _sq_dist(Xs[rows], Xs[lo:hi]) <= eps2  # (block, window)
        p, q = np.nonzero(close)
        p, q = p + rows.start, q + lo
        if forward:  # same strip: keep each pair once
            p, q = p[q > p], q[q > p]
        P.append(p)
        Q.append(q)

    bounds = np.flatnonzero(np.diff(strip)) + 1
    starts, stops = np.r_[0, bounds], np.r_[bounds, n]
    for k, (a, b) in enumerate(zip(starts, stops, strict=True)):
        adjacent = k + 1 < len(starts) and strip[starts[k + 1]] == strip[a] + 1
        nxt = (starts[k + 1], stops[k + 1]) if adjacent else (b, b)  # the next strip's rows
        start = a
        while start < b:
            rows = 1024
            while True:
                stop = min(start + rows, b)
                y0, y1 = y[start] - width, y[stop - 1] + width
                hi = a + int(np.searchsorted(y[a:b], y1, side="right"))
                lo2 = nxt[0] + int(np.searchsorted(y[nxt[0]:nxt[1]], y0, side="left"))
                hi2 = nxt[0] + int(np.searchsorted(y[nxt[0]:nxt[1]], y1, side="right"))
                if rows == 1 or (stop - start) * (hi - start + hi2 - lo2) <= _BLOCK_ELEMENTS:
                    break
                rows //= 2
            add_pairs(slice(start, stop), start, hi, forward=True)
            if hi2 > lo2:
                add_pairs(slice(start, stop), lo2, hi2, forward=False)
            start = stop
    return order[np.concatenate(P)], order[np.concatenate(Q)]


def connected_components(n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Root (smallest index) of each node's component for the edges ``u - v``.

    Vectorised union-find: every edge hooks the larger root under the smaller
    one, pointer jumping flattens the trees, and each edge is replaced by the
    edge between its endpoints' roots (edges inside a tree are dropped); repeat
    until no edge is left. ``parent[i] <= i`` always holds, so a root is its
    component's minimum.
    """
    parent = np.arange(n)
    while u.size:
        ru, rv = parent[u], parent[v]
        joins = ru != rv
        u, v = np.minimum(ru, rv)[joins], np.maximum(ru, rv)[joins]  # u < v, both roots
        np.minimum.at(parent, v, u)
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand
    return parent
