r"""Unconstrained smooth minimisers in numpy: damped Newton and L-BFGS.

Used by [`mlnotes.linear_model.LogisticRegression`][mlnotes.linear_model.LogisticRegression] (scipy is not a
run-time dependency). Both take a backtracking (Armijo) line search and stop
when the largest gradient component is at most ``tol`` — the stopping rule of
scipy's L-BFGS-B ``pgtol`` that scikit-learn's ``tol`` is passed to — or when
the objective stops decreasing at machine precision.

References
----------
Nocedal, J. & Wright, S. J. (2006). *Numerical Optimization*, 2nd ed.,
Algorithm 3.1 (backtracking line search), §3.3 (Newton), Algorithm 7.4/7.5
(L-BFGS two-loop recursion).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import numpy as np

FunGrad = Callable[[np.ndarray], tuple[float, np.ndarray]]

_ARMIJO_C1 = 1e-4
_MAX_HALVINGS = 50
_FTOL = 64 * np.finfo(float).eps  # relative decrease below which progress has stalled


def _line_search(fun_grad: FunGrad, x: np.ndarray, f: float, g: np.ndarray,
                 direction: np.ndarray, step: float = 1.0
                 ) -> tuple[np.ndarray, float, np.ndarray] | None:
    r"""Halve ``step`` until $f(x + t d) \le f(x) + c_1 t\, g^\top d$; None if it never holds."""
    slope = float(g.ravel() @ direction.ravel())
    if slope >= 0:  # not a descent direction (round-off near the optimum)
        return None
    for _ in range(_MAX_HALVINGS):
        x_new = x + step * direction
        f_new, g_new = fun_grad(x_new)
        if f_new <= f + _ARMIJO_C1 * step * slope:
            return x_new, f_new, g_new
        step *= 0.5
    return None


def _stalled(f_old: float, f_new: float) -> bool:
    return f_old - f_new <= _FTOL * max(abs(f_old), abs(f_new), 1.0)


def newton(fun_grad: FunGrad, hess: Callable[[np.ndarray], np.ndarray], x0: np.ndarray, *,
           max_iter: int, tol: float) -> tuple[np.ndarray, int, bool]:
    r"""Damped Newton: $x \leftarrow x - t\,H(x)^{-1}\nabla f(x)$.

    Parameters
    ----------
    fun_grad : callable
        ``x -> (f(x), grad f(x))`` for a 1-D ``x``.
    hess : callable
        ``x -> H(x)``, the (positive semi-definite) Hessian, shape (n, n).
    x0 : ndarray of shape (n,)
        Starting point.
    max_iter : int
        Maximum number of Newton steps.
    tol : float
        Stop when $\max_i |\partial_i f| \le$ ``tol``.

    Returns
    -------
    x : ndarray of shape (n,)
    n_iter : int
        Steps taken.
    converged : bool
    """
    x = x0
    f, g = fun_grad(x)
    for n_iter in range(max_iter + 1):
        if np.max(np.abs(g)) <= tol:
            return x, n_iter, True
        if n_iter == max_iter:
            break
        H = hess(x)
        try:
            direction = np.linalg.solve(H, -g)
        except np.linalg.LinAlgError:  # singular Hessian (no penalty): minimum-norm step
            direction = np.linalg.lstsq(H, -g, rcond=None)[0]
        found = _line_search(fun_grad, x, f, g, direction)
        if found is None:
            return x, n_iter, True  # no further decrease is representable in float64
        x, f_new, g = found
        if _stalled(f, f_new):
            return x, n_iter + 1, True
        f = f_new
    return x, max_iter, False


def lbfgs(fun_grad: FunGrad, x0: np.ndarray, *, max_iter: int, tol: float,
          memory: int = 10) -> tuple[np.ndarray, int, bool]:
    r"""Limited-memory BFGS with the two-loop recursion.

    The inverse Hessian is approximated from the last ``memory`` pairs
    $s_k = x_{k+1} - x_k$, $y_k = \nabla f_{k+1} - \nabla f_k$,
    starting from $H_0 = (s^\top y / y^\top y) I$.

    Parameters
    ----------
    fun_grad : callable
        ``x -> (f(x), grad f(x))``; ``x`` may have any shape, the gradient the same.
    x0 : ndarray
        Starting point.
    max_iter : int
        Maximum number of iterations.
    tol : float
        Stop when $\max_i |\partial_i f| \le$ ``tol``.
    memory : int, default=10
        Number of stored correction pairs (scipy's and scikit-learn's default).

    Returns
    -------
    x : ndarray
    n_iter : int
    converged : bool
    """
    x = x0
    f, g = fun_grad(x)
    pairs: deque[tuple[np.ndarray, np.ndarray, float]] = deque(maxlen=memory)
    for n_iter in range(max_iter + 1):
        if np.max(np.abs(g)) <= tol:
            return x, n_iter, True
        if n_iter == max_iter:
            break
        # two-loop recursion: direction = -H_k g
        q = g.copy()
        alphas = []
        for s, y, rho in reversed(pairs):
            a = rho * np.vdot(s, q)
            q -= a * y
            alphas.append(a)
        if pairs:
            s, y, _ = pairs[-1]
            q *= np.vdot(s, y) / np.vdot(y, y)
            step = 1.0
        else:  # first iteration: a steepest-descent step of length at most 1
            step = min(1.0, 1.0 / float(np.sum(np.abs(g))))
        for (s, y, rho), a in zip(pairs, reversed(alphas), strict=True):
            b = rho * np.vdot(y, q)
            q += (a - b) * s
        found = _line_search(fun_grad, x, f, g, -q, step)
        if found is None:
            return x, n_iter, True
        x_new, f_new, g_new = found
        s, y = x_new - x, g_new - g
        sy = np.vdot(s, y)
        if sy > 1e-10 * np.vdot(y, y):  # keep the curvature pair only if it is positive
            pairs.append((s, y, 1.0 / sy))
        stalled = _stalled(f, f_new)
        x, f, g = x_new, f_new, g_new
        if stalled:
            return x, n_iter + 1, True
    return x, max_iter, False
