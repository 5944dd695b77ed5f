r"""Finite-difference gradient checking for any layer or network.

Backpropagation is verified against central differences

$$
\frac{\partial L}{\partial \theta_j} \approx
\frac{L(\theta + \epsilon e_j) - L(\theta - \epsilon e_j)}{2\epsilon},
$$

whose error is $O(\epsilon^2)$. Analytic (``a``) and numerical (``n``)
gradients of each array are compared by the relative error
$\lVert a - n\rVert_2 / (\lVert a\rVert_2 + \lVert n\rVert_2)$, which is
about $10^{-9}$ or smaller for a correct float64 implementation.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press, 2016, §11.5 (debugging
strategies: "check gradients"). CS231n notes, "Gradient checks".
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_array, check_random_state, check_scalar, power_of_two_exponent
from .base import Layer
from .losses import Loss

__all__ = ["gradient_check", "GradCheckResult", "relative_error"]


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    r"""Relative error $\lVert a - n\rVert / (\lVert a\rVert + \lVert n\rVert)$ (0 if both are 0).

    Parameters
    ----------
    analytic : ndarray
        Gradient from backpropagation.
    numeric : ndarray
        Gradient from finite differences, same shape.

    Returns
    -------
    float

    Examples
    --------
    >>> relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.0]))
    0.0
    """
    a = check_array(analytic, name="analytic", ensure_2d=False, allow_nd=True, ensure_min_samples=0)
    n = check_array(numeric, name="numeric", ensure_2d=False, allow_nd=True, ensure_min_samples=0)
    if a.shape != n.shape:
        raise ValueError(f"analytic and numeric must have the same shape, got {a.shape} and {n.shape}.")
    e = power_of_two_exponent(a, n)  # the ratio is scale-free: rescale so the norms cannot overflow
    a, n = np.ldexp(a, -e), np.ldexp(n, -e)
    diff = float(np.linalg.norm(np.ravel(a - n)))
    scale = float(np.linalg.norm(np.ravel(a)) + np.linalg.norm(np.ravel(n)))
    return 0.0 if scale == 0.0 else diff / scale


class GradCheckResult(float):
    """The maximum relative error (a float), with the error of each array in `errors`.

    Compare it like a number (``result < 1e-6``) or look up one array
    (``result["x"]``, ``result["0.W"]``).

    Attributes
    ----------
    errors : dict of str to float
        ``"x"`` for the input gradient and one entry per parameter name.
    """

    errors: dict[str, float]

    def __new__(cls, errors: dict[str, float]) -> "GradCheckResult":
        if not isinstance(errors, dict):
            raise TypeError(f"errors must be a dict of array name -> relative error, got {errors!r}.")
        for name, value in errors.items():
            check_scalar(value, f"errors[{name!r}]", min_val=0.0)
        obj = super().__new__(cls, max(errors.values()) if errors else 0.0)
        obj.errors = dict(errors)
        return obj

    def __getitem__(self, name: str) -> float:
        return self.errors[name]

    def keys(self) -> Any:
        """Names of the checked arrays."""
        return self.errors.keys()

    def __repr__(self) -> str:
        inner = ", ".join(f"{k!r}: {v:.2e}" for k, v in self.errors.items())
        return f"GradCheckResult(max={float(self):.2e}, {{{inner}}})"


def _numeric_grad(f: Any, arr: np.ndarray, eps: float) -> np.ndarray:
    """Central differences of the scalar ``f()`` with respect to every entry of ``arr`` (in place)."""
    grad = np.zeros(arr.shape)
    for idx in np.ndindex(arr.shape):  # works for non-contiguous views too
        old = arr[idx]
        arr[idx] = old + eps
        f_plus = f()
        arr[idx] = old - eps
        f_minus = f()
        arr[idx] = old
        grad[idx] = (f_plus - f_minus) / (2.0 * eps)
    return grad


def gradient_check(model: Layer, x: Any, *, loss: Loss | None = None, target: Any = None,
                   eps: float = 1e-6, random_state: Any = 0) -> GradCheckResult:
    r"""Compare a layer's (or network's) backpropagated gradients with central differences.

    Parameters
    ----------
    model : Layer
        Any layer or [`Sequential`][mlnotes.nn.Sequential]; its parameters are perturbed
        in place and restored.
    x : array-like
        A (small) input batch; must be float64 for a meaningful check.
    loss : Loss, optional
        Loss applied to the output against ``target``. By default the scalar
        $L = \sum_i r_i\,y_i$ with fixed random weights $r$, so that
        $\partial L/\partial y = r$ exercises every output.
    target : array-like, optional
        Target for ``loss``.
    eps : float
        Finite-difference step $\epsilon$.
    random_state : int, numpy.random.Generator or None
        Seed of the random output weights $r$.

    Returns
    -------
    GradCheckResult
        A float, the largest relative error over the input gradient ``"x"`` and
        every parameter; per-array errors in ``result.errors``.

    Examples
    --------
    >>> import numpy as np
    >>> from mlnotes.nn import Dense, Tanh, Sequential, MSELoss
    >>> net = Sequential([Dense(3, 4, random_state=0), Tanh(), Dense(4, 2, random_state=1)])
    >>> x = np.random.default_rng(0).normal(size=(5, 3))
    >>> bool(gradient_check(net, x) < 1e-7)
    True
    >>> result = gradient_check(net, x, loss=MSELoss(), target=np.zeros((5, 2)))
    >>> sorted(result.keys())
    ['0.W', '0.b', '2.W', '2.b', 'x']
    """
    if not isinstance(model, Layer):
        raise TypeError(f"model must be a Layer, got {type(model).__name__}.")
    check_scalar(eps, "eps", min_val=0.0, include_min=False)
    if (loss is None) != (target is None):
        raise ValueError("loss and target must be given together (or neither).")
    x = check_array(x, name="x", ensure_2d=False, allow_nd=True).copy()  # a private copy the check perturbs
    y = model.forward(x)
    weights = check_random_state(random_state).normal(size=np.shape(y))

    def objective() -> float:
        out = model.forward(x)
        if loss is None:
            return float(np.sum(weights * out))
        return float(loss.forward(out, target))

    # analytic gradients
    objective()
    grad_y = weights if loss is None else loss.backward()
    analytic = {"x": np.array(model.backward(grad_y), dtype=np.float64)}
    named = model.named_params()
    grads = model.grads
    for name in named:
        analytic[name] = np.array(grads[name], dtype=np.float64)
    # numerical gradients
    errors = {"x": relative_error(analytic["x"], _numeric_grad(objective, x, eps))}
    for name, arr in named.items():
        errors[name] = relative_error(analytic[name], _numeric_grad(objective, arr, eps))
    return GradCheckResult(errors)
