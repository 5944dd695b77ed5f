"""Input validation shared by every estimator.

Modelled on scikit-learn's ``sklearn.utils.validation``: one place that turns
whatever the user passed into a clean float array, or raises a ``ValueError`` /
``TypeError`` that says what was received and what was expected.
"""

from __future__ import annotations

import contextlib
import numbers
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

__all__ = [
    "check_array",
    "check_X_y",
    "check_is_fitted",
    "check_random_state",
    "check_scalar",
    "check_pair",
    "check_bool",
    "check_interval",
    "check_option",
    "check_consistent_length",
    "check_y_for_score",
    "check_n_classes",
    "check_interface",
    "check_labels",
    "power_of_two_exponent",
    "NotFittedError",
    "ConvergenceWarning",
    "DataConversionWarning",
    "check_n_features",
    "encode_labels",
    "float_errors_as_value_error",
    "check_batch",
    "check_grad_y",
    "check_targets",
]


class NotFittedError(ValueError, AttributeError):
    """Raised when ``predict``/``transform`` is called before ``fit``."""


class ConvergenceWarning(UserWarning):
    """Warned when an iterative solver stops at ``max_iter`` before converging."""


class DataConversionWarning(UserWarning):
    """Warned when the input is converted to the expected form (a column vector ``y`` raveled)."""


_sklearn_not_fitted: list[type] = []


def _not_fitted_error_class() -> type:
    """`NotFittedError`, also scikit-learn's when it is loaded.

    scikit-learn code (``check_estimator``, meta-estimators) recognises unfitted
    estimators by its own ``NotFittedError``; when scikit-learn has already been
    imported by the caller, the error raised is a subclass of both. scikit-learn
    is never imported here.
    """
    exceptions = sys.modules.get("sklearn.exceptions")
    if exceptions is None:
        return NotFittedError
    if not _sklearn_not_fitted:
        _sklearn_not_fitted.append(type("NotFittedError", (NotFittedError, exceptions.NotFittedError),
                                        {"__module__": __name__, "__doc__": NotFittedError.__doc__}))
    return _sklearn_not_fitted[0]


def _describe(obj: Any) -> str:
    if isinstance(obj, np.ndarray):
        return f"array of shape {obj.shape} and dtype {obj.dtype}"
    return f"{type(obj).__name__}"


