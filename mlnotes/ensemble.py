r"""Random forests: bagged CART trees with random feature subsets at each split.

Every tree is grown on a bootstrap sample (drawn as per-sample counts, i.e.
weights) and at every node considers only ``max_features`` features drawn at
random; the forest averages the trees' class probabilities (classification) or
predictions (regression). The trees are grown one after the other, each by the
CART engine of [`DecisionTreeClassifier`][mlnotes.tree.DecisionTreeClassifier]
(growing all trees of a forest at once bought less than 1.2x, so it was dropped).

References
----------
Breiman, "Random Forests", *Machine Learning* 45, 5-32, 2001.
Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., ch. 15.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._cart import TREE_LEAF, Tree, apply_nodes, grow_tree
from ._validation import (check_array, check_bool, check_is_fitted, check_n_features, check_option,
                          check_random_state, check_scalar, check_X_y, encode_labels,
                          float_errors_as_value_error)
from .base import BaseEstimator, ClassifierMixin, RegressorMixin
from .tree import DecisionTreeClassifier, DecisionTreeRegressor, resolve_tree_params

__all__ = ["RandomForestClassifier", "RandomForestRegressor"]

_WALKERS = 2_000_000  # (tree, sample) pairs walked at once in predict


class _BaseForest(BaseEstimator):
    """Shared fitting and tree-walking logic of the two forests."""

    _criteria: tuple[str, ...] = ()
    _tree_class: type = DecisionTreeClassifier

    def __init__(self, *, n_estimators: int, criterion: str, max_depth: int | None,
                 min_samples_split: int | float, min_samples_leaf: int | float,
                 max_features: int | float | str | None, bootstrap: bool,
                 random_state: Any) -> None:
        self.n_estimators = n_estimators
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.bootstrap = bootstrap
        self.random_state = random_state

    def _grow_forest(self, X: np.ndarray, y: np.ndarray, n_classes: int) -> None:
        check_scalar(self.n_estimators, "n_estimators", int, min_val=1)
        check_option(self.criterion, "criterion", self._criteria)
        check_bool(self.bootstrap, "bootstrap")
        n_samples, n_features = X.shape
        params = resolve_tree_params(self, n_samples, n_features)
        rng = check_random_state(self.random_state)
        n_trees = int(self.n_estimators)
        if self.bootstrap:  # counts of each sample in each tree's bootstrap sample
            draws = rng.integers(0, n_samples, size=(n_trees, n_samples))
            flat = (np.arange(n_trees)[:, None] * n_samples + draws).ravel()
            weights = np.bincount(flat, minlength=n_trees * n_samples).reshape(n_trees, n_samples)
        else:
            weights = np.ones((n_trees, n_samples))
        order = np.argsort(X, axis=0, kind="stable")  # (n_samples, n_features), shared by all trees
        with float_errors_as_value_error(f"{type(self).__name__}.fit"):
            trees = [grow_tree(X, y, w, criterion=self.criterion, n_classes=n_classes, rng=rng,
                               order=order, **params) for w in weights]
        self.n_features_in_ = n_features
        self.estimators_ = [self._as_estimator(tree, params["max_features"]) for tree in trees]
        # All trees in one set of arrays (node ids shifted) so that predict walks them together.
        sizes = np.array([tree.node_count for tree in trees])
        self._roots = np.concatenate(([0], np.cumsum(sizes)[:-1]))

        def joined(name: str) -> np.ndarray:
            return np.concatenate([getattr(tree, name) for tree in trees])

        shift = np.repeat(self._roots, sizes)
        left, right = joined("children_left"), joined("children_right")
        self._left = np.where(left == TREE_LEAF, TREE_LEAF, left + shift)
        self._right = np.where(right == TREE_LEAF, TREE_LEAF, right + shift)
        self._feature, self._threshold = joined("feature"), joined("threshold")
        self._value = joined("value")
        grown = [est.feature_importances_ for est, tree in zip(self.estimators_, trees, strict=True)
                 if tree.node_count > 1]
        mean = np.mean(grown, axis=0) if grown else np.zeros(n_features)
        self.feature_importances_ = mean / mean.sum() if mean.sum() > 0 else mean

    def _as_estimator(self, tree: Tree, max_features: int) -> Any:
        est = self._tree_class(criterion=self.criterion, max_depth=self.max_depth,
                               min_samples_split=self.min_samples_split,
                               min_samples_leaf=self.min_samples_leaf,
                               max_features=self.max_features)
        est.tree_, est.n_features_in_, est.max_features_ = tree, self.n_features_in_, max_features
        est.feature_importances_ = tree.compute_feature_importances(self.n_features_in_)
        if hasattr(self, "classes_"):
            est.classes_, est.n_classes_ = self.classes_, self.n_classes_
        return est

    def _mean_leaf_value(self, X: Any) -> np.ndarray:
        """Average over trees of the leaf values: shape (n_samples, value columns)."""
        check_is_fitted(self, "estimators_")
        X = check_array(X)
        check_n_features(X, self)
        n_trees = len(self.estimators_)
        out = np.empty((X.shape[0], self._value.shape[1]))
        chunk = max(1, _WALKERS // n_trees)
        for lo in range(0, X.shape[0], chunk):
            rows = np.arange(lo, min(lo + chunk, X.shape[0]))
            leaves = apply_nodes(X, self._left, self._right, self._feature, self._threshold,
                                 np.repeat(self._roots, rows.size), np.tile(rows, n_trees))
            with float_errors_as_value_error(f"{type(self).__name__}.predict"):
                out[rows] = self._value[leaves].reshape(n_trees, rows.size, -1).mean(axis=0)
        return out


class RandomForestClassifier(ClassifierMixin, _BaseForest):
    r"""Random forest classifier: averaged probabilities of bootstrapped random trees.

    Parameters
    ----------
    n_estimators : int, default=100
        Number of trees.
    criterion : {"gini", "entropy"}, default="gini"
        Split impurity of the trees.
    max_depth : int or None, default=None
        Maximum depth of each tree.
    min_samples_split : int or float, default=2
        Minimum (distinct) samples needed to split a node.
    min_samples_leaf : int or float, default=1
        Minimum (distinct) samples in each child of a split.
    max_features : int, float, {"sqrt", "log2"} or None, default="sqrt"
        Features drawn at random as split candidates at each node.
    bootstrap : bool, default=True
        Grow each tree on a bootstrap sample (otherwise on all samples).
    random_state : int, numpy.random.Generator or None, default=None
        Seeds the bootstrap samples and the feature draws; the same seed gives
        the same forest.

    Attributes
    ----------
    estimators_ : list of DecisionTreeClassifier
        The fitted trees.
    classes_ : ndarray of shape (n_classes,)
        Sorted class labels.
    n_classes_ : int
        Number of classes.
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_importances_ : ndarray of shape (n_features,)
        Mean of the trees' normalised impurity-decrease importances.

    Notes
    -----
    Tree $b$ is grown on a bootstrap sample $Z^{*b}$ with
    ``max_features`` random candidate features per split; the forest predicts
    $\hat p(k \mid x) = \frac1B \sum_{b=1}^B \hat p_b(k \mid x)$ and the
    class with the largest averaged probability.

    References
    ----------
    Breiman, "Random Forests", *Machine Learning* 45, 5-32, 2001.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(200, 2))
    >>> y = (X[:, 0] + X[:, 1] > 0).astype(int)
    >>> forest = RandomForestClassifier(n_estimators=20, random_state=0).fit(X, y)
    >>> forest.predict([[2.0, 2.0], [-2.0, -2.0]]).tolist()
    [1, 0]
    >>> bool(forest.score(X, y) > 0.95)
    True
    """

    _criteria = ("gini", "entropy")

    def __init__(self, *, n_estimators: int = 100, criterion: str = "gini",
                 max_depth: int | None = None, min_samples_split: int | float = 2,
                 min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = "sqrt", bootstrap: bool = True,
                 random_state: Any = None) -> None:
        super().__init__(n_estimators=n_estimators, criterion=criterion, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         max_features=max_features, bootstrap=bootstrap, random_state=random_state)

    def fit(self, X: Any, y: Any) -> "RandomForestClassifier":
        """Grow the forest on ``X`` (n_samples, n_features) and class labels ``y`` (n_samples,)."""
        X, y = check_X_y(X, y)
        classes, y_index = encode_labels(y)
        self.classes_, self.n_classes_ = classes, int(classes.shape[0])
        self._grow_forest(X, y_index, self.n_classes_)
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        """Mean of the trees' leaf class fractions: shape (n_samples, n_classes)."""
        return self._mean_leaf_value(X)

    def predict(self, X: Any) -> np.ndarray:
        """Class with the largest mean probability: shape (n_samples,)."""
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]


