"""Estimator base classes: parameters, ``repr`` and default ``score`` methods.

Follows scikit-learn's ``BaseEstimator``: ``__init__`` stores keyword
hyper-parameters unchanged, ``get_params`` reads them back from the signature,
and fitted state lives in attributes whose names end in ``_``.
"""

from __future__ import annotations

import copy
import inspect
from typing import Any

import numpy as np

from ._validation import check_y_for_score

__all__ = ["BaseEstimator", "ClassifierMixin", "RegressorMixin", "TransformerMixin", "ClusterMixin",
           "clone"]


class BaseEstimator:
    """Base class giving ``get_params``, ``set_params`` and a readable ``repr``.

    Examples
    --------
    >>> class Toy(BaseEstimator):
    ...     def __init__(self, *, alpha=1.0):
    ...         self.alpha = alpha
    >>> Toy(alpha=0.5)
    Toy(alpha=0.5)
    >>> Toy().set_params(alpha=2.0).get_params()
    {'alpha': 2.0}
    """

    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return [p.name for p in sig.parameters.values()
                if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Return the hyper-parameters as a dict."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> "BaseEstimator":
        """Set hyper-parameters; unknown names raise ``ValueError``."""
        valid = self._param_names()
        for key, value in params.items():
            if key not in valid:
                raise ValueError(
                    f"Invalid parameter {key!r} for {type(self).__name__}; valid parameters are {valid}."
                )
            setattr(self, key, value)
        return self

    def __repr__(self) -> str:
        sig = inspect.signature(type(self).__init__)
        shown = []
        for name in self._param_names():
            value = getattr(self, name, None)
            default = sig.parameters[name].default
            same = default is not inspect.Parameter.empty and (
                value is default or (type(value) is type(default) and _equal(value, default))
            )
            if not same:
                shown.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    # Tags read by scikit-learn (``sklearn.utils.get_tags``) when an mlnotes estimator is put
    # into a scikit-learn Pipeline, GridSearchCV or check_estimator. scikit-learn is imported
    # only here, when scikit-learn itself asks: it is never a runtime dependency of mlnotes.
    # per class: {"input_tags": {"positive_only": True}, "non_deterministic": True, ...}
    _sklearn_tags: dict[str, Any] = {}

    def __sklearn_tags__(self) -> Any:
        """Estimator tags for scikit-learn (imports scikit-learn lazily)."""
        from sklearn.utils import (ClassifierTags, InputTags, RegressorTags, Tags, TargetTags,
                                   TransformerTags)

        kind = getattr(self, "_estimator_type", None)
        tags = Tags(estimator_type=kind,
                    target_tags=TargetTags(required=kind in ("classifier", "regressor")),
                    input_tags=InputTags())
        if kind == "classifier":
            tags.classifier_tags = ClassifierTags()
        elif kind == "regressor":
            tags.regressor_tags = RegressorTags()
        if isinstance(self, TransformerMixin):
            tags.transformer_tags = TransformerTags()
        for name, value in self._sklearn_tags.items():
            if isinstance(value, dict):
                for key, sub_value in value.items():
                    setattr(getattr(tags, name), key, sub_value)
            else:
                setattr(tags, name, value)
        return tags


def clone(estimator: Any) -> Any:
    """A new, unfitted estimator with the same hyper-parameters (deep-copied).

    Parameters
    ----------
    estimator : BaseEstimator
        Any object with ``get_params``; its fitted attributes are not copied.

    Examples
    --------
    >>> class Toy(BaseEstimator):
    ...     def __init__(self, *, alpha=1.0):
    ...         self.alpha = alpha
    >>> fitted = Toy(alpha=0.5)
    >>> fitted.coef_ = 3.0
    >>> copy = clone(fitted)
    >>> copy, hasattr(copy, "coef_")
    (Toy(alpha=0.5), False)
    """
    if isinstance(estimator, type):
        raise TypeError(f"Cannot clone the class {estimator.__name__}: expected an estimator "
                        f"instance such as {estimator.__name__}().")
    if not hasattr(estimator, "get_params"):
        raise TypeError(
            f"Cannot clone {estimator!r} of type {type(estimator).__name__}: "
            "expected an estimator with a get_params method."
        )
    params = {k: copy.deepcopy(v) for k, v in estimator.get_params(deep=False).items()}
    return type(estimator)(**params)


def _equal(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except (ValueError, TypeError):
        return False


class ClassifierMixin:
    """Adds ``score`` = mean accuracy."""

    _estimator_type = "classifier"

    def score(self, X: Any, y: Any) -> float:
        """Mean accuracy of ``self.predict(X)`` against ``y``."""
        pred = self.predict(X)  # type: ignore[attr-defined]
        y = check_y_for_score(y, pred.shape[0], numeric=False)
        return float(np.mean(pred == y))


class RegressorMixin:
    """Adds ``score`` = coefficient of determination R²."""

    _estimator_type = "regressor"

    def score(self, X: Any, y: Any) -> float:
        """R² of ``self.predict(X)`` against ``y``."""
        from .metrics import r2_score

        pred = self.predict(X)  # type: ignore[attr-defined]
        return r2_score(check_y_for_score(y, pred.shape[0], numeric=True), pred)


class TransformerMixin:
    """Adds ``fit_transform``."""

    def fit_transform(self, X: Any, y: Any = None) -> np.ndarray:
        """Fit to ``X`` then transform it."""
        return self.fit(X, y).transform(X)  # type: ignore[attr-defined]


class ClusterMixin:
    """Adds ``fit_predict``."""

    _estimator_type = "clusterer"

    def fit_predict(self, X: Any, y: Any = None) -> np.ndarray:
        """Fit to ``X`` and return ``labels_``."""
        return self.fit(X).labels_  # type: ignore[attr-defined]