def check_array(
    X: Any,
    *,
    name: str = "X",
    ensure_2d: bool = True,
    allow_nd: bool = False,
    dtype: Any = np.float64,
    ensure_finite: bool = True,
    ensure_min_samples: int = 1,
    ensure_min_features: int = 1,
) -> np.ndarray:
    """Convert ``X`` to a numeric ndarray and check its shape and values.

    Parameters
    ----------
    X : array-like
        The input.
    name : str
        How the input is called in error messages.
    ensure_2d : bool
        Require ``X.ndim == 2`` (samples x features).
    allow_nd : bool
        Accept arrays with more than two dimensions (images).
    dtype : numpy dtype or None
        Target dtype; ``None`` keeps the input's numeric dtype.
    ensure_finite : bool
        Reject NaN and infinity.
    ensure_min_samples, ensure_min_features : int
        Minimum number of rows and (for 2-D input) columns.

    Returns
    -------
    ndarray
        The validated array.

    Raises
    ------
    TypeError
        If ``X`` is not numeric (strings, objects, ``None``).
    ValueError
        If ``X`` has the wrong number of dimensions, is empty, or contains
        NaN/inf.

    Examples
    --------
    >>> check_array([[1, 2], [3, 4]]).dtype
    dtype('float64')
    >>> check_array([1, 2, 3])
    Traceback (most recent call last):
    ...
    ValueError: Expected 2D array for X, got 1D array of shape (3,) instead. Reshape your data with X.reshape(-1, 1) if it has a single feature or X.reshape(1, -1) if it is a single sample.
    """
    if X is None:
        raise TypeError(f"{name} must be array-like of numbers, got None.")
    if isinstance(X, (str, bytes)):
        raise TypeError(f"{name} must be array-like of numbers, got a {type(X).__name__}.")
    if type(X).__module__.startswith("scipy.sparse"):
        raise TypeError(f"{name} is a sparse matrix ({type(X).__name__}), but sparse input is not "
                        f"supported; pass a dense array such as {name}.toarray().")
    try:
        arr = np.asarray(X)
    except (ValueError, TypeError) as exc:  # ragged nested lists
        raise ValueError(f"{name} could not be converted to an array ({exc}); "
                         "expected a rectangular array-like of numbers.") from None
    if arr.dtype.kind == "c" or arr.dtype == object and any(isinstance(v, complex) for v in arr.flat):
        raise ValueError(f"{name} has complex dtype {arr.dtype}: Complex data not supported; "
                         "expected real numbers.")
    if arr.dtype == object:  # numbers stored as objects (e.g. from a mixed-type table)
        try:
            arr = arr.astype(np.float64)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"{name} must contain numbers, got dtype object with a non-numeric "
                            f"entry ({exc}).") from None
    if arr.dtype.kind in "USVOMm":
        raise TypeError(f"{name} must contain numbers, got dtype {arr.dtype}.")
    if dtype is not None:
        arr = arr.astype(dtype, copy=False)
    elif arr.dtype.kind == "b":
        arr = arr.astype(np.float64)
    if ensure_2d:
        if arr.ndim == 0:
            raise ValueError(f"Expected 2D array for {name}, got scalar {arr!r} instead.")
        if arr.ndim == 1:
            raise ValueError(
                f"Expected 2D array for {name}, got 1D array of shape {arr.shape} instead. "
                f"Reshape your data with {name}.reshape(-1, 1) if it has a single feature "
                f"or {name}.reshape(1, -1) if it is a single sample."
            )
        if arr.ndim > 2 and not allow_nd:
            raise ValueError(f"Expected 2D array for {name}, got {arr.ndim}D array of shape {arr.shape}.")
    if arr.ndim and arr.shape[0] < ensure_min_samples:
        raise ValueError(f"Found array {name} with {arr.shape[0]} sample(s) (shape={arr.shape}) "
                         f"while a minimum of {ensure_min_samples} is required.")
    if arr.ndim >= 2 and arr.shape[1] < ensure_min_features:
        raise ValueError(f"Found array {name} with {arr.shape[1]} feature(s) (shape={arr.shape}) "
                         f"while a minimum of {ensure_min_features} is required.")
    if ensure_finite and arr.dtype.kind == "f" and not np.isfinite(arr).all():
        bad = "NaN" if np.isnan(arr).any() else "infinity"
        raise ValueError(f"{name} contains {bad}; expected finite values only.")
    return arr