class RandomForestRegressor(RegressorMixin, _BaseForest):
    r"""Random forest regressor: the mean prediction of bootstrapped random trees.

    Parameters
    ----------
    n_estimators : int, default=100
        Number of trees.
    criterion : {"squared_error"}, default="squared_error"
        Split impurity of the trees (variance).
    max_depth : int or None, default=None
        Maximum depth of each tree.
    min_samples_split : int or float, default=2
        Minimum (distinct) samples needed to split a node.
    min_samples_leaf : int or float, default=1
        Minimum (distinct) samples in each child of a split.
    max_features : int, float, {"sqrt", "log2"} or None, default=1.0
        Features drawn at random as split candidates at each node (1.0 = all,
        as in scikit-learn: then only the bootstrap makes the trees differ).
    bootstrap : bool, default=True
        Grow each tree on a bootstrap sample (otherwise on all samples).
    random_state : int, numpy.random.Generator or None, default=None
        Seeds the bootstrap samples and the feature draws.

    Attributes
    ----------
    estimators_ : list of DecisionTreeRegressor
        The fitted trees.
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_importances_ : ndarray of shape (n_features,)
        Mean of the trees' normalised variance-decrease importances.

    Notes
    -----
    $\hat f(x) = \frac1B \sum_{b=1}^B T_b(x)$; averaging $B$
    trees with pairwise correlation $\rho$ and variance $\sigma^2$
    gives variance $\rho\sigma^2 + (1-\rho)\sigma^2/B$, which the random
    feature draws reduce by decorrelating the trees.

    References
    ----------
    Breiman, "Random Forests", *Machine Learning* 45, 5-32, 2001.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> X = rng.uniform(0, 6, size=(200, 1))
    >>> y = np.sin(X[:, 0])
    >>> forest = RandomForestRegressor(n_estimators=20, random_state=0).fit(X, y)
    >>> np.round(forest.predict([[1.5], [4.7]]), 1).tolist()
    [1.0, -1.0]
    """

    _criteria = ("squared_error",)
    _tree_class = DecisionTreeRegressor

    def __init__(self, *, n_estimators: int = 100, criterion: str = "squared_error",
                 max_depth: int | None = None, min_samples_split: int | float = 2,
                 min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = 1.0, bootstrap: bool = True,
                 random_state: Any = None) -> None:
        super().__init__(n_estimators=n_estimators, criterion=criterion, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         max_features=max_features, bootstrap=bootstrap, random_state=random_state)

    def fit(self, X: Any, y: Any) -> "RandomForestRegressor":
        """Grow the forest on ``X`` (n_samples, n_features) and real targets ``y`` (n_samples,)."""
        X, y = check_X_y(X, y, y_numeric=True)
        self._grow_forest(X, y, 0)
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Mean of the trees' predictions: shape (n_samples,)."""
        return self._mean_leaf_value(X)[:, 0]