def check_X_y(
    X: Any,
    y: Any,
    *,
    y_numeric: bool = False,
    multi_output: bool = False,
    allow_nd: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Validate a feature matrix and its targets together.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    y : array-like of shape (n_samples,) (or (n_samples, n_outputs) if ``multi_output``)
    y_numeric : bool
        Convert ``y`` to float64 (regression). Otherwise labels keep their dtype
        (ints, strings) and only have to be 1-D.
    multi_output : bool
        Accept a 2-D ``y``.
    allow_nd : bool
        Accept ``X`` with more than two dimensions.

    Returns
    -------
    X, y : ndarray

    Examples
    --------
    >>> X, y = check_X_y([[0.0], [1.0]], [0, 1])
    >>> X.shape, y.shape
    ((2, 1), (2,))
    >>> check_X_y([[0.0], [1.0]], [0, 1, 1])
    Traceback (most recent call last):
    ...
    ValueError: X and y have inconsistent numbers of samples: X has 2 rows, y has 3 entries.
    """
    X = check_array(X, allow_nd=allow_nd)
    if y is None:
        raise ValueError("This estimator requires y to be passed, but the target y is None; "
                         "expected an array-like of shape (n_samples,).")
    if isinstance(y, (str, bytes)):
        raise TypeError(f"y must be array-like, got a {type(y).__name__}.")
    if type(y).__module__.startswith("scipy.sparse"):
        raise TypeError(f"y is a sparse matrix ({type(y).__name__}), but sparse input is not "
                        "supported; pass a dense array.")
    try:
        y_arr = np.asarray(y)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"y could not be converted to an array ({exc}).") from None
    if y_arr.ndim == 2 and y_arr.shape[1] == 1 and not multi_output:
        warnings.warn("A column-vector y was passed when a 1d array was expected. Please change "
                      "the shape of y to (n_samples,), for example using ravel().",
                      DataConversionWarning, stacklevel=3)
        y_arr = y_arr.ravel()
    if y_arr.ndim != 1 and not (multi_output and y_arr.ndim == 2):
        expected = "1D or 2D" if multi_output else "1D"
        raise ValueError(f"y must be {expected}, got array of shape {y_arr.shape}.")
    if y_arr.dtype.kind == "c":
        raise ValueError(f"y has complex dtype {y_arr.dtype}: Complex data not supported; "
                         "expected real targets or class labels.")
    if y_numeric:
        y_arr = check_array(y_arr, name="y", ensure_2d=False)
    elif y_arr.dtype.kind == "f" and not np.isfinite(y_arr).all():
        raise ValueError("y contains NaN or infinity; expected finite labels.")
    elif y_arr.dtype == object:
        if any(v is None for v in y_arr.ravel()):
            raise ValueError("y contains None; expected a label for every sample.")
    elif y_arr.dtype.kind in "Mm":
        raise TypeError(f"y must contain class labels (ints, strings or bools), got dtype {y_arr.dtype}.")
    check_consistent_length(X, y_arr, names=("X", "y"))
    return X, y_arr


def check_is_fitted(estimator: Any, attributes: str | Sequence[str] | None = None) -> None:
    """Raise `NotFittedError` unless ``estimator`` has been fitted.

    Parameters
    ----------
    estimator : object
        The estimator instance.
    attributes : str or list of str, optional
        Fitted attributes to look for; by default any attribute ending in ``_``.

    Examples
    --------
    >>> class Model:
    ...     pass
    >>> check_is_fitted(Model())
    Traceback (most recent call last):
    ...
    mlnotes._validation.NotFittedError: This Model instance is not fitted yet. Call 'fit' with appropriate arguments before using this method.
    """
    if attributes is None:
        fitted = any(k.endswith("_") and not k.startswith("__") for k in vars(estimator))
    else:
        names = [attributes] if isinstance(attributes, str) else list(attributes)
        fitted = all(hasattr(estimator, a) for a in names)
    if not fitted:
        raise _not_fitted_error_class()(
            f"This {type(estimator).__name__} instance is not fitted yet. "
            "Call 'fit' with appropriate arguments before using this method."
        )


def check_random_state(seed: Any) -> np.random.Generator:
    """Turn ``seed`` into a `numpy.random.Generator`.

    Parameters
    ----------
    seed : None, int or numpy.random.Generator
        ``None`` gives fresh OS entropy, an int a reproducible generator, and a
        Generator is returned as it is (shared state).

    Examples
    --------
    >>> rng = check_random_state(0)
    >>> float(rng.random()) == float(check_random_state(0).random())
    True
    """
    if seed is None or isinstance(seed, (numbers.Integral, np.integer)) and not isinstance(seed, bool):
        if seed is not None and int(seed) < 0:
            raise ValueError(f"random_state must be a non-negative int, got {seed}.")
        return np.random.default_rng(seed)
    if isinstance(seed, np.random.Generator):
        return seed
    raise TypeError(
        f"random_state must be None, an int or a numpy.random.Generator, got {_describe(seed)}."
    )


def check_scalar(
    value: Any,
    name: str,
    kind: type | tuple[type, ...] = numbers.Real,
    *,
    min_val: float | None = None,
    max_val: float | None = None,
    include_min: bool = True,
    include_max: bool = True,
) -> Any:
    """Check a hyper-parameter is a number of the right kind within bounds.

    Examples
    --------
    >>> check_scalar(3, "n_neighbors", int, min_val=1)
    3
    >>> check_scalar(0, "n_neighbors", int, min_val=1)
    Traceback (most recent call last):
    ...
    ValueError: n_neighbors must be >= 1, got 0.
    """
    kinds = kind if isinstance(kind, tuple) else (kind,)
    is_int_kind = all(k in (int, numbers.Integral) for k in kinds)
    if isinstance(value, bool) or not isinstance(value, kinds + ((np.integer,) if is_int_kind else (np.number,))):
        wanted = "an int" if is_int_kind else "a real number"
        raise TypeError(f"{name} must be {wanted}, got {value!r} of type {type(value).__name__}.")
    if not is_int_kind and not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}.")
    if min_val is not None:
        if value < min_val or (value == min_val and not include_min):
            op = ">=" if include_min else ">"
            raise ValueError(f"{name} must be {op} {min_val}, got {value}.")
    if max_val is not None:
        if value > max_val or (value == max_val and not include_max):
            op = "<=" if include_max else "<"
            raise ValueError(f"{name} must be {op} {max_val}, got {value}.")
    return value


def check_pair(value: Any, name: str, *, min_val: int) -> tuple[int, int]:
    """An int or a pair of ints as a checked ``(height, width)`` pair of ints ``>= min_val``.

    Examples
    --------
    >>> check_pair(3, "kernel_size", min_val=1)
    (3, 3)
    >>> check_pair((2, 4), "kernel_size", min_val=1)
    (2, 4)
    """
    pair = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    if len(pair) != 2:
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}.")
    for v in pair:
        check_scalar(v, name, int, min_val=min_val)
    return int(pair[0]), int(pair[1])


def check_option(value: Any, name: str, options: Iterable[Any]) -> Any:
    """Check ``value`` is one of ``options``.

    Examples
    --------
    >>> check_option("rbf", "kernel", ("linear", "rbf"))
    'rbf'
    >>> check_option("cubic", "kernel", ("linear", "rbf"))
    Traceback (most recent call last):
    ...
    ValueError: kernel must be one of 'linear', 'rbf'; got 'cubic'.
    """
    options = tuple(options)
    if not any(value is o or (type(value) is type(o) and value == o) for o in options):
        listed = ", ".join(repr(o) for o in options)
        raise ValueError(f"{name} must be one of {listed}; got {value!r}.")
    return value


def check_bool(value: Any, name: str) -> bool:
    """Check a flag is a real bool (``True``/``False``, numpy bools included).

    Strings such as ``"yes"``, ``None`` and numbers are rejected: ``bool("no")``
    is ``True``, so accepting them would silently do the opposite of what was meant.

    Parameters
    ----------
    value : object
        The flag.
    name : str
        How the flag is called in error messages.

    Returns
    -------
    bool

    Examples
    --------
    >>> check_bool(True, "shuffle")
    True
    >>> check_bool("yes", "shuffle")
    Traceback (most recent call last):
    ...
    TypeError: shuffle must be a bool (True or False), got 'yes' of type str.
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a bool (True or False), got {value!r} of type "
                        f"{type(value).__name__}.")
    return bool(value)


def check_interval(value: Any, name: str) -> tuple[float, float]:
    """Check ``value`` is a pair ``(low, high)`` of finite numbers with ``low < high``.

    Parameters
    ----------
    value : object
        The pair, e.g. a range ``x_range=(0.0, 5.0)``.
    name : str
        How the pair is called in error messages.

    Returns
    -------
    (float, float)

    Examples
    --------
    >>> check_interval((0, 5), "x_range")
    (0.0, 5.0)
    >>> check_interval((1.0, float("nan")), "x_range")
    Traceback (most recent call last):
    ...
    ValueError: x_range must be (low, high) with finite low < high, got (1.0, nan).
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, np.ndarray)) or len(value) != 2:
        raise TypeError(f"{name} must be a pair (low, high) of numbers, got {value!r}.")
    for v in value:
        if isinstance(v, bool) or not isinstance(v, (numbers.Real, np.number)):
            raise TypeError(f"{name} must be a pair (low, high) of numbers, got {value!r}.")
    lo, hi = float(value[0]), float(value[1])
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"{name} must be (low, high) with finite low < high, got {tuple(value)!r}.")
    return lo, hi


def _n_rows(a: Any) -> int | None:
    shape = getattr(a, "shape", None)
    if shape is not None:
        return int(shape[0]) if len(shape) else None
    return len(a) if hasattr(a, "__len__") and not isinstance(a, (str, bytes)) else None


def check_consistent_length(*arrays: Any, names: Sequence[str] | None = None) -> None:
    """Check that all arrays have the same number of samples (first dimension).

    Parameters
    ----------
    *arrays : array-like
        Arrays (or lists) whose first dimensions must agree; ``None`` is skipped.
    names : sequence of str, optional
        Names used in the error message.

    Raises
    ------
    ValueError
        If the lengths differ.

    Examples
    --------
    >>> check_consistent_length([1, 2], np.zeros((2, 3)))
    >>> check_consistent_length(np.zeros((2, 1)), [0, 1, 1], names=("X", "y"))
    Traceback (most recent call last):
    ...
    ValueError: X and y have inconsistent numbers of samples: X has 2 rows, y has 3 entries.
    """
    names = list(names) if names is not None else [f"array {i}" for i in range(len(arrays))]
    present = [(n, _n_rows(a)) for n, a in zip(names, arrays, strict=True) if a is not None]
    lengths = {length for _, length in present}
    if len(lengths) > 1:
        (n0, l0), *rest = present
        if len(present) == 2:
            n1, l1 = rest[0]
            raise ValueError(f"{n0} and {n1} have inconsistent numbers of samples: "
                             f"{n0} has {l0} rows, {n1} has {l1} entries.")
        listed = ", ".join(f"{n}: {length}" for n, length in present)
        raise ValueError(f"Found input arrays with inconsistent numbers of samples ({listed}).")


def check_y_for_score(y: Any, n_samples: int, *, numeric: bool, name: str = "y") -> np.ndarray:
    """Validate the true targets passed to a ``score`` method against the number of predictions.

    Parameters
    ----------
    y : array-like of shape (n_samples,) or (n_samples, n_outputs)
        True labels (classifiers) or values (regressors).
    n_samples : int
        Number of rows of the ``X`` that was scored.
    numeric : bool
        Require finite real values (regression).
    name : str
        How ``y`` is called in error messages.

    Returns
    -------
    ndarray

    Examples
    --------
    >>> check_y_for_score([1.0, 2.0], 2, numeric=True)
    array([1., 2.])
    >>> check_y_for_score(None, 2, numeric=False)
    Traceback (most recent call last):
    ...
    TypeError: score needs the true targets y, got None; expected an array-like of shape (2,).
    """
    if y is None:
        raise TypeError(f"score needs the true targets {name}, got None; expected an array-like "
                        f"of shape ({n_samples},).")
    if numeric:
        y_arr = check_array(y, name=name, ensure_2d=False)
    else:
        if isinstance(y, (str, bytes)):
            raise TypeError(f"{name} must be array-like, got a {type(y).__name__}.")
        y_arr = np.asarray(y)
        if y_arr.dtype.kind == "c":
            raise ValueError(f"{name} has complex dtype {y_arr.dtype}: Complex data not supported.")
        if y_arr.dtype.kind == "f" and not np.isfinite(y_arr).all():
            raise ValueError(f"{name} contains NaN or infinity; expected finite labels.")
    if y_arr.ndim == 2 and y_arr.shape[1] == 1:
        y_arr = y_arr.ravel()
    if y_arr.ndim not in (1, 2) or y_arr.ndim == 2 and not numeric:
        raise ValueError(f"{name} must be 1D (one target per sample), got shape {y_arr.shape}.")
    if y_arr.shape[0] != n_samples:
        raise ValueError(f"X and {name} have inconsistent numbers of samples: X has {n_samples} "
                         f"rows, {name} has {y_arr.shape[0]} entries.")
    return y_arr


def check_n_classes(classes: np.ndarray, estimator: Any, *, minimum: int = 2,
                    maximum: int | None = None) -> None:
    """Check the number of distinct classes seen in ``fit``.

    Parameters
    ----------
    classes : ndarray of shape (n_classes,)
        The distinct labels (``encode_labels(y)[0]``).
    estimator : object
        The estimator (named in the message).
    minimum, maximum : int
        Allowed numbers of classes.

    Examples
    --------
    >>> class Model:
    ...     pass
    >>> check_n_classes(np.array([1]), Model())
    Traceback (most recent call last):
    ...
    ValueError: Model needs samples of at least 2 classes, but y contains only one class: [1] (1 class).
    """
    n, name = classes.size, type(estimator).__name__
    if n < minimum:
        raise ValueError(f"{name} needs samples of at least {minimum} classes, but y contains only "
                         f"{'one class' if n == 1 else f'{n} classes'}: {classes.tolist()!r} "
                         f"({n} class{'es' if n != 1 else ''}).")
    if maximum is not None and n > maximum:
        binary = " Only binary classification is supported." if maximum == 2 else ""
        raise ValueError(f"{name} handles at most {maximum} classes, but y contains {n}: "
                         f"{classes.tolist()[:10]!r}.{binary}")


def check_interface(obj: Any, name: str, attributes: Sequence[str], expected: str) -> Any:
    """Check ``obj`` has the ``attributes`` a caller relies on (duck typing, with a clear error).

    Parameters
    ----------
    obj : object
        The argument, e.g. an environment or a fitted model.
    name : str
        How the argument is called in error messages.
    attributes : sequence of str
        Methods or attributes it must have.
    expected : str
        What was expected, e.g. ``"an environment with reset and step"``.

    Examples
    --------
    >>> check_interface("abc", "env", ("reset", "step"), "an environment with reset() and step()")
    Traceback (most recent call last):
    ...
    TypeError: env must be an environment with reset() and step(), got 'abc' of type str (it has no reset).
    """
    for attr in attributes:
        if not hasattr(obj, attr):
            raise TypeError(f"{name} must be {expected}, got {obj!r:.80} of type {type(obj).__name__} "
                            f"(it has no {attr}).")
    return obj


def check_labels(value: Any, name: str, *, optional: bool = False) -> list[str] | None:
    """Check ``value`` is a sequence of text labels (a list or tuple of ``str``, not one ``str``).

    Parameters
    ----------
    value : object
        The labels.
    name : str
        How the argument is called in error messages.
    optional : bool
        Accept ``None`` (returned as is).

    Examples
    --------
    >>> check_labels(("$x_1$", "$x_2$"), "inputs")
    ['$x_1$', '$x_2$']
    >>> check_labels("x1", "inputs")
    Traceback (most recent call last):
    ...
    TypeError: inputs must be a list of str labels, got 'x1' of type str.
    """
    if value is None and optional:
        return None
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{name} must be a list of str labels, got {value!r:.80} of type "
                        f"{type(value).__name__}.")
    return list(value)


def check_n_features(X: np.ndarray, estimator: Any) -> None:
    """Raise ``ValueError`` unless ``X`` has the ``n_features_in_`` seen in ``fit``.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        Validated input of ``predict`` / ``transform``.
    estimator : object
        A fitted estimator with ``n_features_in_``.

    Examples
    --------
    >>> class Model:
    ...     n_features_in_ = 2
    >>> check_n_features(np.zeros((3, 5)), Model())
    Traceback (most recent call last):
    ...
    ValueError: X has 5 features, but Model is expecting 2 features as input (the number of features seen in fit).
    """
    if X.ndim < 2 or X.shape[1] != estimator.n_features_in_:
        got = X.shape[1] if X.ndim >= 2 else "no"
        raise ValueError(
            f"X has {got} features, but {type(estimator).__name__} is expecting "
            f"{estimator.n_features_in_} features as input (the number of features seen in fit)."
        )


def encode_labels(y: np.ndarray, *, name: str = "y") -> tuple[np.ndarray, np.ndarray]:
    """Sorted class labels of a 1-D ``y`` and each sample's class index.

    Accepts ints, bools, strings and integral floats; rejects continuous
    targets and labels that cannot be ordered together.

    Parameters
    ----------
    y : ndarray of shape (n_samples,)
        Class labels.
    name : str
        How ``y`` is called in error messages.

    Returns
    -------
    classes : ndarray of shape (n_classes,)
    y_index : ndarray of shape (n_samples,)
        ``classes[y_index] == y``.

    Examples
    --------
    >>> classes, idx = encode_labels(np.array(["b", "a", "b"]))
    >>> classes.tolist(), idx.tolist()
    (['a', 'b'], [1, 0, 1])
    >>> encode_labels(np.array([0.5, 1.0]))
    Traceback (most recent call last):
    ...
    ValueError: Unknown label type for y: continuous values such as 0.5. Expected class labels (ints, strings or bools); use a regressor for continuous targets.
    """
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"{name} must be 1D, got array of shape {y.shape}.")
    if y.dtype.kind == "f":
        frac = y[y != np.round(y)] if np.isfinite(y).all() else y[~np.isfinite(y)]
        if frac.size:
            raise ValueError(
                f"Unknown label type for {name}: continuous values such as {frac[0].item()!r}. "
                "Expected class labels (ints, strings or bools); use a regressor for "
                "continuous targets."
            )
    elif y.dtype.kind == "c":
        raise TypeError(f"{name} must contain class labels, got complex dtype {y.dtype}.")
    try:
        classes, y_index = np.unique(y, return_inverse=True)
    except TypeError as exc:
        raise TypeError(
            f"{name} mixes label types that cannot be compared ({exc}); "
            "expected labels of one type (all ints or all strings)."
        ) from None
    return classes, y_index.reshape(-1)


def power_of_two_exponent(*arrays: np.ndarray) -> int:
    """``e`` such that ``x * 2**-e`` brings the largest |value| into [1, 2), or 0 if squares are safe.

    Scaling by a power of two is exact, so rankings, signs and ratios are unchanged;
    squares of the scaled values cannot overflow.

    Examples
    --------
    >>> power_of_two_exponent(np.array([1.0, -3.0])), power_of_two_exponent(np.array([1e300]))
    (0, 996)
    """
    largest = max(float(np.max(np.abs(a))) if a.size else 0.0 for a in arrays)
    if largest == 0.0 or 2.0**-300 < largest < 2.0**300:
        return 0
    return int(np.frexp(largest)[1]) - 1


@contextlib.contextmanager
def float_errors_as_value_error(what: str, hint: str = "") -> Iterator[None]:
    """Turn float overflow / invalid operations inside the block into ``ValueError``.

    numpy would otherwise emit a ``RuntimeWarning`` and carry on with ``inf``
    or ``nan``; like scikit-learn's SGD estimators we stop with a message that
    says how to fix the input instead.

    Parameters
    ----------
    what : str
        The computation, named in the error message.
    hint : str, optional
        What to do about it; by default: rescale the input.

    Examples
    --------
    >>> with float_errors_as_value_error("the demo"):
    ...     np.array([1e300]) ** 2
    Traceback (most recent call last):
    ...
    ValueError: Floating-point overflow in the demo (overflow encountered in square). The input values are too large for float64 arithmetic; rescale them (e.g. standardize the features).
    """
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            yield
    except FloatingPointError as exc:
        raise ValueError(
            f"Floating-point overflow in {what} ({exc}). " + (hint or "The input values are too large "
                                                              "for float64 arithmetic; rescale them "
                                                              "(e.g. standardize the features).")
        ) from None


# --- batches of the neural-network layers and losses (mlnotes.nn) -----------------------------


def check_batch(x: Any, *, owner: Any, name: str = "input",
                finite_hint: str = "expected finite values.") -> np.ndarray:
    """``x`` as a non-empty, finite, floating-point batch of shape (N, ...).

    The one input check of the layers and losses of [`mlnotes.nn`][mlnotes.nn]:
    integer and boolean input becomes float64, float input keeps its dtype.

    Parameters
    ----------
    x : array-like of shape (N, ...)
        The batch.
    owner : object
        The layer or loss that checks; its ``repr`` starts every error message.
    name : str
        How ``x`` is called in error messages (``"input"``, ``"grad_y"``, ``"pred"``).
    finite_hint : str
        The end of the message for NaN or infinite entries.

    Returns
    -------
    ndarray of shape (N, ...)

    Examples
    --------
    >>> check_batch([[1, 2]], owner="Dense(2 -> 1)")
    array([[1., 2.]])
    >>> check_batch(np.zeros((0, 2)), owner="Dense(2 -> 1)")
    Traceback (most recent call last):
    ...
    ValueError: 'Dense(2 -> 1)' expected a non-empty batch of shape (N, ...), got input of shape (0, 2).
    """
    try:
        x = check_array(x, name=name, ensure_2d=False, allow_nd=True, dtype=None, ensure_finite=False,
                        ensure_min_samples=0)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{owner!r} expected a numeric array: {exc}") from None
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    if x.ndim == 0 or x.shape[0] == 0:
        raise ValueError(f"{owner!r} expected a non-empty batch of shape (N, ...), got {name} of "
                         f"shape {x.shape}.")
    if not np.isfinite(x).all():
        bad = "NaN" if np.isnan(x).any() else "infinity"
        raise ValueError(f"{owner!r} received {name} of shape {x.shape} containing {bad}; {finite_hint}")
    return x


def check_grad_y(grad_y: Any, shape: tuple[int, ...] | None, *, owner: Any) -> np.ndarray:
    """The upstream gradient of a layer's ``backward``, of the shape of its last output.

    Parameters
    ----------
    grad_y : array-like
        $\\partial L/\\partial y$.
    shape : tuple of int or None
        Shape of the layer's last output; ``None`` if ``forward`` has not run yet.
    owner : object
        The layer; its ``repr`` starts every error message.

    Returns
    -------
    ndarray of float64 and shape ``shape``

    Examples
    --------
    >>> check_grad_y(np.ones((2, 3)), (2, 4), owner="ReLU()")
    Traceback (most recent call last):
    ...
    ValueError: 'ReLU()' backward expected grad_y of shape (2, 4) (its output), got (2, 3).
    """
    if shape is None:
        raise ValueError(f"{owner!r}.backward called before forward; call forward first.")
    grad_y = check_batch(grad_y, owner=owner, name="grad_y").astype(np.float64, copy=False)
    if grad_y.shape != shape:
        raise ValueError(f"{owner!r} backward expected grad_y of shape {shape} (its output), "
                         f"got {grad_y.shape}.")
    return grad_y


def check_targets(y: Any, n_samples: int, *, name: str = "y", owner: Any = None, match: str = "X",
                  shape: tuple[int, ...] | None = None) -> np.ndarray:
    """Finite numeric targets with one row per sample (dtype kept; booleans become float64).

    Parameters
    ----------
    y : array-like of shape (n_samples, ...)
        Targets of a network or a loss.
    n_samples : int
        Rows expected (those of the inputs or predictions).
    name : str
        How ``y`` is called in error messages.
    owner : object, optional
        The loss that checks; its ``repr`` starts every error message.
    match : str
        What ``y`` must match, for error messages (e.g. ``"pred of shape (4, 1)"``).
    shape : tuple of int, optional
        The exact shape required (a loss's ``pred``); a ``y`` of shape (N,) is
        accepted for (N, 1) and reshaped.

    Returns
    -------
    ndarray

    Examples
    --------
    >>> check_targets([0, 1, 1], 3)
    array([0, 1, 1])
    >>> check_targets([0, 1], 3, match="X of shape (3, 2)")
    Traceback (most recent call last):
    ...
    ValueError: y of shape (2,) does not match X of shape (3, 2); expected 3 rows.
    """
    prefix = "" if owner is None else f"{owner!r}: "
    try:
        y = check_array(y, name=name, ensure_2d=False, allow_nd=True, dtype=None, ensure_finite=False,
                        ensure_min_samples=0)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{prefix}{exc}") from None
    if y.dtype.kind == "b":
        y = y.astype(np.float64)
    if y.dtype.kind == "f" and not np.isfinite(y).all():
        raise ValueError(f"{prefix}received {name} containing NaN or infinity; expected finite values.")
    if shape is not None and y.shape != shape and len(shape) == 2 and shape[1] == 1 and y.shape == shape[:1]:
        y = y.reshape(-1, 1)  # (N,) targets for a single output column
    if y.ndim == 0 or y.shape[0] != n_samples or shape is not None and y.shape != shape:
        expected = f"shape {shape}" if shape is not None else f"{n_samples} rows"
        raise ValueError(f"{prefix}{name} of shape {y.shape} does not match {match}; expected {expected}.")
    return y
